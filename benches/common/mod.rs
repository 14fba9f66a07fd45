//! A synthetic briefing for benchmarks: the seed articles (and the test fixtures) copied many
//! times with words varied by a deterministic generator, so the vocabulary grows like a real
//! corpus instead of repeating five texts.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The allocator the `parallax` binary uses (`src/main.rs`), so the benchmarks measure what it
/// does.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// A tiny deterministic generator (xorshift64*), so the corpus is the same on every run.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["seeds", "tests/articles"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_string();
            if ["txt", "md", "html"].contains(&ext.as_str()) {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push((ext, text));
                }
            }
        }
    }
    out
}

/// Replaces about one word in six by a variant (letters rotated by a random amount), keeping
/// capitalisation and punctuation, so each copy has words of its own. In a saved page
/// (`markup`), only the text is varied: tag and attribute names, attribute values and entity
/// names stay as written, as a real page's would (a rotated `<article>` or `&rsquo;` is no
/// longer markup, and Readability then reads a page no site serves).
fn vary(text: &str, markup: bool, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // inside a tag or an entity reference, carried across the pieces split at spaces
    let (mut in_tag, mut in_entity) = (false, false);
    for (i, piece) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let letters = piece.chars().filter(|c| c.is_ascii_lowercase()).count();
        let shift = if letters >= 4 && rng.next() % 6 == 0 {
            (rng.next() % 25 + 1) as u8
        } else {
            0
        };
        for c in piece.chars() {
            if markup {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    '&' => in_entity = true,
                    _ if in_entity && !c.is_ascii_alphanumeric() && c != '#' => in_entity = false,
                    _ => {}
                }
            }
            if shift > 0 && c.is_ascii_lowercase() && !in_tag && !in_entity {
                out.push((b'a' + (c as u8 - b'a' + shift) % 26) as char);
            } else {
                out.push(c);
            }
        }
        // a reference ends at its semicolon or at the space after a bare ampersand
        in_entity = false;
    }
    out
}

/// `n` varied article texts with their extensions, deterministic.
pub fn articles(n: usize) -> Vec<(String, String)> {
    let sources = sources();
    let mut rng = Rng::new(42);
    (0..n)
        .map(|i| {
            let (ext, text) = &sources[i % sources.len()];
            (ext.clone(), vary(text, ext == "html", &mut rng))
        })
        .collect()
}

/// The folder holding the corpus of `n` articles. Its name carries the generator's version and
/// a hash of the articles it varies (the seeds and the test fixtures), so a copy written by an
/// earlier generator, or from other fixtures (reused by [`write_corpus`]), is never measured
/// instead.
pub fn corpus_dir(n: usize) -> PathBuf {
    let mut sources = Vec::new();
    for (ext, text) in self::sources() {
        for part in [ext.as_bytes(), b"\0", text.as_bytes(), b"\0"] {
            sources.extend_from_slice(part);
        }
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&sources);
    std::env::temp_dir().join(format!(
        "parallax-bench-corpus-v{CORPUS_VERSION}-{hash:016x}-{n}"
    ))
}

/// The generator's version: raised whenever [`articles`] changes what it writes.
const CORPUS_VERSION: u32 = 2;

/// Writes `n` varied articles into `dir` (created; reused when a complete copy is there, since
/// creating ten thousand files costs more than reading them); returns the total size in bytes.
pub fn write_corpus(dir: &Path, n: usize) -> usize {
    let marker = dir.join(".complete");
    if let Ok(size) = std::fs::read_to_string(&marker) {
        if let Ok(size) = size.trim().parse() {
            return size;
        }
    }
    std::fs::create_dir_all(dir).expect("create corpus dir");
    let mut total = 0;
    for (i, (ext, text)) in articles(n).into_iter().enumerate() {
        total += text.len();
        std::fs::write(dir.join(format!("{i:05}.{ext}")), text).expect("write corpus file");
    }
    std::fs::write(marker, total.to_string()).expect("write corpus marker");
    total
}

/// The corpus in `dir` split by format: a folder per extension beside it (`….by-format/html`,
/// …), holding hard links to the corpus's files (made once), so each format can be loaded on
/// its own through the same walk as the whole corpus. Returns each folder with its extension,
/// file count and total size, in extension order.
pub fn corpus_by_format(dir: &Path) -> Vec<(String, PathBuf, usize, u64)> {
    let root = dir.with_extension("by-format");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some())
        .collect();
    files.sort();
    let mut formats: std::collections::BTreeMap<String, (PathBuf, usize, u64)> =
        std::collections::BTreeMap::new();
    for file in files {
        let ext = file
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = root.join(&ext);
        let entry = formats.entry(ext).or_insert_with(|| (folder.clone(), 0, 0));
        let link = folder.join(file.file_name().expect("a file name"));
        if !link.exists() {
            std::fs::create_dir_all(&folder).expect("create format dir");
            // a hard link is the same file, read at the same cost; a copy where links fail
            if std::fs::hard_link(&file, &link).is_err() {
                std::fs::copy(&file, &link).expect("copy corpus file");
            }
        }
        entry.1 += 1;
        entry.2 += std::fs::metadata(&file).expect("corpus file").len();
    }
    formats
        .into_iter()
        .map(|(ext, (folder, n, bytes))| (ext, folder, n, bytes))
        .collect()
}

/// Writes (once) one plain-text article of about `size` bytes: a headline and byline, then the
/// seeds' body paragraphs of 200 bytes or more, varied, until the size is reached.
pub fn write_big_file(path: &Path, size: usize) -> usize {
    if let Ok(meta) = std::fs::metadata(path) {
        return meta.len() as usize;
    }
    let mut rng = Rng::new(7);
    // the seeds' body paragraphs as cleaned (no menus or footers in the middle of the story)
    let paragraphs: Vec<String> = parallax::seeds::briefing()
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(|p| p.text.clone()))
        .filter(|p| p.len() >= 200)
        .collect();
    let mut out = String::with_capacity(size + 4096);
    out.push_str("One very long story\n\nBy Jane Doe\n\n");
    while out.len() < size && !paragraphs.is_empty() {
        let p = &paragraphs[(rng.next() % paragraphs.len() as u64) as usize];
        out.push_str(&vary(p, false, &mut rng));
        out.push_str("\n\n");
    }
    std::fs::write(path, &out).expect("write the big file");
    out.len()
}

/// The number in the environment variable `name`, or `default`.
pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of this process so far, in bytes (Linux; 0 elsewhere).
pub fn peak_rss() -> usize {
    proc_status_kb("VmHWM:") * 1024
}

/// Current resident memory, in bytes (Linux; 0 elsewhere).
pub fn current_rss() -> usize {
    proc_status_kb("VmRSS:") * 1024
}

fn proc_status_kb(field: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
