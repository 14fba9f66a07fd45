//! The article Readability kept, read into blocks by walking its tree: no recursion, one pass,
//! text appended as it comes and folded once per block.
//!
//! Headings → `Heading`, list items → `ListItem`, block quotes → `Quote`, paragraphs and other
//! block elements → `Text` (a paragraph inside a list item or quote takes the container's kind,
//! as in a Markdown body). A table row is one `Row` block, its cells joined by ` | `; a `<pre>`
//! block is one `Text` block; a block element inside a row, a `<pre>` or a heading is a space,
//! so a cell's paragraphs stay in their row.
//!
//! A line break ends a line: the next block follows it without a blank, as a plain text file's
//! next line does, so the byline and the date line an older page writes under its headline are
//! lines of their own, and lines wrapped with `<br>` are joined again by the cleaner. Two in a
//! row end a paragraph. Inside a heading, a row or a `<pre>`, a line break is a space. Links and
//! emphasis are reduced to their text; images, scripts, styles and `<noscript>` give none.
//!
//! Reading the tree itself, rather than dom_smoothie's Markdown rendering of it parsed back
//! with pulldown-cmark, spares the round trip (a tenth of a saved page's time) and the
//! escaping it depends on: text that looks like Markdown ("2024. A year of floods") stays text.

use dom_query::{local_name, NodeData, NodeId, NodeRef, Tree};

use crate::briefing::BlockKind;
use crate::ingest::Block;
use crate::text::fold::fold_space;
use crate::text::sanitize::sanitized;

/// What an element does to the blocks being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Its text runs on in the enclosing block (`span`, `a`, `em`…).
    Inline,
    /// Gives no text (`script`, `style`, `noscript`, `template`, `head`).
    Skip,
    /// `<br>`.
    Break,
    /// `<td>`, `<th>`: joined to the cell before by ` | `.
    Cell,
    /// `<h1>` … `<h6>`.
    Heading,
    /// `<li>`.
    Item,
    /// `<blockquote>`.
    Quote,
    /// `<tr>`: one block whatever it holds.
    Row,
    /// `<pre>`: one block whatever it holds.
    Pre,
    /// Any other block element: a block of the enclosing container's kind.
    Para,
}

fn role(name: &dom_query::LocalName) -> Role {
    match *name {
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("head")
        | local_name!("meta") => Role::Skip,
        local_name!("br") => Role::Break,
        local_name!("td") | local_name!("th") => Role::Cell,
        local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6") => Role::Heading,
        local_name!("li") => Role::Item,
        local_name!("blockquote") => Role::Quote,
        local_name!("tr") => Role::Row,
        local_name!("pre") => Role::Pre,
        local_name!("p")
        | local_name!("div")
        | local_name!("section")
        | local_name!("article")
        | local_name!("main")
        | local_name!("header")
        | local_name!("footer")
        | local_name!("aside")
        | local_name!("nav")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("table")
        | local_name!("caption")
        | local_name!("hr")
        | local_name!("figure")
        | local_name!("figcaption")
        | local_name!("address")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("form")
        | local_name!("fieldset") => Role::Para,
        _ => Role::Inline,
    }
}

