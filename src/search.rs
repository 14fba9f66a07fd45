//! Fuzzy search over every sentence, quotation, actor and title of a briefing, fast enough to run
//! on every keystroke of a 10,000-article briefing.
//!
//! Matching every sentence character by character costs about a microsecond each — half a
//! second per keystroke at 400,000 sentences. Instead the index keeps the briefing's distinct
//! words and an inverted index word → items. A fuzzy term is matched (with fuzzy-matcher's skim
//! algorithm) against the distinct words only; the items containing a matching word for every
//! term are intersected, exact/prefix/suffix/negated terms filter them, and the best `limit` are
//! kept by a partial sort. Matched characters are computed for those only.

pub mod query;

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::briefing::{Briefing, Loc, Span};
use query::{How, Term};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    /// A sentence of an article.
    Sentence,
    /// A quotation.
    Quote,
    /// An actor's name.
    Actor,
    /// An article's title.
    Title,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What matched.
    pub kind: HitKind,
    /// Where to jump: the sentence, the quotation, the actor's first position or quotation, or
    /// the top of the article.
    pub loc: Loc,
    /// The text shown for the hit (the sentence, quotation, name or title).
    pub text: String,
    /// Higher is better.
    pub score: i64,
    /// Byte offsets in `text` of the matched characters, ascending.
    pub matched: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Item {
    kind: HitKind,
    loc: Loc,
    text: String,
}

/// A searchable index of a briefing: the items, split into shards searched in parallel.
#[derive(Debug, Clone, Default)]
pub struct Index {
    items: Vec<Item>,
    shards: Vec<Shard>,
}

/// The index of a contiguous range of items: a keystroke's work is split across cores by
/// item, each shard keeps its best hits, and the bests are merged.
#[derive(Debug, Clone, Default)]
struct Shard {
    /// The first item of the range.
    start: u32,
    /// Number of items.
    len: u32,
    /// Distinct lower-cased words of the range.
    words: Vec<String>,
    /// For each word, the items containing it (ascending, indices into the whole index).
    postings: Vec<Vec<u32>>,
}

/// Items per shard, at least: below this, splitting costs more than it saves.
const MIN_SHARD: usize = 20_000;

impl Index {
    /// Builds the index over every sentence, quotation, actor and title of `briefing`.
    pub fn build(briefing: &Briefing) -> Index {
        let mut items = Vec::new();
        for a in &briefing.articles {
            if let Some(t) = &a.meta.title {
                let loc = Loc {
                    article: a.id,
                    paragraph: 0,
                    span: Span::default(),
                };
                items.push(Item {
                    kind: HitKind::Title,
                    loc,
                    text: t.clone(),
                });
            }
            items.extend(a.sentences().map(|(loc, s)| Item {
                kind: HitKind::Sentence,
                loc,
                text: s.to_string(),
            }));
        }
        items.extend(briefing.quotes.iter().map(|q| Item {
            kind: HitKind::Quote,
            loc: q.at,
            text: q.text.clone(),
        }));
        // each actor's first position, else first quotation: one pass over each list
        let mut first: Vec<Option<Loc>> = vec![None; briefing.actors.len()];
        for (actor, at) in briefing
            .positions
            .iter()
            .map(|p| (Some(p.actor), p.at))
            .chain(briefing.quotes.iter().map(|q| (q.actor, q.at)))
        {
            if let Some(slot) = actor.and_then(|a| first.get_mut(a.0 as usize)) {
                slot.get_or_insert(at);
            }
        }
        for actor in &briefing.actors {
            if let Some(loc) = first.get(actor.id.0 as usize).copied().flatten() {
                items.push(Item {
                    kind: HitKind::Actor,
                    loc,
                    text: actor.name.clone(),
                });
            }
        }
        let shards = (items.len() / MIN_SHARD).clamp(1, crate::par::workers());
        Index::split(items, shards)
    }

    /// The index of `items` in `shards` shards (fewer if there are fewer items).
    fn split(items: Vec<Item>, shards: usize) -> Index {
        let shards = shards.max(1);
        let per = items.len().div_ceil(shards).max(1);
        let ranges: Vec<(usize, usize)> = (0..items.len())
            .step_by(per)
            .map(|start| (start, (start + per).min(items.len())))
            .collect();
        let shards = crate::par::map(&ranges, 0, |_, &(start, end)| {
            Shard::build(&items, start, end)
        });
        Index { items, shards }
    }

