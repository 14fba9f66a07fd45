//! Word tokens with byte offsets, shared by the extraction rules. A word is a run of letters and
//! digits that may hold an inner apostrophe, hyphen or period ("Kyiv’s", "non-combat", "U.S.");
//! every other non-space character is a token of its own.

use compact_str::CompactString;

use crate::extract::lexicon::key_hash;

/// One token of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Byte offset of its first character in the paragraph.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The lexicon form when it differs from the text (computed once): see [`Token::key`]. An
    /// inline string: words are short, so folding one allocates nothing.
    folded: Option<CompactString>,
    /// [`crate::extract::lexicon::key_hash`] of the key, for lexicon filters.
    hash: u64,
    /// [`WORD`], [`CAPITALISED`], [`HAS_LOWER`]: what the rules ask of nearly every token,
    /// known once the token is read.
    flags: u8,
}

/// The token starts with a letter or digit.
const WORD: u8 = 1;
/// The token starts with an upper-case letter.
const CAPITALISED: u8 = 2;
/// The token holds a lower-case letter.
const HAS_LOWER: u8 = 4;

impl Token<'_> {
    /// A blank token, pushed by [`tokenize_into`] before its fields are written.
    const EMPTY: Token<'static> = Token {
        text: "",
        start: 0,
        end: 0,
        folded: None,
        hash: 0,
        flags: 0,
    };
    /// A word (starts with a letter or digit), not punctuation.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.flags & WORD != 0
    }
    /// Starts with an upper-case letter.
    #[inline]
    pub fn is_capitalised(&self) -> bool {
        self.flags & CAPITALISED != 0
    }
    /// Holds a lower-case letter ("Kyiv", not "NATO" or "2024").
    #[inline]
    pub fn has_lower_case(&self) -> bool {
        self.flags & HAS_LOWER != 0
    }
    /// Lower case, possessive dropped, curly apostrophes straightened: the form lexicons use.
    #[inline]
    pub fn key(&self) -> &str {
        self.folded.as_deref().unwrap_or(self.text)
    }
    /// The hash of [`Token::key`] that lexicon filters test
    /// ([`crate::extract::lexicon::KeyFilter`]).
    #[inline]
    pub fn key_hash(&self) -> u64 {
        self.hash
    }
    /// The text without a possessive ending.
    pub fn bare(&self) -> &str {
        self.text
            .strip_suffix("’s")
            .or_else(|| self.text.strip_suffix("'s"))
            .unwrap_or(self.text)
    }
}

/// Splits `text` into tokens, in one pass over its bytes: ASCII (most of any text) is classified
/// by a table; other characters are decoded where they stand. A word's lexicon form is made as
/// it is read.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), so one buffer serves paragraph after paragraph.
pub fn tokenize_into<'a>(text: &'a str, tokens: &mut Vec<Token<'a>>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (start, end, plain, flags) = match CLASS[b as usize] {
            SPACE => {
                i += 1;
                continue;
            }
            ALNUM => {
                let (end, cases) = word_end(text, i);
                let plain = cases & (UPPER | NON_ASCII_LETTER) == 0;
                let mut flags = WORD;
                if b.is_ascii_uppercase() {
                    flags |= CAPITALISED;
                }
                if cases & LOWER != 0
                    || (cases & NON_ASCII_LETTER != 0
                        && text[i..end].chars().any(char::is_lowercase))
                {
                    flags |= HAS_LOWER;
                }
                (i, end, plain, flags)
            }
            OTHER => (i, i + 1, true, 0),
            _ => {
                let (c, len) = char_at(text, i).unwrap_or(('\u{fffd}', 1));
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                if c.is_alphanumeric() {
                    let (end, _) = word_end(text, i);
                    let mut flags = WORD;
                    if c.is_uppercase() {
                        flags |= CAPITALISED;
                    }
                    if text[i..end].chars().any(char::is_lowercase) {
                        flags |= HAS_LOWER;
                    }
                    (i, end, false, flags)
                } else {
                    let mut flags = 0;
                    if c.is_uppercase() {
                        flags |= CAPITALISED;
                    }
                    if c.is_lowercase() {
                        flags |= HAS_LOWER;
                    }
                    (i, i + len, false, flags)
                }
            }
        };
        let word = &text[start..end];
        let folded = if plain { fold_plain(word) } else { fold(word) };
        let hash = key_hash(folded.as_deref().unwrap_or(word));
        // a blank token pushed, then its fields written in place: a token built aside and
        // copied in was read back in 16-byte pieces from smaller stores just made, and the
        // processor stalled on each (a quarter of the tokenizer's time)
        tokens.push(Token::EMPTY);
        if let Some(token) = tokens.last_mut() {
            token.text = word;
            token.start = start;
            token.end = end;
            token.folded = folded;
            token.hash = hash;
            token.flags = flags;
        }
        i = end;
    }
}

const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const OTHER: u8 = 2;
const NON_ASCII: u8 = 3;

/// The class of each byte: ASCII white space, letter or digit, other ASCII, or the first (or a
/// later) byte of a multi-byte character.
static CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// The word holds an ASCII capital.
const UPPER: u8 = 1;
/// The word holds an ASCII lower-case letter.
const LOWER: u8 = 2;
/// The word holds a character beyond ASCII.
const NON_ASCII_LETTER: u8 = 4;

