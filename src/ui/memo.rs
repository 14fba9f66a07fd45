//! Drawing the memo view: the memo's note, then the pins in the chosen grouping — each with its
//! kind, speaker or actor, text, source and paragraph, its note, and a flag when its text moved,
//! changed or vanished — and the note editor on the last line while a note is typed.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::memo::NoteTarget;
use crate::app::{App, Mode};
use crate::memo::{Pin, PinKind, Status};
use crate::ui::render::{pane_block, safe, truncate};
use crate::ui::theme::Theme;

/// "1 pin", "3 pins".
pub fn pins(n: usize) -> String {
    if n == 1 {
        "1 pin".into()
    } else {
        format!("{n} pins")
    }
}

/// A short tag for what a pin is.
fn kind_tag(kind: PinKind) -> &'static str {
    match kind {
        PinKind::Sentence => "sentence",
        PinKind::Quote => "quote",
        PinKind::Position => "position",
        PinKind::Question => "question",
        PinKind::CompareRow => "compare",
    }
}

/// A flag for a pin whose text is not where it was.
fn status_flag(status: Status) -> &'static str {
    match status {
        Status::Anchored => "",
        Status::Moved => " ↪ moved",
        Status::Changed => " ≈ wording changed",
        Status::Orphaned => " ⚠ gone from the source",
    }
}

/// Draws the memo view in `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let memo = &app.memo;
    let title = format!(
        "Memo · {} · grouped by {}",
        pins(memo.memo.pins.len()),
        memo.group.label()
    );
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let note = if memo.memo.note.is_empty() {
        "(no memo note: E writes one)".to_string()
    } else {
        memo.memo.note.clone()
    };
    lines.push(Line::from(Span::styled(
        truncate(&safe(&note), width),
        theme.title,
    )));
    lines.push(Line::from(""));
    let mut selected_line = 0;
    if memo.memo.pins.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate("Nothing pinned yet: p pins the sentence, quotation, position, question or compare row under the cursor.", width),
            theme.dim,
        )));
    }
    let mut heading: Option<String> = None;
    for i in memo.order() {
        let group = memo.heading(i);
        if group.is_some() && group != heading {
            lines.push(Line::from(Span::styled(
                truncate(&safe(group.as_deref().unwrap_or("")), width),
                theme.mark,
            )));
            heading = group;
        }
        if i == memo.selected {
            selected_line = lines.len();
        }
        let pin = &memo.memo.pins[i];
        // the short name ("003") of an article still in the briefing, else the name recorded
        let source = match app
            .briefing
            .articles
            .iter()
            .find(|a| a.name == pin.source.article)
        {
            Some(article) => crate::app::compare::short_name(&app.briefing, article.id),
            None => pin.source.article.as_str(),
        };
        pin_lines(&mut lines, pin, source, i == memo.selected, width, theme);
    }
    let height = inner.height as usize;
    let editing = app.mode == Mode::Note && memo.editing.is_some();
    let room = height.saturating_sub(usize::from(editing));
    let first = selected_line.saturating_sub(room.saturating_sub(3));
    let shown: Vec<Line> = lines.into_iter().skip(first).take(room).collect();
    frame.render_widget(
        Paragraph::new(shown),
        Rect::new(inner.x, inner.y, inner.width, room as u16),
    );
    if let (true, Some((target, editor))) = (editing, &memo.editing) {
        let label = match target {
            NoteTarget::Pin(_) => "Note: ",
            NoteTarget::Memo => "Memo note: ",
        };
        let y = inner.y + inner.height - 1;
        let room = width.saturating_sub(label.width() + 1);
        // keep the cursor in view on a long note: show the tail
        let text = editor.text();
        let column = editor.cursor_column();
        let skip = column.saturating_sub(room);
        let visible: String = skip_columns(text, skip);
        let line = Line::from(vec![
            Span::styled(label, theme.mark),
            Span::raw(truncate(&safe(&visible), room)),
        ]);
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, y, inner.width, 1));
        let x = inner.x + (label.width() + column - skip).min(width.saturating_sub(1)) as u16;
        frame.set_cursor_position((x, y));
    }
}

/// The lines of one pin: "▸ [quote] Speaker — “text” · source ¶n flag", then its note.
fn pin_lines(
    lines: &mut Vec<Line>,
    pin: &Pin,
    source: &str,
    selected: bool,
    width: usize,
    theme: &Theme,
) {
    let marker = if selected { "▸ " } else { "  " };
    let who = pin
        .who
        .as_deref()
        .map(|w| format!("{w} — "))
        .unwrap_or_default();
    let label = pin
        .label
        .as_deref()
        .map(|l| format!("({l}) "))
        .unwrap_or_default();
    let head = format!("{marker}[{}] {who}{label}", kind_tag(pin.kind));
    let tail = format!(
        " · {source} ¶{}{}",
        pin.source.paragraph + 1,
        status_flag(pin.status)
    );
    let room = width.saturating_sub(head.width() + tail.width());
    let text = format!("“{}”", pin.text);
    let style = if selected {
        theme.selected
    } else {
        theme.quote
    };
    lines.push(Line::from(vec![
        Span::styled(truncate(&safe(&head), width), style),
        Span::styled(truncate(&safe(&text), room.max(8)), style),
        Span::styled(
            safe(&tail),
            if pin.status == Status::Orphaned {
                theme.differ
            } else {
                theme.dim
            },
        ),
    ]));
    if !pin.note.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(&safe(&format!("    ✎ {}", pin.note)), width),
            theme.dim,
        )));
    }
}

/// `text` without its first `columns` display columns.
fn skip_columns(text: &str, columns: usize) -> String {
    let mut seen = 0;
    text.chars()
        .skip_while(|c| {
            if seen >= columns {
                return false;
            }
            seen += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            true
        })
        .collect()
}