    /// How many items are searchable.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is searchable.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The best `limit` hits for `query` (fzf syntax), best first; ties keep briefing order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let terms = query::parse(query);
        let positive: Vec<&Term> = terms.iter().filter(|t| !t.negated).collect();
        if positive.is_empty() || limit == 0 {
            return Vec::new();
        }
        // each shard on its own core keeps its best `limit`; the best of those are the best
        let mut hits: Vec<(i64, u32)> = crate::par::map(&self.shards, 0, |_, shard| {
            self.best_in(shard, &terms, &positive, limit)
        })
        .into_iter()
        .flatten()
        .collect();
        best_first(&mut hits, limit);
        let matcher = SkimMatcherV2::default().smart_case();
        hits.into_iter()
            .map(|(score, i)| self.hit(i, score, &positive, &matcher))
            .collect()
    }

    /// The best `limit` (score, item) pairs of one shard, best first.
    fn best_in(
        &self,
        shard: &Shard,
        terms: &[Term],
        positive: &[&Term],
        limit: usize,
    ) -> Vec<(i64, u32)> {
        let matcher = SkimMatcherV2::default().smart_case();
        // dense per-item scores (0: absent), intersected term by term
        let mut scores: Option<Vec<i64>> = None;
        for term in positive {
            let term_scores = self.candidates(shard, term, &matcher);
            scores = Some(match scores {
                None => term_scores,
                Some(mut acc) => {
                    for (a, t) in acc.iter_mut().zip(&term_scores) {
                        *a = if *a > 0 && *t > 0 { *a + t } else { 0 };
                    }
                    acc
                }
            });
        }
        let scores = scores.unwrap_or_default();
        let mut hits: Vec<(i64, u32)> = scores
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0)
            .map(|(k, s)| (*s, shard.start + k as u32))
            .filter(|(_, i)| {
                terms
                    .iter()
                    .all(|t| self.passes(t, &self.items[*i as usize].text))
            })
            .map(|(s, i)| (s + self.bonus(i), i))
            .collect();
        best_first(&mut hits, limit);
        hits
    }

    /// Per item of `shard`, the best score of a word matching `term` (0 where none does).
    fn candidates(&self, shard: &Shard, term: &Term, matcher: &SkimMatcherV2) -> Vec<i64> {
        let range = shard.start as usize..(shard.start + shard.len) as usize;
        // anchored terms, and exact terms too short to narrow the vocabulary, are cheaper to
        // test on each item's text than through the postings of nearly every word
        let direct = matches!(term.how, How::Prefix | How::Suffix)
            || (term.how == How::Exact && term.text.chars().count() <= 2);
        if direct {
            return self.items[range]
                .iter()
                .map(|item| if term.holds(&item.text) { 40 } else { 0 })
                .collect();
        }
        let mut out = vec![0i64; range.len()];
        let needle = term.text.to_lowercase();
        for (w, word) in shard.words.iter().enumerate() {
            let score = match term.how {
                // a cheap in-order letter check first: most words fail it without the matcher
                How::Fuzzy if is_subsequence(word, &needle) => matcher
                    .fuzzy_match(word, &needle)
                    .map(|s| s.max(1) + if *word == needle { 50 } else { 0 }),
                How::Fuzzy => None,
                How::Exact | How::Prefix | How::Suffix => {
                    word_contains(word, &needle).then_some(40)
                }
            };
            if let Some(score) = score {
                for &i in &shard.postings[w] {
                    let best = &mut out[(i - shard.start) as usize];
                    *best = (*best).max(score);
                }
            }
        }
        out
    }

    /// Whether an item's text satisfies a term's whole-text condition.
    fn passes(&self, term: &Term, text: &str) -> bool {
        // already decided from the words or the direct test: a lower-case single-word exact
        // term, or an anchored or very short positive term
        let settled = !term.negated
            && ((term.how == How::Exact
                && !term.case_sensitive
                && term.text.chars().all(char::is_alphanumeric))
                || matches!(term.how, How::Prefix | How::Suffix)
                || (term.how == How::Exact && term.text.chars().count() <= 2));
        if settled {
            return true;
        }
        let holds = match term.how {
            How::Fuzzy => {
                !term.case_sensitive
                    || words_of(text).any(|w| w.contains(&term.text) || fuzzy_case(w, &term.text))
            }
            _ => term.holds(text),
        };
        holds != term.negated
    }

    /// Titles, actors and quotations a little above sentences; shorter texts a little higher.
    fn bonus(&self, i: u32) -> i64 {
        let item = &self.items[i as usize];
        let kind = match item.kind {
            HitKind::Title => 30,
            HitKind::Actor => 40,
            HitKind::Quote => 10,
            HitKind::Sentence => 0,
        };
        kind - (item.text.len() as i64 / 40)
    }

    fn hit(&self, i: u32, score: i64, terms: &[&Term], matcher: &SkimMatcherV2) -> Hit {
        let item = &self.items[i as usize];
        let mut matched = Vec::new();
        for term in terms {
            matched.extend(matched_bytes(&item.text, term, matcher));
        }
        matched.sort_unstable();
        matched.dedup();
        Hit {
            kind: item.kind,
            loc: item.loc,
            text: item.text.clone(),
            score,
            matched,
        }
    }
}

