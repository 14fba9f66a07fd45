//! Articles of our own on other subjects (`tests/articles/extract/<name>.txt`) against their
//! `<name>.expect.toml`: quotations with speakers, terms that are not quotations, positions and
//! open questions. Files named `heldout_*` were written before any rule was tuned on them: they
//! are measured and reported (recall, speaker accuracy, scare-quote rate) with a floor, so that
//! the figures stay honest rather than tuned.

use std::path::{Path, PathBuf};

use parallax::briefing::Briefing;
use parallax::text::fold::fold_space;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    quote: Vec<ExpectQuote>,
    #[serde(default)]
    not_quotes: Vec<String>,
    #[serde(default)]
    position: Vec<ExpectPosition>,
    #[serde(default)]
    questions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectQuote {
    text: String,
    speaker: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectPosition {
    actor: String,
    says: String,
}

#[derive(Debug, Default)]
struct Score {
    quotes: usize,
    found: usize,
    speaker_right: usize,
    reported: usize,
    terms_reported: usize,
    errors: Vec<String>,
}

fn fixtures(heldout: bool) -> Vec<(PathBuf, Expect)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/extract");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("heldout_") == heldout)
        })
        .map(|p| {
            let expect_path = p.with_extension("expect.toml");
            let text = std::fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
            let expect =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
            (p, expect)
        })
        .collect()
}

fn load(path: &Path) -> Briefing {
    let loaded = parallax::ingest::walk::load(&[path.to_path_buf()]).expect("fixture loads");
    parallax::briefing::assemble(loaded.documents, Vec::new())
}

fn score(path: &Path, expect: &Expect, into: &mut Score) {
    let b = load(path);
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    into.quotes += expect.quote.len();
    into.reported += b.quotes.len();
    for q in &expect.quote {
        match b
            .quotes
            .iter()
            .find(|f| fold_space(&f.text) == fold_space(&q.text))
        {
            None => into
                .errors
                .push(format!("{name}: quotation not found: {:?}", q.text)),
            Some(f) => {
                into.found += 1;
                if f.speaker.as_deref() == Some(q.speaker.as_str()) {
                    into.speaker_right += 1;
                } else {
                    into.errors.push(format!(
                        "{name}: {:.40?} said by {:?}, expected {:?}",
                        q.text, f.speaker, q.speaker
                    ));
                }
            }
        }
    }
    for term in &expect.not_quotes {
        if b.quotes
            .iter()
            .any(|f| fold_space(&f.text) == fold_space(term))
        {
            into.terms_reported += 1;
            into.errors
                .push(format!("{name}: term reported as a quotation: {term:?}"));
        }
    }
    for p in &expect.position {
        let found = b.positions.iter().any(|x| {
            b.actors[x.actor.0 as usize].name == p.actor
                && fold_space(&x.sentence).contains(&fold_space(&p.says))
        });
        if !found {
            into.errors.push(format!(
                "{name}: position of {} not found: {:?}",
                p.actor, p.says
            ));
        }
    }
    for q in &expect.questions {
        if !b
            .questions
            .iter()
            .any(|x| fold_space(&x.text).contains(&fold_space(q)))
        {
            into.errors
                .push(format!("{name}: question not found: {q:?}"));
        }
    }
}

#[test]
fn our_own_articles_give_their_expected_quotations_positions_and_questions() {
    let fixtures = fixtures(false);
    assert!(
        fixtures.len() >= 8,
        "at least eight articles on other subjects, found {}",
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
    let recall = total.found as f64 / total.quotes.max(1) as f64;
    let speakers = total.speaker_right as f64 / total.found.max(1) as f64;
    let terms = total.terms_reported as f64 / total.reported.max(1) as f64;
    println!(
        "held-out: recall {recall:.2}, speaker accuracy {speakers:.2}, terms reported {terms:.2}"
    );
    println!("{}", total.errors.join("\n"));
    assert!(total.quotes >= 5, "held-out set too small");
    assert!(
        recall >= 0.6 && speakers >= 0.6 && terms <= 0.2,
        "held-out quality fell: recall {recall:.2}, speakers {speakers:.2}, terms {terms:.2}\n{}",
        total.errors.join("\n")
    );
}
