//! Speed of the reader (`cargo bench --bench reader`): the first frame on the seeds, a full redraw
//! at 200×60, and search per keystroke on a 10,000-article briefing (the best 100 hits, complete),
//! typed one character at a time. A plain harness printing figures for the README.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use parallax::app::App;
use parallax::search::Index;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn main() {
    first_frame();
    redraw();
    search();
}

fn first_frame() {
    let started = Instant::now();
    let briefing = parallax::seeds::briefing();
    let app = App::new(Arc::new(briefing), 160, 45);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    terminal
        .draw(|f| parallax::ui::render(&app, f))
        .expect("draw");
    println!(
        "first frame on the seeds (load, clean, extract, lay out, draw): {:.1} ms",
        ms(started.elapsed())
    );
}

fn redraw() {
    let app = App::new(Arc::new(parallax::seeds::briefing()), 200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let rounds = 500;
    let started = Instant::now();
    for _ in 0..rounds {
        terminal
            .draw(|f| parallax::ui::render(&app, f))
            .expect("draw");
    }
    println!(
        "full redraw at 200x60: {:.3} ms",
        ms(started.elapsed()) / rounds as f64
    );
}

fn search() {
    let n: usize = std::env::var("PARALLAX_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("parallax-bench-corpus-{n}"));
    common::write_corpus(&dir, n);
    let loaded = parallax::ingest::walk::load(std::slice::from_ref(&dir)).expect("corpus");
    let briefing = parallax::briefing::assemble(loaded.documents, Vec::new());
    let started = Instant::now();
    let index = Index::build(&briefing);
    println!(
        "search index over {} items of {n} articles: built in {:.0} ms",
        index.len(),
        ms(started.elapsed())
    );
    let fzf_lines = std::env::temp_dir().join(format!("parallax-bench-sentences-{n}.txt"));
    let sentences: Vec<String> = briefing
        .articles
        .iter()
        .flat_map(|a| a.sentences().map(|(_, s)| s.replace('\n', " ")))
        .collect();
    std::fs::write(&fzf_lines, sentences.join("\n")).expect("write sentences for fzf");
    for query in [
        "security guarantees",
        "'Ukraine !Russia",
        "^The troops",
        "ground troops$",
        "zlnsky",
    ] {
        let mut worst = Duration::ZERO;
        let mut total = Duration::ZERO;
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let started = Instant::now();
            let hits = index.search(&typed, 100);
            let took = started.elapsed();
            std::hint::black_box(hits);
            worst = worst.max(took);
            total += took;
        }
        let keys = query.chars().count();
        let ours = ms(total) / keys as f64;
        let ratio = fzf_mean(&fzf_lines, query)
            .map(|f| format!(", fzf --filter mean {f:.0} ms ({:.0}x slower)", f / ours))
            .unwrap_or_default();
        println!(
            "  typing {query:?}: mean {ours:.1} ms, worst {:.1} ms per keystroke{ratio}",
            ms(worst)
        );
    }
}

/// Mean time of `fzf --filter` per prefix of `query` over the same sentences (None without fzf).
fn fzf_mean(lines: &std::path::Path, query: &str) -> Option<f64> {
    let mut total = Duration::ZERO;
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let input = std::fs::File::open(lines).ok()?;
        let started = Instant::now();
        let out = std::process::Command::new("fzf")
            .args(["--filter", &typed])
            .stdin(input)
            .output()
            .ok()?;
        total += started.elapsed();
        std::hint::black_box(out.stdout.len());
    }
    Some(ms(total) / query.chars().count() as f64)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
