//! The shared model: a [`Briefing`] of [`Article`]s made of [`Paragraph`]s split into sentences,
//! plus everything extracted from them. Every extracted item points back at its text with a [`Loc`].
//!
//! [`assemble`] is the pipeline's spine: documents in, a finished briefing out. It is pure and
//! deterministic: the same documents always give the same briefing.

use serde::{Deserialize, Serialize};

use crate::extract::{Actor, Position, Question, Quote};
use crate::ingest::Document;

/// Index of an article in [`Briefing::articles`] (stable for the same input paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleId(pub u32);

impl ArticleId {
    /// The index into [`Briefing::articles`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A byte range into a paragraph's text, always on char boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text this span covers in `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// Whether `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A place in the briefing: an article, one of its paragraphs, and a byte span in that paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Loc {
    /// The article.
    pub article: ArticleId,
    /// Index into the article's paragraphs.
    pub paragraph: usize,
    /// Byte span in the paragraph text.
    pub span: Span,
}

/// The input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, as scraped from a web page.
    Text,
    /// Markdown, optionally with YAML front matter.
    Markdown,
    /// A saved HTML page.
    Html,
}

/// What a block of text is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Ordinary running text.
    #[default]
    Text,
    /// A heading (Markdown `#`, HTML `<h2>`).
    Heading,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A row of a table (HTML or Markdown), its cells joined by ` | `.
    Row,
}

/// One cleaned paragraph of an article's body, with its sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The cleaned text (white space normalised, no control characters).
    pub text: String,
    /// Structural kind.
    pub kind: BlockKind,
    /// Sentence spans, in order, covering the text without overlap.
    pub sentences: Vec<Span>,
}

impl Paragraph {
    /// A paragraph of `kind` whose sentences are split from `text`.
    pub fn new(text: String, kind: BlockKind) -> Self {
        let sentences = crate::text::sentence::split_sentences(&text);
        Paragraph {
            text,
            kind,
            sentences,
        }
    }
    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        self.sentences
            .iter()
            .position(|s| s.start <= offset && offset < s.end.max(s.start + 1))
    }
}

/// Title, author, date and outlet of an article. A field the text does not give is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Byline person(s).
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Outlet or organisation that published it.
    pub source: Option<String>,
}

impl Meta {
    /// Fills every field that is `None` here from `other`.
    pub fn fill_from(&mut self, other: &Meta) {
        for (mine, theirs) in [
            (&mut self.title, &other.title),
            (&mut self.author, &other.author),
            (&mut self.date, &other.date),
            (&mut self.source, &other.source),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }
}

/// One article of the briefing, cleaned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Index in the briefing.
    pub id: ArticleId,
    /// The file name without its extension: the id used in exports and on the command line.
    pub name: String,
    /// The path it was read from (`-` for standard input, `seeds/…` for the bundled briefing).
    pub path: String,
    /// Input format.
    pub format: Format,
    /// Title, author, date, outlet.
    pub meta: Meta,
    /// The longer article this one is a near-verbatim excerpt of.
    pub excerpt_of: Option<ArticleId>,
    /// The cleaned body.
    pub paragraphs: Vec<Paragraph>,
    /// Every input line dropped as boilerplate, trimmed, in input order.
    pub removed: Vec<String>,
}

impl Article {
    /// A plain-text article with these paragraphs and no metadata: for tests and examples.
    pub fn from_texts(id: u32, paragraphs: &[&str]) -> Article {
        Article {
            id: ArticleId(id),
            name: format!("article{id}"),
            path: String::new(),
            format: Format::Text,
            meta: Meta::default(),
            excerpt_of: None,
            paragraphs: paragraphs
                .iter()
                .map(|p| Paragraph::new(p.to_string(), BlockKind::Text))
                .collect(),
            removed: Vec::new(),
        }
    }

    /// The text of the sentence or span at `loc` (empty if `loc` is out of range).
    pub fn text_at(&self, loc: &Loc) -> &str {
        self.paragraphs
            .get(loc.paragraph)
            .map(|p| loc.span.of(&p.text))
            .unwrap_or("")
    }
    /// Every sentence with its location, in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = (Loc, &str)> + '_ {
        self.paragraphs.iter().enumerate().flat_map(move |(i, p)| {
            p.sentences.iter().map(move |s| {
                let loc = Loc {
                    article: self.id,
                    paragraph: i,
                    span: *s,
                };
                (loc, s.of(&p.text))
            })
        })
    }
    /// The article's best display label: outlet, else title, else file name.
    pub fn label(&self) -> &str {
        self.meta
            .source
            .as_deref()
            .or(self.meta.title.as_deref())
            .unwrap_or(&self.name)
    }
}

/// The run of `items` (sorted by article) that belongs to article `id`.
fn of_article<T>(items: &[T], id: ArticleId, article: impl Fn(&T) -> ArticleId) -> &[T] {
    let start = items.partition_point(|t| article(t) < id);
    let end = start + items[start..].partition_point(|t| article(t) == id);
    &items[start..end]
}

