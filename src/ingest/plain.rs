//! Plain text: one [`Block`] per non-blank line, remembering where blank lines stood.

use crate::briefing::BlockKind;
use crate::ingest::Block;
use crate::text::sanitize::sanitize;

/// Splits plain text into line blocks (sanitized, trimmed; blank lines become `blank_before`).
pub fn read(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut blank_before = false;
    for line in text.lines() {
        let clean = sanitize(line);
        let trimmed = clean.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        blocks.push(Block {
            text: trimmed.to_string(),
            kind: BlockKind::Text,
            blank_before,
        });
        blank_before = false;
    }
    blocks
}
