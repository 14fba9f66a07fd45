//! The gazetteer: countries (with other names, demonyms, capitals and seats of government),
//! organisations and groups from `assets/lexicons/`, and titles, matched over tokens.

use std::sync::LazyLock;

use crate::extract::lexicon::{KeyMap, Lexicon, Words};
use crate::extract::token::Token;
use crate::extract::ActorKind;

/// What a gazetteer phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A state, by name, other name, capital or seat of government.
    Country(usize),
    /// A state's people or adjective ("Russians", "British").
    Demonym(usize),
    /// An organisation.
    Org(usize),
    /// A group.
    Group(usize),
}

/// One entry: canonical name and kind.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// Kind of actor.
    pub kind: ActorKind,
}

struct Phrase {
    words: Words,
    target: Target,
    /// All-capital short forms ("US", "UK", "EU") must match exactly: "us" is a pronoun.
    exact_case: Option<Vec<String>>,
    /// Per word, whether the lexicon writes it with a capital: such a word must be capitalised
    /// in the text too ("the Union" is the EU; "the union wants" is a trade union).
    capitals: Vec<bool>,
}

/// The loaded gazetteer.
pub struct Gazetteer {
    /// Countries, then organisations, then groups, by their index in each list.
    pub countries: Vec<Entry>,
    /// Organisations.
    pub orgs: Vec<Entry>,
    /// Groups.
    pub groups: Vec<Entry>,
    by_first: KeyMap<Vec<Phrase>>,
}

/// The gazetteer built from the embedded lexicons.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Titles by first word, longest first.
static TITLES: LazyLock<KeyMap<Vec<Words>>> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../../assets/lexicons/titles.txt"));
    let mut by_first: KeyMap<Vec<Words>> = KeyMap::default();
    for title in lex.iter().map(words_of).filter(|t| !t.is_empty()) {
        by_first.entry(&title[0]).push(Words::new(title));
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.len()));
    }
    by_first
});

fn words_of(phrase: &str) -> Vec<String> {
    crate::extract::token::tokenize(phrase)
        .iter()
        .map(|t| t.key().to_string())
        .collect()
}

