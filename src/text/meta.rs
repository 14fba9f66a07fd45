//! Metadata from the text itself: title, byline, date, outlet. (Placeholder.)

use crate::briefing::Meta;
use crate::ingest::Block;

/// Reads metadata from the blocks of a document. Returns the metadata and the indices of the
/// blocks that are metadata lines (headline, byline, date line), which are not body text.
pub fn read_meta(_blocks: &[Block]) -> (Meta, Vec<usize>) {
    (Meta::default(), Vec::new())
}
