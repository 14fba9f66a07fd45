//! The compare view's state: which two sources are compared (picked in the sources list, else
//! the two readers' articles), their [`Comparison`], the selected entry, and the view laid out
//! as lines at a width (pure, shared by `update` for scrolling and by `ui` for drawing).

use crate::app::reader::wrap;
use crate::briefing::{ArticleId, Briefing, Loc};
use crate::compare::quotes::describe;
use crate::compare::{compare, Comparison, Item, Mark};

/// Which full-screen view the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Sources, readers and outline.
    #[default]
    Panes,
    /// Two sources aligned row by row.
    Compare,
    /// Actors × sources, and grouped questions.
    Matrix,
    /// The memo: what was pinned, with notes.
    Memo,
}

/// One selectable entry of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `comparison.rows[i]`.
    Row(usize),
    /// `comparison.quotes[i]`: a quotation both carry.
    Quote(usize),
}

/// The compare view's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareState {
    /// The source picked as A in the sources list (else the left reader's article).
    pub pick_a: Option<ArticleId>,
    /// The source picked as B (else the right reader's article).
    pub pick_b: Option<ArticleId>,
    /// The comparison shown, once opened.
    pub comparison: Option<Comparison>,
    /// The selected entry.
    pub selected: usize,
    /// The first line shown.
    pub scroll: usize,
}

/// What one line of the compare view shows.
#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    /// A section title ("Quotations both carry").
    Section(String),
    /// An entry's heading: its mark and who/what it is about.
    Head(Option<Mark>, String),
    /// One line of each column (either may be empty).
    Columns(String, String),
    /// A note under a quotation: how B's wording differs.
    Note(String),
    /// Space between entries.
    Blank,
}

/// One laid-out line, with the entry it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Index into [`CompareState::entries`], if the line belongs to one.
    pub entry: Option<usize>,
    /// What it shows.
    pub kind: LineKind,
}

impl CompareState {
    /// Compares `a` with `b` afresh, first entry selected.
    pub fn open(&mut self, briefing: &Briefing, a: ArticleId, b: ArticleId) {
        self.comparison = Some(compare(briefing, a, b));
        self.selected = 0;
        self.scroll = 0;
    }

    /// The selectable entries: the aligned rows, then the quotations both carry.
    pub fn entries(&self) -> Vec<Entry> {
        let Some(cmp) = &self.comparison else {
            return Vec::new();
        };
        let rows = (0..cmp.rows.len()).map(Entry::Row);
        rows.chain((0..cmp.quotes.len()).map(Entry::Quote))
            .collect()
    }

    /// Moves the selection by `delta` entries and scrolls it into a `page` of lines.
    pub fn select_by(&mut self, briefing: &Briefing, delta: i32, width: u16, page: usize) {
        let last = self.entries().len().saturating_sub(1);
        self.selected = crate::app::step(self.selected, delta, last);
        self.scroll_to_selected(briefing, width, page);
    }

    /// Moves the selection about `lines` lines down (or up, when negative), to an entry start.
    pub fn page_by(&mut self, briefing: &Briefing, lines: i32, width: u16, page: usize) {
        let heads: Vec<(usize, usize)> = heads(&self.lines(briefing, width));
        let Some(&(at, _)) = heads.iter().find(|(_, e)| *e == self.selected) else {
            return;
        };
        let target = at as i64 + lines as i64;
        let next = if lines > 0 {
            heads.iter().rev().find(|(l, _)| (*l as i64) <= target)
        } else {
            heads.iter().find(|(l, _)| (*l as i64) >= target)
        };
        if let Some(&(_, entry)) = next {
            self.selected = entry;
        }
        self.scroll_to_selected(briefing, width, page);
    }

    fn scroll_to_selected(&mut self, briefing: &Briefing, width: u16, page: usize) {
        let lines = self.lines(briefing, width);
        let first = lines.iter().position(|l| l.entry == Some(self.selected));
        let last = lines.iter().rposition(|l| l.entry == Some(self.selected));
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let page = page.max(1);
        if first < self.scroll || last - first + 1 > page {
            self.scroll = first.saturating_sub(usize::from(first > 0 && self.selected == 0));
        } else if last >= self.scroll + page {
            self.scroll = last + 1 - page;
        }
        // the section title above the first entry of a section stays in view with it
        if self.scroll > 0 && matches!(lines[self.scroll - 1].kind, LineKind::Section(_)) {
            self.scroll -= 1;
        }
    }

