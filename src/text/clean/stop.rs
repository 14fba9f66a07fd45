//! Stop words ("the", "of", "which"), asked of every word of every line by [`super::line`]:
//! a table of the lexicon's words packed into integers, so a lookup is a few byte operations, a
//! multiply and one or two probes, with no string hashing, comparison or allocation.
//!
//! Matching is that of the lexicon: the word is stripped of leading and trailing characters that
//! are not letters or digits, ASCII letters are lower-cased, and the result must be an entry.

use std::sync::LazyLock;

/// The packed stop words; see [`Table`].
static STOP_WORDS: LazyLock<Table> =
    LazyLock::new(|| Table::new(include_str!("../../../assets/lexicons/stopwords.txt")));

/// The longest word a table can hold, in bytes (one `u128`).
const MAX_PACKED: usize = 16;

/// The filter has `2^FILTER_BITS` bits (512 bytes).
const FILTER_BITS: u32 = 12;

/// Open addressing over packed keys: each entry is its bytes little-endian in a `u128` (so no
/// key is 0, the empty slot), at the slot its hash names or the next free one after it.
/// A bit per hash value comes first: most words are not stop words, and their bit, in a filter
/// small enough to stay in the fastest cache, is mostly clear.
struct Table {
    /// Bit `h` is set when some entry's hash (top [`FILTER_BITS`] bits) is `h`.
    filter: [u64; 1 << (FILTER_BITS - 6)],
    slots: Box<[u128]>,
    /// `slots.len() - 1` (the length is a power of two).
    mask: usize,
    /// The longest entry, in bytes: a longer word is not looked up.
    longest: usize,
}

impl Table {
    /// Builds the table from a one-word-per-line lexicon (`#` comments). Every entry must be
    /// ASCII lower case of at most [`MAX_PACKED`] bytes; the stop-word lexicon is.
    fn new(lexicon: &str) -> Table {
        let words: Vec<&str> = lexicon
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect();
        // half full at most, so a probe that passed the filter meets an empty slot soon
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut table = Table {
            filter: [0; 1 << (FILTER_BITS - 6)],
            slots: vec![0; size].into_boxed_slice(),
            mask: size - 1,
            longest: 0,
        };
        for word in words {
            let key = pack_lower(word.as_bytes());
            let lower = word
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
            assert!(
                key != 0 && lower,
                "{word:?}: stop words are short ASCII lower case"
            );
            table.longest = table.longest.max(word.len());
            let bit = Table::hash(key) >> (64 - FILTER_BITS);
            table.filter[(bit >> 6) as usize] |= 1 << (bit & 63);
            let mut i = table.slot(key);
            while table.slots[i] != 0 && table.slots[i] != key {
                i = (i + 1) & table.mask;
            }
            table.slots[i] = key;
        }
        table
    }

