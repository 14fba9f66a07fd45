//! Cleaning: separates an article's body from page furniture (menus, breadcrumbs, labels,
//! prompts, related-article lists, author boxes, footers, captions), the way jusText does:
//! 1. every line is measured ([`line::Line`]) and classed good (prose), bad (furniture), near-good
//!    or short;
//! 2. short and near-good lines take the class of their good or bad neighbours;
//! 3. the body is the largest cluster of good lines (gaps of a few bad lines allowed); good lines
//!    far from it, and everything after a comments prompt, are furniture too.
//!
//! Metadata lines (headline, byline, date line) are neither body nor removed. Every removed line
//! is recorded in [`Article::removed`]. Nothing here is specific to any site.

pub mod date;
pub mod end_marker;
pub mod line;
pub mod prompt;
pub mod stop;

use std::ops::Range;

use crate::briefing::{Article, ArticleId, BlockKind, Format, Paragraph};
use crate::ingest::{Block, Document};
use line::Line;

/// The largest run of bad lines that may separate two parts of one body.
const MAX_GAP: usize = 3;

/// The largest run of bad lines, none of them furniture, that may separate two parts of one
/// body when running prose stands on both sides: a box inside the article ("Key points" and
/// three short items, a list of figures). A list that follows an article is headed by
/// furniture ("Related topics", "Sponsored content") or followed by what is not prose (a
/// comment thread's sorting and names), and a header's lines under a standfirst hold a date or
/// a byline: there the body ends at [`MAX_GAP`].
const MAX_BOX_GAP: usize = 8;

/// Class of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Body text.
    Good,
    /// Page furniture.
    Bad,
    /// Medium-length text: body if next to body.
    NearGood,
    /// A few words: body only between body lines.
    Short,
}

/// Turns a document into a cleaned article: metadata read, boilerplate removed and recorded,
/// paragraphs split into sentences.
pub fn clean_document(id: ArticleId, doc: Document) -> Article {
    // a Markdown paragraph is already whole; plain text and a page's `<br>` lines may be wrapped
    let blocks = if doc.format != Format::Markdown {
        unwrap_hard_wrapped(doc.blocks)
    } else {
        doc.blocks
    };
    let mut lines: Vec<Line> = blocks.iter().map(measure).collect();
    own_lists(&blocks, &mut lines);
    let mut classes = classify(&lines);
    let mut body = body_region(&classes, &lines, &blocks);
    if body.is_empty() {
        // no line reads as prose (a note, a one-line quote): keep all that is not furniture
        classes = lines
            .iter()
            .map(|l| {
                if l.is_furniture() {
                    Class::Bad
                } else {
                    Class::Good
                }
            })
            .collect();
        body = 0..blocks.len();
    }
    let (text_meta, meta_lines) = crate::text::meta::read_meta(&blocks, &lines, body.clone());
    body.start = start_after_meta(body.start, &meta_lines, &lines, &mut classes);
    keep_subheadings(&body, &lines, &mut classes);
    let mut meta = doc.meta;
    meta.fill_from(&text_meta);
    // sized at once: growing them copied them several times per article
    let kept = (0..blocks.len())
        .filter(|i| body.contains(i) && classes[*i] == Class::Good && !meta_lines.contains(i))
        .count();
    let mut paragraphs = Vec::with_capacity(kept);
    let mut removed = Vec::with_capacity(blocks.len().saturating_sub(kept + meta_lines.len()));
    for (i, block) in blocks.into_iter().enumerate() {
        if meta_lines.contains(&i) {
            continue;
        }
        if body.contains(&i) && classes[i] == Class::Good {
            paragraphs.push(Paragraph::new(block.text, block.kind));
        } else {
            removed.push(block.text);
        }
    }
    Article {
        id,
        name: doc.name,
        path: doc.path,
        format: doc.format,
        meta,
        excerpt_of: None,
        paragraphs,
        removed,
    }
}

/// A block's line features. The bars of a table row are the reader's own, joining its cells,
/// not a menu's or a breadcrumb's, and a row is no headline: a table of results inside an
/// article ("1 | Tayla Brennan | Mackay AC | 11.19") neither ends the body nor reads as a list
/// of links.
fn measure(block: &Block) -> Line {
    let mut line = Line::measure(&block.text);
    if block.kind == BlockKind::Row {
        line.breadcrumb = false;
        line.headline_like = false;
    }
    line
}

