//! End to end in a real terminal: open the seeds, search a quotation, pin it, write a note, write
//! the memo, and read the file.

#[path = "support/terminal.rs"]
mod terminal;

use std::time::Duration;

use terminal::Terminal;

#[test]
fn search_a_quotation_pin_it_and_export_the_memo() {
    let dir = std::env::temp_dir().join(format!("parallax-memo-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let state = dir.join("state");
    let state = state.to_string_lossy().into_owned();
    let mut t = Terminal::start(
        &[],
        &dir,
        &[("PARALLAX_STATE_DIR", &state), ("XDG_STATE_HOME", &state)],
        40,
        140,
    );
    let within = Duration::from_secs(20);
    t.wait_for("Sources (5)", within);
    t.press(b"/");
    t.wait_for("Search", within);
    t.press(b"really serious about security");
    t.wait_for("US is really serious", within);
    t.press(b"\r");
    t.wait_until("the search closes", within, |s| !s.contains("Search —"));
    t.press(b"p");
    t.wait_for("pinned (1 in the memo)", within);
    t.press(b"M");
    t.wait_for("Memo · 1 pin", within);
    t.press(b"e");
    t.wait_for("Note:", within);
    t.press("quote it in the intro — 日本".as_bytes());
    t.press(b"\r");
    t.wait_for("✎ quote it in the intro", within);
    t.press(b"w");
    t.wait_for("memo written to memo.md", within);
    t.press(b"q");
    t.press(b"q");
    assert!(t.wait_exit(), "parallax exits cleanly");

    let memo = std::fs::read_to_string(dir.join("memo.md")).expect("memo.md written");
    assert!(memo.starts_with("# Memo\n"), "{memo}");
    assert!(
        memo.contains("US is really serious about security guarantees"),
        "{memo}"
    );
    assert!(
        memo.contains("— Ben Hodges ("),
        "the speaker is cited: {memo}"
    );
    assert!(
        memo.contains("Note: quote it in the intro — 日本"),
        "{memo}"
    );
    assert!(memo.contains("## Sources"), "{memo}");
    let _ = std::fs::remove_dir_all(dir);
}