/// The case of each ASCII letter ([`UPPER`], [`LOWER`]), 0 for other bytes.
static CASE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The end of the word starting at byte `start` (a letter or digit), and what it holds:
/// [`UPPER`], [`LOWER`], [`NON_ASCII_LETTER`]. A word with neither capitals nor characters beyond
/// ASCII is its own lexicon form, bar a possessive.
#[inline(always)]
fn word_end(text: &str, start: usize) -> (usize, u8) {
    let bytes = text.as_bytes();
    let mut cases = 0;
    let mut end = start;
    loop {
        // the run of ASCII letters and digits, a table lookup per byte
        while let Some(&b) = bytes.get(end) {
            if CLASS[b as usize] != ALNUM {
                break;
            }
            cases |= CASE[b as usize];
            end += 1;
        }
        let Some(&b) = bytes.get(end) else {
            break;
        };
        if matches!(b, b'\'' | b'-' | b'.') {
            if !alnum_at(text, end + 1) {
                break;
            }
            end += 1;
        } else if b >= 0x80 {
            let Some((d, len)) = char_at(text, end) else {
                break;
            };
            let joins = matches!(d, '’' | '‑') && alnum_at(text, end + len);
            if !(joins || d.is_alphanumeric()) {
                break;
            }
            cases |= NON_ASCII_LETTER;
            end += len;
        } else {
            break;
        }
    }
    // "U.S." keeps its final period: single letters joined by periods
    if bytes.get(end) == Some(&b'.') && is_initialism(&text[start..end]) {
        end += 1;
    }
    (end, cases)
}

/// Whether a letter or digit starts at byte `i`.
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_some_and(|(c, _)| c.is_alphanumeric()),
        None => false,
    }
}

/// The character at byte `i` of `text` and its length, if any.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The lexicon form of a plain word (ASCII, no capitals): itself, unless it ends in "'s".
fn fold_plain(word: &str) -> Option<CompactString> {
    word.strip_suffix("'s").map(CompactString::from)
}

/// The lexicon form of `word`, or `None` when it is the word itself (plain lower-case ASCII
/// without a possessive: most words, so most tokens fold nothing).
fn fold(word: &str) -> Option<CompactString> {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return fold_plain(word);
        }
        let mut lower = CompactString::from(word);
        lower.make_ascii_lowercase();
        if lower.ends_with("'s") {
            lower.truncate(lower.len() - 2);
        }
        return Some(lower);
    }
    // rare, and `str::to_lowercase` knows context (a final capital sigma becomes "ς")
    let lower = word.to_lowercase().replace('’', "'");
    Some(CompactString::from(
        lower.strip_suffix("'s").unwrap_or(&lower),
    ))
}

fn is_initialism(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| p.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_initialism_periods() {
        assert_eq!(
            words("Kyiv’s non-combat U.S. troops, Lt.Gen (retd)."),
            [
                "Kyiv’s",
                "non-combat",
                "U.S.",
                "troops",
                ",",
                "Lt.Gen",
                "(",
                "retd",
                ")",
                "."
            ]
        );
    }

    /// The tokenizer as first written, char by char, kept as the reference.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = start + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(i, d)) = chars.peek() {
                    let joins = matches!(d, '\'' | '’' | '-' | '‑' | '.')
                        && text[i + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || joins {
                        end = i + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                if text[end..].starts_with('.') && super::is_initialism(&text[start..end]) {
                    end += 1;
                    chars.next();
                }
            }
            out.push((start, end));
        }
        out
    }

    #[test]
    fn the_byte_wise_tokenizer_agrees_with_the_reference() {
        for text in [
            "Kyiv’s non-combat U.S. troops, Lt.Gen (retd).",
            "Ünïcödé wörds—and “quotes” … 3.5% of e\u{301}té, 日本語の文 ok?",
            "A.B.C. a-b- 'x' rock'n'roll \u{a0}nbsp\t\ttabs\n\nlines -- end.",
            "",
            "...",
            "é.",
        ] {
            let ours: Vec<(usize, usize)> =
                tokenize(text).iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(ours, reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(256, 7))]
        #[test]
        fn any_text_tokenizes_as_the_reference_does(text in "[a-zA-Z0-9 .'’‑-]{0,40}|\\PC{0,60}") {
            let ours: Vec<(usize, usize)> = tokenize(&text).iter().map(|t| (t.start, t.end)).collect();
            proptest::prop_assert_eq!(ours, reference(&text));
        }

        #[test]
        fn any_token_has_the_reference_key(text in "[a-zA-Z0-9 .'’‑-]{0,40}|[A-Za-zÀ-ÿΑ-Ωα-ως’' ]{0,30}|\\PC{0,60}") {
            for t in tokenize(&text) {
                proptest::prop_assert_eq!(t.key(), reference_key(t.text), "{:?}", t.text);
                proptest::prop_assert_eq!(t.key_hash(), crate::extract::lexicon::key_hash(t.key()));
                let first = t.text.chars().next();
                proptest::prop_assert_eq!(t.is_word(), first.is_some_and(char::is_alphanumeric));
                proptest::prop_assert_eq!(t.is_capitalised(), first.is_some_and(char::is_uppercase));
                proptest::prop_assert_eq!(t.has_lower_case(), t.text.chars().any(char::is_lowercase));
            }
        }
    }

    /// The lexicon form as first written, kept as the reference for the one made while reading.
    fn reference_key(word: &str) -> String {
        let plain = word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80);
        let lower = if plain {
            word.to_string()
        } else {
            word.to_lowercase().replace('’', "'")
        };
        lower.strip_suffix("'s").unwrap_or(&lower).to_string()
    }

    #[test]
    fn keys_are_lower_case_without_possessives_or_curly_apostrophes() {
        let keys: Vec<String> = tokenize("Kyiv’s NATO's allies' U.S. ΟΔΟΣ Straße “Yes”")
            .iter()
            .map(|t| t.key().to_string())
            .collect();
        assert_eq!(
            keys,
            ["kyiv", "nato", "allies", "'", "u.s.", "οδος", "straße", "“", "yes", "”"]
        );
    }

    #[test]
    fn offsets_point_at_the_token() {
        let text = "Say “no.”";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
