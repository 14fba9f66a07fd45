//! Sentence splitting: paragraphs → sentence spans.
//!
//! A sentence ends at `.`, `?`, `!` or an ellipsis (plus any closing quotation marks and brackets)
//! when the next word starts a new sentence (capital letter, digit or opening quotation mark).
//! Not at: abbreviations from `assets/lexicons/abbreviations.txt` ("Mr.", "Lt.Gen"), dotted
//! initialisms ("U.S.", "D.C."), initials ("J. K. Rowling"), decimals ("3.5"), or inside an open
//! quotation that goes on after a comma (`"A. B," she said.` stays one sentence).

use std::sync::LazyLock;

use crate::briefing::Span;
use crate::extract::lexicon::Lexicon;

static ABBREVIATIONS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/abbreviations.txt")));

/// Splits `text` into sentence spans covering it in order (leading and trailing spaces excluded).
/// One pass: quotation marks are counted as the scan goes and each quotation's closing mark is
/// looked up once, so the cost stays linear in the text.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut marks = Marks::default();
    let bytes = text.as_bytes();
    let mut terminals = Terminals::default();
    while i < bytes.len() {
        // skip to the next byte that can end a sentence (`.`, `?`, `!`, or the lead byte of `…`)
        match terminals.next_from(bytes, i) {
            Some(at) => i = at,
            None => break,
        }
        let b = bytes[i];
        let end = if b == b'.' || b == b'?' || b == b'!' {
            terminal_end(text, i)
        } else if bytes[i..].starts_with("…".as_bytes()) {
            terminal_end(text, i + '…'.len_utf8() - 1)
        } else {
            None
        };
        if let Some(end) = end {
            marks.count(text, end);
            if is_boundary(text, start, i, end) && !marks.continues(text, end) {
                push_trimmed(text, start, end, &mut spans);
                start = end;
                marks.reset(end);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// Finds the bytes that can end a sentence: `.`, `?`, `!` and 0xE2, the lead byte of `…` (and of
/// curly quotes and dashes). Two vectorised searches, one for the ASCII marks and one for 0xE2,
/// each remembered until the scan passes it, so neither is repeated over the same text.
#[derive(Default)]
struct Terminals {
    /// The next ASCII mark at or after `from` (`None`: none left), searched from `from`.
    ascii: Option<(usize, Option<usize>)>,
    /// The same for 0xE2.
    lead: Option<(usize, Option<usize>)>,
}

impl Terminals {
    /// The first byte at or after `from` that can end a sentence. `from` never decreases.
    fn next_from(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let ascii = Self::cached(&mut self.ascii, from, |at| {
            memchr::memchr3(b'.', b'?', b'!', bytes.get(at..)?).map(|i| i + at)
        });
        let lead = Self::cached(&mut self.lead, from, |at| {
            memchr::memchr(0xe2, bytes.get(at..)?).map(|i| i + at)
        });
        match (ascii, lead) {
            (Some(a), Some(l)) => Some(a.min(l)),
            (a, l) => a.or(l),
        }
    }

    /// The search's last answer if it still holds at `from`, else a new search from `from`.
    fn cached(
        slot: &mut Option<(usize, Option<usize>)>,
        from: usize,
        search: impl Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        match *slot {
            Some((searched, found)) if searched <= from && found.is_none_or(|f| f >= from) => found,
            _ => {
                let found = search(from);
                *slot = Some((from, found));
                found
            }
        }
    }
}

/// Quotation marks counted from the start of the current sentence.
#[derive(Default)]
struct Marks {
    scanned: usize,
    curly_open: usize,
    curly_close: usize,
    straight: usize,
    /// The last closing mark looked up: (searched from, found at).
    close: Option<(usize, Option<usize>)>,
}

impl Marks {
    fn reset(&mut self, at: usize) {
        (
            self.scanned,
            self.curly_open,
            self.curly_close,
            self.straight,
        ) = (at, 0, 0, 0);
    }
    /// Counts the marks up to `to`. Byte by byte: `"` is 0x22, `“` and `”` are E2 80 9C and
    /// E2 80 9D, and in UTF-8 no other character holds these sequences.
    fn count(&mut self, text: &str, to: usize) {
        let bytes = &text.as_bytes()[self.scanned..to];
        for i in memchr::memchr2_iter(b'"', 0xe2, bytes) {
            match (bytes[i], bytes.get(i + 1..i + 3)) {
                (b'"', _) => self.straight += 1,
                (_, Some([0x80, 0x9c])) => self.curly_open += 1,
                (_, Some([0x80, 0x9d])) => self.curly_close += 1,
                _ => {}
            }
        }
        self.scanned = to;
    }
    /// A quotation open at `at` that goes on past this sentence end and closes without one
    /// (`"A. B," she said.`): the sentence does not end inside it.
    fn continues(&mut self, text: &str, at: usize) -> bool {
        let close = if self.curly_open > self.curly_close {
            '”'
        } else if self.straight % 2 == 1 && !text[..at].ends_with('"') {
            '"'
        } else {
            return false;
        };
        let found = match self.close {
            Some((from, found)) if from <= at && found.is_none_or(|f| f >= at) => found,
            _ => text[at..].find(close).map(|f| f + at),
        };
        self.close = Some((at, found));
        found.is_some_and(|f| !text[..f].ends_with(['.', '?', '!', '…']))
    }
}

/// After a terminal at byte `i`: the end of the run of terminals and closing marks, if it is
/// followed by white space (or the end of the text).
fn terminal_end(text: &str, i: usize) -> Option<usize> {
    let mut end = i + 1;
    for c in text[end..].chars() {
        if matches!(
            c,
            '.' | '?' | '!' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '»'
        ) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    match text[end..].chars().next() {
        None => Some(end),
        Some(c) if c.is_whitespace() => Some(end),
        _ => None,
    }
}

/// Whether the terminal run `dot..end` ends the sentence that began at `start`.
fn is_boundary(text: &str, start: usize, dot: usize, end: usize) -> bool {
    let next = text[end..].trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '['))
    {
        return false;
    }
    !(text.as_bytes()[dot] == b'.' && end == dot + 1 && is_abbreviation(&text[start..dot]))
}

/// The word before a period is an abbreviation, an initial, or a dotted initialism.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    if word.is_empty() {
        return false;
    }
    let single_letter = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    single_letter || dotted || is_listed(last) || is_listed(word)
}

