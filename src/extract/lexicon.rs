//! Lexicons: general language knowledge (speech verbs, stance verbs, titles, countries…) kept as
//! data in `assets/lexicons/` and embedded at compile time. This file only parses them; each rule
//! file declares the lexicons it uses, e.g.
//! `static VERBS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!(..)));`
//!
//! Format of a `.txt` lexicon: one entry per line, `#` starts a comment, blank lines ignored;
//! entries are matched case-insensitively.

use rustc_hash::FxHashSet;

/// A set of lower-cased phrases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// The entries, hashed: the extractor asks of nearly every token (a hash of a short word
    /// costs a few nanoseconds; a search of a sorted set, a dozen string comparisons).
    entries: FxHashSet<String>,
    longest_words: usize,
}

impl Lexicon {
    /// Parses a one-entry-per-line lexicon (`#` comments, blank lines ignored).
    pub fn parse(text: &str) -> Lexicon {
        let entries: FxHashSet<String> = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        let longest_words = entries
            .iter()
            .map(|e| e.split_whitespace().count())
            .max()
            .unwrap_or(0);
        Lexicon {
            entries,
            longest_words,
        }
    }
    /// Whether `phrase` (any case) is an entry.
    pub fn contains(&self, phrase: &str) -> bool {
        if phrase.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            self.entries.contains(&phrase.to_lowercase())
        } else {
            self.entries.contains(phrase) // already lower case: no allocation
        }
    }
    /// The number of words of the longest entry.
    pub fn longest_words(&self) -> usize {
        self.longest_words
    }
    /// Every entry, sorted (rule tables are built from it once, at start-up).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let mut sorted: Vec<&str> = self.entries.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    #[test]
    fn comments_blank_lines_and_case_are_ignored() {
        let lex = Lexicon::parse("# verbs\nSaid\n\nruled out  # phrase\n");
        assert!(lex.contains("said") && lex.contains("Ruled Out"));
        assert_eq!(lex.iter().count(), 2);
        assert_eq!(lex.longest_words(), 2);
    }
}
