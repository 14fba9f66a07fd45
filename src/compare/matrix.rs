//! The briefing as a matrix: actors × sources, each cell the stance labels that source reports
//! for that actor; and open questions raised by several sources grouped together.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::briefing::{ArticleId, Briefing};
use crate::compare::similarity::Tfidf;
use crate::extract::ActorId;

/// Questions at least this similar (TF-IDF cosine) are the same question.
const SAME_QUESTION: f32 = 0.3;
/// With the same topic label, a lower similarity is enough.
const SAME_QUESTION_SAME_TOPIC: f32 = 0.12;

/// How to order the matrix rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// By number of sources reporting a stance, most first (then by name).
    #[default]
    Coverage,
    /// By actor name.
    Actor,
}

/// One cell: what one source reports for one actor.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cell {
    /// Distinct stance labels, sorted.
    pub stances: Vec<String>,
    /// Indices into `briefing.positions`.
    pub positions: Vec<usize>,
}

/// Actors × sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    /// Row actors, in display order.
    pub actors: Vec<ActorId>,
    /// Column articles (every article of the briefing, in order).
    pub articles: Vec<ArticleId>,
    /// Non-empty cells keyed by (row, column).
    #[serde(serialize_with = "cells_as_list")]
    pub cells: BTreeMap<(usize, usize), Cell>,
}

fn cells_as_list<S: serde::Serializer>(
    cells: &BTreeMap<(usize, usize), Cell>,
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Entry<'a> {
        row: usize,
        column: usize,
        #[serde(flatten)]
        cell: &'a Cell,
    }
    s.collect_seq(
        cells
            .iter()
            .map(|(&(row, column), cell)| Entry { row, column, cell }),
    )
}

impl Matrix {
    /// The cell at (row, column), if the source reports anything for that actor.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.cells.get(&(row, column))
    }
    /// How many sources report a stance for the actor of `row`.
    pub fn coverage(&self, row: usize) -> usize {
        self.cells.range((row, 0)..(row + 1, 0)).count()
    }
}

/// Builds the actor × source matrix of `briefing`, rows ordered by `sort`.
pub fn matrix(briefing: &Briefing, sort: SortBy) -> Matrix {
    let mut by_actor: BTreeMap<ActorId, BTreeMap<usize, Cell>> = BTreeMap::new();
    for (i, p) in briefing.positions.iter().enumerate() {
        let cell = by_actor
            .entry(p.actor)
            .or_default()
            .entry(p.at.article.index())
            .or_default();
        if !cell.stances.contains(&p.stance) {
            cell.stances.push(p.stance.clone());
            cell.stances.sort();
        }
        cell.positions.push(i);
    }
    let name = |a: &ActorId| {
        briefing
            .actors
            .get(a.0 as usize)
            .map_or("", |x| x.name.as_str())
    };
    let mut actors: Vec<ActorId> = by_actor.keys().copied().collect();
    match sort {
        SortBy::Actor => actors.sort_by(|x, y| name(x).cmp(name(y)).then(x.cmp(y))),
        SortBy::Coverage => actors.sort_by(|x, y| {
            by_actor[y]
                .len()
                .cmp(&by_actor[x].len())
                .then(name(x).cmp(name(y)))
                .then(x.cmp(y))
        }),
    }
    let mut cells = BTreeMap::new();
    for (row, actor) in actors.iter().enumerate() {
        for (column, cell) in by_actor.remove(actor).unwrap_or_default() {
            cells.insert((row, column), cell);
        }
    }
    Matrix {
        actors,
        articles: briefing.articles.iter().map(|a| a.id).collect(),
        cells,
    }
}

/// Open questions raised by one or more sources, grouped as the same question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionGroup {
    /// Topic label of the first question.
    pub topic: Option<String>,
    /// Indices into `briefing.questions`, in briefing order.
    pub questions: Vec<usize>,
    /// Distinct source articles raising it.
    pub sources: Vec<ArticleId>,
}

