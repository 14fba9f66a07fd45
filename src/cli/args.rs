//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Parallax: read a briefing — a folder of articles about one story — in the terminal.
///
/// With no PATH, opens the bundled briefing. PATH may be files, folders (read recursively), or `-`
/// for standard input. Formats: .txt, .md/.markdown (with YAML front matter), .html/.htm.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, long_about = None)]
pub struct Cli {
    /// What to do; without a subcommand, open the reader (TUI).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open in the reader.
    pub paths: Vec<PathBuf>,
    /// Neither read nor write the briefing cache: run the whole pipeline.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// Output formats of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON following export.schema.json.
    Json,
}

/// Output formats of the report subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable Markdown.
    Markdown,
    /// JSON (shape documented in the README).
    Json,
}

/// Row order of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixSort {
    /// Actors reported by most sources first.
    Coverage,
    /// Actors by name.
    Actor,
}

/// Non-interactive subcommands: each prints its result to standard output.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: id, outlet, date, title, paragraphs, removed lines, excerpt_of.
    Articles {
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
    /// Print the outline as Markdown: positions by actor, open questions, quotations.
    Outline {
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
    /// Print every quotation, one per line: speaker, text, source.
    ///
    /// With --across, every quotation once with all the sources carrying it: the first by date
    /// (undated sources after dated ones) marked "first", and for a source whose wording differs
    /// slightly the words it dropped, added or changed. --format json prints the groups (implies
    /// --across).
    Quotes {
        /// Group the same quotation carried by several sources, with wording differences.
        #[arg(long)]
        across: bool,
        /// Output format (json prints the groups).
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
    /// Search sentences, quotations, actors and titles; print the best hits for each query.
    Search(SearchArgs),
    /// Compare two sources: what each says on each actor and topic, where they agree or differ.
    Compare {
        /// The first article (id or unique prefix).
        a: String,
        /// The second article (id or unique prefix).
        b: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
    /// Print the actor × source table of stances, and the questions raised by several sources.
    Matrix {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
        /// Row order.
        #[arg(long, value_enum, default_value_t = MatrixSort::Coverage)]
        sort: MatrixSort,
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
    /// Write the memo (what was pinned in the reader, with notes) as cited Markdown or JSON.
    ///
    /// The memo is the one saved with the reader's place for the same PATHs. Pins whose text
    /// moved are found again; pins whose text changed or vanished are flagged, never dropped.
    Memo {
        /// Write to FILE (atomically) instead of standard output; an existing FILE is kept
        /// unless --force.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing --out FILE.
        #[arg(long)]
        force: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
        /// How to group the pins (default: as grouped in the reader).
        #[arg(long, value_enum)]
        group: Option<MemoGroup>,
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
    /// Print the whole briefing (articles and extraction) in a machine-readable format.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Files or folders (default: the bundled briefing).
        paths: Vec<PathBuf>,
    },
}

/// Arguments of `parallax search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query (fzf syntax: terms ANDed, 'exact, ^prefix, suffix$, !negation).
    #[arg(short = 'q', long = "query", required = true)]
    pub queries: Vec<String>,
    /// How many hits to print per query.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print the time spent loading, indexing and on each query to standard error.
    #[arg(long)]
    pub timings: bool,
    /// Files or folders (default: the bundled briefing).
    pub paths: Vec<PathBuf>,
}

/// How `parallax memo` groups the pins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MemoGroup {
    /// In the order pinned.
    Order,
    /// By speaker or actor.
    Actor,
    /// By source article.
    Source,
}

impl From<MemoGroup> for crate::memo::export::GroupBy {
    fn from(group: MemoGroup) -> Self {
        match group {
            MemoGroup::Order => crate::memo::export::GroupBy::Order,
            MemoGroup::Actor => crate::memo::export::GroupBy::Actor,
            MemoGroup::Source => crate::memo::export::GroupBy::Source,
        }
    }
}

impl Command {
    /// The input paths of any subcommand.
    pub fn paths(&self) -> &[PathBuf] {
        match self {
            Command::Articles { paths }
            | Command::Outline { paths }
            | Command::Export { paths, .. } => paths,
            Command::Quotes { paths, .. } => paths,
            Command::Search(args) => &args.paths,
            Command::Compare { paths, .. } | Command::Matrix { paths, .. } => paths,
            Command::Memo { paths, .. } => paths,
        }
    }
}