/// The fewest words of a sentence that introduces a list ("The parts list, more or less:"),
/// as opposed to a label over one ("Related:", "More from Opinion:").
const MIN_LIST_INTRO: usize = 5;

/// The items of a list that a sentence of the article introduces, ending in a colon ("The
/// parts list, more or less:"), are the article's own: short and capitalised as they are
/// ("A Raspberry Pi Zero W, running Raspberry Pi OS Lite"), they are not read as headlines,
/// three of which in a row make a list of links (related stories, a menu), and bars inside
/// one ("Fence height 1.8m | boundary with no. 14") make no menu.
fn own_lists(blocks: &[Block], lines: &mut [Line]) {
    let mut introduced = false;
    for (block, line) in blocks.iter().zip(lines.iter_mut()) {
        let item = block.kind == BlockKind::ListItem;
        if item && introduced {
            line.headline_like = false;
            line.breadcrumb = false;
        }
        // an item may introduce a list nested in it ("… The timeline:")
        let introduces =
            block.text.ends_with(':') && line.words >= MIN_LIST_INTRO && !line.is_furniture();
        if introduces || !item {
            introduced = introduces;
        }
    }
}

/// First pass and context pass (jusText's): every line ends up `Good` or `Bad`.
/// - a near-good line is good unless the nearest good-or-bad lines on both sides are bad;
/// - a short line is good between good lines, bad between bad ones, and between a good and a
///   bad one takes the class of a near-good line touching it on the bad side (a dialogue run
///   "Why now?" / "Very." ends with the body, not with the furniture after it).
///
/// The page's edges count as bad.
pub fn classify(lines: &[Line]) -> Vec<Class> {
    let mut initial: Vec<Class> = lines.iter().map(initial_class).collect();
    mark_headline_runs(lines, &mut initial);
    let before = |i: usize, skip_near_good| neighbour(&initial, (0..i).rev(), skip_near_good);
    let after = |i: usize, skip_near_good| neighbour(&initial, i + 1..lines.len(), skip_near_good);
    (0..lines.len())
        .map(|i| match initial[i] {
            Class::NearGood => {
                let bad = before(i, true) == Class::Bad && after(i, true) == Class::Bad;
                if bad {
                    Class::Bad
                } else {
                    Class::Good
                }
            }
            Class::Short => match (before(i, true), after(i, true)) {
                (Class::Good, Class::Good) => Class::Good,
                (Class::Bad, Class::Bad) => Class::Bad,
                (Class::Bad, _) if before(i, false) == Class::NearGood => Class::Good,
                (_, Class::Bad) if after(i, false) == Class::NearGood => Class::Good,
                _ => Class::Bad,
            },
            own => own,
        })
        .collect()
}

/// The shortest run of headline-like lines that is a list (related stories, a menu) rather than
/// a headline and its standfirst.
const MIN_LIST: usize = 3;

/// Three or more headline-like lines in a row are a list of links, not body text: body
/// paragraphs end in punctuation, and a subheading is followed by one.
fn mark_headline_runs(lines: &[Line], classes: &mut [Class]) {
    let mut start = 0;
    for i in 0..=lines.len() {
        if lines
            .get(i)
            .is_some_and(|l| l.headline_like && !l.is_prose())
        {
            continue;
        }
        if i - start >= MIN_LIST {
            classes[start..i].fill(Class::Bad);
        }
        start = i + 1;
    }
}

fn initial_class(line: &Line) -> Class {
    if line.is_furniture() || line.byline || line.date_only {
        Class::Bad
    } else if line.is_prose() {
        Class::Good
    } else if line.words < 10 && !line.terminal
        || line.words < 5 && !(line.words >= 2 && line.sentence_end)
    {
        // a few words without a full stop; "Why now?" and "Very good." are near-good instead
        Class::Short
    } else {
        Class::NearGood
    }
}

/// The class of the nearest line that votes: never a short line, and no near-good one if so
/// asked; past the page's edge, `Bad`.
fn neighbour(
    classes: &[Class],
    mut order: impl Iterator<Item = usize>,
    skip_near_good: bool,
) -> Class {
    order
        .find(|&j| classes[j] != Class::Short && !(skip_near_good && classes[j] == Class::NearGood))
        .map_or(Class::Bad, |j| classes[j])
}

