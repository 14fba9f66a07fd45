//! Paths → documents: walks folders recursively in sorted path order (so article ids are stable),
//! sniffs each file, and reads it.
//!
//! - Hidden entries inside folders (`.git`, `.DS_Store`, `.notes.md`) are passed over silently:
//!   they are tool state, not articles. A hidden file named on the command line is read.
//! - Inside folders, only `.txt`/`.text`, `.md`/`.markdown` and `.html`/`.htm` files are read;
//!   others are skipped with a warning. A file named on the command line with another extension
//!   is sniffed ([`crate::ingest::sniff()`]) and read if it is UTF-8 text.
//! - Binary files (a NUL byte; the first 8 KiB are checked before the rest is read), empty files,
//!   unreadable files and folders, link cycles, a file reached twice, and pipes or devices met
//!   inside a folder (they could block) are skipped with a reason.
//!   Only a path that does not exist stops the load ([`IngestError::Missing`]), and a load that
//!   finds nothing readable ([`IngestError::NoArticles`], saying what was skipped and why).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::briefing::Format;
use crate::ingest::sniff::{format_of_head, is_binary, HEAD};
use crate::ingest::{read_bytes, Document, IngestError, Loaded, Skipped};

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

/// Why an input was not loaded; `label` names a group of them in the "nothing loaded" message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Skip {
    NotArticle,
    NotFile,
    NotText,
    Binary,
    Empty,
    NoText,
    Unreadable(String),
    FolderTwice,
    FileTwice,
}

impl Skip {
    fn reason(&self) -> String {
        match self {
            Skip::NotArticle => "not an article (.txt, .md or .html)".into(),
            Skip::NotFile => "not a regular file (pipe or device)".into(),
            Skip::NotText => "not UTF-8 text".into(),
            Skip::Binary => "binary file (NUL bytes)".into(),
            Skip::Empty => "empty file".into(),
            Skip::NoText => "no text".into(),
            Skip::Unreadable(e) => format!("cannot be read: {e}"),
            Skip::FolderTwice => "folder already read (link cycle?)".into(),
            Skip::FileTwice => "file already read".into(),
        }
    }

    fn label(&self) -> &'static str {
        match self {
            Skip::NotArticle => "not articles",
            Skip::NotFile => "not regular files",
            Skip::NotText => "not text",
            Skip::Binary => "binary",
            Skip::Empty => "empty",
            Skip::NoText => "without text",
            Skip::Unreadable(_) => "unreadable",
            Skip::FolderTwice | Skip::FileTwice => "already read",
        }
    }
}

/// The walk in progress: the files to read, what was skipped (with how many files had been
/// listed when it was, so skips interleave with read failures in path order), a count of skips
/// by kind, and the identities seen.
#[derive(Default)]
struct Walk {
    entries: Vec<Entry>,
    skipped: Vec<(usize, Skipped)>,
    tally: BTreeMap<&'static str, usize>,
    folders: BTreeSet<Identity>,
    files: BTreeSet<Identity>,
}

impl Walk {
    fn skip(&mut self, path: &Path, why: Skip) {
        *self.tally.entry(why.label()).or_default() += 1;
        self.skipped.push((
            self.entries.len(),
            Skipped {
                path: path.display().to_string(),
                reason: why.reason(),
                loaded: false,
            },
        ));
    }

    /// " (3 files skipped: 2 not articles, 1 binary)", or " (no files found)".
    fn summary(&self) -> String {
        let total: usize = self.tally.values().sum();
        if total == 0 {
            return " (no files found)".into();
        }
        let parts: Vec<String> = self.tally.iter().map(|(l, n)| format!("{n} {l}")).collect();
        let files = if total == 1 { "file" } else { "files" };
        format!(" ({total} {files} skipped: {})", parts.join(", "))
    }
}

/// A file the walk found, to be read with [`read_entry`].
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path as given or found.
    pub path: PathBuf,
    /// The format its extension names; none for a file named on the command line with another
    /// extension, which is sniffed.
    format: Option<Format>,
    /// Its size in bytes, when the walk's metadata gave it.
    len: Option<u64>,
}

/// Why an entry was not read (binary, empty, unreadable, no text); see [`Listing::finish`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected(Skip);

