//! Saved HTML pages. The main text is found by `dom_smoothie`, a maintained Rust port of Mozilla
//! Readability (the algorithm behind Firefox's reader view), which also reads the title, byline,
//! publication time and site name from the usual meta tags and JSON-LD. Its Markdown text output
//! is read into blocks by the Markdown reader, so headings, lists and quotes keep their kind.
//!
//! A page Readability cannot use (too little text) or one nested too deeply to walk safely falls
//! back to a linear tag-stripping scan, so every page yields its visible text.

use dom_smoothie::{Config, Readability, TextMode};

use crate::briefing::Meta;
use crate::ingest::date::parse_date;
use crate::ingest::{markdown, plain, Block};
use crate::text::fold::fold_space;
use crate::text::sanitize::sanitize;

/// Pages nested deeper than this are not handed to the tree walker (its recursion could
/// overflow the stack); the linear fallback reads them.
const MAX_DEPTH: usize = 400;

/// Reads the main text of a page into blocks, with title, byline, date and site name.
pub fn read(html: &str) -> (Meta, Vec<Block>) {
    if nesting_depth(html) > MAX_DEPTH {
        return (Meta::default(), strip_tags(html));
    }
    let config = Config {
        text_mode: TextMode::Markdown,
        ..Config::default()
    };
    let parsed = Readability::new(html, None, Some(config)).and_then(|mut r| r.parse());
    match parsed {
        Ok(article) => {
            let blocks = markdown::blocks(&article.text_content);
            let meta = Meta {
                title: clean_field(Some(article.title)),
                author: clean_field(article.byline).map(|b| strip_by(&b)),
                date: article.published_time.and_then(|t| parse_date(&t)),
                source: clean_field(article.site_name),
            };
            let blocks = if blocks.is_empty() {
                strip_tags(html)
            } else {
                blocks
            };
            (meta, blocks)
        }
        Err(_) => (Meta::default(), strip_tags(html)),
    }
}

fn clean_field(value: Option<String>) -> Option<String> {
    value
        .map(|v| fold_space(&sanitize(&v)))
        .filter(|v| !v.is_empty())
}

fn strip_by(byline: &str) -> String {
    let lower = byline.to_lowercase();
    if lower.starts_with("by ") {
        byline[3..].trim().to_string()
    } else {
        byline.to_string()
    }
}

/// The deepest element nesting, estimated by a linear scan of open and close tags.
pub fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'<' {
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            _ => {}
        }
    }
    deepest
}

/// Visible text by a linear scan: scripts and styles dropped, block tags as line breaks, the
/// common entities decoded.
pub fn strip_tags(html: &str) -> Vec<Block> {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let tag = after[..close].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        rest = &after[close..];
        if (name == "script" || name == "style") && !tag.starts_with("</") {
            let end = find_ignoring_case(rest, &format!("</{name}")).unwrap_or(rest.len());
            rest = &rest[end..];
        } else if matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "li"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "blockquote"
                | "section"
                | "article"
                | "header"
                | "footer"
        ) {
            text.push('\n');
        }
    }
    text.push_str(rest);
    plain::read(&decode_entities(&text))
}

/// Byte offset of `needle` (ASCII, lower case) in `haystack`, ignoring ASCII case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "’")
        .replace("&lsquo;", "‘")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&mdash;", "—")
        .replace("&ndash;", "–")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Comet found | Sky Daily</title>
<meta property="og:title" content="Comet found">
<meta property="og:site_name" content="Sky Daily">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/s">Science</a></nav>
<article><h1>Comet found</h1>
<p>Astronomers at the observatory said on Tuesday that they had found a new comet beyond the orbit of Neptune, the first of its kind seen this decade.</p>
<p>The object, about ten kilometres across, is moving slowly towards the inner solar system and will be visible with binoculars in two years.</p>
<h2>What comes next</h2>
<p>“We will keep watching it every night,” said Ana Ruiz, who leads the survey team. Other teams are expected to confirm the orbit within weeks.</p>
<p>The discovery was made with a telescope that was upgraded last year with a wider camera and faster software for spotting moving objects.</p>
</article><footer>© 2024 Sky Daily. All rights reserved.</footer></body></html>"#;

    #[test]
    fn a_saved_page_gives_its_main_text_and_meta_tags() {
        let (meta, blocks) = read(PAGE);
        assert_eq!(meta.title.as_deref(), Some("Comet found"));
        assert_eq!(meta.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(meta.source.as_deref(), Some("Sky Daily"));
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Astronomers at the observatory")),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("All rights reserved")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_page_nested_ten_thousand_deep_is_read_without_recursion() {
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let (_, blocks) = read(&html);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "deep text");
    }

    #[test]
    fn the_fallback_drops_scripts_and_decodes_entities() {
        let blocks = strip_tags(
            "<p>Fish &amp; chips</p><script>var x = '<p>no</p>';</script><p>Tea&nbsp;time</p>",
        );
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Fish & chips", "Tea time"]);
    }
}
