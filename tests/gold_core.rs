//! The bundled seeds against the hand annotations in `seeds-gold.json`: boilerplate removed, body
//! kept whole, metadata right, and the excerpt recognised.

use parallax::briefing::{Article, Briefing};
use parallax::text::fold::fold_space;
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("seeds-gold.json")).expect("gold is JSON")
}

fn seeds() -> Briefing {
    parallax::seeds::briefing()
}

fn article<'a>(briefing: &'a Briefing, file: &str) -> &'a Article {
    let name = file.trim_end_matches(".txt");
    briefing
        .articles
        .iter()
        .find(|a| a.name == name)
        .expect("seed article present")
}

fn gold_articles() -> Vec<(String, Value)> {
    let gold = gold();
    gold["articles"]
        .as_object()
        .expect("articles")
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn body(article: &Article) -> String {
    fold_space(
        &article
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn every_gold_boilerplate_line_is_removed() {
    let briefing = seeds();
    let mut missing = Vec::new();
    for (file, g) in gold_articles() {
        let removed: Vec<String> = article(&briefing, &file)
            .removed
            .iter()
            .map(|l| fold_space(l))
            .collect();
        for line in g["boilerplate"].as_array().expect("list") {
            let line = fold_space(line.as_str().expect("string"));
            if !removed.contains(&line) {
                missing.push(format!("{file}: {line:?}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "boilerplate kept:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_body_starts_and_ends_where_the_gold_says() {
    let briefing = seeds();
    let mut wrong = Vec::new();
    for (file, g) in gold_articles() {
        let a = article(&briefing, &file);
        let first = fold_space(
            &a.paragraphs
                .first()
                .map(|p| p.text.clone())
                .unwrap_or_default(),
        );
        let last = fold_space(
            &a.paragraphs
                .last()
                .map(|p| p.text.clone())
                .unwrap_or_default(),
        );
        let starts = fold_space(g["body_starts"].as_str().expect("string"));
        let ends = fold_space(g["body_ends"].as_str().expect("string"));
        let either: Vec<String> = g["either"]
            .as_array()
            .expect("list")
            .iter()
            .map(|e| fold_space(e.as_str().expect("s")))
            .collect();
        if !first.starts_with(&starts) {
            wrong.push(format!("{file}: body starts {first:.60?}"));
        }
        if !(last.ends_with(&ends) || either.contains(&last)) {
            wrong.push(format!("{file}: body ends {last:.60?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_body_sentence_is_removed() {
    let briefing = seeds();
    let mut wrong = Vec::new();
    for (file, g) in gold_articles() {
        let a = article(&briefing, &file);
        let source = fold_space(
            parallax::seeds::FILES
                .iter()
                .find(|(f, _)| *f == file)
                .expect("seed")
                .1,
        );
        let (starts, ends) = (
            fold_space(g["body_starts"].as_str().expect("s")),
            fold_space(g["body_ends"].as_str().expect("s")),
        );
        let from = source.find(&starts).expect("gold start in source");
        let to = source.rfind(&ends).expect("gold end in source") + ends.len();
        let body_text = &source[from..to];
        let allowed: Vec<String> = g["boilerplate"]
            .as_array()
            .expect("list")
            .iter()
            .map(|e| fold_space(e.as_str().expect("s")))
            .collect();
        for line in &a.removed {
            let line = fold_space(line);
            if line.split(' ').count() > 3 && body_text.contains(&line) && !allowed.contains(&line)
            {
                wrong.push(format!("{file}: removed body text {line:.80?}"));
            }
        }
        assert!(!body(a).is_empty(), "{file} has a body");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn metadata_equals_the_gold_where_the_gold_has_one() {
    let briefing = seeds();
    let mut wrong = Vec::new();
    for (file, g) in gold_articles() {
        let a = article(&briefing, &file);
        let fields = [
            ("title", &a.meta.title),
            ("author", &a.meta.author),
            ("date", &a.meta.date),
            ("source", &a.meta.source),
        ];
        for (field, got) in fields {
            let want = g[field].as_str();
            let also: Vec<&str> = g[format!("{field}_also_ok")]
                .as_array()
                .map_or(vec![], |v| v.iter().filter_map(Value::as_str).collect());
            let ok = match want {
                Some(want) => got.as_deref() == Some(want),
                None => got.is_none() || also.contains(&got.as_deref().unwrap_or("")),
            };
            if !ok {
                wrong.push(format!("{file}: {field} = {got:?}, gold {want:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_short_copy_is_marked_as_an_excerpt_of_the_long_one() {
    let briefing = seeds();
    let short = article(&briefing, "000_3c79bc88f46dc25d.txt");
    let long = article(&briefing, "004_8639bc8b8457ec75.txt");
    assert_eq!(short.excerpt_of, Some(long.id));
    assert!(
        briefing
            .articles
            .iter()
            .filter(|a| a.excerpt_of.is_some())
            .count()
            == 1,
        "no other excerpts"
    );
}
