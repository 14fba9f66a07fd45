//! A linear, non-recursive HTML tag scanner: the safety net under Readability. It estimates how
//! deeply a page nests (so a page that would be slow or unsafe to build into a tree is never
//! built), and reads the visible text of any page into blocks when Readability cannot.
//!
//! Guarantees: one pass over the input (plus one allocation per tag name), no recursion, no
//! panic on any text.

use std::collections::BTreeMap;

use crate::briefing::BlockKind;
use crate::ingest::html::entities::decode_entities;
use crate::ingest::Block;
use crate::text::fold::fold_space;
use crate::text::sanitize::sanitized;

/// One piece of an HTML page: text between tags, or a tag (its name in lower case).
#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Text(&'a str),
    Open { name: String, self_closing: bool },
    Close(String),
}

/// Cuts a page into [`Token`]s; comments, doctypes and processing instructions are passed over.
struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Tokens { rest: html }
    }

    /// Moves past the text up to `</name` (the end of a script or style), or to the end of
    /// the page when it never closes and `to_end` is set; otherwise stays put.
    fn skip_raw(&mut self, name: &str, to_end: bool) {
        let closing = format!("</{name}");
        match find_ignoring_case(self.rest, &closing) {
            Some(at) => self.rest = &self.rest[at..],
            None if to_end => self.rest = "",
            None => {}
        }
    }

    /// Moves past `len` bytes and returns them.
    fn take(&mut self, len: usize) -> &'a str {
        let (taken, rest) = self.rest.split_at(len.min(self.rest.len()));
        self.rest = rest;
        taken
    }

    /// Moves past the first `needle` (or to the end).
    fn skip_past(&mut self, needle: &str) {
        let at = self
            .rest
            .find(needle)
            .map_or(self.rest.len(), |i| i + needle.len());
        self.rest = &self.rest[at..];
    }

    /// A tag starting at `<`: its name, then past the closing `>` (quotes respected).
    fn tag(&mut self, closing: bool) -> Token<'a> {
        self.take(if closing { 2 } else { 1 });
        let name_len = self
            .rest
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(self.rest.len());
        let name = self.take(name_len).to_ascii_lowercase();
        let end = end_of_tag(self.rest);
        let self_closing = self.rest[..end].trim_end_matches('>').ends_with('/');
        self.take(end);
        if closing {
            Token::Close(name)
        } else {
            Token::Open { name, self_closing }
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(lt) = self.rest.find('<') else {
                return Some(Token::Text(self.take(self.rest.len())));
            };
            if lt > 0 {
                return Some(Token::Text(self.take(lt)));
            }
            let next = self.rest.as_bytes().get(1).copied().unwrap_or(b' ');
            let after = self.rest.as_bytes().get(2).copied().unwrap_or(b' ');
            match next {
                b'!' if self.rest.starts_with("<!--") => self.skip_past("-->"),
                b'!' | b'?' => self.skip_past(">"),
                b'/' if after.is_ascii_alphabetic() => return Some(self.tag(true)),
                c if c.is_ascii_alphabetic() => return Some(self.tag(false)),
                _ => return Some(Token::Text(self.take(1))),
            }
        }
    }
}

/// Byte length up to and including the `>` that ends a tag, skipping quoted attribute values.
fn end_of_tag(rest: &str) -> usize {
    let mut quote = None;
    for (i, b) in rest.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    rest.len()
}

/// Byte offset of `needle` (ASCII, lower case) in `haystack`, ignoring ASCII case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// Elements that never have content, so never nest.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content is raw text, not tags.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "plaintext"
    )
}

/// Elements that start a new block of text (and close an open `<p>`).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "blockquote"
            | "pre"
            | "hr"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "form"
            | "address"
            | "details"
            | "summary"
    )
}

/// The open elements while estimating depth, with a count per name so that a closing tag for
/// an element that is not open costs nothing.
#[derive(Default)]
struct OpenElements {
    stack: Vec<String>,
    count: BTreeMap<String, usize>,
}

impl OpenElements {
    fn push(&mut self, name: String) {
        *self.count.entry(name.clone()).or_default() += 1;
        self.stack.push(name);
    }

    fn pop(&mut self) {
        if let Some(name) = self.stack.pop() {
            if let Some(n) = self.count.get_mut(&name) {
                *n = n.saturating_sub(1);
            }
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.count.get(name).is_some_and(|&n| n > 0)
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.stack
            .last()
            .is_some_and(|t| names.contains(&t.as_str()))
    }

    /// Closes what the opening of `name` closes implicitly (`<p>` ends an open `<p>`, `<li>` an
    /// open `<li>`…), as an HTML parser would.
    fn close_implied_by(&mut self, name: &str) {
        if is_block(name) && self.top_is(&["p"]) {
            self.pop();
        }
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "option" => &["option"],
            "td" | "th" => &["td", "th"],
            "tr" => &["td", "th", "tr"],
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["h1", "h2", "h3", "h4", "h5", "h6"],
            _ => &[],
        };
        while self.top_is(closes) {
            self.pop();
        }
    }

    /// Closes `name` and everything opened inside it, if it is open.
    fn close(&mut self, name: &str) {
        if !self.is_open(name) {
            return;
        }
        while let Some(top) = self.stack.last() {
            let done = top == name;
            self.pop();
            if done {
                return;
            }
        }
    }
}

