//! The briefing cache on a 10,000-article corpus (`cargo bench --bench cache`): the first opening
//! (hash the files, the whole parallel pipeline, hash again, store the entry) against the second
//! (hash the files, read the entry), as an opening of the reader or a subcommand does them. Prints both times, the ratio,
//! the entry's size and the peak memory of the second opening. A plain harness: each is a
//! one-shot load.

mod common;

use std::path::Path;
use std::time::Instant;

use parallax::cache::{self, Cache};

fn main() {
    let n: usize = common::env_number("PARALLAX_BENCH_ARTICLES", 10_000);
    let dir = common::corpus_dir(n);
    let bytes = common::write_corpus(&dir, n);
    println!("corpus: {n} articles, {:.1} MB", bytes as f64 / 1e6);
    let cache_dir =
        std::env::temp_dir().join(format!("parallax-bench-cache-{}", std::process::id()));
    let cache = Cache::at(&cache_dir);

    let (first, first_peak, first_json) = open(&dir, &cache, false);
    let (second, peak, second_json) = open(&dir, &cache, true);
    assert!(first_json == second_json, "the cached briefing differs");
    let entry: u64 = std::fs::read_dir(&cache_dir)
        .expect("cache dir")
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "first opening (hash + pipeline + hash + store): {first:.2} s, peak memory {:.1} MB = {:.2}× the corpus",
        first_peak as f64 / 1e6,
        first_peak as f64 / bytes as f64
    );
    println!("second opening (hash + read entry): {second:.2} s");
    println!(
        "speed-up: {:.1}×; entry {:.1} MB; peak memory of the second opening {:.1} MB = {:.2}× the corpus",
        first / second,
        entry as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / bytes as f64
    );
    let _ = std::fs::remove_dir_all(&cache_dir);
}

/// Resets the peak resident memory to the current one (Linux), so each opening's peak is its own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// One opening through the cache; returns its time, its peak memory above the starting point,
/// and the briefing exported (after the measurements).
fn open(dir: &Path, cache: &Cache, expect_hit: bool) -> (f64, usize, String) {
    reset_peak();
    let rss_before = common::current_rss();
    let started = Instant::now();
    let assembled = cache::open(Some(cache), &[dir.to_path_buf()], 0, &|_| {}).expect("loads");
    let took = started.elapsed().as_secs_f64();
    let peak = common::peak_rss().saturating_sub(rss_before);
    assert_eq!(assembled.hit, expect_hit, "{:?}", assembled.problems);
    assert!(assembled.problems.is_empty(), "{:?}", assembled.problems);
    (took, peak, parallax::export::to_json(&assembled.briefing))
}
