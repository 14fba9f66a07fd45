//! Extraction on the seeds against `seeds-gold.json`: quotations and speakers, scare quotes,
//! positions, open questions, and merged actors.

use parallax::briefing::Briefing;
use parallax::text::fold::fold_space;
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("seeds-gold.json")).expect("gold is JSON")
}

fn name_of(file: &str) -> &str {
    file.trim_end_matches(".txt")
}

fn briefing() -> Briefing {
    parallax::seeds::briefing()
}

fn quotes_in<'a>(b: &'a Briefing, file: &str) -> Vec<&'a parallax::extract::Quote> {
    b.quotes
        .iter()
        .filter(|q| b.article(q.at.article).name == name_of(file))
        .collect()
}

#[test]
fn every_gold_quotation_is_found_with_its_speaker() {
    let (b, gold) = (briefing(), gold());
    let mut wrong = Vec::new();
    for (file, g) in gold["articles"].as_object().expect("articles") {
        let found = quotes_in(&b, file);
        for q in g["quotes"].as_array().expect("quotes") {
            let text = fold_space(q["text"].as_str().expect("text"));
            match found.iter().find(|f| fold_space(&f.text) == text) {
                None => wrong.push(format!("{file}: missing {text:.60?}")),
                Some(f) if f.speaker.as_deref() != q["speaker"].as_str() => wrong.push(format!(
                    "{file}: {text:.40?} said by {:?}, gold {}",
                    f.speaker, q["speaker"]
                )),
                Some(_) => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_scare_quote_or_term_is_reported_as_a_quotation() {
    let (b, gold) = (briefing(), gold());
    for (file, g) in gold["articles"].as_object().expect("articles") {
        for term in g["not_quotes"].as_array().into_iter().flatten() {
            let term = fold_space(term.as_str().expect("term"));
            let hits: Vec<_> = quotes_in(&b, file)
                .into_iter()
                .filter(|q| fold_space(&q.text) == term)
                .collect();
            assert!(hits.is_empty(), "{file}: {term:?} reported as a quotation");
        }
    }
}

#[test]
fn every_reported_quotation_is_in_the_gold() {
    let (b, gold) = (briefing(), gold());
    let all: Vec<String> = gold["articles"]
        .as_object()
        .expect("articles")
        .values()
        .flat_map(|g| {
            g["quotes"]
                .as_array()
                .expect("quotes")
                .iter()
                .map(|q| fold_space(q["text"].as_str().expect("text")))
        })
        .collect();
    let extra: Vec<&str> = b
        .quotes
        .iter()
        .map(|q| q.text.as_str())
        .filter(|t| !all.contains(&fold_space(t)))
        .collect();
    assert!(extra.is_empty(), "reported but not in the gold: {extra:#?}");
}

#[test]
fn at_least_16_of_18_gold_positions_are_found_with_the_right_actor() {
    let (b, gold) = (briefing(), gold());
    let positions = gold["positions"].as_array().expect("positions");
    let mut missing = Vec::new();
    for p in positions {
        let (actor, file, says) = (
            p["actor"].as_str().expect("actor"),
            p["file"].as_str().expect("file"),
            p["says"].as_str().expect("says"),
        );
        let found = b.positions.iter().any(|x| {
            b.article(x.at.article).name == name_of(file)
                && fold_space(&x.sentence).contains(&fold_space(says))
                && b.actors[x.actor.0 as usize].name == actor
        });
        if !found {
            missing.push(format!("{actor} in {file}: {says:.50?}"));
        }
    }
    assert!(
        positions.len() - missing.len() >= 16,
        "{} of {} found; missing:\n{}",
        positions.len() - missing.len(),
        positions.len(),
        missing.join("\n")
    );
}

#[test]
fn at_least_9_of_10_gold_questions_are_found() {
    let (b, gold) = (briefing(), gold());
    let mut total = 0;
    let mut missing = Vec::new();
    for (file, g) in gold["articles"].as_object().expect("articles") {
        for q in g["questions"].as_array().expect("questions") {
            total += 1;
            let q = fold_space(q.as_str().expect("question"));
            let found = b.questions.iter().any(|x| {
                b.article(x.at.article).name == name_of(file) && fold_space(&x.text).contains(&q)
            });
            if !found {
                missing.push(format!("{file}: {q:.60?}"));
            }
        }
    }
    assert!(
        total - missing.len() >= 9,
        "{} of {total} found; missing:\n{}",
        total - missing.len(),
        missing.join("\n")
    );
}

#[test]
fn zelensky_and_zelenskyy_are_one_actor() {
    let b = briefing();
    let people: Vec<_> = b
        .actors
        .iter()
        .filter(|a| a.name.contains("Zelensk") || a.aliases.iter().any(|x| x.contains("Zelensk")))
        .collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert!(people[0].aliases.iter().any(|a| a == "Zelenskyy"));
    assert!(people[0].aliases.iter().any(|a| a == "Zelensky"));
}

#[test]
fn kremlin_and_moscow_count_for_russia() {
    let b = briefing();
    let russia = b
        .actors
        .iter()
        .find(|a| a.name == "Russia")
        .expect("Russia is an actor");
    assert!(
        russia.aliases.iter().any(|a| a == "Kremlin")
            && russia.aliases.iter().any(|a| a == "Moscow"),
        "{russia:?}"
    );
    assert!(b
        .positions
        .iter()
        .any(|p| p.actor == russia.id && p.sentence.contains("The Kremlin has reiterated")));
}
