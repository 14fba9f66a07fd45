//! Fuzzy search over sentences, quotations, actors and titles. (Placeholder: a linear
//! case-insensitive substring scan; the real index replaces it behind the same API.)

use crate::briefing::{Briefing, Loc, Span};

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
    /// Where to jump: the sentence, the quotation, the actor's first mention, or the article top.
    pub loc: Loc,
    /// The text shown for the hit (the sentence, quote, name or title).
    pub text: String,
    /// Higher is better.
    pub score: i64,
    /// Byte offsets in `text` of the matched characters, ascending.
    pub matched: Vec<usize>,
}

/// A searchable index of a briefing.
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: Vec<(HitKind, Loc, String)>,
}

impl Index {
    /// Builds the index over every sentence, quotation, actor and title of `briefing`.
    pub fn build(briefing: &Briefing) -> Index {
        let mut entries = Vec::new();
        for a in &briefing.articles {
            if let Some(t) = &a.meta.title {
                let loc = Loc {
                    article: a.id,
                    paragraph: 0,
                    span: Span::default(),
                };
                entries.push((HitKind::Title, loc, t.clone()));
            }
            for (loc, s) in a.sentences() {
                entries.push((HitKind::Sentence, loc, s.to_string()));
            }
        }
        Index { entries }
    }

    /// The best `limit` hits for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter_map(|(kind, loc, text)| {
                let at = text.to_lowercase().find(&q)?;
                Some(Hit {
                    kind: *kind,
                    loc: *loc,
                    text: text.clone(),
                    score: 0,
                    matched: (at..at + q.len()).collect(),
                })
            })
            .take(limit)
            .collect()
    }
}
