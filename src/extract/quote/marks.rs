//! Finding quoted stretches in a paragraph: curly and straight double quotes, single quotes
//! (‘…’ and '…' as British papers use them) when not nested inside double ones, with
//! apostrophes (don’t, Kyiv’s, ’90s, the Europeans’) never taken for quotation marks.

use crate::briefing::Span;

/// One quoted stretch of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The words inside the marks.
    pub inner: Span,
    /// Byte offset just past the closing mark, or the paragraph's end if the quotation runs on
    /// into the next paragraph (no closing mark).
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Double,
    Single,
}

/// Every quoted stretch of `text`, in order. An opening mark left open at the end of the
/// paragraph yields an unclosed stretch to the end.
///
/// Only quotation marks open or close a stretch, so only they are looked at, with the
/// characters either side: the bytes of the text are searched for the marks' first bytes.
pub fn find_marked(text: &str) -> Vec<Marked> {
    stretches(text, marks(text))
}

/// The quoted stretches the characters `chars` of `text` (offset and character, in order) open
/// and close; characters left out must be ones that neither open nor close.
fn stretches(text: &str, chars: impl IntoIterator<Item = (usize, char)>) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, Style)> = None; // (mark offset, inner start, style)
    for (at, c) in chars {
        let prev = text[..at].chars().next_back();
        let after = at + c.len_utf8();
        let next = text[after..].chars().next();
        match open {
            None => open = opening(c, prev, next).map(|style| (at, after, style)),
            Some((mark, inner, style)) => {
                if closes(c, style, prev, next) || ends_quote_after_s(text, at, c, style, next) {
                    out.push(Marked {
                        open: mark,
                        inner: Span::new(inner, at),
                        close: after,
                        closed: true,
                    });
                    open = None;
                }
            }
        }
    }
    if let Some((mark, inner, _)) = open {
        out.push(Marked {
            open: mark,
            inner: Span::new(inner, text.len()),
            close: text.len(),
            closed: false,
        });
    }
    out
}

/// The quotation marks of `text` (and apostrophes, which look like them) with their offsets:
/// `"` and `'`, and the characters led by 0xC2 (« ») or 0xE2 (“ ” „ ‘ ’).
fn marks(text: &str) -> Vec<(usize, char)> {
    let bytes = text.as_bytes();
    let mut starts: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).collect();
    if memchr::memchr(0xC2, bytes).is_some() {
        starts.extend(memchr::memchr_iter(0xC2, bytes));
        starts.sort_unstable();
    }
    starts
        .into_iter()
        .filter_map(|at| {
            let c = text[at..].chars().next()?;
            is_mark(c).then_some((at, c))
        })
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '«' | '»')
}

fn is_boundary_before(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:;,".contains(p))
}

fn opening(c: char, prev: Option<char>, next: Option<char>) -> Option<Style> {
    let starts_word = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '“' | '«' | '„' => Some(Style::Double),
        '"' if is_boundary_before(prev) && starts_word => Some(Style::Double),
        '‘' | '\'' if is_boundary_before(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Style::Single)
        }
        _ => None,
    }
}

fn closes(c: char, style: Style, prev: Option<char>, next: Option<char>) -> bool {
    let ends_word = next.is_none_or(|n| !n.is_alphanumeric());
    match (style, c) {
        (Style::Double, '”' | '»' | '"') => true,
        (Style::Single, '’' | '\'') => {
            ends_word
                && prev.is_some_and(|p| !p.is_whitespace())
                && !is_plural_possessive(prev, next)
        }
        _ => false,
    }
}

/// "the Europeans’ view": an apostrophe after an s and before a space and a lower-case word.
fn is_plural_possessive(prev: Option<char>, next: Option<char>) -> bool {
    prev == Some('s') && next == Some(' ')
}

/// Words ending in "s" that are no plural noun, so an apostrophe after one closes a quotation
/// ("for 'not lifting a finger to ask us' and warned").
const NOT_PLURALS: [&str; 16] = [
    "us", "his", "its", "is", "was", "has", "does", "this", "yes", "as", "thus", "always",
    "perhaps", "ours", "yours", "theirs",
];

/// A single closing mark that [`closes`] took for a plural possessive, after a word that is no
/// plural noun.
fn ends_quote_after_s(text: &str, at: usize, c: char, style: Style, next: Option<char>) -> bool {
    if style != Style::Single || !matches!(c, '’' | '\'') || next != Some(' ') {
        return false;
    }
    let before = &text[..at];
    let start = before.rfind(|ch: char| !ch.is_alphabetic()).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[start..];
    word.ends_with('s') && NOT_PLURALS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_marked(text).iter().map(|m| m.inner.of(text)).collect()
    }

    /// The scan as first written: every character, not only the marks.
    fn reference(text: &str) -> Vec<Marked> {
        stretches(text, text.char_indices())
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(512, 5))]
        #[test]
        fn any_text_has_the_marks_the_reference_finds(text in "[a-s \"'“”„‘’«»,.(—-]{0,60}|\\PC{0,60}") {
            proptest::prop_assert_eq!(find_marked(&text), reference(&text));
        }
    }

    #[test]
    fn curly_and_straight_double_quotes_are_found() {
        assert_eq!(inner(r#"He said “yes” and "no" too."#), ["yes", "no"]);
    }

    #[test]
    fn single_quotes_nested_in_double_quotes_stay_inside() {
        assert_eq!(
            inner("“A ‘mini-NATO’ guarantee,” he said."),
            ["A ‘mini-NATO’ guarantee,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert!(inner("The council’s plan isn’t final, and the ’90s are over.").is_empty());
    }

    #[test]
    fn british_single_quotes_are_quotations() {
        assert_eq!(
            inner("He said: 'We will win the league.' Then he left."),
            ["We will win the league."]
        );
    }

    #[test]
    fn a_quotation_may_close_after_a_word_in_s_that_is_no_plural() {
        assert_eq!(
            inner("He slammed them for 'not lifting a finger to ask us' and warned of strikes."),
            ["not lifting a finger to ask us"]
        );
        // a plural's possessive does not close it
        assert_eq!(
            inner("'The players' union is right,' he said."),
            ["The players' union is right,"]
        );
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_end_of_the_paragraph() {
        let marked = find_marked("“We will go on. We will not stop.");
        assert_eq!(marked.len(), 1);
        assert!(!marked[0].closed);
    }
}
