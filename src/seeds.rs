//! The bundled briefing (`seeds/`), compiled into the binary so `parallax` works from anywhere.

use crate::briefing::Format;
use crate::ingest::{read_bytes, Loaded};

/// The bundled seed files: (file name, contents).
pub const FILES: &[(&str, &str)] = &[
    (
        "000_3c79bc88f46dc25d.txt",
        include_str!("../seeds/000_3c79bc88f46dc25d.txt"),
    ),
    (
        "001_b52fc5a119babeb6.txt",
        include_str!("../seeds/001_b52fc5a119babeb6.txt"),
    ),
    (
        "002_ab9d3690eaac0484.txt",
        include_str!("../seeds/002_ab9d3690eaac0484.txt"),
    ),
    (
        "003_bb659c39f82ac712.txt",
        include_str!("../seeds/003_bb659c39f82ac712.txt"),
    ),
    (
        "004_8639bc8b8457ec75.txt",
        include_str!("../seeds/004_8639bc8b8457ec75.txt"),
    ),
];

/// Loads the bundled seeds as documents (paths shown as `seeds/<file>`).
pub fn load() -> Loaded {
    let mut loaded = Loaded::default();
    for (file, text) in FILES {
        let path = format!("seeds/{file}");
        let format =
            crate::ingest::walk::format_of(std::path::Path::new(file)).unwrap_or(Format::Text);
        let name = file.rsplit_once('.').map_or(*file, |(stem, _)| stem);
        let (doc, skipped) = read_bytes(name, &path, format, text.as_bytes());
        loaded.documents.push(doc);
        loaded.skipped.extend(skipped);
    }
    loaded
}

/// The bundled briefing, fully assembled.
pub fn briefing() -> crate::briefing::Briefing {
    let loaded = load();
    crate::briefing::assemble(loaded.documents, Vec::new())
}
