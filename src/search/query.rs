//! The query language fzf users know: space-separated terms, all of which must match; a plain
//! term matches fuzzily, `'term` exactly, `^term` at the start, `term$` at the end, and `!term`
//! must not occur. Smart case: a term with a capital letter matches case-sensitively.

/// How one term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Letters in order within a word.
    Fuzzy,
    /// As a substring.
    Exact,
    /// At the start of the text.
    Prefix,
    /// At the end of the text.
    Suffix,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The text to match (markers removed).
    pub text: String,
    /// How it matches.
    pub how: How,
    /// `!`: items matching it are excluded.
    pub negated: bool,
    /// Contains a capital: match case-sensitively.
    pub case_sensitive: bool,
}

/// Parses a query into terms (empty terms dropped).
pub fn parse(query: &str) -> Vec<Term> {
    query.split_whitespace().filter_map(parse_term).collect()
}

fn parse_term(raw: &str) -> Option<Term> {
    let (negated, rest) = match raw.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, raw),
    };
    let (how, text) = if let Some(r) = rest.strip_prefix('\'') {
        (How::Exact, r)
    } else if let Some(r) = rest.strip_prefix('^') {
        (How::Prefix, r)
    } else if let Some(r) = rest.strip_suffix('$').filter(|r| !r.is_empty()) {
        (How::Suffix, r)
    } else if negated {
        (How::Exact, rest) // fzf: a negated plain term is an exact match
    } else {
        (How::Fuzzy, rest)
    };
    if text.is_empty() {
        return None;
    }
    let case_sensitive = text.chars().any(char::is_uppercase);
    Some(Term {
        text: text.to_string(),
        how,
        negated,
        case_sensitive,
    })
}

impl Term {
    /// Whether `text` satisfies this term's exact, prefix or suffix condition (fuzzy terms are
    /// matched word by word elsewhere).
    pub fn holds(&self, text: &str) -> bool {
        let eq = |a: &str| {
            if self.case_sensitive {
                a == self.text
            } else if self.text.is_ascii() {
                a.eq_ignore_ascii_case(&self.text)
            } else {
                a.to_lowercase() == self.text.to_lowercase()
            }
        };
        let n = self.text.len();
        match self.how {
            How::Prefix => text.get(..n).is_some_and(eq),
            How::Suffix => {
                let text = text.trim_end();
                text.len() >= n && text.get(text.len() - n..).is_some_and(eq)
            }
            How::Exact | How::Fuzzy => contains(text, &self.text, self.case_sensitive),
        }
    }
}

/// Substring search, ASCII-case-insensitive unless `case_sensitive`, without allocating.
fn contains(text: &str, needle: &str, case_sensitive: bool) -> bool {
    if case_sensitive {
        return text.contains(needle);
    }
    if !needle.is_ascii() {
        return text.to_lowercase().contains(&needle.to_lowercase());
    }
    let (hay, pat) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = pat.first() else {
        return true;
    };
    // candidates are found with SIMD (both cases of the first byte), then compared
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + pat.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(pat))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_containment_finds_either_case_anywhere() {
        assert!(contains("Hello World", "wor", false));
        assert!(contains("Hello World", "LD", false));
        assert!(contains("Hello World", "h", false));
        assert!(!contains("Hello World", "worlds", false));
        assert!(!contains("Hello World", "wor", true));
        assert!(contains("abc", "", false));
        assert!(contains("Café au lait", "AU L", false));
    }

    #[test]
    fn markers_set_how_a_term_matches() {
        let terms = parse("troop 'exact ^The end$ !not");
        let hows: Vec<(How, bool)> = terms.iter().map(|t| (t.how, t.negated)).collect();
        assert_eq!(
            hows,
            [
                (How::Fuzzy, false),
                (How::Exact, false),
                (How::Prefix, false),
                (How::Suffix, false),
                (How::Exact, true)
            ]
        );
        assert_eq!(terms[2].text, "The");
        assert!(terms[2].case_sensitive && !terms[0].case_sensitive);
    }

    #[test]
    fn prefix_and_suffix_hold_at_the_ends() {
        let t = &parse("^the")[0];
        assert!(t.holds("The talks") && !t.holds("After the talks"));
        let t = &parse("talks.$")[0];
        assert!(t.holds("After the talks.") && !t.holds("talks. Then"));
    }

    #[test]
    fn bare_markers_are_ignored() {
        assert!(parse("' ^ !").is_empty());
    }
}
