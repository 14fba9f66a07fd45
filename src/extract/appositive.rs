//! Appositives: a comma-delimited phrase that describes the name before it and sits between a
//! subject and its verb ("Raj Patel, who chairs the finance committee, supported the plan";
//! "Dana Whitfield, chair of the council's budget panel, opposed …"). The actor and position
//! rules step over one to find the subject of the verb after it.
//!
//! Scans are bounded by [`MAX_WORDS`] tokens, so a 100,000-token paragraph costs no more per
//! comma than a short one.

use crate::extract::actor::gazetteer::title_at;
use crate::extract::token::Token;

/// The most tokens an appositive may hold between its commas.
pub const MAX_WORDS: usize = 16;

/// Whether `inner` (the tokens between two commas) reads as an appositive: it opens with a
/// relative pronoun, a determiner, a lower-case role word or a title, and holds no quotation mark
/// or sentence break; or it is an American legislator's party and state ("Rep. Ana Ruiz,
/// D-N.Y., urged"). "Poland, Italy, …" (a list) and ", and …" (a coordination) are not.
pub fn is_appositive(tokens: &[Token], open: usize, close: usize) -> bool {
    let inner = tokens.get(open + 1..close).unwrap_or(&[]);
    let Some(first) = inner.first() else {
        return false;
    };
    if is_party_and_state(inner) {
        return true;
    }
    let opens = !first.is_capitalised() || title_at(tokens, open + 1).is_some();
    let named_term = named_term(inner);
    let clean = inner.iter().enumerate().all(|(k, t)| {
        !matches!(
            t.text,
            "\"" | "“" | "”" | "‘" | "’" | "'" | ";" | "." | ":" | "?" | "!"
        ) || k > 0 && is_plural_possessive(&inner[k - 1], t)
            || named_term.is_some_and(|(a, b)| k == a || k == b)
    });
    opens && clean && !matches!(first.key(), "and" | "or" | "but" | "nor" | "then" | "so")
}

/// A term in double quotation marks inside an appositive ("Turkey, which helped negotiate the
/// so-called “Istanbul formula”, warned …"): the two marks' places, when there are exactly two,
/// they pair, and at most five words stand between them.
fn named_term(inner: &[Token]) -> Option<(usize, usize)> {
    let mut marks = inner
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.text, "\"" | "“" | "”" | "‘" | "’" | "'"));
    let (a, open) = marks.next()?;
    let (b, close) = marks.next()?;
    let paired = matches!((open.text, close.text), ("“", "”") | ("\"", "\""));
    (marks.next().is_none() && paired && b - a <= 6).then_some((a, b))
}

/// "D-N.Y.", "R-Texas", "I-Vt.": a party's initial, a hyphen and a state's name or its
/// abbreviation, with the abbreviation's full stop.
pub fn is_party_and_state(inner: &[Token]) -> bool {
    let tag = match inner {
        [tag] => tag,
        [tag, stop] if stop.text == "." && stop.start == tag.end => tag,
        _ => return false,
    };
    let state = tag
        .text
        .strip_prefix(['D', 'R', 'I'])
        .and_then(|t| t.strip_prefix('-'));
    state.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
    })
}

/// Whether token `k` is a comma between words, not one grouping a number's digits ("3,200").
fn is_comma(tokens: &[Token], k: usize) -> bool {
    let digit_before = k > 0
        && tokens[k - 1].end == tokens[k].start
        && tokens[k - 1].text.ends_with(|c: char| c.is_ascii_digit());
    let digit_after = tokens.get(k + 1).is_some_and(|t| {
        t.start == tokens[k].end && t.text.starts_with(|c: char| c.is_ascii_digit())
    });
    tokens[k].text == "," && !(digit_before && digit_after)
}

/// Whether `mark` is an apostrophe closing the plural `word` right before it ("the players'",
/// "the Farmers' Union").
pub(crate) fn is_plural_possessive(word: &Token, mark: &Token) -> bool {
    matches!(mark.text, "'" | "’")
        && word.text.ends_with(['s', 'S'])
        && word.start + word.text.len() == mark.start
}

/// The comma closing the appositive that opens at the comma `open`, if any.
pub fn closing(tokens: &[Token], open: usize) -> Option<usize> {
    if tokens.get(open)?.text != "," {
        return None;
    }
    let end = tokens.len().min(open + 2 + MAX_WORDS);
    let close = (open + 1..end).find(|&k| is_comma(tokens, k))?;
    is_appositive(tokens, open, close).then_some(close)
}

/// The comma opening the appositive that the comma `close` ends, not before token `floor`.
pub fn opening(tokens: &[Token], close: usize, floor: usize) -> Option<usize> {
    if tokens.get(close)?.text != "," {
        return None;
    }
    let low = floor.max(close.saturating_sub(MAX_WORDS + 1));
    let open = (low..close).rev().find(|&k| is_comma(tokens, k))?;
    is_appositive(tokens, open, close).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn after_appositive(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let open = tokens.iter().position(|t| t.text == ",")?;
        let close = closing(&tokens, open)?;
        assert_eq!(opening(&tokens, close, 0), Some(open));
        Some(tokens[close + 1].text.to_string())
    }

    #[test]
    fn a_relative_clause_between_commas_is_an_appositive() {
        let text = "Raj Patel, who chairs the finance committee, supported the plan";
        assert_eq!(after_appositive(text).as_deref(), Some("supported"));
    }

    #[test]
    fn a_role_phrase_between_commas_is_an_appositive() {
        let text = "Dana Whitfield, chair of the council's budget panel, opposed it";
        assert_eq!(after_appositive(text).as_deref(), Some("opposed"));
        let text = "Pacific Ridge Power, the utility that serves the area, rejected it";
        assert_eq!(after_appositive(text).as_deref(), Some("rejected"));
    }

    #[test]
    fn a_number_grouped_by_commas_stays_inside_an_appositive() {
        let text = "The Growers Union, which represents about 3,200 farms, backed it";
        assert_eq!(after_appositive(text).as_deref(), Some("backed"));
    }

    #[test]
    fn a_legislator_s_party_and_state_is_an_appositive() {
        let text = "Rep. Ana Ruiz, D-N.Y., urged leaders to act";
        assert_eq!(after_appositive(text).as_deref(), Some("urged"));
        let text = "Sen. Tom Hale, R-Texas, rejected it";
        assert_eq!(after_appositive(text).as_deref(), Some("rejected"));
        assert_eq!(after_appositive("It fell, Dallas-Texas, rejected it"), None);
    }

    #[test]
    fn a_list_or_a_coordination_is_not_an_appositive() {
        assert_eq!(after_appositive("Poland, Italy, Spain rejected it"), None);
        assert_eq!(after_appositive("It fell, and Spain, rejected it"), None);
    }

    #[test]
    fn a_quotation_is_never_inside_an_appositive() {
        assert_eq!(
            after_appositive("Ana Ruiz, who said \"no, and then left\", left"),
            None
        );
        assert_eq!(after_appositive("Ana Ruiz, who said \"no, left"), None);
    }

    #[test]
    fn a_term_in_quotation_marks_may_stand_inside_an_appositive() {
        let text =
            "Turkey, which helped negotiate the so-called “Istanbul formula” for grain, warned";
        assert_eq!(after_appositive(text).as_deref(), Some("warned"));
    }

    #[test]
    fn the_search_for_the_closing_comma_is_bounded() {
        let long = format!("Ana Ruiz, who {} , rejected it", "waited ".repeat(40));
        assert_eq!(after_appositive(&long), None);
    }
}
