//! Drawing the matrix view: a tab line, then actors × sources (each cell the stance labels,
//! coloured by stance group, `·` when the source is silent; columns scroll sideways) or the
//! questions grouped across sources; and the list of a cell's sentences over it.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::app::compare::short_name;
use crate::app::matrix::{
    visible_columns, MatrixData, MatrixTab, Popup, ACTOR_WIDTH, CELL_WIDTH, HEADER_LINES,
};
use crate::app::reader::wrap;
use crate::app::{App, Mode};
use crate::compare::matrix::SortBy;
use crate::compare::stance::group_of;
use crate::ui::render::{centered, pane_block, safe, truncate};
use crate::ui::theme::Theme;

/// Draws the matrix view in `rect`.
pub fn render(app: &App, frame: &mut Frame, rect: Rect, theme: &Theme) {
    let block = pane_block("Matrix".into(), app.mode == Mode::Matrix, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let state = &app.matrix;
    let Some(data) = &state.data else {
        let text = "building the matrix…";
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), inner);
        return;
    };
    let mut lines = vec![tabs(app, data, theme)];
    let rows = inner.height.saturating_sub(HEADER_LINES) as usize;
    match state.tab {
        MatrixTab::Actors => actor_table(app, data, inner.width, rows, theme, &mut lines),
        MatrixTab::Questions => question_list(app, data, rows, theme, &mut lines),
        MatrixTab::Quotes => quote_list(app, data, rows, theme, &mut lines),
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(popup) = &state.popup {
        draw_popup(popup, frame, rect, theme);
    }
}

fn tabs<'a>(app: &App, data: &MatrixData, theme: &Theme) -> Line<'a> {
    let tab = |t: MatrixTab, label: String| {
        let style = if app.matrix.tab == t {
            theme.focused
        } else {
            theme.dim
        };
        Span::styled(label, style)
    };
    let sort = match app.matrix.sort {
        SortBy::Coverage => "coverage",
        SortBy::Actor => "actor",
    };
    let busy = if app.matrix.loading {
        " (sorting…)"
    } else {
        ""
    };
    Line::from(vec![
        tab(
            MatrixTab::Actors,
            format!("Actors × sources ({})", data.matrix.actors.len()),
        ),
        Span::raw("  "),
        tab(
            MatrixTab::Questions,
            format!("Questions ({})", data.questions.len()),
        ),
        Span::raw("  "),
        tab(
            MatrixTab::Quotes,
            format!("Quotations ({})", data.quotes.len()),
        ),
        Span::styled(format!("  · by {sort}{busy}"), theme.dim),
    ])
}

fn actor_table<'a>(
    app: &App,
    data: &MatrixData,
    width: u16,
    rows: usize,
    theme: &Theme,
    lines: &mut Vec<Line<'a>>,
) {
    let state = &app.matrix;
    let shown = visible_columns(width + 2);
    let columns: Vec<usize> = (state.column_offset..data.matrix.articles.len())
        .take(shown)
        .collect();
    let total = data.matrix.articles.len();
    // when every source fits, the cells share the room (up to twice the usual width)
    let cell_width = if columns.len() == total && total > 0 {
        let room = width.saturating_sub(ACTOR_WIDTH) / total as u16;
        room.clamp(CELL_WIDTH, 2 * CELL_WIDTH)
    } else {
        CELL_WIDTH
    };
    let range = match (columns.first(), columns.last()) {
        (Some(f), Some(l)) if columns.len() < total => {
            format!("sources {}–{}/{total} ←→", f + 1, l + 1)
        }
        _ => format!("actor      {total} sources"),
    };
    let mut head = vec![Span::styled(cell(&range, ACTOR_WIDTH), theme.dim)];
    let mut sub = vec![Span::raw(cell("", ACTOR_WIDTH))];
    for &c in &columns {
        let article = app.briefing.article(data.matrix.articles[c]);
        let short = short_name(&app.briefing, article.id);
        let style = if c == state.column {
            theme.focused
        } else {
            theme.title
        };
        head.push(Span::styled(
            cell(&format!("{short} {}", article.label()), cell_width),
            style,
        ));
        let date = article.meta.date.as_deref().unwrap_or("undated");
        sub.push(Span::styled(cell(date, cell_width), theme.dim));
    }
    lines.push(Line::from(head));
    lines.push(Line::from(sub));
    for (row, actor) in data
        .matrix
        .actors
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(rows)
    {
        let name = app
            .briefing
            .actors
            .get(actor.0 as usize)
            .map_or("", |a| a.name.as_str());
        let name_width = ACTOR_WIDTH.saturating_sub(5) as usize;
        let label = format!(
            "{} {:>2}",
            pad_to(&truncate(&safe(name), name_width), name_width),
            data.matrix.coverage(row)
        );
        let name_style = if row == state.row {
            theme.focused
        } else {
            theme.title
        };
        let mut spans = vec![Span::styled(cell(&label, ACTOR_WIDTH), name_style)];
        for &c in &columns {
            let stances = data
                .matrix
                .cell(row, c)
                .map(|x| x.stances.clone())
                .unwrap_or_default();
            let text = if stances.is_empty() {
                "·".to_string()
            } else {
                stances.join(", ")
            };
            let mut style = stances
                .first()
                .map_or(theme.dim, |s| stance_style(s, theme));
            if row == state.row && c == state.column {
                style = style.patch(theme.selected);
            }
            spans.push(Span::styled(cell(&text, cell_width), style));
        }
        lines.push(Line::from(spans));
    }
}