/// The blocks of the element `root` (not counting its own tag), in document order. Every block
/// is sanitized; every block after the first has `blank_before` set.
pub fn blocks(root: &NodeRef) -> Vec<Block> {
    let tree = root.tree;
    let mut out = Builder::default();
    // the elements entered and not yet left, with the role each was opened with
    let mut open: Vec<Opened> = Vec::new();
    let mut at = tree.query_node(&root.id, |n| n.first_child).flatten();
    while let Some(id) = at {
        // the node itself: its text, or what its tag opens
        let parent_lays_out = open.last().is_some_and(|o| o.lays_out);
        let (opened, child) = tree
            .query_node(&id, |node| match &node.data {
                NodeData::Text { contents } => {
                    out.text(contents);
                    (None, None)
                }
                NodeData::Element(element) => {
                    match role_in(tree, id, &element.name.local, parent_lays_out) {
                        Opened {
                            role: Role::Skip, ..
                        } => (None, None),
                        o => {
                            out.open(o.role);
                            (Some(o), node.first_child)
                        }
                    }
                }
                _ => (None, None),
            })
            .unwrap_or((None, None));
        if child.is_some() {
            open.push(opened.unwrap_or(Opened::INLINE));
            at = child;
            continue;
        }
        if let Some(o) = opened {
            out.close(o.role);
        }
        // past the node: its next sibling, or up through the elements it ends
        let mut node = id;
        at = loop {
            let (next, parent) = tree
                .query_node(&node, |n| (n.next_sibling, n.parent))
                .unwrap_or((None, None));
            if next.is_some() {
                break next;
            }
            match (parent, open.pop()) {
                (Some(p), Some(o)) if p != root.id => {
                    out.close(o.role);
                    node = p;
                }
                _ => break None,
            }
        };
    }
    out.flush();
    if let Some(first) = out.blocks.first_mut() {
        first.blank_before = false;
    }
    out.blocks
}

/// An element as the walk opened it.
#[derive(Debug, Clone, Copy)]
struct Opened {
    role: Role,
    /// A table row laid out as a page: its cells are paragraphs.
    lays_out: bool,
}

impl Opened {
    const INLINE: Opened = Opened {
        role: Role::Inline,
        lays_out: false,
    };
}

/// The most characters a row of data holds; a row with more lays out a page (an older page
/// set in a table, its article in one cell), and it and its cells are read as paragraphs.
const DATA_ROW_CHARS: usize = 400;

/// The element `id` named `name` as the walk opens it: a row laid out as a page is a
/// paragraph, as are its cells (`in_layout_row`), not a row of data and its cells.
fn role_in(tree: &Tree, id: NodeId, name: &dom_query::LocalName, in_layout_row: bool) -> Opened {
    match role(name) {
        Role::Row if has_chars(&NodeRef::new(id, tree), DATA_ROW_CHARS + 1) => Opened {
            role: Role::Para,
            lays_out: true,
        },
        Role::Cell if in_layout_row => Opened {
            role: Role::Para,
            lays_out: false,
        },
        role => Opened {
            role,
            lays_out: false,
        },
    }
}

/// Whether the text of the element `root` has at least `chars` characters, white space runs
/// counted as one: dom_query's `normalized_char_count`, which stops counting there.
pub fn has_chars(root: &NodeRef, chars: usize) -> bool {
    let tree = root.tree;
    let mut count = 0usize;
    let mut last_was_space = true;
    for id in std::iter::once(root.id).chain(tree.descendant_ids_of_it(&root.id)) {
        tree.query_node(&id, |node| {
            if let NodeData::Text { contents } = &node.data {
                for c in contents.chars() {
                    let space = c.is_whitespace();
                    if !(last_was_space && space) {
                        count += 1;
                    }
                    last_was_space = space;
                }
            }
        });
        // a final run of white space counts one less: past one more, the answer is known
        if count > chars {
            return true;
        }
    }
    let trailing = usize::from(last_was_space && count > 0);
    count - trailing >= chars
}

/// Blocks being built.
#[derive(Default)]
struct Builder {
    /// The text of the open block.
    text: String,
    /// The kinds of the open block elements.
    kinds: Vec<BlockKind>,
    /// The depth of block elements inside a row, `<pre>` or heading, itself included: they
    /// are spaces, not blocks.
    joined: usize,
    /// Whether a line break came last, with only white space since.
    after_break: bool,
    /// Whether the next block follows a single line break, not a blank.
    line_after: bool,
    blocks: Vec<Block>,
}

impl Builder {
    fn text(&mut self, text: &str) {
        self.text.push_str(text);
        if self.after_break && !text.bytes().all(|b| b.is_ascii_whitespace()) {
            self.after_break = false;
        }
    }

