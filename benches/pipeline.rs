//! Throughput and memory of the pipeline on a 10,000-article corpus (`cargo bench --bench
//! pipeline`): load + clean + split on one core (MB/s), the whole pipeline including extraction,
//! and peak memory as a multiple of the corpus size. A plain harness, because criterion measures
//! neither bytes per second of a one-shot load nor memory.
//!
//! Each throughput is measured `PARALLAX_BENCH_RUNS` times (3 by default) and reported as the
//! best and the median run: on a shared machine other tenants only ever add time, so the best
//! run is the closest to what the code costs, and the median says what a user typically sees.

mod common;

use std::time::Instant;

use parallax::briefing::ArticleId;

fn main() {
    if std::env::var("PARALLAX_BENCH_ONLY").as_deref() == Ok("big") {
        return big_file();
    }
    let n: usize = common::env_number("PARALLAX_BENCH_ARTICLES", 10_000);
    let dir = common::corpus_dir(n);
    let bytes = common::write_corpus(&dir, n);
    let mb = bytes as f64 / 1e6;
    println!("corpus: {n} articles, {mb:.1} MB");
    let rss_before = common::current_rss();
    if std::env::var("PARALLAX_BENCH_ONLY").as_deref() == Ok("stages") {
        let runs = common::env_number("PARALLAX_BENCH_RUNS", 7).max(1);
        return stages(&dir, runs);
    }

    // The whole pipeline first, so the peak memory measured is the pipeline's own
    // (PARALLAX_BENCH_ONLY=core skips it, to profile load + clean + split alone).
    let runs = common::env_number("PARALLAX_BENCH_RUNS", 3).max(1);
    if std::env::var("PARALLAX_BENCH_ONLY").as_deref() != Ok("core") {
        let times: Vec<f64> = (0..runs)
            .map(|run| whole(&dir, mb, bytes, rss_before, run == 0))
            .collect();
        summary("whole pipeline", mb, times);
    }
    let times: Vec<f64> = (0..runs).map(|_| core(&dir, mb)).collect();
    summary("load+clean+split", mb, times);
    if std::env::var_os("PARALLAX_BENCH_VERBOSE").is_some() {
        stages(&dir, 1);
    }
    if std::env::var("PARALLAX_BENCH_ONLY").is_err() {
        // in a process of its own, so its peak memory is its own
        let me = std::env::current_exe().expect("the bench binary");
        let status = std::process::Command::new(me)
            .env("PARALLAX_BENCH_ONLY", "big")
            .status()
            .expect("run the single-file bench");
        assert!(status.success(), "single-file bench failed");
    }
}

/// One large file (PARALLAX_BENCH_BIG_MB, 200 by default) of the corpus's paragraphs: the whole
/// pipeline's time and peak memory.
fn big_file() {
    let mb: usize = common::env_number("PARALLAX_BENCH_BIG_MB", 200);
    let path = std::env::temp_dir().join(format!("parallax-bench-big-{mb}.txt"));
    let bytes = common::write_big_file(&path, mb * 1_000_000);
    let rss_before = common::current_rss();
    let started = Instant::now();
    let briefing =
        parallax::pipeline::open(std::slice::from_ref(&path), 0, &|_| {}).expect("big file loads");
    let took = started.elapsed().as_secs_f64();
    let peak = common::peak_rss().saturating_sub(rss_before);
    println!(
        "one {:.0} MB file ({} paragraphs): whole pipeline {took:.1} s, {:.1} MB/s; peak memory {:.0} MB = {:.2}x the file",
        bytes as f64 / 1e6,
        briefing.articles.iter().map(|a| a.paragraphs.len()).sum::<usize>(),
        bytes as f64 / 1e6 / took,
        peak as f64 / 1e6,
        peak as f64 / bytes as f64
    );
}

/// Prints the best and the median of `times` (seconds) as MB/s.
fn summary(what: &str, mb: f64, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    let best = times[0];
    let median = times[times.len() / 2];
    println!(
        "{what}, {} runs: best {best:.2} s = {:.1} MB/s, median {median:.2} s = {:.1} MB/s",
        times.len(),
        mb / best,
        mb / median
    );
}