impl Rejected {
    /// Why, in a few words ("binary file (NUL bytes)").
    pub fn reason(&self) -> String {
        self.0.reason()
    }
}

/// What reading one entry gave: a value made from its document (the document itself, or an
/// article already cleaned from it) and the repairs made, or why it was rejected.
pub type Outcome<T> = Result<(T, Vec<Skipped>), Rejected>;

/// The files under some paths, in sorted path order, not read yet: read them in any order or
/// in parallel with [`read_entry`], then hand the outcomes, in entry order, to
/// [`Listing::finish`].
pub struct Listing {
    /// The files to read.
    pub entries: Vec<Entry>,
    shown: String,
    walk: Walk,
}

/// Lists every file under `paths` (files and folders), in sorted path order, without reading
/// them. Only a path that does not exist is an error.
pub fn list(paths: &[PathBuf]) -> Result<Listing, IngestError> {
    if let Some(missing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        return Err(IngestError::Missing(missing.clone()));
    }
    let mut walk = Walk::default();
    for path in paths {
        if path.is_dir() {
            walk_folder(path, &mut walk);
        } else {
            list_file(path, true, None, &mut walk);
        }
    }
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let entries = std::mem::take(&mut walk.entries);
    Ok(Listing {
        entries,
        shown: shown.join(", "),
        walk,
    })
}

impl Listing {
    /// The values read, in path order, and every file skipped or repaired (in path order);
    /// an error when nothing could be read, saying what was skipped and why.
    pub fn finish<T>(
        mut self,
        outcomes: Vec<Outcome<T>>,
    ) -> Result<(Vec<T>, Vec<Skipped>), IngestError> {
        let mut values = Vec::with_capacity(outcomes.len());
        let mut skipped = Vec::new();
        let mut listed = std::mem::take(&mut self.walk.skipped)
            .into_iter()
            .peekable();
        for (i, (entry, outcome)) in self.entries.iter().zip(outcomes).enumerate() {
            while let Some((_, s)) = listed.next_if(|(at, _)| *at <= i) {
                skipped.push(s);
            }
            match outcome {
                Ok((value, repairs)) => {
                    values.push(value);
                    skipped.extend(repairs);
                }
                Err(Rejected(why)) => {
                    *self.walk.tally.entry(why.label()).or_default() += 1;
                    skipped.push(Skipped {
                        path: entry.path.display().to_string(),
                        reason: why.reason(),
                        loaded: false,
                    });
                }
            }
        }
        skipped.extend(listed.map(|(_, s)| s));
        if values.is_empty() {
            return Err(IngestError::NoArticles(self.shown + &self.walk.summary()));
        }
        Ok((values, skipped))
    }
}

/// Loads every readable file under `paths` (files and folders), in sorted path order, on the
/// calling thread. [`crate::pipeline`] reads and cleans in parallel, with progress.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, IngestError> {
    let listing = list(paths)?;
    let outcomes = in_read_order(&listing.entries, |order| {
        order
            .iter()
            .map(|&i| read_entry(&listing.entries[i]))
            .collect()
    });
    let (documents, skipped) = listing.finish(outcomes)?;
    Ok(Loaded { documents, skipped })
}

/// Runs `read` on the indices of `entries` in the order files are best read in, and returns its
/// results (one per index, in that order) put back in entry order.
///
/// Files are read grouped by format, in path order within a format: each format's reader is a
/// large body of code (html5ever and Readability for pages, pulldown-cmark and a YAML parser for
/// Markdown), and reading a briefing's files in path order, where formats alternate, keeps
/// evicting one reader's code and tables from the processor's caches to run another's. On the
/// 10,000-article bench corpus, one core, reading alone took 211 ms grouped against 257 ms in
/// path order (best of ten alternations in one process), reading and cleaning 519 against 583.
pub fn in_read_order<R>(entries: &[Entry], read: impl FnOnce(&[usize]) -> Vec<R>) -> Vec<R> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    // stable: path order within a format
    order.sort_by_key(|&i| entries[i].format.map_or(u8::MAX, |f| f as u8));
    let results = read(&order);
    assert_eq!(results.len(), order.len(), "one result per entry");
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(order.len()).collect();
    for (i, result) in order.into_iter().zip(results) {
        slots[i] = Some(result);
    }
    slots.into_iter().flatten().collect()
}

