//! The matrix view's state: actors × sources (built off the UI thread, see
//! [`crate::app::Effect::BuildMatrix`]), the selected cell and the columns scrolled to, tabs of
//! questions and of quotations carried by several sources, and a popup listing a cell's or
//! group's sentences.

use std::sync::Arc;

use crate::app::step;
use crate::briefing::{Briefing, Loc};
use crate::compare::matrix::{matrix, question_groups, Matrix, QuestionGroup, SortBy};
use crate::compare::quotes::{describe, quote_groups, QuoteGroup};

/// Columns of the actor names.
pub const ACTOR_WIDTH: u16 = 22;
/// Columns of one source's cell.
pub const CELL_WIDTH: u16 = 16;
/// Lines above the table inside the view's border: tabs, column headings.
pub const HEADER_LINES: u16 = 3;

/// The matrix and question groups of a briefing, for one row order.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixData {
    /// The row order it was built with.
    pub sort: SortBy,
    /// Actors × sources.
    pub matrix: Matrix,
    /// Questions grouped across sources, most sources first.
    pub questions: Vec<QuestionGroup>,
    /// Quotations carried by several sources: most sources first, then in briefing order.
    pub quotes: Vec<QuoteGroup>,
}

impl MatrixData {
    /// Builds both (the worker calls this).
    pub fn build(briefing: &Briefing, sort: SortBy) -> MatrixData {
        let mut quotes: Vec<QuoteGroup> = quote_groups(briefing)
            .into_iter()
            .filter(|g| g.sources().len() > 1)
            .collect();
        quotes.sort_by_key(|g| std::cmp::Reverse(g.sources().len()));
        MatrixData {
            sort,
            matrix: matrix(briefing, sort),
            questions: question_groups(briefing),
            quotes,
        }
    }
}

/// Which table the matrix view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixTab {
    /// Actors × sources.
    #[default]
    Actors,
    /// Questions grouped across sources.
    Questions,
    /// Quotations carried by several sources.
    Quotes,
}

/// A list of sentences to pick one from and jump to.
#[derive(Debug, Clone, PartialEq)]
pub struct Popup {
    /// What the list is (actor and source, or the question).
    pub title: String,
    /// Each sentence's place and its line: "stance — sentence" or the question.
    pub items: Vec<(Loc, String)>,
    /// The selected item.
    pub selected: usize,
}

/// The matrix view's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MatrixState {
    /// Row order asked for.
    pub sort: SortBy,
    /// The latest matrix built (may be for the other order while `loading`).
    pub data: Option<Arc<MatrixData>>,
    /// A build for `sort` is under way.
    pub loading: bool,
    /// The visible tab.
    pub tab: MatrixTab,
    /// Selected actor row.
    pub row: usize,
    /// Selected source column.
    pub column: usize,
    /// First actor row shown.
    pub scroll: usize,
    /// First source column shown.
    pub column_offset: usize,
    /// Selected question group.
    pub question: usize,
    /// First question group shown.
    pub question_scroll: usize,
    /// Selected quotation group.
    pub quote: usize,
    /// First quotation group shown.
    pub quote_scroll: usize,
    /// The open list of sentences, if any.
    pub popup: Option<Popup>,
}

/// Source columns that fit in `width` beside the actor names (at least one).
pub fn visible_columns(width: u16) -> usize {
    (width.saturating_sub(ACTOR_WIDTH + 2) / CELL_WIDTH).max(1) as usize
}

/// Table rows that fit in a terminal `height` rows high (status line, border, header).
pub fn visible_rows(height: u16) -> usize {
    height.saturating_sub(1 + 2 + HEADER_LINES).max(1) as usize
}

impl MatrixState {
    /// Asks for the matrix in the other row order; returns the order to build.
    pub fn toggle_sort(&mut self) -> SortBy {
        self.sort = match self.sort {
            SortBy::Coverage => SortBy::Actor,
            SortBy::Actor => SortBy::Coverage,
        };
        self.loading = true;
        self.sort
    }

