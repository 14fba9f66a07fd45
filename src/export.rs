//! The JSON export (`parallax export --format json`), following `export.schema.json` version 1:
//! articles as cleaned plus everything extracted, with locations as article id + paragraph +
//! byte offsets.

use serde::Serialize;

use crate::briefing::{Briefing, Loc};

/// The export document.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    version: u32,
    articles: Vec<ArticleOut<'a>>,
    actors: Vec<ActorOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    positions: Vec<PositionOut<'a>>,
    questions: Vec<QuestionOut<'a>>,
    warnings: &'a [String],
}

#[derive(Debug, Serialize)]
struct At<'a> {
    article: &'a str,
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<&'a str>,
    source: Option<&'a str>,
    excerpt_of: Option<&'a str>,
    paragraphs: Vec<&'a str>,
    removed: &'a [String],
}

#[derive(Debug, Serialize)]
struct ActorOut<'a> {
    id: String,
    name: &'a str,
    kind: crate::extract::ActorKind,
    aliases: &'a [String],
}

#[derive(Debug, Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    actor: Option<String>,
    at: At<'a>,
}

#[derive(Debug, Serialize)]
struct PositionOut<'a> {
    actor: String,
    stance: &'a str,
    topic: Option<&'a str>,
    sentence: &'a str,
    at: At<'a>,
}

#[derive(Debug, Serialize)]
struct QuestionOut<'a> {
    text: &'a str,
    topic: Option<&'a str>,
    at: At<'a>,
}

/// The actor id used in exports: `a<index>`.
pub fn actor_key(id: crate::extract::ActorId) -> String {
    format!("a{}", id.0)
}

impl<'a> Export<'a> {
    /// Builds the export view of `briefing`.
    pub fn new(briefing: &'a Briefing) -> Self {
        let at = |loc: &Loc| At {
            article: &briefing.article(loc.article).name,
            paragraph: loc.paragraph,
            start: loc.span.start,
            end: loc.span.end,
        };
        Export {
            version: 1,
            articles: briefing
                .articles
                .iter()
                .map(|a| ArticleOut {
                    id: &a.name,
                    path: &a.path,
                    title: a.meta.title.as_deref(),
                    author: a.meta.author.as_deref(),
                    date: a.meta.date.as_deref(),
                    source: a.meta.source.as_deref(),
                    excerpt_of: a.excerpt_of.map(|id| briefing.article(id).name.as_str()),
                    paragraphs: a.paragraphs.iter().map(|p| p.text.as_str()).collect(),
                    removed: &a.removed,
                })
                .collect(),
            actors: briefing
                .actors
                .iter()
                .map(|a| ActorOut {
                    id: actor_key(a.id),
                    name: &a.name,
                    kind: a.kind,
                    aliases: &a.aliases,
                })
                .collect(),
            quotes: briefing
                .quotes
                .iter()
                .map(|q| QuoteOut {
                    text: &q.text,
                    speaker: q.speaker.as_deref(),
                    actor: q.actor.map(actor_key),
                    at: at(&q.at),
                })
                .collect(),
            positions: briefing
                .positions
                .iter()
                .map(|p| PositionOut {
                    actor: actor_key(p.actor),
                    stance: &p.stance,
                    topic: p.topic.as_deref(),
                    sentence: &p.sentence,
                    at: at(&p.at),
                })
                .collect(),
            questions: briefing
                .questions
                .iter()
                .map(|q| QuestionOut {
                    text: &q.text,
                    topic: q.topic.as_deref(),
                    at: at(&q.at),
                })
                .collect(),
            warnings: &briefing.warnings,
        }
    }
}

/// The whole briefing as pretty-printed JSON.
pub fn to_json(briefing: &Briefing) -> String {
    serde_json::to_string_pretty(&Export::new(briefing))
        .expect("the export model always serializes")
}

/// Writes [`to_json`]'s text (and a final newline) to `out` as it is produced, without holding
/// it all in memory: the export of a 200 MB briefing is larger than the briefing.
pub fn write_json(briefing: &Briefing, out: impl std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &Export::new(briefing))?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streamed_export_is_the_same_text() {
        let briefing = crate::seeds::briefing();
        let mut streamed = Vec::new();
        write_json(&briefing, &mut streamed).expect("writes to memory");
        assert_eq!(
            String::from_utf8(streamed).expect("UTF-8"),
            to_json(&briefing) + "\n"
        );
    }
}
