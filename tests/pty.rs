//! End to end in a pseudo-terminal: start the real binary on the bundled seeds, search, jump,
//! quit, and check the terminal was given back (main screen, cursor shown). No fixed sleeps: a
//! thread drains the PTY into a vt100 parser and `wait_for` polls the screen until a deadline.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

struct Screen(Arc<Mutex<vt100::Parser>>);

/// Kills the child if the test fails before it quits, so no stray process is left running.
struct KillOnDrop(Box<dyn portable_pty::Child + Send + Sync>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
        }
    }
}

impl Screen {
    fn contents(&self) -> String {
        self.0.lock().expect("parser lock").screen().contents()
    }
    /// Waits until the screen shows `text`; on timeout fails showing the screen.
    fn wait_for(&self, text: &str, within: Duration) {
        self.wait_until(&format!("the screen shows {text:?}"), within, |s| {
            s.contains(text)
        });
    }
    /// Waits until `ready` holds for the screen's text; on timeout fails showing the screen.
    fn wait_until(&self, what: &str, within: Duration, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if ready(&self.contents()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("waited in vain for {what}:\n{}", self.contents());
    }
}

#[test]
fn search_jump_and_quit_in_a_real_terminal() {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 40,
            cols: 140,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("PARALLAX_CONFIG", "/nonexistent/parallax-test-config.toml");
    let dirs = tempfile::tempdir().expect("temp dir");
    cmd.env("PARALLAX_STATE_DIR", dirs.path().join("state"));
    cmd.env("PARALLAX_CACHE_DIR", dirs.path().join("cache"));
    let mut child = KillOnDrop(pair.slave.spawn_command(cmd).expect("spawn parallax"));
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 140, 0)));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let sink = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("parser lock").process(&buf[..n]);
        }
    });
    let screen = Screen(Arc::clone(&parser));
    let mut keys = pair.master.take_writer().expect("writer");
    let within = Duration::from_secs(20);

    screen.wait_for("Sources (5)", within);
    keys.write_all(b"/").expect("type");
    screen.wait_for("Search", within);
    keys.write_all(b"Kremlin reiterated").expect("type");
    screen.wait_for("The Kremlin has reiterated", within);
    keys.write_all(b"\r").expect("enter");
    screen.wait_until(
        "the overlay closes and the reader shows the sentence",
        within,
        |s| !s.contains("Search —") && s.contains("The Kremlin has reiterated"),
    );
    keys.write_all(b"q").expect("quit");
    let status = child.0.wait().expect("parallax exits");
    assert!(status.success(), "exit status {status:?}");
    let deadline = Instant::now() + within;
    loop {
        let restored = {
            let p = parser.lock().expect("parser lock");
            !p.screen().alternate_screen() && !p.screen().hide_cursor()
        };
        if restored {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "terminal not restored after quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The binary running in a 40×140 pseudo-terminal with its state and cache in `dirs`.
struct Session {
    screen: Screen,
    keys: Box<dyn Write + Send>,
    child: KillOnDrop,
    /// Kept open while the child uses the terminal.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(dirs: &std::path::Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 140,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("PARALLAX_CONFIG", "/nonexistent/parallax-test-config.toml");
        cmd.env("PARALLAX_STATE_DIR", dirs.join("state"));
        cmd.env("PARALLAX_CACHE_DIR", dirs.join("cache"));
        let child = KillOnDrop(pair.slave.spawn_command(cmd).expect("spawn parallax"));
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 140, 0)));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("parser lock").process(&buf[..n]);
            }
        });
        let keys = pair.master.take_writer().expect("writer");
        Session {
            screen: Screen(parser),
            keys,
            child,
            _master: pair.master,
        }
    }

    fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).expect("type");
    }

    fn quit(mut self) {
        self.press("q");
        let status = self.child.0.wait().expect("parallax exits");
        assert!(status.success(), "exit status {status:?}");
    }
}

#[test]
fn reopening_the_seeds_shows_the_place_they_were_left_at() {
    let dirs = tempfile::tempdir().expect("temp dir");
    let within = Duration::from_secs(20);
    let mut first = Session::start(dirs.path());
    first.screen.wait_for("Sources (5)", within);
    first.press("jjjjjjjjjjjj"); // the left reader, a dozen lines down
    first.press("\t"); // the right reader
    first.press(" "); // a page down
    first.press("3jj"); // the quotations, third row
    let saved = dirs.path().join("state").join("seeds.json");
    let deadline = Instant::now() + within;
    while !std::fs::read_to_string(&saved).is_ok_and(|s| s.contains("\"outline_selected\": 2")) {
        assert!(Instant::now() < deadline, "the place was never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    let left = first.screen.contents();
    first.quit();

    let second = Session::start(dirs.path());
    second
        .screen
        .wait_until("the same screen as when it quit", within, |s| s == left);
    second.quit();
}

/// Scrolls the left reader five lines, waits until the screen shows it, then leaves with `exit`
/// at once (before the autosave's quiet spell) and returns the saved scroll of the left reader.
fn scroll_then_leave(exit: impl FnOnce(&mut Session)) -> u64 {
    let dirs = tempfile::tempdir().expect("temp dir");
    let within = Duration::from_secs(20);
    let mut session = Session::start(dirs.path());
    session.screen.wait_for("Sources (5)", within);
    for _ in 0..5 {
        let before = session.screen.contents();
        session.press("j");
        session
            .screen
            .wait_until("the reader scrolls a line", within, |s| s != before);
    }
    exit(&mut session);
    session.child.0.wait().expect("parallax exits");
    let saved = dirs.path().join("state").join("seeds.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(saved).expect("state saved")).expect("JSON");
    json["readers"][0]["scroll"].as_u64().expect("a scroll")
}

#[test]
fn ctrl_c_saves_the_place_before_the_reader_exits() {
    assert_eq!(scroll_then_leave(|s| s.press("\x03")), 5);
}

#[test]
fn sigterm_saves_the_place_before_the_reader_exits() {
    let scroll = scroll_then_leave(|s| {
        let pid = s.child.0.process_id().expect("a pid");
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
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
    let session = Session::start(dirs.path());
    let within = Duration::from_secs(20);
    session.screen.wait_for("Sources (5)", within);
    session.screen.wait_for("warning: state file", within);
    session.quit();
    let names: Vec<String> = std::fs::read_dir(&state)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("seeds.json.corrupt-")),
        "{names:?}"
    );
}