/// The most lines between the byline or date line and the body that may join the body.
const MAX_LEAD: usize = 2;

/// The body begins right under the byline or date line: a first line the context pass dropped
/// there (a poem's opening line ending in a comma) is body unless it is furniture.
fn start_after_meta(
    start: usize,
    meta_lines: &[usize],
    lines: &[Line],
    classes: &mut [Class],
) -> usize {
    let Some(last_meta) = meta_lines.iter().copied().filter(|&i| i < start).max() else {
        return start;
    };
    let lead = last_meta + 1..start;
    if lead.len() > MAX_LEAD || lead.clone().any(|i| lines[i].is_furniture()) {
        return start;
    }
    for i in lead.clone() {
        classes[i] = Class::Good;
    }
    lead.start
}

/// A few words inside the body right above body text ("What the plan says") are a subheading,
/// even where a caption or an advertisement above them made the context pass drop them; but
/// not the last of a run of such lines, which is the end of a list (a "Key points" box).
fn keep_subheadings(body: &Range<usize>, lines: &[Line], classes: &mut [Class]) {
    let short = |i: usize| initial_class(&lines[i]) == Class::Short && !lines[i].is_furniture();
    for i in body.start..body.end.saturating_sub(1) {
        let in_list = i > body.start && short(i - 1) && classes[i - 1] == Class::Bad;
        if short(i) && !in_list && classes[i] == Class::Bad && classes[i + 1] == Class::Good {
            classes[i] = Class::Good;
        }
    }
}

/// The range of lines holding the main body: the cluster of good lines with the most text.
fn body_region(classes: &[Class], lines: &[Line], blocks: &[Block]) -> Range<usize> {
    let end_of_page = comments_start(lines, classes).unwrap_or(classes.len());
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut current: Option<(usize, Range<usize>)> = None;
    let (mut gap, mut marker_in_gap) = (0, false);
    for i in (0..end_of_page).filter(|&i| classes[i] == Class::Good || classes[i] == Class::Bad) {
        if classes[i] == Class::Bad {
            gap += 1;
            // furniture outside an article marks what follows it; a date or a byline belongs to
            // a header (a headline and its standfirst above the body): none stands in a box
            // inside it, whose heading may shout and whose items are bullets
            marker_in_gap |=
                lines[i].is_outside_furniture() || lines[i].date_only || lines[i].byline;
            continue;
        }
        let weight = blocks[i].text.len();
        let boxed = |r: &Range<usize>| {
            gap <= MAX_BOX_GAP && !marker_in_gap && lines[r.end - 1].prose && lines[i].prose
        };
        current = match current.take() {
            Some((w, r)) if gap <= MAX_GAP || boxed(&r) => Some((w + weight, r.start..i + 1)),
            previous => {
                best = pick(best, previous);
                Some((weight, i..i + 1))
            }
        };
        (gap, marker_in_gap) = (0, false);
    }
    pick(best, current).map_or(0..0, |(_, r)| r)
}

fn pick(
    a: Option<(usize, Range<usize>)>,
    b: Option<(usize, Range<usize>)>,
) -> Option<(usize, Range<usize>)> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The first end marker ("Comments", "About Acme", "Reporting by …") after the body has begun
/// (two good lines): everything from there on follows the article.
fn comments_start(lines: &[Line], classes: &[Class]) -> Option<usize> {
    let second_good = classes
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Class::Good)
        .nth(1)?
        .0;
    (second_good..lines.len()).find(|&i| lines[i].end_marker)
}

