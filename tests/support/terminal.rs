//! A real terminal for end-to-end tests: the binary runs in a pseudo-terminal, a thread drains
//! it into a vt100 parser, and `wait_for` polls the screen until a deadline (no fixed sleeps).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

/// The running binary and its screen.
pub struct Terminal {
    parser: Arc<Mutex<vt100::Parser>>,
    keys: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The binary's state and cache folders, never the user's (`env` may name others).
    _dirs: tempfile::TempDir,
    /// Kept open while the child uses the terminal.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

impl Terminal {
    /// Starts the binary with `args` in `cwd`, `rows`×`cols`, with `env` set.
    pub fn start(
        args: &[&str],
        cwd: &Path,
        env: &[(&str, &str)],
        rows: u16,
        cols: u16,
    ) -> Terminal {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("PARALLAX_CONFIG", "/nonexistent/parallax-test-config.toml");
        let dirs = tempfile::tempdir().expect("temp dir");
        cmd.env("PARALLAX_STATE_DIR", dirs.path().join("state"));
        cmd.env("PARALLAX_CACHE_DIR", dirs.path().join("cache"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
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
        Terminal {
            parser,
            keys,
            child,
            _dirs: dirs,
            _master: pair.master,
        }
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Types `bytes`.
    pub fn press(&mut self, bytes: &[u8]) {
        self.keys.write_all(bytes).expect("type");
        self.keys.flush().expect("flush");
    }

    /// Waits until the screen shows `text`; on timeout fails showing the screen.
    pub fn wait_for(&self, text: &str, within: Duration) {
        self.wait_until(&format!("the screen shows {text:?}"), within, |s| {
            s.contains(text)
        });
    }

    /// Waits until `ready` holds for the screen's text; on timeout fails showing the screen.
    pub fn wait_until(&self, what: &str, within: Duration, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if ready(&self.contents()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("waited in vain for {what}:\n{}", self.contents());
    }

    /// Waits for the binary to exit; whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        self.child.wait().expect("parallax exits").success()
    }

    /// The binary's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Whether the terminal was given back: the main screen, the cursor shown.
    pub fn restored(&self) -> bool {
        let parser = self.parser.lock().expect("parser lock");
        !parser.screen().alternate_screen() && !parser.screen().hide_cursor()
    }
}