/// A whole briefing: articles and what was extracted from them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Articles in path order.
    pub articles: Vec<Article>,
    /// People, countries, organisations and groups, merged across articles.
    pub actors: Vec<Actor>,
    /// Direct quotations with their speakers, in article order.
    pub quotes: Vec<Quote>,
    /// Stances actors take, with the sentence stating them, in article order.
    pub positions: Vec<Position>,
    /// Open questions and stated unknowns, in article order.
    pub questions: Vec<Question>,
    /// Inputs skipped or repaired, one human-readable line each.
    pub warnings: Vec<String>,
}

impl Briefing {
    /// The article with this id.
    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.index()]
    }
    /// A short label for article `id` in lists: its name's first three characters ("003" of
    /// "003_atlantic_council"), or as many more as it takes to tell it from the articles before
    /// and after it ("00017" among "00000" … "09999").
    pub fn short_name(&self, id: ArticleId) -> &str {
        let name = &self.article(id).name;
        let shared = |other: Option<&Article>| {
            other.map_or(0, |o| {
                name.chars()
                    .zip(o.name.chars())
                    .take_while(|(a, b)| a == b)
                    .count()
            })
        };
        let i = id.index();
        let before = i.checked_sub(1).and_then(|j| self.articles.get(j));
        let chars = (shared(before).max(shared(self.articles.get(i + 1))) + 1).max(3);
        match name.char_indices().nth(chars) {
            Some((end, _)) => &name[..end],
            None => name,
        }
    }
    /// The quotations of article `id` (a binary search: the list is in article order).
    pub fn quotes_of(&self, id: ArticleId) -> &[Quote] {
        of_article(&self.quotes, id, |q| q.at.article)
    }
    /// The positions stated in article `id`.
    pub fn positions_of(&self, id: ArticleId) -> &[Position] {
        of_article(&self.positions, id, |p| p.at.article)
    }
    /// The open questions of article `id`.
    pub fn questions_of(&self, id: ArticleId) -> &[Question] {
        of_article(&self.questions, id, |q| q.at.article)
    }
    /// The article whose name is `name` or starts with `name` (if that prefix is unique).
    pub fn find_article(&self, name: &str) -> Option<&Article> {
        if let Some(a) = self.articles.iter().find(|a| a.name == name) {
            return Some(a);
        }
        let mut hits = self.articles.iter().filter(|a| a.name.starts_with(name));
        match (hits.next(), hits.next()) {
            (Some(a), None) => Some(a),
            _ => None,
        }
    }
    /// The text at `loc`.
    pub fn text_at(&self, loc: &Loc) -> &str {
        self.articles
            .get(loc.article.index())
            .map(|a| a.text_at(loc))
            .unwrap_or("")
    }
}

/// Runs the pipeline on loaded documents: clean, split, detect same stories, extract.
pub fn assemble(documents: Vec<Document>, warnings: Vec<String>) -> Briefing {
    let articles: Vec<Article> = documents
        .into_iter()
        .enumerate()
        .map(|(i, doc)| crate::text::clean::clean_document(ArticleId(i as u32), doc))
        .collect();
    assemble_articles(articles, warnings)
}

/// The rest of [`assemble`], for articles already cleaned (ids in order): same-story marks and
/// extraction.
pub fn assemble_articles(mut articles: Vec<Article>, warnings: Vec<String>) -> Briefing {
    crate::text::same_story::mark_excerpts(&mut articles);
    let extraction = crate::extract::extract(&articles);
    Briefing {
        articles,
        actors: extraction.actors,
        quotes: extraction.quotes,
        positions: extraction.positions,
        questions: extraction.questions,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str]) -> Briefing {
        let articles = (0..names.len())
            .map(|i| {
                let mut a = Article::from_texts(i as u32, &["Text."]);
                a.name = names[i].to_string();
                a
            })
            .collect();
        Briefing {
            articles,
            ..Briefing::default()
        }
    }

    fn short_names(names: &[&str]) -> Vec<String> {
        let b = named(names);
        (0..names.len())
            .map(|i| b.short_name(ArticleId(i as u32)).to_string())
            .collect()
    }

    #[test]
    fn short_names_are_three_characters_or_as_many_as_tell_neighbours_apart() {
        assert_eq!(
            short_names(&["000_a", "001_b", "002_c"]),
            ["000", "001", "002"]
        );
        assert_eq!(
            short_names(&["00008", "00009", "00010"]),
            ["00008", "00009", "0001"]
        );
        assert_eq!(
            short_names(&["nyt-1", "nyt-2", "wapo"]),
            ["nyt-1", "nyt-2", "wap"]
        );
        // short and non-ASCII names are cut on characters, never inside one
        assert_eq!(short_names(&["é", "éé", "ab"]), ["é", "éé", "ab"]);
        assert_eq!(short_names(&["résumé"]), ["rés"]);
    }
}
