//! The briefing cache: a finished [`Briefing`] stored on disk, so opening the same files again
//! skips parsing, cleaning and extraction ([`open`] in front of [`crate::pipeline::open`]).
//!
//! Extraction merges actors across articles, so one entry holds a whole briefing. Its [`Key`] is
//! a 128-bit XXH3 hash over the cache format, the build of Parallax, every listed file's path and
//! the hash of its bytes (in listing order), and the files the walk skips: everything the
//! pipeline reads. Any changed byte, added, removed or renamed file gives another key;
//! modification times play no part. An entry is stored only if the files hash the same after the
//! pipeline read them as before, so a file edited during the load is never cached wrongly.
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
use crate::ingest::IngestError;
use crate::pipeline::Progress;

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
    /// The key of the briefing under `paths`: every listed file's path and the XXH3-128 of its
    /// bytes (read on `threads` workers, 0: one per core), and the files the walk skips. `None`
    /// when the briefing cannot be cached: a listed file is not a regular file (a pipe, read
    /// once), or the listing fails (the pipeline reports why).
    pub fn of_files(paths: &[PathBuf], threads: usize) -> Option<Key> {
        let listing = crate::ingest::walk::list(paths).ok()?;
        let files = crate::par::map(&listing.entries, threads, |_, entry| {
            let path = &entry.path;
            match fs::metadata(path) {
                Ok(meta) if !meta.is_file() => None,
                _ => Some(hash_file(path)),
            }
        });
        let mut h = Hasher(Xxh3::new());
        h.u64(u64::from(FORMAT_VERSION));
        h.str(build());
        h.u64(files.len() as u64);
        for (entry, file) in listing.entries.iter().zip(&files) {
            h.str(&entry.path.to_string_lossy());
            h.0.update(&(*file)?.to_le_bytes());
        }
        // the walk's own skips (a file that is not an article, a link cycle) become warnings
        let unread = listing
            .entries
            .iter()
            .map(|_| Ok(((), Vec::new())))
            .collect();
        match listing.finish(unread) {
            Ok((_, skipped)) => skipped.iter().for_each(|s| h.str(&s.to_string())),
            Err(e) => h.str(&e.to_string()),
        }
        Some(Key(h.0.digest128()))
    }

    /// The key as 32 hex digits.
    pub fn to_hex(self) -> String {
        format!("{:032x}", self.0)
    }
}

/// The hash of a file's bytes (of its read error, when it cannot be read).
fn hash_file(path: &Path) -> u128 {
    match fs::read(path) {
        Ok(bytes) => xxh3_128(&bytes),
        Err(e) => !xxh3_128(e.to_string().as_bytes()),
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

/// What a load through the cache produced.
#[derive(Debug)]
pub struct Opened {
    /// The briefing.
    pub briefing: Briefing,
    /// Whether it came from the cache.
    pub hit: bool,
    /// Cache problems met on the way (the briefing is right regardless).
    pub problems: Vec<CacheError>,
}

/// [`crate::pipeline::open`] through `cache`: the stored briefing when the files are the same,
/// else the pipeline's, stored for next time. Without a cache, just the pipeline.
pub fn open(
    cache: Option<&Cache>,
    paths: &[PathBuf],
    threads: usize,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Opened, IngestError> {
    let mut problems = Vec::new();
    let key = cache.and_then(|_| Key::of_files(paths, threads));
    if let (Some(cache), Some(key)) = (cache, key) {
        match cache.get(key) {
            Ok(Some(briefing)) => {
                return Ok(Opened {
                    briefing,
                    hit: true,
                    problems,
                })
            }
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    let briefing = crate::pipeline::open(paths, threads, progress)?;
    // stored only if no file changed while the pipeline read it, so an entry always holds
    // the briefing of the bytes its key names
    if let (Some(cache), Some(key)) = (cache, key) {
        if Key::of_files(paths, threads) == Some(key) {
            if let Err(e) = cache.put(key, &briefing) {
                problems.push(e);
            }
        }
    }
    Ok(Opened {
        briefing,
        hit: false,
        problems,
    })
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

    /// A folder holding copies of the seed articles.
    fn seed_folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in crate::seeds::FILES {
            fs::write(dir.path().join(name), text).expect("write seed");
        }
        dir
    }

    fn key(dir: &Path) -> Key {
        Key::of_files(&[dir.to_path_buf()], 2).expect("a key")
    }

    fn entry_bytes() -> (Key, Vec<u8>) {
        let briefing = crate::seeds::briefing();
        let key = Key(42);
        let payload = postcard::to_stdvec(&briefing).expect("encodes");
        let mut bytes = header(key, payload.len() as u64, xxh3_128(&payload));
        bytes.extend_from_slice(&payload);
        (key, bytes)
    }

    #[test]
    fn a_stored_briefing_comes_back_equal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::at(dir.path());
        let briefing = crate::seeds::briefing();
        cache.put(Key(1), &briefing).expect("stored");
        assert_eq!(cache.get(Key(1)).expect("readable"), Some(briefing));
    }

    #[test]
    fn the_second_open_is_a_hit_equal_to_the_first() {
        let (articles, dir) = (seed_folder(), tempfile::tempdir().expect("temp dir"));
        let cache = Cache::at(dir.path());
        let paths = [articles.path().to_path_buf()];
        let first = open(Some(&cache), &paths, 2, &|_| {}).expect("opens");
        let second = open(Some(&cache), &paths, 2, &|_| {}).expect("opens");
        assert!(!first.hit && second.hit);
        assert_eq!(second.briefing, first.briefing);
    }

    #[test]
    fn one_changed_byte_changes_the_key() {
        let articles = seed_folder();
        let before = key(articles.path());
        let path = articles.path().join(crate::seeds::FILES[2].0);
        let mut bytes = fs::read(&path).expect("read");
        bytes[100] ^= 1;
        fs::write(&path, bytes).expect("write");
        assert_ne!(key(articles.path()), before);
    }

    #[test]
    fn a_file_the_walk_skips_changes_the_key() {
        let articles = seed_folder();
        let before = key(articles.path());
        fs::write(articles.path().join("notes.pdf"), "not an article").expect("write");
        assert_ne!(key(articles.path()), before);
    }

    #[test]
    fn a_renamed_file_changes_the_key() {
        let articles = seed_folder();
        let before = key(articles.path());
        let from = articles.path().join(crate::seeds::FILES[0].0);
        fs::rename(from, articles.path().join("zzz.txt")).expect("rename");
        assert_ne!(key(articles.path()), before);
    }

    #[test]
    fn every_truncation_of_an_entry_is_rejected() {
        let (key, bytes) = entry_bytes();
        assert!(decode(&bytes, key).is_ok());
        for len in (0..bytes.len()).step_by(97) {
            assert!(decode(&bytes[..len], key).is_err(), "{len} bytes accepted");
        }
    }

    #[test]
    fn a_flipped_byte_in_the_payload_is_rejected() {
        let (key, mut bytes) = entry_bytes();
        let middle = HEADER + (bytes.len() - HEADER) / 2;
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
        let left: Vec<u128> = (0..(KEEP as u128 + 3))
            .filter(|n| cache.path(Key(*n)).exists())
            .collect();
        assert_eq!(left, (3..(KEEP as u128 + 3)).collect::<Vec<_>>());
    }
}
