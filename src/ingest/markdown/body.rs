//! A Markdown body → blocks, with pulldown-cmark (tables and strikethrough on).
//!
//! - Paragraphs → `Text`, headings → `Heading`, list items → `ListItem`, block quotes → `Quote`
//!   (a paragraph inside an item or quote takes the container's kind).
//! - Emphasis, links and strikethrough are reduced to their text; images (alt text), footnote
//!   marks and inline HTML tags are dropped (an inline tag counts as a space, so `a<br>b` stays
//!   two words). Soft and hard line breaks are spaces: a paragraph stays one block.
//! - Raw HTML blocks are read by the HTML tag scanner, so text a blog export left in `<p>` tags
//!   is kept and scripts are not.
//! - Code blocks are kept as text blocks (one block each, spaces folded): in an article they are
//!   usually quoted material, and dropping text silently is worse than showing it.
//! - A table row is one `Row` block, its cells joined by ` | `.
//!
//! Every block is sanitized; every block after the first has `blank_before` set.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::briefing::BlockKind;
use crate::ingest::html::scan::strip_tags;
use crate::ingest::Block;
use crate::text::fold::fold_space;
use crate::text::sanitize::sanitized;

/// The blocks of a Markdown body (no front matter), in order.
pub fn blocks(body: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Builder::default();
    for event in Parser::new_ext(body, options) {
        out.event(event);
    }
    out.flush();
    for (i, block) in out.blocks.iter_mut().enumerate() {
        block.blank_before = i > 0;
    }
    out.blocks
}

/// Blocks being built: the text of the open block, the kinds of the open containers, and the
/// raw HTML of an open HTML block.
#[derive(Default)]
struct Builder {
    text: String,
    kinds: Vec<BlockKind>,
    /// Inside an image: its alt text is not body text.
    in_image: usize,
    html: Option<String>,
    blocks: Vec<Block>,
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::Image { .. }) => self.in_image += 1,
            Event::End(TagEnd::Image) => self.in_image = self.in_image.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) => self.html = Some(String::new()),
            Event::End(TagEnd::HtmlBlock) => self.end_html(),
            Event::Html(raw) => match &mut self.html {
                Some(html) => html.push_str(&raw),
                None => self.text.push(' '),
            },
            Event::Start(Tag::TableCell) if !self.text.trim().is_empty() => {
                self.text.push_str(" | ")
            }
            Event::Start(tag) => self.start(&tag),
            Event::End(end) if is_block_end(&end) => {
                self.flush();
                self.kinds.pop();
            }
            Event::Text(t) | Event::Code(t) if self.in_image == 0 => self.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => self.text.push(' '),
            _ => {}
        }
    }

    /// Opens a block: the text so far belongs to the enclosing one.
    fn start(&mut self, tag: &Tag) {
        let Some(kind) = block_kind(tag) else {
            return;
        };
        self.flush();
        let parent = self.kinds.last().copied();
        // a paragraph inside a list item or block quote keeps the container's kind
        let kind = match parent {
            Some(p) if *tag == Tag::Paragraph && p != BlockKind::Heading => p,
            _ => kind,
        };
        self.kinds.push(kind);
    }

    fn end_html(&mut self) {
        if let Some(html) = self.html.take() {
            self.flush();
            self.blocks.extend(strip_tags(&html));
        }
    }

    /// Ends the current block, if it has any text.
    fn flush(&mut self) {
        let clean = fold_space(&sanitized(&self.text));
        self.text.clear();
        if !clean.is_empty() {
            self.blocks.push(Block {
                text: clean,
                kind: self.kinds.last().copied().unwrap_or_default(),
                blank_before: true,
            });
        }
    }
}

fn block_kind(tag: &Tag) -> Option<BlockKind> {
    match tag {
        Tag::Paragraph | Tag::CodeBlock(_) => Some(BlockKind::Text),
        Tag::TableHead | Tag::TableRow => Some(BlockKind::Row),
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
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> Vec<(BlockKind, String)> {
        blocks(body).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    fn pairs(want: &[(BlockKind, &str)]) -> Vec<(BlockKind, String)> {
        want.iter().map(|(k, t)| (*k, t.to_string())).collect()
    }

    #[test]
    fn line_breaks_and_inline_tags_are_spaces_inside_one_paragraph() {
        let got =
            read("One line\nsoft break  \nhard break<br>tag and ~~struck~~ ![alt](x.png)end\n");
        assert_eq!(
            got,
            pairs(&[(
                BlockKind::Text,
                "One line soft break hard break tag and struck end"
            )])
        );
    }

    #[test]
    fn raw_html_blocks_keep_their_text_but_not_their_scripts() {
        let got = read("Intro.\n\n<div class=\"x\">\n<p>Kept &amp; read.</p>\n<script>no()</script>\n</div>\n\nAfter.\n");
        assert_eq!(
            got,
            pairs(&[
                (BlockKind::Text, "Intro."),
                (BlockKind::Text, "Kept & read."),
                (BlockKind::Text, "After."),
            ])
        );
    }

    #[test]
    fn table_rows_are_blocks_and_code_blocks_are_kept_as_text() {
        let got = read("| Ward | Votes |\n|---|---|\n| North | 12 |\n\n```\nlet x = 1;\nx\n```\n");
        assert_eq!(
            got,
            pairs(&[
                (BlockKind::Row, "Ward | Votes"),
                (BlockKind::Row, "North | 12"),
                (BlockKind::Text, "let x = 1; x"),
            ])
        );
    }

    #[test]
    fn every_block_after_the_first_follows_a_blank() {
        let got: Vec<bool> = blocks("# A\ntext\n- item\n")
            .iter()
            .map(|b| b.blank_before)
            .collect();
        assert_eq!(got, [false, true, true]);
    }

    #[test]
    fn ten_thousand_nested_quotes_and_lists_do_not_overflow() {
        let deep = format!(
            "{}deep\n\n{}x\n\n{}",
            ">".repeat(10_000),
            "- ".repeat(10_000),
            "[".repeat(10_000)
        );
        let got = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || blocks(&deep).len())
            .expect("spawn")
            .join()
            .expect("no overflow");
        assert!(got >= 2);
    }
}
