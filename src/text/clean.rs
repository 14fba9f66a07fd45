//! Cleaning: separates body text from boilerplate. (Placeholder: keeps every block.)

use crate::briefing::{Article, ArticleId, Paragraph};
use crate::ingest::Document;

/// Turns a document into a cleaned article: metadata read, boilerplate removed and recorded,
/// paragraphs split into sentences.
pub fn clean_document(id: ArticleId, doc: Document) -> Article {
    let (text_meta, _meta_lines) = crate::text::meta::read_meta(&doc.blocks);
    let mut meta = doc.meta;
    meta.fill_from(&text_meta);
    let paragraphs = doc
        .blocks
        .into_iter()
        .map(|b| Paragraph::new(b.text, b.kind))
        .collect();
    Article {
        id,
        name: doc.name,
        path: doc.path,
        format: doc.format,
        meta,
        excerpt_of: None,
        paragraphs,
        removed: Vec::new(),
    }
}
