//! Dates as pages print them: "August 20, 2025", "20 August 2025", "Aug. 20, 2025",
//! "Tue 3 Sep 2024 06.00 BST", "2025-08-20", read into `YYYY-MM-DD`. A date without a year
//! ("March 3") is no date: the year is never guessed.

use crate::ingest::date::MONTHS;
/// A date written as a whole line or at the end of a dateline: "August 20, 2025",
/// "20 August 2025", "Aug. 20, 2025", "2025-08-20". Returns `YYYY-MM-DD`.
pub fn parse_date_line(text: &str) -> Option<String> {
    if !text.bytes().any(|b| b.is_ascii_digit()) || text.len() > 40 {
        return None;
    }
    let t = text.trim().trim_end_matches(['.', ',']);
    if let Some(iso) = parse_iso(t) {
        return Some(iso);
    }
    let mut tokens = tokens(t);
    if let Some(date) = numeric_date_line(&tokens) {
        return Some(date);
    }
    // "March 3, 2025 7:42 AM GMT", "Updated 3 March 2025 at 09:10": a time after the date
    while tokens.len() > 3 && tokens.last().is_some_and(|t| is_time(t)) {
        tokens.pop();
    }
    if tokens.len() == 4 && is_date_label(&tokens[0]) {
        tokens.remove(0);
    }
    match tokens.as_slice() {
        [a, b, c] => day_month_year(a, b, c),
        _ => None,
    }
}

/// A clock time or its parts: "7:42", "am", "gmt", "at".
fn is_time(token: &str) -> bool {
    token.contains(':')
        || matches!(
            token,
            "am" | "pm"
                | "a.m."
                | "p.m."
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "et"
                | "est"
                | "edt"
                | "pt"
                | "at"
        )
}

/// Whether `text` holds a clock time with its zone or half of the day: "14.05 GMT",
/// "9:14 AM", "7.30pm". A number with a unit ("4.1 metres") is none.
pub fn has_clock_time(text: &str) -> bool {
    // a clock holds a digit, a dot or colon, and two digits: most lines have none, and are
    // not split into tokens
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let clock_like = memchr::memchr2_iter(b'.', b':', bytes)
        .any(|i| i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2));
    if !clock_like {
        return false;
    }
    let tokens = tokens(text);
    tokens.iter().enumerate().any(|(i, t)| {
        let (clock, suffix) = match t.find(|c: char| c.is_alphabetic()) {
            Some(at) => t.split_at(at),
            None => (t.as_str(), ""),
        };
        let zone = |z: &str| z != "at" && is_time(z);
        is_clock(clock)
            && (zone(suffix) || suffix.is_empty() && tokens.get(i + 1).is_some_and(|z| zone(z)))
    })
}

/// Whether `text` holds a time relative to now: "3 hours ago", "Published 2 days ago",
/// "an hour ago".
pub fn has_relative_time(text: &str) -> bool {
    if !text.contains("ago") {
        return false;
    }
    let tokens = tokens(text);
    tokens.windows(3).any(|w| {
        let count =
            w[0].bytes().all(|b| b.is_ascii_digit()) || matches!(w[0].as_str(), "a" | "an" | "one");
        let unit = w[1].trim_end_matches('s');
        count
            && matches!(
                unit,
                "second"
                    | "sec"
                    | "minute"
                    | "min"
                    | "mins"
                    | "hour"
                    | "hr"
                    | "day"
                    | "week"
                    | "month"
                    | "year"
            )
            && w[2].trim_end_matches(['.', ',']) == "ago"
    })
}