fn is_listed(word: &str) -> bool {
    // the lexicon lowers an ASCII word on the stack (its entries are all ASCII)
    word.len() <= 8 && ABBREVIATIONS.contains(word)
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte that can end a sentence, found one at a time as the splitter asks, skipping
    /// ahead by `skip` after each.
    fn terminals(text: &str, skip: usize) -> Vec<usize> {
        let (mut found, mut at, mut terminals) = (Vec::new(), 0, Terminals::default());
        while let Some(i) = terminals.next_from(text.as_bytes(), at) {
            found.push(i);
            at = i + 1 + skip;
        }
        found
    }

    /// The same by a plain scan.
    fn terminals_reference(text: &str, skip: usize) -> Vec<usize> {
        let (mut found, mut at, bytes) = (Vec::new(), 0, text.as_bytes());
        while let Some(i) = bytes.get(at..).and_then(|rest| {
            rest.iter()
                .position(|&b| matches!(b, b'.' | b'?' | b'!' | 0xe2))
        }) {
            found.push(at + i);
            at += i + 1 + skip;
        }
        found
    }

    /// Quotation marks up to each char boundary, counted as characters.
    fn marks_reference(text: &str) -> (usize, usize, usize) {
        let count = |m: char| text.chars().filter(|&c| c == m).count();
        (count('“'), count('”'), count('"'))
    }

    fn marks(text: &str, step: usize) -> (usize, usize, usize) {
        let mut marks = Marks::default();
        let ends = (0..text.len()).step_by(step.max(1)).chain([text.len()]);
        for end in ends.filter(|&e| text.is_char_boundary(e)) {
            marks.count(text, end);
        }
        (marks.curly_open, marks.curly_close, marks.straight)
    }

    #[test]
    fn the_byte_searches_find_what_the_plain_scans_find() {
        for text in [
            "He said “stop.” Then… “Why?” she asked — “no!” \"A. B,\" x.",
            "“”\"…—’.",
            "no marks at all",
            "",
            "\u{e2}\u{2080}\u{80}\u{201c}\u{1e2}",
        ] {
            for skip in [0, 1, 3] {
                assert_eq!(
                    terminals(text, skip),
                    terminals_reference(text, skip),
                    "{text:?}"
                );
            }
            for step in [1, 2, 5, 100] {
                assert_eq!(marks(text, step), marks_reference(text), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(1000, 19))]
        #[test]
        fn any_text_has_the_terminals_and_marks_of_the_plain_scans(
            text in "[a-zA-Z .?!\"“”‘’…—–\u{e2}\u{2080}\u{1e2}]{0,40}|\\PC{0,40}",
            skip in 0usize..4,
            step in 1usize..9,
        ) {
            proptest::prop_assert_eq!(terminals(&text, skip), terminals_reference(&text, skip));
            proptest::prop_assert_eq!(marks(&text, step), marks_reference(&text));
        }
    }

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn sentences_end_at_terminal_punctuation_before_a_capital() {
        assert_eq!(
            split("One here. Two there? Three!"),
            ["One here.", "Two there?", "Three!"]
        );
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_a_sentence() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones at St. Paul's. They left."),
            ["Mr. Smith met Dr. Jones at St. Paul's.", "They left."]
        );
        assert_eq!(
            split("Lt.Gen. Ben Hodges spoke. He left."),
            ["Lt.Gen. Ben Hodges spoke.", "He left."]
        );
    }

    #[test]
    fn dotted_initialisms_do_not_end_a_sentence_unless_a_new_one_starts() {
        assert_eq!(
            split("The U.S. Air Force flew to Washington, D.C. on Monday."),
            ["The U.S. Air Force flew to Washington, D.C. on Monday."]
        );
    }

    #[test]
    fn initials_and_decimals_stay_inside() {
        assert_eq!(
            split("J. K. Rowling sold 3.5 million copies. Fans cheered."),
            ["J. K. Rowling sold 3.5 million copies.", "Fans cheered."]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_before_a_new_one() {
        assert_eq!(
            split("Wait... and see. Then… Go."),
            ["Wait... and see.", "Then…", "Go."]
        );
    }

    #[test]
    fn closing_quotation_marks_belong_to_the_sentence_they_end() {
        assert_eq!(
            split("He said “stop.” Then he left. Did she ask “why?” Yes."),
            [
                "He said “stop.”",
                "Then he left.",
                "Did she ask “why?”",
                "Yes."
            ]
        );
    }

    #[test]
    fn a_quotation_of_several_sentences_continued_after_a_comma_is_one_sentence() {
        assert_eq!(
            split("“We came. We saw,” she said. Next."),
            ["“We came. We saw,” she said.", "Next."]
        );
    }

    #[test]
    fn straight_marks_and_single_marks_close_sentences_too() {
        assert_eq!(
            split(r#"He said "stop!" Then 'why?' she asked. Done."#),
            [r#"He said "stop!""#, "Then 'why?' she asked.", "Done."]
        );
    }

    #[test]
    fn a_straight_quotation_continued_after_a_comma_is_one_sentence() {
        assert_eq!(
            split(r#""A. B," she said. Next."#),
            [r#""A. B," she said."#, "Next."]
        );
    }

    #[test]
    fn a_quotation_that_ends_its_own_sentences_is_split_inside() {
        assert_eq!(
            split("He said: “We came. We saw.” Then he left."),
            ["He said: “We came.", "We saw.”", "Then he left."]
        );
    }

    #[test]
    fn a_quotation_running_on_into_the_next_paragraph_is_split_inside() {
        assert_eq!(
            split("“The first year was hard. The second was worse."),
            ["“The first year was hard.", "The second was worse."]
        );
    }

    #[test]
    fn parentheses_keep_their_sentence_and_a_closing_one_ends_it() {
        assert_eq!(
            split("The vote (held on Jan. 5) passed. (It was close.) Then came the appeal."),
            [
                "The vote (held on Jan. 5) passed.",
                "(It was close.)",
                "Then came the appeal."
            ]
        );
    }

    #[test]
    fn numbered_abbreviation_no_is_not_an_end() {
        assert_eq!(
            split("He is ranked No. 1 in the world."),
            ["He is ranked No. 1 in the world."]
        );
    }

    #[test]
    fn spans_exclude_surrounding_space() {
        let text = "  A b.  C d.  ";
        assert_eq!(split(text), ["A b.", "C d."]);
    }
}