/// Loads standard input (or any unnamed bytes): sniffed, read as one document named `stdin`.
pub fn load_stdin(bytes: &[u8]) -> Result<Loaded, IngestError> {
    let mut loaded = Loaded::default();
    match read_input("stdin", "-", None, bytes) {
        Ok((doc, skipped)) => {
            loaded.documents.push(doc);
            loaded.skipped = skipped;
            Ok(loaded)
        }
        Err(why) => Err(IngestError::NoArticles(format!(
            "standard input ({})",
            why.reason()
        ))),
    }
}

/// Lists the files under `root` in sorted path order, depth first, without recursion.
/// Folder links are followed; a folder reached twice (a link cycle) is skipped.
fn walk_folder(root: &Path, walk: &mut Walk) {
    let mut stack = vec![(root.to_path_buf(), None)];
    while let Some((path, known)) = stack.pop() {
        if let Some(identity) = known {
            // a regular file, as the folder's listing said: no stat needed
            list_known_file(&path, identity, walk);
            continue;
        }
        // one stat per entry: it tells a folder from a file and gives the identity that
        // catches a folder or file reached twice
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(_) if format_of(&path).is_none() => {
                walk.skip(&path, Skip::NotArticle);
                continue;
            }
            Err(e) => {
                walk.skip(&path, Skip::Unreadable(e.to_string()));
                continue;
            }
        };
        if !meta.is_dir() {
            list_file(&path, false, Some(&meta), walk);
            continue;
        }
        if !walk.folders.insert(Identity::of(&path, &meta)) {
            walk.skip(&path, Skip::FolderTwice);
            continue;
        }
        match list_folder(&path, &meta) {
            // reversed onto the stack, so they come off in sorted order
            Ok(entries) => stack.extend(entries.into_iter().rev()),
            Err(e) => walk.skip(&path, Skip::Unreadable(e.to_string())),
        }
    }
}