    fn open(&mut self, role: Role) {
        match role {
            Role::Inline | Role::Skip => {}
            Role::Break if self.joined > 0 => self.text.push(' '),
            Role::Break if self.after_break => {
                self.flush();
                self.line_after = false;
            }
            Role::Break => {
                self.flush();
                self.line_after = true;
                self.after_break = true;
            }
            Role::Cell => {
                if !self.text.trim().is_empty() {
                    self.text.push_str(" | ");
                }
            }
            _ if self.joined > 0 => {
                self.joined += 1;
                self.text.push(' ');
            }
            Role::Heading | Role::Item | Role::Quote | Role::Row | Role::Pre | Role::Para => {
                self.flush();
                let parent = self.kinds.last().copied();
                let kind = match role {
                    Role::Heading => BlockKind::Heading,
                    Role::Item => BlockKind::ListItem,
                    Role::Quote => BlockKind::Quote,
                    Role::Row => BlockKind::Row,
                    Role::Para => match parent {
                        Some(p @ (BlockKind::ListItem | BlockKind::Quote)) => p,
                        _ => BlockKind::Text,
                    },
                    _ => BlockKind::Text,
                };
                self.kinds.push(kind);
                if matches!(role, Role::Heading | Role::Row | Role::Pre) {
                    self.joined = 1;
                }
            }
        }
    }

    fn close(&mut self, role: Role) {
        match role {
            Role::Inline | Role::Skip | Role::Break | Role::Cell => {}
            _ if self.joined > 1 => {
                self.joined -= 1;
                self.text.push(' ');
            }
            _ => {
                self.joined = 0;
                self.flush();
                self.kinds.pop();
            }
        }
    }