/// Groups the briefing's questions: a question joins the first group whose first question is
/// similar enough (a lower bar under the same topic); groups raised by most sources first.
pub fn question_groups(briefing: &Briefing) -> Vec<QuestionGroup> {
    let model = Tfidf::fit(briefing.questions.iter().map(|q| q.text.as_str()));
    let vectors: Vec<_> = briefing
        .questions
        .iter()
        .map(|q| model.vector(&q.text))
        .collect();
    let mut groups: Vec<QuestionGroup> = Vec::new();
    let mut heads: Vec<usize> = Vec::new();
    for (i, q) in briefing.questions.iter().enumerate() {
        let found = heads.iter().position(|&h| {
            let sim = vectors[h].cosine(&vectors[i]);
            let same_topic = q.topic.is_some() && briefing.questions[h].topic == q.topic;
            sim >= SAME_QUESTION || (same_topic && sim >= SAME_QUESTION_SAME_TOPIC)
        });
        match found {
            Some(g) => groups[g].questions.push(i),
            None => {
                heads.push(i);
                groups.push(QuestionGroup {
                    topic: q.topic.clone(),
                    questions: vec![i],
                    sources: Vec::new(),
                });
            }
        }
    }
    for g in &mut groups {
        let sources: BTreeSet<ArticleId> = g
            .questions
            .iter()
            .map(|&i| briefing.questions[i].at.article)
            .collect();
        g.sources = sources.into_iter().collect();
    }
    groups.sort_by(|x, y| {
        y.sources
            .len()
            .cmp(&x.sources.len())
            .then(x.questions[0].cmp(&y.questions[0]))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Loc, Span};
    use crate::extract::{Actor, ActorKind, Position, Question};

    fn at(article: u32) -> Loc {
        Loc {
            article: ArticleId(article),
            paragraph: 0,
            span: Span::default(),
        }
    }

    fn briefing() -> Briefing {
        let actor = |i: u32, name: &str| Actor {
            id: ActorId(i),
            name: name.into(),
            kind: ActorKind::Country,
            aliases: vec![],
        };
        let position = |actor: u32, article: u32, stance: &str| Position {
            actor: ActorId(actor),
            stance: stance.into(),
            topic: None,
            sentence: String::new(),
            at: at(article),
        };
        let question = |article: u32, text: &str, topic: Option<&str>| Question {
            text: text.into(),
            topic: topic.map(Into::into),
            at: at(article),
        };
        let articles = (0..3)
            .map(|i| crate::briefing::Article {
                id: ArticleId(i),
                name: format!("a{i}"),
                path: String::new(),
                format: crate::briefing::Format::Text,
                meta: Default::default(),
                excerpt_of: None,
                paragraphs: vec![],
                removed: vec![],
            })
            .collect();
        Briefing {
            articles,
            actors: vec![actor(0, "Zambia"), actor(1, "Austria")],
            positions: vec![
                position(0, 0, "supports"),
                position(1, 0, "rejects"),
                position(1, 2, "opposes"),
                position(1, 2, "rejects"),
            ],
            questions: vec![
                question(
                    0,
                    "Would the soldiers be allowed to fight back if attacked?",
                    Some("rules of engagement"),
                ),
                question(1, "Nobody knows who pays for the bridge.", Some("budget")),
                question(
                    2,
                    "Could soldiers fight back when attacked by drones?",
                    Some("rules of engagement"),
                ),
            ],
            ..Briefing::default()
        }
    }

    #[test]
    fn cells_hold_each_sources_distinct_stances() {
        let m = matrix(&briefing(), SortBy::Actor);
        assert_eq!(
            m.actors,
            [ActorId(1), ActorId(0)],
            "sorted by name: Austria, Zambia"
        );
        assert_eq!(
            m.cell(0, 2).map(|c| c.stances.clone()),
            Some(vec!["opposes".to_string(), "rejects".to_string()])
        );
        assert!(
            m.cell(0, 1).is_none(),
            "a silent source leaves the cell empty"
        );
    }

    #[test]
    fn coverage_sort_puts_the_most_reported_actor_first() {
        let m = matrix(&briefing(), SortBy::Coverage);
        assert_eq!(m.actors[0], ActorId(1));
        assert_eq!(m.coverage(0), 2);
    }

    #[test]
    fn the_same_question_from_two_sources_is_one_group() {
        let groups = question_groups(&briefing());
        assert_eq!(groups[0].questions, [0, 2]);
        assert_eq!(groups[0].sources, [ArticleId(0), ArticleId(2)]);
        assert_eq!(groups.len(), 2);
    }
}
