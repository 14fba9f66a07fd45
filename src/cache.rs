//! The briefing cache: a finished [`Briefing`] stored on disk, so opening the same articles again
//! skips cleaning and extraction (the costly part of the pipeline).
//!
//! Extraction merges actors across articles, so one entry holds a whole briefing. Its [`Key`] is
//! a 128-bit XXH3 hash over the cache format, the build of Parallax, and the content of every
//! document loaded — names, paths, formats, metadata and every block of text, in load order —
//! plus the load's warnings: everything [`crate::briefing::assemble`] reads. Any changed byte of
//! any article gives another key; modification times play no part.
//!
//! Entries live in `$PARALLAX_CACHE_DIR`, else `$XDG_CACHE_HOME/parallax`, else
//! `~/.cache/parallax`, one file per key: a header (magic, format version, build, key, payload
//! length and checksum) and the briefing encoded with `postcard`. They are written atomically
//! ([`crate::persist`]); the [`KEEP`] most recently used are kept. An entry that is truncated,
//! damaged or from another version is reported as [`CacheError::Invalid`], removed, and rebuilt
//! by the caller: the cache can make a load faster, never wrong.

use std::fs;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::briefing::Briefing;
use crate::ingest::Document;

/// Raise when the stored shape of a briefing changes.
pub const FORMAT_VERSION: u32 = 1;

/// How many entries the cache keeps (the most recently used).
pub const KEEP: usize = 8;

const MAGIC: &[u8; 8] = b"PLXCACHE";

/// File names of entries end with this.
const EXTENSION: &str = "briefing";

/// Identifies one briefing's entry: a hash of everything that goes into assembling it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(pub u128);

impl Key {
    /// The key of the briefing assembled from `documents` with `warnings`.
    pub fn of(documents: &[Document], warnings: &[String]) -> Key {
        let mut h = Hasher(Xxh3::new());
        h.u64(u64::from(FORMAT_VERSION));
        h.str(build());
        h.u64(documents.len() as u64);
        for doc in documents {
            h.document(doc);
        }
        h.u64(warnings.len() as u64);
        for w in warnings {
            h.str(w);
        }
        Key(h.0.digest128())
    }

    /// The key as 32 hex digits.
    pub fn to_hex(self) -> String {
        format!("{:032x}", self.0)
    }
}

/// Feeds values to XXH3 in a prefix-free way (every string preceded by its length).
struct Hasher(Xxh3);

impl Hasher {
    fn u64(&mut self, n: u64) {
        self.0.update(&n.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.update(s.as_bytes());
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u64(1);
                self.str(s);
            }
            None => self.u64(0),
        }
    }
    fn document(&mut self, doc: &Document) {
        self.str(&doc.name);
        self.str(&doc.path);
        self.u64(doc.format as u64);
        for field in [
            &doc.meta.title,
            &doc.meta.author,
            &doc.meta.date,
            &doc.meta.source,
        ] {
            self.opt(field.as_deref());
        }
        self.u64(doc.blocks.len() as u64);
        for block in &doc.blocks {
            self.str(&block.text);
            self.u64(block.kind as u64 * 2 + u64::from(block.blank_before));
        }
    }
}

/// Which build of Parallax wrote an entry: the crate version and the running executable's size
/// and modification time, so a rebuilt binary (whose rules may differ) never reads old entries.
pub fn build() -> &'static str {
    static BUILD: OnceLock<String> = OnceLock::new();
    BUILD.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(fs::metadata)
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}:{modified}", m.len())
            })
            .unwrap_or_default();
        format!("parallax {} {exe}", env!("CARGO_PKG_VERSION"))
    })
}

/// A cache problem. None is fatal: the caller assembles the briefing without the cache.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// An entry could not be read or written.
    #[error("cache {path}: {source}")]
    Io {
        /// The entry.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// An entry is damaged, truncated or from another version; it was removed.
    #[error("cache entry {path} {reason}; rebuilt")]
    Invalid {
        /// The entry.
        path: PathBuf,
        /// What is wrong ("is truncated", "is from another version").
        reason: String,
    },
}

