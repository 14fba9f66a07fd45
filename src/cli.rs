//! The command line: arguments (clap) and one module per subcommand's printed output.

pub mod args;
pub mod compare;
pub mod print;
pub mod progress;
pub mod quotes;
pub mod search;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

pub use args::{Cli, Command};

use crate::briefing::Briefing;
use crate::cache::{Cache, CacheError};

/// Loads the briefing named by `paths` (the bundled seeds when empty), through `cache` when
/// given, printing progress and warnings (skipped inputs, cache problems) to stderr.
pub fn load_briefing(paths: &[PathBuf], cache: Option<&Cache>) -> anyhow::Result<Briefing> {
    let bar = progress::Bar::on_stderr();
    let loaded = load_quietly(paths, cache, &|p| bar.show(p));
    bar.clear();
    let (briefing, problems) = loaded?;
    for w in &briefing.warnings {
        eprintln!("parallax: warning: {w}");
    }
    for problem in &problems {
        eprintln!("parallax: warning: {problem}");
    }
    Ok(briefing)
}

/// The briefing cache, unless `--no-cache` (`no_cache`) turned it off.
pub fn cache(no_cache: bool) -> Option<Cache> {
    if no_cache {
        None
    } else {
        Cache::from_env()
    }
}

/// Reads standard input as one article, its format sniffed (HTML, Markdown front matter, text).
fn read_stdin() -> anyhow::Result<crate::ingest::Loaded> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
        .context("reading standard input")?;
    Ok(crate::ingest::walk::load_stdin(&bytes)?)
}

fn is_stdin(paths: &[PathBuf]) -> bool {
    paths.len() == 1 && paths[0].as_os_str() == "-"
}

/// Opens the reader (TUI) on `paths`: config and briefing are loaded, and every problem reported,
/// before the terminal is touched. The user's place in these paths is restored and kept.
pub fn run_reader(paths: &[PathBuf], no_cache: bool) -> anyhow::Result<()> {
    let config = crate::config::load()?;
    if let Some(missing) = paths
        .iter()
        .find(|p| p.as_os_str() != "-" && std::fs::symlink_metadata(p).is_err())
    {
        anyhow::bail!(crate::ingest::IngestError::Missing(missing.clone()));
    }
    let state = if is_stdin(paths) {
        None
    } else {
        crate::state::StateFile::from_env(paths)
    };
    let paths = paths.to_vec();
    let folder = paths.clone();
    // loaded on a worker while the first frames draw; warnings show in the reader's status line
    let load = move |progress: &(dyn Fn(crate::pipeline::Progress) + Sync)| {
        let (mut briefing, problems) = load_quietly(&folder, cache(no_cache).as_ref(), progress)
            .map_err(|e| format!("{e:#}"))?;
        briefing
            .warnings
            .extend(problems.iter().map(ToString::to_string));
        Ok(briefing)
    };
    // the folders and files named are watched; the bundled seeds and standard input are not
    let watch: Vec<std::path::PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    crate::ui::run(load, config.keymap, watch, state).context("running the terminal interface")
}

/// Loads a briefing without printing (the terminal belongs to the reader): warnings are kept
/// in `Briefing::warnings`, cache problems returned beside it. Files are read through `cache`;
/// the bundled seeds and standard input are never cached.
fn load_quietly(
    paths: &[PathBuf],
    cache: Option<&Cache>,
    progress: &(dyn Fn(crate::pipeline::Progress) + Sync),
) -> anyhow::Result<(Briefing, Vec<CacheError>)> {
    let loaded = if paths.is_empty() {
        crate::seeds::load()
    } else if is_stdin(paths) {
        read_stdin()?
    } else {
        // read and cleaned on every core, in path order
        let opened = crate::cache::open(cache, paths, 0, progress)?;
        return Ok((opened.briefing, opened.problems));
    };
    let warnings = loaded.skipped.iter().map(ToString::to_string).collect();
    Ok((
        crate::briefing::assemble(loaded.documents, warnings),
        Vec::new(),
    ))
}

/// Runs a non-interactive subcommand, writing its result to standard output.
pub fn run(command: &Command, no_cache: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let briefing = load_briefing(command.paths(), cache(no_cache).as_ref())?;
    let text = match command {
        Command::Articles { .. } => print::articles(&briefing),
        Command::Outline { .. } => crate::outline::to_markdown(&briefing),
        Command::Quotes { format, .. } if *format == args::OutputFormat::Json => {
            quotes::across_json(&briefing)?
        }
        Command::Quotes { across: true, .. } => quotes::across(&briefing),
        Command::Quotes { .. } => print::quotes(&briefing),
        Command::Search(args) => search::run(&briefing, args, started.elapsed()),
        Command::Compare { a, b, format, .. } => compare::compare(&briefing, a, b, *format)?,
        Command::Matrix { format, sort, .. } => compare::matrix(&briefing, *format, *sort),
        Command::Export { .. } => {
            // streamed: the export of a large briefing is larger than the briefing itself
            return crate::export::write_json(&briefing, std::io::stdout().lock())
                .context("writing to standard output");
        }
        Command::Memo {
            out,
            force,
            format,
            group,
            paths,
        } => {
            let text = memo(&briefing, paths, *format, *group)?;
            if let Some(out) = out {
                crate::memo::export::write_atomically(out, &text, *force)?;
                eprintln!("parallax: memo written to {}", out.display());
                return Ok(());
            }
            text
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .context("writing to standard output")?;
    out.flush().context("writing to standard output")
}

/// The memo saved for `paths`, re-anchored in `briefing`, as Markdown or JSON.
fn memo(
    briefing: &Briefing,
    paths: &[PathBuf],
    format: args::OutputFormat,
    group: Option<args::MemoGroup>,
) -> anyhow::Result<String> {
    let saved = match crate::state::StateFile::from_env(paths) {
        Some(file) => file
            .load()
            .with_context(|| format!("reading the saved memo ({})", file.path().display()))?,
        None => None,
    };
    let (mut memo, saved_group) = saved.map_or_else(
        || (crate::memo::Memo::default(), Default::default()),
        |s| (s.memo, s.memo_group),
    );
    let orphans = memo.reanchor(briefing);
    if orphans > 0 {
        eprintln!("parallax: warning: {orphans} pinned text(s) no longer in the briefing (flagged in the memo)");
    }
    if memo.pins.is_empty() && memo.note.is_empty() {
        eprintln!("parallax: nothing pinned yet for this briefing (pin with p in the reader)");
    }
    let group = group.map_or(saved_group, Into::into);
    Ok(match format {
        args::OutputFormat::Json => crate::memo::export::to_json(&memo, briefing, group) + "\n",
        _ => crate::memo::export::to_markdown(&memo, briefing, group),
    })
}
