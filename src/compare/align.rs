//! Aligning two articles: shared sentences first (near-verbatim copies), then rows per actor
//! (positions paired by topic, then by TF-IDF similarity; quotations attached), then open
//! questions paired by topic and similarity.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::briefing::{Article, ArticleId, Briefing, Loc};
use crate::compare::quotes::shared_quotes;
use rustc_hash::FxHashMap;

use crate::compare::similarity::{content_words, Tfidf, Vector};
use crate::compare::stance::agree;
use crate::compare::{Comparison, Item, Mark, Row, Shared};
use crate::extract::ActorId;
use crate::text::fold::fold_loose;
use crate::text::same_story::folded_hash;

/// Two sentences at least this similar (word-set Jaccard after folding) are the same text.
const SAME_TEXT: f32 = 0.8;
/// Unpaired items of one actor are paired across sides when their cosine reaches this.
const PAIR_COSINE: f32 = 0.2;

/// Compares article `a` with article `b` of `briefing`.
pub fn compare(briefing: &Briefing, a: ArticleId, b: ArticleId) -> Comparison {
    let (art_a, art_b) = (briefing.article(a), briefing.article(b));
    let shared = shared_sentences(art_a, art_b);
    let share = |n: usize, article: &Article| n as f32 / article.sentences().count().max(1) as f32;
    let shared_a: BTreeSet<Loc> = shared.iter().map(|s| s.a).collect();
    let shared_b: BTreeSet<Loc> = shared.iter().map(|s| s.b).collect();
    // document frequencies over the items being aligned (positions and questions of A and B):
    // the words that tell those items apart, at a fraction of the cost of every sentence; each
    // item's words and vector computed once, however many items it is compared with
    let of_pair = |article: ArticleId| article == a || article == b;
    let items: Vec<Item> = (briefing.positions.iter().enumerate())
        .filter(|(_, p)| of_pair(p.at.article))
        .map(|(i, _)| Item::Position(i))
        .chain(
            (briefing.questions.iter().enumerate())
                .filter(|(_, q)| of_pair(q.at.article))
                .map(|(i, _)| Item::Question(i)),
        )
        .collect();
    let words: Vec<Vec<String>> = items
        .iter()
        .map(|item| content_words(item.text(briefing)))
        .collect();
    let model = Tfidf::fit_words(&words);
    let vectors = items
        .iter()
        .zip(&words)
        .map(|(item, words)| (*item, model.vector_of_words(words)))
        .collect();
    let ctx = Ctx {
        briefing,
        vectors,
        shared: &shared,
    };
    let mut rows = actor_rows(&ctx, a, b);
    rows.extend(question_rows(&ctx, a, b));
    Comparison {
        a,
        b,
        rows,
        a_in_b: share(shared_a.len(), art_a),
        b_in_a: share(shared_b.len(), art_b),
        shared,
        quotes: shared_quotes(briefing, a, b),
    }
}

struct Ctx<'a> {
    briefing: &'a Briefing,
    /// The TF-IDF vector of every position and question of the two articles.
    vectors: FxHashMap<Item, Vector>,
    shared: &'a [Shared],
}

impl Ctx<'_> {
    fn similarity(&self, x: Item, y: Item) -> f32 {
        match (self.vectors.get(&x), self.vectors.get(&y)) {
            (Some(vx), Some(vy)) => vx.cosine(vy),
            _ => 0.0, // not an item of the two articles
        }
    }
    fn is_same(&self, x: Item, y: Item) -> bool {
        let (lx, ly) = (x.loc(self.briefing), y.loc(self.briefing));
        self.shared
            .iter()
            .any(|s| contains(&s.a, &lx) && contains(&s.b, &ly))
            || jaccard(x.text(self.briefing), y.text(self.briefing)) >= SAME_TEXT
    }
}

/// Whether one location lies within the other (a quotation inside its sentence, or the reverse).
fn contains(sentence: &Loc, item: &Loc) -> bool {
    sentence.article == item.article
        && sentence.paragraph == item.paragraph
        && (sentence.span.contains(item.span) || item.span.contains(sentence.span))
}

