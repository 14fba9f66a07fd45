//! Features of one input line (block) that tell body text from page furniture, in the spirit of
//! jusText: length, terminal punctuation, stop-word density, capitalisation, and a few shapes
//! (bullet, breadcrumb, label list, date, byline, caption, shouting headline).

use std::sync::LazyLock;

use crate::extract::lexicon::Lexicon;
use crate::text::clean::date::has_relative_time;
pub use crate::text::clean::date::{find_date, parse_date_line, parse_iso};
use crate::text::clean::stop::is_stop_word;
use crate::text::swar::count_words;

static SECTION_LABELS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../assets/lexicons/section_labels.txt")));
static FURNITURE_LINES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../assets/lexicons/furniture_lines.txt")));

/// Measured features of a line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Number of words.
    pub words: usize,
    /// Running prose: see [`Line::is_prose`].
    pub prose: bool,
    /// Ends with `.`, `?`, `!`, `:` or `…` (closing quotes and brackets skipped).
    pub terminal: bool,
    /// Ends a sentence: `.`, `?` or `!`, not an ellipsis (closing quotes and brackets skipped).
    pub sentence_end: bool,
    /// Starts with a bullet glyph.
    pub bullet: bool,
    /// Contains a boilerplate prompt phrase from the lexicon.
    pub prompt: bool,
    /// Letters are (almost) all upper case, in three or more words.
    pub shouting: bool,
    /// A breadcrumb trail: `Home / Section / Title`, `A > B > C`.
    pub breadcrumb: bool,
    /// A comma-separated list of capitalised labels (categories, tags).
    pub label_list: bool,
    /// The line is only a date ("August 19, 2025", "2025-08-19").
    pub date_only: bool,
    /// A byline: "By Jane Doe", "Featuring Jane Doe".
    pub byline: bool,
    /// A copyright line.
    pub copyright: bool,
    /// A short widget title or navigation label ("Eurasia Center events").
    pub section_label: bool,
    /// A whole line of furniture ("Advertisement"), an e-mail address, a URL, a phone number, or
    /// a download link giving its file's size ("Download PDF (1.2 MB)").
    pub furniture_line: bool,
    /// A short line that starts what follows an article ("Comments", "About Acme", "Reporting by").
    pub end_marker: bool,
    /// Shaped like a headline: three to twenty words, a capital first, no closing punctuation
    /// ("Police hunt man who stole 40 garden gnomes").
    pub headline_like: bool,
}

/// Words of a line kept for the tests that read them (bylines, furniture, end markers, section
/// labels), all of which ask for fewer.
const HEAD_WORDS: usize = 16;

/// The most words a credit line may have ("Reporting by … in …; Additional reporting by …;
/// Editing by …").
const MAX_CREDIT: usize = 40;

/// The most words a download link may have ("Download the full report (PDF, 2.3 MB)").
const MAX_DOWNLOAD: usize = 10;

impl Line {
    /// Measures `text` (one trimmed line).
    pub fn measure(text: &str) -> Line {
        // the words are counted first, eight bytes at a time; they are then read one by one
        // only as far as some test needs them: the tests given the words themselves look at
        // short lines only (the first HEAD_WORDS, kept on the stack), and the stop words of a
        // long line only until there are enough of them for it to read as prose
        let count = count_words(text);
        let terminal = ends_terminal(text);
        let mut head = [""; HEAD_WORDS];
        let keep_head = count <= HEAD_WORDS;
        // the share of stop words that makes the line prose, when its length can
        let prose_share = match count {
            10..25 if terminal => Some(0.2),
            25.. => Some(if terminal { 0.2 } else { 0.25 }),
            _ => None,
        };
        let mut prose = false;
        if keep_head || prose_share.is_some() {
            let n = count as f32;
            let mut stop = 0usize;
            for (i, word) in text.split_ascii_whitespace().enumerate() {
                if keep_head {
                    head[i] = word;
                }
                if let (Some(share), false) = (prose_share, prose) {
                    if is_stop_word(word) {
                        stop += 1;
                        prose = stop as f32 / n >= share;
                    }
                }
                if !keep_head && prose {
                    break;
                }
            }
        }
        let words: &[&str] = if keep_head { &head[..count] } else { &[] };
        Line {
            words: count,
            prose,
            terminal,
            sentence_end: ends_sentence(text),
            bullet: text.starts_with(['•', '·', '▪', '►', '*', '-', '–', '|', '»']) && count < 12,
            prompt: super::prompt::has_prompt(text, count),
            shouting: is_shouting(text, count),
            breadcrumb: is_breadcrumb(text),
            label_list: is_label_list(text, count),
            date_only: count <= 5 && parse_date_line(text).is_some(),
            byline: is_byline(words),
            copyright: has_copyright_sign(text)
                || starts_with_ignoring_case(text, "copyright")
                || text.starts_with("(c) "),
            section_label: count <= 5
                && !terminal
                && words.last().is_some_and(|w| {
                    SECTION_LABELS.contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
                }),
            furniture_line: count <= 6 && is_furniture_line(text, words)
                || count <= MAX_DOWNLOAD && !terminal && is_download_link(text)
                // "Updated 2 hours ago": a time stamp, relative to when the page was saved
                || count <= 5 && !terminal && has_relative_time(text),
            headline_like: is_headline_like(text, count),
            end_marker: (count <= 6 || (count <= 12 && !terminal)) && is_end_marker(text, words)
                || (count > 12 && count <= MAX_CREDIT && !terminal)
                    && super::end_marker::starts_with_credit(text),
        }
    }

