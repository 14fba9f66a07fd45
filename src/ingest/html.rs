//! Saved HTML pages. The main text is found by `dom_smoothie`, a maintained Rust port of Mozilla
//! Readability (the algorithm behind Firefox's reader view), which also reads the title, byline,
//! publication time and site name from the usual meta tags and JSON-LD. The article it keeps is
//! read into blocks from its tree ([`article`]), so headings, lists and quotes keep their kind.
//!
//! A page Readability cannot use (too little text), one with too many elements to score quickly,
//! or one nested too deeply to build into a tree safely falls back to the linear tag scanner in
//! [`scan`], so every page yields its visible text; the meta tags are still read when the page
//! could be parsed.

pub mod article;
pub mod entities;
pub mod scan;

use std::sync::LazyLock;

use dom_query::{Matcher, NodeId, NodeRef};
use dom_smoothie::{Article, Config, ParsePolicy, Readability, ReadabilityError, TextMode};

use crate::briefing::Meta;
use crate::ingest::date::parse_date;
use crate::ingest::Block;
use crate::text::clean::date::unglue_month;
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
    let config = config();
    let Ok(readability) = Readability::new(html, None, Some(config.clone())) else {
        return (Meta::default(), strip_tags(html));
    };
    let (parsed, readability) = parse(readability, html, &config);
    match parsed {
        Ok((article, root)) => {
            // the article carries the metadata parse() read (meta tags, JSON-LD, and a byline
            // element it took out of the text), so it is not read a second time
            let meta = to_meta(
                article.title,
                article.byline,
                article.published_time,
                article.site_name,
            );
            let blocks = article::blocks(&NodeRef::new(root, &readability.doc.tree));
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

/// How pages are read: at most [`MAX_ELEMENTS`]; the text dom_smoothie renders is not read
/// (the blocks come from the tree), so it renders the cheapest, the raw text.
fn config() -> Config {
    Config {
        text_mode: TextMode::Raw,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    }
}

/// What [`Readability::parse`] gives, at less cost for most pages.
///
/// `parse` scores the page with every rule on and, when the text it keeps is shorter than
/// [`Config::char_threshold`], again with fewer rules on a fresh copy of the document, made
/// before the first attempt so it is at hand. Most article pages pass at the first attempt, so
/// copying every page's tree (3–11% of a saved test page's parse time) is spared:
/// the strict attempt runs alone, and only a page whose kept text is short is read again in
/// full. The answer is the same either way: the strict attempt is `parse`'s first, and
/// post-processing only ever removes text (dom_smoothie 0.19 unwraps links, simplifies nested
/// cells and divisions, drops classes), so a kept text at the threshold after it was at the
/// threshold when `parse` would have checked it. A test compares both on a page of each kind.
/// The article comes with its element, found once, where its blocks are read.
fn parse(
    mut readability: Readability,
    html: &str,
    config: &Config,
) -> (Result<(Article, NodeId), ReadabilityError>, Readability) {
    match readability.parse_with_policy(ParsePolicy::Strict) {
        Ok(article) => {
            if let Some(root) = article_root(&readability)
                .filter(|root| article::has_chars(root, config.char_threshold))
            {
                let root = root.id;
                return (Ok((article, root)), readability);
            }
        }
        Err(e @ ReadabilityError::TooManyElements(..)) => return (Err(e), readability),
        Err(_) => {}
    }
    match Readability::new(html, None, Some(config.clone())) {
        Ok(mut fresh) => {
            let parsed = fresh.parse().and_then(|article| {
                // parse() finds the article's element itself and fails without it
                let root = article_root(&fresh).ok_or(ReadabilityError::GrabFailed)?;
                Ok((article, root.id))
            });
            (parsed, fresh)
        }
        Err(e) => (Err(e), readability),
    }
}

/// The element dom_smoothie marks as the article it kept (by its id, which it does not export).
static ARTICLE_ROOT: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new("#readability-page-1").expect("a valid selector"));

fn article_root(readability: &Readability) -> Option<NodeRef<'_>> {
    readability
        .doc
        .select_single_matcher(&ARTICLE_ROOT)
        .nodes()
        .first()
        .copied()
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
    let byline = clean_field(byline).map(|b| unglue_month(&b).into_owned());
    Meta {
        title: clean_field(Some(title)).map(|t| without_byline(&t).to_string()),
        author: byline.as_deref().and_then(byline_name),
        date: published
            .and_then(|t| parse_date(&t))
            .or_else(|| byline.as_deref().and_then(find_date)),
        source: clean_field(site),
    }
}

