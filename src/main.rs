//! The `parallax` binary: parse arguments, run a subcommand or the reader, map errors to exit codes.
#![forbid(unsafe_code)]

use clap::Parser;

/// jemalloc rather than the system allocator: see the `jemalloc` feature in `Cargo.toml`.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let cli = parallax::cli::Cli::parse();
    let result = match &cli.command {
        Some(command) => parallax::cli::run(command, cli.no_cache),
        None => parallax::cli::run_reader(&cli.paths, cli.no_cache),
    };
    if let Err(err) = result {
        if is_broken_pipe(&err) {
            std::process::exit(0);
        }
        eprintln!("parallax: {err:#}");
        std::process::exit(2);
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