/// Text hard-wrapped at a fixed width (most lines 40–100 characters, broken mid-sentence,
/// often before a lower-case word) is re-joined into paragraphs at its blank lines; other text
/// (a list of headlines, one paragraph per line) is returned as it is. Plain text wraps with
/// line ends, saved pages with `<br>` (a line of a page follows its last without a blank).
pub fn unwrap_hard_wrapped(blocks: Vec<Block>) -> Vec<Block> {
    let (mut wrapped, mut lower) = (0, 0);
    for w in blocks.windows(2) {
        // the characters are counted last, and only where the bytes allow 40 to 100 of them
        let (text, bytes) = (&w[0].text, w[0].text.len());
        if !w[1].blank_before
            && !text.ends_with(['.', '?', '!', ':', '"', '”'])
            && (40..=4 * 100).contains(&bytes)
            && (40..=100).contains(&text.chars().count())
        {
            wrapped += 1;
            lower += usize::from(w[1].text.starts_with(|c: char| c.is_lowercase()));
        }
    }
    if blocks.len() < 4 || wrapped * 3 < blocks.len() || lower * 3 < wrapped {
        return blocks;
    }
    let mut out: Vec<Block> = Vec::new();
    let mut last_line_len = 0;
    let mut last_title_case = false;
    for block in blocks {
        let len = block.text.chars().count();
        // a headline in title case ("Council Approves New Bridge Over Mill Creek") is no
        // wrapped sentence: the line under it (a byline) starts a block of its own
        let title_case = is_title_case(&block.text);
        match out.last_mut() {
            // join only a line that was itself wrapped (long, unfinished) to the next one
            Some(last)
                if !block.blank_before
                    && last.kind == BlockKind::Text
                    && last_line_len >= 40
                    && !last_title_case =>
            {
                last.text.push(' ');
                last.text.push_str(&block.text);
            }
            _ => out.push(block),
        }
        last_line_len = len;
        last_title_case = title_case;
    }
    out
}

