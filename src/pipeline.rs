//! The whole load, on every core and with progress: paths → listing → read + clean (one file
//! per task, as many workers as cores) → same-story marks → extraction → [`Briefing`].
//!
//! The result is identical to the sequential [`crate::ingest::walk::load`] +
//! [`crate::briefing::assemble`]: outcomes are put back in path order before ids are given, and
//! everything after cleaning runs in that order.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::briefing::{Article, ArticleId, Briefing};
use crate::ingest::walk::{self, Outcome};
use crate::ingest::{IngestError, Skipped};

/// What the load is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and cleaning files.
    Reading,
    /// Finding actors, quotations, positions and questions.
    Extracting,
}

/// How far the load has got: `done` of `total` files read, or the extraction started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Files read and cleaned so far (all of them once extracting).
    pub done: usize,
    /// Files listed.
    pub total: usize,
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.stage {
            Stage::Reading => write!(f, "reading {}/{} files", self.done, self.total),
            Stage::Extracting => write!(f, "extracting from {} articles", self.total),
        }
    }
}

/// Loads the articles under `paths` into a briefing, reading and cleaning on `threads` workers
/// (0: one per core) and calling `progress` (from any worker) as files are done.
/// Errors as [`walk::load`]: a missing path, or nothing readable.
pub fn open(
    paths: &[PathBuf],
    threads: usize,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Briefing, IngestError> {
    let (articles, skipped) = load_articles(paths, threads, progress)?;
    progress(Progress {
        stage: Stage::Extracting,
        done: articles.len(),
        total: articles.len(),
    });
    let warnings = skipped.iter().map(ToString::to_string).collect();
    Ok(crate::briefing::assemble_articles(articles, warnings))
}

/// The first stage of [`open`]: the articles under `paths` read, cleaned and split into
/// sentences (ids given in path order), and the inputs skipped, with why. Load + clean +
/// split as the reader does it, and as the benchmark times it.
pub fn load_articles(
    paths: &[PathBuf],
    threads: usize,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Vec<Article>, Vec<Skipped>), IngestError> {
    let listing = walk::list(paths)?;
    let total = listing.entries.len();
    let outcomes = read_and_clean(&listing.entries, threads, &|done| {
        progress(Progress {
            stage: Stage::Reading,
            done,
            total,
        });
    });
    let (mut articles, skipped) = listing.finish(outcomes)?;
    for (i, article) in articles.iter_mut().enumerate() {
        article.id = ArticleId(i as u32);
    }
    Ok((articles, skipped))
}

/// The most files a worker reads before it cleans them (see [`read_and_clean`]).
const READ_BATCH: usize = 512;

/// Reads and cleans every entry on `threads` workers (0: one per core), in format order
/// ([`walk::in_read_order`]); outcomes come back in entry order. Ids are given later, in path
/// order. `done` hears how many files are through, counting a file read and not yet cleaned
/// as half done.
///
/// A worker reads a batch of files, then cleans them: reading (html5ever and Readability,
/// pulldown-cmark, the line readers) and cleaning are each a large body of code, and
/// alternating them at every file keeps evicting one from the processor's caches to run the
/// other. On the 10,000-article bench corpus, one core, in rotations in one process: best
/// 511-516 ms file by file against 482-492 ms for batches of 1,024 files or all of them
/// (medians 548-579 against 511-536). Batches bound the documents held at once; there are
/// at least four per worker, so small briefings still use every core.
fn read_and_clean(
    entries: &[walk::Entry],
    threads: usize,
    done: &(dyn Fn(usize) + Sync),
) -> Vec<Outcome<Article>> {
    let halves = AtomicUsize::new(0);
    let step = || {
        let halves = halves.fetch_add(1, Ordering::Relaxed) + 1;
        if halves % 2 == 0 {
            done(halves / 2);
        }
    };
    let workers = crate::par::resolve(threads);
    let batch = READ_BATCH.min(entries.len().div_ceil(workers * 4)).max(1);
    walk::in_read_order(entries, |order| {
        let batches: Vec<&[usize]> = order.chunks(batch).collect();
        let cleaned = crate::par::map(&batches, threads, |_, batch| {
            let read: Vec<_> = batch
                .iter()
                .map(|&i| {
                    let outcome = walk::read_entry(&entries[i]);
                    step();
                    outcome
                })
                .collect();
            read.into_iter()
                .map(|outcome| {
                    let outcome = outcome.map(|(doc, repairs)| {
                        (
                            crate::text::clean::clean_document(ArticleId(0), doc),
                            repairs,
                        )
                    });
                    step();
                    outcome
                })
                .collect::<Vec<_>>()
        });
        cleaned.into_iter().flatten().collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("parallax-pipeline-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        for (file, text) in files {
            std::fs::write(dir.join(file), text).expect("write");
        }
        dir
    }

    const PROSE: &str = "The minister said the plan would go ahead in the spring, despite the \
                         objections raised by the council last week.\n\n\"We will not wait any \
                         longer for the money,\" said Mayor Ana Ruiz, who has opposed the plan.\n";

    #[test]
    fn the_parallel_load_equals_the_sequential_one() {
        let files: Vec<(String, String)> = (0..40)
            .map(|i| (format!("{i:02}.txt"), format!("Story {i}\n\n{PROSE}")))
            .collect();
        let mut named: Vec<(&str, &str)> = files
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        named.push(("zz.bin.txt", "\0binary"));
        named.push(("notes.pdf", "not an article"));
        let dir = folder("equal", &named);
        let paths = [dir.clone()];
        let loaded = walk::load(&paths).expect("loads");
        let warnings = loaded.skipped.iter().map(ToString::to_string).collect();
        let sequential = crate::briefing::assemble(loaded.documents, warnings);
        for threads in [1, 2, 3] {
            let parallel = open(&paths, threads, &|_| {}).expect("loads");
            assert_eq!(parallel, sequential, "{threads} threads");
        }
        assert_eq!(sequential.warnings.len(), 2, "{:?}", sequential.warnings);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn progress_counts_every_file_then_announces_extraction() {
        let dir = folder(
            "progress",
            &[("a.txt", PROSE), ("b.txt", PROSE), ("c.txt", PROSE)],
        );
        let seen = std::sync::Mutex::new(Vec::new());
        open(std::slice::from_ref(&dir), 2, &|p| {
            seen.lock().expect("lock").push(p)
        })
        .expect("loads");
        let mut seen = seen.into_inner().expect("lock");
        let last = seen.pop().expect("progress");
        assert_eq!(last.stage, Stage::Extracting);
        let mut done: Vec<usize> = seen.iter().map(|p| p.done).collect();
        done.sort_unstable();
        assert_eq!(done, [1, 2, 3]);
        assert!(seen
            .iter()
            .all(|p| p.total == 3 && p.stage == Stage::Reading));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn nothing_readable_is_still_an_error_naming_what_was_skipped() {
        let dir = folder("nothing", &[("a.txt", "\0\0"), ("b.txt", "")]);
        let err = open(std::slice::from_ref(&dir), 2, &|_| {}).expect_err("nothing to read");
        let text = err.to_string();
        assert!(text.contains("2 files skipped"), "{text}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
