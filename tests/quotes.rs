//! Quotations on articles of our own (`tests/articles/quotes/<name>.txt`) against their
//! `<name>.quotes.toml`: every expected quotation found with its text exact (after folding white
//! space) and its speaker right, no listed term reported, and nothing else reported.
//!
//! Files named `heldout_*` were written before any rule was tuned: they are measured and their
//! recall, speaker accuracy and precision printed (`cargo test --test quotes -- --nocapture`),
//! with a floor, so the figures stay honest rather than tuned.

use std::path::{Path, PathBuf};

use parallax::briefing::Briefing;
use parallax::extract::actor::ActorIndex;
use parallax::extract::quote::find_quotes;
use parallax::extract::Quote;
use parallax::text::fold::fold_space;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    quote: Vec<ExpectQuote>,
    #[serde(default)]
    not_quotes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectQuote {
    text: String,
    speaker: String,
}

/// Counts over a set of fixtures, and every mismatch by file.
#[derive(Debug, Default)]
struct Score {
    expected: usize,
    found: usize,
    speaker_right: usize,
    reported: usize,
    reported_right: usize,
    terms_reported: usize,
    errors: Vec<String>,
}

fn fixtures(heldout: bool) -> Vec<(PathBuf, Expect)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/quotes");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("heldout_") == heldout)
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let expect_path = p.with_extension("quotes.toml");
            let text = std::fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
            let expect =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
            (p, expect)
        })
        .collect()
}

/// The quotations of the one article at `path`, straight from `find_quotes`.
fn quotes_of(path: &Path) -> Vec<Quote> {
    let loaded = parallax::ingest::walk::load(&[path.to_path_buf()]).expect("fixture loads");
    let b: Briefing = parallax::briefing::assemble(loaded.documents, Vec::new());
    let index = ActorIndex::build(&b.articles);
    b.articles
        .iter()
        .flat_map(|a| find_quotes(a, &index))
        .collect()
}

fn score(path: &Path, expect: &Expect, into: &mut Score) {
    let name = path.file_name().expect("name").to_string_lossy();
    let found = quotes_of(path);
    into.expected += expect.quote.len();
    into.reported += found.len();
    for q in &expect.quote {
        let want = fold_space(&q.text);
        match found.iter().find(|f| fold_space(&f.text) == want) {
            None => into.errors.push(format!("{name}: not found: {want:?}")),
            Some(f) if f.speaker.as_deref() == Some(q.speaker.as_str()) => {
                into.found += 1;
                into.speaker_right += 1;
            }
            Some(f) => {
                into.found += 1;
                into.errors.push(format!(
                    "{name}: {want:.50?} said by {:?}, expected {:?}",
                    f.speaker, q.speaker
                ));
            }
        }
    }
    for f in &found {
        let text = fold_space(&f.text);
        if expect.quote.iter().any(|q| fold_space(&q.text) == text) {
            into.reported_right += 1;
        } else if expect.not_quotes.iter().any(|t| fold_space(t) == text) {
            into.terms_reported += 1;
            into.errors.push(format!("{name}: term reported: {text:?}"));
        } else {
            into.errors.push(format!(
                "{name}: unexpected quotation {text:?} by {:?}",
                f.speaker
            ));
        }
    }
}

#[test]
fn our_own_articles_give_exactly_their_expected_quotations() {
    let fixtures = fixtures(false);
    assert!(
        fixtures.len() >= 8,
        "at least eight articles, found {}",
        fixtures.len()
    );
    let mut total = Score::default();
    for (path, expect) in &fixtures {
        score(path, expect, &mut total);
    }
    assert!(
        total.errors.is_empty(),
        "{} mismatches:\n{}",
        total.errors.len(),
        total.errors.join("\n")
    );
}

#[test]
fn held_out_articles_meet_the_quality_floor() {
    let mut total = Score::default();
    for (path, expect) in fixtures(true) {
        score(&path, &expect, &mut total);
    }
    let recall = total.found as f64 / total.expected.max(1) as f64;
    let speakers = total.speaker_right as f64 / total.found.max(1) as f64;
    let precision = total.reported_right as f64 / total.reported.max(1) as f64;
    let terms = total.terms_reported as f64 / total.reported.max(1) as f64;
    println!(
        "held-out: {} expected, {} reported; recall {recall:.2}, speakers right {speakers:.2}, \
         precision {precision:.2}, terms reported {terms:.2}\n{}",
        total.expected,
        total.reported,
        total.errors.join("\n")
    );
    assert!(total.expected >= 12, "held-out set too small");
    assert!(
        recall >= 0.75 && speakers >= 0.75 && terms <= 0.1,
        "held-out quality fell below the floor"
    );
}