/// "14.05", "9:14": hours (one or two digits, at most 23), a dot or colon, two digits of minutes.
fn is_clock(token: &str) -> bool {
    let Some((hours, minutes)) = token.split_once([':', '.']) else {
        return false;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && digits(hours)
        && digits(minutes)
        && hours.parse::<u32>().is_ok_and(|h| h < 24)
        && minutes.parse::<u32>().is_ok_and(|m| m < 60)
}

/// "Updated", "Published", "Posted", "Modified", "On" before a date.
fn is_date_label(token: &str) -> bool {
    matches!(
        token.trim_end_matches(':'),
        "updated" | "published" | "posted" | "modified" | "on"
    )
}

/// A line that is a date in figures, between labels and a time: "14/05/2025",
/// "Published on 14/05/2025 - 09:41", "Modified: 14.05.2025 | 12:05".
fn numeric_date_line(tokens: &[String]) -> Option<String> {
    let mut rest = tokens;
    while let [first, tail @ ..] = rest {
        if !is_date_label(first) {
            break;
        }
        rest = tail;
    }
    while let [head @ .., last] = rest {
        if !(is_time(last) || is_clock(last) || matches!(last.as_str(), "-" | "–" | "—")) {
            break;
        }
        rest = head;
    }
    match rest {
        [only] => parse_numeric(only),
        _ => None,
    }
}

/// A date in figures with the year last: "14/05/2025", "14.05.2025", "5/14/2025". Europe reads
/// day first and the United States month first, so it is read only when one order is
/// impossible (a number above 12 is the day) or both give the same date: "05/04/2025" is no
/// date, as the year is never guessed and neither is the month.
pub fn parse_numeric(token: &str) -> Option<String> {
    // asked of every token of a dated line: most are words, turned away by their first byte
    if !token.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut parts = token.split(['/', '.', '-']);
    let (Some(a), Some(b), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !short(a) || !short(b) || year.len() != 4 {
        return None;
    }
    let (a, b, year): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, year.parse().ok()?);
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        (false, false) if a == b => (a, b),
        _ => return None,
    };
    format_ymd(year, month, day)
}

/// The first date anywhere in a short line: "Published: 14:32 BST, 3 June 2024 | Updated: …",
/// "Posted on 12 April 2023 by Tom Reilly", "Updated 9:14 AM GMT, July 28, 2024".
pub fn find_date(text: &str) -> Option<String> {
    first_date(text).map(|(_, date)| date)
}

/// A line that dates a page to a month only ("November 2024", "Published: March 2025"), as
/// reports and magazines do: it stands where a date line stands, but gives no day, so no date.
pub fn is_month_year_line(text: &str) -> bool {
    if text.len() > 40 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let tokens = tokens(text.trim_end_matches('.'));
    let start = tokens.iter().take_while(|t| is_date_label(t)).count();
    match &tokens[start..] {
        [month, year] => {
            month_of(month).is_some()
                && year.len() == 4
                && year
                    .parse::<u32>()
                    .is_ok_and(|y| (1800..=2200).contains(&y))
        }
        _ => false,
    }
}

/// Where the first date in `text` starts (a byte offset), the date [`find_date`] reads:
/// "Mira Castellanos Mar 04, 2025" → the offset of "Mar".
pub fn date_start(text: &str) -> Option<usize> {
    first_date(text).map(|(at, _)| at)
}

/// The first date in `text` (as `YYYY-MM-DD`) and where its first word starts.
fn first_date(text: &str) -> Option<(usize, String)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words: Vec<(usize, String)> = text
        .split(is_token_gap)
        .filter(|w| !w.is_empty())
        .map(|w| {
            (
                w.as_ptr() as usize - text.as_ptr() as usize,
                w.to_lowercase(),
            )
        })
        .collect();
    (0..words.len()).find_map(|i| {
        let word = &words[i].1;
        parse_iso(word)
            .or_else(|| parse_numeric(word))
            .or_else(|| {
                let w = words.get(i..i + 3)?;
                day_month_year(&w[0].1, &w[1].1, &w[2].1)
            })
            .map(|date| (words[i].0, date))
    })
}