    /// Ends the current block, if it has any text.
    fn flush(&mut self) {
        let clean = fold_space(&sanitized(&self.text));
        self.text.clear();
        self.after_break = false;
        if !clean.is_empty() {
            self.blocks.push(Block {
                text: clean,
                kind: self.kinds.last().copied().unwrap_or_default(),
                blank_before: !self.line_after,
            });
            self.line_after = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    /// The blocks of a page's `<body>`, as (kind, text).
    fn read(body: &str) -> Vec<(BlockKind, String)> {
        let doc = Document::from(format!("<html><body>{body}</body></html>"));
        let root = doc.select_single("body").nodes()[0];
        blocks(&root)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    fn pairs(want: &[(BlockKind, &str)]) -> Vec<(BlockKind, String)> {
        want.iter().map(|(k, t)| (*k, t.to_string())).collect()
    }

    use BlockKind::{Heading, ListItem, Quote, Row, Text};

    #[test]
    fn blocks_keep_their_kind_and_containers_lend_theirs() {
        let got = read(
            "<h2>What <span>comes</span> next</h2>\
             <p>One <a href=\"/x\">linked</a> and <em>stressed</em> word.</p>\
             <ul><li>First item</li><li><p>Item paragraph</p><ul><li>Nested</li></ul></li></ul>\
             <blockquote><p>Quoted once.</p><p>Quoted twice.</p></blockquote>\
             <div>Loose text <p>inner</p> tail</div>",
        );
        assert_eq!(
            got,
            pairs(&[
                (Heading, "What comes next"),
                (Text, "One linked and stressed word."),
                (ListItem, "First item"),
                (ListItem, "Item paragraph"),
                (ListItem, "Nested"),
                (Quote, "Quoted once."),
                (Quote, "Quoted twice."),
                (Text, "Loose text"),
                (Text, "inner"),
                (Text, "tail"),
            ])
        );
    }

    #[test]
    fn a_table_row_is_one_block_whatever_its_cells_hold() {
        let got = read(
            "<table><thead><tr><th>Ward</th><th>Votes</th></tr></thead>\
             <tbody><tr><td><p>North</p><p>side</p></td><td>12</td></tr>\
             <tr><td>South</td></tr></tbody></table>\
             <pre>let x = 1;\n    x</pre>",
        );
        assert_eq!(
            got,
            pairs(&[
                (Row, "Ward | Votes"),
                (Row, "North side | 12"),
                (Row, "South"),
                (Text, "let x = 1; x"),
            ])
        );
    }

    #[test]
    fn a_row_laid_out_as_a_page_is_read_as_paragraphs() {
        let para = "The council voted on Tuesday night to replace the aging bridge on Route 9, \
                    a span that inspectors rated deficient in each of their last three reports.";
        let got = read(&format!(
            "<table><tr><td>Menu</td><td><p>{para}</p><p>{para}</p><p>{para}</p></td></tr>\
             <tr><td>North</td><td>12</td></tr></table>"
        ));
        assert_eq!(
            got,
            pairs(&[
                (Text, "Menu"),
                (Text, para),
                (Text, para),
                (Text, para),
                (Row, "North | 12"),
            ])
        );
    }

    #[test]
    fn a_line_break_ends_a_line_and_two_end_a_paragraph() {
        let doc = Document::from(
            "<html><body><div>Council approves bridge<br>By Walter Finney<br>\
             Posted October 16, 2003<br> <br>The council voted on Tuesday.</div>\
             <h3>A heading<br>on two lines</h3></body></html>",
        );
        let root = doc.select_single("body").nodes()[0];
        let got: Vec<(String, bool)> = blocks(&root)
            .into_iter()
            .map(|b| (b.text, b.blank_before))
            .collect();
        let want = [
            ("Council approves bridge", false),
            ("By Walter Finney", false),
            ("Posted October 16, 2003", false),
            ("The council voted on Tuesday.", true),
            ("A heading on two lines", true),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(t, b)| (t.to_string(), *b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn text_that_looks_like_markdown_stays_text() {
        let got = read(
            "<p>2024. A year of floods</p><p># 1 in the charts</p>\
             <p>- minus five, *starred* and a_b | c [link](x) `tick`</p>",
        );
        assert_eq!(
            got,
            pairs(&[
                (Text, "2024. A year of floods"),
                (Text, "# 1 in the charts"),
                (Text, "- minus five, *starred* and a_b | c [link](x) `tick`"),
            ])
        );
    }

    #[test]
    fn scripts_styles_noscript_and_images_give_no_text() {
        let got = read(
            "<p>Before<script>var x = 1;</script><style>p{}</style> after</p>\
             <noscript>Please enable JavaScript</noscript>\
             <figure><img src=\"a.jpg\" alt=\"A photo\"><figcaption>Photo: Reuters</figcaption></figure>\
             <p>A&amp;B\u{a0}&mdash; caf&eacute;</p>",
        );
        assert_eq!(
            got,
            pairs(&[
                (Text, "Before after"),
                (Text, "Photo: Reuters"),
                (Text, "A&B — café"),
            ])
        );
    }

    #[test]
    fn ten_thousand_nested_elements_are_walked_without_recursion() {
        let deep = format!(
            "{}deep{}",
            "<div><span>".repeat(5_000),
            "</span></div>".repeat(5_000)
        );
        let got = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || read(&deep))
            .expect("spawn")
            .join()
            .expect("no overflow");
        assert_eq!(got, pairs(&[(Text, "deep")]));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(300, 41))]
        #[test]
        fn has_chars_agrees_with_the_full_count(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("<p>".to_string()),
                    proptest::strategy::Just("</p>".to_string()),
                    proptest::strategy::Just("<b>".to_string()),
                    proptest::strategy::Just("  \n ".to_string()),
                    "[a-zé ]{0,12}",
                ],
                0..40,
            ),
            threshold in 0usize..80,
        ) {
            let doc = Document::from(format!("<html><body>{}</body></html>", parts.concat()));
            let root = doc.select_single("body").nodes()[0];
            proptest::prop_assert_eq!(
                has_chars(&root, threshold),
                root.normalized_char_count() >= threshold
            );
        }
    }
}
