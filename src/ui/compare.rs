//! Drawing the compare view: the two sources and their shared copy in a header, then the
//! aligned rows — a mark column (colour and a symbol, so it reads without colour), A | B.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::compare::{column_width, short_name, LineKind, HEADER_LINES, MARK_WIDTH};
use crate::app::{App, Mode};
use crate::briefing::{Article, Briefing};
use crate::compare::{Comparison, Mark};
use crate::ui::render::{pane_block, safe, truncate};
use crate::ui::theme::Theme;

/// The mark as a symbol and a word: readable without colour.
pub fn mark_label(mark: Mark) -> &'static str {
    match mark {
        Mark::Same => "≡ same",
        Mark::Agree => "= agree",
        Mark::Differ => "≠ differ",
        Mark::Both => "◇ both",
        Mark::OnlyA => "◀ only A",
        Mark::OnlyB => "▶ only B",
    }
}

/// The mark's style.
pub fn mark_style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Same => theme.same,
        Mark::Agree => theme.agree,
        Mark::Differ => theme.differ,
        Mark::Both | Mark::OnlyA | Mark::OnlyB => theme.one_side,
    }
}

/// "002 Atlantic Council" (the label is the outlet, else the title).
pub fn source_label(briefing: &Briefing, article: &Article) -> String {
    format!("{} {}", short_name(briefing, article.id), article.label())
}

/// Draws the compare view in `rect`.
pub fn render(app: &App, frame: &mut Frame, rect: Rect, theme: &Theme) {
    let block = pane_block("Compare".into(), app.mode == Mode::Compare, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let Some(cmp) = &app.compare.comparison else {
        return;
    };
    let mut lines = header(&app.briefing, cmp, inner.width, theme);
    let body = app.compare.lines(&app.briefing, app.view_width());
    let selected = Some(app.compare.selected);
    let column = column_width(app.view_width());
    let page = inner.height.saturating_sub(HEADER_LINES) as usize;
    for line in body.iter().skip(app.compare.scroll).take(page) {
        let chosen = line.entry == selected;
        lines.push(body_line(&line.kind, chosen, column, theme));
    }
    if body.is_empty() {
        lines.push(Line::from(Span::styled(
            "Nothing to compare: neither source reports a position, quotation or question.",
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn header<'a>(briefing: &Briefing, cmp: &Comparison, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let (a, b) = (briefing.article(cmp.a), briefing.article(cmp.b));
    let half = (width / 2) as usize;
    let side = |tag: &str, article: &Article| {
        let title = article.meta.title.as_deref().unwrap_or("(untitled)");
        let text = match article.meta.source.as_deref() {
            Some(outlet) => format!(
                "{tag} {} {outlet} — {title}",
                short_name(briefing, article.id)
            ),
            None => format!("{tag} {} {title}", short_name(briefing, article.id)),
        };
        pad(&truncate(&safe(&text), half.saturating_sub(1)), half)
    };
    let percent = |x: f32| (x * 100.0).round() as u32;
    let share = format!(
        "shared copy: {} sentences · {} is {}% inside {} · {} is {}% inside {}",
        cmp.shared.len(),
        short_name(briefing, a.id),
        percent(cmp.a_in_b),
        short_name(briefing, b.id),
        short_name(briefing, b.id),
        percent(cmp.b_in_a),
        short_name(briefing, a.id),
    );
    let column = column_width(width);
    let headings = format!(
        "{}{} │ {}",
        pad("mark", MARK_WIDTH as usize),
        pad(
            &truncate(&format!("A · {}", source_label(briefing, a)), column),
            column
        ),
        truncate(&safe(&format!("B · {}", source_label(briefing, b))), column),
    );
    vec![
        Line::from(vec![
            Span::styled(side("A", a), theme.title),
            Span::styled(side("B", b), theme.title),
        ]),
        Line::from(Span::styled(safe(&share), theme.dim)),
        Line::from(Span::styled(
            safe(&headings),
            theme.dim.patch(theme.focused),
        )),
    ]
}

/// `text` padded with spaces to `width` display columns.
fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

fn body_line<'a>(kind: &LineKind, chosen: bool, column: usize, theme: &Theme) -> Line<'a> {
    let select = |style: Style| {
        if chosen {
            style.patch(theme.selected)
        } else {
            style
        }
    };
    let gutter = if chosen { "▌" } else { " " };
    match kind {
        LineKind::Section(title) => Line::from(Span::styled(safe(title), theme.title)),
        LineKind::Head(mark, text) => {
            let (label, style) = mark.map_or(("", Style::new()), |m| {
                (mark_label(m), mark_style(m, theme))
            });
            Line::from(vec![
                Span::styled(pad(&format!("{gutter}{label}"), MARK_WIDTH as usize), style),
                Span::styled(safe(text), select(theme.title)),
            ])
        }
        LineKind::Columns(a, b) => Line::from(vec![
            Span::styled(pad(gutter, MARK_WIDTH as usize), theme.focused),
            Span::raw(pad(&safe(a), column)),
            Span::styled(" │ ", theme.border),
            Span::raw(safe(b)),
        ]),
        LineKind::Note(note) => Line::from(vec![
            Span::styled(pad(gutter, MARK_WIDTH as usize), theme.focused),
            Span::styled(safe(note), theme.differ),
        ]),
        LineKind::Blank => Line::from(""),
    }
}
