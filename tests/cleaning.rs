//! Fixture articles in other house styles (`tests/articles/<name>.{txt,md,html}`) against their
//! `<name>.expect.toml`: metadata, where the body starts and ends, lines that must be removed and
//! body text that must be kept. Every mismatch of every file is reported at once.

use std::path::{Path, PathBuf};

use parallax::briefing::Article;
use parallax::text::fold::fold_space;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    source: Option<String>,
    body_starts: String,
    body_ends: String,
    #[serde(default)]
    removed: Vec<String>,
    #[serde(default)]
    kept: Vec<String>,
}

/// The fixtures: `tests/articles`, and saved pages in varied markup in `tests/articles/pages`
/// (a folder of their own: the bench corpus is made from the first folder's articles, and
/// adding to it would change the corpus the performance figures are measured on).
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    ["", "pages"]
        .iter()
        .flat_map(|sub| fixtures_in(&root.join(sub)))
        .collect()
}

fn fixtures_in(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for expect in entries
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".expect.toml"))
    {
        let stem = expect
            .file_name()
            .expect("name")
            .to_string_lossy()
            .trim_end_matches(".expect.toml")
            .to_string();
        let article = ["txt", "md", "html"]
            .iter()
            .map(|ext| dir.join(format!("{stem}.{ext}")))
            .find(|p| p.exists());
        pairs.push((
            article.unwrap_or_else(|| panic!("no article for {}", expect.display())),
            expect.clone(),
        ));
    }
    pairs
}

fn load(path: &Path) -> Article {
    let loaded = parallax::ingest::walk::load(&[path.to_path_buf()]).expect("fixture loads");
    parallax::briefing::assemble(loaded.documents, Vec::new())
        .articles
        .remove(0)
}

fn check(article: &Article, expect: &Expect) -> Vec<String> {
    let mut errors = Vec::new();
    let fields = [
        ("title", &article.meta.title, &expect.title),
        ("author", &article.meta.author, &expect.author),
        ("date", &article.meta.date, &expect.date),
        ("source", &article.meta.source, &expect.source),
    ];
    for (name, got, want) in fields {
        if got != want {
            errors.push(format!("{name}: got {got:?}, want {want:?}"));
        }
    }
    let paragraphs: Vec<String> = article
        .paragraphs
        .iter()
        .map(|p| fold_space(&p.text))
        .collect();
    let first = paragraphs.first().cloned().unwrap_or_default();
    let last = paragraphs.last().cloned().unwrap_or_default();
    if !first.starts_with(&fold_space(&expect.body_starts)) {
        errors.push(format!("body starts {first:.70?}"));
    }
    if !last.ends_with(&fold_space(&expect.body_ends)) {
        errors.push(format!("body ends {last:.70?}"));
    }
    let removed: Vec<String> = article.removed.iter().map(|l| fold_space(l)).collect();
    for line in &expect.removed {
        if !removed.contains(&fold_space(line)) {
            errors.push(format!("not removed: {line:?}"));
        }
    }
    let body = paragraphs.join("\n");
    for text in &expect.kept {
        if !body.contains(&fold_space(text)) {
            errors.push(format!("not kept: {text:?}"));
        }
    }
    errors
}

#[test]
fn fixture_articles_are_cleaned_as_expected() {
    let pairs = fixtures();
    assert!(
        pairs.len() >= 6,
        "at least six fixture articles, found {}",
        pairs.len()
    );
    let mut report = Vec::new();
    for (article_path, expect_path) in pairs {
        let expect: Expect =
            toml::from_str(&std::fs::read_to_string(&expect_path).expect("read expect"))
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        for error in check(&load(&article_path), &expect) {
            report.push(format!("{}: {error}", article_path.display()));
        }
    }
    assert!(
        report.is_empty(),
        "{} mismatches:\n{}",
        report.len(),
        report.join("\n")
    );
}
