//! A progress line on standard error while a large briefing loads: shown only when standard
//! error is a terminal and the load has taken long enough to notice (a quarter second), redrawn
//! at most ten times a second, and erased before results are printed.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::pipeline::{Progress, Stage};

/// How long a load runs before the line appears.
const DELAY: Duration = Duration::from_millis(250);
/// The least time between two redraws.
const EVERY: Duration = Duration::from_millis(100);
/// Cells of the bar itself.
const WIDTH: usize = 30;

/// The progress line; shared by the loading workers.
pub struct Bar {
    enabled: bool,
    started: Instant,
    /// When the line was last drawn, if it has been.
    drawn: Mutex<Option<Instant>>,
}

impl Bar {
    /// A bar drawn on standard error if it is a terminal.
    pub fn on_stderr() -> Bar {
        Bar {
            enabled: std::io::stderr().is_terminal(),
            started: Instant::now(),
            drawn: Mutex::new(None),
        }
    }

    /// Draws `progress`, if due.
    pub fn show(&self, progress: Progress) {
        let now = Instant::now();
        if !self.enabled || now - self.started < DELAY {
            return;
        }
        let Ok(mut drawn) = self.drawn.lock() else {
            return;
        };
        if drawn.is_some_and(|at| now - at < EVERY) && progress.stage == Stage::Reading {
            return;
        }
        *drawn = Some(now);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{}", line(progress));
        let _ = err.flush();
    }

    /// Erases the line, if it was drawn.
    pub fn clear(&self) {
        if self.drawn.lock().is_ok_and(|d| d.is_some()) {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// "parallax: [=========>          ] reading 3300/10000 files".
pub fn line(progress: Progress) -> String {
    let filled = match progress.stage {
        Stage::Reading => progress.done * WIDTH / progress.total.max(1),
        Stage::Extracting => WIDTH,
    };
    let bar: String = (0..WIDTH)
        .map(|i| match i.cmp(&filled) {
            std::cmp::Ordering::Less => '=',
            std::cmp::Ordering::Equal => '>',
            std::cmp::Ordering::Greater => ' ',
        })
        .collect();
    format!("parallax: [{bar}] {progress}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_fills_with_the_files_read() {
        let p = |done| Progress {
            stage: Stage::Reading,
            done,
            total: 10,
        };
        assert_eq!(
            line(p(5)),
            "parallax: [===============>              ] reading 5/10 files"
        );
        assert!(line(p(0)).starts_with("parallax: [>    "));
        let extracting = Progress {
            stage: Stage::Extracting,
            done: 10,
            total: 9,
        };
        assert_eq!(
            line(extracting),
            format!(
                "parallax: [{}] extracting from 9 articles",
                "=".repeat(WIDTH)
            )
        );
    }
}