/// A stance's colour by its group: commitments and support agree-green, hedges one-sided,
/// refusals differ-red.
fn stance_style(stance: &str, theme: &Theme) -> Style {
    match group_of(stance) {
        Some("commit") | Some("support") => theme.agree,
        Some("against") => theme.differ,
        Some(_) => theme.one_side,
        None => Style::new(),
    }
}

fn pad_to(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// `text` cut to `width - 1` columns and padded to `width` (a space between cells).
fn cell(text: &str, width: u16) -> String {
    let w = width.saturating_sub(1) as usize;
    format!("{} ", pad_to(&truncate(&safe(text), w), w))
}

fn question_list<'a>(
    app: &App,
    data: &MatrixData,
    rows: usize,
    theme: &Theme,
    lines: &mut Vec<Line<'a>>,
) {
    let state = &app.matrix;
    lines.push(Line::from(Span::styled(
        "sources  question (the first wording; Enter lists every source's)",
        theme.dim,
    )));
    lines.push(Line::from(""));
    for (i, group) in data
        .questions
        .iter()
        .enumerate()
        .skip(state.question_scroll)
        .take(rows)
    {
        let first = group
            .questions
            .first()
            .and_then(|&q| app.briefing.questions.get(q));
        let text = first.map_or("", |q| q.text.as_str());
        let ids: Vec<&str> = group
            .sources
            .iter()
            .map(|a| short_name(&app.briefing, *a))
            .collect();
        let style = if i == state.question {
            theme.selected
        } else {
            Style::new()
        };
        let count_style = if group.sources.len() > 1 {
            theme.agree
        } else {
            theme.dim
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>3} × ", group.sources.len()), count_style),
            Span::styled(format!("[{}] ", ids.join(" ")), theme.dim),
            Span::styled(safe(text), style),
        ]));
    }
}

fn quote_list<'a>(
    app: &App,
    data: &MatrixData,
    rows: usize,
    theme: &Theme,
    lines: &mut Vec<Line<'a>>,
) {
    let state = &app.matrix;
    lines.push(Line::from(Span::styled(
        "quotations carried by several sources (≠ wording changed; Enter lists every source)",
        theme.dim,
    )));
    lines.push(Line::from(""));
    if data.quotes.is_empty() {
        let none = "No quotation is carried by more than one source.";
        lines.push(Line::from(Span::styled(none, theme.dim)));
    }
    for (i, group) in data
        .quotes
        .iter()
        .enumerate()
        .skip(state.quote_scroll)
        .take(rows)
    {
        let Some(first) = app.briefing.quotes.get(group.first().quote) else {
            continue;
        };
        let speaker = first.speaker.as_deref().unwrap_or("(unattributed)");
        let (flag, flag_style) = if group.is_varied() {
            ("≠ ", theme.differ)
        } else {
            ("≡ ", theme.same)
        };
        let style = if i == state.quote {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>3} × ", group.sources().len()), theme.agree),
            Span::styled(flag, flag_style),
            Span::styled(safe(&format!("{speaker}: “{}”", first.text)), style),
        ]));
    }
}

fn draw_popup(popup: &Popup, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rect = centered(area, 80, 60);
    frame.render_widget(Clear, rect);
    let title = format!("{} — Enter jumps, Esc closes", popup.title);
    let block = pane_block(title, true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width.max(4) as usize;
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, (_, text)) in popup.items.iter().enumerate() {
        let text = safe(text);
        for (s, e) in wrap(&text, width) {
            lines.push((i, text.get(s..e).unwrap_or("").to_string()));
        }
    }
    let height = inner.height as usize;
    let first_selected = lines
        .iter()
        .position(|(i, _)| *i == popup.selected)
        .unwrap_or(0);
    // the selected item's first line stays in view, one line of context above it
    let skip = if first_selected + 1 < height {
        0
    } else {
        first_selected.saturating_sub(1)
    };
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(height)
        .map(|(i, text)| {
            let style = if i == popup.selected {
                theme.selected
            } else {
                Style::new()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