fn fields(line: &str) -> Vec<Vec<&str>> {
    line.split('|')
        .map(|f| {
            f.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            countries: vec![],
            orgs: vec![],
            groups: vec![],
            by_first: KeyMap::default(),
        };
        for line in data_lines(include_str!("../../../assets/lexicons/countries.txt")) {
            let f = fields(line);
            let i = g.countries.len();
            g.countries.push(Entry {
                name: f[0][0].to_string(),
                kind: ActorKind::Country,
            });
            let names = f
                .iter()
                .take(2)
                .flatten()
                .chain(f.get(3).into_iter().flatten());
            for name in names.copied().collect::<Vec<_>>() {
                g.add(name, Target::Country(i));
            }
            for demonym in f.get(2).into_iter().flatten().copied().collect::<Vec<_>>() {
                g.add(demonym, Target::Demonym(i));
            }
        }
        for (file, kind) in [
            (
                include_str!("../../../assets/lexicons/organizations.txt"),
                ActorKind::Organization,
            ),
            (
                include_str!("../../../assets/lexicons/groups.txt"),
                ActorKind::Group,
            ),
        ] {
            for line in data_lines(file) {
                let f = fields(line);
                let list = if kind == ActorKind::Group {
                    &mut g.groups
                } else {
                    &mut g.orgs
                };
                let i = list.len();
                list.push(Entry {
                    name: f[0][0].to_string(),
                    kind,
                });
                let target = if kind == ActorKind::Group {
                    Target::Group(i)
                } else {
                    Target::Org(i)
                };
                for name in f.iter().flatten().copied().collect::<Vec<_>>() {
                    g.add(name, target);
                }
            }
        }
        g
    }

    fn add(&mut self, name: &str, target: Target) {
        let words = words_of(name);
        let Some(first) = words.first().cloned() else {
            return;
        };
        let upper = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && name.len() <= 6;
        let exact_case = upper.then(|| {
            crate::extract::token::tokenize(name)
                .iter()
                .map(|t| t.text.to_string())
                .collect()
        });
        let capitals = crate::extract::token::tokenize(name)
            .iter()
            .map(|t| t.is_capitalised())
            .collect();
        let list = self.by_first.entry(&first);
        list.push(Phrase {
            words: Words::new(words),
            target,
            exact_case,
            capitals,
        });
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// The longest phrase starting at token `i`: (number of tokens, target).
    // asked at nearly every token, which mostly starts no phrase: the miss, one filter bit, is
    // decided at the call site
    #[inline(always)]
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, Target)> {
        let phrases = self.by_first.get(tokens.get(i)?)?;
        Self::longest(phrases, tokens, i)
    }

    /// The longest of `phrases` (sharing the first word of token `i`) that reads at `i`.
    fn longest(phrases: &[Phrase], tokens: &[Token], i: usize) -> Option<(usize, Target)> {
        phrases.iter().find_map(|p| {
            let slice = tokens.get(i..i + p.words.len())?;
            // the case, read from flags, first: it rules out most candidates ("the council"
            // for "the Europeans") before any word is compared
            let case_ok = match &p.exact_case {
                Some(exact) => slice.iter().zip(exact).all(|(t, w)| t.bare() == w),
                None => {
                    slice.iter().any(|t| t.is_capitalised())
                        && slice
                            .iter()
                            .zip(&p.capitals)
                            .all(|(t, capital)| !capital || t.is_capitalised())
                }
            };
            // "The Union Jal Shakti Ministry", "the Alliance for Democratic Renewal": a short
            // form opening with "the" that runs on into capitalised words, or into "of" or
            // "for" and one, is part of a longer name, not the organisation ("the Union")
            let end = i + p.words.len();
            let named = |k: usize| {
                tokens
                    .get(k)
                    .is_some_and(|t| t.is_capitalised() && t.has_lower_case())
            };
            let runs_on = tokens[i].key() == "the"
                && (named(end)
                    || tokens
                        .get(end)
                        .is_some_and(|t| matches!(t.key(), "of" | "for"))
                        && named(end + 1));
            (case_ok && !runs_on && p.words.reads_at(tokens, i))
                .then_some((p.words.len(), p.target))
        })
    }

    /// The entry a target names.
    pub fn entry(&self, target: Target) -> &Entry {
        match target {
            Target::Country(i) | Target::Demonym(i) => &self.countries[i],
            Target::Org(i) => &self.orgs[i],
            Target::Group(i) => &self.groups[i],
        }
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The longest title starting at token `i`, with a trailing "(retd)" or "(ret.)": its length.
// asked at nearly every token: the miss, one filter bit, is decided at the call site
#[inline(always)]
pub fn title_at(tokens: &[Token], i: usize) -> Option<usize> {
    let titles = TITLES.get(tokens.get(i)?)?;
    title_len(titles, tokens, i)
}

/// The first token at or after `i` past any titles and the full stops of their abbreviations
/// ("Lt. Gen. Mark Ellison", "Prof Sir Ian Hale"): `i` itself when no title stands there.
pub fn past_titles(tokens: &[Token], mut i: usize) -> usize {
    while let Some(len) = title_at(tokens, i) {
        i += len;
        if tokens.get(i).is_some_and(|t| t.text == ".") {
            i += 1;
        }
    }
    i
}

/// The longest of `titles` (sharing the first word of token `i`) that reads at `i`, with a
/// trailing "(retd)".
fn title_len(titles: &[Words], tokens: &[Token], i: usize) -> Option<usize> {
    let len = titles
        .iter()
        .find(|title| title.reads_at(tokens, i))
        .map(Words::len)?;
    let retired = tokens.get(i + len..i + len + 3).is_some_and(|t| {
        t[0].text == "("
            && matches!(t[1].key(), "retd" | "ret" | "rtd" | "retired")
            && t[2].text == ")"
    });
    Some(if retired { len + 3 } else { len })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn target(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let (_, t) = GAZETTEER.match_at(&tokens, 0)?;
        Some(GAZETTEER.entry(t).name.clone())
    }

    #[test]
    fn capitals_and_seats_of_government_stand_for_their_state() {
        assert_eq!(target("Kremlin").as_deref(), Some("Russia"));
        assert_eq!(
            target("Downing Street said").as_deref(),
            Some("United Kingdom")
        );
        assert_eq!(target("White House").as_deref(), Some("United States"));
        assert_eq!(target("Kyiv’s allies").as_deref(), Some("Ukraine"));
    }

    #[test]
    fn every_sovereign_state_is_known_by_its_name_and_most_by_a_capital() {
        // the lexicon lists the 193 members of the United Nations, its two observer states
        // (Palestine, the Holy See), Kosovo and Taiwan
        let states = data_lines(include_str!("../../../assets/lexicons/countries.txt")).count();
        assert_eq!(states, 197);
        for (text, state) in [
            ("Zambia", "Zambia"),
            ("Lusaka said", "Zambia"),
            ("Mozambique", "Mozambique"),
            ("Côte d'Ivoire", "Ivory Coast"),
            ("DR Congo", "Democratic Republic of the Congo"),
            ("Vatican said", "Holy See"),
            ("Papua New Guinea", "Papua New Guinea"),
            ("Guinea-Bissau", "Guinea-Bissau"),
            ("Naypyidaw", "Myanmar"),
        ] {
            assert_eq!(target(text).as_deref(), Some(state), "{text}");
        }
    }

    #[test]
    fn international_blocs_are_organisations_read_whole() {
        // "and China" belongs to the bloc's name, which is not the state
        assert_eq!(
            target("Group of 77 and China has demanded").as_deref(),
            Some("Group of 77")
        );
        assert_eq!(target("G77 negotiators").as_deref(), Some("Group of 77"));
        assert_eq!(
            target("AOSIS rejected the draft").as_deref(),
            Some("Alliance of Small Island States")
        );
        assert_eq!(
            target("Opec cut output").as_deref(),
            Some("Organization of the Petroleum Exporting Countries")
        );
    }

    #[test]
    fn short_capital_forms_match_only_in_capitals() {
        assert_eq!(target("US troops").as_deref(), Some("United States"));
        assert_eq!(target("us all"), None);
        assert_eq!(target("Nato members").as_deref(), Some("NATO"));
    }

    #[test]
    fn a_capitalised_name_word_must_be_capitalised_in_the_text() {
        assert_eq!(target("The Union said").as_deref(), Some("European Union"));
        assert_eq!(target("The union wants a raise"), None);
        assert_eq!(target("The white house on the hill"), None);
    }

    #[test]
    fn titles_are_matched_longest_first_with_a_retired_mark() {
        let tokens = tokenize("Foreign Minister Sergei Lavrov");
        assert_eq!(title_at(&tokens, 0), Some(2));
        let tokens = tokenize("Lt.Gen (retd) Ben Hodges");
        assert_eq!(title_at(&tokens, 0), Some(4));
    }
}
