//! `parallax search`: runs one or more queries against the index in one process, so the
//! per-keystroke cost can be measured from outside (`--timings` prints it to standard error).

use std::fmt::Write;
use std::time::{Duration, Instant};

use crate::briefing::Briefing;
use crate::cli::args::SearchArgs;
use crate::cli::print::citation;
use crate::search::Index;

/// Prints the best hits for each query; with `--timings`, reports load, index and query times.
pub fn run(briefing: &Briefing, args: &SearchArgs, load_time: Duration) -> String {
    let started = Instant::now();
    let index = Index::build(briefing);
    let index_time = started.elapsed();
    if args.timings {
        eprintln!("load\t{:.3} ms", ms(load_time));
        eprintln!("index\t{:.3} ms", ms(index_time));
    }
    let mut out = String::new();
    for query in &args.queries {
        let started = Instant::now();
        let hits = index.search(query, args.limit);
        if args.timings {
            eprintln!(
                "query\t{:.3} ms\t{} hits\t{query}",
                ms(started.elapsed()),
                hits.len()
            );
        }
        if args.queries.len() > 1 {
            let _ = writeln!(out, "# {query}");
        }
        for hit in hits {
            let _ = writeln!(
                out,
                "{:?}\t{}\t[{}]",
                hit.kind,
                hit.text,
                citation(briefing, hit.loc.article)
            );
        }
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
