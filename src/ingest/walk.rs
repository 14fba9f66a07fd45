//! Paths → documents: walks folders recursively in sorted path order (so article ids are stable),
//! sniffs each file, and reads it. Hidden entries inside folders (`.git`, `.DS_Store`) are passed
//! over silently; everything else that cannot be read is skipped with a reason, never fatal,
//! except a path that does not exist.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::briefing::Format;
use crate::ingest::{read_bytes, IngestError, Loaded, Skipped};

/// The format a path's extension names, if Parallax reads it.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// Loads every readable file under `paths` (files and folders), in sorted path order.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, IngestError> {
    let mut files = Vec::new();
    let mut loaded = Loaded::default();
    let mut visited = BTreeSet::new();
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(IngestError::Missing(path.clone()));
        }
        collect(path, &mut files, &mut loaded.skipped, &mut visited);
    }
    for path in files {
        read_file(&path, &mut loaded);
    }
    if loaded.documents.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(IngestError::NoArticles(format!(
            "{}{}",
            shown.join(", "),
            skipped_summary(&loaded.skipped)
        )));
    }
    Ok(loaded)
}

/// Reads one file into `loaded`, or records why it was skipped.
fn read_file(path: &Path, loaded: &mut Loaded) {
    let shown = path.display().to_string();
    let skip = |reason: &str| Skipped {
        path: shown.clone(),
        reason: reason.to_string(),
        loaded: false,
    };
    let Some(format) = format_of(path) else {
        loaded
            .skipped
            .push(skip("not an article (.txt, .md or .html)"));
        return;
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            loaded.skipped.push(skip(&format!("cannot be read: {e}")));
            return;
        }
    };
    if bytes.contains(&0) {
        loaded.skipped.push(skip("binary file (NUL bytes)"));
        return;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        loaded.skipped.push(skip("empty file"));
        return;
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (doc, skipped) = read_bytes(&name, &shown, format, &bytes);
    loaded.skipped.extend(skipped);
    if doc.blocks.is_empty() {
        loaded.skipped.push(skip("no text"));
    } else {
        loaded.documents.push(doc);
    }
}

/// Lists the files under `path`, sorted; unreadable folders and symlink cycles are skipped.
fn collect(
    path: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    visited: &mut BTreeSet<PathBuf>,
) {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if !visited.insert(canonical) {
        skipped.push(Skipped {
            path: path.display().to_string(),
            reason: "folder already read (link cycle)".into(),
            loaded: false,
        });
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped {
                path: path.display().to_string(),
                reason: format!("cannot be read: {e}"),
                loaded: false,
            });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for entry in entries {
        collect(&entry, files, skipped, visited);
    }
}

/// " (3 files skipped: 2 not an article, 1 binary file (NUL bytes))", or "" when none were.
fn skipped_summary(skipped: &[Skipped]) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for s in skipped {
        *reasons
            .entry(s.reason.split(':').next().unwrap_or(&s.reason))
            .or_default() += 1;
    }
    let parts: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
    format!(" ({} skipped: {})", skipped.len(), parts.join(", "))
}
