//! Markdown with optional YAML front matter. The front matter (title, date, author, source) is
//! parsed with serde, tolerating unknown fields and odd types (a list of authors, a number as
//! title, `author: {name: …}`); the body is read by [`body`] into blocks.
//!
//! A front matter that never closes, or that is not a YAML mapping, is a warning: the whole file
//! is then read as body, so no text is lost.

pub mod body;

use serde::Deserialize;
use serde_yaml_ng::Value;

use crate::briefing::Meta;
use crate::ingest::date::parse_date;
use crate::ingest::Block;
use crate::text::fold::fold_space;
use crate::text::sanitize::sanitized;

pub use body::blocks;

/// Front matter fields Parallax reads; anything else is ignored, wrong types are tolerated.
/// Site generators name the same field differently (Jekyll `date`, Hugo `publishDate` and
/// `authors`, Astro `pubDate`, Ghost `published_at`): each name is a field of its own, read in
/// the order given here, because aliases of one field would make a file that has two of them
/// ("date" and "pubDate") fail to parse and lose all its metadata.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FrontMatter {
    title: Option<Value>,
    headline: Option<Value>,
    date: Option<Value>,
    #[serde(rename = "pubDate")]
    pub_date: Option<Value>,
    #[serde(rename = "publishDate")]
    publish_date: Option<Value>,
    published_at: Option<Value>,
    /// Jekyll's `published: false` is a flag, which [`scalar`] reads as no value.
    published: Option<Value>,
    author: Option<Value>,
    authors: Option<Value>,
    byline: Option<Value>,
    source: Option<Value>,
    publication: Option<Value>,
    publisher: Option<Value>,
    site_name: Option<Value>,
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
    let Some((front, body)) = split_front_matter(text) else {
        let warning =
            opens_front_matter(text).then(|| "front matter never closes; read as body".to_string());
        return as_body(text, warning);
    };
    if front.trim().is_empty() {
        return as_body(body, None);
    }
    match serde_yaml_ng::from_str::<FrontMatter>(front) {
        Ok(fm) => Read {
            meta: to_meta(fm),
            blocks: blocks(body),
            warning: None,
        },
        Err(e) => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or_default();
            let warning = format!("front matter is not a YAML mapping ({first}); read as body");
            as_body(text, Some(warning))
        }
    }
}

fn as_body(text: &str, warning: Option<String>) -> Read {
    Read {
        meta: Meta::default(),
        blocks: blocks(text),
        warning,
    }
}

fn opens_front_matter(text: &str) -> bool {
    text.starts_with("---\n") || text.starts_with("---\r\n")
}

/// Splits `---\n…\n---` (or `...`) front matter from the body; `None` when there is none or
/// it never closes.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// A front matter value as one line of text: lists joined with commas, `{name: …}` by its name.
fn scalar(value: Option<Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Sequence(items) => items
            .into_iter()
            .filter_map(|v| scalar(Some(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Mapping(mut map) => return scalar(map.remove("name")),
        Value::Tagged(tagged) => return scalar(Some(tagged.value)),
        Value::Null | Value::Bool(_) => return None,
    };
    let clean = fold_space(&sanitized(&text));
    (!clean.is_empty()).then_some(clean)
}

/// The first of `values` that holds text.
fn first<const N: usize>(values: [Option<Value>; N]) -> Option<String> {
    values.into_iter().find_map(scalar)
}

fn to_meta(fm: FrontMatter) -> Meta {
    let dates = [
        fm.date,
        fm.pub_date,
        fm.publish_date,
        fm.published_at,
        fm.published,
    ];
    Meta {
        title: first([fm.title, fm.headline]),
        author: first([fm.author, fm.authors, fm.byline]),
        date: dates
            .into_iter()
            .find_map(|d| scalar(d).and_then(|d| parse_date(&d))),
        source: first([fm.source, fm.publication, fm.publisher, fm.site_name]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::BlockKind;

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
        assert_eq!(read.blocks.last().map(|b| b.text.as_str()), Some("Text."));
    }

    #[test]
    fn odd_front_matter_types_are_tolerated() {
        let read = read("---\ntitle: 1984\nauthor: [Ana Ruiz, Jo Park]\ndate: August 19, 2025\ncategories: news\ntags: {a: 1}\n---\nText.\n");
        assert_eq!(read.meta.title.as_deref(), Some("1984"));
        assert_eq!(read.meta.author.as_deref(), Some("Ana Ruiz, Jo Park"));
        assert_eq!(read.meta.date.as_deref(), Some("2025-08-19"));
        let read =
            super::read("---\nauthor:\n  name: Sam Lee\n  email: s@x\ndate: [bad]\n---\nText.\n");
        assert_eq!(read.meta.author.as_deref(), Some("Sam Lee"));
        assert_eq!(read.meta.date, None);
        assert!(read.warning.is_none());
    }

    #[test]
    fn site_generators_field_names_are_read() {
        let read = super::read("---\nheadline: Tides\npubDate: 2025-03-14\nauthors:\n  - Ana Ruiz\n  - Jo Park\npublisher:\n  name: Coast Weekly\n---\nText.\n");
        assert_eq!(read.meta.title.as_deref(), Some("Tides"));
        assert_eq!(read.meta.date.as_deref(), Some("2025-03-14"));
        assert_eq!(read.meta.author.as_deref(), Some("Ana Ruiz, Jo Park"));
        assert_eq!(read.meta.source.as_deref(), Some("Coast Weekly"));
        // two names for one field: the first that holds a value wins, nothing is lost
        let read = super::read("---\ntitle: A\nheadline: B\ndate: [bad]\npublishDate: 2024-01-02\npublished: true\n---\nText.\n");
        assert!(read.warning.is_none());
        assert_eq!(read.meta.title.as_deref(), Some("A"));
        assert_eq!(read.meta.date.as_deref(), Some("2024-01-02"));
        let read = super::read(
            "---\npublished_at: 2023-05-06T10:00:00.000Z\nsite_name: The Ledger\n---\nText.\n",
        );
        assert_eq!(read.meta.date.as_deref(), Some("2023-05-06"));
        assert_eq!(read.meta.source.as_deref(), Some("The Ledger"));
    }

    #[test]
    fn empty_front_matter_is_no_front_matter() {
        let read = read("---\n---\nText.\n");
        assert!(read.warning.is_none());
        assert_eq!(read.blocks.len(), 1);
    }

    #[test]
    fn prose_between_rules_is_body_not_front_matter() {
        let read = read("---\nThe council met.\n\n---\nIt voted.\n");
        assert!(read.warning.is_some());
        let texts: Vec<&str> = read.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["The council met.", "It voted."]);
    }
}