/// Every sentence of `b` that repeats a sentence of `a` near-verbatim, paired with it.
pub fn shared_sentences(a: &Article, b: &Article) -> Vec<Shared> {
    // sentences compared by the hash of their loosely folded text (case, quotes, dashes, spaces)
    let mut exact: HashMap<u64, Loc> = HashMap::new();
    for (loc, s) in a.sentences() {
        exact.entry(folded_hash(s).0).or_insert(loc);
    }
    let mut out = Vec::new();
    for (loc_b, s) in b.sentences() {
        let (hash, words) = folded_hash(s);
        if words < 4 {
            continue; // "Read more." is no evidence of shared copy
        }
        if let Some(loc_a) = exact.get(&hash) {
            out.push(Shared {
                a: *loc_a,
                b: loc_b,
            });
        }
    }
    out
}

fn jaccard(x: &str, y: &str) -> f32 {
    let set =
        |t: &str| -> BTreeSet<String> { fold_loose(t).split(' ').map(str::to_string).collect() };
    let (sx, sy) = (set(x), set(y));
    let union = sx.union(&sy).count().max(1) as f32;
    sx.intersection(&sy).count() as f32 / union
}

fn items_by_actor(
    briefing: &Briefing,
    article: ArticleId,
) -> BTreeMap<ActorId, (Vec<usize>, Vec<usize>)> {
    let mut map: BTreeMap<ActorId, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in briefing
        .positions
        .iter()
        .enumerate()
        .filter(|(_, p)| p.at.article == article)
    {
        map.entry(p.actor).or_default().0.push(i);
    }
    for (i, q) in briefing
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.at.article == article)
    {
        if let Some(actor) = q.actor {
            map.entry(actor).or_default().1.push(i);
        }
    }
    map
}

fn actor_rows(ctx: &Ctx, a: ArticleId, b: ArticleId) -> Vec<Row> {
    let (by_a, by_b) = (
        items_by_actor(ctx.briefing, a),
        items_by_actor(ctx.briefing, b),
    );
    let actors: BTreeSet<ActorId> = by_a.keys().chain(by_b.keys()).copied().collect();
    let mut rows = Vec::new();
    for actor in actors {
        let empty = (Vec::new(), Vec::new());
        let (pa, qa) = by_a.get(&actor).unwrap_or(&empty);
        let (pb, qb) = by_b.get(&actor).unwrap_or(&empty);
        let mut actor_rows = pair_positions(ctx, actor, pa, pb);
        attach_quotes(&mut actor_rows, actor, qa, qb);
        rows.extend(actor_rows);
    }
    rows.sort_by_key(|r| (matches!(r.mark, Mark::OnlyA | Mark::OnlyB), r.actor));
    rows
}

