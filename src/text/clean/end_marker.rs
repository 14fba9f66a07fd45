//! End markers: lines that start what follows an article ("Comments", "12 Comments", "Reporting
//! by …", "Further reading"), from the lexicon `assets/lexicons/end_markers.txt`.
//!
//! A line starts with a marker when, lower-cased (Unicode) and with a leading count ("12 ") cut,
//! it starts with the marker followed by the end of the line or a character that is not a letter
//! or digit. Asked of most short lines, so the usual line (whose head is ASCII) is compared byte
//! by byte in place; any other is lower-cased in full, as the rule says.
//!
//! A marker written `+marker` in the lexicon opens a credit ("Reporting by …; Editing by …"),
//! which may run longer than a short line: see [`starts_with_credit`].

use std::sync::LazyLock;

use crate::extract::lexicon::Lexicon;

/// The markers (lower case), sorted once: the lexicon sorts each time it is listed.
static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let lexicon = Lexicon::parse(&LEXICON.replace('+', ""));
    let all: Vec<String> = lexicon.iter().map(str::to_string).collect();
    let credits = Lexicon::parse(
        &LEXICON
            .lines()
            .filter_map(|l| l.trim().strip_prefix('+'))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let credit = all.iter().map(|m| credits.contains(m)).collect();
    let longest = all.iter().map(String::len).max().unwrap_or(0);
    let ascii = all.iter().all(|m| m.is_ascii());
    let mut by_first = vec![Vec::new(); 128];
    for (k, m) in all.iter().enumerate().filter(|(_, m)| m.is_ascii()) {
        if let Some(&b) = m.as_bytes().first() {
            by_first[usize::from(b)].push(k);
        }
    }
    Markers {
        all,
        credit,
        longest,
        ascii,
        by_first,
    }
});

/// The lexicon: one marker per line, `+` before the markers that open a credit.
const LEXICON: &str = include_str!("../../../assets/lexicons/end_markers.txt");

struct Markers {
    all: Vec<String>,
    /// Whether each marker opens a credit (written `+` in the lexicon).
    credit: Vec<bool>,
    /// The longest marker, in bytes.
    longest: usize,
    /// Every marker is ASCII, so a line whose head is ASCII can be compared without
    /// lower-casing it.
    ascii: bool,
    /// The ASCII markers (indices into `all`) by their first byte, so a line is compared only
    /// with those that start as it does.
    by_first: Vec<Vec<usize>>,
}

/// Whether `text` (one trimmed line) starts with an end marker, after any leading count.
pub fn starts_with_end_marker(text: &str) -> bool {
    marker_at_start(text).is_some()
}

/// Whether `text` opens with a credit marker ("Reporting by Ann Lee in Cairo; Editing by …"),
/// which, unlike the other markers, may fill a long line.
pub fn starts_with_credit(text: &str) -> bool {
    marker_at_start(text).is_some_and(|k| MARKERS.credit[k])
}

