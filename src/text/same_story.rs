//! Same story: an article whose body is contained near-verbatim in a longer one (most of its
//! sentences appear there) is marked `excerpt_of` the longer, and the longer inherits the title,
//! date, outlet and author that only the shorter carries.
//!
//! Sentences are compared after loose folding (case, quotes, dashes, white space) and hashed into
//! an index, so the cost grows with the number of sentences, not the number of article pairs.

use std::hash::Hasher;

use crate::briefing::{Article, ArticleId};
use crate::text::fold::fold_mark;
use crate::text::swar;

/// The share of an article's sentences that must appear in the longer one.
const CONTAINED: f32 = 0.7;
/// A sentence found in more articles than this is a stock phrase (a slogan, a standard
/// disclaimer), not evidence that two articles are one story; skipping it keeps the cost linear.
const MAX_OWNERS: usize = 32;
/// Sentences shorter than this (in words) are no evidence: "Read more." appears everywhere.
const MIN_WORDS: usize = 5;

/// Sets `excerpt_of` on every article that is an excerpt of a longer one, and fills the longer
/// article's missing metadata from its excerpt.
pub fn mark_excerpts(articles: &mut [Article]) {
    let hashes: Vec<Vec<u64>> = articles.iter().map(sentence_hashes).collect();
    let sizes: Vec<usize> = articles.iter().map(body_len).collect();
    for (i, longer) in containers(&hashes, &sizes).into_iter().enumerate() {
        if let Some(longer) = longer {
            articles[i].excerpt_of = Some(ArticleId(longer as u32));
            let meta = articles[i].meta.clone();
            articles[longer].meta.fill_from(&meta);
        }
    }
}

/// For each article (its sentence hashes, its body size), the longer article holding most of
/// its sentences, if any (the longest on ties).
///
/// Every (hash, article) pair is sorted, so the articles sharing a sentence stand together;
/// each such group adds, for each of its articles, how often that article has the sentence to
/// its count with each other article of the group. Only shared sentences make counts, and no
/// sentence gets a list of its own (most sentences are in one article only).
fn containers(hashes: &[Vec<u64>], sizes: &[usize]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(hashes.iter().map(Vec::len).sum());
    for (i, hs) in hashes.iter().enumerate() {
        pairs.extend(hs.iter().map(|&h| (h, i as u32)));
    }
    pairs.sort_unstable();
    // (article, other article, times the article has a sentence the other has too)
    let mut shared: Vec<(u32, u32, u32)> = Vec::new();
    // the group's articles, each with how often it has the sentence
    let mut owners: Vec<(u32, u32)> = Vec::new();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        owners.clear();
        for run in group.chunk_by(|a, b| a.1 == b.1) {
            owners.push((run[0].1, run.len() as u32));
        }
        if owners.len() < 2 || owners.len() > MAX_OWNERS {
            continue;
        }
        for &(article, times) in &owners {
            for &(other, _) in &owners {
                if other != article {
                    shared.push((article, other, times));
                }
            }
        }
    }
    shared.sort_unstable();
    let mut out = vec![None; hashes.len()];
    for counts in shared.chunk_by(|a, b| a.0 == b.0) {
        let i = counts[0].0 as usize;
        let needed = (hashes[i].len() as f32 * CONTAINED).ceil() as usize;
        out[i] = counts
            .chunk_by(|a, b| a.1 == b.1)
            .map(|c| {
                (
                    c[0].1 as usize,
                    c.iter().map(|s| s.2 as usize).sum::<usize>(),
                )
            })
            .filter(|&(other, n)| n >= needed && is_longer(other, i, sizes))
            .map(|(other, _)| other)
            .max_by_key(|&other| (sizes[other], std::cmp::Reverse(other)));
    }
    out
}

/// Strictly longer, or as long and earlier (so two identical copies do not point at each other).
fn is_longer(a: usize, b: usize, sizes: &[usize]) -> bool {
    sizes[a] > sizes[b] || (sizes[a] == sizes[b] && a < b)
}

fn body_len(article: &Article) -> usize {
    article.paragraphs.iter().map(|p| p.text.len()).sum()
}

