//! Watching the briefing's folders: when an article file is added, changed or removed, call
//! back once the changes have settled (debounced), so a re-scrape that rewrites a hundred files
//! reloads once. Hidden files (editors' swap files, our own temporary files) and files
//! Parallax does not read are ignored. Uses the operating system's notifications (inotify,
//! FSEvents, ReadDirectoryChangesW) through the `notify` crate, so an idle watch costs nothing.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

/// How long the folder must be quiet before a reload.
pub const SETTLE: Duration = Duration::from_millis(400);

/// A running watch; dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Watches `paths` (folders recursively, files alone); calls `changed` on a background thread
/// once per burst of relevant changes, after `settle` without another. `None` (and nothing
/// watched) if the system refuses, e.g. out of inotify watches: the reader works without.
pub fn start<F>(paths: &[PathBuf], settle: Duration, changed: F) -> Option<Watch>
where
    F: Fn() + Send + 'static,
{
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if is_relevant(&event) {
                let _ = tx.send(());
            }
        }
    })
    .ok()?;
    let mut watching = false;
    for path in paths {
        let mode = if path.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        watching |= watcher.watch(path, mode).is_ok();
    }
    if !watching {
        return None;
    }
    std::thread::spawn(move || debounce(&rx, settle, changed));
    Some(Watch { _watcher: watcher })
}

/// Calls `changed` after each burst of messages on `rx`, once `settle` passes without one; ends
/// when the sender is gone.
fn debounce(rx: &mpsc::Receiver<()>, settle: Duration, changed: impl Fn()) {
    while rx.recv().is_ok() {
        let mut quiet_from = Instant::now();
        loop {
            match rx.recv_timeout(settle.saturating_sub(quiet_from.elapsed())) {
                Ok(()) => quiet_from = Instant::now(),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        changed();
    }
}

/// A change to an article file: created, modified (content or name) or removed; not a mere
/// access, not a hidden file, not a file Parallax does not read.
fn is_relevant(event: &notify::Event) -> bool {
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && event.paths.iter().any(|p| is_article_path(p))
}

fn is_article_path(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && crate::ingest::walk::format_of(path).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn only_article_files_count_as_changes() {
        assert!(is_article_path(Path::new("/b/story.txt")));
        assert!(is_article_path(Path::new("/b/page.HTML")));
        assert!(!is_article_path(Path::new("/b/.story.txt.swp")));
        assert!(!is_article_path(Path::new("/b/.memo.md.123.tmp")));
        assert!(!is_article_path(Path::new("/b/image.png")));
    }

    #[test]
    fn a_burst_of_messages_calls_back_once_after_it_settles() {
        let (tx, rx) = mpsc::channel();
        let calls = Arc::new(Mutex::new(0));
        let counted = calls.clone();
        let worker = std::thread::spawn(move || {
            debounce(&rx, Duration::from_millis(50), || {
                *counted.lock().expect("lock") += 1;
            })
        });
        for _ in 0..5 {
            tx.send(()).expect("send");
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(*calls.lock().expect("lock"), 1);
        tx.send(()).expect("send");
        drop(tx);
        worker.join().expect("debounce ends with its sender");
        // the last burst ended by disconnection, not by settling: no second call
        assert_eq!(*calls.lock().expect("lock"), 1);
    }

    #[test]
    fn writing_an_article_into_a_watched_folder_is_noticed() {
        let dir = std::env::temp_dir().join(format!("parallax-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let (tx, rx) = mpsc::channel();
        let Some(_watch) = start(
            std::slice::from_ref(&dir),
            Duration::from_millis(50),
            move || {
                let _ = tx.send(());
            },
        ) else {
            return; // no file notifications on this system: nothing to test
        };
        std::fs::write(dir.join(".hidden.txt"), "x").expect("write");
        assert!(
            rx.recv_timeout(Duration::from_millis(400)).is_err(),
            "hidden file ignored"
        );
        std::fs::write(dir.join("new.txt"), "A new article.").expect("write");
        assert!(
            rx.recv_timeout(Duration::from_secs(5)).is_ok(),
            "change noticed"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
