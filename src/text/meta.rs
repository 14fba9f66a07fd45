//! Metadata read from the text itself: the headline above the byline, the byline, the date line
//! or dateline, and the outlet (a disclaimer naming it, the © line, a header repeating a name, a
//! wire tag, a closing bio sentence). A field the text does not give stays `None`: never guessed.

use std::ops::Range;

use crate::briefing::Meta;
use crate::ingest::date::parse_date;
use crate::ingest::Block;
use crate::text::clean::date::{has_clock_time, has_relative_time, is_month_year_line};
use crate::text::clean::line::{find_date, parse_date_line, Line};

pub(crate) mod byline;

pub use byline::byline_name;

/// Reads metadata from a document's lines, given the body's range. Returns the metadata and the
/// indices of the lines that are metadata (headline, byline, date line), which are not body.
pub fn read_meta(blocks: &[Block], lines: &[Line], body: Range<usize>) -> (Meta, Vec<usize>) {
    let header = 0..header_end(blocks, lines, &body).min(blocks.len());
    let mut used = Vec::new();
    let byline = header
        .clone()
        .rev()
        .find_map(|i| byline::byline_author(&blocks[i].text, &lines[i]).map(|a| (i, a)));
    let date = header
        .clone()
        .rev()
        .find_map(|i| dateline(&blocks[i].text, &lines[i]).map(|d| (i, d)));
    let date = date.or_else(|| {
        let first = blocks.get(body.start).filter(|_| !body.is_empty())?;
        body_dateline(&first.text).map(|d| (usize::MAX, d))
    });
    // a month alone ("November 2024") stands where a date line stands, though it gives no date
    let date_line = date
        .as_ref()
        .map(|d| d.0)
        .filter(|&i| i != usize::MAX)
        .or_else(|| {
            header.clone().rev().find(|&i| {
                lines[i].words <= 4 && !lines[i].is_prose() && is_month_year_line(&blocks[i].text)
            })
        });
    // a name alone, above the date line or above a line giving the author's role
    let role_under = |i: usize| {
        let next = i + 1;
        (header.contains(&next) && byline::is_role_line(&blocks[next].text, &lines[next]))
            .then_some(next)
    };
    let mut role_line = None;
    let byline = byline.or_else(|| {
        header.clone().rev().find_map(|i| {
            // the cheap test first: most lines are too long to be a name
            if lines[i].words > MAX_BARE_NAME + MAX_HONORIFICS {
                return None;
            }
            let role = role_under(i);
            if date_line != Some(i + 1) && role.is_none() {
                return None;
            }
            let name = bare_name(blocks, lines, i)?;
            role_line = role;
            Some((i, name))
        })
    });
    let byline_at = byline.as_ref().map(|b| b.0);
    // the headline stands above the byline, else above the date line, else just above the body
    let anchor = byline_at
        .or(date_line)
        .unwrap_or(body.start)
        .min(blocks.len());
    let taken = [byline_at, date_line, role_line];
    let title = headline(blocks, lines, anchor, anchor == body.start, &taken).or_else(|| {
        // a press release's headline under its date line ("PRESS RELEASE" / "Embargoed until
        // … 5 March 2025" / the headline / the body): nothing above, so the line below
        (anchor + 1..body.start.min(blocks.len())).find(|&i| {
            lines[i].words >= 4
                && is_headline(&blocks[i].text, &lines[i])
                && !taken.contains(&Some(i))
        })
    });
    // nothing above the body but furniture ("FOR IMMEDIATE RELEASE"): a headline opening the
    // body, followed by more of it, is the title
    let title = title.or_else(|| {
        let first = body.start;
        (anchor == first
            && body.len() >= 2
            && (0..first).all(|i| lines[i].is_furniture())
            && lines[first].words >= 4
            && !lines[first].is_prose()
            && is_headline(&blocks[first].text, &lines[first]))
        .then_some(first)
    });
    let mut meta = Meta::default();
    if let Some((i, author)) = byline {
        meta.author = Some(author);
        used.push(i);
        used.extend(role_line);
    }
    if let Some((i, d)) = date {
        meta.date = Some(d);
        if i != usize::MAX {
            used.push(i);
        }
    }
    if let Some(i) = title {
        meta.title = Some(blocks[i].text.clone());
        used.push(i);
    }
    let bio = closing_bio(blocks, body.end);
    meta.source = outlet(blocks, lines, body.start).or_else(|| bio.as_ref().map(|b| b.1.clone()));
    // "Title: …", "Author: …" header lines, as some exports and archives write them, say
    // outright what the rules above guess
    for i in header.clone() {
        if let Some((field, value)) = header_field(&blocks[i].text) {
            let slot = match field {
                Field::Title => &mut meta.title,
                Field::Author => {
                    meta.author = byline::byline_name(value);
                    used.push(i);
                    continue;
                }
                Field::Date => {
                    if let Some(date) = parse_date(value).or_else(|| find_date(value)) {
                        meta.date = Some(date);
                        used.push(i);
                    }
                    continue;
                }
                Field::Source => &mut meta.source,
            };
            *slot = Some(value.to_string());
            used.push(i);
        }
    }
    if meta.author.is_none() {
        meta.author = bio.map(|b| byline::without_honorifics(&b.0).to_string());
    }
    used.sort_unstable();
    used.dedup();
    (meta, used)
}

