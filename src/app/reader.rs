//! A reader pane: which article, how far scrolled, what is highlighted, and the article laid out
//! into display lines at a width (wide characters measured with `unicode-width`), keeping byte
//! offsets so highlights land on the right characters.

use unicode_width::UnicodeWidthChar;

use crate::briefing::{Article, ArticleId, Briefing, Loc};

/// What one display line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// The headline.
    Title,
    /// Author, date and outlet.
    Meta,
    /// A note such as "excerpt of …".
    Note(String),
    /// An empty line.
    Blank,
    /// Part of paragraph `paragraph`: bytes `start..end` of its text.
    Text {
        /// Paragraph index.
        paragraph: usize,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// A heading over the removed lines.
    RemovedHeading,
    /// Part of removed line `line`: bytes `start..end`.
    Removed {
        /// Index into `Article::removed`.
        line: usize,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
}

/// One reader pane's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    /// The article shown.
    pub article: ArticleId,
    /// The first display line shown.
    pub scroll: usize,
    /// The sentence or quotation jumped to, highlighted.
    pub highlight: Option<Loc>,
}

impl ReaderState {
    /// A reader at the top of `article`.
    pub fn new(article: ArticleId) -> ReaderState {
        ReaderState {
            article,
            scroll: 0,
            highlight: None,
        }
    }

    /// Scrolls by `delta` lines, clamped so the last page stays full.
    pub fn scroll_by(
        &mut self,
        briefing: &Briefing,
        width: u16,
        page: usize,
        delta: i32,
        boilerplate: bool,
    ) {
        let total = layout(briefing, briefing.article(self.article), width, boilerplate).len();
        self.scroll = crate::app::step(self.scroll, delta, total.saturating_sub(page));
    }

    /// Opens `loc`'s article scrolled so `loc` stands a third of the way down, highlighted.
    pub fn show(
        &mut self,
        briefing: &Briefing,
        loc: Loc,
        width: u16,
        page: usize,
        boilerplate: bool,
    ) {
        self.article = loc.article;
        let lines = layout(briefing, briefing.article(loc.article), width, boilerplate);
        let line = line_of(&lines, loc).unwrap_or(0);
        self.scroll = line
            .saturating_sub(page / 3)
            .min(lines.len().saturating_sub(page));
        self.highlight = Some(loc);
    }

    /// Scrolls to the start of the next (or previous) paragraph.
    pub fn paragraph_step(
        &mut self,
        briefing: &Briefing,
        width: u16,
        delta: i32,
        boilerplate: bool,
    ) {
        let lines = layout(briefing, briefing.article(self.article), width, boilerplate);
        let starts: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, LineKind::Text { start: 0, .. }))
            .map(|(i, _)| i)
            .collect();
        let next = if delta > 0 {
            starts.iter().copied().find(|&i| i > self.scroll)
        } else {
            starts.iter().rev().copied().find(|&i| i < self.scroll)
        };
        self.scroll = next.unwrap_or(if delta > 0 { self.scroll } else { 0 });
    }

    /// The text at the top line: its paragraph and first byte (None above the first paragraph).
    pub fn top_loc(&self, briefing: &Briefing, width: u16, boilerplate: bool) -> Option<Loc> {
        let lines = layout(briefing, briefing.article(self.article), width, boilerplate);
        match lines.get(self.scroll)? {
            LineKind::Text {
                paragraph, start, ..
            } => Some(Loc {
                article: self.article,
                paragraph: *paragraph,
                span: crate::briefing::Span::new(*start, *start),
            }),
            _ => None,
        }
    }

    /// Scrolls so the line holding `loc` is the top line (after a resize).
    pub fn scroll_to(&mut self, briefing: &Briefing, loc: Loc, width: u16, boilerplate: bool) {
        let lines = layout(briefing, briefing.article(self.article), width, boilerplate);
        if let Some(line) = line_of(&lines, loc) {
            self.scroll = line;
        }
    }

    /// The paragraph shown at the top, for the status line.
    pub fn paragraph_at_top(
        &self,
        briefing: &Briefing,
        width: u16,
        boilerplate: bool,
    ) -> Option<usize> {
        let lines = layout(briefing, briefing.article(self.article), width, boilerplate);
        lines[self.scroll.min(lines.len().saturating_sub(1))..]
            .iter()
            .find_map(|l| match l {
                LineKind::Text { paragraph, .. } => Some(*paragraph),
                _ => None,
            })
    }
}

/// The display line holding the start of `loc`.
pub fn line_of(lines: &[LineKind], loc: Loc) -> Option<usize> {
    lines.iter().position(|l| {
        matches!(l, LineKind::Text { paragraph, start, end } if *paragraph == loc.paragraph && *start <= loc.span.start && loc.span.start < (*end).max(start + 1))
    })
}

/// The article laid out into display lines of at most `width` columns.
pub fn layout(
    briefing: &Briefing,
    article: &Article,
    width: u16,
    boilerplate: bool,
) -> Vec<LineKind> {
    let width = width.max(8) as usize;
    let mut lines = vec![LineKind::Title, LineKind::Meta];
    if let Some(longer) = article.excerpt_of {
        lines.push(LineKind::Note(format!(
            "excerpt of {}",
            briefing.article(longer).name
        )));
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        lines.push(LineKind::Blank);
        lines.extend(
            wrap(&p.text, width)
                .into_iter()
                .map(|(start, end)| LineKind::Text {
                    paragraph: i,
                    start,
                    end,
                }),
        );
    }
    if boilerplate && !article.removed.is_empty() {
        lines.push(LineKind::Blank);
        lines.push(LineKind::RemovedHeading);
        for (i, line) in article.removed.iter().enumerate() {
            lines.extend(
                wrap(line, width)
                    .into_iter()
                    .map(|(start, end)| LineKind::Removed {
                        line: i,
                        start,
                        end,
                    }),
            );
        }
    }
    lines
}

/// Breaks `text` into lines of at most `width` display columns, at spaces where possible (a
/// word longer than the width is broken inside). Returns byte ranges; spaces at breaks dropped.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let (mut start, mut col, mut last_space) = (0usize, 0usize, None::<usize>);
    let mut i = 0;
    for (at, c) in text.char_indices() {
        i = at + c.len_utf8();
        let w = c.width().unwrap_or(0);
        if c == ' ' {
            last_space = Some(at);
        }
        if col + w > width && at > start {
            let cut = match last_space {
                Some(s) if s > start => s,
                _ => at,
            };
            lines.push((start, cut));
            start = if text[cut..].starts_with(' ') {
                cut + 1
            } else {
                cut
            };
            col = text[start..i].chars().map(|c| c.width().unwrap_or(0)).sum();
            last_space = None;
        } else {
            col += w;
        }
    }
    if start < i || lines.is_empty() {
        lines.push((start, text.len()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    fn pieces(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_within_the_width() {
        assert_eq!(
            pieces("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let text = "日本語のテキストです";
        for piece in pieces(text, 6) {
            assert!(piece.width() <= 6, "{piece}");
        }
        assert_eq!(pieces(text, 6).concat(), text);
    }

    #[test]
    fn a_word_longer_than_the_width_is_broken() {
        assert_eq!(pieces("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn combining_marks_take_no_column() {
        assert_eq!(
            pieces("e\u{301}e\u{301}e\u{301}", 3),
            ["e\u{301}e\u{301}e\u{301}"]
        );
    }
}
