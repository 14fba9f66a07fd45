//! Quotations across sources: the same quotation carried by several articles becomes one
//! [`QuoteGroup`] listing every carrier, the first by date first; a carrier whose wording differs
//! slightly (words dropped, changed or added) holds the [`Change`]s against the first wording.
//!
//! Quotations are compared as folded word sequences (case, curly quotes and punctuation around
//! words ignored) by their longest common subsequence: "We will not back down" and "We will
//! never back down" are the same quotation with one word changed. Pure and deterministic.

pub mod wording;

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use wording::CONTAINED_WORDS;
pub use wording::{describe, diff, is_same_quotation, words, Change, Word};

use crate::briefing::{ArticleId, Briefing};

/// Words heading more groups than this ("the", "we") are not used to find candidate groups.
const COMMON_WORD: usize = 64;

/// One source carrying a quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carrier {
    /// Index into `briefing.quotes`.
    pub quote: usize,
    /// The article carrying it.
    pub article: ArticleId,
    /// The longer article this one is an excerpt of: the same source family.
    pub excerpt_of: Option<ArticleId>,
    /// How this wording differs from the first carrier's (empty: word for word the same).
    pub changes: Vec<Change>,
}

/// One quotation and every source carrying it, the first by date first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The carriers: the first (earliest dated; undated after dated, ties by article order)
    /// first, then the others in that order.
    pub carriers: Vec<Carrier>,
    /// Distinct source families (an excerpt counts with the article it was cut from).
    pub families: usize,
}

impl QuoteGroup {
    /// The carrier that published it first.
    pub fn first(&self) -> &Carrier {
        &self.carriers[0]
    }
    /// Whether some carrier's wording differs from the first's.
    pub fn is_varied(&self) -> bool {
        self.carriers.iter().any(|c| !c.changes.is_empty())
    }
    /// The distinct articles carrying it, first carrier first.
    pub fn sources(&self) -> Vec<ArticleId> {
        let mut seen = BTreeSet::new();
        self.carriers
            .iter()
            .filter(|c| seen.insert(c.article))
            .map(|c| c.article)
            .collect()
    }
}

/// Quotation indices ordered by their article's date (undated last), then article, then place.
fn by_date(briefing: &Briefing) -> Vec<usize> {
    let mut order: Vec<usize> = (0..briefing.quotes.len()).collect();
    order.sort_by_key(|&i| {
        let article = briefing.quotes[i].at.article;
        let date = briefing
            .articles
            .get(article.index())
            .and_then(|a| a.meta.date.clone());
        (date.is_none(), date, article, i)
    });
    order
}

