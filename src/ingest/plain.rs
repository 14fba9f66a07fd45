//! Plain text: one [`Block`] per non-blank line, remembering where blank lines stood.

use crate::briefing::BlockKind;
use crate::ingest::Block;
use crate::text::sanitize::sanitize;

/// Splits plain text into line blocks (sanitized, trimmed; blank lines become `blank_before`).
pub fn read(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut blank_before = false;
    for line in text.lines() {
        let line = line.trim();
        let clean = if line.is_empty() {
            String::new()
        } else {
            sanitize(line)
        };
        let trimmed = clean.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let text = if trimmed.len() == clean.len() {
            clean
        } else {
            trimmed.to_string()
        };
        blocks.push(Block {
            text,
            kind: BlockKind::Text,
            blank_before,
        });
        blank_before = false;
    }
    blocks
}
