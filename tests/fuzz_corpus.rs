//! Replays every input the fuzzers found interesting (`fuzz/regressions/<target>/`) through the
//! same pipeline as the fuzz targets, so a fixed crash stays fixed without cargo-fuzz installed.

use std::path::Path;

use parallax::briefing::Format;

fn replay(target: &str, format: Format) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).expect("readable corpus file");
        let result = std::panic::catch_unwind(|| parallax::exercise::exercise(format, &bytes));
        assert!(result.is_ok(), "{} panics", file.display());
    }
    files.len()
}

#[test]
fn plain_text_regressions_replay_cleanly() {
    assert!(replay("plain", Format::Text) > 0, "the corpus is not empty");
}

#[test]
fn markdown_regressions_replay_cleanly() {
    assert!(replay("markdown", Format::Markdown) > 0);
}

#[test]
fn html_regressions_replay_cleanly() {
    assert!(replay("html", Format::Html) > 0);
}
