//! Where the reader was: per briefing, the articles open in both readers, how far each is
//! scrolled, the selected source, the last search, the outline tab and selection, and the
//! focused pane — so reopening the same folder puts the user back where they were.
//!
//! One JSON file per briefing in `$PARALLAX_STATE_DIR`, else `$XDG_STATE_HOME/parallax`, else
//! `~/.local/state/parallax`, named by a hash of the canonical paths opened (`seeds.json` for the
//! bundled briefing). It carries a `version` and the paths it belongs to. Writes are atomic
//! ([`crate::persist`]), so a `kill -9` at any moment leaves the old or the new file. A file that
//! does not parse, is from another version or belongs to other paths is set aside as
//! `<name>.corrupt-<unix time>` and reported ([`StateError::SetAside`]), never trusted.
//!
//! Articles are remembered by path and name, not by id, so a folder that gained or lost a file
//! still restores; the scroll position is remembered as the text at the top of the reader.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Raise when [`Session`]'s shape changes incompatibly.
pub const VERSION: u32 = 1;

/// An article as remembered: by path first, by name when the path moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// `Article::name`.
    pub name: String,
    /// `Article::path`.
    pub path: String,
}

/// The text at the top of a reader: a paragraph and a byte offset into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte offset in the paragraph's text.
    pub byte: usize,
}

/// One reader pane as remembered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReaderPlace {
    /// The article shown.
    pub article: ArticleRef,
    /// The first display line shown (at the width it was saved at).
    pub scroll: usize,
    /// The text at the top line, which survives a change of width; `None` above the first
    /// paragraph (title, metadata).
    pub top: Option<Anchor>,
}

/// Where the user was in one briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// [`VERSION`] of the program that wrote it.
    pub version: u32,
    /// The canonical paths of the briefing it belongs to (empty: the bundled seeds).
    pub paths: Vec<String>,
    /// The focused pane: `sources`, `reader_a`, `reader_b` or `outline`.
    pub focus: String,
    /// The selected row of the sources list.
    pub source: Option<ArticleRef>,
    /// The two readers, left then right.
    pub readers: Vec<ReaderPlace>,
    /// The last search query.
    pub search: String,
    /// The outline tab: `positions`, `questions` or `quotes`.
    pub outline_tab: String,
    /// The selected row of the outline.
    pub outline_selected: usize,
    /// What the user pinned, with their notes (absent in files written before pins existed).
    #[serde(default)]
    pub memo: crate::memo::Memo,
    /// How the memo groups its pins.
    #[serde(default)]
    pub memo_group: crate::memo::export::GroupBy,
}

/// A problem with the state file. None is fatal.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The file could not be read or written.
    #[error("state {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file was corrupt or foreign and was moved aside.
    #[error("state file {reason}; set aside as {}", aside.display())]
    SetAside {
        /// Where the file was moved.
        aside: PathBuf,
        /// What was wrong with it.
        reason: String,
    },
}

/// The state file of one briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFile {
    path: PathBuf,
    paths: Vec<String>,
}

