//! The panes drawn on a TestBackend at fixed sizes, compared with reviewed snapshots
//! (`tests/snapshots/`). Snapshots hold the characters; where style is the point (search hits,
//! highlighted jumps) the buffer cells' styles are asserted too.

use std::sync::Arc;

use parallax::app::{Action, App};
use parallax::search::Index;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

fn app(width: u16, height: u16) -> App {
    App::new(Arc::new(parallax::seeds::briefing()), width, height)
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| parallax::ui::render(app, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Types `query` into the search overlay and delivers the worker's results.
fn search(app: &mut App, query: &str) {
    app.update(Action::OpenSearch);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    let index = Index::build(&app.briefing);
    let hits = index.search(query, 100);
    app.update(Action::SearchResults(query.to_string(), hits));
}

#[test]
fn default_layout_on_the_seeds() {
    insta::assert_snapshot!("default_160x45", text(&draw(&app(160, 45), 160, 45)));
    insta::assert_snapshot!("default_80x24", text(&draw(&app(80, 24), 80, 24)));
}

#[test]
fn search_overlay_with_a_query() {
    let mut app = app(160, 45);
    search(&mut app, "ruled out");
    let buffer = draw(&app, 160, 45);
    insta::assert_snapshot!("search_160x45", text(&buffer));
    // the matched letters are styled differently from the rest of the hit
    let row = (0..45)
        .find(|&y| {
            (0..160)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("ruled out")
        })
        .expect("a hit row");
    let styles: std::collections::BTreeSet<String> = (0..160)
        .map(|x| format!("{:?}", buffer[(x, row)].style()))
        .collect();
    assert!(styles.len() >= 2, "matched characters are highlighted");
}

#[test]
fn outline_pane_on_questions_and_expanded_positions() {
    let mut app = app(160, 45);
    app.update(Action::ShowQuestions);
    insta::assert_snapshot!("outline_questions_160x45", text(&draw(&app, 160, 45)));
    app.update(Action::ShowPositions);
    app.update(Action::Collapse);
    insta::assert_snapshot!("outline_collapsed_160x45", text(&draw(&app, 160, 45)));
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut app = app(160, 45);
    app.update(Action::ToggleHelp);
    let screen = text(&draw(&app, 160, 45));
    assert!(screen.contains("search everything") && screen.contains("jump back"));
    insta::assert_snapshot!("help_160x45", screen);
}

#[test]
fn a_tiny_terminal_says_so() {
    let app = app(30, 8);
    let screen = text(&draw(&app, 30, 8));
    // the size it needs is shown whole, though the line is wider than the terminal
    assert!(screen.contains("40×10"), "{screen}");
    insta::assert_snapshot!("too_small_30x8", screen);
}

/// The app at `width` × `height` in the compare view of 002 (A) and 003 (B).
fn compare_view(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.compare.pick_a = app.briefing.find_article("002").map(|a| a.id);
    app.compare.pick_b = app.briefing.find_article("003").map(|a| a.id);
    app.update(Action::OpenCompare);
    app
}

/// The app at `width` × `height` in the matrix view, the worker's result delivered.
fn matrix_view(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    if let Some(parallax::app::Effect::BuildMatrix(sort)) = app.update(Action::OpenMatrix) {
        let data = parallax::app::MatrixData::build(&app.briefing, sort);
        app.update(Action::MatrixReady(Box::new(data)));
    }
    app
}

/// The style of the first cell of the first screen row containing `needle`.
fn style_of(buffer: &Buffer, needle: &str) -> ratatui::style::Style {
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(at) = row.find(needle) {
            let x = row[..at].chars().count() as u16;
            return buffer[(x, y)].style();
        }
    }
    panic!("{needle:?} not on screen:\n{}", text(buffer));
}

#[test]
fn compare_view_of_002_and_003() {
    insta::assert_snapshot!(
        "compare_160x45",
        text(&draw(&compare_view(160, 45), 160, 45))
    );
    insta::assert_snapshot!("compare_80x24", text(&draw(&compare_view(80, 24), 80, 24)));
}

#[test]
fn compare_marks_carry_a_symbol_and_a_colour_of_their_own() {
    let buffer = draw(&compare_view(160, 45), 160, 45);
    let theme = parallax::ui::theme::Theme::from_env();
    let screen = text(&buffer);
    for (label, style) in [("= agree", theme.agree), ("▶ only B", theme.one_side)] {
        assert!(screen.contains(label), "{label} on screen");
        assert_eq!(style_of(&buffer, label).fg, style.fg, "{label}");
    }
    assert_ne!(theme.agree, theme.differ);
}

#[test]
fn compare_view_of_an_excerpt_shows_it_inside_the_longer_copy() {
    let mut app = app(160, 45);
    app.compare.pick_a = app.briefing.find_article("000").map(|a| a.id);
    app.compare.pick_b = app.briefing.find_article("004").map(|a| a.id);
    app.update(Action::OpenCompare);
    let screen = text(&draw(&app, 160, 45));
    assert!(screen.contains("000 is 100% inside 004"), "{screen}");
    assert!(screen.contains("≡ same"), "{screen}");
}

#[test]
fn matrix_view_of_the_seeds() {
    insta::assert_snapshot!("matrix_160x45", text(&draw(&matrix_view(160, 45), 160, 45)));
    insta::assert_snapshot!("matrix_80x24", text(&draw(&matrix_view(80, 24), 80, 24)));
}

#[test]
fn matrix_cell_list_and_question_groups() {
    let mut app = matrix_view(160, 45);
    app.update(Action::Activate);
    insta::assert_snapshot!("matrix_cell_160x45", text(&draw(&app, 160, 45)));
    app.update(Action::CloseView);
    app.update(Action::NextTab);
    insta::assert_snapshot!("matrix_questions_160x45", text(&draw(&app, 160, 45)));
}

/// The app on our own compare fixtures (`tests/articles/compare/`).
fn fixtures_app(width: u16, height: u16) -> App {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/compare");
    let loaded = parallax::ingest::walk::load(&[dir]).expect("the compare fixtures load");
    let briefing = parallax::briefing::assemble(loaded.documents, Vec::new());
    App::new(Arc::new(briefing), width, height)
}

#[test]
fn a_quotation_both_carry_is_listed_with_the_word_b_changed() {
    let mut app = fixtures_app(160, 45);
    app.compare.pick_a = app.briefing.find_article("port_strike_wire").map(|a| a.id);
    app.compare.pick_b = app
        .briefing
        .find_article("port_strike_gazette")
        .map(|a| a.id);
    app.update(Action::OpenCompare);
    let buffer = draw(&app, 160, 45);
    insta::assert_snapshot!("compare_quotations_160x45", text(&buffer));
    assert!(text(&buffer).contains("B's wording: “not” → “never”"));
}

#[test]
fn matrix_quotations_tab_lists_the_quotation_carried_twice() {
    let mut app = fixtures_app(160, 45);
    if let Some(parallax::app::Effect::BuildMatrix(sort)) = app.update(Action::OpenMatrix) {
        let data = parallax::app::MatrixData::build(&app.briefing, sort);
        app.update(Action::MatrixReady(Box::new(data)));
    }
    app.update(Action::NextTab);
    app.update(Action::NextTab);
    app.update(Action::Activate);
    insta::assert_snapshot!("matrix_quotations_160x45", text(&draw(&app, 160, 45)));
}

#[test]
fn no_size_panics() {
    let mut open_cell = matrix_view(160, 45);
    open_cell.update(Action::Activate);
    let apps = [
        app(160, 45),
        compare_view(160, 45),
        matrix_view(160, 45),
        open_cell,
    ];
    for app in &apps {
        no_size_panics_for(app);
    }
}

fn no_size_panics_for(app: &App) {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 30),
        (39, 10),
        (40, 9),
        (40, 10),
        (60, 12),
        (99, 30),
        (100, 30),
        (300, 100),
    ] {
        draw(app, w, h);
        let mut resized = app.clone();
        resized.update(Action::Resize(w, h));
        resized.update(Action::MoveDown);
        resized.update(Action::MoveRight);
        resized.update(Action::PageDown);
        draw(&resized, w, h);
    }
}