/// What makes two paths the same file or folder: the device and inode on Unix (no
/// `canonicalize`, which costs a system call per path component), the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Identity {
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl Identity {
    #[cfg(unix)]
    fn of(_path: &Path, meta: &std::fs::Metadata) -> Identity {
        use std::os::unix::fs::MetadataExt;
        Identity::Inode(meta.dev(), meta.ino())
    }

    /// A folder entry's identity from the folder's listing (the inode its entry names, on the
    /// folder's device); `None` where the platform says nothing.
    #[cfg(unix)]
    fn of_entry(entry: &std::fs::DirEntry, folder: &std::fs::Metadata) -> Option<Identity> {
        use std::os::unix::fs::{DirEntryExt, MetadataExt};
        Some(Identity::Inode(folder.dev(), entry.ino()))
    }

    #[cfg(not(unix))]
    fn of_entry(_entry: &std::fs::DirEntry, _folder: &std::fs::Metadata) -> Option<Identity> {
        None
    }

    #[cfg(not(unix))]
    fn of(path: &Path, _meta: &std::fs::Metadata) -> Identity {
        Identity::Path(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// The visible entries of a folder, sorted by path; with each regular file (not a link), the
/// identity its directory entry gives (the folder's device and the entry's inode), so the walk
/// needs no stat for it.
fn list_folder(
    path: &Path,
    meta: &std::fs::Metadata,
) -> std::io::Result<Vec<(PathBuf, Option<Identity>)>> {
    let mut entries: Vec<(PathBuf, Option<Identity>)> = std::fs::read_dir(path)?
        .filter_map(|e| {
            let e = e.ok()?;
            let known = e
                .file_type()
                .is_ok_and(|t| t.is_file())
                .then(|| Identity::of_entry(&e, meta))
                .flatten();
            Some((e.path(), known))
        })
        .filter(|(p, _)| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    sort_siblings(&mut entries, |(path, _)| path);
    Ok(entries)
}

/// Sorts paths of one folder by path. They differ only in their last component, which holds
/// no separator, so comparing the encoded bytes orders them as `Path`'s comparison (component
/// by component) does, without splitting every path into components at every comparison.
fn sort_siblings<T>(entries: &mut [T], path: impl Fn(&T) -> &PathBuf) {
    entries.sort_unstable_by(|a, b| {
        path(a)
            .as_os_str()
            .as_encoded_bytes()
            .cmp(path(b).as_os_str().as_encoded_bytes())
    });
}

/// Lists one file to read, or records why it is skipped. `explicit`: named on the command
/// line, so an unknown extension is sniffed instead of skipped. `meta`: the file's metadata
/// (links followed), when the walk has it already.
fn list_file(path: &Path, explicit: bool, meta: Option<&std::fs::Metadata>, walk: &mut Walk) {
    let format = format_of(path);
    if format.is_none() && !explicit {
        return walk.skip(path, Skip::NotArticle);
    }
    let meta = match meta {
        Some(meta) => meta.clone(),
        None => match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => return walk.skip(path, Skip::Unreadable(e.to_string())),
        },
    };
    // a named pipe or device met while walking could block or never end; named, it is read
    if !explicit && !meta.is_file() {
        return walk.skip(path, Skip::NotFile);
    }
    if !walk.files.insert(Identity::of(path, &meta)) {
        return walk.skip(path, Skip::FileTwice);
    }
    walk.entries.push(Entry {
        path: path.to_path_buf(),
        format,
        len: Some(meta.len()),
    });
}

/// Lists a regular file the folder's listing identified.
fn list_known_file(path: &Path, identity: Identity, walk: &mut Walk) {
    let Some(format) = format_of(path) else {
        return walk.skip(path, Skip::NotArticle);
    };
    if !walk.files.insert(identity) {
        return walk.skip(path, Skip::FileTwice);
    }
    walk.entries.push(Entry {
        path: path.to_path_buf(),
        format: Some(format),
        len: None,
    });
}

/// Reads one listed file into a document (and the repairs made), or says why it was rejected.
pub fn read_entry(entry: &Entry) -> Outcome<Document> {
    let path = &entry.path;
    let bytes = read_text_bytes(path, entry.len).map_err(Rejected)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_input(&name, &path.display().to_string(), entry.format, &bytes).map_err(Rejected)
}

/// The bytes of a file that is not binary. The first [`HEAD`] bytes are checked for NUL before
/// the rest is read, so a large binary file costs one small read.
fn read_text_bytes(path: &Path, len: Option<u64>) -> Result<Vec<u8>, Skip> {
    let unreadable = |e: std::io::Error| Skip::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let len = match len {
        Some(len) => len,
        None => file.metadata().map_err(unreadable)?.len(),
    };
    // sized from the metadata (a pipe says 0 and grows as it is read), plus one byte so the
    // read that finds the end needs no reallocation
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    let mut file = file;
    // the head, or the whole file when the walk saw it smaller than the head (most articles):
    // reading stops at the size the walk saw instead of asking again for the empty read that
    // marks the end, a system call per file (a pipe, which says 0, is read to its end)
    let head = if len > 0 {
        len.min(HEAD as u64)
    } else {
        HEAD as u64
    };
    (&mut file)
        .take(head)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if is_binary(&bytes) {
        return Err(Skip::Binary);
    }
    if bytes.len() < HEAD && len > 0 && bytes.len() as u64 == len {
        return Ok(bytes);
    }
    file.read_to_end(&mut bytes).map_err(unreadable)?;
    if is_binary(&bytes[bytes.len().min(HEAD)..]) {
        return Err(Skip::Binary);
    }
    Ok(bytes)
}

/// Reads bytes as a document; `format` `None` means sniff it (then it must be UTF-8 text).
fn read_input(
    name: &str,
    path: &str,
    format: Option<Format>,
    bytes: &[u8],
) -> Result<(Document, Vec<Skipped>), Skip> {
    if is_binary(bytes) {
        return Err(Skip::Binary);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Skip::Empty);
    }
    let format = match format {
        Some(format) => format,
        None if std::str::from_utf8(bytes).is_err() => return Err(Skip::NotText),
        None => format_of_head(bytes),
    };
    let (doc, skipped) = read_bytes(name, path, format, bytes);
    if doc.blocks.is_empty() {
        return Err(Skip::NoText);
    }
    Ok((doc, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("parallax-walk-{name}-"))
            .tempdir()
            .expect("create temp dir")
    }

    const PROSE: &str = "The council voted to rebuild the pier after a long debate.\n";

    #[test]
    fn files_around_the_head_size_are_read_whole_and_checked_for_nul() {
        let dir = temp_dir("head");
        for size in [1, HEAD - 1, HEAD, HEAD + 1, 3 * HEAD + 7] {
            let text: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
            let path = dir.path().join(format!("{size}.txt"));
            std::fs::write(&path, &text).expect("write");
            let len = std::fs::metadata(&path).expect("stat").len();
            assert_eq!(
                read_text_bytes(&path, Some(len)).ok(),
                Some(text.clone()),
                "{size}"
            );
            // a size the walk did not know (0, as for a pipe) reads to the end all the same,
            // and one the walk did not ask for (a file its folder's listing named) is asked of
            // the open file
            for unknown in [Some(0), None] {
                assert_eq!(
                    read_text_bytes(&path, unknown).ok(),
                    Some(text.clone()),
                    "{size} {unknown:?}"
                );
            }
            let mut binary = text;
            *binary.last_mut().expect("not empty") = 0;
            std::fs::write(&path, &binary).expect("write");
            for len in [Some(len), None] {
                assert!(
                    matches!(read_text_bytes(&path, len), Err(Skip::Binary)),
                    "{size} {len:?}"
                );
            }
        }
    }

    #[test]
    fn files_are_read_grouped_by_format_and_results_come_back_in_path_order() {
        let formats = [
            Some(Format::Html),
            Some(Format::Text),
            None,
            Some(Format::Markdown),
            Some(Format::Text),
            Some(Format::Html),
        ];
        let entries: Vec<Entry> = formats
            .iter()
            .enumerate()
            .map(|(i, &format)| Entry {
                path: PathBuf::from(format!("{i}")),
                format,
                len: None,
            })
            .collect();
        let mut seen = Vec::new();
        let results = in_read_order(&entries, |order| {
            seen = order.to_vec();
            order.iter().map(|&i| entries[i].path.clone()).collect()
        });
        // text, Markdown, pages, then files sniffed; path order within each
        assert_eq!(seen, [1, 4, 3, 0, 5, 2]);
        let paths: Vec<&PathBuf> = entries.iter().map(|e| &e.path).collect();
        assert_eq!(results.iter().collect::<Vec<_>>(), paths);
    }

    #[test]
    fn siblings_sort_by_bytes_as_paths_sort() {
        let names = [
            "b.txt",
            "a.txt",
            "a",
            "a b.txt",
            "a-b.txt",
            "a.b.txt",
            "ab.txt",
            "A.txt",
            "é.txt",
            "e.txt",
            "10.txt",
            "9.txt",
            "a.txt.md",
            "_x.md",
            "z",
            "Zeta.html",
            "ä",
            "~",
        ];
        let mut by_path: Vec<PathBuf> =
            names.iter().map(|n| Path::new("dir/sub").join(n)).collect();
        let mut by_bytes = by_path.clone();
        by_path.sort();
        sort_siblings(&mut by_bytes, |p| p);
        assert_eq!(by_bytes, by_path);
    }

    #[test]
    fn folders_are_read_depth_first_in_sorted_order() {
        let dir_guard = temp_dir("order");
        let dir = dir_guard.path().to_path_buf();
        for name in ["b.txt", "a/z.md", "a/c.txt", "c.html"] {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, PROSE).expect("write");
        }
        let loaded = load(std::slice::from_ref(&dir)).expect("loads");
        let names: Vec<&str> = loaded.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["c", "z", "b", "c"]);
        assert!(loaded.documents[0].path.ends_with("a/c.txt"));
    }

    #[test]
    fn a_folder_without_articles_says_what_was_skipped() {
        let dir_guard = temp_dir("none");
        let dir = dir_guard.path().to_path_buf();
        std::fs::write(dir.join("a.pdf"), "%PDF").expect("write");
        std::fs::write(dir.join("b.jpg"), "JFIF").expect("write");
        std::fs::write(dir.join("c.txt"), b"\x89PNG\0\0").expect("write");
        let err = load(std::slice::from_ref(&dir))
            .expect_err("nothing to load")
            .to_string();
        assert!(
            err.ends_with("(3 files skipped: 1 binary, 2 not articles)"),
            "{err}"
        );
        let empty_guard = temp_dir("none-empty");
        let empty = empty_guard.path().to_path_buf();
        let err = load(&[empty]).expect_err("nothing to load").to_string();
        assert!(err.ends_with("(no files found)"), "{err}");
    }

    #[test]
    fn a_file_a_folder_lists_under_two_names_is_read_once() {
        // the folder's listing gives both names' inode without a stat: one file, read once,
        // whether reached by its names or named on the command line too
        let dir_guard = temp_dir("linked");
        let dir = dir_guard.path().to_path_buf();
        std::fs::write(dir.join("a.txt"), PROSE).expect("write");
        std::fs::hard_link(dir.join("a.txt"), dir.join("b.txt")).expect("link");
        std::fs::write(dir.join("c.txt"), PROSE).expect("write");
        let loaded = load(std::slice::from_ref(&dir)).expect("loads");
        let names: Vec<&str> = loaded.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a", "c"]);
        assert_eq!(loaded.skipped.len(), 1);
        assert!(loaded.skipped[0].path.ends_with("b.txt"));
        assert_eq!(loaded.skipped[0].reason, "file already read");
        let loaded = load(&[dir.join("b.txt"), dir.clone()]).expect("loads");
        let names: Vec<&str> = loaded.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["b", "c"]);
    }

    #[test]
    fn a_file_named_twice_is_read_once() {
        let dir_guard = temp_dir("twice");
        let dir = dir_guard.path().to_path_buf();
        let file = dir.join("a.txt");
        std::fs::write(&file, PROSE).expect("write");
        let loaded = load(&[file.clone(), dir.clone()]).expect("loads");
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(loaded.skipped[0].reason, "file already read");
    }

    #[test]
    fn a_named_file_with_an_unknown_extension_is_sniffed() {
        let dir_guard = temp_dir("sniffed");
        let dir = dir_guard.path().to_path_buf();
        let page = dir.join("saved.php");
        std::fs::write(
            &page,
            "<!doctype html><html><body><p>Tea time.</p></body></html>",
        )
        .expect("write");
        let notes = dir.join("NOTES");
        std::fs::write(&notes, PROSE).expect("write");
        let loaded = load(&[page, notes]).expect("loads");
        let formats: Vec<Format> = loaded.documents.iter().map(|d| d.format).collect();
        assert_eq!(formats, [Format::Html, Format::Text]);
        let latin1 = dir.join("latin1.dat");
        std::fs::write(&latin1, b"caf\xe9").expect("write");
        let err = load(&[latin1]).expect_err("not text").to_string();
        assert!(err.contains("1 not text"), "{err}");
    }

    #[test]
    fn standard_input_is_sniffed_and_refused_when_binary_or_empty() {
        let page = b"<!DOCTYPE html><html><body><p>Tea time.</p></body></html>";
        let loaded = load_stdin(page).expect("loads");
        assert_eq!(loaded.documents[0].format, Format::Html);
        let post = b"---\ntitle: Tea\n---\nTea time.\n";
        assert_eq!(
            load_stdin(post).expect("loads").documents[0].format,
            Format::Markdown
        );
        assert_eq!(
            load_stdin(PROSE.as_bytes()).expect("loads").documents[0].format,
            Format::Text
        );
        let err = load_stdin(b"\0\x01").expect_err("binary").to_string();
        assert!(err.contains("standard input (binary file"), "{err}");
        assert!(load_stdin(b" \n").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn link_cycles_dangling_links_and_devices_are_skipped_not_fatal() {
        let dir_guard = temp_dir("links");
        let dir = dir_guard.path().to_path_buf();
        std::fs::write(dir.join("a.txt"), PROSE).expect("write");
        std::os::unix::fs::symlink(&dir, dir.join("loop")).expect("symlink");
        std::os::unix::fs::symlink(dir.join("self.txt"), dir.join("self.txt")).expect("symlink");
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).expect("symlink");
        let loaded = load(std::slice::from_ref(&dir)).expect("loads");
        assert_eq!(loaded.documents.len(), 1);
        let reasons: Vec<&str> = loaded.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].starts_with("folder already read"), "{reasons:?}");
        assert!(reasons[1].starts_with("cannot be read"), "{reasons:?}");
        assert!(reasons[2].starts_with("not a regular file"), "{reasons:?}");
    }
}
