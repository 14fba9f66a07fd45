//! Fuzzy search over every sentence, quotation, actor and title of a briefing, fast enough to run
//! on every keystroke of a 10,000-article briefing.
//!
//! Matching every sentence character by character costs about a microsecond each — half a
//! second per keystroke at 400,000 sentences. Instead the index keeps the briefing's distinct
//! words and an inverted index word → items. A fuzzy term is matched (with fuzzy-matcher's skim
//! algorithm) against the distinct words only; the items containing a matching word for every
//! term are intersected, exact/prefix/suffix/negated terms filter them, and the best `limit` are
//! kept by a partial sort. Matched characters are computed for those only.
//!
//! The first keystroke of a term is the costliest: one letter matches most words, and spreading
//! their scores over their items touches millions of postings. So each shard also keeps, for
//! every ASCII letter and digit, each item's best one-letter score, computed while indexing:
//! a one-letter term reads its row instead.

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
    /// The item's text: a range of [`Items::texts`].
    text: std::ops::Range<usize>,
}

/// The searchable items, their texts end to end in one buffer: a scan over every item's text
/// (an anchored or one-letter exact term) then reads memory in order.
#[derive(Debug, Clone, Default)]
struct Items {
    items: Vec<Item>,
    texts: String,
    /// Per item, the first [`EDGE`] bytes of its text, then zeros: an anchored term is tested on
    /// these few megabytes instead of the whole text.
    heads: Vec<[u8; EDGE]>,
    /// Per item, the last [`EDGE`] bytes of its text without trailing white space, zeros before.
    tails: Vec<[u8; EDGE]>,
    /// Per item, [`Index::bonus`], kept apart so ranking a hit reads four bytes.
    bonuses: Vec<i32>,
}

/// Bytes of each end of an item's text kept in [`Items::heads`] and [`Items::tails`].
const EDGE: usize = 8;

impl Items {
    fn push(&mut self, kind: HitKind, loc: Loc, text: &str) {
        let start = self.texts.len();
        self.texts.push_str(text);
        let mut head = [0; EDGE];
        let n = text.len().min(EDGE);
        head[..n].copy_from_slice(&text.as_bytes()[..n]);
        let trimmed = text.trim_end().as_bytes();
        let mut tail = [0; EDGE];
        let n = trimmed.len().min(EDGE);
        tail[EDGE - n..].copy_from_slice(&trimmed[trimmed.len() - n..]);
        self.heads.push(head);
        self.tails.push(tail);
        let kind_bonus = match kind {
            HitKind::Title => 30,
            HitKind::Actor => 40,
            HitKind::Quote => 10,
            HitKind::Sentence => 0,
        };
        let length = i32::try_from(text.len() / 40).unwrap_or(i32::MAX / 2);
        self.bonuses.push(kind_bonus - length);
        self.items.push(Item {
            kind,
            loc,
            text: start..self.texts.len(),
        });
    }