/// Pairs one actor's positions across the sides: same topic first, then the most similar.
fn pair_positions(ctx: &Ctx, actor: ActorId, pa: &[usize], pb: &[usize]) -> Vec<Row> {
    let topic = |i: usize| ctx.briefing.positions[i].topic.clone();
    let mut left: Vec<usize> = pa.to_vec();
    let mut right: Vec<usize> = pb.to_vec();
    let mut rows = Vec::new();
    while let Some(x) = left.first().copied() {
        left.remove(0);
        let best = right
            .iter()
            .enumerate()
            .map(|(k, &y)| {
                let same_topic = topic(x).is_some() && topic(x) == topic(y);
                let sim = ctx.similarity(Item::Position(x), Item::Position(y));
                (k, same_topic, sim)
            })
            .filter(|(_, same_topic, sim)| *same_topic || *sim >= PAIR_COSINE)
            .max_by(|p, q| {
                (p.1, p.2)
                    .partial_cmp(&(q.1, q.2))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        let (b_items, mark) = match best {
            Some((k, _, _)) => {
                let y = right.remove(k);
                (vec![Item::Position(y)], stance_mark(ctx, x, y))
            }
            None => (Vec::new(), Mark::OnlyA),
        };
        rows.push(Row {
            actor: Some(actor),
            topic: topic(x),
            mark,
            a: vec![Item::Position(x)],
            b: b_items,
        });
    }
    rows.extend(right.into_iter().map(|y| Row {
        actor: Some(actor),
        topic: topic(y),
        mark: Mark::OnlyB,
        a: Vec::new(),
        b: vec![Item::Position(y)],
    }));
    rows
}

fn stance_mark(ctx: &Ctx, x: usize, y: usize) -> Mark {
    let (px, py) = (&ctx.briefing.positions[x], &ctx.briefing.positions[y]);
    if ctx.is_same(Item::Position(x), Item::Position(y)) {
        Mark::Same
    } else if agree(&px.stance, &py.stance) {
        Mark::Agree
    } else {
        Mark::Differ
    }
}

/// Quotations go on the actor's first row, or make a row of their own.
fn attach_quotes(rows: &mut Vec<Row>, actor: ActorId, qa: &[usize], qb: &[usize]) {
    if qa.is_empty() && qb.is_empty() {
        return;
    }
    if rows.is_empty() {
        let mark = match (qa.is_empty(), qb.is_empty()) {
            (false, false) => Mark::Both,
            (false, true) => Mark::OnlyA,
            _ => Mark::OnlyB,
        };
        rows.push(Row {
            actor: Some(actor),
            topic: None,
            mark,
            a: Vec::new(),
            b: Vec::new(),
        });
    }
    let row = &mut rows[0];
    row.a.extend(qa.iter().map(|&i| Item::Quote(i)));
    row.b.extend(qb.iter().map(|&i| Item::Quote(i)));
    // a one-sided position row that gains the other side's quotation is covered by both
    let one_sided = matches!(row.mark, Mark::OnlyA | Mark::OnlyB);
    if one_sided && !row.a.is_empty() && !row.b.is_empty() {
        row.mark = Mark::Both;
    }
}

fn question_rows(ctx: &Ctx, a: ArticleId, b: ArticleId) -> Vec<Row> {
    let of = |article: ArticleId| -> Vec<usize> {
        (0..ctx.briefing.questions.len())
            .filter(|&i| ctx.briefing.questions[i].at.article == article)
            .collect()
    };
    let (mut left, mut right) = (of(a), of(b));
    let topic = |i: usize| ctx.briefing.questions[i].topic.clone();
    let mut rows = Vec::new();
    while !left.is_empty() {
        let x = left.remove(0);
        let best = right
            .iter()
            .enumerate()
            .map(|(k, &y)| (k, ctx.similarity(Item::Question(x), Item::Question(y))))
            .filter(|&(k, sim)| {
                sim >= PAIR_COSINE
                    || (topic(x).is_some() && topic(x) == topic(right[k]) && sim > 0.0)
            })
            .max_by(|p, q| p.1.partial_cmp(&q.1).unwrap_or(std::cmp::Ordering::Equal));
        let row = match best {
            Some((k, _)) => {
                let y = right.remove(k);
                let same = ctx.is_same(Item::Question(x), Item::Question(y));
                let mark = if same { Mark::Same } else { Mark::Both };
                Row {
                    actor: None,
                    topic: topic(x),
                    mark,
                    a: vec![Item::Question(x)],
                    b: vec![Item::Question(y)],
                }
            }
            None => Row {
                actor: None,
                topic: topic(x),
                mark: Mark::OnlyA,
                a: vec![Item::Question(x)],
                b: vec![],
            },
        };
        rows.push(row);
    }
    rows.extend(right.into_iter().map(|y| Row {
        actor: None,
        topic: topic(y),
        mark: Mark::OnlyB,
        a: Vec::new(),
        b: vec![Item::Question(y)],
    }));
    rows.sort_by_key(|r| matches!(r.mark, Mark::OnlyA | Mark::OnlyB));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Span;
    use crate::extract::{Actor, ActorKind, Position};

    fn article(id: u32, paragraphs: &[&str]) -> Article {
        Article::from_texts(id, paragraphs)
    }

    /// A briefing whose positions are given as (article, paragraph, actor, stance, topic).
    fn briefing(
        articles: Vec<Article>,
        positions: &[(u32, usize, u32, &str, Option<&str>)],
    ) -> Briefing {
        let actors = (0..3)
            .map(|i| Actor {
                id: ActorId(i),
                name: format!("Actor{i}"),
                kind: ActorKind::Country,
                aliases: vec![],
            })
            .collect();
        let positions = positions
            .iter()
            .map(|&(art, para, actor, stance, topic)| {
                let text = &articles[art as usize].paragraphs[para].text;
                Position {
                    actor: ActorId(actor),
                    stance: stance.into(),
                    topic: topic.map(Into::into),
                    sentence: text.clone(),
                    at: Loc {
                        article: ArticleId(art),
                        paragraph: para,
                        span: Span::new(0, text.len()),
                    },
                }
            })
            .collect();
        Briefing {
            articles,
            actors,
            positions,
            ..Briefing::default()
        }
    }

    #[test]
    fn opposite_stances_of_one_actor_on_one_topic_differ() {
        let b = briefing(
            vec![
                article(0, &["Norway pledged to send ships."]),
                article(1, &["Norway rejected sending ships."]),
            ],
            &[
                (0, 0, 0, "pledges", Some("navy")),
                (1, 0, 0, "rejects", Some("navy")),
            ],
        );
        let cmp = compare(&b, ArticleId(0), ArticleId(1));
        assert_eq!(cmp.rows.len(), 1);
        assert_eq!(cmp.rows[0].mark, Mark::Differ);
    }

    #[test]
    fn stances_of_the_same_group_agree() {
        let b = briefing(
            vec![
                article(0, &["Norway remains cautious about ships."]),
                article(1, &["Norway is sceptical of ships."]),
            ],
            &[
                (0, 0, 0, "cautious", Some("navy")),
                (1, 0, 0, "sceptical", Some("navy")),
            ],
        );
        assert_eq!(
            compare(&b, ArticleId(0), ArticleId(1)).rows[0].mark,
            Mark::Agree
        );
    }

    #[test]
    fn an_actor_covered_by_one_side_only_is_marked_so_and_listed_after_shared_rows() {
        let b = briefing(
            vec![
                article(0, &["Norway pledged ships.", "Chile rejected tariffs."]),
                article(1, &["Norway pledged more ships soon."]),
            ],
            &[
                (0, 0, 0, "pledges", Some("navy")),
                (0, 1, 1, "rejects", Some("trade")),
                (1, 0, 0, "pledges", Some("navy")),
            ],
        );
        let cmp = compare(&b, ArticleId(0), ArticleId(1));
        let marks: Vec<Mark> = cmp.rows.iter().map(|r| r.mark).collect();
        assert_eq!(marks, [Mark::Agree, Mark::OnlyA]);
        assert_eq!(cmp.rows[1].actor, Some(ActorId(1)));
    }

    #[test]
    fn a_verbatim_copy_is_shared_and_its_positions_are_the_same_claim() {
        let text = "Norway has pledged to send three frigates to the strait next year.";
        let b = briefing(
            vec![
                article(0, &[text]),
                article(1, &["Intro words come first here.", text]),
            ],
            &[(0, 0, 0, "pledges", None), (1, 1, 0, "pledges", None)],
        );
        let cmp = compare(&b, ArticleId(0), ArticleId(1));
        assert_eq!(cmp.a_in_b, 1.0);
        assert!(cmp.b_in_a < 1.0);
        assert_eq!(cmp.rows[0].mark, Mark::Same);
    }

    #[test]
    fn a_position_on_one_side_and_a_quotation_on_the_other_are_both_covered() {
        let mut b = briefing(
            vec![
                article(0, &["Norway pledged ships."]),
                article(1, &["\"We will send ships,\" the Norwegian minister said."]),
            ],
            &[(0, 0, 0, "pledges", None)],
        );
        b.quotes.push(crate::extract::Quote {
            text: "We will send ships,".into(),
            speaker: Some("Actor0".into()),
            actor: Some(ActorId(0)),
            at: Loc {
                article: ArticleId(1),
                paragraph: 0,
                span: Span::new(1, 20),
            },
            parts: vec![],
        });
        let cmp = compare(&b, ArticleId(0), ArticleId(1));
        assert_eq!(cmp.rows.len(), 1);
        assert_eq!(cmp.rows[0].mark, Mark::Both);
    }

    #[test]
    fn articles_with_no_common_actor_have_only_one_sided_rows() {
        let b = briefing(
            vec![
                article(0, &["Norway pledged ships."]),
                article(1, &["Chile rejected tariffs."]),
            ],
            &[(0, 0, 0, "pledges", None), (1, 0, 1, "rejects", None)],
        );
        let marks: Vec<Mark> = compare(&b, ArticleId(0), ArticleId(1))
            .rows
            .iter()
            .map(|r| r.mark)
            .collect();
        assert_eq!(marks, [Mark::OnlyA, Mark::OnlyB]);
    }
}