    /// A worker's result: kept if it is for the order asked for.
    pub fn receive(&mut self, data: MatrixData) {
        if data.sort == self.sort {
            self.loading = false;
            self.data = Some(Arc::new(data));
            self.row = 0;
            self.scroll = 0;
            self.question = self.question.min(self.questions_len().saturating_sub(1));
            self.quote = self.quote.min(self.quotes_len().saturating_sub(1));
        }
    }

    fn rows_len(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.matrix.actors.len())
    }
    fn columns_len(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.matrix.articles.len())
    }
    fn questions_len(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.questions.len())
    }
    fn quotes_len(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.quotes.len())
    }

    /// Moves the selection (popup item, actor row or question group) by `delta`, in view.
    pub fn move_by(&mut self, delta: i32, size: (u16, u16)) {
        let page = visible_rows(size.1);
        if let Some(popup) = &mut self.popup {
            popup.selected = step(popup.selected, delta, popup.items.len().saturating_sub(1));
            return;
        }
        match self.tab {
            MatrixTab::Actors => {
                self.row = step(self.row, delta, self.rows_len().saturating_sub(1));
                self.scroll = keep_in_view(self.row, self.scroll, page);
            }
            MatrixTab::Questions => {
                let last = self.questions_len().saturating_sub(1);
                self.question = step(self.question, delta, last);
                self.question_scroll = keep_in_view(self.question, self.question_scroll, page);
            }
            MatrixTab::Quotes => {
                let last = self.quotes_len().saturating_sub(1);
                self.quote = step(self.quote, delta, last);
                self.quote_scroll = keep_in_view(self.quote, self.quote_scroll, page);
            }
        }
    }

    /// Moves the selected column by `delta`, scrolling the columns to keep it shown.
    pub fn move_column(&mut self, delta: i32, width: u16) {
        if self.popup.is_some() || self.tab != MatrixTab::Actors {
            return;
        }
        self.column = step(self.column, delta, self.columns_len().saturating_sub(1));
        self.column_offset = keep_in_view(self.column, self.column_offset, visible_columns(width));
    }

    /// Cycles through the actor table, the question groups and the quotation groups.
    pub fn next_tab(&mut self) {
        self.popup = None;
        self.tab = match self.tab {
            MatrixTab::Actors => MatrixTab::Questions,
            MatrixTab::Questions => MatrixTab::Quotes,
            MatrixTab::Quotes => MatrixTab::Actors,
        };
    }

    /// Enter: opens the selected cell's (or question group's) sentences; with the list open,
    /// returns the selected sentence to jump to.
    pub fn activate(&mut self, briefing: &Briefing) -> Option<Loc> {
        if let Some(popup) = &self.popup {
            return popup.items.get(popup.selected).map(|(loc, _)| *loc);
        }
        self.popup = match self.tab {
            MatrixTab::Actors => self.cell_popup(briefing),
            MatrixTab::Questions => self.question_popup(briefing),
            MatrixTab::Quotes => self.quote_popup(briefing),
        };
        None
    }

    fn cell_popup(&self, briefing: &Briefing) -> Option<Popup> {
        let data = self.data.as_ref()?;
        let cell = data.matrix.cell(self.row, self.column)?;
        let actor = data.matrix.actors.get(self.row)?;
        let article = data.matrix.articles.get(self.column)?;
        let name = briefing.actors.get(actor.0 as usize)?.name.clone();
        let items = cell
            .positions
            .iter()
            .filter_map(|&i| briefing.positions.get(i))
            .map(|p| (p.at, format!("[{}] {}", p.stance, p.sentence)))
            .collect();
        let source = source_of(briefing, *article);
        Some(Popup {
            title: format!("{name} in {source}"),
            items,
            selected: 0,
        })
    }

    fn question_popup(&self, briefing: &Briefing) -> Option<Popup> {
        let group = self.data.as_ref()?.questions.get(self.question)?;
        let items = group
            .questions
            .iter()
            .filter_map(|&i| briefing.questions.get(i))
            .map(|q| {
                let source = source_of(briefing, q.at.article);
                (q.at, format!("{source}: {}", q.text))
            })
            .collect();
        Some(Popup {
            title: format!("Raised by {} sources", group.sources.len()),
            items,
            selected: 0,
        })
    }

    fn quote_popup(&self, briefing: &Briefing) -> Option<Popup> {
        let group = self.data.as_ref()?.quotes.get(self.quote)?;
        let items = group
            .carriers
            .iter()
            .enumerate()
            .filter_map(|(n, c)| {
                let q = briefing.quotes.get(c.quote)?;
                let source = source_of(briefing, q.at.article);
                let article = briefing.articles.get(c.article.index())?;
                let date = article.meta.date.as_deref().unwrap_or("undated");
                let wording = match (n, c.changes.is_empty()) {
                    (0, _) => "first".to_string(),
                    (_, true) => "also, same words".to_string(),
                    (_, false) => format!("also, {}", describe(&c.changes)),
                };
                let text = format!("{source} · {date} · {wording}: “{}”", q.text);
                Some((q.at, text))
            })
            .collect();
        let speaker = group
            .carriers
            .first()
            .and_then(|c| briefing.quotes.get(c.quote))
            .and_then(|q| q.speaker.clone())
            .unwrap_or_else(|| "(unattributed)".into());
        Some(Popup {
            title: format!("{speaker}, carried by {} sources", group.sources().len()),
            items,
            selected: 0,
        })
    }

    /// The sentence selected in the open list of a cell's sentences, if any.
    pub fn selected_loc(&self, _briefing: &Briefing) -> Option<Loc> {
        let popup = self.popup.as_ref()?;
        popup.items.get(popup.selected).map(|(loc, _)| *loc)
    }

    /// Closes the list of a cell's sentences; whether one was open.
    pub fn close_popup(&mut self) -> bool {
        self.popup.take().is_some()
    }
}

