//! A set of short phrases found where words start, ASCII case-insensitively: prompt phrases in
//! a page ("share this article"), cue phrases in a sentence ("remains unclear").
//!
//! Every caller wants whole words, so a phrase that starts with a letter or digit is only tried
//! where a word starts (after a character that is not one), and a phrase that starts with
//! anything else ("(photo:", "/ap photo") wherever its first byte stands. Word starts are found
//! eight bytes at a time ([`crate::text::swar`]) where they are ASCII or punctuation such as
//! curly quotes and dashes; at each, the next four bytes, lower-cased
//! at once, are looked up in a bit table of the phrases' first four bytes, which turns away
//! nearly every word ("the " and "not " pass, and are told from "the question" by one more
//! comparison). A general automaton (Aho-Corasick) steps through every byte, each step waiting
//! on the state the last one loaded: on the prompt phrases over 20 MB of lines this scan takes
//! 27 ms where the automaton took 37 ms. Unlike that automaton's matches, which do not overlap,
//! every occurrence is reported, so a match that fails a caller's own test never hides another
//! that starts inside it.

use crate::text::swar;

/// The shortest phrase, in bytes: the first four bytes are what the table holds.
pub const SHORTEST: usize = 4;

/// The phrases, grouped by their first four bytes (lower case), longest first within a group.
pub struct PhraseSet {
    /// The phrases as built, lower-cased (ASCII).
    phrases: Vec<Box<[u8]>>,
    /// Indices into `phrases`, sorted by first four bytes, then longest first.
    order: Vec<u32>,
    /// Each first four bytes (as [`head`] reads them) and the range of `order` starting so.
    groups: Vec<(u32, u32, u32)>,
    /// One bit per [`slot`] of a first four bytes that some phrase starts with.
    filter: Box<[u64; FILTER_WORDS]>,
    /// What each byte is: [`ALNUM`], [`OPENS`], [`WIDE`].
    class: [u8; 256],
    /// The ASCII bytes that are [`OPENS`].
    openers: Vec<u8>,
    /// Whether some phrase starts with a byte beyond ASCII (then every chunk holding one is
    /// read character by character).
    wide_opener: bool,
}

/// An ASCII letter or digit.
const ALNUM: u8 = 1;
/// Starts a phrase but is not an ASCII letter or digit: phrases starting so are tried anywhere.
const OPENS: u8 = 2;
/// A byte of a character beyond ASCII.
const WIDE: u8 = 4;

/// 2^16 bits: with a few hundred phrases, about one word in two hundred passes by chance.
const FILTER_WORDS: usize = 1 << 10;

