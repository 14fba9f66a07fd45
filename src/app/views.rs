//! The App's side of the full-screen views: opening the compare and matrix views, picking the
//! compared sources, moving in the views, Enter (both readers to a row's sentences, or the
//! reader to a cell's sentence, through the jump list so Ctrl-O returns) and leaving them.

use crate::app::compare::{Target, View};
use crate::app::{App, Effect, Focus, Mode, ReaderState};
use crate::briefing::ArticleId;

/// A wheel or arrow step in the compare view moves by entries; longer moves are lines.
const ENTRY_STEPS: i32 = 3;

impl App {
    /// The mode of the view shown, to return to when an overlay closes.
    pub fn base_mode(&self) -> Mode {
        match self.view {
            View::Panes => Mode::Normal,
            View::Compare => Mode::Compare,
            View::Matrix => Mode::Matrix,
            View::Memo => Mode::Memo,
        }
    }

    /// The sources a compare view opened now would compare: the picked ones, else the readers'.
    pub fn compare_sides(&self) -> (ArticleId, ArticleId) {
        let (a, b) = (&self.compare.pick_a, &self.compare.pick_b);
        (
            a.unwrap_or(self.readers[0].article),
            b.unwrap_or(self.readers[1].article),
        )
    }

    pub(super) fn open_compare(&mut self) {
        let (a, b) = self.compare_sides();
        self.compare.open(&self.briefing, a, b);
        self.view = View::Compare;
        self.mode = Mode::Compare;
        if a == b {
            self.message = Some("A and B are the same source: pick B with B in the sources".into());
        }
    }

    pub(super) fn open_matrix(&mut self) -> Option<Effect> {
        self.view = View::Matrix;
        self.mode = Mode::Matrix;
        let m = &mut self.matrix;
        let current = m.data.as_ref().is_some_and(|d| d.sort == m.sort);
        if current || m.loading {
            return None;
        }
        m.loading = true;
        Some(Effect::BuildMatrix(m.sort))
    }

    pub(super) fn toggle_sort(&mut self) -> Option<Effect> {
        (self.mode == Mode::Matrix).then(|| Effect::BuildMatrix(self.matrix.toggle_sort()))
    }

    /// Marks the selected source (or the focused reader's article) as side A or B.
    pub(super) fn pick_source(&mut self, side_b: bool) {
        let article = match self.focus {
            Focus::ReaderA => self.readers[0].article,
            Focus::ReaderB => self.readers[1].article,
            _ => ArticleId(self.source as u32),
        };
        let short = crate::app::compare::short_name(&self.briefing, article).to_string();
        if side_b {
            self.compare.pick_b = Some(article);
        } else {
            self.compare.pick_a = Some(article);
        }
        let side = if side_b { "B" } else { "A" };
        self.message = Some(format!("{short} is {side}; c compares"));
    }

    /// Leaves the compare or matrix view (closing the matrix's list first, if open).
    pub(super) fn close_view(&mut self) {
        if self.mode == Mode::Matrix && self.matrix.close_popup() {
            return;
        }
        self.view = View::Panes;
        self.mode = Mode::Normal;
    }

    /// Up/down in the compare view: a few steps move by entries, pages move by lines.
    pub(super) fn compare_move(&mut self, delta: i32) {
        let (width, page) = (self.view_width(), self.view_page());
        if delta.abs() <= ENTRY_STEPS || delta.abs() >= i32::MAX / 4 {
            self.compare
                .select_by(&self.briefing, delta.clamp(-1 << 20, 1 << 20), width, page);
        } else {
            self.compare.page_by(&self.briefing, delta, width, page);
        }
    }

    /// Columns inside the compare view's border.
    pub fn view_width(&self) -> u16 {
        self.size.0.saturating_sub(2)
    }

    /// Lines the compare view shows at once (inside its border, under its header).
    pub fn view_page(&self) -> usize {
        self.size
            .1
            .saturating_sub(1 + 2 + crate::app::compare::HEADER_LINES) as usize
    }

    /// In the compare view, swaps A and B; elsewhere swaps the readers.
    pub(super) fn swap(&mut self) {
        if self.mode != Mode::Compare {
            self.readers.swap(0, 1);
            return;
        }
        let (a, b) = self.compare_sides();
        self.compare.pick_a = Some(b);
        self.compare.pick_b = Some(a);
        self.compare.open(&self.briefing, b, a);
    }

    /// Enter in the compare view: each reader opens its side at the row's first sentence.
    pub(super) fn activate_compare(&mut self) {
        let Some((a, b)) = self.compare.targets(&self.briefing) else {
            return;
        };
        // B first, so the first Ctrl-O restores the focused reader A
        self.show_target(1, b);
        self.show_target(0, a);
        self.view = View::Panes;
        self.mode = Mode::Normal;
        self.focus = Focus::ReaderA;
        if !self.is_wide() {
            self.message =
                Some("B is in the second reader: s swaps (100 columns show both)".into());
        }
    }

    fn show_target(&mut self, r: usize, target: Target) {
        self.remember(r);
        let (width, page) = (self.reader_width(), self.page() as usize);
        match target {
            Target::At(loc) => {
                let show = self.show_boilerplate;
                self.readers[r].show(&self.briefing, loc, width, page, show)
            }
            Target::Top(article) => self.readers[r] = ReaderState::new(article),
        }
    }

    /// Enter in the matrix view: opens the cell's sentences, or jumps to the one selected.
    pub(super) fn activate_matrix(&mut self) {
        if let Some(loc) = self.matrix.activate(&self.briefing) {
            self.matrix.popup = None;
            self.view = View::Panes;
            self.mode = Mode::Normal;
            self.focus = Focus::ReaderA;
            self.jump_to(loc);
        } else if self.matrix.popup.is_none() {
            self.message = Some("nothing here: this source is silent on this actor".into());
        }
    }
}