#[test]
fn a_jump_highlights_its_sentence() {
    let mut app = app(160, 45);
    search(&mut app, "'Kremlin has reiterated");
    app.update(Action::Activate);
    let buffer = draw(&app, 160, 45);
    let screen = text(&buffer);
    assert!(screen.contains("The Kremlin has reiterated"), "{screen}");
}

#[test]
fn escape_sequences_and_bidi_controls_never_reach_the_screen() {
    let hostile = "Evil \u{1b}[31mred\u{1b}[0m text with OSC 52 \u{1b}]52;c;aGVsbG8=\u{7} and a bell \u{7} and \u{202e}bidi\u{202c} here, said the council in a long statement today.\n";
    let (doc, _) = parallax::ingest::read_bytes(
        "evil",
        "evil",
        parallax::briefing::Format::Text,
        hostile.as_bytes(),
    );
    let briefing = parallax::briefing::assemble(vec![doc], Vec::new());
    let app = App::new(Arc::new(briefing), 120, 30);
    let buffer = draw(&app, 120, 30);
    for cell in buffer.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{:?}",
            cell.symbol()
        );
    }
    assert!(text(&buffer).contains("Evil red text"));
}

/// Pins a quotation, a position and the reader's top sentence, with notes.
fn app_with_memo(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.update(Action::Pin);
    app.focus = parallax::app::Focus::Outline;
    app.update(Action::MoveDown);
    app.update(Action::Pin);
    app.update(Action::ShowQuotes);
    app.update(Action::MoveDown);
    app.update(Action::Pin);
    app.update(Action::OpenMemo);
    app.update(Action::EditMemoNote);
    for c in "Security guarantees: who commits what".chars() {
        app.update(Action::Edit(parallax::app::line_edit::Edit::Insert(c)));
    }
    app.update(Action::Activate);
    app.memo.selected = 2;
    app.update(Action::EditNote);
    for c in "strongest line — quote it".chars() {
        app.update(Action::Edit(parallax::app::line_edit::Edit::Insert(c)));
    }
    app.update(Action::Activate);
    app
}

#[test]
fn memo_view_with_pins_and_notes() {
    let app = app_with_memo(160, 45);
    insta::assert_snapshot!("memo_160x45", text(&draw(&app, 160, 45)));
    let app = app_with_memo(80, 24);
    insta::assert_snapshot!("memo_80x24", text(&draw(&app, 80, 24)));
}

#[test]
fn memo_note_editor_shows_the_text_and_cursor() {
    let mut app = app_with_memo(80, 24);
    app.update(Action::EditNote);
    let buffer = draw(&app, 80, 24);
    insta::assert_snapshot!("memo_note_editor_80x24", text(&buffer));
}

#[test]
fn memo_markdown_export_on_the_seeds() {
    let mut app = app_with_memo(160, 45);
    let Some(parallax::app::Effect::WriteMemo { text, .. }) = app.update(Action::ExportMemo) else {
        panic!("the memo is written");
    };
    insta::assert_snapshot!("memo_markdown", text);
}
