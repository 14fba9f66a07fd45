//! Status-line pieces for the compare and matrix views: what the view shows, and which
//! sources are picked as compare sides A and B (so the pick is always visible).

use crate::app::compare::short_name;
use crate::app::{App, View};
use crate::compare::matrix::SortBy;

/// "Compare 002 ⇄ 003" or "Matrix · by coverage".
pub fn view_label(app: &App) -> String {
    match app.view {
        View::Compare => match &app.compare.comparison {
            Some(cmp) => {
                let (a, b) = (
                    short_name(&app.briefing, cmp.a),
                    short_name(&app.briefing, cmp.b),
                );
                format!("Compare {a} ⇄ {b}")
            }
            None => "Compare".into(),
        },
        View::Matrix => match app.matrix.sort {
            SortBy::Coverage => "Matrix · by coverage".into(),
            SortBy::Actor => "Matrix · by actor".into(),
        },
        View::Memo => format!("Memo · {}", crate::ui::memo::pins(app.memo.memo.pins.len())),
        View::Panes => String::new(),
    }
}

/// " · compare A: 002 B: 003" for the picked sides while the panes show (the compare view's
/// header names them), empty when none is picked.
pub fn picks(app: &App) -> String {
    if app.view != View::Panes {
        return String::new();
    }
    let mut out = String::new();
    for (tag, pick) in [("A", app.compare.pick_a), ("B", app.compare.pick_b)] {
        if let Some(id) = pick.filter(|id| id.index() < app.briefing.articles.len()) {
            out.push_str(&format!(" {tag}: {}", short_name(&app.briefing, id)));
        }
    }
    if out.is_empty() {
        out
    } else {
        format!(" · compare{out}")
    }
}