impl Shard {
    /// The vocabulary and postings of `items[start..end]`.
    fn build(items: &[Item], start: usize, end: usize) -> Shard {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (i, item) in items.iter().enumerate().take(end).skip(start) {
            for word in words_of(&item.text) {
                let lower = word.to_lowercase();
                let id = match ids.get(&lower) {
                    Some(id) => *id,
                    None => {
                        let id = words.len() as u32;
                        ids.insert(lower.clone(), id);
                        words.push(lower);
                        postings.push(Vec::new());
                        id
                    }
                };
                let list = &mut postings[id as usize];
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        Shard {
            start: start as u32,
            len: (end - start) as u32,
            words,
            postings,
        }
    }
}

/// Keeps the best `limit` of `hits`, best first; ties in item order.
fn best_first(hits: &mut Vec<(i64, u32)>, limit: usize) {
    let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit - 1, order);
        hits.truncate(limit);
    }
    hits.sort_by(order);
}

/// Whether the characters of `needle` occur in `word` in order.
fn is_subsequence(word: &str, needle: &str) -> bool {
    let mut wanted = needle.chars();
    let mut next = wanted.next();
    for c in word.chars() {
        match next {
            Some(n) if n == c => next = wanted.next(),
            None => return true,
            _ => {}
        }
    }
    next.is_none()
}

fn fuzzy_case(word: &str, term: &str) -> bool {
    SkimMatcherV2::default()
        .respect_case()
        .fuzzy_match(word, term)
        .is_some()
}

fn word_contains(word: &str, needle: &str) -> bool {
    let first = needle
        .split(|c: char| !c.is_alphanumeric())
        .find(|p| !p.is_empty())
        .unwrap_or(needle);
    word.contains(first)
}

