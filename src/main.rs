//! The `parallax` binary: parse arguments, run a subcommand or the reader, map errors to exit codes.
#![forbid(unsafe_code)]

use clap::Parser;

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