/// A month name glued to the word before it, as a page's text comes out when a byline's name
/// and date stand in adjacent elements with no space between ("CastellanosMar 04, 2025"):
/// a space is put back before a capitalised month name that follows a lower-case letter and is
/// followed by a day. Other text is returned as it is.
pub fn unglue_month(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let glued = (1..bytes.len()).find(|&at| {
        bytes[at].is_ascii_uppercase() && bytes[at - 1].is_ascii_lowercase() && {
            let rest = &text[at..];
            let word = rest
                .split(|c: char| !c.is_ascii_alphabetic() && c != '.')
                .next();
            let after = rest[word.map_or(0, str::len)..].trim_start();
            word.is_some_and(|w| month_of(&w.to_lowercase()).is_some())
                && after.starts_with(|c: char| c.is_ascii_digit())
        }
    });
    match glued {
        Some(at) => format!("{} {}", &text[..at], &text[at..]).into(),
        None => text.into(),
    }
}

/// Lower-cased words of `text`, split at white space, commas, bars and brackets.
fn tokens(text: &str) -> Vec<String> {
    text.split(is_token_gap)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What separates the words [`tokens`] gives: white space, commas, bars and brackets.
fn is_token_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')')
}

/// "august 20 2025" or "20 august 2025" (tokens lower-cased).
fn day_month_year(a: &str, b: &str, c: &str) -> Option<String> {
    let year = c.parse::<u32>().ok().filter(|_| c.len() == 4)?;
    let (month, day) = match (month_of(a), month_of(b)) {
        (Some(m), _) => (m, day_of(b)?),
        (None, Some(m)) => (m, day_of(a)?),
        _ => return None,
    };
    format_ymd(year, month, day)
}

/// 1–12 for a month name or its usual abbreviation ("aug", "aug.", "sept").
fn month_of(token: &str) -> Option<u32> {
    let s = token.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| s.len() >= 3 && m.starts_with(s) && (s.len() == 3 || s == *m || s == "sept"))
        .map(|i| i as u32 + 1)
}

/// "20", "20th", "3rd".
fn day_of(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
    (1..=2)
        .contains(&digits.len())
        .then(|| digits.parse().ok())
        .flatten()
}

