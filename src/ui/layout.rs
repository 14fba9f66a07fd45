//! Where each pane goes at a terminal size. Pure functions, shared by drawing and by `update`
//! (mouse hit-testing, page sizes), so both always agree.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::app::Focus;

/// Below this the app shows "terminal too small".
pub const MIN_SIZE: (u16, u16) = (40, 10);

/// The main area (all but the status line).
fn main_area(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1.saturating_sub(1))
}

/// Every pane's rectangle: wide (≥ 100 columns) sources | reader A | reader B | outline;
/// narrow: sources over outline on the left, one reader on the right.
pub fn panes(size: (u16, u16), wide: bool) -> Vec<(Focus, Rect)> {
    let area = main_area(size);
    if wide {
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Percentage(18),
                Constraint::Percentage(30),
                Constraint::Percentage(30),
                Constraint::Percentage(22),
            ])
            .split(area);
        vec![
            (Focus::Sources, cols[0]),
            (Focus::ReaderA, cols[1]),
            (Focus::ReaderB, cols[2]),
            (Focus::Outline, cols[3]),
        ]
    } else {
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(35), Constraint::Percentage(65)])
            .split(area);
        let left = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(40), Constraint::Percentage(60)])
            .split(cols[0]);
        vec![
            (Focus::Sources, left[0]),
            (Focus::Outline, left[1]),
            (Focus::ReaderA, cols[1]),
        ]
    }
}

/// The rectangle of `pane`, if shown.
pub fn pane(size: (u16, u16), wide: bool, pane: Focus) -> Option<Rect> {
    panes(size, wide)
        .into_iter()
        .find(|(p, _)| *p == pane)
        .map(|(_, r)| r)
}

/// Text columns of a reader (inside its border and the two-column margin).
pub fn reader_text_width(size: (u16, u16), wide: bool) -> u16 {
    pane(size, wide, Focus::ReaderA)
        .map_or(20, |r| r.width.saturating_sub(4))
        .max(8)
}

/// Text rows of a reader (inside its border).
pub fn reader_height(size: (u16, u16)) -> u16 {
    main_area(size).height.saturating_sub(2)
}