/// Three words or more, nearly all of them capitalised: a headline's case, which running
/// prose never has.
fn is_title_case(text: &str) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for word in text.split_whitespace() {
        words += 1;
        capitalised += usize::from(!word.starts_with(|c: char| c.is_lowercase()));
    }
    words >= 3 && capitalised * 10 >= words * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Meta;

    fn clean_with(text: &str, meta: Meta) -> Article {
        let doc = Document {
            name: "t".into(),
            path: "t.txt".into(),
            format: Format::Text,
            meta,
            blocks: crate::ingest::plain::read(text),
        };
        clean_document(ArticleId(0), doc)
    }

    fn clean(text: &str) -> Article {
        clean_with(text, Meta::default())
    }

    fn body(article: &Article) -> Vec<&str> {
        article.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    const P1: &str =
        "The council approved the new budget on Monday evening after a long debate about taxes.";
    const P2: &str = "Opponents said the plan would raise local taxes sharply and hurt small shops in the centre.";
    const P3: &str = "A final vote on the bridge is expected next spring, when the engineers report back to them.";

    #[test]
    fn a_lone_all_caps_headline_inside_the_body_is_removed() {
        let a = clean(&format!(
            "{P1}\nCOUNCIL TAX TO RISE AS BUDGET PASSES\n{P2}\n{P3}"
        ));
        assert_eq!(body(&a), [P1, P2, P3]);
        assert_eq!(a.removed, ["COUNCIL TAX TO RISE AS BUDGET PASSES"]);
    }

    #[test]
    fn a_table_inside_the_body_neither_ends_it_nor_reads_as_a_menu() {
        let markdown = "The county board adopted its budget on Tuesday night after a long debate \
                        over parks, policing and the library.\n\n\
                        | Department | FY2024 | FY2025 |\n|---|---|---|\n\
                        | Sheriff | $48.2 | $53.1 |\n| Parks | $9.8 | $8.6 |\n\
                        | Library | $7.1 | $7.0 |\n\n\
                        The parks cut will delay the pool renovation and shorten summer hours at \
                        three community centres, officials said.\n";
        let article = clean_markdown(markdown);
        assert_eq!(
            body(&article),
            [
                "The county board adopted its budget on Tuesday night after a long debate over \
                 parks, policing and the library.",
                "Department | FY2024 | FY2025",
                "Sheriff | $48.2 | $53.1",
                "Parks | $9.8 | $8.6",
                "Library | $7.1 | $7.0",
                "The parks cut will delay the pool renovation and shorten summer hours at three \
                 community centres, officials said.",
            ]
        );
    }

    fn clean_markdown(markdown: &str) -> Article {
        let doc = Document {
            name: "t".into(),
            path: "t.md".into(),
            format: Format::Markdown,
            meta: crate::briefing::Meta::default(),
            blocks: crate::ingest::markdown::body::blocks(markdown),
        };
        clean_document(ArticleId(0), doc)
    }

    #[test]
    fn a_list_a_sentence_introduces_is_the_article_s_own() {
        let article = clean_markdown(
            "Last November I bolted a cheap sensor to the fence behind the shed and told myself \
             I would look at the numbers once a month.\n\n\
             Nothing exotic here. The parts list, more or less:\n\n\
             - An SDS011 particulate sensor\n\
             - A Raspberry Pi Zero W, running Raspberry Pi OS Lite\n\
             - Python 3.11 with pyserial and sqlite3\n\
             - A cron job that runs every 60 seconds\n\
             - Fence height 1.8m | boundary with no. 14 | see note\n\n\
             The logging script is embarrassingly short, and it has run without a fault for a \
             whole year in the shed.\n\n\
             More from Opinion:\n\n\
             - Why the tram is late again\n\
             - In defence of the humble bus\n\
             - The ring road nobody asked for\n",
        );
        let body = body(&article);
        for item in [
            "Python 3.11 with pyserial and sqlite3",
            "Fence height 1.8m | boundary with no. 14 | see note",
        ] {
            assert!(body.contains(&item), "{item}: {body:?}");
        }
        assert!(
            body[0].starts_with("Last November") && body.last().unwrap().starts_with("The logging"),
            "{body:?}"
        );
    }

    #[test]
    fn a_list_item_may_introduce_a_list_nested_in_it() {
        let article = clean_markdown(
            "In a 4-3 decision released on Friday, the state Supreme Court struck down the \
             legislative map and ordered a new one.\n\n\
             - The court gave the Legislature until March 15 to agree on new maps. The timeline:\n\
             \x20 - Jan. 15 – parties submit proposed maps\n\
             \x20 - March 15 – deadline for the Legislature to pass a new map\n\
             \x20 - April – court adopts a map if no agreement\n\n\
             Both parties said they would study the ruling before deciding whether to ask the \
             court to reconsider its decision.\n",
        );
        let body = body(&article);
        for item in [
            "Jan. 15 – parties submit proposed maps",
            "March 15 – deadline for the Legislature to pass a new map",
            "April – court adopts a map if no agreement",
        ] {
            assert!(body.contains(&item), "{item}: {body:?}");
        }
        assert!(body.last().unwrap().starts_with("Both parties"), "{body:?}");
    }

    #[test]
    fn a_short_line_between_paragraphs_is_body() {
        let a = clean(&format!(
            "{P1}\n\nThe cogs are clearly turning.\n\n{P2}\n\n{P3}"
        ));
        assert_eq!(body(&a), [P1, "The cogs are clearly turning.", P2, P3]);
    }

    #[test]
    fn a_navigation_menu_and_breadcrumb_before_the_body_are_removed() {
        let a = clean(&format!(
            "• News\n• Sport\n• Weather\nHome / News / Local\nPolitics, Local Government, Budget\n{P1}\n{P2}\n{P3}"
        ));
        assert_eq!(body(&a), [P1, P2, P3]);
        assert_eq!(a.removed.len(), 5);
    }

    #[test]
    fn a_related_list_and_footer_after_the_body_are_removed() {
        let a = clean(&format!(
            "{P1}\n{P2}\n{P3}\nMore from Local\nMayor opens new library in the old station\nBy Ann Lee\nMarch 2, 2024\nSchools face cuts as budget tightens\n© 2024 The Herald. All rights reserved."
        ));
        assert_eq!(body(&a), [P1, P2, P3]);
        assert_eq!(a.removed.len(), 6);
    }

    #[test]
    fn a_box_of_short_lines_inside_the_body_does_not_end_it() {
        let points = [
            "Key points",
            "Numbers in rural areas down by up to half since 2000",
            "Urban populations stable or rising",
            "Road deaths and habitat loss cited as main causes",
        ];
        let page = |lines: &[&str]| clean(&lines.join("\n"));
        let a = page(&[P1, P2, points[0], points[1], points[2], points[3], P3, P1]);
        assert_eq!(
            body(&a),
            [P1, P2, P3, P1],
            "no list item is taken for a subheading"
        );
        assert_eq!(a.removed, points);
        // headed by furniture, the same lines are a list after the article: what follows is
        // another article's teaser, not this one's text
        let a = page(&[
            P1,
            P2,
            P1,
            "Sponsored content",
            points[1],
            points[2],
            points[3],
            P3,
        ]);
        assert_eq!(body(&a), [P1, P2, P1]);
    }

    #[test]
    fn a_box_under_an_all_caps_heading_with_bulleted_items_does_not_end_the_body() {
        // a fact box between the lead and the rest: its shouting heading and its bullets are
        // removed, the lead above it stays body, and so does the subheading below it
        let boxed = [
            "WHAT THE NEW CAP MEANS FOR YOU",
            "- Typical dual-fuel bill: £1,849 a year, up from £1,738",
            "- Electricity: 27.03p per kWh, standing charge 53.80p a day",
            "- Gas: 6.99p per kWh, standing charge 32.67p a day",
            "- Next announcement: 27 May",
            "Industry reaction",
        ];
        let mut lines = vec![P1, P2];
        lines.extend(boxed);
        lines.extend([P3, P1, P2, P3]);
        let a = clean(&lines.join("\n"));
        assert_eq!(body(&a), [P1, P2, boxed[5], P3, P1, P2, P3]);
        assert_eq!(a.removed, boxed[..5]);
    }

    #[test]
    fn a_header_under_its_standfirst_is_no_box_inside_the_body() {
        // a headline and its standfirst (prose), then the header's labelled lines: the date
        // shows they are a header, so the body starts below them
        let headline = "New flood defences to protect 3,000 homes in the Wenn valley";
        let standfirst =
            "The agency has begun work on a scheme to reduce flood risk along the river.";
        let a = clean(
            &[
                "Press release",
                headline,
                standfirst,
                "From:",
                "Environment Agency and the Floods Minister",
                "Published",
                "3 March 2025",
                P1,
                P2,
                P3,
            ]
            .join("\n"),
        );
        assert_eq!(body(&a), [P1, P2, P3]);
        assert_eq!(
            a.meta.title.as_deref(),
            Some(headline),
            "not the line under \"From:\""
        );
        assert_eq!(a.meta.date.as_deref(), Some("2025-03-03"));
    }

    #[test]
    fn prose_holding_a_prompt_word_is_kept() {
        let line =
            "The government will spend more on defence this year, the minister said on Monday.";
        let a = clean(&format!("{P1}\n{line}\n{P2}"));
        assert_eq!(body(&a), [P1, line, P2]);
    }

    #[test]
    fn everything_after_a_comments_prompt_is_removed() {
        let comment = "I have lived here for thirty years and this is the worst decision the council has made.";
        let a = clean(&format!("{P1}\n{P2}\n{P3}\n3 Comments\n{comment}"));
        assert_eq!(body(&a), [P1, P2, P3]);
        assert_eq!(a.removed, ["3 Comments", comment]);
    }

    #[test]
    fn metadata_lines_are_neither_body_nor_removed() {
        let a = clean(&format!(
            "• Home\n• News\nCouncil passes budget after long debate\nBy Jane Doe\nMarch 4, 2024\n{P1}\n{P2}"
        ));
        assert_eq!(body(&a), [P1, P2]);
        assert_eq!(a.removed, ["• Home", "• News"]);
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Council passes budget after long debate")
        );
        assert_eq!(a.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.meta.date.as_deref(), Some("2024-03-04"));
    }

    #[test]
    fn the_document_s_own_metadata_wins_over_the_text() {
        let declared = Meta {
            title: Some("Declared title".into()),
            ..Meta::default()
        };
        let a = clean_with(
            &format!("Council passes budget after long debate\nBy Jane Doe\n{P1}\n{P2}"),
            declared,
        );
        assert_eq!(a.meta.title.as_deref(), Some("Declared title"));
        assert_eq!(
            a.meta.author.as_deref(),
            Some("Jane Doe"),
            "the rest from the text"
        );
    }

    #[test]
    fn a_subheading_under_a_caption_stays_in_the_body() {
        let caption = "A classroom in Leeds. Photo: Alamy";
        let a = clean(&format!("{P1}\n{caption}\nWhat the plan says\n{P2}\n{P3}"));
        assert_eq!(body(&a), [P1, "What the plan says", P2, P3]);
        assert_eq!(a.removed, [caption]);
    }

    #[test]
    fn hard_wrapped_text_is_rejoined_into_paragraphs() {
        let text = "The annual general meeting of the residents association was\n\
                    held in the church hall on a wet Thursday. Forty-two members\n\
                    attended, and the chair opened the meeting at seven o'clock.\n\
                    \n\
                    The treasurer reported that the association ended the year\n\
                    with a surplus of four hundred pounds, most of it from the fair.\n";
        let a = clean(text);
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.paragraphs[0].text.contains("was held in the church hall"));
        assert!(a.paragraphs[1].text.ends_with("most of it from the fair."));
    }

    #[test]
    fn a_list_of_headlines_after_the_body_is_removed_not_rejoined() {
        let list = "Mother of three wins the lottery twice in one week\n\
                    Police hunt a man who stole forty garden gnomes\n\
                    Council tax to rise by five per cent, leader confirms\n\
                    Storm warning for the north as winds reach 80mph\n\
                    House prices fall for the third month in a row";
        let a = clean(&format!("{P1}\n{P2}\n{P3}\n{list}"));
        assert_eq!(body(&a), [P1, P2, P3]);
        assert_eq!(a.removed.len(), 5);
    }

    #[test]
    fn a_bulleted_list_of_sentences_inside_the_body_is_kept() {
        let items = [
            "• The tax-free lump sum is capped at a quarter of the pot.",
            "• Unused pots will count towards inheritance tax from 2027.",
        ];
        let a = clean(&format!("{P1}\n{}\n{}\n{P2}", items[0], items[1]));
        assert_eq!(body(&a), [P1, items[0], items[1], P2]);
    }

    #[test]
    fn one_paragraph_per_line_is_not_rejoined() {
        let a = clean(&format!("{P1}\n{P2}\n{P3}"));
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn a_menu_between_bars_is_never_the_headline() {
        let a = clean(&format!(
            "Home | News | Business | Markets\nCentral Banks | Currencies | Bonds\n\n\
             CMA holds rates, pushes back against bets on June cut\n\nBy Tomas Ridell\n\n{P1}\n\n{P2}"
        ));
        assert_eq!(
            a.meta.title.as_deref(),
            Some("CMA holds rates, pushes back against bets on June cut")
        );
        assert_eq!(a.meta.author.as_deref(), Some("Tomas Ridell"));
        assert_eq!(a.removed.len(), 2, "{:?}", a.removed);
    }

    #[test]
    fn an_interview_credit_names_the_author_under_a_quoted_headline() {
        let a = clean(&format!(
            "‘We will not let hospitals become cash machines for criminals’\n\n\
             The new head of the agency on ransom bans, burnout and why she keeps a paper diary\n\n\
             Interview by Jonah Pike\nMonday 3 February 2025\n\n{P1}\n\n{P2}"
        ));
        assert_eq!(
            a.meta.title.as_deref(),
            Some("‘We will not let hospitals become cash machines for criminals’")
        );
        assert_eq!(a.meta.author.as_deref(), Some("Jonah Pike"));
        assert_eq!(a.meta.date.as_deref(), Some("2025-02-03"));
    }

    #[test]
    fn a_press_release_headline_under_its_embargo_line_is_the_title() {
        let a = clean(&format!(
            "University of Northmere | News & Events | Press Releases | Contact\n\n\
             PRESS RELEASE\nEmbargoed until 00:01 GMT, Wednesday 5 March 2025\n\n\
             Soil fungus helps wheat survive drought, Northmere study finds\n\n{P1}\n\n{P2}"
        ));
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Soil fungus helps wheat survive drought, Northmere study finds")
        );
        assert_eq!(a.meta.author, None);
        assert_eq!(a.meta.date.as_deref(), Some("2025-03-05"));
    }

    #[test]
    fn a_headline_opening_the_body_under_furniture_is_the_title() {
        // long enough for the context pass to keep it in the body
        const HEADLINE: &str = "European Bicycle Manufacturers Association welcomes provisional \
                                anti-dumping duties, warns against delay";
        let a = clean(&format!(
            "FOR IMMEDIATE RELEASE\n\n{HEADLINE}\n\nBOSTON, 3 June 2026 — {P1}\n\n{P2}\n\n{P3}"
        ));
        assert_eq!(a.meta.title.as_deref(), Some(HEADLINE));
        assert!(a.paragraphs[0].text.starts_with("BOSTON, 3 June 2026"));
    }
}