impl StateFile {
    /// The state file in `dir` for the briefing opened from `paths` (none: the bundled seeds).
    /// Paths are canonicalized, sorted and deduplicated, so `./a` and `a/` share a file.
    pub fn in_dir(dir: &Path, paths: &[PathBuf]) -> StateFile {
        let mut canonical: Vec<String> = paths
            .iter()
            .map(|p| {
                fs::canonicalize(p)
                    .unwrap_or_else(|_| p.clone())
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        canonical.sort();
        canonical.dedup();
        let name = if canonical.is_empty() {
            "seeds.json".to_string()
        } else {
            let joined = canonical.join("\n");
            format!(
                "{:016x}.json",
                xxhash_rust::xxh3::xxh3_64(joined.as_bytes())
            )
        };
        StateFile {
            path: dir.join(name),
            paths: canonical,
        }
    }

    /// The state file for `paths` in the user's state folder: `$PARALLAX_STATE_DIR`, else
    /// `$XDG_STATE_HOME/parallax`, else `~/.local/state/parallax`.
    pub fn from_env(paths: &[PathBuf]) -> Option<StateFile> {
        let dir = crate::persist::dir("PARALLAX_STATE_DIR", "XDG_STATE_HOME", ".local/state")?;
        Some(StateFile::in_dir(&dir, paths))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A fresh session for this briefing, with nothing remembered yet.
    pub fn empty_session(&self) -> Session {
        Session {
            version: VERSION,
            paths: self.paths.clone(),
            focus: String::new(),
            source: None,
            readers: Vec::new(),
            search: String::new(),
            outline_tab: String::new(),
            outline_selected: 0,
            memo: crate::memo::Memo::default(),
            memo_group: crate::memo::export::GroupBy::default(),
        }
    }

    /// The saved session, if any. A corrupt or foreign file is set aside and reported.
    pub fn load(&self) -> Result<Option<Session>, StateError> {
        crate::persist::remove_stale_temps(&self.path);
        let text = match fs::read(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(StateError::Io {
                    path: self.path.clone(),
                    source,
                })
            }
        };
        match self.parse(&text) {
            Ok(session) => Ok(Some(session)),
            Err(reason) => {
                let aside =
                    crate::persist::set_aside(&self.path).map_err(|source| StateError::Io {
                        path: self.path.clone(),
                        source,
                    })?;
                Err(StateError::SetAside { aside, reason })
            }
        }
    }

    /// `text` as a session of this briefing, or what is wrong with it.
    fn parse(&self, text: &[u8]) -> Result<Session, String> {
        let value: serde_json::Value =
            serde_json::from_slice(text).map_err(|e| format!("is not valid JSON ({e})"))?;
        let version = value.get("version").and_then(serde_json::Value::as_u64);
        if version != Some(u64::from(VERSION)) {
            return Err("is from another version of Parallax".into());
        }
        let session: Session =
            serde_json::from_value(value).map_err(|e| format!("is not a Parallax state ({e})"))?;
        if session.paths != self.paths {
            return Err("belongs to another briefing".into());
        }
        Ok(session)
    }

    /// Saves `session` atomically (temporary file, fsync, rename, fsync of the folder).
    pub fn save(&self, session: &Session) -> Result<(), StateError> {
        let mut json = serde_json::to_vec_pretty(session).map_err(|e| StateError::Io {
            path: self.path.clone(),
            source: io::Error::other(e),
        })?;
        json.push(b'\n');
        crate::persist::write_atomically(&self.path, |out| out.write_all(&json)).map_err(|source| {
            StateError::Io {
                path: self.path.clone(),
                source,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(file: &StateFile) -> Session {
        Session {
            focus: "reader_b".into(),
            source: Some(ArticleRef {
                name: "002_x".into(),
                path: "seeds/002_x.txt".into(),
            }),
            readers: vec![ReaderPlace {
                article: ArticleRef {
                    name: "001_x".into(),
                    path: "seeds/001_x.txt".into(),
                },
                scroll: 12,
                top: Some(Anchor {
                    paragraph: 3,
                    byte: 40,
                }),
            }],
            search: "Kremlin".into(),
            outline_tab: "quotes".into(),
            outline_selected: 4,
            ..file.empty_session()
        }
    }

    #[test]
    fn a_saved_session_loads_back_equal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = StateFile::in_dir(dir.path(), &[dir.path().to_path_buf()]);
        let saved = session(&file);
        file.save(&saved).expect("saved");
        assert_eq!(file.load().expect("loads"), Some(saved));
    }

    #[test]
    fn no_file_is_no_session() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = StateFile::in_dir(dir.path(), &[]);
        assert_eq!(file.load().expect("loads"), None);
        assert_eq!(file.path().file_name().expect("name"), "seeds.json");
    }

    #[test]
    fn the_same_folder_named_two_ways_shares_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = StateFile::in_dir(dir.path(), &[dir.path().join("."), dir.path().into()]);
        let b = StateFile::in_dir(dir.path(), &[dir.path().to_path_buf()]);
        assert_eq!(a, b);
    }

    fn set_aside_reason(contents: &str) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = StateFile::in_dir(dir.path(), &[]);
        fs::write(file.path(), contents).expect("write");
        let Err(StateError::SetAside { aside, reason }) = file.load() else {
            panic!("{contents:?} was not set aside");
        };
        assert!(!file.path().exists());
        assert_eq!(fs::read_to_string(aside).expect("kept"), contents);
        reason
    }

    #[test]
    fn a_corrupt_file_is_set_aside() {
        assert!(set_aside_reason("{\"version\": 1, \"pa").contains("JSON"));
        assert!(set_aside_reason("").contains("JSON"));
    }

    #[test]
    fn a_file_from_another_version_is_set_aside() {
        assert!(set_aside_reason("{\"version\": 99}").contains("another version"));
    }

    #[test]
    fn a_file_of_another_shape_is_set_aside() {
        assert!(set_aside_reason("{\"version\": 1, \"readers\": 3}").contains("not a Parallax"));
    }

    #[test]
    fn a_file_of_another_briefing_is_set_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let other = StateFile::in_dir(dir.path(), &[dir.path().to_path_buf()]);
        let json = serde_json::to_string(&other.empty_session()).expect("json");
        assert!(set_aside_reason(&json).contains("another briefing"));
    }
}