    fn hash(key: u128) -> u64 {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        folded.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn slot(&self, key: u128) -> usize {
        (Table::hash(key) >> 32) as usize & self.mask
    }

    fn contains(&self, key: u128) -> bool {
        let bit = Table::hash(key) >> (64 - FILTER_BITS);
        if self.filter[(bit >> 6) as usize] & 1 << (bit & 63) == 0 {
            return false;
        }
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// `bytes` (1 to 16 ASCII bytes), ASCII letters lower-cased, as one integer, little-endian;
/// 0 (no entry's key) for a word that cannot be packed. Without a loop over the bytes: a few
/// overlapping loads cover any length, and the letters are lower-cased eight at a time.
#[inline] // as is_stop_word
fn pack_lower(bytes: &[u8]) -> u128 {
    let len = bytes.len();
    let (lo, hi) = match len {
        0 => return 0,
        1..=3 => {
            // the first, middle and last byte cover one to three bytes
            let at = |i: usize| u64::from(bytes[i]) << (8 * i);
            (at(0) | at(len / 2) | at(len - 1), 0)
        }
        4..=7 => (
            load4(bytes, 0) | load4(bytes, len - 4) << (8 * (len - 4)),
            0,
        ),
        8 => (load8(bytes, 0), 0),
        9..=MAX_PACKED => (load8(bytes, 0), load8(bytes, len - 8) >> (8 * (16 - len))),
        _ => return 0,
    };
    if (lo | hi) & 0x8080_8080_8080_8080 != 0 {
        return 0; // entries are ASCII: a word with any other byte is none of them
    }
    u128::from(lower8(lo)) | u128::from(lower8(hi)) << 64
}

/// Four bytes of `bytes` from `at`, little-endian.
fn load4(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(word))
}

/// Eight bytes of `bytes` from `at`, little-endian.
fn load8(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Eight ASCII bytes with `A`–`Z` lower-cased: each byte plus a bias carries into its top bit
/// exactly when it is past a bound (no byte overflows, as none is above 0x7f).
fn lower8(ascii: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = ascii + ONES * u64::from(0x80 - b'A');
    let past_z = ascii + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !past_z & (ONES * 0x80);
    ascii | upper >> 2
}

/// Whether `word`, stripped of punctuation and lower-cased, is a stop word. ASCII edges are
/// trimmed byte by byte; only a word with a non-ASCII character at an edge (a curly quote, a
/// dash, an accented letter) is decoded.
#[inline] // into Line::measure's loop over every word: the call cost a few percent of it
pub fn is_stop_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let (mut start, mut end) = (0, bytes.len());
    while start < end && bytes[start].is_ascii() && !bytes[start].is_ascii_alphanumeric() {
        start += 1;
    }
    while end > start && bytes[end - 1].is_ascii() && !bytes[end - 1].is_ascii_alphanumeric() {
        end -= 1;
    }
    let mut core = &word[start..end];
    if core.bytes().next().is_some_and(|b| !b.is_ascii())
        || core.bytes().next_back().is_some_and(|b| !b.is_ascii())
    {
        core = core.trim_matches(|c: char| !c.is_alphanumeric());
    }
    core.len() <= STOP_WORDS.longest && STOP_WORDS.contains(pack_lower(core.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain computation: strip, lower-case the ASCII letters, look the word up among the
    /// lexicon's lines.
    fn reference(word: &str) -> bool {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower: String = core.chars().map(|c| c.to_ascii_lowercase()).collect();
        !lower.is_empty()
            && include_str!("../../../assets/lexicons/stopwords.txt")
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .any(|entry| entry == lower)
    }

    const STOP: [&str; 8] = [
        "the",
        "The",
        "THE,",
        "“the",
        "(and)",
        "of…",
        "A.",
        "Themselves.",
    ];
    const NOT_STOP: [&str; 9] = [
        "minister",
        "Kyiv’s",
        "don’t",
        "“",
        "—",
        "",
        "12",
        "whichever",
        "théir",
    ];

    #[test]
    fn stop_words_are_found_whatever_their_case_and_punctuation() {
        for word in STOP {
            assert!(is_stop_word(word), "{word:?}");
        }
        for word in NOT_STOP {
            assert!(!is_stop_word(word), "{word:?}");
        }
    }

    #[test]
    fn the_table_agrees_with_the_lexicon_lookup() {
        let long = "x".repeat(40);
        let edges = [
            "’s",
            "Don't",
            "a",
            "themselves",
            "themselvesx",
            "naïve",
            "über",
            "it’s”",
            "\"which",
            "whic",
            "\u{212a}",
            "İt",
            "i\u{307}t",
            "the\u{0}",
            "\u{1}the",
            long.as_str(),
        ];
        let words: Vec<&str> = STOP.into_iter().chain(NOT_STOP).chain(edges).collect();
        for word in words {
            assert_eq!(is_stop_word(word), reference(word), "{word:?}");
        }
        // every entry, in three cases and wrapped in punctuation
        for entry in include_str!("../../../assets/lexicons/stopwords.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
        {
            for word in [
                entry.to_string(),
                entry.to_uppercase(),
                format!("“{entry},”"),
            ] {
                assert!(is_stop_word(&word), "{word:?}");
            }
            let longer = format!("{entry}s");
            assert_eq!(is_stop_word(&longer), reference(&longer), "{longer:?}");
        }
    }

    /// The plain packing: byte by byte, or 0.
    fn pack_reference(bytes: &[u8]) -> u128 {
        if bytes.is_empty() || bytes.len() > MAX_PACKED || !bytes.is_ascii() {
            return 0;
        }
        let lower = bytes.iter().map(u8::to_ascii_lowercase);
        lower.rev().fold(0, |key, b| key << 8 | u128::from(b))
    }

    #[test]
    fn packing_agrees_with_the_byte_by_byte_packing_at_every_length() {
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..=MAX_PACKED + 2 {
            for window in all.windows(len.max(1)).step_by(7) {
                let bytes = &window[..len];
                assert_eq!(pack_lower(bytes), pack_reference(bytes), "{bytes:?}");
            }
            let letters = &b"AbCdEfGhIjKlMnOpQrStUvWxYz@[`{"[..len.min(30)];
            assert_eq!(pack_lower(letters), pack_reference(letters), "{letters:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(2000, 11))]
        #[test]
        fn any_bytes_pack_as_byte_by_byte(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..20)) {
            proptest::prop_assert_eq!(pack_lower(&bytes), pack_reference(&bytes));
        }
        #[test]
        fn any_ascii_bytes_pack_as_byte_by_byte(bytes in proptest::collection::vec(0u8..0x80, 0..20)) {
            proptest::prop_assert_eq!(pack_lower(&bytes), pack_reference(&bytes));
        }
        #[test]
        fn any_word_is_a_stop_word_as_the_lexicon_says(
            word in "[“\"(']{0,2}(a|an|the|of|which|themselves|yours|ThE|AND|x)?[a-zA-Z]{0,3}[.,”’)!…]{0,2}|[a-zA-Z0-9\u{0}-\u{1f}.,'’“”—é\u{212a}İ]{0,12}|\\PC{0,8}"
        ) {
            proptest::prop_assert_eq!(is_stop_word(&word), reference(&word));
        }
    }
}