    /// Selects the entry whose lines include line `row` of the view (as drawn from `scroll`).
    pub fn click(&mut self, briefing: &Briefing, row: usize, width: u16) {
        let lines = self.lines(briefing, width);
        if let Some(entry) = lines.get(self.scroll + row).and_then(|l| l.entry) {
            self.selected = entry;
        }
    }

    /// Where Enter takes each reader: the selected entry's first item on each side (a side with
    /// nothing opens its article at the top).
    pub fn targets(&self, briefing: &Briefing) -> Option<(Target, Target)> {
        let cmp = self.comparison.as_ref()?;
        let first = |items: &[Item]| items.first().map(|i| i.loc(briefing));
        let (a, b) = match self.entries().get(self.selected)? {
            Entry::Row(i) => (first(&cmp.rows[*i].a), first(&cmp.rows[*i].b)),
            Entry::Quote(i) => {
                let pair = &cmp.quotes[*i];
                (
                    Some(briefing.quotes[pair.a].at),
                    Some(briefing.quotes[pair.b].at),
                )
            }
        };
        let target = |loc: Option<Loc>, article| loc.map_or(Target::Top(article), Target::At);
        Some((target(a, cmp.a), target(b, cmp.b)))
    }

    /// The view as lines for a view `width` columns wide (marks, A and B).
    pub fn lines(&self, briefing: &Briefing, width: u16) -> Vec<Line> {
        let Some(cmp) = &self.comparison else {
            return Vec::new();
        };
        let column = column_width(width);
        let mut out = Vec::new();
        for (e, entry) in self.entries().into_iter().enumerate() {
            match entry {
                Entry::Row(i) => row_lines(&mut out, briefing, cmp, i, e, column),
                Entry::Quote(i) => {
                    if i == 0 {
                        let title = format!("Quotations both carry ({})", cmp.quotes.len());
                        out.push(Line {
                            entry: None,
                            kind: LineKind::Section(title),
                        });
                    }
                    quote_lines(&mut out, briefing, cmp, i, e, column, width);
                }
            }
        }
        out
    }
}

/// An article's short name: its name up to the first `_` when no other article's name starts the
/// same ("000" for "000_3c79…"), else the whole name ("port_strike_wire").
pub fn short_name(briefing: &Briefing, id: ArticleId) -> &str {
    let Some(article) = briefing.articles.get(id.index()) else {
        return "";
    };
    let name = article.name.as_str();
    let Some((head, _)) = name.split_once('_') else {
        return name;
    };
    let shared = briefing
        .articles
        .iter()
        .filter(|a| a.name.split_once('_').map_or(a.name.as_str(), |(h, _)| h) == head)
        .count();
    if shared == 1 {
        head
    } else {
        name
    }
}

/// Where a reader goes on Enter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// This sentence or quotation, highlighted.
    At(Loc),
    /// The top of this article (its side of the row is empty).
    Top(ArticleId),
}

/// Lines above the rows inside the view's border: the sources, the shared copy, the headings.
pub const HEADER_LINES: u16 = 3;

/// Columns of the mark, before the A and B columns.
pub const MARK_WIDTH: u16 = 11;

/// Width of each of the A and B columns in a view `width` wide (" │ " between them).
pub fn column_width(width: u16) -> usize {
    (width.saturating_sub(MARK_WIDTH + 3) / 2).max(4) as usize
}

/// (line, entry) of each entry's first line.
fn heads(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if let Some(e) = line.entry {
            if out.last().is_none_or(|(_, last)| *last != e) {
                out.push((n, e));
            }
        }
    }
    out
}

/// An item as one text: "\[stance\] sentence", "“quotation”", "? question".
pub fn item_text(briefing: &Briefing, item: Item) -> String {
    match item {
        Item::Position(i) => {
            let p = &briefing.positions[i];
            format!("[{}] {}", p.stance, p.sentence)
        }
        Item::Quote(i) => format!("“{}”", briefing.quotes[i].text),
        Item::Question(i) => format!("? {}", briefing.questions[i].text),
    }
}

fn wrapped(texts: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        out.extend(
            wrap(text, width)
                .into_iter()
                .map(|(s, e)| text.get(s..e).unwrap_or("").to_string()),
        );
    }
    out
}

