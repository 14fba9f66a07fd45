//! Lexicons: general language knowledge (speech verbs, stance verbs, titles, countries…) kept as
//! data in `assets/lexicons/` and embedded at compile time. This file only parses them; each rule
//! file declares the lexicons it uses, e.g.
//! `static VERBS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!(..)));`
//!
//! Format of a `.txt` lexicon: one entry per line, `#` starts a comment, blank lines ignored;
//! entries are matched case-insensitively.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::extract::token::Token;

/// A set of lower-cased phrases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// The entries, hashed: the extractor asks of nearly every token (a hash of a short word
    /// costs a few nanoseconds; a search of a sorted set, a dozen string comparisons).
    entries: FxHashSet<String>,
    /// The entries' [`key_hash`]es, to turn most tokens away before the table is probed.
    filter: KeyFilter,
    longest_words: usize,
    /// The longest entry, in bytes.
    longest_bytes: usize,
    /// Whether every entry is ASCII: then a phrase holding a character that lower-cases to
    /// none (a bullet, a curly quote, "é") is no entry, whatever else it holds.
    ascii: bool,
}

/// Phrases up to this many bytes are lowered on the stack by [`Lexicon::contains`].
const SHORT_PHRASE: usize = 64;

/// The hash of a lexicon key that every [`Token`] carries (computed once, when it is read).
pub fn key_hash(key: &str) -> u64 {
    bytes_hash(key.as_bytes())
}

/// [`key_hash`] of a key's bytes.
#[inline]
fn bytes_hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// A phrase of a lexicon as the words of its lexicon forms (`*` stands for any one word), with
/// their [`key_hash`]es: a token is compared by hash first, so a phrase that does not match is
/// told in a few integer comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    words: Vec<String>,
    hashes: Vec<u64>,
}

impl Words {
    /// The phrase of these words (lexicon forms).
    pub fn new(words: Vec<String>) -> Words {
        let hashes = words.iter().map(|w| key_hash(w)).collect();
        Words { words, hashes }
    }
    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }
    /// Whether the phrase has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
    /// Whether `tokens` from `i` on read this phrase.
    #[inline]
    pub fn reads_at(&self, tokens: &[Token], i: usize) -> bool {
        let Some(slice) = tokens.get(i..i + self.words.len()) else {
            return false;
        };
        slice
            .iter()
            .zip(self.words.iter().zip(&self.hashes))
            .all(|(t, (w, &h))| w == "*" || (t.key_hash() == h && t.key() == w))
    }
}

/// A bit per hash bucket of a set of keys: a clear bit says a key is not in the set, in one
/// memory read and no string hashing, which is the answer for most tokens of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFilter(Box<[u64]>);

/// Buckets of a [`KeyFilter`] (32,768 bits, 4 KB): a few hundred keys set under 2% of them.
const FILTER_BITS: u32 = 15;

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter(vec![0; 1 << (FILTER_BITS - 6)].into_boxed_slice())
    }
}

impl KeyFilter {
    #[inline]
    fn bucket(hash: u64) -> (usize, u64) {
        let b = (hash >> (64 - FILTER_BITS)) as usize;
        (b >> 6, 1 << (b & 63))
    }
    /// Adds a key.
    pub fn insert(&mut self, key: &str) {
        let (word, bit) = Self::bucket(key_hash(key));
        self.0[word] |= bit;
    }
    /// False when no key with this [`key_hash`] was added; true when one may have been.
    #[inline]
    pub fn may_hold(&self, hash: u64) -> bool {
        let (word, bit) = Self::bucket(hash);
        self.0[word] & bit != 0
    }
}

/// A table keyed by lexicon form (a phrase's first word, say), looked up by token through a
/// [`KeyFilter`], so the tokens that start no entry cost one bit test, and by the hash the token
/// carries, so the others are not hashed again.
#[derive(Debug)]
pub struct KeyMap<V> {
    /// Key hash → the keys with that hash and their values (one, bar a 64-bit collision).
    map: FxHashMap<u64, Vec<(String, V)>>,
    filter: KeyFilter,
}

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap {
            map: FxHashMap::default(),
            filter: KeyFilter::default(),
        }
    }
}

impl<V: Default> KeyMap<V> {
    /// The value for `key`, inserted as the default if new.
    pub fn entry(&mut self, key: &str) -> &mut V {
        self.filter.insert(key);
        let same = self.map.entry(key_hash(key)).or_default();
        let at = match same.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                same.push((key.to_string(), V::default()));
                same.len() - 1
            }
        };
        &mut same[at].1
    }
}