/// Whether quotations `x` and `y` may be the same speaker's: two resolved, different actors
/// never share a quotation.
fn same_speaker(briefing: &Briefing, x: usize, y: usize) -> bool {
    match (briefing.quotes[x].actor, briefing.quotes[y].actor) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Every quotation of the briefing grouped with its copies in other sources (a quotation
/// carried once is a group of one). Groups in briefing order of their earliest-listed quotation.
pub fn quote_groups(briefing: &Briefing) -> Vec<QuoteGroup> {
    let texts: Vec<Vec<Word>> = briefing.quotes.iter().map(|q| words(&q.text)).collect();
    let mut members: Vec<Vec<usize>> = Vec::new();
    // folded word → groups whose head has it: candidates share words with the head
    let mut heads_with: HashMap<&str, Vec<usize>> = HashMap::new();
    for q in by_date(briefing) {
        let found = candidates(&heads_with, &texts[q]).into_iter().find(|&g| {
            let head = members[g][0];
            same_speaker(briefing, head, q) && is_same_quotation(&texts[head], &texts[q])
        });
        match found {
            Some(g) => members[g].push(q),
            None => {
                let distinct: BTreeSet<&str> = texts[q].iter().map(|w| w.folded.as_str()).collect();
                for w in distinct {
                    heads_with.entry(w).or_default().push(members.len());
                }
                members.push(vec![q]);
            }
        }
    }
    let mut groups: Vec<QuoteGroup> = members.iter().map(|m| group(briefing, &texts, m)).collect();
    groups.sort_by_key(|g| g.carriers.iter().map(|c| c.quote).min());
    groups
}

/// Groups (or quotations) sharing enough words with `text` to be worth comparing, in order.
fn candidates(heads_with: &HashMap<&str, Vec<usize>>, text: &[Word]) -> Vec<usize> {
    let distinct: BTreeSet<&str> = text.iter().map(|w| w.folded.as_str()).collect();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for w in &distinct {
        if let Some(groups) = heads_with.get(w).filter(|g| g.len() <= COMMON_WORD) {
            for &g in groups {
                *shared.entry(g).or_default() += 1;
            }
        }
    }
    let need = (distinct.len() / 3).max(1);
    let mut out: Vec<usize> = shared
        .into_iter()
        .filter(|&(_, n)| n >= need.min(CONTAINED_WORDS))
        .map(|(g, _)| g)
        .collect();
    out.sort_unstable();
    out
}

fn group(briefing: &Briefing, texts: &[Vec<Word>], members: &[usize]) -> QuoteGroup {
    let first = &texts[members[0]];
    let carriers: Vec<Carrier> = members
        .iter()
        .map(|&q| {
            let article = briefing.quotes[q].at.article;
            Carrier {
                quote: q,
                article,
                excerpt_of: briefing
                    .articles
                    .get(article.index())
                    .and_then(|a| a.excerpt_of),
                changes: diff(first, &texts[q]),
            }
        })
        .collect();
    let families: BTreeSet<ArticleId> = carriers
        .iter()
        .map(|c| c.excerpt_of.unwrap_or(c.article))
        .collect();
    QuoteGroup {
        families: families.len(),
        carriers,
    }
}

/// A quotation both articles of a comparison carry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotePair {
    /// Index into `briefing.quotes`: the first article's wording.
    pub a: usize,
    /// Index into `briefing.quotes`: the second article's wording.
    pub b: usize,
    /// How B's wording differs from A's (empty: word for word the same).
    pub changes: Vec<Change>,
}

/// The quotations articles `a` and `b` both carry, in A's order, each paired once.
pub fn shared_quotes(briefing: &Briefing, a: ArticleId, b: ArticleId) -> Vec<QuotePair> {
    let of = |article: ArticleId| -> Vec<(usize, Vec<Word>)> {
        let quotes = briefing.quotes.iter().enumerate();
        quotes
            .filter(|(_, q)| q.at.article == article)
            .map(|(i, q)| (i, words(&q.text)))
            .collect()
    };
    let (left, right) = (of(a), of(b));
    // folded word → B's quotations with it: only those sharing words with A's are compared
    let mut with_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (_, words)) in right.iter().enumerate() {
        let distinct: BTreeSet<&str> = words.iter().map(|w| w.folded.as_str()).collect();
        for w in distinct {
            with_word.entry(w).or_default().push(k);
        }
    }
    let mut paired = vec![false; right.len()];
    let mut pairs = Vec::new();
    for (x, wx) in &left {
        let found = candidates(&with_word, wx).into_iter().find(|&k| {
            let (y, wy) = &right[k];
            !paired[k] && same_speaker(briefing, *x, *y) && is_same_quotation(wx, wy)
        });
        if let Some(k) = found {
            paired[k] = true;
            let (y, wy) = &right[k];
            pairs.push(QuotePair {
                a: *x,
                b: *y,
                changes: diff(wx, wy),
            });
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Article, Loc, Span};
    use crate::extract::{ActorId, Quote};

    /// A briefing of articles dated as given, each carrying the quotations listed for it.
    fn briefing(articles: &[(Option<&str>, &[&str])]) -> Briefing {
        let mut b = Briefing::default();
        for (i, (date, quotes)) in articles.iter().enumerate() {
            let mut article = Article::from_texts(i as u32, &["Body."]);
            article.meta.date = date.map(Into::into);
            b.articles.push(article);
            for text in quotes.iter() {
                let at = Loc {
                    article: ArticleId(i as u32),
                    paragraph: 0,
                    span: Span::default(),
                };
                b.quotes.push(Quote {
                    text: text.to_string(),
                    speaker: None,
                    actor: None,
                    at,
                    parts: vec![at],
                });
            }
        }
        b
    }

    #[test]
    fn copies_across_sources_are_one_group_with_the_earliest_dated_first() {
        let b = briefing(&[
            (
                Some("2025-03-02"),
                &["The strike will go on until the bosses listen to us."],
            ),
            (
                None,
                &["The strike will go on until the bosses listen to us."],
            ),
            (
                Some("2025-03-01"),
                &["The strike will go on until the bosses listen."],
            ),
            (
                Some("2025-03-01"),
                &["Nothing about this is normal, said the mayor."],
            ),
        ]);
        let groups = quote_groups(&b);
        assert_eq!(groups.len(), 2);
        let g = &groups[0];
        let order: Vec<u32> = g.carriers.iter().map(|c| c.article.0).collect();
        assert_eq!(order, [2, 0, 1], "dated earliest first, undated last");
        assert_eq!(g.first().article, ArticleId(2));
        assert_eq!(describe(&g.carriers[1].changes), "added “to us”");
        assert!(g.is_varied());
        assert_eq!(g.families, 3);
        assert_eq!(groups[1].carriers.len(), 1);
    }

    #[test]
    fn an_excerpt_is_listed_but_counts_in_its_story_family() {
        let mut b = briefing(&[
            (
                Some("2025-01-01"),
                &["Prices will fall by the end of the year, we expect."],
            ),
            (
                Some("2025-01-01"),
                &["Prices will fall by the end of the year, we expect."],
            ),
        ]);
        b.articles[1].excerpt_of = Some(ArticleId(0));
        let g = &quote_groups(&b)[0];
        assert_eq!(g.sources(), [ArticleId(0), ArticleId(1)]);
        assert_eq!(g.families, 1);
        assert!(!g.is_varied());
    }

    #[test]
    fn two_different_resolved_speakers_never_share_a_quotation() {
        let mut b = briefing(&[
            (None, &["We will not accept this offer from the company."]),
            (None, &["We will not accept this offer from the company."]),
        ]);
        b.quotes[0].actor = Some(ActorId(0));
        b.quotes[1].actor = Some(ActorId(1));
        assert_eq!(quote_groups(&b).len(), 2);
    }

    #[test]
    fn a_comparison_pairs_the_quotations_both_carry_with_b_against_a() {
        let b = briefing(&[
            (
                None,
                &[
                    "Safety comes first, always.",
                    "We are proud of the deal we struck.",
                ],
            ),
            (None, &["We are very proud of the deal we struck."]),
        ]);
        let pairs = shared_quotes(&b, ArticleId(0), ArticleId(1));
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].a, pairs[0].b), (1, 2));
        assert_eq!(describe(&pairs[0].changes), "added “very”");
    }
}
