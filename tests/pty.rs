//! End to end in a pseudo-terminal: start the real binary on the bundled seeds, search, jump,
//! quit, and check the terminal was given back (main screen, cursor shown); leave it in every
//! way and check the place was saved and is restored. No fixed sleeps: the screen is polled
//! until a deadline (`tests/support/terminal.rs`).

#[path = "support/terminal.rs"]
mod terminal;

use std::path::Path;
use std::time::{Duration, Instant};

use terminal::Terminal;

const WITHIN: Duration = Duration::from_secs(20);

/// The reader on the seeds in a 40×140 terminal, its state and cache in `dirs`.
fn start(dirs: &Path) -> Terminal {
    let state = dirs.join("state").to_string_lossy().into_owned();
    let cache = dirs.join("cache").to_string_lossy().into_owned();
    Terminal::start(
        &[],
        dirs,
        &[
            ("PARALLAX_STATE_DIR", &state),
            ("PARALLAX_CACHE_DIR", &cache),
        ],
        40,
        140,
    )
}

fn quit(mut t: Terminal) {
    t.press(b"q");
    assert!(t.wait_exit(), "parallax exits cleanly");
}

#[test]
fn search_jump_and_quit_in_a_real_terminal() {
    let dirs = tempfile::tempdir().expect("temp dir");
    let mut t = start(dirs.path());
    t.wait_for("Sources (5)", WITHIN);
    t.press(b"/");
    t.wait_for("Search", WITHIN);
    t.press(b"Kremlin reiterated");
    t.wait_for("The Kremlin has reiterated", WITHIN);
    t.press(b"\r");
    t.wait_until(
        "the overlay closes and the reader shows the sentence",
        WITHIN,
        |s| !s.contains("Search —") && s.contains("The Kremlin has reiterated"),
    );
    t.press(b"q");
    assert!(t.wait_exit(), "parallax exits cleanly");
    let deadline = Instant::now() + WITHIN;
    while !t.restored() {
        assert!(
            Instant::now() < deadline,
            "terminal not restored after quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn reopening_the_seeds_shows_the_place_they_were_left_at() {
    let dirs = tempfile::tempdir().expect("temp dir");
    let mut first = start(dirs.path());
    first.wait_for("Sources (5)", WITHIN);
    first.press(b"jjjjjjjjjjjj"); // the left reader, a dozen lines down
    first.press(b"\t"); // the right reader
    first.press(b" "); // a page down
    first.press(b"3jj"); // the quotations, third row
    let saved = dirs.path().join("state").join("seeds.json");
    let deadline = Instant::now() + WITHIN;
    while !std::fs::read_to_string(&saved).is_ok_and(|s| s.contains("\"outline_selected\": 2")) {
        assert!(Instant::now() < deadline, "the place was never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    let left = first.contents();
    quit(first);

    let second = start(dirs.path());
    second.wait_until("the same screen as when it quit", WITHIN, |s| s == left);
    quit(second);
}

/// Scrolls the left reader five lines, waits until the screen shows it, then leaves with `exit`
/// at once (before the autosave's quiet spell) and returns the saved scroll of the left reader.
fn scroll_then_leave(exit: impl FnOnce(&mut Terminal)) -> u64 {
    let dirs = tempfile::tempdir().expect("temp dir");
    let mut t = start(dirs.path());
    t.wait_for("Sources (5)", WITHIN);
    for _ in 0..5 {
        let before = t.contents();
        t.press(b"j");
        t.wait_until("the reader scrolls a line", WITHIN, |s| s != before);
    }
    exit(&mut t);
    t.wait_exit();
    let saved = dirs.path().join("state").join("seeds.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(saved).expect("state saved")).expect("JSON");
    json["readers"][0]["scroll"].as_u64().expect("a scroll")
}

#[test]
fn ctrl_c_saves_the_place_before_the_reader_exits() {
    assert_eq!(scroll_then_leave(|t| t.press(b"\x03")), 5);
}

#[test]
fn sigterm_saves_the_place_before_the_reader_exits() {
    let scroll = scroll_then_leave(|t| {
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &t.pid().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
    });
    assert_eq!(scroll, 5);
}

#[test]
fn a_corrupt_state_file_is_set_aside_with_a_warning_in_the_status_line() {
    let dirs = tempfile::tempdir().expect("temp dir");
    let state = dirs.path().join("state");
    std::fs::create_dir_all(&state).expect("state dir");
    std::fs::write(state.join("seeds.json"), "{\"version\": 1, \"rea").expect("garbage");
    let t = start(dirs.path());
    t.wait_for("Sources (5)", WITHIN);
    t.wait_for("warning: state file", WITHIN);
    quit(t);
    let names: Vec<String> = std::fs::read_dir(&state)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("seeds.json.corrupt-")),
        "{names:?}"
    );
}