/// The words of `text`: runs of letters and digits.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Byte offsets in `text` of the characters `term` matched.
fn matched_bytes(text: &str, term: &Term, matcher: &SkimMatcherV2) -> Vec<usize> {
    if term.how != How::Fuzzy {
        let (hay, needle) = if term.case_sensitive {
            (text.to_string(), term.text.clone())
        } else {
            (text.to_lowercase(), term.text.to_lowercase())
        };
        if hay.len() != text.len() {
            return Vec::new(); // lower-casing changed byte lengths: skip highlighting
        }
        return match term.how {
            How::Prefix if hay.starts_with(&needle) => (0..needle.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect(),
            How::Suffix => hay
                .trim_end()
                .rfind(&needle)
                .map(|at| {
                    (at..at + needle.len())
                        .filter(|&b| text.is_char_boundary(b))
                        .collect()
                })
                .unwrap_or_default(),
            _ => hay
                .find(&needle)
                .map(|at| {
                    (at..at + needle.len())
                        .filter(|&b| text.is_char_boundary(b))
                        .collect()
                })
                .unwrap_or_default(),
        };
    }
    let mut best: Option<(i64, usize, Vec<usize>)> = None;
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if let Some((score, chars)) = matcher.fuzzy_indices(core, &term.text) {
            if best.as_ref().is_none_or(|b| score > b.0) {
                let starts: Vec<usize> = core.char_indices().map(|(b, _)| b).collect();
                best = Some((
                    score,
                    offset,
                    chars
                        .into_iter()
                        .filter_map(|c| starts.get(c).copied())
                        .collect(),
                ));
            }
        }
        offset += word.len();
    }
    best.map(|(_, at, bytes)| bytes.into_iter().map(|b| at + b).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Article;

    fn index(paragraphs: &[&str]) -> Index {
        let mut article = Article::from_texts(0, paragraphs);
        article.meta.title = Some("Harbour plans".into());
        Index::build(&Briefing {
            articles: vec![article],
            ..Briefing::default()
        })
    }

    fn texts(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.text.as_str()).collect()
    }

    #[test]
    fn shards_find_what_one_index_finds() {
        let paragraphs: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "Council item {i} on troops and harbour dues, vote {}.",
                    i % 7
                )
            })
            .collect();
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let one = index(&refs);
        for shards in [2, 3, 7] {
            let many = Index::split(one.items.clone(), shards);
            assert_eq!(many.shards.len(), shards);
            for query in [
                "troops",
                "'vote 3",
                "^Council item 1",
                "dues$",
                "hrb !4",
                "c",
            ] {
                assert_eq!(
                    many.search(query, 10),
                    one.search(query, 10),
                    "{query} × {shards}"
                );
            }
        }
    }

    #[test]
    fn terms_are_anded() {
        let idx = index(&[
            "The council voted on troops.",
            "Troops left the city.",
            "The council met.",
        ]);
        assert_eq!(
            texts(&idx.search("council troops", 10)),
            ["The council voted on troops."]
        );
    }

    #[test]
    fn fuzzy_terms_match_letters_in_order_within_a_word() {
        let idx = index(&["Ground forces will stay.", "Nothing here."]);
        assert_eq!(texts(&idx.search("grnd", 10)), ["Ground forces will stay."]);
    }

    #[test]
    fn exact_prefix_suffix_and_negation_filter() {
        let idx = index(&[
            "The pier is old.",
            "A new pier opened.",
            "The ferry is late.",
        ]);
        assert_eq!(texts(&idx.search("'pier !new", 10)), ["The pier is old."]);
        assert_eq!(
            texts(&idx.search("^The is", 10)),
            ["The pier is old.", "The ferry is late."]
        );
        assert_eq!(
            texts(&idx.search("pier opened.$", 10)),
            ["A new pier opened."]
        );
    }

    #[test]
    fn an_exact_word_ranks_above_a_scattered_match() {
        let idx = index(&["Tropical storms return often.", "The troops return home."]);
        assert_eq!(idx.search("troops", 10)[0].text, "The troops return home.");
    }

    #[test]
    fn smart_case_makes_a_capitalised_term_case_sensitive() {
        let idx = index(&["Turkey sent ships.", "They ate turkey."]);
        assert_eq!(texts(&idx.search("Turkey", 10)), ["Turkey sent ships."]);
        assert_eq!(idx.search("turkey", 10).len(), 2);
    }

    #[test]
    fn matched_offsets_are_on_char_boundaries_and_point_at_the_letters() {
        let idx = index(&["Das Café öffnet früh."]);
        let hit = &idx.search("früh", 10)[0];
        let letters: String = hit
            .matched
            .iter()
            .map(|&b| hit.text[b..].chars().next().unwrap_or(' '))
            .collect();
        assert_eq!(letters, "früh");
    }

    #[test]
    fn limit_empty_queries_and_order_are_respected() {
        let idx = index(&["One pier.", "Two pier.", "Three pier."]);
        assert_eq!(idx.search("pier", 2).len(), 2);
        assert!(idx.search("   ", 10).is_empty());
        assert_eq!(idx.search("pier", 10), idx.search("pier", 10));
    }

    #[test]
    fn titles_are_searchable() {
        let idx = index(&["Nothing."]);
        assert_eq!(idx.search("harbour", 10)[0].kind, HitKind::Title);
    }
}