/// A page title without the byline some platforms add to it ("The ceasefire nobody signed - by
/// Mira Castellanos", "Title | by Ana Ruiz | Medium"): cut at the first separator followed by
/// "by" and a few words.
fn without_byline(title: &str) -> &str {
    const SEPARATORS: [&str; 4] = [" - ", " | ", " – ", " — "];
    let cut = SEPARATORS
        .iter()
        .flat_map(|sep| {
            title
                .match_indices(sep)
                .map(move |(at, _)| (at, at + sep.len()))
        })
        .filter(|&(at, after)| {
            let tail = &title[after..];
            // "by" and a capitalised word: a name ("Budget 2025 - by the numbers" is a title)
            let mut words = tail.split_whitespace();
            let credit = words.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
                && words
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
            let name: Vec<&str> = tail
                .split([' ', '|', '–', '—'])
                .filter(|w| !w.is_empty() && *w != "-")
                .collect();
            at > 0 && credit && (2..=6).contains(&name.len())
        })
        .map(|(at, _)| at)
        .min();
    cut.map_or(title, |at| title[..at].trim_end())
}

fn clean_field(value: Option<String>) -> Option<String> {
    value
        .map(|v| fold_space(&sanitized(&v)))
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::BlockKind;

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

    /// A newsletter platform's page: the byline suffixed to the title, the author's name and
    /// the date in adjacent elements (their texts run together).
    const NEWSLETTER: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>The ceasefire nobody signed - by Mira Castellanos</title></head><body>
<div class="topbar"><a href="/">Frontline Notes</a> <a href="/subscribe">Subscribe</a></div>
<article><h1 class="post-title">The ceasefire nobody signed</h1>
<div class="byline"><a href="/profile/mira">Mira Castellanos</a><div class="date">Mar 04, 2025</div></div>
<div class="body">
<p>For six weeks now, the guns along the northern line have been mostly quiet. No document was signed, no mediator announced a deal, and both governments deny that any agreement exists.</p>
<p>Yet commanders on both sides say privately that the quiet suits them. Villagers have begun to return to farms abandoned last autumn, and the main road to the border crossing reopened to trucks.</p>
<p>The opposition leader has called for the truce to be written down and monitored by the United Nations. The government has rejected international monitors, saying they would legitimise the rebels.</p>
</div></article></body></html>"#;

    #[test]
    fn a_byline_run_into_its_date_and_suffixed_to_the_title_is_read_apart() {
        let (meta, _) = read(NEWSLETTER);
        assert_eq!(meta.title.as_deref(), Some("The ceasefire nobody signed"));
        assert_eq!(meta.author.as_deref(), Some("Mira Castellanos"));
        assert_eq!(meta.date.as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn only_a_credit_is_cut_from_a_title() {
        for (title, kept) in [
            (
                "The ceasefire nobody signed - by Mira Castellanos",
                "The ceasefire nobody signed",
            ),
            (
                "Why trains are late | by Ana Ruiz | Medium",
                "Why trains are late",
            ),
            (
                "Budget 2025 - by the numbers",
                "Budget 2025 - by the numbers",
            ),
            ("Stand by Me – review | Film", "Stand by Me – review | Film"),
            ("By the river", "By the river"),
        ] {
            assert_eq!(without_byline(title), kept, "{title:?}");
        }
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

    /// What `Readability::parse` alone gives for `html`: its text, or its error.
    fn parsed_in_full(html: &str) -> Result<String, String> {
        let mut readability =
            Readability::new(html, None, Some(config())).map_err(|e| e.to_string())?;
        readability
            .parse()
            .map(|a| a.text_content.to_string())
            .map_err(|e| e.to_string())
    }

    fn parsed_strict_first(html: &str) -> Result<String, String> {
        let readability =
            Readability::new(html, None, Some(config())).map_err(|e| e.to_string())?;
        parse(readability, html, &config())
            .0
            .map(|(a, _)| a.text_content.to_string())
            .map_err(|e| e.to_string())
    }

    /// A page whose article is short, with more text in a block the strict attempt strips as
    /// unlikely (a "sidebar"): `parse` tries again with fewer rules and keeps that text too.
    const SHORT_PAGE: &str = r#"<html><head><title>Ferry late</title></head><body>
<article><p>The morning ferry to the island left forty minutes late on Monday, the operator said.</p></article>
<div class="sidebar"><p>Passengers waiting at the pier were offered coffee while the crew repaired a faulty ramp, and the afternoon crossings ran to time after the repair was finished.</p></div>
</body></html>"#;

    #[test]
    fn the_strict_attempt_alone_gives_what_a_full_parse_gives() {
        let strict_only = {
            let mut r = Readability::new(SHORT_PAGE, None, Some(config())).unwrap();
            r.parse_with_policy(ParsePolicy::Strict)
                .map(|a| a.text_content.to_string())
                .map_err(|e| e.to_string())
        };
        // the premise: on the short page the strict attempt alone is not what parse() keeps
        assert_ne!(strict_only, parsed_in_full(SHORT_PAGE));
        assert!(
            parsed_in_full(SHORT_PAGE).is_ok_and(|t| t.contains("faulty ramp")),
            "{:?}",
            parsed_in_full(SHORT_PAGE)
        );
        let deep = format!("<p>x</p>{}", "<div>".repeat(50));
        for html in [PAGE, SHORT_PAGE, "<p>one line</p>", "", deep.as_str()] {
            assert_eq!(parsed_strict_first(html), parsed_in_full(html), "{html}");
        }
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

    /// A council report page: a data table between the article's paragraphs.
    const BUDGET_PAGE: &str = r#"<html><head><title>County adopts budget | The Pell Record</title></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>County adopts budget</h1>
<p>The county board voted 4-1 on Tuesday night to adopt a $212 million budget for the coming year, approving raises for deputies and cuts to parks.</p>
<p>The budget holds the property tax rate flat, though higher valuations mean many owners will still pay more, the finance director said.</p>
<table><caption>General fund, selected departments (in millions)</caption>
<thead><tr><th>Department</th><th>FY2024</th><th>FY2025</th></tr></thead>
<tbody><tr><td>Sheriff</td><td>$48.2</td><td>$53.1</td></tr>
<tr><td>Parks &amp; Recreation</td><td>$9.8</td><td>$8.6</td></tr>
<tr><td>Public Library</td><td>$7.1</td><td>$7.0</td></tr></tbody></table>
<p>The parks cut will delay the renovation of the Oak Hollow pool and shorten summer hours at three community centres, officials said.</p>
<p>“That pool is the only place a lot of kids here learn to swim,” said Marcus Greer, a youth swim coach. The budget takes effect in October.</p>
</article><footer>© 2024 The Pell Record</footer></body></html>"#;

    #[test]
    fn a_data_table_inside_an_article_is_kept_in_rows_with_the_text_after_it() {
        let (meta, blocks) = read(BUDGET_PAGE);
        let rows: Vec<&str> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Row)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            rows,
            [
                "Department | FY2024 | FY2025",
                "Sheriff | $48.2 | $53.1",
                "Parks & Recreation | $9.8 | $8.6",
                "Public Library | $7.1 | $7.0",
            ]
        );
        let doc = crate::ingest::Document {
            name: "budget".into(),
            path: "budget.html".into(),
            format: crate::briefing::Format::Html,
            meta,
            blocks,
        };
        let article = crate::text::clean::clean_document(crate::briefing::ArticleId(0), doc);
        let body: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(body.contains(&"Sheriff | $48.2 | $53.1"), "{body:?}");
        assert!(
            body.last()
                .is_some_and(|p| p.ends_with("The budget takes effect in October.")),
            "{body:?}"
        );
    }

    /// An older page: headline, byline and date line written as lines of one cell, and
    /// paragraphs wrapped with `<br>` at print width.
    const OLD_PAGE: &str = r#"<html><head><title>Harlow Valley Gazette - Bridge approved</title></head>
<body><table><tr><td class="content">
<font size="5"><b>Council Approves New Bridge Over Mill Creek</b></font><br>
<font size="1">By Walter Finney, Staff Writer<br>Posted Thursday, October 16, 2003</font><br><br>
After more than two years of debate, the town council voted 5-2 on Tuesday night<br>
to replace the aging Mill Creek bridge on Route 9, a span that state inspectors<br>
rated structurally deficient in their last three reports on the crossing.<br><br>
The new two-lane bridge will cost an estimated $3.4 million, with the state<br>
covering most of it and the town borrowing the rest through a bond that voters<br>
approved last spring after a long campaign by residents of the east side.<br><br>
Work is expected to begin next summer and to take about fourteen months, during<br>
which traffic will be sent along a detour through the industrial park on Mill Road.
</td></tr></table></body></html>"#;

    #[test]
    fn an_older_page_s_lines_give_its_byline_and_wrapped_lines_are_joined() {
        let (meta, blocks) = read(OLD_PAGE);
        let doc = crate::ingest::Document {
            name: "old".into(),
            path: "old.html".into(),
            format: crate::briefing::Format::Html,
            meta,
            blocks,
        };
        let article = crate::text::clean::clean_document(crate::briefing::ArticleId(0), doc);
        assert_eq!(article.meta.author.as_deref(), Some("Walter Finney"));
        assert_eq!(article.meta.date.as_deref(), Some("2003-10-16"));
        let body: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            body.first()
                .is_some_and(|p| p.starts_with("After more than two years")
                    && p.ends_with("in their last three reports on the crossing.")),
            "{body:?}"
        );
        assert_eq!(body.len(), 3, "{body:?}");
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