/// A field a header line names.
enum Field {
    Title,
    Author,
    Date,
    Source,
}

/// "Title: Comet found", "Author: Ana Ruiz", "Published: 2025-02-11", "Source: Sky Daily":
/// a header line naming a field, and its value.
fn header_field(text: &str) -> Option<(Field, &str)> {
    let (key, value) = text.split_once(':')?;
    let value = value.trim();
    let field = match key.trim().to_lowercase().as_str() {
        "title" | "headline" => Field::Title,
        "author" | "authors" | "byline" | "writer" => Field::Author,
        "date" | "published" | "publication date" | "posted" => Field::Date,
        "source" | "publication" | "publisher" | "outlet" => Field::Source,
        _ => return None,
    };
    (!value.is_empty()).then_some((field, value))
}

/// The most words of a name printed alone as the byline.
const MAX_BARE_NAME: usize = 3;

/// The most honorifics before such a name ("Prof Sir …").
const MAX_HONORIFICS: usize = 2;

/// A byline without "By": a person's name alone on the line `i` (honorifics dropped), right
/// above the date line ("Anja Kowalski" / "Mon 10 Feb 2025 14.05 GMT") or the author's role
/// ("Tom Edgington" / "Transport correspondent"), under a longer headline. A short headline
/// in title case ("Storm Ingrid") reads as a name too, so a line counts only when a headline
/// with more words stands somewhere above it.
fn bare_name(blocks: &[Block], lines: &[Line], i: usize) -> Option<String> {
    let line = &lines[i];
    let text = byline::without_honorifics(&blocks[i].text);
    let named = line.words <= MAX_BARE_NAME + MAX_HONORIFICS
        && text.split_whitespace().count() <= MAX_BARE_NAME
        && !line.is_furniture()
        && !line.terminal
        && text.chars().any(char::is_lowercase)
        && byline::is_person_name(text);
    if !named {
        return None;
    }
    let headed =
        (0..i).any(|j| lines[j].words > line.words && is_headline(&blocks[j].text, &lines[j]));
    headed.then(|| text.to_string())
}

/// The most short lines between a standfirst and the date line under it.
const MAX_LINES_UNDER_STANDFIRST: usize = 3;

/// Where metadata may stand: before the body, or before its first line of prose when the body
/// begins with short lines (a headline and a "Posted … by …" line the context pass kept). A
/// standfirst may come first: when short lines under the first prose end with a date line
/// ("Margaret Osei" / "Sat 3 Oct 2026 07.00 BST"), the header ends after it.
fn header_end(blocks: &[Block], lines: &[Line], body: &Range<usize>) -> usize {
    let Some(prose) = body.clone().find(|&i| lines[i].is_prose()) else {
        return body.start;
    };
    let under = prose + 1..(prose + 1 + MAX_LINES_UNDER_STANDFIRST).min(body.end);
    under
        .take_while(|&i| !lines[i].is_prose())
        .filter(|&i| dateline(&blocks[i].text, &lines[i]).is_some())
        .last()
        .map_or(prose, |date| date + 1)
        .max(body.start)
}

