//! Markdown with optional YAML front matter. The front matter (title, date, author, excerpt,
//! categories) is parsed with serde; the body with pulldown-cmark into blocks — paragraphs,
//! headings, list items and block quotes kept as such, emphasis and links reduced to their text,
//! inline HTML and images dropped, code kept as text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::briefing::{BlockKind, Meta};
use crate::ingest::date::parse_date;
use crate::ingest::Block;
use crate::text::sanitize::sanitize;

/// Front matter fields Parallax reads; anything else is ignored, wrong types are tolerated.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FrontMatter {
    title: Option<serde_yaml::Value>,
    date: Option<serde_yaml::Value>,
    author: Option<serde_yaml::Value>,
    source: Option<serde_yaml::Value>,
}

/// What reading a Markdown file found: metadata, blocks, and a problem worth a warning.
pub struct Read {
    /// Metadata from the front matter.
    pub meta: Meta,
    /// The body's blocks.
    pub blocks: Vec<Block>,
    /// A front matter that could not be used, and why.
    pub warning: Option<String>,
}

/// Reads front matter into [`Meta`] and the body into blocks.
pub fn read(text: &str) -> Read {
    let (front, body, warning) = split_front_matter(text);
    let (meta, warning) = match front.map(serde_yaml::from_str::<FrontMatter>) {
        None => (Meta::default(), warning),
        Some(Ok(fm)) => (to_meta(fm), warning),
        Some(Err(e)) => (
            Meta::default(),
            Some(format!(
                "front matter is not valid YAML ({e}); read as body"
            )),
        ),
    };
    Read {
        meta,
        blocks: blocks(body),
        warning,
    }
}

/// Splits `---\n…\n---` front matter from the body. A front matter that never closes is read
/// as body text, with a warning.
fn split_front_matter(text: &str) -> (Option<&str>, &str, Option<String>) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text, None);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(&rest[..offset]), &rest[offset + line.len()..], None);
        }
        offset += line.len();
    }
    (
        None,
        text,
        Some("front matter never closes; read as body".into()),
    )
}

fn scalar(value: Option<serde_yaml::Value>) -> Option<String> {
    let text = match value? {
        serde_yaml::Value::String(s) => s,
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Sequence(items) => items
            .into_iter()
            .filter_map(|v| scalar(Some(v)))
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    let clean = crate::text::fold::fold_space(&sanitize(&text));
    (!clean.is_empty()).then_some(clean)
}

fn to_meta(fm: FrontMatter) -> Meta {
    let date = scalar(fm.date).and_then(|d| parse_date(&d));
    Meta {
        title: scalar(fm.title),
        author: scalar(fm.author),
        date,
        source: scalar(fm.source),
    }
}

/// The blocks of a Markdown body (no front matter), in order.
pub fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut kinds: Vec<BlockKind> = Vec::new();
    let mut skip = 0usize; // inside an image: its alt text is not body text
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::Image) => skip = skip.saturating_sub(1),
            Event::Start(tag) => {
                if let Some(kind) = block_kind(&tag) {
                    let parent = kinds.last().copied().unwrap_or_default();
                    flush(&mut text, &mut out, parent);
                    // a paragraph inside a list item or block quote keeps the container's kind
                    kinds.push(if tag == Tag::Paragraph && parent != BlockKind::Heading {
                        parent
                    } else {
                        kind
                    });
                }
            }
            Event::End(end) if is_block_end(&end) => {
                flush(
                    &mut text,
                    &mut out,
                    kinds.last().copied().unwrap_or_default(),
                );
                kinds.pop();
            }
            Event::Text(t) | Event::Code(t) if skip == 0 => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    flush(&mut text, &mut out, BlockKind::Text);
    out
}

fn block_kind(tag: &Tag) -> Option<BlockKind> {
    match tag {
        Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::TableCell => {
            Some(BlockKind::Text)
        }
        Tag::Heading { .. } => Some(BlockKind::Heading),
        Tag::Item => Some(BlockKind::ListItem),
        Tag::BlockQuote(_) => Some(BlockKind::Quote),
        _ => None,
    }
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::TableCell
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
    )
}

/// Ends the current block: a paragraph inside a list item or block quote takes that kind.
fn flush(text: &mut String, out: &mut Vec<Block>, kind: BlockKind) {
    let clean = crate::text::fold::fold_space(&sanitize(text));
    text.clear();
    if !clean.is_empty() {
        let blank_before = !out.is_empty();
        out.push(Block {
            text: clean,
            kind,
            blank_before,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_title_author_and_an_iso_date() {
        let read = read("---\ntitle: \"A vote\"\ndate: 2025-08-19T23:22:36\nauthor: Jo\ncategories: [News]\n---\nBody text.\n");
        assert_eq!(read.meta.title.as_deref(), Some("A vote"));
        assert_eq!(read.meta.date.as_deref(), Some("2025-08-19"));
        assert_eq!(read.meta.author.as_deref(), Some("Jo"));
        assert_eq!(read.blocks.len(), 1);
        assert!(read.warning.is_none());
    }

    #[test]
    fn structure_is_kept_and_inline_markup_reduced_to_text() {
        let read = read(
            "# Head\n\nSome *emphasis* and a [link](http://x).\n\n- one\n- two\n\n> quoted words\n",
        );
        let got: Vec<(BlockKind, &str)> = read
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Head"),
                (BlockKind::Text, "Some emphasis and a link."),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
                (BlockKind::Quote, "quoted words"),
            ]
        );
    }

    #[test]
    fn a_front_matter_that_never_closes_is_body_with_a_warning() {
        let read = read("---\ntitle: x\nand the rest\n");
        assert!(read.warning.is_some());
        assert!(read.meta.title.is_none());
        assert!(!read.blocks.is_empty());
    }

    #[test]
    fn invalid_yaml_is_a_warning_not_an_error() {
        let read = read("---\ntitle: [unclosed\n---\nText.\n");
        assert!(read.warning.is_some());
        assert_eq!(read.blocks.len(), 1);
    }
}