/// "000 Defense Priorities": the article's short name and outlet (or title).
fn source_of(briefing: &Briefing, id: crate::briefing::ArticleId) -> String {
    let label = briefing.articles.get(id.index()).map_or("", |a| a.label());
    format!("{} {label}", crate::app::compare::short_name(briefing, id))
}

/// The first item to show so that `selected` is among `page` items from it.
fn keep_in_view(selected: usize, first: usize, page: usize) -> usize {
    let page = page.max(1);
    if selected < first {
        selected
    } else if selected >= first + page {
        selected + 1 - page
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> (Briefing, MatrixState) {
        let briefing = crate::seeds::briefing();
        let mut state = MatrixState::default();
        state.receive(MatrixData::build(&briefing, SortBy::Coverage));
        (briefing, state)
    }

    #[test]
    fn a_result_for_an_order_no_longer_asked_for_is_dropped() {
        let (briefing, mut state) = state();
        assert_eq!(state.toggle_sort(), SortBy::Actor);
        state.receive(MatrixData::build(&briefing, SortBy::Coverage));
        assert!(state.loading, "still waiting for the actor order");
        state.receive(MatrixData::build(&briefing, SortBy::Actor));
        assert!(!state.loading);
        assert_eq!(state.data.as_ref().map(|d| d.sort), Some(SortBy::Actor));
    }

    #[test]
    fn moving_right_past_the_visible_columns_scrolls_them() {
        let (_, mut state) = state();
        for _ in 0..4 {
            state.move_column(1, 60);
        }
        assert_eq!(visible_columns(60), 2);
        assert_eq!(state.column, 4);
        assert_eq!(state.column_offset, 3);
        state.move_column(-10, 60);
        assert_eq!((state.column, state.column_offset), (0, 0));
    }

    #[test]
    fn enter_on_an_empty_cell_opens_nothing() {
        let (briefing, mut state) = state();
        let empty = (0..5).find(|&c| {
            state
                .data
                .as_ref()
                .and_then(|d| d.matrix.cell(0, c))
                .is_none()
        });
        if let Some(c) = empty {
            state.column = c;
            assert_eq!(state.activate(&briefing), None);
            assert!(state.popup.is_none());
        }
    }
}
