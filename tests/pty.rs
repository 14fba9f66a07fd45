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
