//! Drawing: `render(&App, &mut Frame)`. Checks the area first (a short "too small" line below
//! 40×10, nothing at all below one cell), then draws the panes, the status line and any overlay.
//! Text reaching the terminal has passed `text::sanitize` at ingest; spans are filtered again
//! for control characters here, so nothing from an article can drive the terminal.

use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use crate::app::reader::{layout as reader_layout, LineKind};
use crate::app::{App, Focus, Mode, Tab, View};
use crate::briefing::{Article, ArticleId, Briefing, Loc};
use crate::ui::layout::{panes, MIN_SIZE};
use crate::ui::theme::Theme;

/// Draws the whole app.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = Theme::from_env();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let text = format!(
            "terminal too small: {}×{} (need {}×{})",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        // wrapped: the terminal may be narrower than the line that says how wide it must be
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    if app.briefing.articles.is_empty() {
        let rect = Rect::new(0, area.height / 2, area.width, 1);
        frame.render_widget(
            Paragraph::new(match app.loading {
                Some(progress) => format!("Loading the briefing… {progress}"),
                None => "Loading the briefing…".to_string(),
            })
            .alignment(Alignment::Center)
            .style(theme.dim),
            rect,
        );
        status(
            app,
            frame,
            Rect::new(0, area.height - 1, area.width, 1),
            &theme,
        );
        return;
    }
    let size = (area.width, area.height);
    let main = Rect::new(0, 0, area.width, area.height - 1);
    match app.view {
        View::Compare => crate::ui::compare::render(app, frame, main, &theme),
        View::Matrix => crate::ui::matrix::render(app, frame, main, &theme),
        View::Memo => crate::ui::memo::render(app, frame, main, &theme),
        View::Panes => {}
    }
    let panes = if app.view == View::Panes {
        panes(size, app.is_wide())
    } else {
        Vec::new()
    };
    for (pane, rect) in panes {
        match pane {
            Focus::Sources => sources(app, frame, rect, &theme),
            Focus::ReaderA => reader(app, frame, rect, 0, &theme),
            Focus::ReaderB => reader(app, frame, rect, 1, &theme),
            Focus::Outline => outline(app, frame, rect, &theme),
        }
    }
    status(
        app,
        frame,
        Rect::new(0, area.height - 1, area.width, 1),
        &theme,
    );
    match app.mode {
        Mode::Search => search(app, frame, area, &theme),
        Mode::Help => help(app, frame, area, &theme),
        _ => {}
    }
}

/// Text with any control character removed (defence in depth: ingest already sanitized it).
pub(crate) fn safe(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

pub(crate) fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused { theme.focused } else { theme.border };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(safe(&title), style))
}

/// Articles in display order: each article followed by its excerpts (and theirs), in id order.
/// Linear in the briefing, as it runs on every frame; every article appears exactly once.
pub fn source_order(briefing: &Briefing) -> Vec<ArticleId> {
    let n = briefing.articles.len();
    let mut excerpts: Vec<Vec<ArticleId>> = vec![Vec::new(); n];
    for a in &briefing.articles {
        if let Some(longer) = a.excerpt_of.filter(|l| l.index() < n && *l != a.id) {
            excerpts[longer.index()].push(a.id);
        }
    }
    let mut order = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    let roots = briefing
        .articles
        .iter()
        .filter(|a| a.excerpt_of.is_none_or(|l| l.index() >= n || l == a.id));
    // roots first, then anything a cycle of excerpts left unplaced
    for start in roots.chain(&briefing.articles).map(|a| a.id) {
        let mut stack = vec![start];
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut placed[id.index()], true) {
                continue;
            }
            order.push(id);
            stack.extend(excerpts[id.index()].iter().rev());
        }
    }
    order
}

/// The article shown on display row `row` of the sources list (two rows per source).
pub fn sources_row_to_index(briefing: &Briefing, row: usize) -> Option<usize> {
    source_order(briefing).get(row / 2).map(|id| id.index())
}