/// The headline: the nearest headline-like line above `anchor` (the byline or date line); when
/// a standfirst or second headline sits right under a headline, the headline above it (a page
/// prints its headline first).
fn headline(
    blocks: &[Block],
    lines: &[Line],
    anchor: usize,
    at_body: bool,
    taken: &[Option<usize>],
) -> Option<usize> {
    // the line under a label ("From:" / "Environment Agency") is the label's value
    let labelled = |i: usize| {
        i > 0 && blocks[i - 1].text.ends_with(':') && (1..=2).contains(&lines[i - 1].words)
    };
    let candidate = |i: usize| {
        is_headline(&blocks[i].text, &lines[i]) && !taken.contains(&Some(i)) && !labelled(i)
    };
    let found = (0..anchor)
        .rev()
        .find(|&i| candidate(i) && (!at_body || lines[i].words >= 4));
    let Some(found) = found else {
        return shouted_title(blocks, lines, anchor);
    };
    let above = found
        .checked_sub(1)
        .filter(|&j| candidate(j) && lines[j].words >= 5);
    Some(above.unwrap_or(found))
}

/// A line that is only a date, a dateline "Place/Place – August 20, 2025", or a short line
/// holding a date that is not a sentence ("Published: 14:32 BST, 3 June 2024 | Updated: …").
fn dateline(text: &str, line: &Line) -> Option<String> {
    if line.words > 14 {
        return None;
    }
    // "Published June 27, 2025 | Updated 4:15 p.m.": a clock time's full stop ends no sentence
    let sentence = text.ends_with('.') && !text.ends_with("a.m.") && !text.ends_with("p.m.");
    let dated = || {
        (!line.is_prose() && !sentence)
            .then(|| find_date(text))
            .flatten()
    };
    parse_date_line(text)
        .or_else(|| {
            let (_, after) = text
                .rsplit_once(['–', '—'])
                .or_else(|| text.rsplit_once(" - "))?;
            parse_date_line(after)
        })
        .or_else(dated)
}

/// A dateline opening the first paragraph: "BOSTON, May 6, 2024 /PRNewswire/ -- Acme…".
/// Where in `text` the first of `patterns` (each opening with a space) starts: the spaces
/// are found with `memchr` and each is tried in place, where a search per pattern built a
/// searcher for every call (a few per article, on short lines).
fn first_at_space(text: &str, patterns: &[&str]) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes).find(|&at| {
        patterns
            .iter()
            .any(|p| bytes[at..].starts_with(p.as_bytes()))
    })
}

fn body_dateline(text: &str) -> Option<String> {
    let head = text.get(..text.len().min(80)).unwrap_or(text);
    let end = first_at_space(head, &[" -- ", " – ", " — ", " - ", " /", " ("])?;
    let tokens: Vec<&str> = head[..end]
        .split([' ', ','])
        .filter(|t| !t.is_empty())
        .collect();
    let tail = tokens.get(tokens.len().checked_sub(3)?..)?.join(" ");
    parse_date_line(&tail)
}

/// A title printed in capitals just above the body ("MINUTES OF THE ANNUAL GENERAL MEETING"),
/// when no other headline stands there: elsewhere a shouting line is a promotion.
fn shouted_title(blocks: &[Block], lines: &[Line], anchor: usize) -> Option<usize> {
    (anchor.saturating_sub(2)..anchor).rev().find(|&i| {
        let quiet = Line {
            shouting: false,
            ..lines[i].clone()
        };
        lines[i].shouting && is_headline(&blocks[i].text, &quiet)
    })
}

fn is_headline(text: &str, line: &Line) -> bool {
    (2..=25).contains(&line.words)
        && !line.is_furniture()
        && !line.date_only
        && !line.byline
        && !text.ends_with('.')
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        && !is_repeated_name(text)
        && !has_clock_time(text)
        && !has_relative_time(text)
}

/// The outlet: a disclaimer naming it, the © line, a header repeating a name, or a wire tag
/// (in the first lines or opening the body, under a long menu: "OSLO, June 12 (Reuters) - …").
fn outlet(blocks: &[Block], lines: &[Line], body_start: usize) -> Option<String> {
    let texts = || blocks.iter().map(|b| b.text.as_str());
    texts()
        .zip(lines)
        .filter(|(_, l)| l.prompt)
        .find_map(|(t, _)| disclaimer_outlet(t))
        .or_else(|| {
            texts()
                .zip(lines)
                .filter(|(_, l)| l.copyright)
                .find_map(|(t, _)| copyright_holder(t))
        })
        .or_else(|| {
            texts()
                .take(3)
                .find(|t| is_repeated_name(t))
                .map(|t| first_half(t).to_string())
        })
        .or_else(|| {
            texts()
                .take(8)
                .chain(blocks.get(body_start).map(|b| b.text.as_str()))
                .find_map(wire_tag)
        })
}

