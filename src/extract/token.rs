//! Word tokens with byte offsets, shared by the extraction rules. A word is a run of letters and
//! digits that may hold an inner apostrophe, hyphen or period ("Kyiv’s", "non-combat", "U.S.");
//! every other non-space character is a token of its own.

/// One token of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Byte offset of its first character in the paragraph.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The lexicon form when it differs from the text (computed once): see [`Token::key`].
    folded: Option<Box<str>>,
}

impl Token<'_> {
    /// A word (starts with a letter or digit), not punctuation.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Lower case, possessive dropped, curly apostrophes straightened: the form lexicons use.
    pub fn key(&self) -> &str {
        self.folded.as_deref().unwrap_or(self.text)
    }
    /// The text without a possessive ending.
    pub fn bare(&self) -> &str {
        self.text
            .strip_suffix("’s")
            .or_else(|| self.text.strip_suffix("'s"))
            .unwrap_or(self.text)
    }
}

/// Splits `text` into tokens. ASCII (most of any text) is classified byte by byte; other
/// characters are decoded where they stand.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        if is_alnum(c) {
            while let Some((d, dl)) = char_at(text, end) {
                let joins = matches!(d, '\'' | '’' | '-' | '‑' | '.')
                    && char_at(text, end + dl).is_some_and(|(n, _)| is_alnum(n));
                if is_alnum(d) || joins {
                    end += dl;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period: single letters joined by periods
            if text[end..].starts_with('.') && is_initialism(&text[start..end]) {
                end += 1;
            }
        }
        let word = &text[start..end];
        tokens.push(Token {
            text: word,
            start,
            end,
            folded: fold(word),
        });
        i = end;
    }
    tokens
}

/// The character at byte `i` of `text` and its length, if any.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// A letter or digit (ASCII tested without the Unicode tables).
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// The lexicon form of `word`, or `None` when it is the word itself (plain lower-case ASCII
/// without a possessive: most words, so most tokens allocate nothing).
fn fold(word: &str) -> Option<Box<str>> {
    let plain = word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80);
    if plain && !word.ends_with("'s") {
        return None;
    }
    let lower = if plain {
        word.to_string()
    } else {
        word.to_lowercase().replace('’', "'")
    };
    Some(match lower.strip_suffix("'s") {
        Some(stem) => stem.into(),
        None => lower.into_boxed_str(),
    })
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
        #![proptest_config(proptest::test_runner::Config {
            cases: 256,
            rng_seed: proptest::test_runner::RngSeed::Fixed(7),
            ..proptest::test_runner::Config::default()
        })]
        #[test]
        fn any_text_tokenizes_as_the_reference_does(text in "[a-zA-Z0-9 .'’‑-]{0,40}|\\PC{0,60}") {
            let ours: Vec<(usize, usize)> = tokenize(&text).iter().map(|t| (t.start, t.end)).collect();
            proptest::prop_assert_eq!(ours, reference(&text));
        }
    }

    #[test]
    fn offsets_point_at_the_token() {
        let text = "Say “no.”";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
