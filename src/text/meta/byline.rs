//! Bylines: "By Jane Doe", "By SARAH JONES FOR THE EVENING ECHO", "Posted on 12 April 2023 by
//! Tom Reilly", "Helen Pidd Scotland editor", "Jane Doe, Senior Reporter" → the person's name.

use std::sync::LazyLock;

use crate::extract::actor::gazetteer::past_titles;
use crate::extract::actor::is_organization_word;
use crate::extract::lexicon::Lexicon;
use crate::extract::token::tokenize;
use crate::text::clean::date::{date_start, find_date};
use crate::text::clean::line::Line;

/// Words naming a role in a byline or a bio ("correspondent", "fellow").
pub(crate) static BIO_ROLES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../assets/lexicons/bio_roles.txt")));

/// The most words a posted-by or name-and-role line may have.
const MAX_WORDS: usize = 14;

/// The author named by a byline line, if `text` is one.
pub fn byline_author(text: &str, line: &Line) -> Option<String> {
    if line.byline {
        return name_of(strip_lead(text));
    }
    if line.words > MAX_WORDS || text.trim_end().ends_with(['.', '?', '!']) {
        return None;
    }
    posted_by(text).or_else(|| name_with_role(text))
}

/// "Posted on 12 April 2023 by Tom Reilly" → Tom Reilly: a posting line (a date or "Posted"
/// before "by") ending in a person's name.
fn posted_by(text: &str) -> Option<String> {
    // most lines have no " by ": looked for once, from the end, by a searcher built once
    static BY: LazyLock<[memchr::memmem::FinderRev<'static>; 2]> =
        LazyLock::new(|| [" by ", " By "].map(|by| memchr::memmem::FinderRev::new(by.as_bytes())));
    let at = BY[0]
        .rfind(text.as_bytes())
        .or_else(|| BY[1].rfind(text.as_bytes()))?;
    let lead = text.split_whitespace().next().unwrap_or("").to_lowercase();
    let posting = matches!(
        lead.trim_end_matches(':'),
        "posted" | "published" | "written" | "filed" | "updated"
    ) || find_date(&text[..at]).is_some();
    let name = name_of(&text[at + 4..])?;
    (posting && is_person_name(&name)).then_some(name)
}

/// "Helen Pidd Scotland editor", "Jane Doe, Senior Reporter": a name, then a role ending the line.
fn name_with_role(text: &str) -> Option<String> {
    // the last word first: most lines end in no role, and are not split into words
    let ends_in_role = text
        .split_whitespace()
        .next_back()
        .is_some_and(|w| BIO_ROLES.contains(w.trim_matches(|c: char| !c.is_alphabetic())));
    if !ends_in_role {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=7).contains(&words.len()) {
        return None;
    }
    let name = match text.split_once(',') {
        Some((name, _)) => name.trim(),
        None => {
            let two = words[..2].join(" ");
            return is_person_name(&two).then_some(two);
        }
    };
    is_person_name(name).then(|| name.to_string())
}

/// The person named by a byline printed apart from the text (a page's byline element or author
/// tag): "By Helena Brandt · 7 November 2024" → Helena Brandt; text that names no one gives None.
pub fn byline_name(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let is_by =
        |w: Option<&str>| w.is_some_and(|w| w.trim_end_matches(':').eq_ignore_ascii_case("by"));
    // "By Ana Ruiz"; "Posted by Lenny M.", "Words by Ana Ruiz": a credit's first word and "by"
    let text = if is_by(words.next()) || is_by(words.next()) {
        strip_lead(text)
    } else {
        text.trim()
    };
    name_of(text)
}

/// "By: Jane Doe" → "Jane Doe", "Interview by Jonah Pike" → "Jonah Pike" (the lead words
/// through "by", and a colon, dropped).
fn strip_lead(text: &str) -> &str {
    let mut rest = text
        .split_once(char::is_whitespace)
        .map_or("", |(_, r)| r)
        .trim();
    if let Some((by, after)) = rest.split_once(char::is_whitespace) {
        if by.eq_ignore_ascii_case("by") {
            rest = after;
        }
    }
    rest.trim().trim_start_matches(':').trim()
}

/// The name part of a byline: cut before "for The Outlet", "in Kyiv", a bar, a dash or a dot
/// ("Jane Doe · 7 November 2024"), and title-cased if printed in capitals.
fn name_of(text: &str) -> Option<String> {
    // "Jane Doe 7 November 2024": a date after the name, with no mark between them
    let end = name_end(text).min(date_start(text).unwrap_or(text.len()));
    let mut name = text[..end].trim().trim_end_matches([',', ';', ':']);
    // "Jane Doe, Political Correspondent", "Jane Doe, March 3, 2024": a role or a date after a
    // comma is not a co-author
    if let Some((first, rest)) = name.split_once(',') {
        // (or an employer: "Sophie Grange, Local Democracy Reporting Service")
        let employer = rest.split_whitespace().any(is_organization_word);
        if rest.split_whitespace().any(|w| BIO_ROLES.contains(w))
            || employer
            || find_date(rest).is_some()
        {
            name = first.trim();
        }
    }
    let words = name.split_whitespace().count();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    ((1..=9).contains(&words) && capitalised).then(|| unshout(name))
}

/// Where a byline's name ends: at the first of the words and marks that follow names ("Jane
/// Doe for the Ledger", "Jane Doe in Paris", "Jane Doe | Staff"), or the end of the line. Each
/// opens with a space, so only the spaces are tried.
fn name_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes)
        .find(|&at| {
            NAME_ENDS
                .iter()
                .any(|end| bytes[at..].starts_with(end.as_bytes()))
        })
        .unwrap_or(text.len())
}