/// Hash and word count of a sentence as [`crate::text::fold::fold_loose`] would fold it (case,
/// quotes, dashes and white-space runs ignored), each word after one space: the hash of the
/// folded bytes eight at a time (`Folded`), computed without building the folded string.
///
/// Eight bytes of plain ASCII prose (no control character, no run of spaces) fold to themselves
/// lower-cased, which is done for the eight at once; other stretches go a character at a time.
/// Hashing each character as it came made one long chain of multiplies, each waiting on the
/// last; this makes one per eight bytes.
pub fn folded_hash(sentence: &str) -> (u64, usize) {
    let bytes = sentence.as_bytes();
    let mut out = Folded::default();
    let mut words = 0;
    let mut in_space = true;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(x) = swar::load(bytes, i) {
            let spaces = swar::in_range(x, b' ', b' ');
            let printable = swar::in_range(x, b' ', b'~');
            // no run of spaces: none after another, none last (what follows is unknown), none
            // first after white space
            let last = 0x80 << 56;
            let single = spaces & (spaces >> 8 | last) == 0 && !(in_space && spaces & 0x80 != 0);
            if printable == swar::HIGH && single {
                let starts = !spaces & swar::HIGH & (spaces << 8 | u64::from(in_space) << 7);
                words += starts.count_ones() as usize;
                if in_space {
                    out.push(b' ');
                }
                out.push8(swar::to_lower(x));
                in_space = false;
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        for c in sentence[i..].chars() {
            if i >= end {
                break;
            }
            i += c.len_utf8();
            if c.is_whitespace() {
                in_space = true;
                continue;
            }
            if in_space {
                words += 1;
                out.push(b' ');
                in_space = false;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase() as u8);
            } else {
                for folded in fold_mark(c).to_lowercase() {
                    let mut utf8 = [0u8; 4];
                    for &b in folded.encode_utf8(&mut utf8).as_bytes() {
                        out.push(b);
                    }
                }
            }
        }
    }
    (out.finish(), words)
}

/// A stream of bytes hashed eight at a time (FxHash of each little-endian word, the last one
/// padded with zeros, then of the length).
#[derive(Default)]
struct Folded {
    hasher: rustc_hash::FxHasher,
    /// The bytes not yet hashed, from the low end.
    pending: u64,
    /// How many bytes `pending` holds (0–7).
    held: u32,
    len: usize,
}

impl Folded {
    #[inline(always)]
    fn push(&mut self, b: u8) {
        self.pending |= u64::from(b) << (8 * self.held);
        self.held += 1;
        self.len += 1;
        if self.held == 8 {
            self.hasher.write_u64(self.pending);
            self.pending = 0;
            self.held = 0;
        }
    }

    #[inline(always)]
    fn push8(&mut self, word: u64) {
        self.len += 8;
        if self.held == 0 {
            self.hasher.write_u64(word);
        } else {
            self.hasher
                .write_u64(self.pending | word << (8 * self.held));
            self.pending = word >> (64 - 8 * self.held);
        }
    }

    fn finish(mut self) -> u64 {
        if self.held > 0 {
            self.hasher.write_u64(self.pending);
        }
        self.hasher.write_usize(self.len);
        self.hasher.finish()
    }
}

