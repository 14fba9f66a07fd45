//! Hostile article files (issue: hardening): each loads, or is skipped with a warning, without a
//! crash, a hang or runaway output, and renders safely — no control character reaches a screen
//! cell, and every view (readers, search, outline) draws at a normal and a tiny size.
//!
//! Each case runs through the whole pipeline (read → clean → split → extract → search) on a
//! worker thread with a deadline, so a hang fails the test instead of stalling CI.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use parallax::app::{Action, App};
use parallax::briefing::Briefing;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// Far above what any case needs in a debug build; a hang stops here.
const DEADLINE: Duration = Duration::from_secs(60);

fn folder(case: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-hostile-{case}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Loads `name` holding `bytes` (next to one ordinary article) through the whole pipeline on a
/// worker, failing the test if it takes longer than [`DEADLINE`].
fn load(case: &str, name: &str, bytes: Vec<u8>) -> Briefing {
    let dir = folder(case);
    std::fs::write(dir.join(name), bytes).expect("write hostile file");
    std::fs::write(
        dir.join("ordinary.txt"),
        "Council backs harbour plan\n\nThe council voted on Tuesday to back the harbour plan, \
         officials said, after a long debate about its cost.\n",
    )
    .expect("write ordinary file");
    let (tx, rx) = std::sync::mpsc::channel();
    let paths = vec![dir.clone()];
    std::thread::spawn(move || {
        let briefing = parallax::pipeline::open(&paths, 0, &|_| {});
        let _ = tx.send(briefing);
    });
    let briefing = rx
        .recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{case}: no result within {DEADLINE:?} (hang or crash)"))
        .unwrap_or_else(|e| panic!("{case}: load failed: {e}"));
    let _ = std::fs::remove_dir_all(dir);
    let index = parallax::search::Index::build(&briefing);
    for query in ["a", "'the", "^The", "x$", "!no troops"] {
        index.search(query, 100);
    }
    briefing
}

/// Draws the default view, the outline tabs, a search, the removed lines, the compare view and the
/// matrix (a cell's list, the quotations tab) at `w`×`h`, and checks no cell holds a control
/// character.
fn renders_safely(case: &str, briefing: &Briefing) {
    for (w, h) in [(160, 45), (80, 24), (20, 5), (1, 1)] {
        let mut app = App::new(Arc::new(briefing.clone()), w, h);
        let mut views: Vec<Vec<Action>> = vec![
            vec![],
            vec![Action::ToggleBoilerplate],
            vec![Action::ShowQuotes],
            vec![Action::ShowQuestions],
            vec![Action::GoBottom],
        ];
        let query: Vec<Action> = std::iter::once(Action::OpenSearch)
            .chain("the".chars().map(Action::Input))
            .collect();
        views.push(query);
        views.push(vec![
            Action::CloseOverlay,
            Action::OpenCompare,
            Action::MoveDown,
        ]);
        let data = parallax::app::MatrixData::build(briefing, Default::default());
        views.push(vec![
            Action::CloseView,
            Action::OpenMatrix,
            Action::MatrixReady(Box::new(data)),
            Action::Activate,
        ]);
        views.push(vec![Action::CloseView, Action::NextTab, Action::NextTab]);
        for actions in views {
            for action in actions {
                app.update(action);
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
            terminal
                .draw(|frame| parallax::ui::render(&app, frame))
                .expect("draw");
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                assert!(
                    !cell.symbol().chars().any(|c| c.is_control()
                        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                    "{case}: control character {:?} drawn at {w}×{h}",
                    cell.symbol()
                );
            }
        }
    }
}

/// Every character of the briefing's text is printable.
fn all_text_is_clean(case: &str, briefing: &Briefing) {
    let dirty = |s: &str| {
        s.chars().any(|c| {
            c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}')
        })
    };
    for article in &briefing.articles {
        for p in &article.paragraphs {
            assert!(!dirty(&p.text), "{case}: {:?}", p.text);
        }
        for r in &article.removed {
            assert!(!dirty(r), "{case}: removed {r:?}");
        }
        for field in [
            &article.meta.title,
            &article.meta.author,
            &article.meta.source,
        ] {
            assert!(!field.as_deref().is_some_and(dirty), "{case}: {field:?}");
        }
    }
    for q in &briefing.quotes {
        assert!(!dirty(&q.text), "{case}: quote {:?}", q.text);
    }
}

const BODY: &str = "The minister said the plan would go ahead in the spring, despite \
                    objections from the council.";

#[test]
fn escape_sequences_osc_links_clipboard_writes_and_bells_are_stripped() {
    let text = format!(
        "\x1b[2J\x1b[31mRed headline\x1b[0m\n\n{BODY} \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \
         here\x07.\n\n\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07Copied.\x1b[?1049h\x1bP1$r\x1b\\\n\n{BODY}\n"
    );
    let briefing = load("escapes", "escapes.txt", text.into_bytes());
    all_text_is_clean("escapes", &briefing);
    let body: String = briefing.articles[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body.contains("click here."), "{body}");
    assert!(!body.contains("evil") && !body.contains("Y3Vy"), "{body}");
    renders_safely("escapes", &briefing);
}

#[test]
fn nul_bytes_make_a_file_binary_and_skipped_with_a_warning() {
    let briefing = load("nul", "nul.txt", format!("{BODY}\0{BODY}").into_bytes());
    assert_eq!(
        briefing.articles.len(),
        1,
        "only the ordinary article loads"
    );
    assert!(
        briefing
            .warnings
            .iter()
            .any(|w| w.contains("nul.txt") && w.contains("binary")),
        "{:?}",
        briefing.warnings
    );
}

#[test]
fn bidi_overrides_and_zero_width_characters_are_removed() {
    let text = format!(
        "Harbour\u{202e}nalp\u{202c} vote\n\n{BODY}\u{200b}\u{2066} Then\u{2069} \u{feff}the \
         vote\u{200d} passed.\u{2028}\n\n\u{200b}\u{200b}\u{200b}\n"
    );
    let briefing = load("bidi", "bidi.md", text.into_bytes());
    all_text_is_clean("bidi", &briefing);
    renders_safely("bidi", &briefing);
}

#[test]
fn a_megabyte_line_loads_and_draws() {
    let line = BODY.repeat(1_000_000 / BODY.len() + 1);
    let briefing = load("long-line", "long.txt", line.into_bytes());
    let longest = briefing
        .articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .map(|p| p.text.len())
        .max();
    assert!(longest.is_some_and(|n| n >= 1_000_000), "{longest:?}");
    renders_safely("long-line", &briefing);
}

#[test]
fn a_hundred_thousand_quotation_marks_load_in_linear_time() {
    let mut text = format!("Quotes galore\n\n{BODY}\n\n");
    for i in 0..100_000 {
        text.push(if i % 3 == 0 { '“' } else { '"' });
        text.push_str(if i % 5 == 0 { " word" } else { "x" });
    }
    text.push_str(".\n");
    let briefing = load("quotes", "quotes.txt", text.into_bytes());
    all_text_is_clean("quotes", &briefing);
    for q in &briefing.quotes {
        assert!(
            briefing.articles.iter().any(|a| a.id == q.at.article),
            "quote points at an article"
        );
    }
    renders_safely("quotes", &briefing);
}

#[test]
fn unbalanced_quotation_marks_never_swallow_the_article() {
    let text = format!(
        "Unbalanced\n\n“{BODY}\n\n\"{BODY}\n\n{BODY}”\n\n‘{BODY}\n\n“A,” he said, “B\n\n{BODY}\n"
    );
    let briefing = load("unbalanced", "unbalanced.txt", text.into_bytes());
    let article = briefing
        .articles
        .iter()
        .find(|a| a.name == "unbalanced")
        .expect("the article loads");
    assert!(article.paragraphs.len() >= 5, "{:?}", article.paragraphs);
    renders_safely("unbalanced", &briefing);
}

#[test]
fn deeply_nested_markdown_loads_without_overflowing_the_stack() {
    let mut text = String::from("---\ntitle: Nested\n---\n\n");
    text.push_str(&"> ".repeat(10_000));
    text.push_str(BODY);
    text.push_str("\n\n");
    for depth in 0..5_000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- item\n");
    }
    text.push_str(&"*".repeat(20_000));
    text.push_str(&"[".repeat(20_000));
    text.push('\n');
    let briefing = load("nested-md", "nested.md", text.into_bytes());
    all_text_is_clean("nested-md", &briefing);
    renders_safely("nested-md", &briefing);
}

