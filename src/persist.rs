//! Files Parallax keeps between runs (the [`crate::cache`] and the reader's [`crate::state`]):
//! where they live and how they are written.
//!
//! Guarantees: a file is replaced atomically — written to a temporary file in the same folder,
//! flushed to disk, renamed over the old one, and the folder flushed — so a crash or `kill -9`
//! at any moment leaves either the old or the new file, never a mix. Nothing here prints.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Temporary files older than this are left over from a killed writer and may be removed.
const STALE: Duration = Duration::from_secs(60);

/// Distinguishes temporary files of the threads of one process.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// A folder from the environment: `$override_var` itself, else `$xdg_var/parallax`, else
/// `~/<fallback>/parallax` (for example `.cache`). `None` when neither variable nor `HOME` is set.
pub fn dir(override_var: &str, xdg_var: &str, fallback: &str) -> Option<PathBuf> {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = set(override_var) {
        return Some(PathBuf::from(dir));
    }
    let base = set(xdg_var)
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|home| PathBuf::from(home).join(fallback)))?;
    Some(base.join("parallax"))
}

/// Replaces `path` atomically with what `write` writes, creating the folder if needed.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<&File>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = temp_path(path);
    let result = write_temp(&temp, write).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    // the rename itself is durable only once the folder is flushed
    File::open(dir).and_then(|d| d.sync_all())
}

fn write_temp(
    temp: &Path,
    write: impl FnOnce(&mut io::BufWriter<&File>) -> io::Result<()>,
) -> io::Result<()> {
    let file = File::options().write(true).create_new(true).open(temp)?;
    let mut out = io::BufWriter::with_capacity(1 << 16, &file);
    write(&mut out)?;
    out.flush()?;
    drop(out);
    file.sync_all()
}

/// `.<name>.<pid>-<n>.tmp` beside `path`: hidden, and unique to this process and call, so two
/// writers never share a temporary file.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Removes temporary files of `path` left behind by writers killed more than a minute ago.
pub fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok());
        if age.is_some_and(|age| age > STALE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves a corrupt or foreign file out of the way, to `<name>.corrupt-<unix time>`, and returns
/// where it went.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let seconds = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let aside = path.with_file_name(format!("{name}.corrupt-{seconds}"));
    fs::rename(path, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested").join("state.json");
        write_atomically(&path, |w| w.write_all(b"old")).expect("first write");
        write_atomically(&path, |w| w.write_all(b"new")).expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["state.json"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        write_atomically(&path, |w| w.write_all(b"old")).expect("first write");
        let failed = write_atomically(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn a_file_set_aside_is_renamed_with_the_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        fs::write(&path, "garbage").expect("write");
        let aside = set_aside(&path).expect("set aside");
        assert!(!path.exists());
        let name = aside
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(name.starts_with("state.json.corrupt-"), "{name}");
    }
}
