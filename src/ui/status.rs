//! Status-line pieces for the compare and matrix views: what the view shows, and which
//! sources are picked as compare sides A and B (so the pick is always visible).

use crate::app::{App, View};
use crate::compare::matrix::SortBy;
use crate::ui::compare::source_label;

/// "Compare 002 ⇄ 003" or "Matrix · by coverage".
pub fn view_label(app: &App) -> String {
    match app.view {
        View::Compare => match &app.compare.comparison {
            Some(cmp) => {
                let (a, b) = (app.briefing.article(cmp.a), app.briefing.article(cmp.b));
                let short = |n: &str| n.get(..3).unwrap_or(n).to_string();
                format!("Compare {} ⇄ {}", short(&a.name), short(&b.name))
            }
            None => "Compare".into(),
        },
        View::Matrix => match app.matrix.sort {
            SortBy::Coverage => "Matrix · by coverage".into(),
            SortBy::Actor => "Matrix · by actor".into(),
        },
        View::Panes => String::new(),
    }
}

/// " · A: 002 Outlet · B: 003 Outlet" for the picked sides, empty when none is picked.
pub fn picks(app: &App) -> String {
    let mut out = String::new();
    for (tag, pick) in [("A", app.compare.pick_a), ("B", app.compare.pick_b)] {
        if let Some(id) = pick.filter(|id| id.index() < app.briefing.articles.len()) {
            out.push_str(&format!(
                " · {tag}: {}",
                source_label(app.briefing.article(id))
            ));
        }
    }
    out
}