/// `2025-08-19`, `2025-08-19T23:22:36…`, `2025/08/19`.
pub fn parse_iso(text: &str) -> Option<String> {
    let head = text.get(..10)?;
    let parts: Vec<&str> = head.split(['-', '/']).collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() > 2 || parts[2].len() > 2 {
        return None;
    }
    let rest = &text[head.len()..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    format_ymd(
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    )
}

fn format_ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1000..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_found_where_it_starts() {
        let text = "Mira Castellanos Mar 04, 2025";
        assert_eq!(date_start(text).map(|at| &text[at..]), Some("Mar 04, 2025"));
        let text = "Ana Ruiz 2025-03-04";
        assert_eq!(date_start(text).map(|at| &text[at..]), Some("2025-03-04"));
        assert_eq!(date_start("Mira Castellanos"), None);
        assert_eq!(date_start("Room 101, level 4"), None);
    }

    #[test]
    fn a_month_glued_to_a_name_is_set_apart() {
        assert_eq!(
            unglue_month("Mira CastellanosMar 04, 2025"),
            "Mira Castellanos Mar 04, 2025"
        );
        assert_eq!(
            unglue_month("Ana RuizSeptember 3, 2024"),
            "Ana Ruiz September 3, 2024"
        );
        // names with a capital inside, and months not followed by a day, stay as they are
        for text in [
            "Ross McDonald",
            "DeShawn MayJones",
            "Omar Mayfield 3",
            "Jo SmithMay",
        ] {
            assert_eq!(unglue_month(text), text, "{text:?}");
        }
    }

    #[test]
    fn a_month_and_year_alone_is_a_month_line() {
        for text in [
            "November 2024",
            "Published: March 2025",
            "Sept. 2023",
            "MAY 2024",
            "Updated August 2025.",
        ] {
            assert!(is_month_year_line(text), "{text:?}");
        }
        for text in [
            "November 20, 2024",
            "In November 2024",
            "November 2024 was the warmest month on record.",
            "Room 2024",
            "Policy Brief No. 47",
            "2024",
            "May 24",
        ] {
            assert!(!is_month_year_line(text), "{text:?}");
        }
    }

    #[test]
    fn dates_in_figures_are_read_only_when_one_order_is_possible() {
        for (text, want) in [
            ("14/05/2025", Some("2025-05-14")),
            ("5/14/2025", Some("2025-05-14")),
            ("14.05.2025", Some("2025-05-14")),
            ("Published on 14/05/2025 - 09:41", Some("2025-05-14")),
            ("Modified: 14.05.2025 | 12:05", Some("2025-05-14")),
            ("07/07/2025", Some("2025-07-07")),
            ("05/04/2025", None),
            ("14/13/2025", None),
            ("31/02/25", None),
            ("4.7 million", None),
            ("Published on 14/05/2025 by Ana Ruiz", None),
        ] {
            assert_eq!(parse_date_line(text).as_deref(), want, "{text:?}");
        }
        assert_eq!(
            find_date("Posted 14/05/2025 by Ana Ruiz").as_deref(),
            Some("2025-05-14")
        );
    }

    #[test]
    fn relative_times_are_found() {
        for text in [
            "3 hours ago",
            "Published 2 days ago",
            "an hour ago",
            "1 min ago",
        ] {
            assert!(has_relative_time(text), "{text:?}");
        }
        for text in [
            "Three hours ago the bridge fell",
            "ago",
            "Years of neglect",
            "2 hours",
        ] {
            assert!(!has_relative_time(text), "{text:?}");
        }
    }

    #[test]
    fn clock_times_are_told_from_numbers() {
        for text in [
            "Updated at 14.05 GMT",
            "9:14 AM GMT, July 28, 2024",
            "Doors open at 7.30pm",
            "Published 08:10 BST",
        ] {
            assert!(has_clock_time(text), "{text:?}");
        }
        for text in [
            "River levels peaked at 4.1 metres",
            "Premiums rose to 0.9% from 0.7%",
            "Election results 2024",
            "Score 3.45 at home",
            "Updated at 25.10 GMT",
            "",
        ] {
            assert!(!has_clock_time(text), "{text:?}");
        }
    }

    #[test]
    fn dates_are_read_in_the_usual_written_forms() {
        for text in [
            "August 20, 2025",
            "20 August 2025",
            "Aug. 20, 2025",
            "20th Aug 2025",
            "2025-08-20",
            "2025-08-20T23:22:36",
            "August 20, 2025 7:42 AM GMT",
            "Updated 20 August 2025 at 09:10",
        ] {
            assert_eq!(
                parse_date_line(text).as_deref(),
                Some("2025-08-20"),
                "{text}"
            );
        }
        assert_eq!(parse_date_line("Mayday 20, 2025"), None);
        assert_eq!(parse_date_line("The troops left"), None);
    }

    #[test]
    fn a_date_is_found_inside_a_published_or_posted_line() {
        for (text, want) in [
            (
                "Published: 14:32 BST, 3 June 2024 | Updated: 16:05 BST, 4 June 2024",
                "2024-06-03",
            ),
            ("Posted on 12 April 2023 by Tom Reilly", "2023-04-12"),
            ("Updated 9:14 AM GMT, July 28, 2024", "2024-07-28"),
            ("Tue 3 Sep 2024 06.00 BST", "2024-09-03"),
            ("Last updated on 5 February 2025", "2025-02-05"),
            ("Last modified 2024-02-29 10:00", "2024-02-29"),
        ] {
            assert_eq!(find_date(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_date_without_a_year_is_no_date() {
        assert_eq!(find_date("LONDON, March 3 (Reuters) - Shares fell"), None);
        assert_eq!(find_date("Scores: 12 May 20"), None);
    }
}
