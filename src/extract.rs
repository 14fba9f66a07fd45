//! Extraction: actors, quotations with speakers, positions and open questions, found by rules
//! over cleaned articles. Language knowledge lives in `assets/lexicons/`; see [`lexicon`].
//!
//! Pure and deterministic: the same articles always give the same items in the same order.

pub mod actor;
pub mod appositive;
pub mod gender;
pub mod lexicon;
pub mod position;
pub mod question;
pub mod quote;
pub mod token;
pub mod topic;

use serde::{Deserialize, Serialize};

use crate::briefing::{Article, Loc};

/// Index of an actor in [`crate::briefing::Briefing::actors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorId(pub u32);

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person, or an unnamed source kept as its description.
    Person,
    /// A state, also when named by its capital, seat of government or demonym.
    Country,
    /// An organisation: alliance, institution, company, think tank.
    Organization,
    /// A group: "the Europeans", "Coalition of the Willing".
    Group,
}

/// A person, country, organisation or group, merged across spellings and articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Index in the briefing's actors.
    pub id: ActorId,
    /// Canonical name: the fullest form without a title ("Volodymyr Zelensky", "Russia").
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Other surface forms merged into this actor, sorted.
    pub aliases: Vec<String>,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words inside the marks; parts split by an attribution are joined by one space.
    pub text: String,
    /// The speaker's fullest name in the article, or an unnamed source's description.
    pub speaker: Option<String>,
    /// The speaker as an actor, when resolved.
    pub actor: Option<ActorId>,
    /// Where the quotation starts: its first part.
    pub at: Loc,
    /// Every quoted part (inside the marks), in order; more than one when split or multi-paragraph.
    pub parts: Vec<Loc>,
}

/// A stance an actor takes, and the sentence that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Who holds it.
    pub actor: ActorId,
    /// Short stance label: "rules out", "opposes", "supports", "pledges", "cautious"…
    pub stance: String,
    /// Short topic label: "ground troops", "NATO membership"…
    pub topic: Option<String>,
    /// The whole sentence.
    pub sentence: String,
    /// The sentence's location.
    pub at: Loc,
}

/// A sentence that raises an open question or states an unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The whole sentence.
    pub text: String,
    /// Short topic label.
    pub topic: Option<String>,
    /// The sentence's location.
    pub at: Loc,
}

/// Everything extracted from a set of articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Actors, merged.
    pub actors: Vec<Actor>,
    /// Quotations in article order.
    pub quotes: Vec<Quote>,
    /// Positions in article order.
    pub positions: Vec<Position>,
    /// Questions in article order.
    pub questions: Vec<Question>,
}

/// Runs every extraction rule over `articles` (ids in order, as in a briefing: the actor index
/// keeps mentions by position): actors first (every later rule reads their mentions), with
/// positions found on the same reading's tokens, then quotations and questions, article by
/// article.
pub fn extract(articles: &[Article]) -> Extraction {
    debug_assert!(articles.iter().enumerate().all(|(i, a)| a.id.index() == i));
    let (mut index, positions) = actor::ActorIndex::build_with_positions(articles);
    // per article and independent once the actors are known: on every core, in article order
    let mut quotes: Vec<Quote> = crate::par::flat_map(articles, |a| quote::find_quotes(a, &index));
    for q in &mut quotes {
        // an unnamed source ("a senior European diplomat") is an actor kept as its description
        if let (None, Some(name)) = (q.actor, q.speaker.as_deref()) {
            q.actor = Some(index.intern(name, ActorKind::Person, name));
        }
    }
    let questions = crate::par::flat_map(articles, question::find_questions);
    Extraction {
        actors: index.actors,
        quotes,
        positions,
        questions,
    }
}
