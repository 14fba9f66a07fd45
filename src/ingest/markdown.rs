//! Markdown with optional YAML front matter.

use crate::briefing::Meta;
use crate::ingest::Block;

/// Reads front matter into [`Meta`] and the body into blocks. (Placeholder: plain lines.)
pub fn read(text: &str) -> (Meta, Vec<Block>) {
    (Meta::default(), crate::ingest::plain::read(text))
}
