//! Plain text: one [`Block`] per non-blank line, remembering where blank lines stood. Lines end
//! at `\n`, `\r\n` or a lone `\r` (classic Mac files), so no two lines ever run together.

use crate::briefing::BlockKind;
use crate::ingest::Block;
use crate::text::sanitize::sanitize;

/// Splits plain text into line blocks (sanitized, trimmed; blank lines become `blank_before`).
pub fn read(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut blank_before = false;
    let lines = text
        .split('\n')
        .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'));
    for line in lines {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(String, bool)> {
        read(text)
            .into_iter()
            .map(|b| (b.text, b.blank_before))
            .collect()
    }

    #[test]
    fn unix_windows_and_classic_mac_line_ends_read_alike() {
        let want = vec![
            ("one".to_string(), false),
            ("two".to_string(), false),
            ("three".to_string(), true),
        ];
        assert_eq!(lines("one\ntwo\n\nthree\n"), want);
        assert_eq!(lines("one\r\ntwo\r\n\r\nthree\r\n"), want);
        assert_eq!(lines("one\rtwo\r\rthree\r"), want);
    }

    #[test]
    fn lines_of_only_invisible_characters_count_as_blank() {
        assert_eq!(
            lines("one\n\u{200b}\u{1b}[0m\ntwo"),
            [("one".to_string(), false), ("two".to_string(), true)]
        );
    }
}
