//! Ingest: paths → [`Document`]s. Walks folders (sorted, so ids are deterministic), sniffs each
//! file (format, NUL bytes, UTF-8), and reads plain text, Markdown or HTML into blocks of text.
//!
//! Guarantees: no panic on any bytes; every block is sanitized ([`crate::text::sanitize`]);
//! problems that do not stop the load are returned as [`Skipped`] lines, never printed.

pub mod date;
pub mod html;
pub mod markdown;
pub mod plain;
pub mod sniff;
pub mod walk;

use std::path::PathBuf;

use crate::briefing::{BlockKind, Format, Meta};

/// One block of input text before cleaning: a line of a plain-text file, a Markdown or HTML block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text, sanitized, with line breaks inside it replaced by spaces (plain text: one line).
    pub text: String,
    /// Structural kind (plain text: always `Text`).
    pub kind: BlockKind,
    /// Whether one or more blank lines preceded this block in the input.
    pub blank_before: bool,
}

/// A file read into blocks, with whatever metadata its format declares (front matter, meta tags).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// File name without its extension.
    pub name: String,
    /// The path as given or found while walking.
    pub path: String,
    /// Input format.
    pub format: Format,
    /// Metadata declared by the format itself (front matter, HTML meta); text-derived later.
    pub meta: Meta,
    /// The blocks, in input order.
    pub blocks: Vec<Block>,
}

/// An input that was skipped or repaired, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path concerned.
    pub path: String,
    /// Why, in a few words ("binary file (NUL bytes)", "invalid UTF-8, decoded lossily").
    pub reason: String,
    /// Whether the file was still loaded (repaired) rather than skipped.
    pub loaded: bool,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = if self.loaded { "loaded" } else { "skipped" };
        write!(f, "{}: {} ({verb})", self.path, self.reason)
    }
}

/// The result of loading paths: the documents read and the problems met.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Documents in path order.
    pub documents: Vec<Document>,
    /// Inputs skipped or repaired.
    pub skipped: Vec<Skipped>,
}

/// Why a load failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A path given on the command line does not exist.
    #[error("{0}: no such file or directory")]
    Missing(PathBuf),
    /// A path could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Nothing readable was found.
    #[error("no readable article in {0}")]
    NoArticles(String),
}

/// The format to read `text` as: a `.txt` file that opens with YAML front matter is Markdown
/// saved as text (blogs export it that way), so its front matter is read.
pub fn sniff(format: Format, text: &str) -> Format {
    let opens_front_matter = text.starts_with("---\n") || text.starts_with("---\r\n");
    let closes = || text.lines().skip(1).take(60).any(|l| l.trim_end() == "---");
    if format == Format::Text && opens_front_matter && closes() {
        Format::Markdown
    } else {
        format
    }
}

/// Reads one file's bytes as a document named `name`, choosing the reader by `format`.
pub fn read_bytes(
    name: &str,
    path: &str,
    format: Format,
    bytes: &[u8],
) -> (Document, Vec<Skipped>) {
    let mut skipped = Vec::new();
    // a byte-order mark would hide front matter and a doctype from the readers
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => {
            skipped.push(Skipped {
                path: path.to_string(),
                reason: "invalid UTF-8, decoded lossily".into(),
                loaded: true,
            });
            String::from_utf8_lossy(bytes)
        }
    };
    let format = sniff(format, &text);
    let (meta, blocks) = match format {
        Format::Text => (Meta::default(), plain::read(&text)),
        Format::Markdown => {
            let read = markdown::read(&text);
            if let Some(reason) = read.warning {
                skipped.push(Skipped {
                    path: path.to_string(),
                    reason,
                    loaded: true,
                });
            }
            (read.meta, read.blocks)
        }
        Format::Html => html::read(&text),
    };
    let doc = Document {
        name: name.to_string(),
        path: path.to_string(),
        format,
        meta,
        blocks,
    };
    (doc, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_does_not_hide_front_matter() {
        let (doc, skipped) = read_bytes(
            "post",
            "post.md",
            Format::Markdown,
            b"\xef\xbb\xbf---\ntitle: Pier vote\n---\nThe council voted.\n",
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Pier vote"));
        assert!(skipped.is_empty());
    }

    #[test]
    fn a_text_file_opening_with_front_matter_is_read_as_markdown() {
        let (doc, _) = read_bytes("p", "p.txt", Format::Text, b"---\ntitle: T\n---\nBody.\n");
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
    }
}
