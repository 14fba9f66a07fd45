//! Speakers the actor index does not know: a capitalised name standing where a speaker stands
//! (`"…," said Dolores Ramirez, 71,` or `Sandra Mills, 67, was in tears. "…," she said.`) when
//! no evidence made it a person of the briefing. Such a name is shown in its fullest form in the
//! article ("Natarajan" → "Priya Natarajan") and titles are dropped from it.

use crate::extract::actor::gazetteer::{past_titles, title_at};
use crate::extract::actor::person::{is_name_word, is_not_person_head};
use crate::extract::actor::Mention;
use std::collections::HashMap;

use compact_str::CompactString;

use crate::extract::token::{tokenize_into, Token};

/// Most words a name may have.
const MAX_NAME_WORDS: usize = 4;

/// Whether token `j` lies inside an actor mention.
fn is_mentioned(mentions: &[Mention], j: usize) -> bool {
    let k = mentions.partition_point(|m| m.token + m.len <= j);
    mentions.get(k).is_some_and(|m| m.token <= j)
}

fn is_free_name_word(tokens: &[Token], mentions: &[Mention], j: usize) -> bool {
    tokens.get(j).is_some_and(is_name_word)
        && !is_mentioned(mentions, j)
        && title_at(tokens, j).is_none()
}

/// A run of name words `from..to` that reads as a person's name.
fn is_person_like(tokens: &[Token], from: usize, to: usize) -> bool {
    to > from
        && to - from <= MAX_NAME_WORDS
        && !is_not_person_head(tokens[to - 1].key())
        && tokens[from..to - 1]
            .iter()
            .all(|t| !t.text.ends_with("’s") && !t.text.ends_with("'s"))
}

/// An unknown name starting at token `k`, past any titles ("said State Sen. Amanda Cole"):
/// its first token and length.
pub fn name_at(tokens: &[Token], mentions: &[Mention], k: usize) -> Option<(usize, usize)> {
    let mut k = past_titles(tokens, k);
    // "Minister for Culture Ayo Adebayo": the portfolio is not part of the name
    let portfolio = k > 0
        && title_at(tokens, k - 1).is_some()
        && tokens
            .get(k)
            .is_some_and(|t| matches!(t.key(), "for" | "of"));
    if portfolio {
        k += 1;
    }
    let mut len = (k..k + MAX_NAME_WORDS + 1)
        .take_while(|&j| is_free_name_word(tokens, mentions, j))
        .count();
    if portfolio && len >= 3 {
        k += len - 2;
        len = 2;
    }
    is_person_like(tokens, k, k + len).then_some((k, len))
}

/// An unknown name ending at token `j`, starting no earlier than `start`, titles dropped.
pub fn name_ending_at(
    tokens: &[Token],
    mentions: &[Mention],
    start: usize,
    j: usize,
) -> Option<(usize, usize)> {
    let mut from = j + 1;
    while from > start && from + MAX_NAME_WORDS > j && is_free_name_word(tokens, mentions, from - 1)
    {
        from -= 1;
    }
    // "Residents in Kellbridge described": a lone word after a preposition is a place
    let after_preposition = from > 0 && PREPOSITIONS.contains(&tokens[from - 1].key());
    let lone_place = from == j && after_preposition;
    (is_person_like(tokens, from, j + 1) && !lone_place).then_some((from, j + 1 - from))
}

/// Words after which a lone capitalised word is a place, not a speaker.
const PREPOSITIONS: [&str; 10] = [
    "in", "at", "from", "of", "for", "to", "on", "with", "by", "near",
];

/// The first unknown name of at least two words in tokens `from..to`, skipping `excluded` ones
/// (inside quotation marks): the subject a later "she said" may point back to.
pub fn first_full_name(
    tokens: &[Token],
    mentions: &[Mention],
    from: usize,
    to: usize,
    excluded: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut j = from;
    while j < to {
        if excluded(j) || !is_free_name_word(tokens, mentions, j) {
            j += 1;
            continue;
        }
        let len = (j..to)
            .take_while(|&i| is_free_name_word(tokens, mentions, i))
            .count();
        if len >= 2 && is_person_like(tokens, j, j + len) {
            return Some((j, len));
        }
        j += len;
    }
    None
}

/// The fullest form the article gives each surname: the longest run of name words ending with
/// it (first seen on ties). Built in one pass over the article's paragraphs, holding the tokens
/// of one paragraph at a time.
#[derive(Debug, Clone, Default)]
pub struct FullNames(HashMap<CompactString, CompactString>);

impl FullNames {
    /// The index of the paragraphs `texts`.
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> FullNames {
        let mut names = FullNames::default();
        let mut tokens = Vec::new();
        for text in texts {
            tokenize_into(text, &mut tokens);
            names.add(&tokens);
        }
        names
    }

    /// Adds the names of one paragraph's tokens.
    pub fn add(&mut self, para: &[Token]) {
        for (i, t) in para.iter().enumerate() {
            if i == 0 || !is_name_word(&para[i - 1]) {
                continue;
            }
            let first = (i.saturating_sub(MAX_NAME_WORDS - 1)..i)
                .rev()
                .take_while(|&s| is_name_word(&para[s]) && title_at(para, s).is_none())
                .last()
                .unwrap_or(i);
            if first == i {
                continue;
            }
            // the candidate's length as `joined` would write it: only a longer one is built
            let words = &para[first..=i];
            let len = words.iter().map(|w| w.bare().len()).sum::<usize>() + words.len() - 1;
            match self.0.get_mut(t.bare()) {
                Some(best) if len > best.len() => *best = joined(words),
                Some(_) => {}
                None => {
                    self.0.insert(CompactString::from(t.bare()), joined(words));
                }
            }
        }
    }

    /// The name `tokens[at..at+len]` as text, in its fullest form: a lone surname becomes the
    /// longest name ending with it in the article.
    pub fn fullest(&self, tokens: &[Token], at: usize, len: usize) -> String {
        let own = joined(&tokens[at..at + len]);
        let full = (len == 1)
            .then(|| self.0.get(tokens[at].bare()))
            .flatten()
            .filter(|full| full.len() > own.len());
        full.unwrap_or(&own).to_string()
    }
}

/// The tokens' texts, possessives dropped, joined by spaces; inline, as most names fit, so the
/// index of an article's names allocates little.
fn joined(tokens: &[Token]) -> CompactString {
    let mut out = CompactString::default();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(t.bare());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn a_title_is_dropped_before_an_unknown_name() {
        let tokens = tokenize("said State Sen. Amanda Cole today");
        assert_eq!(name_at(&tokens, &[], 1).map(|(_, n)| n), Some(2));
    }

    #[test]
    fn institutions_are_not_names() {
        let tokens = tokenize("the Millbrook Water Authority blamed");
        assert_eq!(name_ending_at(&tokens, &[], 0, 3), None);
    }

    #[test]
    fn a_lone_surname_takes_the_fullest_form_in_the_article() {
        let first = tokenize("Priya Natarajan spent years on it.");
        let later = tokenize("Natarajan laughed.");
        let mut names = FullNames::default();
        names.add(&first);
        let name = names.fullest(&later, 0, 1);
        assert_eq!(name, "Priya Natarajan");
    }
}
