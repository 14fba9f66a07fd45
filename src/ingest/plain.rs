//! Plain text: one [`Block`] per non-blank line, remembering where blank lines stood. Lines end
//! at `\n`, `\r\n` or a lone `\r` (classic Mac files), so no two lines ever run together.

use crate::briefing::BlockKind;
use crate::ingest::Block;
use crate::text::sanitize::sanitized;

/// Splits plain text into line blocks (sanitized, trimmed; blank lines become `blank_before`).
pub fn read(text: &str) -> Vec<Block> {
    line_blocks(lines(text))
}

/// A block per line that is not blank once sanitized and trimmed, each knowing whether blank
/// lines stood before it.
fn line_blocks<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut blank_before = false;
    for line in lines {
        let clean = sanitized(line.trim());
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

/// The lines of `text`, each ended by `\n`, `\r\n` or a lone `\r`, found in one `memchr` pass
/// for both bytes (splitting at one, then each piece at the other, reads every byte twice).
/// A text ending in a lone `\r` yields an empty last line, which is only a blank.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let Some(end) = ends.next() else {
            start = None;
            return Some(&text[from..]);
        };
        let mut next = end + 1;
        if bytes[end] == b'\r' && bytes.get(next) == Some(&b'\n') {
            ends.next(); // the \n of a \r\n
            next += 1;
        }
        start = Some(next);
        Some(&text[from..end])
    })
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

    /// The reader as it was before lines were found in one pass: split at `\n`, then at `\r`.
    fn read_reference(text: &str) -> Vec<Block> {
        line_blocks(
            text.split('\n')
                .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r')),
        )
    }

    #[test]
    fn the_one_pass_reader_agrees_with_splitting_twice() {
        for text in [
            "",
            "\r",
            "\n",
            "\r\n",
            "\r\r\n\n",
            "a\r\r\nb",
            "a\n\rb\r",
            " a \r\n\u{a0}\r b\n\n",
            "a\u{1b}[0m\r\u{200b}\nb",
        ] {
            assert_eq!(read(text), read_reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(1000, 37))]
        #[test]
        fn any_text_reads_as_splitting_twice_reads_it(
            text in "[ ab\t\r\n\u{1b}\u{a0}\u{200b}“]{0,40}|\\PC{0,40}|.{0,40}"
        ) {
            proptest::prop_assert_eq!(read(&text), read_reference(&text));
        }
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
