//! Saved HTML pages.

use crate::briefing::Meta;
use crate::ingest::Block;

/// Reads the main text of a page into blocks, with title, byline and date. (Placeholder.)
pub fn read(text: &str) -> (Meta, Vec<Block>) {
    (Meta::default(), crate::ingest::plain::read(text))
}