impl PhraseSet {
    /// The set of `phrases` (matched ASCII case-insensitively; other bytes as they are).
    ///
    /// # Panics
    /// If a phrase is shorter than [`SHORTEST`] bytes (a phrase, not a word list).
    pub fn new<I, S>(phrases: I) -> PhraseSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let phrases: Vec<Box<[u8]>> = phrases
            .into_iter()
            .map(|p| {
                p.as_ref()
                    .to_ascii_lowercase()
                    .into_bytes()
                    .into_boxed_slice()
            })
            .collect();
        for p in &phrases {
            assert!(
                p.len() >= SHORTEST,
                "a phrase has at least {SHORTEST} bytes: {:?}",
                String::from_utf8_lossy(p)
            );
        }
        let mut order: Vec<u32> = (0..phrases.len() as u32).collect();
        order.sort_by_key(|&i| {
            let p = &phrases[i as usize];
            (head(p), std::cmp::Reverse(p.len()))
        });
        let mut groups: Vec<(u32, u32, u32)> = Vec::new();
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        let mut class = [0u8; 256];
        for (b, c) in class.iter_mut().enumerate() {
            let b = b as u8;
            if b.is_ascii_alphanumeric() {
                *c = ALNUM;
            } else if !b.is_ascii() {
                *c = WIDE;
            }
        }
        for (at, &i) in order.iter().enumerate() {
            let p = &phrases[i as usize];
            let key = head(p);
            match groups.last_mut() {
                Some(group) if group.0 == key => group.2 = at as u32 + 1,
                _ => groups.push((key, at as u32, at as u32 + 1)),
            }
            let bit = slot(key);
            filter[bit >> 6] |= 1 << (bit & 63);
            if !p[0].is_ascii_alphanumeric() {
                class[usize::from(p[0])] |= OPENS;
            }
        }
        PhraseSet {
            phrases,
            order,
            groups,
            filter,
            openers: (0..128u8)
                .filter(|&b| class[usize::from(b)] & OPENS != 0)
                .collect(),
            wide_opener: class[128..].iter().any(|&c| c & OPENS != 0),
            class,
        }
    }

    /// Calls `accept(phrase, start, end)` for each occurrence of a phrase (its index in the
    /// order built, and its byte span in `text`), left to right and longest first at one start,
    /// until `accept` returns true. Returns whether it did.
    pub fn any(&self, text: &str, mut accept: impl FnMut(usize, usize, usize) -> bool) -> bool {
        let bytes = text.as_bytes();
        let mut i = 0;
        // whether the character before `i` is a letter or digit
        let mut after_alnum = false;
        // eight bytes at a time while they are ASCII or punctuation (see `all_punctuation`)
        // without a byte that opens a phrase (all but a few of them): the word starts are the
        // ASCII letters and digits after other bytes
        while let Some(x) = swar::load(bytes, i) {
            let wide = x & swar::HIGH;
            if (wide != 0 && (self.wide_opener || !all_punctuation(bytes, i, wide)))
                || self.openers.iter().any(|&o| swar::has_byte(x, o))
            {
                let end = i + 8;
                while i < end {
                    if self.step(text, &mut i, &mut after_alnum, &mut accept) {
                        return true;
                    }
                }
                continue;
            }
            let alnum = swar::alnum_bytes(x);
            let mut starts = alnum & !(alnum << 8 | u64::from(after_alnum) << 7);
            while starts != 0 {
                let at = i + swar::leading_bytes(starts);
                if self.at(bytes, at, &mut accept) {
                    return true;
                }
                starts &= starts - 1;
            }
            after_alnum = alnum >> 63 != 0;
            i += 8;
        }
        while i < bytes.len() {
            if self.step(text, &mut i, &mut after_alnum, &mut accept) {
                return true;
            }
        }
        false
    }

    /// One character at byte `i` (moved past it): tried as a phrase start if it may be one.
    #[inline(always)]
    fn step(
        &self,
        text: &str,
        i: &mut usize,
        after_alnum: &mut bool,
        accept: &mut impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        let bytes = text.as_bytes();
        let class = self.class[usize::from(bytes[*i])];
        let starts = (class & ALNUM != 0 && !*after_alnum) || class & OPENS != 0;
        if starts && self.at(bytes, *i, accept) {
            return true;
        }
        if class & WIDE == 0 {
            *after_alnum = class & ALNUM != 0;
            *i += 1;
        } else if bytes[*i] < 0xc0 {
            // the rest of a character of punctuation that a chunk read at once ended inside
            *after_alnum = false;
            *i += 1;
        } else {
            // a character beyond ASCII: a letter ("é") joins a word, a mark ("’") does not
            let c = text[*i..].chars().next().unwrap_or(' ');
            *after_alnum = c.is_alphanumeric();
            *i += c.len_utf8();
        }
        false
    }

    /// Tries the phrases that may start at byte `i` (with [`SHORTEST`] bytes from it), longest
    /// first.
    #[inline(always)]
    fn at(
        &self,
        bytes: &[u8],
        i: usize,
        accept: &mut impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        let Some(four) = bytes.get(i..i + SHORTEST) else {
            return false;
        };
        let key = head(four);
        let bit = slot(key);
        if self.filter[bit >> 6] & (1 << (bit & 63)) == 0 {
            return false;
        }
        self.try_group(bytes, i, key, accept)
    }

    #[inline(never)]
    fn try_group(
        &self,
        bytes: &[u8],
        i: usize,
        key: u32,
        accept: &mut impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        let Ok(g) = self.groups.binary_search_by_key(&key, |g| g.0) else {
            return false;
        };
        let (_, from, to) = self.groups[g];
        let rest = &bytes[i + SHORTEST..];
        self.order[from as usize..to as usize].iter().any(|&p| {
            let tail = &self.phrases[p as usize][SHORTEST..];
            rest.len() >= tail.len()
                && rest[..tail.len()].eq_ignore_ascii_case(tail)
                && accept(p as usize, i, i + SHORTEST + tail.len())
        })
    }
}

/// Whether every byte beyond ASCII among the eight at `i` (marked in `wide`) belongs to a
/// character of General Punctuation, U+2000 to U+203F (E2 80 xx): curly quotes, dashes,
/// ellipses, the usual reason a chunk of prose is not ASCII. None is a letter or digit, so the
/// chunk is read eight bytes at a time like an ASCII one, its wide bytes counted as marks.
#[inline(always)]
fn all_punctuation(bytes: &[u8], i: usize, mut wide: u64) -> bool {
    while wide != 0 {
        let at = i + swar::leading_bytes(wide);
        let byte = bytes[at];
        let ok = if byte >= 0xc0 {
            byte == 0xe2 && bytes.get(at + 1) == Some(&0x80)
        } else {
            // a continuation byte: the second (after E2) or the third (after E2 80)
            (byte == 0x80 && at >= 1 && bytes[at - 1] == 0xe2)
                || (at >= 2 && bytes[at - 2] == 0xe2 && bytes[at - 1] == 0x80)
        };
        if !ok {
            return false;
        }
        wide &= wide - 1;
    }
    true
}