impl<V> KeyMap<V> {
    /// The value for the token's lexicon form.
    // asked of nearly every token, which mostly holds no key: the miss, one filter bit, is
    // decided at the call site
    #[inline(always)]
    pub fn get(&self, token: &Token) -> Option<&V> {
        if !self.filter.may_hold(token.key_hash()) {
            return None;
        }
        self.find(token)
    }
    /// [`KeyMap::get`] past the filter.
    fn find(&self, token: &Token) -> Option<&V> {
        let key = token.key();
        self.map
            .get(&token.key_hash())?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
    /// Every value, to sort or prune after building.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut().flatten().map(|(_, v)| v)
    }
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
        let longest_bytes = entries.iter().map(String::len).max().unwrap_or(0);
        let ascii = entries.iter().all(|e| e.is_ascii());
        let mut filter = KeyFilter::default();
        for entry in &entries {
            filter.insert(entry);
        }
        Lexicon {
            entries,
            filter,
            longest_words,
            longest_bytes,
            ascii,
        }
    }
    /// Whether the token's lexicon form is an entry: most tokens are answered by the filter.
    #[inline]
    pub fn holds(&self, token: &Token) -> bool {
        self.filter.may_hold(token.key_hash()) && self.entries.contains(token.key())
    }
    /// Whether `phrase` (any case) is an entry.
    pub fn contains(&self, phrase: &str) -> bool {
        if phrase.is_ascii() {
            // lower-casing ASCII keeps the length: a longer phrase is no entry, and a shorter
            // one is lowered on the stack, where the filter turns most phrases away before the
            // table is probed
            if phrase.len() > self.longest_bytes {
                return false;
            }
            let mut buffer = [0u8; SHORT_PHRASE];
            if let Some(lower) = buffer.get_mut(..phrase.len()) {
                lower.copy_from_slice(phrase.as_bytes());
                lower.make_ascii_lowercase();
                return self.filter.may_hold(bytes_hash(lower))
                    && std::str::from_utf8(lower).is_ok_and(|l| self.entries.contains(l));
            }
        }
        // only the Kelvin sign lower-cases to an ASCII letter (k)
        if self.ascii && phrase.chars().any(|c| !c.is_ascii() && c != '\u{212a}') {
            return false;
        }
        self.entries.contains(&phrase.to_lowercase())
    }
    /// The number of words of the longest entry.
    pub fn longest_words(&self) -> usize {
        self.longest_words
    }
    /// Every entry, sorted. It sorts on each call: build a table from it once (at start-up),
    /// never call it per line or per token.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let mut sorted: Vec<&str> = self.entries.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    use super::{KeyMap, Lexicon as Lex};
    use crate::extract::token::tokenize;

    #[test]
    fn a_token_is_held_exactly_when_its_key_is_an_entry() {
        let lex = Lex::parse(include_str!("../../assets/lexicons/speech_verbs.txt"));
        let text = "Officials SAID, she Told reporters; he added: “We warned them,” insisting \
                    that the council’s plan Warns of nothing. according to claims";
        let mut held = 0;
        for t in tokenize(text) {
            assert_eq!(lex.holds(&t), lex.contains(t.key()), "{:?}", t.text);
            held += usize::from(lex.holds(&t));
        }
        assert!(held >= 5, "{held}");
    }

    #[test]
    fn a_key_map_finds_every_key_it_was_given_and_only_those() {
        let mut map: KeyMap<Vec<u32>> = KeyMap::default();
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            map.entry(w).push(i as u32);
        }
        let text = words.join(" ");
        for (i, t) in tokenize(&text).iter().enumerate() {
            assert_eq!(map.get(t), Some(&vec![i as u32]));
        }
        for t in tokenize("W1 x1 w w20000 Kyiv") {
            let expected = (t.key() == "w1").then(|| vec![1]);
            assert_eq!(map.get(&t), expected.as_ref(), "{:?}", t.text);
        }
    }

    #[test]
    fn a_phrase_reads_its_words_any_word_for_a_star_and_not_past_the_end() {
        let phrase =
            |words: &[&str]| super::Words::new(words.iter().map(|w| w.to_string()).collect());
        let tokens = tokenize("Berlin has ruled out troops");
        assert!(phrase(&["ruled", "out"]).reads_at(&tokens, 2));
        assert!(phrase(&["has", "*", "out"]).reads_at(&tokens, 1));
        assert!(!phrase(&["ruled", "in"]).reads_at(&tokens, 2));
        assert!(!phrase(&["troops", "now"]).reads_at(&tokens, 4));
        // keys, not texts: "Berlin" reads as "berlin"
        assert!(phrase(&["berlin"]).reads_at(&tokens, 0));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(512, 17))]
        #[test]
        fn a_phrase_is_contained_exactly_when_its_lower_case_is_an_entry(
            phrase in "[•“]?(said|Ruled Out|İ said|SAID|ruled out|K|\u{212a})[ a-zA-Z\u{212a}İ•é]{0,3}|[a-zA-Z ]{60,70}|\\PC{0,12}"
        ) {
            // with a non-ASCII entry, and without one
            for lex in [
                Lexicon::parse("said\nruled out\nk\ni\u{307} said\n"),
                Lexicon::parse("said\nruled out\nk\nks\n"),
            ] {
                proptest::prop_assert_eq!(lex.contains(&phrase), lex.entries.contains(&phrase.to_lowercase()));
            }
        }
    }

    #[test]
    fn a_phrase_beyond_ascii_is_an_entry_of_an_ascii_lexicon_only_if_it_lowers_into_one() {
        let lex = Lexicon::parse("k\nks\nhome\n");
        // the Kelvin sign lower-cases to an ASCII k
        assert!(lex.contains("\u{212a}") && lex.contains("\u{212a}S"));
        assert!(!lex.contains("• Home") && !lex.contains("hömé") && !lex.contains("Kö"));
        assert!(lex.contains("HOME"));
    }

    #[test]
    fn comments_blank_lines_and_case_are_ignored() {
        let lex = Lexicon::parse("# verbs\nSaid\n\nruled out  # phrase\n");
        assert!(lex.contains("said") && lex.contains("Ruled Out"));
        assert_eq!(lex.iter().count(), 2);
        assert_eq!(lex.longest_words(), 2);
    }
}
