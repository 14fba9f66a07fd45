//! The outline: positions grouped by actor (actors ordered by how many sources mention them),
//! open questions grouped by topic, quotations grouped by speaker. Every item keeps its index into
//! the briefing, so readers can jump to its sentence.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::briefing::{ArticleId, Briefing};
use crate::extract::ActorId;

/// An actor and the positions every source reports for them.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorPositions {
    /// The actor.
    pub actor: ActorId,
    /// Indices into `briefing.positions`, in briefing order.
    pub positions: Vec<usize>,
    /// How many distinct articles mention the actor.
    pub sources: usize,
}

/// Questions sharing a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicQuestions {
    /// The topic label ("Other" when none).
    pub topic: String,
    /// Indices into `briefing.questions`.
    pub questions: Vec<usize>,
}

/// A speaker and their quotations.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerQuotes {
    /// The speaker as shown ("(unattributed)" when unknown).
    pub speaker: String,
    /// Indices into `briefing.quotes`.
    pub quotes: Vec<usize>,
}

/// The whole outline of a briefing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// Actors with positions, most widely covered first.
    pub actors: Vec<ActorPositions>,
    /// Open questions by topic, largest group first.
    pub questions: Vec<TopicQuestions>,
    /// Quotations by speaker, most quoted first.
    pub quotes: Vec<SpeakerQuotes>,
}

impl Outline {
    /// Builds the outline of `briefing`.
    pub fn build(briefing: &Briefing) -> Outline {
        Outline {
            actors: actor_groups(briefing),
            questions: question_groups(briefing),
            quotes: quote_groups(briefing),
        }
    }
}

fn actor_groups(briefing: &Briefing) -> Vec<ActorPositions> {
    let mut by_actor: BTreeMap<ActorId, Vec<usize>> = BTreeMap::new();
    for (i, p) in briefing.positions.iter().enumerate() {
        by_actor.entry(p.actor).or_default().push(i);
    }
    let mut sources: BTreeMap<ActorId, BTreeSet<ArticleId>> = BTreeMap::new();
    for p in &briefing.positions {
        sources.entry(p.actor).or_default().insert(p.at.article);
    }
    for q in &briefing.quotes {
        if let Some(a) = q.actor {
            sources.entry(a).or_default().insert(q.at.article);
        }
    }
    let mut groups: Vec<ActorPositions> = by_actor
        .into_iter()
        .map(|(actor, positions)| ActorPositions {
            actor,
            positions,
            sources: sources.get(&actor).map_or(0, BTreeSet::len),
        })
        .collect();
    let name = |a: ActorId| {
        briefing
            .actors
            .get(a.0 as usize)
            .map_or("", |x| x.name.as_str())
    };
    groups.sort_by(|x, y| {
        y.sources
            .cmp(&x.sources)
            .then(y.positions.len().cmp(&x.positions.len()))
            .then(name(x.actor).cmp(name(y.actor)))
    });
    groups
}

fn question_groups(briefing: &Briefing) -> Vec<TopicQuestions> {
    let mut by_topic: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, q) in briefing.questions.iter().enumerate() {
        by_topic
            .entry(q.topic.clone().unwrap_or_else(|| "Other".into()))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<TopicQuestions> = by_topic
        .into_iter()
        .map(|(topic, questions)| TopicQuestions { topic, questions })
        .collect();
    groups.sort_by(|x, y| {
        (x.topic == "Other")
            .cmp(&(y.topic == "Other"))
            .then(y.questions.len().cmp(&x.questions.len()))
    });
    groups
}

fn quote_groups(briefing: &Briefing) -> Vec<SpeakerQuotes> {
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, q) in briefing.quotes.iter().enumerate() {
        by_speaker
            .entry(q.speaker.clone().unwrap_or_else(|| "(unattributed)".into()))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<SpeakerQuotes> = by_speaker
        .into_iter()
        .map(|(speaker, quotes)| SpeakerQuotes { speaker, quotes })
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.quotes.len()));
    groups
}

/// How an item's source is cited: the outlet, else the article id.
fn cite(briefing: &Briefing, article: ArticleId) -> String {
    let a = briefing.article(article);
    match &a.meta.source {
        Some(s) => format!("{}, {s}", a.name),
        None => a.name.clone(),
    }
}

/// The outline as readable Markdown: a heading per actor with a bullet per position and its
/// `[source]`, then the open questions by topic, then the quotations by speaker.
pub fn to_markdown(briefing: &Briefing) -> String {
    let outline = Outline::build(briefing);
    let mut out = String::from("# Outline\n\n## Positions\n");
    for group in &outline.actors {
        let actor = &briefing.actors[group.actor.0 as usize];
        let _ = writeln!(out, "\n### {} ({} sources)\n", actor.name, group.sources);
        for &i in &group.positions {
            let p = &briefing.positions[i];
            let topic = p
                .topic
                .as_deref()
                .map(|t| format!(" — {t}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}**{topic}: {} [{}]",
                p.stance,
                p.sentence,
                cite(briefing, p.at.article)
            );
        }
    }
    out.push_str("\n## Open questions\n");
    for group in &outline.questions {
        let _ = writeln!(out, "\n### {}\n", group.topic);
        for &i in &group.questions {
            let q = &briefing.questions[i];
            let _ = writeln!(out, "- {} [{}]", q.text, cite(briefing, q.at.article));
        }
    }
    out.push_str("\n## Quotations\n");
    for group in &outline.quotes {
        let _ = writeln!(out, "\n### {}\n", group.speaker);
        for &i in &group.quotes {
            let q = &briefing.quotes[i];
            let _ = writeln!(out, "- “{}” [{}]", q.text, cite(briefing, q.at.article));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_mentioned_by_more_sources_come_first() {
        let b = crate::seeds::briefing();
        let outline = Outline::build(&b);
        let sources: Vec<usize> = outline.actors.iter().map(|g| g.sources).collect();
        assert!(sources.windows(2).all(|w| w[0] >= w[1]), "{sources:?}");
        assert_eq!(
            b.actors[outline.actors[0].actor.0 as usize].name,
            "Donald Trump"
        );
    }

    #[test]
    fn every_position_question_and_quote_appears_once() {
        let b = crate::seeds::briefing();
        let o = Outline::build(&b);
        assert_eq!(
            o.actors.iter().map(|g| g.positions.len()).sum::<usize>(),
            b.positions.len()
        );
        assert_eq!(
            o.questions.iter().map(|g| g.questions.len()).sum::<usize>(),
            b.questions.len()
        );
        assert_eq!(
            o.quotes.iter().map(|g| g.quotes.len()).sum::<usize>(),
            b.quotes.len()
        );
    }

    #[test]
    fn the_markdown_cites_each_item_with_its_source() {
        let md = to_markdown(&crate::seeds::briefing());
        assert!(md.contains("### Donald Trump"));
        assert!(md.contains("[003_bb659c39f82ac712, Atlantic Council]"));
        assert!(md.contains("## Open questions") && md.contains("## Quotations"));
    }
}