/// "…do not necessarily reflect the views of the Atlantic Council, its staff…" → Atlantic Council.
fn disclaimer_outlet(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if !lower.contains("views expressed") && !lower.contains("necessarily reflect") {
        return None;
    }
    let at = lower.rfind("views of ")? + "views of ".len();
    let rest = text[at..]
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let name: String = rest.split([',', '.', ';', '(']).next()?.trim().to_string();
    is_name_like(&name).then_some(name)
}

/// What follows a publisher's name in its © line: its legal form and its group.
const COMPANY_SUFFIXES: [&str; 12] = [
    " Ltd",
    " Limited",
    " Inc",
    " LLC",
    " plc",
    " PLC",
    " GmbH",
    " Media Group",
    " Publishing Group",
    " News Group",
    " Newspaper Group",
    " Holdings",
];

/// "© 2025 Defense Priorities All Right Reserved" → Defense Priorities.
fn copyright_holder(text: &str) -> Option<String> {
    // "© Crown copyright": the notice on a government's works names no outlet
    if text.to_ascii_lowercase().contains("crown copyright") {
        return None;
    }
    let mut t = text
        .replace('©', " ")
        .replace("(c)", " ")
        .replace("Copyright", " ");
    for stop in [
        "All Rights Reserved",
        "All Right Reserved",
        "all rights reserved",
        "All rights reserved",
    ] {
        if let Some(at) = t.find(stop) {
            t.truncate(at);
        }
    }
    // "© 2025 The Millbrook Muddle | Proudly powered by WordPress": the holder is before the bar
    if let Some(at) = t.find(" | ") {
        t.truncate(at);
    }
    // "© 2025 The Allotment Diaries. Powered by WordPress.": nor is the site's software or
    // designer (the phrases are ASCII, so the lower-cased copy's offsets are the text's)
    let lower = t.to_ascii_lowercase();
    let credit = first_at_space(
        &lower,
        &[
            " powered by ",
            " designed by ",
            " theme by ",
            " built with ",
            " site by ",
        ],
    );
    if let Some(at) = credit {
        t.truncate(at);
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| {
            !w.trim_end_matches(['.', ','])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
        })
        .collect();
    let mut name = words.join(" ");
    // "The Ledger Media Group Ltd" → The Ledger: the company's forms, then its group words
    loop {
        let trimmed = name.trim_end_matches(['.', ',']);
        let stem = COMPANY_SUFFIXES.iter().find_map(|s| {
            trimmed
                .strip_suffix(s)
                .filter(|stem| !stem.trim().is_empty())
        });
        match stem {
            Some(stem) => name = stem.to_string(),
            None => break,
        }
    }
    let name = name
        .trim_matches(|c: char| c == '.' || c == ',' || c == ' ')
        .to_string();
    is_name_like(&name).then_some(name)
}

/// "(Reuters) -" at the start of a wire story.
fn wire_tag(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let tag = &text[open + 1..close];
    let after = text[close + 1..].trim_start();
    (after.starts_with(['-', '–', '—']) && is_name_like(tag) && tag.split_whitespace().count() <= 3)
        .then(|| tag.to_string())
}

/// The most words a name (of an outlet, an organisation, a person) may have.
const NAME_WORDS: usize = 7;

/// One to [`NAME_WORDS`] words, the first capitalised. Reads no further than that many words.
fn is_name_like(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words
        .next()
        .is_some_and(|first| first.chars().next().is_some_and(char::is_uppercase))
        && words.nth(NAME_WORDS - 1).is_none()
}

fn first_half(text: &str) -> &str {
    let words: Vec<&str> = text.split_whitespace().collect();
    let half = words[..words.len() / 2].join(" ");
    &text[..half.len()]
}

