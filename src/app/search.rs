//! The search overlay's state: the query typed, the latest results for it, the selection, and
//! the hits `n`/`N` walk after a jump.

use crate::briefing::Loc;
use crate::search::Hit;

/// The search overlay.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    /// The query as typed.
    pub query: String,
    /// Results for `results_for` (may lag the query by a keystroke).
    pub results: Vec<Hit>,
    /// The query the results belong to.
    pub results_for: String,
    /// The selected result.
    pub selected: usize,
    /// The result last jumped to, for n/N.
    pub last_jump: Option<usize>,
    /// The query is the previous one, shown selected as the overlay reopens: the first typed
    /// character replaces it (as in a browser's address bar), an editing key keeps it.
    pub reopened: bool,
}

impl SearchState {
    /// Takes results from the worker; results of a query no longer typed are dropped.
    pub fn receive(&mut self, query: String, hits: Vec<Hit>) {
        if query == self.query {
            self.results = hits;
            self.results_for = query;
            self.selected = self.selected.min(self.results.len().saturating_sub(1));
        }
    }

    /// Moves the selection.
    pub fn select_by(&mut self, delta: i32) {
        self.selected =
            crate::app::step(self.selected, delta, self.results.len().saturating_sub(1));
    }

    /// The selected hit.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.get(self.selected)
    }

    /// After a jump: the next (or previous) hit's location, wrapping around.
    pub fn step(&mut self, delta: i32) -> Option<Loc> {
        let at = self.last_jump?;
        if self.results.is_empty() {
            return None;
        }
        let next = (at as i32 + delta).rem_euclid(self.results.len() as i32) as usize;
        self.last_jump = Some(next);
        self.selected = next;
        Some(self.results[next].loc)
    }
}
