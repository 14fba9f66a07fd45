//! Paths → files: walks folders recursively in sorted order and sniffs each file's format.

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
    for path in paths {
        if !path.exists() {
            return Err(IngestError::Missing(path.clone()));
        }
        collect(path, &mut files)?;
    }
    let mut loaded = Loaded::default();
    for path in files {
        let shown = path.display().to_string();
        let Some(format) = format_of(&path) else {
            loaded.skipped.push(Skipped {
                path: shown,
                reason: "not a .txt, .md or .html file".into(),
                loaded: false,
            });
            continue;
        };
        let bytes = std::fs::read(&path).map_err(|source| IngestError::Io {
            path: path.clone(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (doc, skipped) = read_bytes(&name, &shown, format, &bytes);
        loaded.skipped.extend(skipped);
        loaded.documents.push(doc);
    }
    if loaded.documents.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(IngestError::NoArticles(shown.join(", ")));
    }
    Ok(loaded)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|source| IngestError::Io {
                path: path.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            collect(&entry, files)?;
        }
    } else {
        files.push(path.to_path_buf());
    }
    Ok(())
}
