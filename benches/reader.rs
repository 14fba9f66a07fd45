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
    // PARALLAX_BENCH_ONLY=compare or =search runs those figures alone
    match std::env::var("PARALLAX_BENCH_ONLY").as_deref() {
        Ok("compare") => return compare(),
        Ok("search") => return search(),
        _ => {}
    }
    first_frame();
    redraw();
    compare();
    search();
}

/// Two 10,000-word articles compared, and the actor × source matrix of 1,000 articles.
fn compare() {
    // two long articles made of the cleaned paragraphs of many corpus articles
    let docs = common::articles(200)
        .iter()
        .enumerate()
        .map(|(i, (_, text))| {
            parallax::ingest::read_bytes(
                &format!("a{i}"),
                "bench",
                parallax::briefing::Format::Text,
                text.as_bytes(),
            )
            .0
        })
        .collect();
    let corpus = parallax::briefing::assemble(docs, Vec::new());
    let paragraphs: Vec<&str> = corpus
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    let half = |k: usize| -> Vec<&str> {
        let mut words = 0;
        paragraphs
            .iter()
            .skip(k)
            .step_by(2)
            .take_while(|p| {
                words += p.split_whitespace().count();
                words < 10_000
            })
            .copied()
            .collect()
    };
    let articles = vec![
        parallax::briefing::Article::from_texts(0, &half(0)),
        parallax::briefing::Article::from_texts(1, &half(1)),
    ];
    let extraction = parallax::extract::extract(&articles);
    let briefing = parallax::briefing::Briefing {
        articles,
        actors: extraction.actors,
        quotes: extraction.quotes,
        positions: extraction.positions,
        questions: extraction.questions,
        warnings: Vec::new(),
    };
    let words: usize = briefing
        .articles
        .iter()
        .map(|a| {
            a.paragraphs
                .iter()
                .map(|p| p.text.split_whitespace().count())
                .sum::<usize>()
        })
        .sum();
    let rounds: usize = common::env_number("PARALLAX_BENCH_ROUNDS", 20); // more to profile
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(parallax::compare::compare(
            &briefing,
            briefing.articles[0].id,
            briefing.articles[1].id,
        ));
    }
    println!(
        "compare two articles ({} words in all): {:.2} ms",
        words,
        ms(started.elapsed()) / rounds as f64
    );
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(parallax::compare::quotes::shared_quotes(
            &briefing,
            briefing.articles[0].id,
            briefing.articles[1].id,
        ));
    }
    println!(
        "  of which the quotations both carry ({} quotations): {:.2} ms",
        briefing.quotes.len(),
        ms(started.elapsed()) / rounds as f64
    );
    let docs = common::articles(1000)
        .iter()
        .enumerate()
        .map(|(i, (_, text))| {
            parallax::ingest::read_bytes(
                &format!("a{i}"),
                "bench",
                parallax::briefing::Format::Text,
                text.as_bytes(),
            )
            .0
        })
        .collect();
    let briefing = parallax::briefing::assemble(docs, Vec::new());
    let started = Instant::now();
    let matrix =
        parallax::compare::matrix::matrix(&briefing, parallax::compare::matrix::SortBy::Coverage);
    let groups = parallax::compare::matrix::question_groups(&briefing);
    println!(
        "matrix of 1,000 articles ({} actors) and {} question groups: {:.0} ms",
        matrix.actors.len(),
        groups.len(),
        ms(started.elapsed())
    );
    let started = Instant::now();
    let quotes = parallax::compare::quotes::quote_groups(&briefing);
    let shared = quotes.iter().filter(|g| g.sources().len() > 1).count();
    println!(
        "quotations of 1,000 articles ({}) grouped across sources: {} groups, {shared} carried by several, {:.0} ms",
        briefing.quotes.len(),
        quotes.len(),
        ms(started.elapsed())
    );
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
    println!(
        "full redraw at 200x60: {:.3} ms",
        mean_redraw(&app, &mut terminal, 500)
    );
}

/// Mean time of a full redraw of `app` over `rounds` draws, in milliseconds.
fn mean_redraw(app: &App, terminal: &mut Terminal<TestBackend>, rounds: usize) -> f64 {
    let started = Instant::now();
    for _ in 0..rounds {
        terminal
            .draw(|f| parallax::ui::render(app, f))
            .expect("draw");
    }
    ms(started.elapsed()) / rounds.max(1) as f64
}

fn search() {
    let n: usize = common::env_number("PARALLAX_BENCH_ARTICLES", 10_000);
    let dir = common::corpus_dir(n);
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
            if std::env::var_os("PARALLAX_BENCH_VERBOSE").is_some() {
                println!("    {typed:?}: {:.1} ms", ms(took));
            }
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
    // drawing does not grow with the briefing: only what is on screen is laid out
    let started = Instant::now();
    let app = App::new(Arc::new(briefing), 200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    terminal
        .draw(|f| parallax::ui::render(&app, f))
        .expect("draw");
    let first = started.elapsed();
    let rounds: usize = common::env_number("PARALLAX_BENCH_ROUNDS", 100);
    println!(
        "reader on {n} articles: app state and first frame {:.1} ms, full redraw at 200x60 {:.3} ms",
        ms(first),
        mean_redraw(&app, &mut terminal, rounds)
    );
}

/// Mean time of `fzf --filter` per prefix of `query` over the same sentences (None without fzf,
/// or with PARALLAX_BENCH_FZF=0).
fn fzf_mean(lines: &std::path::Path, query: &str) -> Option<f64> {
    if std::env::var("PARALLAX_BENCH_FZF").as_deref() == Ok("0") {
        return None;
    }
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