/// One run of the whole pipeline; its time in seconds. The first run also reports peak memory
/// (the high-water mark only grows, so later runs could not show their own).
fn whole(dir: &std::path::Path, mb: f64, bytes: usize, rss_before: usize, first: bool) -> f64 {
    let started = Instant::now();
    let threads: usize = common::env_number("PARALLAX_BENCH_THREADS", 0);
    let briefing =
        parallax::pipeline::open(&[dir.to_path_buf()], threads, &|_| {}).expect("corpus loads");
    let total = started.elapsed().as_secs_f64();
    let peak = common::peak_rss().saturating_sub(rss_before);
    println!(
        "whole pipeline (load → clean → split → excerpts → extract) on {} threads: {total:.2} s, {:.1} MB/s; {} quotes, {} positions, {} questions",
        if threads == 0 { parallax::par::workers() } else { threads },
        mb / total,
        briefing.quotes.len(),
        briefing.positions.len(),
        briefing.questions.len()
    );
    if first {
        println!(
            "peak memory above the starting point: {:.1} MB = {:.2}× the corpus",
            peak as f64 / 1e6,
            peak as f64 / bytes as f64
        );
    }
    drop(briefing);
    total
}

/// One run of load + clean + split on one worker (the calling thread), as the reader does it
/// ([`parallax::pipeline::load_articles`]: files read in batches, grouped by format, and each
/// batch cleaned and split after it is read); its time in seconds.
fn core(dir: &std::path::Path, mb: f64) -> f64 {
    let started = Instant::now();
    let (articles, _) =
        parallax::pipeline::load_articles(&[dir.to_path_buf()], 1, &|_| {}).expect("corpus loads");
    let core = started.elapsed().as_secs_f64();
    println!(
        "load+clean+split: {core:.2} s, {:.1} MB/s, {} articles",
        mb / core,
        articles.len()
    );
    core
}

/// Where the whole pipeline's time goes: each stage on the calling thread (with
/// PARALLAX_THREADS=1, on one core), the best of `runs`, on input made once. Once for
/// PARALLAX_BENCH_VERBOSE; with PARALLAX_BENCH_ONLY=stages, best of `PARALLAX_BENCH_RUNS` (7 by
/// default): far steadier on a shared host than whole-pipeline runs, so a change to one stage can
/// be judged by running it before and after. After cleaning, each format's files are loaded,
/// cleaned and split on their own (through hard links, see [`common::corpus_by_format`]), which
/// shows what each costs per byte.
fn stages(dir: &std::path::Path, runs: usize) {
    let best = |name: &str, f: &mut dyn FnMut() -> usize| {
        let mut best = f64::MAX;
        for _ in 0..runs {
            let started = Instant::now();
            std::hint::black_box(f());
            best = best.min(started.elapsed().as_secs_f64());
        }
        println!("  {name:<28} best {:7.1} ms of {runs}", best * 1e3);
    };
    let load = || parallax::ingest::walk::load(&[dir.to_path_buf()]).expect("corpus loads");
    best("read", &mut || load().documents.len());
    let documents = load().documents;
    let clean = |documents: Vec<parallax::ingest::Document>| -> Vec<parallax::briefing::Article> {
        documents
            .into_iter()
            .enumerate()
            .map(|(i, doc)| parallax::text::clean::clean_document(ArticleId(i as u32), doc))
            .collect()
    };
    // the documents are cloned outside the timed part: cleaning consumes them
    let mut copies: Vec<_> = (0..runs).map(|_| documents.clone()).collect();
    best("clean + split", &mut || {
        clean(copies.pop().unwrap_or_default()).len()
    });
    // each format's files alone: saved pages cost far more per byte than text
    for (ext, folder, files, bytes) in common::corpus_by_format(dir) {
        let mut fastest = f64::MAX;
        for _ in 0..runs {
            let started = Instant::now();
            let loaded =
                parallax::ingest::walk::load(std::slice::from_ref(&folder)).expect("format loads");
            std::hint::black_box(clean(loaded.documents).len());
            fastest = fastest.min(started.elapsed().as_secs_f64());
        }
        println!(
            "    .{ext:<5} {files:>5} files, {:5.1} MB: load + clean + split best {:6.1} ms = {:5.1} MB/s",
            bytes as f64 / 1e6,
            fastest * 1e3,
            bytes as f64 / 1e6 / fastest
        );
    }
    let mut articles = clean(documents);
    best("same story", &mut || {
        parallax::text::same_story::mark_excerpts(&mut articles);
        articles.len()
    });
    let articles = articles;
    best("actors and positions", &mut || {
        parallax::extract::actor::ActorIndex::build_with_positions(&articles)
            .1
            .len()
    });
    let (index, _) = parallax::extract::actor::ActorIndex::build_with_positions(&articles);
    best("quotations", &mut || {
        articles
            .iter()
            .map(|a| parallax::extract::quote::find_quotes(a, &index).len())
            .sum()
    });
    best("questions", &mut || {
        articles
            .iter()
            .map(|a| parallax::extract::question::find_questions(a).len())
            .sum()
    });
}