/// The first [`SHORTEST`] bytes of `bytes` (at least that many), ASCII letters lower-cased, as
/// one number.
#[inline(always)]
fn head(bytes: &[u8]) -> u32 {
    let x = u32::from_le_bytes(bytes[..4].try_into().expect("four bytes"));
    swar::to_lower(u64::from(x)) as u32
}

/// Where `key` falls in the filter.
#[inline(always)]
fn slot(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

#[cfg(test)]
mod tests {
    use super::{head, PhraseSet};
    use proptest::prelude::*;

    fn found(set: &PhraseSet, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        set.any(text, |p, s, e| {
            out.push((p, s, e));
            false
        });
        out
    }

    /// The plain computation: every phrase at every byte where it may start (a word start for
    /// a phrase opening with a letter or digit, anywhere otherwise), compared case-insensitively.
    fn reference(phrases: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (start, _) in text.char_indices() {
            let word_start = !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let mut here: Vec<(usize, usize, usize)> = phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    let opens_word = p.as_bytes()[0].is_ascii_alphanumeric();
                    (word_start || !opens_word)
                        && text.as_bytes()[start..]
                            .get(..p.len())
                            .is_some_and(|s| s.eq_ignore_ascii_case(p.as_bytes()))
                })
                .map(|(i, p)| (i, start, start + p.len()))
                .collect();
            here.sort_by_key(|&(i, s, e)| (std::cmp::Reverse(e - s), i));
            out.extend(here);
        }
        out
    }

    const PHRASES: &[&str] = &[
        "share this",
        "share this article",
        "read more",
        "(photo:",
        "/ap photo",
        "reuters/",
        "don’t know",
        "é clair",
    ];

    #[test]
    fn phrases_are_found_at_word_starts_in_any_case() {
        let set = PhraseSet::new(PHRASES);
        assert_eq!(
            found(&set, "Please SHARE THIS Article. Read More"),
            [(1, 7, 25), (0, 7, 17), (2, 27, 36)]
        );
        // not inside a word, but a phrase opening with a mark may start anywhere
        assert_eq!(found(&set, "reshare this; Smith/AP Photo"), [(4, 19, 28)]);
        assert_eq!(found(&set, "caption(Photo: x)"), [(3, 7, 14)]);
        // a letter beyond ASCII joins the word, a curly quote does not
        assert_eq!(found(&set, "éread more"), []);
        assert_eq!(found(&set, "“read more”"), [(2, 3, 12)]);
        assert_eq!(found(&set, "we DON’T KNOW"), [(6, 3, 15)]);
    }

    #[test]
    fn punctuation_beyond_ascii_ends_a_word_and_a_letter_does_not() {
        let set = PhraseSet::new(&PHRASES[..PHRASES.len() - 1]);
        assert_eq!(found(&set, "xx—read more"), [(2, 5, 14)]);
        assert_eq!(found(&set, "“read more” now"), [(2, 3, 12)]);
        assert_eq!(found(&set, "xxxxxxéread more"), []);
        assert_eq!(found(&set, "éread more, xxxxxx"), []);
        assert_eq!(found(&set, "x€read more, xxxxx"), [(2, 4, 13)]);
    }

    #[test]
    fn accepting_stops_the_search() {
        let set = PhraseSet::new(PHRASES);
        let mut seen = 0;
        assert!(set.any("read more, read more", |_, _, _| {
            seen += 1;
            true
        }));
        assert_eq!(seen, 1);
        assert!(!set.any("nothing here", |_, _, _| true));
        assert!(!set.any("", |_, _, _| true));
        assert!(!set.any("r", |_, _, _| true));
    }

    proptest! {
        #[test]
        fn four_bytes_are_lower_cased_at_once_as_one_by_one(bytes in any::<[u8; 4]>()) {
            prop_assert_eq!(head(&bytes), u32::from_le_bytes(bytes.map(|b| b.to_ascii_lowercase())));
        }

        #[test]
        fn every_occurrence_is_found_as_the_plain_search_finds_it(
            text in "([sS]hare|[tT]his|THIS|article|read|more|[rR]euters|/|/[aA][pP]|photo|\\(|é|’|don’t|know|Éé|clair| |x|\\.|“|—|…|€|ア){0,14}"
        ) {
            let set = PhraseSet::new(PHRASES);
            prop_assert_eq!(found(&set, &text), reference(PHRASES, &text));
            // without a phrase that opens with a wide character, chunks of punctuation are
            // read eight bytes at a time
            let ascii_openers = &PHRASES[..PHRASES.len() - 1];
            let set = PhraseSet::new(ascii_openers);
            prop_assert_eq!(found(&set, &text), reference(ascii_openers, &text));
        }
    }
}
