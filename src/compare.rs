//! Comparing sources: two articles aligned by actor, then topic, then lexical similarity
//! ([`compare`]), the whole briefing as an actor × source matrix ([`matrix`]), and quotations
//! carried by several sources grouped with their differences ([`quotes`]).
//!
//! Pure functions of a [`Briefing`]; deterministic row order (actors by id, then topics).

pub mod align;
pub mod matrix;
pub mod quotes;
pub mod similarity;
pub mod stance;

use serde::Serialize;

use crate::briefing::{ArticleId, Briefing, Loc};
use crate::extract::ActorId;

pub use align::compare;

/// One extracted item shown in a comparison cell; the index is into the briefing's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "index", rename_all = "snake_case")]
pub enum Item {
    /// `briefing.positions[i]`.
    Position(usize),
    /// `briefing.quotes[i]`.
    Quote(usize),
    /// `briefing.questions[i]`.
    Question(usize),
}

impl Item {
    /// Where the item's sentence or quotation is.
    pub fn loc(self, briefing: &Briefing) -> Loc {
        match self {
            Item::Position(i) => briefing.positions[i].at,
            Item::Quote(i) => briefing.quotes[i].at,
            Item::Question(i) => briefing.questions[i].at,
        }
    }
    /// The item's text: the position's sentence, the quotation, the question.
    pub fn text(self, briefing: &Briefing) -> &str {
        match self {
            Item::Position(i) => &briefing.positions[i].sentence,
            Item::Quote(i) => &briefing.quotes[i].text,
            Item::Question(i) => &briefing.questions[i].text,
        }
    }
}

/// How the two sides of a row relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Both sides carry the same sentence near-verbatim (shared copy).
    Same,
    /// Both report stances of the same group (see [`stance`]).
    Agree,
    /// Both report stances, of different groups.
    Differ,
    /// Both cover it, with nothing to agree or differ on (questions, quotations).
    Both,
    /// Only the first article covers it.
    OnlyA,
    /// Only the second article covers it.
    OnlyB,
}

/// One aligned row: an actor and/or topic, with each side's items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The actor the row is about, if any (question rows have none).
    pub actor: Option<ActorId>,
    /// The topic label, if known.
    pub topic: Option<String>,
    /// Agreement mark.
    pub mark: Mark,
    /// The first article's items.
    pub a: Vec<Item>,
    /// The second article's items.
    pub b: Vec<Item>,
}

/// Two sentences, one per article, that are the same text near-verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shared {
    /// The sentence in the first article.
    pub a: Loc,
    /// The sentence in the second article.
    pub b: Loc,
}

/// A two-source comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The first article.
    pub a: ArticleId,
    /// The second article.
    pub b: ArticleId,
    /// Aligned rows: actors (both sides first), then questions by topic.
    pub rows: Vec<Row>,
    /// Sentence pairs repeated near-verbatim.
    pub shared: Vec<Shared>,
    /// Quotations both articles carry, with how B's wording differs from A's.
    pub quotes: Vec<quotes::QuotePair>,
    /// Share of the first article's sentences found in the second (0–1).
    pub a_in_b: f32,
    /// Share of the second article's sentences found in the first (0–1).
    pub b_in_a: f32,
}

impl Comparison {
    /// Whether `loc` (a sentence of either side) is part of shared copy.
    pub fn is_shared(&self, loc: &Loc) -> bool {
        self.shared.iter().any(|s| s.a == *loc || s.b == *loc)
    }
}