/// The marker `text` starts with, after any leading count: its index in `Markers::all`.
fn marker_at_start(text: &str) -> Option<usize> {
    let markers = &*MARKERS;
    // Unicode lower-casing maps no other character to an ASCII digit or space, so the count
    // is cut from the line as it would be from its lower-cased form
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    // the longest marker and the byte after it: if these are ASCII, lower-casing the line
    // turns them into their ASCII lower case, whatever follows
    let head = &rest.as_bytes()[..rest.len().min(markers.longest + 1)];
    if !markers.ascii {
        return marker_lowered(text);
    }
    if !head.is_ascii() {
        return marker_in_lowered_chars(rest);
    }
    let first = head.first()?;
    let candidates = &markers.by_first[usize::from(first.to_ascii_lowercase())];
    candidates.iter().copied().find(|&k| {
        let m = &markers.all[k];
        head.len() >= m.len()
            && head[..m.len()].eq_ignore_ascii_case(m.as_bytes())
            && head.get(m.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// [`marker_at_start`] for a line (its count cut) whose head is not all ASCII ("• Home",
/// "Ukraine‑Russia"), when every marker is ASCII: its characters are lower-cased one by one as
/// they are compared, so a line whose first character lower-cases to no ASCII letter (a
/// bullet) is turned away at once. The same answer as lower-casing the whole line: the only
/// character whose lower case depends on its neighbours (a final sigma) is not ASCII either way.
fn marker_in_lowered_chars(rest: &str) -> Option<usize> {
    let markers = &*MARKERS;
    let lowered = || rest.chars().flat_map(char::to_lowercase);
    let first = lowered().next().filter(char::is_ascii)?;
    markers.by_first[first as usize].iter().copied().find(|&k| {
        let mut chars = lowered();
        markers.all[k]
            .bytes()
            .all(|b| chars.next() == Some(char::from(b)))
            && chars.next().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The rule as stated: the whole line lower-cased, the count cut, each marker tried.
#[cfg(test)]
fn starts_with_end_marker_lowered(text: &str) -> bool {
    marker_lowered(text).is_some()
}

/// [`marker_at_start`] by the rule as stated: the whole line lower-cased, the count cut, each
/// marker tried.
fn marker_lowered(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let without_count = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    MARKERS.all.iter().position(|m| {
        without_count.starts_with(m.as_str())
            && without_count[m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_start_lines_after_a_count() {
        for text in [
            "Comments",
            "12 Comments",
            "3 comments:",
            "COMMENTS (4)",
            "Reporting by Ann Lee; Editing by Bo Ng",
            "Further reading",
            "You may also like…",
            "See also[edit]",
            "References",
            "External links",
            "Notes to editors",
        ] {
            assert!(starts_with_end_marker(text), "{text:?}");
        }
        for text in [
            "Commentators disagreed.",
            "About 40 people came.",
            "No comments",
            "",
        ] {
            assert!(!starts_with_end_marker(text), "{text:?}");
        }
    }

    #[test]
    fn the_in_place_comparison_agrees_with_lower_casing_the_line() {
        for text in [
            "Comments",
            "comments2",
            "Commentsé",
            "Comments é",
            "Comments—and more",
            "Comments’",
            "12 Read next",
            "12 Read nextx",
            "YOU MIGHT ALSO LIKE",
            "You might also li\u{212a}e", // Kelvin sign: lower-cases to an ASCII k
            "You might also like\u{212a}",
            "Recommended for you",
            "Recommended for you\u{300}",
            "Recommended for youé",
            "İ comments",
            "• Comments",
            "• Home",
            "“Comments”",
            "Comments‑and more",
            "Ukraine‑Russia, Europe",
            "Further readingé",
            "Further reading\u{212a}",
            "ΣComments",
            " 1 2 comments",
            "\u{0}comments",
            "comment",
            "",
        ] {
            assert_eq!(
                starts_with_end_marker(text),
                starts_with_end_marker_lowered(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn credits_are_the_plus_markers() {
        assert!(starts_with_credit(
            "Reporting by Lena Hartmann in London and Omar Farouk in Cairo; Editing by Susan Fenton"
        ));
        assert!(starts_with_credit("ADDITIONAL REPORTING BY Ann Lee"));
        assert!(starts_with_credit("Editing by Bo Ng"));
        assert!(!starts_with_credit("Comments"));
        assert!(!starts_with_credit("Reportingby Ann Lee"));
        assert!(!starts_with_credit("The reporting by the BBC"));
        // the plus sign is the lexicon's, not part of the marker
        assert!(starts_with_end_marker("Reporting by Ann Lee"));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(2000, 13))]
        #[test]
        fn any_line_starts_with_a_marker_as_the_lowered_line_does(
            text in "[0-9 ]{0,3}[•“Σ]?(comments|COMMENTS|Reporting by|read next|you might also li|more on|About the author|Related Stories)?[a-zA-Z0-9 .:é\u{212a}İ\u{300}—’‑]{0,4}|\\PC{0,30}"
        ) {
            proptest::prop_assert_eq!(
                starts_with_end_marker(&text),
                starts_with_end_marker_lowered(&text)
            );
        }
    }
}
