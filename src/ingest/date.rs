//! Dates as formats declare them (front matter `date:`, `article:published_time`) → `YYYY-MM-DD`.
//!
//! Accepts ISO dates and date-times (`2025-08-19`, `2025-08-19T23:22:36Z`, `2025-08-19 10:00`),
//! slashed year-first dates (`2025/08/20`), and English dates with the month spelled out or
//! abbreviated, either order (`August 20, 2025`, `Aug. 20, 2025`, `20 August 2025`,
//! `Wednesday, 20 Aug 2025`). A leading weekday is ignored. Anything else, or an impossible
//! date (month 13, 31 April), gives `None`: a wrong date is worse than none.

/// Parses a declared date into `YYYY-MM-DD`, or `None` when it is not a date this understands.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    parse_numeric(text).or_else(|| parse_words(text))
}

/// `2025-08-19`, `2025/08/19`, optionally followed by a time (`T…` or ` …`).
fn parse_numeric(text: &str) -> Option<String> {
    let date = text.split(['T', 't', ' ']).next()?;
    let mut parts = date.split(['-', '/']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `August 20, 2025`, `Aug. 20 2025`, `20 August 2025`, with an optional leading weekday.
fn parse_words(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(w) if is_weekday(w) => &words[1..],
        _ => &words[..],
    };
    let [a, b, c] = words.get(..3)? else {
        return None;
    };
    let (month, day) = match (month_number(a), month_number(b)) {
        (Some(m), None) => (m, day_number(b)?),
        (None, Some(m)) => (m, day_number(a)?),
        _ => return None,
    };
    let year = c.parse().ok().filter(|_| c.len() == 4)?;
    ymd(year, month, day)
}

/// "20", "20th", "1st" → the day number.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..].to_ascii_lowercase();
    if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

/// The months' English names, lower case, in calendar order: shared by every reader of dates and
/// by the rule that a month is never a person's name.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days of the week, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .position(|name| lower.len() >= 3 && name.starts_with(lower.as_str()))
        .map(|i| i as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.len() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(lower.as_str()))
}

/// The date as `YYYY-MM-DD` if it exists in the calendar.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=9999).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn iso_dates_and_date_times_keep_their_day() {
        assert_eq!(parse_date("2025-08-19").as_deref(), Some("2025-08-19"));
        assert_eq!(
            parse_date("2025-08-19T23:22:36").as_deref(),
            Some("2025-08-19")
        );
        assert_eq!(
            parse_date("2025-08-19T23:22:36+02:00").as_deref(),
            Some("2025-08-19")
        );
        assert_eq!(
            parse_date(" 2025-08-19 10:00 ").as_deref(),
            Some("2025-08-19")
        );
        assert_eq!(parse_date("2025-8-9").as_deref(), Some("2025-08-09"));
    }

    #[test]
    fn slashed_year_first_dates_are_read() {
        assert_eq!(parse_date("2025/08/20").as_deref(), Some("2025-08-20"));
    }

    #[test]
    fn english_month_names_are_read_in_either_order() {
        for text in [
            "August 20, 2025",
            "20 August 2025",
            "Aug. 20, 2025",
            "aug 20 2025",
            "Wednesday, 20 Aug 2025",
            "Sept. 20, 2025",
            "20th August, 2025",
        ] {
            let want = if text.starts_with("Sept") {
                "2025-09-20"
            } else {
                "2025-08-20"
            };
            assert_eq!(parse_date(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        for text in [
            "2025-13-01",
            "2025-04-31",
            "2023-02-29",
            "08/20/2025",
            "20/08/2025",
            "May 2025",
            "Mayor 20, 2025",
            "August 20, 25",
            "yesterday",
            "",
            "2025-08-19-01",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
    }
}
