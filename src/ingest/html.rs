//! Saved HTML pages. The main text is found by `dom_smoothie`, a maintained Rust port of Mozilla
//! Readability (the algorithm behind Firefox's reader view), which also reads the title, byline,
//! publication time and site name from the usual meta tags and JSON-LD. Its Markdown text output
//! is read into blocks by the Markdown reader, so headings, lists and quotes keep their kind
//! (dom_smoothie escapes Markdown syntax in the page's own text, so text stays text).
//!
//! A page Readability cannot use (too little text), one with too many elements to score quickly,
//! or one nested too deeply to build into a tree safely falls back to the linear tag scanner in
//! [`scan`], so every page yields its visible text; the meta tags are still read when the page
//! could be parsed.

pub mod entities;
pub mod scan;

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use crate::briefing::Meta;
use crate::ingest::date::parse_date;
use crate::ingest::{markdown, Block};
use crate::text::clean::line::find_date;
use crate::text::fold::fold_space;
use crate::text::meta::byline_name;
use crate::text::sanitize::sanitized;

pub use scan::{nesting_depth, strip_tags};

/// Pages nested deeper than this are not handed to Readability: its scoring slows down sharply
/// with depth (a few hundred nested `<div>`s take seconds), and real articles nest a few dozen deep.
const MAX_DEPTH: usize = 200;

/// Pages with more elements than this are read by the linear scanner (Readability's time grows
/// with the element count; a long real article has a few thousand).
const MAX_ELEMENTS: usize = 60_000;

/// Reads the main text of a page into blocks, with title, byline, date and site name.
pub fn read(html: &str) -> (Meta, Vec<Block>) {
    if is_too_deep(html) {
        return (Meta::default(), strip_tags(html));
    }
    let config = Config {
        text_mode: TextMode::Markdown,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::new(html, None, Some(config.clone())) else {
        return (Meta::default(), strip_tags(html));
    };
    match readability.parse() {
        Ok(article) => {
            // the article carries the metadata parse() read (meta tags, JSON-LD, and a byline
            // element it took out of the text), so it is not read a second time
            let meta = to_meta(
                article.title,
                article.byline,
                article.published_time,
                article.site_name,
            );
            let blocks = markdown::blocks(&article.text_content);
            if blocks.is_empty() {
                (meta, strip_tags(html))
            } else {
                (meta, blocks)
            }
        }
        Err(ReadabilityError::TooManyElements(..)) => {
            // refused before the document was touched: its meta tags are still there
            (declared_meta(&readability), strip_tags(html))
        }
        Err(_) => {
            // parse() has already taken scripts (JSON-LD) out of the document, so the meta
            // tags are read from a fresh copy; only pages with too little text get here
            let meta = Readability::new(html, None, Some(config))
                .map(|r| declared_meta(&r))
                .unwrap_or_default();
            (meta, strip_tags(html))
        }
    }
}

/// The page's declared metadata (meta tags and JSON-LD) as [`Meta`].
fn declared_meta(readability: &Readability) -> Meta {
    let declared = readability.get_article_metadata(readability.parse_json_ld());
    to_meta(
        declared.title,
        declared.byline,
        declared.published_time,
        declared.site_name,
    )
}

/// Whether the page nests deeper than [`MAX_DEPTH`]. Every element the scan counts as open
/// starts at a `<`, so a page with no more `<` bytes than that cannot be (a short saved article
/// has a few dozen tags), and counting them with `memchr` costs a fraction of the scan.
fn is_too_deep(html: &str) -> bool {
    let lts = memchr::memchr_iter(b'<', html.as_bytes())
        .take(MAX_DEPTH + 1)
        .count();
    lts > MAX_DEPTH && nesting_depth(html) > MAX_DEPTH
}

/// Metadata as [`Meta`]: sanitized, the byline reduced to the name, the date as `YYYY-MM-DD`
/// (from the publication time, else from a date the byline carries: "By Ana Ruiz · 5 March 2024").
fn to_meta(
    title: String,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
) -> Meta {
    let byline = clean_field(byline);
    Meta {
        title: clean_field(Some(title)),
        author: byline.as_deref().and_then(byline_name),
        date: published
            .and_then(|t| parse_date(&t))
            .or_else(|| byline.as_deref().and_then(find_date)),
        source: clean_field(site),
    }
}

fn clean_field(value: Option<String>) -> Option<String> {
    value
        .map(|v| fold_space(&sanitized(&v)))
        .filter(|v| !v.is_empty())
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
    fn a_page_is_too_deep_one_level_past_the_limit() {
        let at = |depth: usize| format!("<p>x</p>{}", "<div>".repeat(depth));
        assert!(!is_too_deep(&at(MAX_DEPTH)));
        assert!(is_too_deep(&at(MAX_DEPTH + 1)));
        assert!(!is_too_deep(&"<br>".repeat(3 * MAX_DEPTH)));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(300, 31))]
        #[test]
        fn counting_lts_first_never_changes_the_depth_verdict(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    10 => proptest::strategy::Just("<div>"),
                    1 => proptest::strategy::Just("</div>"),
                    1 => proptest::strategy::Just("<p>"),
                    1 => proptest::strategy::Just("<br>"),
                    1 => proptest::strategy::Just("<li>"),
                    1 => proptest::strategy::Just("<svg><path/>"),
                    1 => proptest::strategy::Just("x < y "),
                    1 => proptest::strategy::Just("<!-- <b> -->"),
                ],
                180..480,
            )
        ) {
            let html = parts.concat();
            proptest::prop_assert!(nesting_depth(&html) <= html.matches('<').count());
            proptest::prop_assert_eq!(is_too_deep(&html), nesting_depth(&html) > MAX_DEPTH);
        }
    }

    #[test]
    fn a_page_too_short_for_readability_keeps_its_text_and_meta_tags() {
        let (meta, blocks) = read(
            "<html><head><title>Notice</title><meta name=\"author\" content=\"By Jo Park\">\
             <meta property=\"article:published_time\" content=\"March 4, 2024\"></head>\
             <body><p>Closed today.</p></body></html>",
        );
        assert_eq!(meta.title.as_deref(), Some("Notice"));
        assert_eq!(meta.author.as_deref(), Some("Jo Park"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-04"));
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Closed today."]);
    }

    #[test]
    fn a_byline_element_names_the_author_and_date_when_no_tag_does() {
        let page = PAGE
            .replace("<meta name=\"author\" content=\"Ana Ruiz\">", "")
            .replace(
                "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">",
                "",
            )
            .replace(
                "<h1>Comet found</h1>",
                "<h1>Comet found</h1><p class=\"byline\">By Lena Ortiz · 6 March 2024</p>",
            );
        let (meta, blocks) = read(&page);
        assert_eq!(meta.author.as_deref(), Some("Lena Ortiz"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-06"));
        assert!(blocks.iter().all(|b| !b.text.contains("Lena Ortiz")));
    }

    #[test]
    fn a_page_with_too_many_elements_is_scanned_and_keeps_its_meta_tags() {
        let page = format!(
            "<html><head><title>Ledger</title><meta name=\"author\" content=\"Jo Park\"></head>\
             <body><p>The ledger lists every payment the council made this year.</p>{}</body></html>",
            "<i>x</i>".repeat(MAX_ELEMENTS)
        );
        let (meta, blocks) = read(&page);
        assert_eq!(meta.title.as_deref(), Some("Ledger"));
        assert_eq!(meta.author.as_deref(), Some("Jo Park"));
        assert!(blocks[0].text.starts_with("The ledger lists every payment"));
    }
}
