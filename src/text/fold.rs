//! Folding text for comparison: white space runs to one space, curly quotes to straight.

/// Collapses every run of white space (Unicode spaces included) to one space and trims.
///
/// One pass over the bytes: runs of words joined by single ASCII spaces (most of any text) are
/// copied whole, and only a non-ASCII character is decoded, to ask whether it is white space.
/// Inside a run, sixteen bytes at a time go by when they cannot end it.
pub fn fold_space(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // the start of the run being copied: words and the single spaces between them
    let mut run: Option<usize> = None;
    // where the next sixteen-byte step may start: after one fails, its bytes go one by one
    let mut step_at = 0;
    let mut i = 0;
    while i < bytes.len() {
        if run.is_some() && i >= step_at {
            if bytes[i..].first_chunk().is_some_and(continues_run) {
                i += 16;
                continue;
            }
            step_at = i + 16;
        }
        let (len, space) = if bytes[i] > b' ' && bytes[i].is_ascii() {
            (1, false) // the usual byte: a letter, digit or mark
        } else {
            char_at(text, i)
        };
        if !space {
            if run.is_none() {
                if !out.is_empty() {
                    out.push(' ');
                }
                run = Some(i);
            }
        } else if bytes[i] != b' '
            || run.is_none()
            || i + 1 == bytes.len()
            || char_at(text, i + 1).1
        {
            // not one plain space between two words: the run ends here
            if let Some(start) = run.take() {
                out.push_str(&text[start..i]);
            }
        }
        i += len;
    }
    if let Some(start) = run {
        out.push_str(&text[start..]);
    }
    out
}

/// Whether a run being copied goes on through the first sixteen of these seventeen bytes: all
/// printable ASCII, with no two spaces in a row, so every space among the sixteen is a single
/// one between words (the seventeenth, printable too, says what follows the last). A fixed
/// length and no early exit, so the compiler compares them all at once.
fn continues_run(bytes: &[u8; 17]) -> bool {
    let printable = crate::text::sanitize::is_printable_ascii(bytes);
    let doubled = bytes[..16]
        .iter()
        .zip(&bytes[1..])
        .fold(false, |doubled, (&a, &b)| {
            doubled | ((a == b' ') & (b == b' '))
        });
    printable && !doubled
}

/// The length of the character at byte `i` (a char boundary) and whether it is white space.
#[inline]
fn char_at(text: &str, i: usize) -> (usize, bool) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        // Unicode's white space in ASCII: tab, line feed, vertical tab, form feed, carriage
        // return and space
        return (1, matches!(b, b'\t'..=b'\r' | b' '));
    }
    let c = text[i..].chars().next().unwrap_or_default();
    (c.len_utf8(), is_space(c))
}

/// The white space [`fold_space`] folds: Unicode's, and the spaces sanitizing turns into U+0020.
fn is_space(c: char) -> bool {
    c.is_whitespace() || crate::text::sanitize::is_unicode_space(c)
}

/// Lower-cases and folds quotes, dashes and white space, for loose matching of sentences.
pub fn fold_loose(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(fold_mark)
        .flat_map(char::to_lowercase)
        .collect();
    fold_space(&mapped)
}

/// A curly or prime quote as the straight one, a hyphen or dash as `-`, other characters as
/// they are: the marks [`fold_loose`] folds.
pub fn fold_mark(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        '‐' | '‑' | '‒' | '–' | '—' => '-',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splitting at white space and joining with one space.
    fn fold_space_reference(text: &str) -> String {
        text.split(is_space)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn ascii_white_space_is_unicode_s() {
        for b in 0..=0x7f_u8 {
            let text = char::from(b).to_string();
            assert_eq!(char_at(&text, 0), (1, is_space(char::from(b))), "{b:#x}");
        }
    }

    #[test]
    fn the_one_pass_fold_agrees_with_split_and_join() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "a b",
            "a  b",
            "a \n b\t",
            "word\u{a0}word\u{2009} \u{3000}x",
            "“quoted” – dash\u{85}next\u{2028}",
            "trailing space ",
            "  lead",
            "é é  é",
            "sixteen bytes of words here  then two spaces",
            "sixteen bytes of words here \u{a0}and a wide one",
            "a run of seventeen words, then\ta tab",
            "a run of printable words ending in a space ",
            "a run of printable words ending in one  ",
        ] {
            assert_eq!(fold_space(text), fold_space_reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(1000, 29))]
        #[test]
        fn any_text_folds_as_split_and_join_does(
            text in "[ a-zé\t\n\r\u{b}\u{c}\u{1c}-\u{1f}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]{0,30}|\\PC{0,30}|.{0,30}"
        ) {
            proptest::prop_assert_eq!(fold_space(&text), fold_space_reference(&text));
        }

        #[test]
        fn long_runs_fold_as_split_and_join_does(
            text in "([a-z]{1,20}[ \t\u{a0}]{1,2}){0,12}|[ab ]{0,60}[\n\u{3000}]?[ab ]{0,40}"
        ) {
            proptest::prop_assert_eq!(fold_space(&text), fold_space_reference(&text));
        }
    }

    #[test]
    fn white_space_runs_fold_to_one_space() {
        assert_eq!(fold_space("  a \u{a0} b\n\tc "), "a b c");
    }

    #[test]
    fn loose_folding_ignores_case_quotes_and_dashes() {
        assert_eq!(fold_loose("Kyiv’s “Plan” – Now"), "kyiv's \"plan\" - now");
    }
}
