//! `parallax memo`: the memo saved with the reader's place, written as cited Markdown or JSON,
//! to standard output or atomically to a file that is never replaced without `--force`.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use parallax::app::{Action, App};
use parallax::state::StateFile;

fn parallax(args: &[&str], state: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_STATE_DIR", state)
        .env("PARALLAX_CACHE_DIR", state.join("cache"))
        .output()
        .expect("run parallax")
}

/// A folder of the seeds and, in `state`, a saved session with two pins and notes.
fn pinned_briefing(state: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in parallax::seeds::FILES {
        std::fs::write(dir.path().join(name), text).expect("write seed");
    }
    let loaded = parallax::ingest::walk::load(&[dir.path().to_path_buf()]).expect("loads");
    let briefing = parallax::briefing::assemble(loaded.documents, Vec::new());
    let mut app = App::new(Arc::new(briefing), 160, 45);
    app.update(Action::Pin);
    app.update(Action::ShowQuotes);
    app.focus = parallax::app::Focus::Outline;
    app.update(Action::MoveDown);
    app.update(Action::Pin);
    app.update(Action::OpenMemo);
    app.update(Action::EditMemoNote);
    for c in "What the sources say".chars() {
        app.update(Action::Edit(parallax::app::line_edit::Edit::Insert(c)));
    }
    app.update(Action::Activate);
    let file = StateFile::in_dir(state, &[dir.path().to_path_buf()]);
    let session = app.session(file.empty_session()).expect("a session");
    file.save(&session).expect("state saved");
    dir
}

#[test]
fn the_saved_memo_prints_as_markdown_with_citations() {
    let state = tempfile::tempdir().expect("state dir");
    let dir = pinned_briefing(state.path());
    let out = parallax(&["memo", &dir.path().to_string_lossy()], state.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(md.starts_with("# Memo\n\nWhat the sources say\n"), "{md}");
    assert!(md.contains("> “"), "the quotation is a block quote: {md}");
    assert!(md.contains("¶"), "paragraph numbers cited: {md}");
    assert!(md.contains("## Sources"), "{md}");
}

#[test]
fn out_writes_a_file_and_keeps_an_existing_one_without_force() {
    let state = tempfile::tempdir().expect("state dir");
    let dir = pinned_briefing(state.path());
    let target = state.path().join("memo.md");
    let folder = dir.path().to_string_lossy().into_owned();
    let file = target.to_string_lossy().into_owned();
    let first = parallax(&["memo", "--out", &file, &folder], state.path());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(written.starts_with("# Memo"), "{written}");
    std::fs::write(&target, "my own edits").expect("edit");
    let again = parallax(&["memo", "--out", &file, &folder], state.path());
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("--force"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("kept"),
        "my own edits"
    );
    let forced = parallax(&["memo", "--force", "--out", &file, &folder], state.path());
    assert!(forced.status.success());
    assert_eq!(std::fs::read_to_string(&target).expect("replaced"), written);
}

#[test]
fn json_and_grouping_follow_the_flags() {
    let state = tempfile::tempdir().expect("state dir");
    let dir = pinned_briefing(state.path());
    let folder = dir.path().to_string_lossy().into_owned();
    let out = parallax(
        &["memo", "--format", "json", "--group", "actor", &folder],
        state.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["group"], "actor");
    assert_eq!(json["pins"].as_array().map(Vec::len), Some(2));
    assert!(json["pins"][0]["citation"]["paragraph"].as_u64().is_some());
}

#[test]
fn a_briefing_with_nothing_pinned_says_so() {
    let state = tempfile::tempdir().expect("state dir");
    let out = parallax(&["memo"], state.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing pinned yet"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing pinned"));
}