/// A folder of cached briefings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache in `dir` (created on the first write).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The user's cache: `$PARALLAX_CACHE_DIR`, else `$XDG_CACHE_HOME/parallax`, else
    /// `~/.cache/parallax`. `None` when no folder can be named.
    pub fn from_env() -> Option<Cache> {
        crate::persist::dir("PARALLAX_CACHE_DIR", "XDG_CACHE_HOME", ".cache").map(Cache::at)
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of `key`'s entry.
    pub fn path(&self, key: Key) -> PathBuf {
        self.dir.join(format!("{}.{EXTENSION}", key.to_hex()))
    }

    /// The briefing stored under `key`, if any. A damaged entry is removed and reported.
    pub fn get(&self, key: Key) -> Result<Option<Briefing>, CacheError> {
        let path = self.path(key);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(CacheError::Io { path, source }),
        };
        match decode(&bytes, key) {
            Ok(briefing) => {
                // recently used entries are the ones pruning keeps
                let _ = fs::File::options()
                    .append(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(SystemTime::now()));
                Ok(Some(briefing))
            }
            Err(reason) => {
                let _ = fs::remove_file(&path);
                Err(CacheError::Invalid {
                    path,
                    reason: reason.to_string(),
                })
            }
        }
    }

    /// Stores `briefing` under `key` (atomically), then prunes the cache to [`KEEP`] entries.
    /// The briefing is encoded straight into the file, never whole in memory.
    pub fn put(&self, key: Key, briefing: &Briefing) -> Result<(), CacheError> {
        let path = self.path(key);
        crate::persist::write_atomically(&path, |out| {
            // the header's length and checksum are known once the payload is written
            out.write_all(&[0; HEADER])?;
            // buffered first, so the checksum is fed large slices rather than single fields
            let mut payload = io::BufWriter::with_capacity(
                1 << 16,
                Checksummed {
                    out: &mut *out,
                    hash: Xxh3::new(),
                    len: 0,
                },
            );
            postcard::to_io(briefing, &mut payload).map_err(io::Error::other)?;
            let payload = payload.into_inner().map_err(|e| e.into_error())?;
            let (len, hash) = (payload.len, payload.hash.digest128());
            out.seek(io::SeekFrom::Start(0))?;
            out.write_all(&header(key, len, hash))
        })
        .map_err(|source| CacheError::Io {
            path: path.clone(),
            source,
        })?;
        self.prune();
        Ok(())
    }

    /// Removes all but the [`KEEP`] most recently used entries, and stale temporary files.
    fn prune(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut found: Vec<(SystemTime, PathBuf)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
            .map(|p| {
                let used = fs::metadata(&p).and_then(|m| m.modified());
                (used.unwrap_or(SystemTime::UNIX_EPOCH), p)
            })
            .collect();
        found.sort_by(|a, b| b.cmp(a));
        for (_, old) in found.iter().skip(KEEP) {
            let _ = fs::remove_file(old);
        }
        for (_, path) in &found {
            crate::persist::remove_stale_temps(path);
        }
    }
}

/// What a cached load produced.
#[derive(Debug)]
pub struct Assembled {
    /// The briefing.
    pub briefing: Briefing,
    /// Whether it came from the cache.
    pub hit: bool,
    /// Cache problems met on the way (the briefing is right regardless).
    pub problems: Vec<CacheError>,
}

/// [`crate::briefing::assemble`] through `cache`: the stored briefing when there is one, else
/// the pipeline's, stored for next time. Without a cache, just the pipeline.
pub fn assemble(
    cache: Option<&Cache>,
    documents: Vec<Document>,
    warnings: Vec<String>,
) -> Assembled {
    let Some(cache) = cache else {
        return Assembled {
            briefing: crate::briefing::assemble(documents, warnings),
            hit: false,
            problems: Vec::new(),
        };
    };
    let key = Key::of(&documents, &warnings);
    let mut problems = Vec::new();
    match cache.get(key) {
        Ok(Some(briefing)) => {
            return Assembled {
                briefing,
                hit: true,
                problems,
            }
        }
        Ok(None) => {}
        Err(e) => problems.push(e),
    }
    let briefing = crate::briefing::assemble(documents, warnings);
    if let Err(e) = cache.put(key, &briefing) {
        problems.push(e);
    }
    Assembled {
        briefing,
        hit: false,
        problems,
    }
}

/// The fixed-size part of an entry before the payload.
const HEADER: usize = 8 + 4 + 16 + 16 + 8 + 16;