/// How deeply the page's elements nest, estimated in one pass: void elements, implied ends
/// (`<p>`, `<li>`) and stray closing tags are handled as an HTML parser would; anything
/// unusual errs on the deep side.
pub fn nesting_depth(html: &str) -> usize {
    let mut open = OpenElements::default();
    let mut deepest = 0;
    let mut tokens = Tokens::new(html);
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(_) => {}
            Token::Open { name, .. } if is_raw_text(&name) => tokens.skip_raw(&name, true),
            Token::Open { name, self_closing } => {
                let foreign = open.is_open("svg") || open.is_open("math");
                if is_void(&name) || (self_closing && foreign) {
                    continue;
                }
                open.close_implied_by(&name);
                open.push(name);
                deepest = deepest.max(open.stack.len());
            }
            Token::Close(name) => open.close(&name),
        }
    }
    deepest
}

/// Elements whose content is not visible text; `true`: one never closed hides the rest.
fn hidden(name: &str) -> Option<bool> {
    match name {
        "script" | "style" => Some(true),
        "head" | "title" | "noscript" | "template" | "svg" | "math" | "select" | "textarea"
        | "iframe" | "object" => Some(false),
        _ => None,
    }
}

/// Blocks being built from a scan: the text since the last block boundary, and how many
/// headings, list items and quotations are open (which decides a block's kind).
#[derive(Default)]
struct Builder {
    text: String,
    open: [usize; 3],
    blocks: Vec<Block>,
}

impl Builder {
    fn kind(&self) -> BlockKind {
        match self.open {
            [h, _, _] if h > 0 => BlockKind::Heading,
            [_, l, _] if l > 0 => BlockKind::ListItem,
            [_, _, q] if q > 0 => BlockKind::Quote,
            _ => BlockKind::Text,
        }
    }

    /// Counts `name` in or out of the open headings, list items and quotations.
    fn count(&mut self, name: &str, opening: bool) {
        if !opening && (name == "ul" || name == "ol") {
            self.open[1] = 0; // a list's end closes any item left open
        }
        let slot = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => 0,
            "li" => 1,
            "blockquote" => 2,
            _ => return,
        };
        self.open[slot] = if opening {
            self.open[slot] + 1
        } else {
            self.open[slot].saturating_sub(1)
        };
    }

    fn flush(&mut self) {
        if self.text.trim().is_empty() {
            self.text.clear();
            return;
        }
        let text = fold_space(&sanitized(&decode_entities(&self.text)));
        self.text.clear();
        if !text.is_empty() {
            let blank_before = !self.blocks.is_empty();
            let kind = self.kind();
            self.blocks.push(Block {
                text,
                kind,
                blank_before,
            });
        }
    }
}

/// The visible text of a page, by a linear scan: scripts, styles and the head dropped, block
/// tags ending blocks, headings, list items and block quotes kept as such, entities decoded.
pub fn strip_tags(html: &str) -> Vec<Block> {
    let mut out = Builder::default();
    let mut tokens = Tokens::new(html);
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => out.text.push_str(text),
            Token::Open { name, .. } => {
                if let Some(to_end) = hidden(&name) {
                    tokens.skip_raw(&name, to_end);
                    continue;
                }
                if is_block(&name) {
                    out.flush();
                }
                out.count(&name, true);
            }
            Token::Close(name) => {
                if is_block(&name) {
                    out.flush();
                }
                out.count(&name, false);
            }
        }
    }
    out.flush();
    out.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(BlockKind, String)> {
        strip_tags(html)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn void_elements_implied_ends_and_svg_shapes_do_not_count_as_nesting() {
        let page = format!(
            "<html><head>{}</head><body><ul>{}</ul><svg>{}</svg>{}</body></html>",
            "<meta charset=utf-8><link rel=x>".repeat(300),
            "<li>item<p>para".repeat(300),
            "<path d='M0'/>".repeat(300),
            "<p>one<br>two<img src=x>".repeat(300),
        );
        assert!(nesting_depth(&page) < 10, "{}", nesting_depth(&page));
    }

    #[test]
    fn unclosed_or_self_closed_containers_count_as_nesting() {
        assert_eq!(nesting_depth(&"<div>".repeat(500)), 500);
        assert_eq!(nesting_depth(&"<div/>".repeat(500)), 500);
        assert_eq!(nesting_depth(&"<b><i></i></b>".repeat(500)), 2);
    }

    #[test]
    fn tags_inside_scripts_comments_and_attributes_are_not_tags() {
        let page = "<p title='a > b'>x</p><!-- <div><div> --><script>'<div><div>'</script>";
        assert_eq!(nesting_depth(page), 1);
        assert_eq!(texts(page), [(BlockKind::Text, "x".to_string())]);
    }

    #[test]
    fn the_fallback_drops_scripts_and_the_head_and_decodes_entities() {
        let got = texts(
            "<head><title>Site</title></head><p>Fish &amp; chips &#8211; &#x2019;</p>\
             <script>var x = '<p>no</p>';</script><p>Tea&nbsp;time &bogus; & more</p>",
        );
        let want = ["Fish & chips – ’", "Tea time &bogus; & more"];
        assert_eq!(
            got.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
            want
        );
    }

    #[test]
    fn the_fallback_keeps_headings_list_items_and_quotations() {
        let got = texts(
            "<h2>Plan</h2><ul><li>One</li><li>Two</ul><blockquote><p>Said.</p></blockquote>x < y",
        );
        let want = [
            (BlockKind::Heading, "Plan"),
            (BlockKind::ListItem, "One"),
            (BlockKind::ListItem, "Two"),
            (BlockKind::Quote, "Said."),
            (BlockKind::Text, "x < y"),
        ];
        let want: Vec<(BlockKind, String)> =
            want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_script_that_never_closes_hides_the_rest_but_a_title_does_not() {
        assert!(texts("<p>a</p><script>var x = 1; <p>b</p>").len() == 1);
        assert_eq!(texts("<title>T <p>body text").len(), 2);
    }
}