    /// Looks like running prose: long enough, with function words, ending a sentence (ten
    /// words or more, a fifth of them stop words) or long (25 words or more, a quarter).
    pub fn is_prose(&self) -> bool {
        self.prose
    }

    /// Furniture that stands outside an article (a prompt, a footer, a label, an end marker),
    /// as opposed to a box's parts inside one: a lone all-caps heading ("WHAT THE NEW CAP
    /// MEANS FOR YOU") and its bulleted items.
    pub fn is_outside_furniture(&self) -> bool {
        self.prompt
            || self.breadcrumb
            || self.label_list
            || self.copyright
            || self.section_label
            || self.furniture_line
            || self.end_marker
    }

    /// Unmistakable furniture, whatever surrounds it.
    pub fn is_furniture(&self) -> bool {
        self.prompt
            || self.breadcrumb
            || self.label_list
            || self.copyright
            || self.shouting
            || self.section_label
            || self.furniture_line
            || self.end_marker
            || (self.bullet && !(self.terminal && self.words >= 6))
    }
}

fn is_headline_like(text: &str, words: usize) -> bool {
    (3..=20).contains(&words)
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '"' | '”'))
        && !ends_terminal(text)
}

fn is_furniture_line(text: &str, words: &[&str]) -> bool {
    let bare = text.trim_end_matches(['.', ':', '!', '›', '»', '>']).trim();
    let contact = words.len() == 1
        && (bare.contains('@') || bare.starts_with("http") || bare.starts_with("www."));
    // most lines fail the first test at their first letter
    let phone = bare
        .bytes()
        .all(|b| b.is_ascii_digit() || b" +-().".contains(&b))
        && bare.bytes().filter(u8::is_ascii_digit).count() >= 7;
    contact || phone || FURNITURE_LINES.contains(bare)
}

/// A link to a file, which pages give with its size: the line ends in brackets holding a size
/// ("Download PDF (1.2 MB)", "Full report [PDF, 340KB]"). Prose gives a size in running text,
/// not in closing brackets.
fn is_download_link(text: &str) -> bool {
    let Some(inner) = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .or_else(|| text.strip_suffix(']').and_then(|t| t.rsplit_once('[')))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    let tokens: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let is_number = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let is_unit = |t: &str| ["kb", "mb", "gb"].iter().any(|u| t.eq_ignore_ascii_case(u));
    tokens.iter().enumerate().any(|(i, t)| {
        // "1.2 MB", or "1.2MB" in one token
        let glued = t
            .len()
            .checked_sub(2)
            .and_then(|at| t.get(..at).zip(t.get(at..)))
            .is_some_and(|(n, u)| is_number(n) && is_unit(u));
        glued || (is_number(t) && tokens.get(i + 1).is_some_and(|u| is_unit(u)))
    })
}

/// "Comments", "12 Comments", "About Acme Robotics", "Reporting by …", "Further reading".
fn is_end_marker(text: &str, words: &[&str]) -> bool {
    let about_box = words.first() == Some(&"About")
        && words.len() <= 5
        && !ends_terminal(text)
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || *w == "the");
    about_box || super::end_marker::starts_with_end_marker(text)
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether `text` holds "©" (C2 A9): its second byte is rare in text, and found vectorised.
fn has_copyright_sign(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xa9, bytes).any(|at| at > 0 && bytes[at - 1] == 0xc2)
}

fn ends_terminal(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '?', '!', ':', '…', ';'])
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '?', '!']) && !t.ends_with("..")
}