/// What follows a name in a byline.
const NAME_ENDS: [&str; 12] = [
    " for ", " FOR ", " For ", " in ", " at ", " on ", " | ", " - ", " – ", " — ", " · ", " • ",
];

/// A line naming the author's role under a byline: "Transport correspondent", "Senior fellow,
/// Climate and Resources Programme": a few words, capitalised, holding a role, not a sentence.
pub fn is_role_line(text: &str, line: &Line) -> bool {
    (1..=MAX_ROLE_WORDS).contains(&line.words)
        && !line.terminal
        && text.starts_with(char::is_uppercase)
        && text
            .split_whitespace()
            .any(|w| BIO_ROLES.contains(w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// The most words of a role line under a byline.
const MAX_ROLE_WORDS: usize = 8;

/// `name` without the titles before it ("Dr. Amara Osei" → "Amara Osei"), read as the actor
/// gazetteer reads them; a name that is only titles stays as it is.
pub fn without_honorifics(name: &str) -> &str {
    let name = name.trim();
    let tokens = tokenize(name);
    match tokens.get(past_titles(&tokens, 0)) {
        Some(first) => &name[first.start..],
        None => name,
    }
}

/// Two to four capitalised words, none a function word: "Helen Pidd", "Ana María Ruiz".
pub(super) fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
                && !matches!(*w, "The" | "A" | "An" | "Of" | "And")
        })
}