#[test]
fn a_front_matter_that_never_ends_is_read_as_text_with_a_warning() {
    let mut text = String::from("---\ntitle: Endless\n");
    for i in 0..50_000 {
        text.push_str(&format!("key{i}: value {i}\n"));
    }
    let briefing = load("endless", "endless.md", text.into_bytes());
    assert!(
        briefing.warnings.iter().any(|w| w.contains("endless.md")),
        "{:?}",
        briefing.warnings
    );
    renders_safely("endless", &briefing);
}

#[test]
fn an_html_page_nested_ten_thousand_deep_loads_its_text() {
    let mut page = String::from("<html><head><title>Deep page</title></head><body>");
    page.push_str(&"<div>".repeat(10_000));
    page.push_str(&format!("<p>{BODY}</p>"));
    page.push_str(&"</div>".repeat(10_000));
    page.push_str("</body></html>");
    let briefing = load("deep-html", "deep.html", page.into_bytes());
    let article = briefing
        .articles
        .iter()
        .find(|a| a.name == "deep")
        .expect("the page loads");
    assert!(
        article
            .paragraphs
            .iter()
            .any(|p| p.text.contains("objections")),
        "{:?}",
        article.paragraphs
    );
    renders_safely("deep-html", &briefing);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut bytes = b"Broken bytes\n\n".to_vec();
    bytes.extend_from_slice(BODY.as_bytes());
    bytes.extend_from_slice(&[0xff, 0xfe, 0xc3, b' ', 0xe2, 0x80]);
    bytes.extend_from_slice(b" and more.\n");
    let briefing = load("utf8", "broken.txt", bytes);
    assert!(
        briefing
            .warnings
            .iter()
            .any(|w| w.contains("broken.txt") && w.contains("UTF-8")),
        "{:?}",
        briefing.warnings
    );
    all_text_is_clean("utf8", &briefing);
    renders_safely("utf8", &briefing);
}
