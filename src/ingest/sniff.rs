//! Sniffing: what a file holds when its name does not say (standard input, a file given on the
//! command line with an unknown extension), and whether it is text at all.
//!
//! Only the head of the input is looked at (the first [`HEAD`] bytes), so sniffing a huge file
//! costs the same as a small one.

use crate::briefing::Format;

/// How many leading bytes decide whether an input is binary and what format it is.
pub const HEAD: usize = 8 * 1024;

/// Whether `bytes` look binary: a NUL byte in them (callers pass the head, then the rest).
/// Every file is searched whole, so with the `memchr` crate's vector search, several times
/// cheaper per byte than the standard library's.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, bytes).is_some()
}

/// The format `head` (the first bytes of an input) is written in: HTML when it opens with
/// `<!doctype html` or `<html` (after a byte-order mark, blank space or comments), Markdown
/// when it opens with YAML front matter (`---` on the first line), plain text otherwise.
pub fn format_of_head(head: &[u8]) -> Format {
    let text = String::from_utf8_lossy(&head[..head.len().min(HEAD)]);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if opens_html(text) {
        Format::Html
    } else if text.starts_with("---\n") || text.starts_with("---\r\n") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Whether `text` (trimmed at the start) opens an HTML document, past any leading comments
/// and an XML declaration.
fn opens_html(mut text: &str) -> bool {
    loop {
        if starts_with_ignoring_case(text, "<!doctype html")
            || starts_with_ignoring_case(text, "<html")
        {
            return true;
        }
        let end = if text.starts_with("<!--") {
            text.find("-->").map(|i| i + 3)
        } else if starts_with_ignoring_case(text, "<?xml") {
            text.find("?>").map(|i| i + 2)
        } else {
            None
        };
        match end {
            Some(end) => text = text[end..].trim_start(),
            None => return false,
        }
    }
}

/// Whether `text` starts with `prefix` (ASCII), ignoring ASCII case.
pub fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doctype_or_html_tag_opens_an_html_page() {
        assert_eq!(format_of_head(b"<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(format_of_head(b"\n  <html lang=\"en\">"), Format::Html);
        assert_eq!(format_of_head(b"\xef\xbb\xbf<!doctype html>"), Format::Html);
        assert_eq!(
            format_of_head(b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<html>"),
            Format::Html
        );
    }

    #[test]
    fn front_matter_opens_markdown() {
        assert_eq!(
            format_of_head(b"---\ntitle: x\n---\nBody"),
            Format::Markdown
        );
        assert_eq!(format_of_head(b"---\r\ntitle: x\r\n"), Format::Markdown);
    }

    #[test]
    fn anything_else_is_plain_text() {
        assert_eq!(
            format_of_head(b"The council met. <b>not a page</b>"),
            Format::Text
        );
        assert_eq!(format_of_head(b"--- a dash rule"), Format::Text);
        assert_eq!(format_of_head(b"<!-- never closed"), Format::Text);
        assert_eq!(format_of_head(b""), Format::Text);
    }

    #[test]
    fn a_nul_byte_means_binary() {
        assert!(is_binary(b"PK\x03\x04\0"));
        assert!(!is_binary("café".as_bytes()));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(300, 41))]
        #[test]
        fn binary_means_a_nul_anywhere(
            bytes in proptest::collection::vec(proptest::prop_oneof![9 => 1..=255_u8, 1 => proptest::strategy::Just(0_u8)], 0..200)
        ) {
            proptest::prop_assert_eq!(is_binary(&bytes), bytes.contains(&0));
        }
    }
}