fn is_shouting(text: &str, words: usize) -> bool {
    if words < 3 {
        return false;
    }
    let (mut letters, mut lower) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_lowercase() {
            lower += 1;
            if lower > 3 && lower * 10 > letters {
                return false; // plainly not shouting: stop early on long lines
            }
        }
    }
    letters >= 12 && lower * 10 <= letters
}

fn is_breadcrumb(text: &str) -> bool {
    if !has_separator(text) {
        return false;
    }
    let bytes = text.as_bytes();
    let slashes = spaced_count(bytes, b"/");
    let arrows = spaced_count(bytes, b">")
        + spaced_count(bytes, "»".as_bytes())
        + spaced_count(bytes, "›".as_bytes());
    (slashes >= 2 || arrows >= 2)
        || (slashes >= 1 && text.to_lowercase().starts_with("home"))
        || is_bar_menu(text)
        || is_section_trail(text)
}

/// How many times `separator` stands between spaces in `bytes`, as `str::matches` counts " / "
/// (left to right, no two overlapping): each occurrence of the separator's last byte (rare in
/// a line) is checked in place.
fn spaced_count(bytes: &[u8], separator: &[u8]) -> usize {
    let last = separator[separator.len() - 1];
    let (mut count, mut free_from) = (0, 0);
    for at in memchr::memchr_iter(last, bytes) {
        // the match " separator " spans start..end
        let Some(start) = at.checked_sub(separator.len()) else {
            continue;
        };
        let end = at + 2;
        if start >= free_from
            && end <= bytes.len()
            && bytes[start] == b' '
            && bytes[end - 1] == b' '
            && &bytes[start + 1..end - 1] == separator
        {
            count += 1;
            free_from = end;
        }
    }
    count
}

/// "Local › Crime & Courts", "Sport » Football": a section and its subsection, a few words
/// each, joined by a breadcrumb's arrow (which no headline uses).
fn is_section_trail(text: &str) -> bool {
    let Some((section, sub)) = text.split_once(" › ").or_else(|| text.split_once(" » ")) else {
        return false;
    };
    [section, sub].iter().all(|item| {
        let words = item.split_whitespace().count();
        (1..=4).contains(&words) && !ends_terminal(item)
    })
}

/// "Sport | Football | Fixtures & Results": three or more short items between bars, none a
/// sentence (a title and its site, "Comet found | Sky Daily", has one bar).
fn is_bar_menu(text: &str) -> bool {
    text.matches(" | ").count() >= 2
        && text.split(" | ").all(|item| {
            let words = item.split_whitespace().count();
            (1..=4).contains(&words) && !ends_terminal(item)
        })
}

/// Whether `text` holds a breadcrumb separator (`/`, `>`, `|`, `»` = C2 BB, `›` = E2 80 BA):
/// found by a vectorised search for the ASCII ones and for the last byte of the others (whose
/// lead bytes are then checked), so most prose, which has none, is never decoded.
fn has_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'/', b'>', b'|', bytes).is_some()
        || memchr::memchr2_iter(0xbb, 0xba, bytes).any(|at| {
            let lead = &bytes[..at];
            if bytes[at] == 0xbb {
                lead.ends_with(&[0xc2])
            } else {
                lead.ends_with(&[0xe2, 0x80])
            }
        })
}

/// "Ukraine‑Russia, Europe and Eurasia, Russia, Ukraine": items separated by commas, each short
/// and capitalised, no sentence punctuation.
fn is_label_list(text: &str, words: usize) -> bool {
    // the cheap tests first: most lines are sentences, which end in punctuation (counting the
    // commas reads the whole line)
    if words > 30
        || ends_terminal(text)
        || memchr::memchr_iter(b',', text.as_bytes()).nth(1).is_none()
    {
        return false;
    }
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    items.iter().all(|item| {
        let n = item.split_whitespace().count();
        (1..=4).contains(&n)
            && item
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
            || item
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "and" || w == "&")
    })
}