/// Hashes of the article's folded sentences of at least [`MIN_WORDS`] words, deduplicated.
fn sentence_hashes(article: &Article) -> Vec<u64> {
    let mut out: Vec<u64> = article
        .sentences()
        .filter_map(|(_, s)| {
            let (hash, words) = folded_hash(s);
            (words >= MIN_WORDS).then_some(hash)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;
    use std::hash::Hasher;

    /// The containers as first computed: a list of owning articles per sentence hash, and for
    /// each article a count per other owner of its sentences.
    fn containers_reference(hashes: &[Vec<u64>], sizes: &[usize]) -> Vec<Option<usize>> {
        let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, hs) in hashes.iter().enumerate() {
            for h in hs {
                let owners = index.entry(*h).or_default();
                if owners.last() != Some(&(i as u32)) {
                    owners.push(i as u32);
                }
            }
        }
        (0..hashes.len())
            .map(|i| {
                if hashes[i].is_empty() {
                    return None;
                }
                let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
                for h in &hashes[i] {
                    let owners = &index[h];
                    if owners.len() > MAX_OWNERS {
                        continue;
                    }
                    for &other in owners {
                        if other as usize != i {
                            *counts.entry(other).or_default() += 1;
                        }
                    }
                }
                let needed = (hashes[i].len() as f32 * CONTAINED).ceil() as usize;
                counts
                    .into_iter()
                    .filter(|&(other, n)| n >= needed && is_longer(other as usize, i, sizes))
                    .map(|(other, _)| other as usize)
                    .max_by_key(|&other| (sizes[other], std::cmp::Reverse(other)))
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(500, 41))]
        #[test]
        fn containers_are_those_counted_per_owner(
            // few distinct hashes, so articles share sentences, and some repeat one
            articles in proptest::collection::vec(
                (proptest::collection::vec(0u64..12, 0..12), 0usize..4),
                0..40,
            )
        ) {
            let hashes: Vec<Vec<u64>> = articles.iter().map(|a| a.0.clone()).collect();
            let sizes: Vec<usize> = articles.iter().map(|a| a.1).collect();
            proptest::prop_assert_eq!(
                containers(&hashes, &sizes),
                containers_reference(&hashes, &sizes)
            );
        }
    }

    #[test]
    fn a_stock_sentence_in_too_many_articles_counts_for_none() {
        // one sentence in MAX_OWNERS + 1 articles: no article is the container of another
        let hashes = vec![vec![7u64]; MAX_OWNERS + 1];
        let sizes: Vec<usize> = (0..=MAX_OWNERS).collect();
        assert!(containers(&hashes, &sizes).iter().all(Option::is_none));
        let hashes = vec![vec![7u64]; MAX_OWNERS];
        let sizes: Vec<usize> = (0..MAX_OWNERS).collect();
        let found = containers(&hashes, &sizes);
        assert_eq!(found[0], Some(MAX_OWNERS - 1), "the longest holds the rest");
        assert_eq!(found[MAX_OWNERS - 1], None);
    }

    /// The plain computation: fold, join the words after one space each, hash the bytes eight
    /// at a time and the length.
    fn folded_hash_reference(sentence: &str) -> (u64, usize) {
        let words: Vec<String> = sentence
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.chars()
                    .map(fold_mark)
                    .flat_map(char::to_lowercase)
                    .collect()
            })
            .collect();
        let folded: String = words.iter().map(|w| format!(" {w}")).collect();
        let mut hasher = rustc_hash::FxHasher::default();
        for chunk in folded.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            hasher.write_u64(u64::from_le_bytes(word));
        }
        hasher.write_usize(folded.len());
        (hasher.finish(), words.len())
    }

    proptest::proptest! {
        #[test]
        fn a_sentence_hashes_as_its_folded_words_do(
            sentence in "([A-Za-z’“—ΣΑ,.]{1,12}[ \t\n]{1,3}){0,60}|([A-Za-z,.]{1,12} ?){0,60}|([a-zA-Z]{1,9}[ \t]{1,2}){0,40}|\\PC{0,300}"
        ) {
            proptest::prop_assert_eq!(folded_hash(&sentence), folded_hash_reference(&sentence));
        }
    }

    #[test]
    fn sentences_that_fold_alike_hash_alike() {
        assert_eq!(
            folded_hash("Kyiv’s  “Plan” – Now"),
            folded_hash("kyiv's \"plan\" -\tnow")
        );
        assert_ne!(folded_hash("a plan now").0, folded_hash("a plannow").0);
        // a run of white space across eight bytes read at once
        assert_eq!(
            folded_hash("Abcdefg\t Hijklmnop qr"),
            folded_hash("abcdefg hijklmnop qr")
        );
        assert_eq!(folded_hash("abcdefg hijklmnop qr").1, 3);
    }

    fn article(id: u32, title: Option<&str>, paragraphs: &[&str]) -> Article {
        let mut article = Article::from_texts(id, paragraphs);
        article.meta.title = title.map(Into::into);
        article
    }

    const A: &str = "The council approved the new budget on Monday evening.";
    const B: &str = "Opponents said the plan would raise local taxes sharply.";
    const C: &str = "A final vote on the bridge is expected next spring.";

    #[test]
    fn a_short_copy_contained_in_a_longer_one_is_its_excerpt_and_lends_its_title() {
        let mut articles = [
            article(0, Some("Budget passes"), &[A, B]),
            article(1, None, &[A, B, C]),
        ];
        mark_excerpts(&mut articles);
        assert_eq!(articles[0].excerpt_of, Some(ArticleId(1)));
        assert_eq!(articles[1].excerpt_of, None);
        assert_eq!(articles[1].meta.title.as_deref(), Some("Budget passes"));
    }

    #[test]
    fn sharing_one_sentence_of_three_is_not_an_excerpt() {
        let mut articles = [
            article(
                0,
                None,
                &[
                    A,
                    "Something else was said about trains today.",
                    "Nothing more about the weather here.",
                ],
            ),
            article(1, None, &[A, B, C]),
        ];
        mark_excerpts(&mut articles);
        assert_eq!(articles[0].excerpt_of, None);
    }

    #[test]
    fn case_quotes_and_spacing_do_not_hide_a_copy() {
        let mut articles = [
            article(
                0,
                None,
                &["The council’s budget  passed on Monday evening."],
            ),
            article(
                1,
                None,
                &["The council's budget passed on Monday evening.", B],
            ),
        ];
        mark_excerpts(&mut articles);
        assert_eq!(articles[0].excerpt_of, Some(ArticleId(1)));
    }

    #[test]
    fn two_identical_copies_do_not_point_at_each_other() {
        let mut articles = [article(0, None, &[A, B]), article(1, None, &[A, B])];
        mark_excerpts(&mut articles);
        assert_eq!(articles[0].excerpt_of, None);
        assert_eq!(articles[1].excerpt_of, Some(ArticleId(0)));
    }
}