/// magic, format version, build hash, key, payload length, payload checksum.
fn header(key: Key, len: u64, checksum: u128) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&xxh3_128(build().as_bytes()).to_le_bytes());
    out.extend_from_slice(&key.0.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

/// Passes bytes on, counting them and hashing them on the way.
struct Checksummed<W> {
    out: W,
    hash: Xxh3,
    len: u64,
}

impl<W: Write> Write for Checksummed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The briefing in an entry's bytes, or why there is none.
fn decode(bytes: &[u8], key: Key) -> Result<Briefing, &'static str> {
    if !bytes.starts_with(MAGIC) {
        return Err(if MAGIC.starts_with(bytes) {
            "is truncated"
        } else {
            "is not a Parallax cache entry"
        });
    }
    if bytes.len() < HEADER {
        return Err("is truncated");
    }
    let (head, payload) = bytes.split_at(HEADER);
    let field = |at: usize, len: usize| &head[at..at + len];
    let u128_at = |at| u128::from_le_bytes(field(at, 16).try_into().expect("16 bytes"));
    let version = u32::from_le_bytes(field(8, 4).try_into().expect("4 bytes"));
    if version != FORMAT_VERSION || u128_at(12) != xxh3_128(build().as_bytes()) {
        return Err("is from another version");
    }
    if u128_at(28) != key.0 {
        return Err("belongs to other articles");
    }
    let len = u64::from_le_bytes(field(44, 8).try_into().expect("8 bytes"));
    if len != payload.len() as u64 {
        return Err("is truncated");
    }
    if u128_at(52) != xxh3_128(payload) {
        return Err("is damaged (checksum)");
    }
    postcard::from_bytes(payload).map_err(|_| "cannot be decoded")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> (Vec<Document>, Briefing) {
        let loaded = crate::seeds::load();
        let briefing = crate::briefing::assemble(loaded.documents.clone(), Vec::new());
        (loaded.documents, briefing)
    }

    #[test]
    fn a_stored_briefing_comes_back_equal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::at(dir.path());
        let (documents, briefing) = seeds();
        let key = Key::of(&documents, &[]);
        cache.put(key, &briefing).expect("stored");
        assert_eq!(cache.get(key).expect("readable"), Some(briefing));
    }

    #[test]
    fn one_changed_character_changes_the_key() {
        let (mut documents, _) = seeds();
        let before = Key::of(&documents, &[]);
        documents[2].blocks[3].text.push('!');
        assert_ne!(Key::of(&documents, &[]), before);
    }

    #[test]
    fn moving_text_between_blocks_changes_the_key() {
        let (mut documents, _) = seeds();
        let before = Key::of(&documents, &[]);
        let moved = documents[0].blocks[1].text.pop().expect("a character");
        documents[0].blocks[2].text.insert(0, moved);
        assert_ne!(Key::of(&documents, &[]), before);
    }

    #[test]
    fn every_truncation_of_an_entry_is_rejected() {
        let (documents, briefing) = seeds();
        let key = Key::of(&documents, &[]);
        let payload = postcard::to_stdvec(&briefing).expect("encodes");
        let mut bytes = header(key, payload.len() as u64, xxh3_128(&payload));
        bytes.extend_from_slice(&payload);
        assert!(decode(&bytes, key).is_ok());
        for len in (0..bytes.len()).step_by(97) {
            assert!(decode(&bytes[..len], key).is_err(), "{len} bytes accepted");
        }
    }

    #[test]
    fn a_flipped_byte_in_the_payload_is_rejected() {
        let (documents, briefing) = seeds();
        let key = Key::of(&documents, &[]);
        let payload = postcard::to_stdvec(&briefing).expect("encodes");
        let mut bytes = header(key, payload.len() as u64, xxh3_128(&payload));
        bytes.extend_from_slice(&payload);
        let middle = HEADER + payload.len() / 2;
        bytes[middle] ^= 0x20;
        assert_eq!(decode(&bytes, key).err(), Some("is damaged (checksum)"));
    }

    #[test]
    fn a_damaged_entry_is_removed_and_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::at(dir.path());
        let key = Key(7);
        fs::write(cache.path(key), b"PLXCACHE garbage").expect("write");
        assert!(matches!(cache.get(key), Err(CacheError::Invalid { .. })));
        assert!(!cache.path(key).exists());
        assert!(matches!(cache.get(key), Ok(None)));
    }

    #[test]
    fn the_cache_keeps_only_the_most_recent_entries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::at(dir.path());
        let briefing = Briefing::default();
        for n in 0..(KEEP as u128 + 3) {
            cache.put(Key(n), &briefing).expect("stored");
            let path = cache.path(Key(n));
            let at = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000 + n as u64);
            let file = fs::File::options().append(true).open(&path).expect("open");
            file.set_modified(at).expect("set time");
        }
        cache.prune();
        let mut left: Vec<u128> = (0..(KEEP as u128 + 3))
            .filter(|n| cache.path(Key(*n)).exists())
            .collect();
        left.sort();
        assert_eq!(left, (3..(KEEP as u128 + 3)).collect::<Vec<_>>());
    }
}
