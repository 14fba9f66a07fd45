//! Runs the whole pipeline on one input — read → clean → split → extract → outline → search →
//! compare — the way the fuzz targets (`fuzz/`) and their regression corpus (`tests/fuzz_corpus.rs`)
//! do, so both exercise exactly the same code.

use crate::briefing::{assemble, ArticleId, Format};
use crate::ingest::read_bytes;

/// Pushes `bytes`, read as `format`, through every stage; panics only on a bug.
pub fn exercise(format: Format, bytes: &[u8]) {
    let (doc, _) = read_bytes("fuzz", "fuzz", format, bytes);
    let (twin, _) = read_bytes("twin", "twin", Format::Text, bytes);
    let briefing = assemble(vec![doc, twin], Vec::new());
    let index = crate::search::Index::build(&briefing);
    let words: Vec<&str> = briefing.articles[0]
        .paragraphs
        .iter()
        .flat_map(|p| p.text.split(' '))
        .take(3)
        .collect();
    for query in [words.join(" "), "'the !a ^T s$".to_string()] {
        let _ = index.search(&query, 100);
    }
    let _ = crate::compare::compare(&briefing, ArticleId(0), ArticleId(1));
    let _ = crate::compare::matrix::matrix(&briefing, crate::compare::matrix::SortBy::Coverage);
    let _ = crate::compare::matrix::question_groups(&briefing);
    let _ = crate::export::to_json(&briefing);
}