/// "SARAH JONES and DAVID KIM" → "Sarah Jones and David Kim"; other text unchanged.
fn unshout(name: &str) -> String {
    if name.chars().any(char::is_lowercase) && !shouting_words(name) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            if w.chars().any(char::is_lowercase) {
                return w.to_string();
            }
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the capitalised words are all in capitals ("MARIA LOPEZ and DAVID KIM").
fn shouting_words(name: &str) -> bool {
    name.split(' ')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .all(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_name_ends_at_the_first_of_its_ends_as_searching_each_finds(
            text in "( for | FOR | in | at | on | [|–—·•-] |Jane|Doe|for|x| ){0,10}"
        ) {
            let reference = NAME_ENDS
                .iter()
                .filter_map(|end| text.find(end))
                .min()
                .unwrap_or(text.len());
            proptest::prop_assert_eq!(name_end(&text), reference);
        }
    }

    fn author(text: &str) -> Option<String> {
        byline_author(text, &Line::measure(text))
    }

    #[test]
    fn honorifics_are_dropped_from_a_name() {
        assert_eq!(without_honorifics("Dr. Amara Osei"), "Amara Osei");
        assert_eq!(without_honorifics("Prof Sir Ian Hale"), "Ian Hale");
        assert_eq!(without_honorifics("Amara Osei"), "Amara Osei");
        assert_eq!(without_honorifics("Doctor"), "Doctor");
        let line = |t: &str| Line::measure(t);
        assert!(is_role_line(
            "Transport correspondent",
            &line("Transport correspondent")
        ));
        let role = "Senior fellow, Climate and Resources Programme";
        assert!(is_role_line(role, &line(role)));
        let sentence = "The editor resigned.";
        assert!(!is_role_line(sentence, &line(sentence)));
        assert!(!is_role_line("Rail travel", &line("Rail travel")));
    }

    #[test]
    fn a_byline_names_the_author_without_the_outlet() {
        assert_eq!(author("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            author("By SARAH JONES FOR THE EVENING ECHO").as_deref(),
            Some("Sarah Jones")
        );
        assert_eq!(
            author("By MARIA LOPEZ and DAVID KIM").as_deref(),
            Some("Maria Lopez and David Kim")
        );
        assert_eq!(
            author("By Olena Petrenko in Kyiv").as_deref(),
            Some("Olena Petrenko")
        );
        assert_eq!(
            author("By Jane Doe, Political Correspondent").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            author("By Jane Doe, John Roe and Ann Lee").as_deref(),
            Some("Jane Doe, John Roe and Ann Lee")
        );
        // where the reporter was, and who employs them, are not part of the name
        assert_eq!(
            author("By Ryan Pellow at Cobden Road").as_deref(),
            Some("Ryan Pellow")
        );
        assert_eq!(
            author("By Sophie Grange, Local Democracy Reporting Service").as_deref(),
            Some("Sophie Grange")
        );
    }

    #[test]
    fn a_byline_with_its_date_names_only_the_author() {
        assert_eq!(
            author("By Helena Brandt · 7 November 2024").as_deref(),
            Some("Helena Brandt")
        );
        assert_eq!(
            author("By Jane Doe, March 3, 2024").as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn a_byline_printed_apart_names_the_author() {
        assert_eq!(
            byline_name("By Helena Brandt · 7 November 2024").as_deref(),
            Some("Helena Brandt")
        );
        assert_eq!(byline_name("by: ANA RUIZ").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            byline_name("Posted by Lenny M.").as_deref(),
            Some("Lenny M.")
        );
        assert_eq!(
            byline_name("Words by Ana Ruiz").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            byline_name("Tomas Lindqvist").as_deref(),
            Some("Tomas Lindqvist")
        );
        assert_eq!(
            byline_name("Jane Doe and John Roe").as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(byline_name("https://example.com/staff/ana"), None);
        assert_eq!(byline_name(""), None);
        // a date straight after the name, with no mark between them
        assert_eq!(
            byline_name("Mira Castellanos Mar 04, 2025").as_deref(),
            Some("Mira Castellanos")
        );
        assert_eq!(
            byline_name("By Ana Ruiz 2025-03-04").as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn a_posted_by_line_names_the_author() {
        assert_eq!(
            author("Posted on 12 April 2023 by Tom Reilly").as_deref(),
            Some("Tom Reilly")
        );
        assert_eq!(author("The bridge was built by Victorian engineers."), None);
        assert_eq!(author("Town bridge built by Victorians closes"), None);
    }

    #[test]
    fn a_name_followed_by_a_role_is_a_byline() {
        assert_eq!(
            author("Helen Pidd Scotland editor").as_deref(),
            Some("Helen Pidd")
        );
        assert_eq!(
            author("Jane Doe, Senior Reporter").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(author("Grand Strategy Program"), None);
        assert_eq!(author("The New Editor"), None);
    }
}