fn is_byline(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    // lower-casing maps no non-ASCII character into these words (the Kelvin sign becomes an
    // ASCII "k", which none of them holds), so an ASCII comparison is the same test
    let lead = |word: &str| first.eq_ignore_ascii_case(word);
    // "Interview by Jonah Pike", "Words by …": a kind of piece, then "by"
    let credited = words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && [
            "interview",
            "interviewed",
            "words",
            "text",
            "story",
            "report",
        ]
        .iter()
        .any(|kind| lead(kind));
    (lead("by") || lead("featuring") || lead("written") || credited)
        && (2..=9).contains(&words.len())
        && words[1..]
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            >= 1
        && !ends_terminal(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_long_has_function_words_and_ends_a_sentence() {
        assert!(Line::measure(
            "The talks are aimed at shaping a framework that could reassure the country."
        )
        .is_prose());
        assert!(!Line::measure("Grand Strategy Program").is_prose());
    }

    #[test]
    fn furniture_shapes_are_recognised() {
        assert!(Line::measure("Home / World / Europe").breadcrumb);
        assert!(Line::measure("Politics, Europe and Eurasia, Trade, Energy").label_list);
        assert!(Line::measure("• Contact").is_furniture());
        assert!(Line::measure("BREAKING: MARKETS TUMBLE AS RATES RISE").shouting);
        assert!(Line::measure("© 2024 The Daily Planet. All rights reserved.").copyright);
        assert!(Line::measure("Share this article on Facebook").prompt);
        assert!(Line::measure("By Jane Doe and John Roe").byline);
        assert!(Line::measure("Upcoming Science Hub events").is_furniture());
        assert!(Line::measure("Advertisement").furniture_line);
        assert!(
            Line::measure("Newest first").furniture_line,
            "a comment thread's sorting"
        );
        assert!(Line::measure("Updated 2 hours ago").furniture_line);
        assert!(!Line::measure("He left 3 days ago.").furniture_line);
        assert!(Line::measure("press@example.org").furniture_line);
        assert!(Line::measure("+1 617 555 0100").furniture_line);
        for link in [
            "Download PDF (1.2 MB)",
            "Download the full report (PDF, 2.3 MB)",
            "Annual accounts [PDF 340KB]",
        ] {
            assert!(Line::measure(link).furniture_line, "{link:?}");
        }
        for prose in [
            "The update weighs 1.2 MB (a tenth of the last one).",
            "Storage (2 TB)",
            "Flood defences (2024)",
            "The ministry (MB)",
        ] {
            assert!(!Line::measure(prose).furniture_line, "{prose:?}");
        }
        assert!(Line::measure("12 Comments").end_marker);
        assert!(Line::measure("About Acme Robotics").end_marker);
        assert!(Line::measure("Reporting by Ann Lee; Editing by Bo Ng").end_marker);
        let credit = "Reporting by Lena Hartmann in London and Omar Farouk in Cairo; Editing by Susan Fenton";
        assert!(Line::measure(credit).end_marker);
        // a sentence that opens so is prose, not a credit
        let prose = "Reporting by the paper in March showed that the agency had known of the fault for years.";
        assert!(!Line::measure(prose).end_marker);
        assert!(!Line::measure("About 40 people came.").end_marker);
        let prose = "References to the war were removed from the school textbooks.";
        assert!(!Line::measure(prose).end_marker);
        assert!(!Line::measure("Commentators disagreed.").end_marker);
        assert!(!Line::measure("The events of last week.").is_furniture());
        assert!(!Line::measure("By the end of the week, prices had fallen.").byline);
    }

    #[test]
    fn no_other_character_lower_cases_into_a_byline_lead() {
        // is_byline compares its lead word in ASCII: only ASCII words (and words with a
        // character that lower-cases into ASCII) could lower-case to "by", "featuring" or
        // "written", and the only such characters lower-case to letters these lack
        let into_ascii: String = (char::MIN..=char::MAX)
            .filter(|c| !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()))
            .flat_map(char::to_lowercase)
            .collect();
        assert_eq!(into_ascii, "k", "the Kelvin sign only");
        assert!(!"byfeaturingwritten".contains(into_ascii.as_str()));
        for lead in [
            "By",
            "BY",
            "by",
            "Featuring",
            "WRITTEN",
            "\u{212a}y",
            "Bÿ",
            "İy",
        ] {
            let lower = lead.to_lowercase();
            let slow = lower == "by" || lower == "featuring" || lower == "written";
            assert_eq!(is_byline(&[lead, "Ann", "Lee"]), slow, "{lead:?}");
        }
    }

    #[test]
    fn the_separator_filter_passes_every_breadcrumb_separator() {
        for text in ["a / b", "a > b", "a » b", "a › b", "a/b"] {
            assert!(has_separator(text), "{text:?}");
            assert_eq!(
                is_breadcrumb(text),
                is_breadcrumb_reference(text),
                "{text:?}"
            );
        }
        assert!(!has_separator("No separators here, “quoted” – é ü ç 日本"));
    }

    #[test]
    fn separators_between_spaces_are_counted_as_str_matches_counts_them() {
        for text in [
            "a / b / c",
            " / / ",
            "a / / / b",
            "/ a /",
            "a › b »  › c",
            "x/ y /z",
            "›",
        ] {
            for sep in ["/", ">", "»", "›"] {
                assert_eq!(
                    spaced_count(text.as_bytes(), sep.as_bytes()),
                    text.matches(&format!(" {sep} ")).count(),
                    "{text:?} {sep:?}"
                );
            }
        }
    }

    /// The breadcrumb test without its byte filter.
    fn is_breadcrumb_reference(text: &str) -> bool {
        if !text.contains(['/', '>', '»', '›', '|']) {
            return false;
        }
        let slashes = text.matches(" / ").count();
        let arrows =
            text.matches(" > ").count() + text.matches(" » ").count() + text.matches(" › ").count();
        (slashes >= 2 || arrows >= 2)
            || (slashes >= 1 && text.to_lowercase().starts_with("home"))
            || is_bar_menu(text)
            || is_section_trail(text)
    }

    #[test]
    fn a_section_and_its_subsection_are_a_breadcrumb() {
        assert!(is_breadcrumb("Local › Crime & Courts"));
        assert!(is_breadcrumb("Sport » Football"));
        // a headline holds no breadcrumb arrow, and a sentence is no section
        assert!(!is_breadcrumb("Markets slide as rates rise"));
        assert!(!is_breadcrumb(
            "Prices rose. › See the chart below for the detail"
        ));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(1000, 17))]
        #[test]
        fn any_line_is_a_breadcrumb_as_without_the_filter(
            text in "(Home|HOME|News)?( [/>»›|] [A-Za-zé]{1,6}){0,3}[/>»›|ºº\u{bb}\u{ba} a-z]{0,6}|\\PC{0,30}"
        ) {
            proptest::prop_assert_eq!(is_breadcrumb(&text), is_breadcrumb_reference(&text));
        }
    }

    /// The prose test as first written: the stop-word share of every word of the line.
    fn is_prose_reference(text: &str) -> bool {
        let words: Vec<&str> = text.split_ascii_whitespace().collect();
        let n = words.len().max(1) as f32;
        let density = words.iter().filter(|w| is_stop_word(w)).count() as f32 / n;
        let terminal = ends_terminal(text);
        (words.len() >= 10 && density >= 0.2 && terminal) || (words.len() >= 25 && density >= 0.25)
    }

    #[test]
    fn prose_needs_enough_stop_words_for_its_length() {
        let stops = |k: usize, n: usize, end: &str| {
            let mut words = vec!["of"; k];
            words.extend(std::iter::repeat_n("Minister", n - k));
            words.join(" ") + end
        };
        // ten words ending a sentence: two stop words are a fifth, one is not
        assert!(Line::measure(&stops(2, 10, ".")).is_prose());
        assert!(!Line::measure(&stops(1, 10, ".")).is_prose());
        assert!(!Line::measure(&stops(5, 10, "")).is_prose());
        // 25 words or more without an ending need a quarter
        assert!(!Line::measure(&stops(6, 25, "")).is_prose());
        assert!(Line::measure(&stops(7, 25, "")).is_prose());
        assert!(Line::measure(&stops(5, 25, ".")).is_prose());
        assert!(!Line::measure(&stops(2, 9, ".")).is_prose());
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(2000, 29))]
        #[test]
        fn words_and_prose_are_as_counted_word_by_word(
            text in "(( |  |\t|\n|\r|\u{b}|\u{c}|\u{a0})?(the|of|and|Minister|said|x|é|“a”|[a-z]{1,9})[.,]?){0,40}[.?!]?"
        ) {
            let line = Line::measure(&text);
            proptest::prop_assert_eq!(line.words, text.split_ascii_whitespace().count());
            proptest::prop_assert_eq!(line.is_prose(), is_prose_reference(&text));
            proptest::prop_assert_eq!(line.copyright, text.contains('©')
                || starts_with_ignoring_case(&text, "copyright") || text.starts_with("(c) "));
        }

        #[test]
        fn any_text_has_the_words_split_ascii_whitespace_finds(text in "\\PC{0,80}|[ -~\t\n\r\u{b}\u{c}©]{0,80}") {
            proptest::prop_assert_eq!(count_words(&text), text.split_ascii_whitespace().count());
            proptest::prop_assert_eq!(has_copyright_sign(&text), text.contains('©'));
        }
    }

    #[test]
    fn a_sentence_with_commas_is_not_a_label_list() {
        assert!(
            !Line::measure("Poland, Italy, Spain, and the Czech Republic have rejected the idea.")
                .label_list
        );
    }
}