fn row_lines(out: &mut Vec<Line>, b: &Briefing, cmp: &Comparison, i: usize, e: usize, w: usize) {
    let row = &cmp.rows[i];
    let who = row.actor.map_or("Open question".to_string(), |a| {
        b.actors
            .get(a.0 as usize)
            .map_or(String::new(), |x| x.name.clone())
    });
    let topic = row
        .topic
        .as_deref()
        .map(|t| format!(" · {t}"))
        .unwrap_or_default();
    out.push(Line {
        entry: Some(e),
        kind: LineKind::Head(Some(row.mark), format!("{who}{topic}")),
    });
    let side = |items: &[Item]| -> Vec<String> {
        wrapped(
            &items.iter().map(|&x| item_text(b, x)).collect::<Vec<_>>(),
            w,
        )
    };
    push_columns(out, e, side(&row.a), side(&row.b));
}

fn push_columns(out: &mut Vec<Line>, e: usize, a: Vec<String>, b: Vec<String>) {
    let n = a.len().max(b.len());
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    for _ in 0..n {
        out.push(Line {
            entry: Some(e),
            kind: LineKind::Columns(a.next().unwrap_or_default(), b.next().unwrap_or_default()),
        });
    }
    out.push(Line {
        entry: Some(e),
        kind: LineKind::Blank,
    });
}

fn quote_lines(
    out: &mut Vec<Line>,
    b: &Briefing,
    cmp: &Comparison,
    i: usize,
    e: usize,
    column: usize,
    width: u16,
) {
    let pair = &cmp.quotes[i];
    let (qa, qb) = (&b.quotes[pair.a], &b.quotes[pair.b]);
    let speaker = qa.speaker.as_deref().unwrap_or("(unattributed)");
    let mark = if pair.changes.is_empty() {
        Mark::Same
    } else {
        Mark::Differ
    };
    out.push(Line {
        entry: Some(e),
        kind: LineKind::Head(Some(mark), speaker.to_string()),
    });
    if !pair.changes.is_empty() {
        let note = format!("B's wording: {}", describe(&pair.changes));
        let note_width = width.saturating_sub(MARK_WIDTH).max(4) as usize;
        for (s, t) in wrap(&note, note_width) {
            out.push(Line {
                entry: Some(e),
                kind: LineKind::Note(note.get(s..t).unwrap_or("").to_string()),
            });
        }
    }
    let text = |q: &crate::extract::Quote| wrapped(&[format!("“{}”", q.text)], column);
    push_columns(out, e, text(qa), text(qb));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_comparison_lays_out_every_entry_with_a_heading() {
        let briefing = crate::seeds::briefing();
        let mut state = CompareState::default();
        let (a, b) = (
            briefing.find_article("002").map(|a| a.id),
            briefing.find_article("003").map(|a| a.id),
        );
        state.open(&briefing, a.expect("002"), b.expect("003"));
        let lines = state.lines(&briefing, 120);
        let headed: std::collections::BTreeSet<usize> = lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Head(..)))
            .filter_map(|l| l.entry)
            .collect();
        assert_eq!(headed.len(), state.entries().len());
        assert!(lines.iter().all(|l| match &l.kind {
            LineKind::Columns(a, b) => a.chars().count() <= 54 && b.chars().count() <= 54,
            _ => true,
        }));
    }

    #[test]
    fn short_names_cut_at_the_underscore_only_when_that_stays_unique() {
        let mut briefing = crate::seeds::briefing();
        assert_eq!(short_name(&briefing, ArticleId(0)), "000");
        briefing.articles[0].name = "port_strike_wire".into();
        briefing.articles[1].name = "port_strike_gazette".into();
        assert_eq!(short_name(&briefing, ArticleId(0)), "port_strike_wire");
        briefing.articles[2].name = "budget".into();
        assert_eq!(short_name(&briefing, ArticleId(2)), "budget");
    }

    #[test]
    fn selecting_past_the_end_stays_on_the_last_entry_and_keeps_it_in_view() {
        let briefing = crate::seeds::briefing();
        let mut state = CompareState::default();
        state.open(&briefing, ArticleId(1), ArticleId(3));
        state.select_by(&briefing, 1000, 100, 10);
        assert_eq!(state.selected, state.entries().len() - 1);
        let lines = state.lines(&briefing, 100);
        let at = lines
            .iter()
            .position(|l| l.entry == Some(state.selected))
            .expect("selected entry laid out");
        assert!(at >= state.scroll && at < state.scroll + 10);
    }
}