/// "Defense Priorities Defense Priorities": a site name printed twice (logo text + title).
fn is_repeated_name(text: &str) -> bool {
    // asked of whole paragraphs too: a line longer than a name is read no further
    let mut words = [""; NAME_WORDS];
    let mut n = 0;
    for word in text.split_whitespace() {
        if n == NAME_WORDS {
            return false;
        }
        words[n] = word;
        n += 1;
    }
    n >= 2 && n % 2 == 0 && words[..n / 2] == words[n / 2..n] && is_name_like(text)
}

/// How far after the body a closing bio may stand: past a sign-off and the share and comment
/// prompts under it.
const BIO_AFTER_BODY: usize = 5;

/// A closing bio sentence near the end of the body: "Jane Doe is a senior fellow at the X." →
/// (Jane Doe, X).
fn closing_bio(blocks: &[Block], body_end: usize) -> Option<(String, String)> {
    let from = body_end.saturating_sub(2);
    let to = (body_end + BIO_AFTER_BODY).min(blocks.len());
    (from..to).rev().find_map(|i| bio_sentence(&blocks[i].text))
}

/// How far into a line " is " may stand in a bio sentence: a name of four long words.
const BIO_NAME_BYTES: usize = 80;

/// Parses "NAME is a/an/the ROLE… at/with/of ORG." (NAME two to four capitalised words).
pub fn bio_sentence(text: &str) -> Option<(String, String)> {
    // the name is at most four words (with titles, a few more): " is " stands near the start,
    // and a long paragraph is not searched to its end
    let mut cut = text.len().min(BIO_NAME_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let at = first_at_space(head, &[" is "])?;
    let (name, rest) = (&text[..at], &text[at + 4..]);
    let name_words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&name_words.len())
        || !name_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let rest = rest
        .strip_prefix("a ")
        .or_else(|| rest.strip_prefix("an "))
        .or_else(|| rest.strip_prefix("the "))?;
    let (role, org) = [" at ", " with ", " of ", " for "]
        .iter()
        .filter_map(|p| rest.split_once(p))
        .min_by_key(|(r, _)| r.len())?;
    if !role
        .split_whitespace()
        .any(|w| byline::BIO_ROLES.contains(w))
    {
        return None;
    }
    let org = org.split(". ").next().unwrap_or(org);
    let org = org.trim_start_matches("the ").trim_end_matches('.');
    let org = org
        .split(" and ")
        .next()
        .unwrap_or(org)
        .split(',')
        .next()
        .unwrap_or(org)
        .trim();
    is_name_like(org).then(|| (name.trim().to_string(), org.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_printed_twice_is_an_outlet_header() {
        assert!(is_repeated_name("Defense Priorities Defense Priorities"));
        assert!(is_repeated_name(
            "Royal United Services Royal United Services"
        ));
        // a header line is name-like: at most seven words in all
        let four = "Centre For Policy Studies";
        assert!(!is_repeated_name(&format!("{four} {four}")));
        assert!(!is_repeated_name("Defense Priorities Defense"));
        assert!(!is_repeated_name("Defense Priorities Policy Priorities"));
        assert!(!is_repeated_name(&"The minister said no. ".repeat(40)));
    }

    #[test]
    fn a_closing_bio_names_the_author_and_the_organisation() {
        assert_eq!(
            bio_sentence("Jane Doe is a senior research fellow at the Lowy Institute."),
            Some(("Jane Doe".into(), "Lowy Institute".into()))
        );
        assert_eq!(bio_sentence("The plan is a disaster at every level."), None);
        assert_eq!(
            bio_sentence("Jane Doe is the political correspondent of The Herald. Follow her on X"),
            Some(("Jane Doe".into(), "The Herald".into()))
        );
    }

    /// The metadata of a page of `lines` whose body starts at the line `first_body`.
    fn meta_of(lines: &[&str], first_body: &str) -> Meta {
        let blocks: Vec<Block> = lines
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                kind: crate::briefing::BlockKind::Text,
                blank_before: false,
            })
            .collect();
        let measured: Vec<Line> = lines.iter().map(|t| Line::measure(t)).collect();
        let start = lines.iter().position(|t| *t == first_body).expect("body");
        read_meta(&blocks, &measured, start..lines.len()).0
    }

    const PROSE: &str = "Engineers restored power to most homes overnight, and the operator said the rest would follow by the evening.";

    #[test]
    fn header_lines_naming_their_fields_are_read_as_such() {
        let meta = meta_of(
            &[
                "Title: Cheap pill cut migraine days in trial",
                "Author: Hannah Okoye",
                "Published: 2025-02-11",
                "Source: Meridian Science News",
                PROSE,
            ],
            PROSE,
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("Cheap pill cut migraine days in trial")
        );
        assert_eq!(meta.author.as_deref(), Some("Hannah Okoye"));
        assert_eq!(meta.date.as_deref(), Some("2025-02-11"));
        assert_eq!(meta.source.as_deref(), Some("Meridian Science News"));
    }

    #[test]
    fn the_first_of_two_headlines_is_the_title() {
        let first = "Pound slides as Bank of England cuts rates and signals more to come";
        let second = "Housebuilder Brightmoor sinks after profit warning; FTSE edges higher";
        let meta = meta_of(&[first, second, "By Fiona Achterberg", PROSE], PROSE);
        assert_eq!(meta.title.as_deref(), Some(first));
    }

    #[test]
    fn a_posting_line_and_a_clock_time_leave_the_name_and_the_date() {
        let headline = "Orchard Lane flats: where we are now";
        let meta = meta_of(
            &[
                headline,
                "Posted by Jen Ashdown on 3 September 2025 in Planning Watch | 6 comments",
                PROSE,
            ],
            PROSE,
        );
        assert_eq!(meta.author.as_deref(), Some("Jen Ashdown"));
        assert_eq!(meta.date.as_deref(), Some("2025-09-03"));
        let meta = meta_of(
            &[
                headline,
                "Published June 27, 2025 | Updated 4:15 p.m.",
                PROSE,
            ],
            PROSE,
        );
        assert_eq!(meta.date.as_deref(), Some("2025-06-27"));
    }

    #[test]
    fn the_copyright_holder_is_cut_at_its_year_bar_and_group() {
        assert_eq!(
            copyright_holder("© The Ledger Media Group Ltd 2025. All rights reserved.").as_deref(),
            Some("The Ledger")
        );
        assert_eq!(
            copyright_holder("© 2025 The Millbrook Muddle | Proudly powered by WordPress")
                .as_deref(),
            Some("The Millbrook Muddle")
        );
        for credit in [
            "© 2025 The Allotment Diaries. Powered by WordPress.",
            "© 2025 The Allotment Diaries - Theme by GeneratePress",
            "Copyright 2025 The Allotment Diaries, site by Fernleaf Studio",
        ] {
            assert_eq!(
                copyright_holder(credit).as_deref(),
                Some("The Allotment Diaries"),
                "{credit}"
            );
        }
        assert_eq!(copyright_holder("© Crown copyright"), None);
        assert_eq!(copyright_holder("© Crown Copyright 2025"), None);
    }

    #[test]
    fn a_name_alone_above_the_date_line_is_the_byline() {
        let headline = "Storm brings power cuts and travel disruption to the coast";
        let prose = PROSE;
        let read = |lines: &[&str]| meta_of(lines, prose);
        let meta = read(&[
            headline,
            "Anja Kowalski",
            "Mon 10 Feb 2025 14.05 GMT",
            prose,
        ]);
        assert_eq!(meta.author.as_deref(), Some("Anja Kowalski"));
        assert_eq!(meta.title.as_deref(), Some(headline));
        assert_eq!(meta.date.as_deref(), Some("2025-02-10"));
        // a timestamp line between them is not the headline
        let meta = read(&[
            headline,
            "Updated at 14.05 GMT",
            "Anja Kowalski",
            "Mon 10 Feb 2025 14.05 GMT",
            prose,
        ]);
        assert_eq!(meta.title.as_deref(), Some(headline));
        // or above the author's role, honorifics dropped; a relative time is no headline
        let meta = read(&[
            headline,
            "3 hours ago",
            "Dr. Anja Kowalski",
            "Senior correspondent, Weather desk",
            prose,
        ]);
        assert_eq!(meta.author.as_deref(), Some("Anja Kowalski"));
        assert_eq!(meta.title.as_deref(), Some(headline));
        // under a standfirst that the body opens with
        let standfirst =
            "Councils are cutting the services older people rely on. There is a better way.";
        let meta = meta_of(
            &[
                headline,
                standfirst,
                "Anja Kowalski",
                "Sat 3 Oct 2026 07.00 BST",
                prose,
            ],
            standfirst,
        );
        assert_eq!(meta.author.as_deref(), Some("Anja Kowalski"));
        assert_eq!(meta.title.as_deref(), Some(headline));
        assert_eq!(meta.date.as_deref(), Some("2026-10-03"));
        // prose between them: the name is the body's
        let meta = meta_of(
            &[
                headline,
                standfirst,
                prose,
                "Anja Kowalski",
                "Sat 3 Oct 2026",
            ],
            standfirst,
        );
        assert_eq!(meta.author, None);
        // a short headline with nothing longer above it is the title, not a name
        let meta = read(&["Storm Ingrid", "Mon 10 Feb 2025", prose]);
        assert_eq!(meta.title.as_deref(), Some("Storm Ingrid"));
        assert_eq!(meta.author, None);
    }

    #[test]
    fn a_month_alone_anchors_the_header_but_gives_no_date() {
        // reports date themselves to the month: the name above it is the byline and the
        // headline stands above the name, but there is no day to give
        let headline = "Grid interconnectors and the winter price spike";
        let meta = meta_of(
            &[
                "Policy Brief No. 47",
                headline,
                "Helen Okafor",
                "November 2024",
                "Print",
                PROSE,
            ],
            PROSE,
        );
        assert_eq!(meta.author.as_deref(), Some("Helen Okafor"));
        assert_eq!(meta.title.as_deref(), Some(headline));
        assert_eq!(meta.date, None);
    }

    #[test]
    fn a_dateline_gives_the_date() {
        let date = |t: &str| dateline(t, &Line::measure(t));
        assert_eq!(
            date("Washington/Brussels – August 20, 2025").as_deref(),
            Some("2025-08-20")
        );
        assert_eq!(date("PARIS — 3 March 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(date("Talks resume – soon"), None);
    }

    #[test]
    fn a_dateline_opening_the_first_paragraph_gives_the_date() {
        assert_eq!(
            body_dateline("BOSTON, May 6, 2024 /PRNewswire/ -- Acme opened").as_deref(),
            Some("2024-05-06")
        );
        assert_eq!(
            body_dateline("LONDON, March 3 (Reuters) - Shares fell").as_deref(),
            None,
            "no year, no date"
        );
    }

    #[test]
    fn the_copyright_line_names_the_outlet() {
        assert_eq!(
            copyright_holder("© 2025 Daily Planet All Rights Reserved").as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(
            copyright_holder("Copyright 2019-2024 The Harbour Times.").as_deref(),
            Some("The Harbour Times")
        );
        assert_eq!(
            copyright_holder("© Evening Echo Ltd 2024").as_deref(),
            Some("Evening Echo"),
            "the company suffix is not the outlet's name"
        );
    }

    #[test]
    fn a_disclaimer_names_the_publisher() {
        let text = "The views expressed in Dispatch are solely those of the authors and do not necessarily reflect the views of the Lowy Institute, its staff, or its supporters.";
        assert_eq!(disclaimer_outlet(text).as_deref(), Some("Lowy Institute"));
    }

    #[test]
    fn a_wire_tag_names_the_agency() {
        assert_eq!(
            wire_tag("LONDON, March 3 (Reuters) - Shares fell.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            wire_tag("The plan (which failed) - was dropped").as_deref(),
            None
        );
        // under a menu longer than the lines searched first, the tag opening the body counts
        let dateline = "OSLO, June 12 (Reuters) - Norway's sovereign wealth fund has excluded two mining companies from its portfolio, its ethics council said on Thursday.";
        let mut page = vec!["World", "Business", "Markets", "Legal", "Technology"];
        page.extend(["Sustainability", "Investigations", "Europe"]);
        page.extend(["Norway's wealth fund drops two miners", dateline, PROSE]);
        assert_eq!(meta_of(&page, dateline).source.as_deref(), Some("Reuters"));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(500, 24))]
        #[test]
        fn the_first_pattern_at_a_space_is_the_first_any_search_finds(
            text in "[a-z /(\\-–—]{0,40}|\\PC{0,40}"
        ) {
            let patterns = [" -- ", " – ", " — ", " - ", " /", " ("];
            let searched = patterns.iter().filter_map(|p| text.find(p)).min();
            proptest::prop_assert_eq!(super::first_at_space(&text, &patterns), searched);
        }
    }
}