    /// Whether item `i` satisfies an anchored term, deciding from its stored ends when they
    /// suffice and reading its text only when they might match a longer term.
    fn holds_anchored(&self, term: &Term, i: usize) -> bool {
        let needle = term.text.as_bytes();
        let k = needle.len().min(EDGE);
        // ends are raw bytes: comparing them is exact for a case-sensitive term or an ASCII one
        // (a NUL in the term could match the padding)
        if (term.case_sensitive || term.text.is_ascii()) && !needle.contains(&0) {
            let same = |a: &[u8], b: &[u8]| {
                if term.case_sensitive {
                    a == b
                } else {
                    a.eq_ignore_ascii_case(b)
                }
            };
            let ends_match = match term.how {
                How::Prefix => same(&self.heads[i][..k], &needle[..k]),
                _ => same(&self.tails[i][EDGE - k..], &needle[needle.len() - k..]),
            };
            if !ends_match {
                return false;
            }
            if needle.len() <= EDGE {
                return true;
            }
        }
        term.holds(self.text(i))
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn text(&self, i: usize) -> &str {
        &self.texts[self.items[i].text.clone()]
    }
}

/// A searchable index of a briefing: the items, split into shards searched in parallel.
#[derive(Debug, Clone, Default)]
pub struct Index {
    items: Items,
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
    /// For each word, its [`letter_mask`].
    masks: Vec<u64>,
    /// Per ASCII letter or digit ([`letter_slot`]), a row of `len` bytes: each item's best
    /// score for that letter alone as a fuzzy term (0: no word of the item contains it).
    letters: Vec<u8>,
}

/// ASCII letters (case folded) and digits: the one-letter terms answered from a shard's rows.
const LETTER_SLOTS: usize = 36;

/// The row of a lower-case ASCII letter or digit.
fn letter_slot(c: u8) -> Option<usize> {
    match c {
        b'a'..=b'z' => Some((c - b'a') as usize),
        b'0'..=b'9' => Some(26 + (c - b'0') as usize),
        _ => None,
    }
}

/// Items per shard, at least: below this, splitting costs more than it saves.
const MIN_SHARD: usize = 20_000;

impl Index {
    /// Builds the index over every sentence, quotation, actor and title of `briefing`.
    pub fn build(briefing: &Briefing) -> Index {
        let mut items = Items::default();
        for a in &briefing.articles {
            if let Some(t) = &a.meta.title {
                let loc = Loc {
                    article: a.id,
                    paragraph: 0,
                    span: Span::default(),
                };
                items.push(HitKind::Title, loc, t);
            }
            for (loc, s) in a.sentences() {
                items.push(HitKind::Sentence, loc, s);
            }
        }
        for q in &briefing.quotes {
            items.push(HitKind::Quote, q.at, &q.text);
        }
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
                items.push(HitKind::Actor, loc, &actor.name);
            }
        }
        let shards = (items.len() / MIN_SHARD).clamp(1, crate::par::workers());
        Index::split(items, shards)
    }

    /// The index of `items` in `shards` shards (fewer if there are fewer items).
    fn split(items: Items, shards: usize) -> Index {
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
        self.items.items.is_empty()
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
        // terms the scores have not already decided, tested on each candidate's text
        let checks: Vec<&Term> = terms.iter().filter(|t| !settled(t)).collect();
        let mut hits: Vec<(i64, u32)> = scores
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0)
            .map(|(k, s)| {
                let i = shard.start + k as u32;
                (s + self.bonus(i), i)
            })
            .collect();
        if checks.is_empty() {
            best_first(&mut hits, limit);
            return hits;
        }
        best_passing(&mut hits, limit, |i| {
            let text = self.items.text(i as usize);
            checks.iter().all(|t| Index::passes(t, text))
        })
    }

    /// Per item of `shard`, the best score of a word matching `term` (0 where none does).
    fn candidates(&self, shard: &Shard, term: &Term, matcher: &SkimMatcherV2) -> Vec<i64> {
        let range = shard.start as usize..(shard.start + shard.len) as usize;
        if term.how == How::Fuzzy && term.text.len() == 1 {
            let c = term.text.as_bytes()[0].to_ascii_lowercase();
            if let Some(slot) = letter_slot(c) {
                let row = &shard.letters[slot * range.len()..(slot + 1) * range.len()];
                return row.iter().map(|&s| i64::from(s)).collect();
            }
        }
        self.word_candidates(shard, term, matcher)
    }

    /// [`Index::candidates`] from the shard's words and postings.
    fn word_candidates(&self, shard: &Shard, term: &Term, matcher: &SkimMatcherV2) -> Vec<i64> {
        let range = shard.start as usize..(shard.start + shard.len) as usize;
        // anchored terms, and exact terms too short to narrow the vocabulary, are cheaper to
        // test on each item's text than through the postings of nearly every word
        if matches!(term.how, How::Prefix | How::Suffix) {
            return range
                .map(|i| {
                    if self.items.holds_anchored(term, i) {
                        40
                    } else {
                        0
                    }
                })
                .collect();
        }
        if term.how == How::Exact && term.text.chars().count() <= 2 {
            // an item lacking one of the term's letters cannot contain it: the letter rows
            // answer most items without reading their text
            let rows: Vec<&[u8]> = term
                .text
                .bytes()
                .filter_map(|b| letter_slot(b.to_ascii_lowercase()))
                .map(|slot| &shard.letters[slot * range.len()..(slot + 1) * range.len()])
                .collect();
            let decided = !term.case_sensitive && rows.len() == 1 && term.text.len() == 1;
            return range
                .enumerate()
                .map(|(k, i)| {
                    let present = rows.iter().all(|row| row[k] > 0);
                    let holds = present && (decided || term.holds(self.items.text(i)));
                    if holds {
                        40
                    } else {
                        0
                    }
                })
                .collect();
        }
        let mut out = vec![0i64; range.len()];
        let needle = term.text.to_lowercase();
        // a word lacking one of the letters a match needs is passed over without reading it
        let needs = letter_mask(match term.how {
            How::Fuzzy => &needle,
            _ => first_piece(&needle),
        });
        for (w, word) in shard.words.iter().enumerate() {
            if shard.masks[w] & needs != needs {
                continue;
            }
            let score = match term.how {
                How::Fuzzy => fuzzy_word_score(word, &needle, matcher),
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

    /// Whether an item's text satisfies a term's whole-text condition (one not [`settled`]).
    fn passes(term: &Term, text: &str) -> bool {
        let holds = match term.how {
            // a case-sensitive fuzzy term (the others are settled): a word must match its case
            How::Fuzzy => {
                words_of(text).any(|w| w.contains(&term.text) || fuzzy_case(w, &term.text))
            }
            _ => term.holds(text),
        };
        holds != term.negated
    }

    /// Titles, actors and quotations a little above sentences; shorter texts a little higher.
    fn bonus(&self, i: u32) -> i64 {
        i64::from(self.items.bonuses[i as usize])
    }

    fn hit(&self, i: u32, score: i64, terms: &[&Term], matcher: &SkimMatcherV2) -> Hit {
        let item = &self.items.items[i as usize];
        let text = self.items.text(i as usize);
        let mut matched = Vec::new();
        for term in terms {
            matched.extend(matched_bytes(text, term, matcher));
        }
        matched.sort_unstable();
        matched.dedup();
        Hit {
            kind: item.kind,
            loc: item.loc,
            text: text.to_string(),
            score,
            matched,
        }
    }
}

impl Shard {
    /// The vocabulary and postings of `items[start..end]`.
    fn build(items: &Items, start: usize, end: usize) -> Shard {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        // per word, its one-letter scores (slot, score); per item, the best of its words'
        let mut word_letters: Vec<Vec<(u8, u8)>> = Vec::new();
        let mut masks = Vec::new();
        let len = end - start;
        let mut letters = vec![0u8; LETTER_SLOTS * len];
        let matcher = SkimMatcherV2::default().smart_case();
        for i in start..end {
            let mut best = [0u8; LETTER_SLOTS];
            for word in words_of(items.text(i)) {
                let lower = word.to_lowercase();
                let id = match ids.get(&lower) {
                    Some(id) => *id,
                    None => {
                        let id = words.len() as u32;
                        word_letters.push(one_letter_scores(&lower, &matcher));
                        masks.push(letter_mask(&lower));
                        ids.insert(lower.clone(), id);
                        words.push(lower);
                        postings.push(Vec::new());
                        id
                    }
                };
                for &(slot, score) in &word_letters[id as usize] {
                    let b = &mut best[slot as usize];
                    *b = (*b).max(score);
                }
                let list = &mut postings[id as usize];
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
            for (slot, &score) in best.iter().enumerate() {
                letters[slot * len + (i - start)] = score;
            }
        }
        Shard {
            start: start as u32,
            len: len as u32,
            words,
            postings,
            masks,
            letters,
        }
    }
}

/// The score of each ASCII letter or digit of a lower-cased `word` as a one-letter fuzzy term,
/// exactly as [`Index::word_candidates`] scores it.
fn one_letter_scores(word: &str, matcher: &SkimMatcherV2) -> Vec<(u8, u8)> {
    let mut seen = [false; LETTER_SLOTS];
    let mut out = Vec::new();
    for c in word.bytes() {
        let Some(slot) = letter_slot(c) else { continue };
        if std::mem::replace(&mut seen[slot], true) {
            continue;
        }
        let needle = [c];
        let needle = std::str::from_utf8(&needle).unwrap_or_default();
        let score = fuzzy_word_score(word, needle, matcher).unwrap_or(0);
        out.push((slot as u8, score.clamp(0, 255) as u8));
    }
    out
}

/// The score of a lower-cased `word` for a lower-cased fuzzy `needle`, None if it does not match:
/// the matcher's score, and a bonus when the word is the needle itself.
fn fuzzy_word_score(word: &str, needle: &str, matcher: &SkimMatcherV2) -> Option<i64> {
    if !is_subsequence(word, needle) {
        return None; // a cheap in-order letter check first: most words fail it
    }
    matcher
        .fuzzy_match(word, needle)
        .map(|s| s.max(1) + if word == needle { 50 } else { 0 })
}

/// Whether a term's scores already decide it, so no item's text needs testing: a positive
/// lower-case fuzzy term or lower-case single-word exact term (matched on the words), or an
/// anchored or very short one (tested directly).
fn settled(term: &Term) -> bool {
    !term.negated
        && match term.how {
            How::Fuzzy => !term.case_sensitive,
            How::Prefix | How::Suffix => true,
            How::Exact => {
                term.text.chars().count() <= 2
                    || (!term.case_sensitive && term.text.chars().all(char::is_alphanumeric))
            }
        }
}

/// The best `limit` of the `hits` whose item `passes`, best first, ties in item order: what
/// filtering all of them then [`best_first`] gives, but testing candidates best first, in
/// growing batches, so a test on the text runs on a few hundred items rather than on every one.
fn best_passing(
    hits: &mut [(i64, u32)],
    limit: usize,
    passes: impl Fn(u32) -> bool,
) -> Vec<(i64, u32)> {
    let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    let mut out = Vec::with_capacity(limit.min(hits.len()));
    let mut rest = hits;
    let mut batch = limit.max(1) * 2;
    while out.len() < limit && !rest.is_empty() {
        let take = batch.min(rest.len());
        if take < rest.len() {
            rest.select_nth_unstable_by(take - 1, order);
        }
        let (chunk, tail) = rest.split_at_mut(take);
        chunk.sort_unstable_by(order);
        out.extend(chunk.iter().filter(|h| passes(h.1)).take(limit - out.len()));
        rest = tail;
        batch *= 2;
    }
    out
}

/// Keeps the best `limit` of `hits`, best first; ties in item order.
fn best_first(hits: &mut Vec<(i64, u32)>, limit: usize) {
    let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if limit == 0 {
        hits.clear();
    } else if hits.len() > limit {
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
    word.contains(first_piece(needle))
}

/// The first run of letters and digits of `needle` (all of it if it has none).
fn first_piece(needle: &str) -> &str {
    needle
        .split(|c: char| !c.is_alphanumeric())
        .find(|p| !p.is_empty())
        .unwrap_or(needle)
}

/// The set of ASCII letters (case folded) and digits of `text`, one bit per [`letter_slot`].
fn letter_mask(text: &str) -> u64 {
    text.bytes()
        .filter_map(|b| letter_slot(b.to_ascii_lowercase()))
        .fold(0, |mask, slot| mask | 1 << slot)
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

    /// Texts whose ends exercise the stored heads and tails: shorter and longer than them,
    /// multi-byte characters across their edge, trailing white space, mixed case.
    const EDGY: [&str; 9] = [
        "The pier is old.",
        "the PIER",
        "Thé café opened   ",
        "Th",
        "Sentence ending in ünïcödé",
        "A long opening phrase, then troops.",
        "x",
        "Über alles",
        "ends with troops",
    ];

    #[test]
    fn anchored_terms_decided_from_the_stored_ends_agree_with_the_whole_text() {
        let idx = index(&EDGY);
        let terms = [
            "^The",
            "^the",
            "^THE",
            "^Th",
            "^Thé",
            "^T",
            "^Sentence",
            "^sentence",
            "^SentencE",
            "^Sentences",
            "^Über",
            "^über",
            "^x",
            "^xy",
            "old.$",
            "OLD.$",
            "opened$",
            "troops.$",
            "troops$",
            "ünïcödé$",
            "ÜNÏCÖDÉ$",
            "é$",
            "PIER$",
            "pier$",
            "x$",
            "phrase,$",
            "troops.$",
        ];
        for raw in terms {
            let term = &query::parse(raw)[0];
            assert!(matches!(term.how, How::Prefix | How::Suffix), "{raw}");
            for (i, _) in idx.items.items.iter().enumerate() {
                let text = idx.items.text(i);
                assert_eq!(
                    idx.items.holds_anchored(term, i),
                    term.holds(text),
                    "{raw} on {text:?}"
                );
            }
        }
    }

    #[test]
    fn letter_rows_score_one_letter_terms_as_the_words_do() {
        let idx = index(&EDGY);
        let shard = &idx.shards[0];
        let matcher = SkimMatcherV2::default().smart_case();
        for c in ('a'..='z').chain('0'..='9') {
            for text in [c.to_string(), c.to_ascii_uppercase().to_string()] {
                let term = &query::parse(&text)[0];
                assert_eq!(
                    idx.candidates(shard, term, &matcher),
                    idx.word_candidates(shard, term, &matcher),
                    "{text}"
                );
                // an exact one- or two-letter term filtered through the rows finds what a
                // scan of every text finds
                for exact in [format!("'{text}"), format!("'{text}e"), format!("'e{text}")] {
                    let term = &query::parse(&exact)[0];
                    let scanned: Vec<i64> = (0..idx.len())
                        .map(|i| if term.holds(idx.items.text(i)) { 40 } else { 0 })
                        .collect();
                    assert_eq!(idx.candidates(shard, term, &matcher), scanned, "{exact}");
                }
            }
        }
    }

    #[test]
    fn testing_the_best_candidates_first_keeps_what_filtering_all_would() {
        // scores with many ties, and tests passing rarely, often or never
        let hits: Vec<(i64, u32)> = (0..5_000u32).map(|i| (i64::from(i * 7 % 13), i)).collect();
        for (every, limit) in [
            (1, 100),
            (3, 100),
            (97, 100),
            (1_000, 10),
            (10_000, 5),
            (2, 0),
        ] {
            let passes = |i: u32| i % every == 0;
            let mut expected: Vec<(i64, u32)> =
                hits.iter().copied().filter(|h| passes(h.1)).collect();
            best_first(&mut expected, limit);
            let got = best_passing(&mut hits.clone(), limit, passes);
            assert_eq!(got, expected, "one in {every}, best {limit}");
        }
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
