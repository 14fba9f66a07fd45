//! The briefing cache from outside: the binary run twice on the same folder prints the same
//! export byte for byte; a truncated, garbage or other-version entry is rebuilt with a one-line
//! warning; a changed article is not served from the cache.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder holding copies of the seed articles, and an empty cache folder.
struct Setup {
    articles: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let articles = tempfile::tempdir().expect("temp dir");
        for (name, text) in parallax::seeds::FILES {
            std::fs::write(articles.path().join(name), text).expect("write seed");
        }
        Setup {
            articles,
            cache: tempfile::tempdir().expect("cache dir"),
        }
    }

    /// `parallax export --format json` on the folder: (stdout, stderr).
    fn export(&self, extra: &[&str]) -> (String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["export", "--format", "json"])
            .args(extra)
            .arg(self.articles.path())
            .env("PARALLAX_CACHE_DIR", self.cache.path())
            .output()
            .expect("run parallax");
        assert!(out.status.success(), "{out:?}");
        (
            String::from_utf8(out.stdout).expect("UTF-8"),
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    }

    fn entries(&self) -> Vec<PathBuf> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(self.cache.path())
            .expect("cache dir")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        entries
    }

    fn only_entry(&self) -> PathBuf {
        let entries = self.entries();
        assert_eq!(entries.len(), 1, "{entries:?}");
        entries[0].clone()
    }
}

#[test]
fn a_second_load_prints_the_same_export_byte_for_byte() {
    let setup = Setup::new();
    let (first, first_err) = setup.export(&[]);
    let entry = setup.only_entry();
    let stored = std::fs::read(&entry).expect("entry");
    let (second, second_err) = setup.export(&[]);
    assert!(first == second, "the second export differs from the first");
    assert_eq!((first_err.as_str(), second_err.as_str()), ("", ""));
    assert_eq!(
        std::fs::read(&entry).expect("entry"),
        stored,
        "read, not rewritten"
    );
    let (uncached, _) = setup.export(&["--no-cache"]);
    assert!(uncached == first, "--no-cache gives the same export");
}

#[test]
fn no_cache_neither_reads_nor_writes_the_cache() {
    let setup = Setup::new();
    setup.export(&["--no-cache"]);
    assert!(setup.entries().is_empty());
}

/// Damages the entry with `damage`, then checks the next run warns once, prints the same export,
/// and leaves a sound entry (the run after it is quiet).
fn rebuilt_after(damage: impl Fn(&Path)) -> String {
    let setup = Setup::new();
    let (expected, _) = setup.export(&[]);
    damage(&setup.only_entry());
    let (output, warning) = setup.export(&[]);
    assert!(output == expected, "the same export after the rebuild");
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert!(
        warning.starts_with("parallax: warning: cache entry"),
        "{warning}"
    );
    let (again, quiet) = setup.export(&[]);
    assert!(again == expected, "the same export from the rebuilt entry");
    assert_eq!(quiet, "");
    setup.only_entry();
    warning
}

#[test]
fn a_truncated_cache_entry_is_rebuilt_with_a_warning() {
    let warning = rebuilt_after(|entry| {
        let bytes = std::fs::read(entry).expect("entry");
        std::fs::write(entry, &bytes[..bytes.len() / 2]).expect("truncate");
    });
    assert!(warning.contains("is truncated; rebuilt"), "{warning}");
}

#[test]
fn a_garbage_cache_entry_is_rebuilt_with_a_warning() {
    let warning = rebuilt_after(|entry| {
        std::fs::write(entry, "not a cache entry at all, just some text").expect("write")
    });
    assert!(
        warning.contains("is not a Parallax cache entry"),
        "{warning}"
    );
}

#[test]
fn a_cache_entry_damaged_inside_is_rebuilt_with_a_warning() {
    let warning = rebuilt_after(|entry| {
        let mut bytes = std::fs::read(entry).expect("entry");
        let middle = bytes.len() / 2;
        bytes[middle] = bytes[middle].wrapping_add(1);
        std::fs::write(entry, bytes).expect("write");
    });
    assert!(warning.contains("checksum"), "{warning}");
}

#[test]
fn a_cache_entry_from_another_version_is_rebuilt_with_a_warning() {
    let warning = rebuilt_after(|entry| {
        let mut bytes = std::fs::read(entry).expect("entry");
        bytes[8..12].copy_from_slice(&999u32.to_le_bytes()); // the format version
        std::fs::write(entry, bytes).expect("write");
    });
    assert!(warning.contains("is from another version"), "{warning}");
}

#[test]
fn a_changed_article_is_not_served_from_the_cache() {
    let setup = Setup::new();
    let (before, _) = setup.export(&[]);
    let (name, text) = parallax::seeds::FILES[1];
    let changed = format!("{text}\n\nOne more paragraph, added after the first load.\n");
    std::fs::write(setup.articles.path().join(name), changed).expect("edit");
    let (after, _) = setup.export(&[]);
    assert!(after != before, "the edit shows");
    assert!(setup.export(&["--no-cache"]).0 == after);
    assert_eq!(setup.entries().len(), 2);
}