fn sources(app: &App, frame: &mut Frame, rect: Rect, theme: &Theme) {
    let block = pane_block(
        format!("Sources ({})", app.briefing.articles.len()),
        app.focus == Focus::Sources,
        theme,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let order = source_order(&app.briefing);
    let selected_row = order
        .iter()
        .position(|id| id.index() == app.source)
        .unwrap_or(0);
    let visible = (inner.height / 2).max(1) as usize;
    let first = selected_row.saturating_sub(visible.saturating_sub(1));
    let mut lines = Vec::new();
    for (row, id) in order.iter().enumerate().skip(first).take(visible) {
        let a = app.briefing.article(*id);
        let indent = if a.excerpt_of.is_some() { "└ " } else { "" };
        let style = if row == selected_row {
            theme.selected
        } else {
            Style::new()
        };
        // first row: the outlet (or, without one, the title); second row: date and title
        let title = a.meta.title.as_deref().unwrap_or("(no title)");
        let (name, rest) = match a.meta.source.as_deref() {
            Some(outlet) => (outlet, title),
            None => (title, ""),
        };
        let side = match (app.compare.pick_a, app.compare.pick_b) {
            (Some(x), Some(y)) if x == *id && y == *id => "[AB] ",
            (Some(x), _) if x == *id => "[A] ",
            (_, Some(y)) if y == *id => "[B] ",
            _ => "",
        };
        let head = format!("{indent}{side}{} {name}", app.briefing.short_name(a.id));
        lines.push(Line::from(Span::styled(
            safe(&head),
            style.patch(theme.title),
        )));
        let date = a.meta.date.as_deref().unwrap_or("undated");
        let second = if rest.is_empty() {
            format!("  {date}")
        } else {
            format!("  {date} · {rest}")
        };
        lines.push(Line::from(Span::styled(safe(&second), theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if app.focus == Focus::Sources && app.mode == Mode::Normal {
        let y = inner.y + ((selected_row - first) * 2) as u16;
        if y < inner.bottom() {
            frame.set_cursor_position((inner.x, y));
        }
    }
}

fn reader(app: &App, frame: &mut Frame, rect: Rect, r: usize, theme: &Theme) {
    let state = &app.readers[r];
    let article = app.briefing.article(state.article);
    let focused = app.focus
        == if r == 0 {
            Focus::ReaderA
        } else {
            Focus::ReaderB
        };
    let lock = if app.scroll_lock { " ⇅" } else { "" };
    let block = pane_block(
        format!(
            "{} {}{lock}",
            app.briefing.short_name(article.id),
            article.label()
        ),
        focused,
        theme,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width.saturating_sub(2);
    let lines = reader_layout(&app.briefing, article, width, app.show_boilerplate);
    let marks = Marks::of(
        &app.briefing,
        article,
        state.highlight,
        app.search.selected_hit().map(|h| h.loc),
    );
    let shown: Vec<Line> = lines
        .iter()
        .skip(state.scroll)
        .take(inner.height as usize)
        .map(|line| reader_line(article, line, &marks, theme))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// What to highlight in one article.
struct Marks {
    quotes: Vec<Loc>,
    positions: Vec<Loc>,
    questions: Vec<Loc>,
    highlight: Vec<Loc>,
}

impl Marks {
    fn of(
        briefing: &Briefing,
        article: &Article,
        highlight: Option<Loc>,
        hit: Option<Loc>,
    ) -> Marks {
        let here = |loc: &Loc| loc.article == article.id;
        Marks {
            quotes: briefing
                .quotes_of(article.id)
                .iter()
                .flat_map(|q| q.parts.iter().copied())
                .filter(here)
                .collect(),
            positions: briefing
                .positions_of(article.id)
                .iter()
                .map(|p| p.at)
                .collect(),
            questions: briefing
                .questions_of(article.id)
                .iter()
                .map(|q| q.at)
                .collect(),
            highlight: highlight.into_iter().chain(hit).filter(here).collect(),
        }
    }
}

fn overlaps(loc: &Loc, paragraph: usize, start: usize, end: usize) -> bool {
    loc.paragraph == paragraph && loc.span.start < end.max(start + 1) && loc.span.end > start
}

fn reader_line<'a>(article: &Article, line: &LineKind, marks: &Marks, theme: &Theme) -> Line<'a> {
    match line {
        LineKind::Title => Line::from(Span::styled(
            safe(article.meta.title.as_deref().unwrap_or(&article.name)),
            theme.title,
        )),
        LineKind::Meta => {
            let m = &article.meta;
            let parts: Vec<&str> = [m.author.as_deref(), m.date.as_deref(), m.source.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let text = if parts.is_empty() {
                "no byline, date or outlet in the text".to_string()
            } else {
                parts.join(" · ")
            };
            Line::from(Span::styled(safe(&text), theme.dim))
        }
        LineKind::Note(note) => Line::from(Span::styled(safe(note), theme.dim)),
        LineKind::Blank => Line::from(""),
        LineKind::RemovedHeading => {
            Line::from(Span::styled("── removed by cleaning ──", theme.dim))
        }
        LineKind::Removed { line, start, end } => {
            let text = article
                .removed
                .get(*line)
                .map_or("", |l| l.get(*start..*end).unwrap_or(""));
            Line::from(vec![
                Span::raw("  "),
                Span::styled(safe(text), theme.removed),
            ])
        }
        LineKind::Text {
            paragraph,
            start,
            end,
        } => text_line(article, *paragraph, *start, *end, marks, theme),
    }
}

fn text_line<'a>(
    article: &Article,
    paragraph: usize,
    start: usize,
    end: usize,
    marks: &Marks,
    theme: &Theme,
) -> Line<'a> {
    let text = &article.paragraphs[paragraph].text;
    let mark = if marks
        .questions
        .iter()
        .any(|l| overlaps(l, paragraph, start, end))
    {
        "? "
    } else if marks
        .positions
        .iter()
        .any(|l| overlaps(l, paragraph, start, end))
    {
        "▎ "
    } else {
        "  "
    };
    let mut spans = vec![Span::styled(mark, theme.mark)];
    // cut the line where a highlight or quotation starts or ends, and style each piece
    let mut cuts: Vec<usize> = vec![start, end];
    for loc in marks
        .quotes
        .iter()
        .chain(&marks.highlight)
        .filter(|l| overlaps(l, paragraph, start, end))
    {
        cuts.extend([
            loc.span.start.clamp(start, end),
            loc.span.end.clamp(start, end),
        ]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let inside = |locs: &[Loc]| {
            locs.iter()
                .any(|l| l.paragraph == paragraph && l.span.start <= a && b <= l.span.end)
        };
        let style = if inside(&marks.highlight) {
            theme.hit
        } else if inside(&marks.quotes) {
            theme.quote
        } else {
            Style::new()
        };
        spans.push(Span::styled(safe(piece), style));
    }
    Line::from(spans)
}

fn outline(app: &App, frame: &mut Frame, rect: Rect, theme: &Theme) {
    let focused = app.focus == Focus::Outline;
    let block = pane_block("Outline".into(), focused, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let tab = |t: Tab, label: &str| {
        let style = if app.outline.tab == t {
            theme.focused
        } else {
            theme.dim
        };
        Span::styled(label.to_string(), style)
    };
    let mut lines = vec![Line::from(vec![
        tab(Tab::Positions, "1 Positions"),
        Span::raw("  "),
        tab(Tab::Questions, "2 Questions"),
        Span::raw("  "),
        tab(Tab::Quotes, "3 Quotes"),
    ])];
    let filter = match (app.outline.tab, app.mode) {
        (Tab::Quotes, Mode::Filter) => format!("speaker: {}▏", app.outline.filter),
        (Tab::Quotes, _) if !app.outline.filter.is_empty() => {
            format!("speaker: {} (f to change)", app.outline.filter)
        }
        _ => String::new(),
    };
    lines.push(Line::from(Span::styled(safe(&filter), theme.dim)));
    let height = inner.height.saturating_sub(2) as usize;
    let first = app
        .outline
        .selected
        .saturating_sub(height.saturating_sub(1));
    let rows = app.outline.window(&app.briefing, first, height);
    for (i, row) in (first..).zip(&rows) {
        let selected = i == app.outline.selected && focused;
        let base = if row.loc.is_none() {
            theme.title
        } else {
            Style::new()
        };
        let style = if selected {
            base.patch(theme.selected)
        } else {
            base
        };
        let prefix = match row.group {
            Some((_, true)) => "▾ ",
            Some((_, false)) => "▸ ",
            None if row.loc.is_some() => "  ",
            None => "",
        };
        let mut spans = vec![Span::styled(safe(&format!("{prefix}{}", row.text)), style)];
        if !row.source.is_empty() {
            spans.push(Span::styled(safe(&format!("  {}", row.source)), theme.dim));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if focused && app.mode == Mode::Normal && app.outline.selected >= first {
        let y = inner.y + 2 + (app.outline.selected - first) as u16;
        if y < inner.bottom() {
            frame.set_cursor_position((inner.x, y));
        }
    }
}

fn status(app: &App, frame: &mut Frame, rect: Rect, theme: &Theme) {
    if app.briefing.articles.is_empty() {
        frame.render_widget(
            Paragraph::new(match app.loading {
                Some(progress) => format!(" {progress}… │ q quit"),
                None => " loading… │ q quit".to_string(),
            })
            .style(theme.status),
            rect,
        );
        return;
    }
    let pane = match (app.view, app.focus) {
        (View::Compare | View::Matrix | View::Memo, _) => crate::ui::status::view_label(app),
        (_, Focus::Sources) => "Sources".to_string(),
        (_, Focus::Outline) => "Outline".to_string(),
        (_, Focus::ReaderA | Focus::ReaderB) => {
            let r = if app.focus == Focus::ReaderA { 0 } else { 1 };
            let state = &app.readers[r];
            let article = app.briefing.article(state.article);
            let width = app.reader_width();
            let total = reader_layout(&app.briefing, article, width, app.show_boilerplate)
                .len()
                .max(1);
            let para = state
                .paragraph_at_top(&app.briefing, width, app.show_boilerplate)
                .map_or(0, |p| p + 1);
            let percent = ((state.scroll + app.page() as usize).min(total) * 100) / total;
            format!(
                "Reader {} · ¶ {para}/{} · {percent}%",
                if r == 0 { "A" } else { "B" },
                article.paragraphs.len()
            )
        }
    };
    let index = if app.index_ready {
        ""
    } else {
        " · indexing…"
    };
    let hint = match app.mode {
        Mode::Normal => "? help  / search  Tab pane  Enter open  o other pane  q quit",
        Mode::Search => "type to search  ↑↓ select  Enter jump  Esc close",
        Mode::Filter => "type a speaker  Enter/Esc done",
        Mode::Help => "Esc close",
        Mode::Compare => "↑↓ row  Enter open both  s swap  t matrix  p pin  ? help  Esc back",
        Mode::Matrix => "↑↓←→ cell  Enter open  s sort  Tab next tab  ? help  Esc back",
        Mode::Memo => {
            "↑↓ pin  Enter go  e note  E memo note  J/K move  d remove  s group  w write  Esc back"
        }
        Mode::Note => "type the note  Enter keep  Esc cancel",
        Mode::Confirm => "y yes  any other key no",
    };
    let picks = crate::ui::status::picks(app);
    let message = app
        .message
        .as_deref()
        .map(|m| format!(" · {m}"))
        .unwrap_or_default();
    let text = format!(" {pane}{picks}{index}{message} │ {hint}");
    frame.render_widget(Paragraph::new(safe(&text)).style(theme.status), rect);
}

pub(crate) fn centered(area: Rect, width_percent: u16, height_percent: u16) -> Rect {
    let w = (area.width * width_percent / 100).max(20).min(area.width);
    let h = (area.height * height_percent / 100).max(5).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn search(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rect = centered(area, 80, 70);
    frame.render_widget(Clear, rect);
    let count = if app.search.query.is_empty() {
        String::new()
    } else {
        format!(" — {} hits", app.search.results.len())
    };
    let block = pane_block(format!("Search{count}"), true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // a reopened query is shown selected: typing replaces it
    let query_style = if app.search.reopened {
        theme.selected
    } else {
        theme.title
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled("/ ", theme.title),
            Span::styled(safe(&app.search.query), query_style),
        ]),
        Line::from(""),
    ];
    let height = inner.height.saturating_sub(2) as usize;
    let first = app.search.selected.saturating_sub(height.saturating_sub(1));
    for (i, hit) in app
        .search
        .results
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
    {
        let source = crate::app::outline::short_source(&app.briefing, hit.loc);
        let style = if i == app.search.selected {
            theme.selected
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            format!("{:<8} {:<18} ", kind_label(hit.kind), truncate(&source, 18)),
            theme.dim.patch(style),
        )];
        spans.extend(matched_spans(&hit.text, &hit.matched, style, theme));
        lines.push(Line::from(spans));
    }
    if !app.search.query.is_empty() && app.search.results.is_empty() {
        lines.push(Line::from(Span::styled("no match", theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let cursor_x =
        inner.x + (2 + unicode_width::UnicodeWidthStr::width(app.search.query.as_str())) as u16;
    frame.set_cursor_position((cursor_x.min(inner.right().saturating_sub(1)), inner.y));
}

fn kind_label(kind: crate::search::HitKind) -> &'static str {
    match kind {
        crate::search::HitKind::Sentence => "sentence",
        crate::search::HitKind::Quote => "quote",
        crate::search::HitKind::Actor => "actor",
        crate::search::HitKind::Title => "title",
    }
}

pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars()
            .take(max.saturating_sub(1))
            .chain(['…'])
            .collect()
    }
}

/// The hit's text with its matched characters highlighted.
fn matched_spans<'a>(text: &str, matched: &[usize], base: Style, theme: &Theme) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (at, c) in text.char_indices() {
        let hit = matched.binary_search(&at).is_ok();
        if hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                safe(&run),
                if run_hit { base.patch(theme.hit) } else { base },
            ));
            run.clear();
        }
        run_hit = hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            safe(&run),
            if run_hit { base.patch(theme.hit) } else { base },
        ));
    }
    spans
}

fn help(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rect = centered(area, 70, 80);
    frame.render_widget(Clear, rect);
    let block = pane_block("Keys — Esc to close".into(), true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = Vec::new();
    for (mode, title) in [
        (Mode::Normal, "Panes"),
        (Mode::Search, "Search"),
        (Mode::Filter, "Quotation filter"),
        (Mode::Compare, "Compare view (c)"),
        (Mode::Matrix, "Matrix view (t)"),
        (Mode::Memo, "Memo view (M)"),
    ] {
        lines.push(Line::from(Span::styled(title, theme.title)));
        let mut seen: Vec<(String, String)> = Vec::new();
        for (keys, action) in app.keymap.bindings(mode) {
            let description = action.description().to_string();
            match seen.iter_mut().find(|(_, d)| *d == description) {
                Some((k, _)) => k.push_str(&format!(", {keys}")),
                None => seen.push((keys, description)),
            }
        }
        for (keys, description) in seen {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.focused),
                Span::raw(description),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        "Mouse: wheel scrolls, click focuses; m releases it to select text.",
        theme.dim,
    )));
    let shown: Vec<Line> = lines.into_iter().skip(app.help_scroll).collect();
    frame.render_widget(Paragraph::new(shown).alignment(Alignment::Left), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Article;

    /// Articles 0..n, `links` saying which is an excerpt of which.
    fn briefing(n: u32, links: &[(u32, u32)]) -> Briefing {
        let mut articles: Vec<Article> =
            (0..n).map(|i| Article::from_texts(i, &["Text."])).collect();
        for &(excerpt, longer) in links {
            articles[excerpt as usize].excerpt_of = Some(ArticleId(longer));
        }
        Briefing {
            articles,
            ..Briefing::default()
        }
    }

    fn order(n: u32, links: &[(u32, u32)]) -> Vec<u32> {
        source_order(&briefing(n, links))
            .iter()
            .map(|id| id.0)
            .collect()
    }

    #[test]
    fn excerpts_follow_the_article_they_belong_to() {
        assert_eq!(order(4, &[]), [0, 1, 2, 3]);
        assert_eq!(order(4, &[(0, 3), (2, 3)]), [1, 3, 0, 2]);
        // an excerpt of an excerpt stays under it
        assert_eq!(order(4, &[(0, 1), (1, 3)]), [2, 3, 1, 0]);
    }

    #[test]
    fn every_article_is_listed_once_whatever_the_links() {
        // a cycle, a link to itself and one out of range
        assert_eq!(order(5, &[(0, 1), (1, 0), (2, 2), (3, 9)]), [2, 3, 4, 0, 1]);
    }
}
