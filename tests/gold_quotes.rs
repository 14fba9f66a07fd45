//! Quotations on the seeds against `seeds-gold.json`, straight from `find_quotes` article by
//! article: every gold quotation found with its text (white space folded) and its speaker, and
//! no listed scare quote or term reported.

use parallax::briefing::Briefing;
use parallax::extract::actor::ActorIndex;
use parallax::extract::quote::find_quotes;
use parallax::extract::Quote;
use parallax::text::fold::fold_space;
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("seeds-gold.json")).expect("gold is JSON")
}

/// Every article's quotations, by article name.
fn quotes_by_article(b: &Briefing) -> Vec<(String, Vec<Quote>)> {
    let index = ActorIndex::build(&b.articles);
    b.articles
        .iter()
        .map(|a| (a.name.clone(), find_quotes(a, &index)))
        .collect()
}

fn quotes_of<'a>(all: &'a [(String, Vec<Quote>)], file: &str) -> &'a [Quote] {
    let name = file.trim_end_matches(".txt");
    all.iter()
        .find(|(n, _)| n == name)
        .map_or(&[], |(_, q)| q.as_slice())
}

#[test]
fn every_gold_quotation_is_found_with_its_speaker() {
    let (all, gold) = (quotes_by_article(&parallax::seeds::briefing()), gold());
    let mut wrong = Vec::new();
    let mut count = 0;
    for (file, g) in gold["articles"].as_object().expect("articles") {
        let found = quotes_of(&all, file);
        for q in g["quotes"].as_array().expect("quotes") {
            count += 1;
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
    assert_eq!(count, 12, "the gold holds twelve quotations");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_scare_quote_or_term_of_the_gold_is_reported() {
    let (all, gold) = (quotes_by_article(&parallax::seeds::briefing()), gold());
    let mut reported = Vec::new();
    for (file, g) in gold["articles"].as_object().expect("articles") {
        for term in g["not_quotes"].as_array().into_iter().flatten() {
            let term = fold_space(term.as_str().expect("term"));
            if quotes_of(&all, file)
                .iter()
                .any(|q| fold_space(&q.text) == term)
            {
                reported.push(format!("{file}: {term:?}"));
            }
        }
    }
    assert!(reported.is_empty(), "terms reported: {reported:#?}");
}

#[test]
fn every_part_of_a_quotation_lies_inside_its_paragraph_on_char_boundaries() {
    let b = parallax::seeds::briefing();
    for (name, quotes) in quotes_by_article(&b) {
        let article = b.articles.iter().find(|a| a.name == name).expect("article");
        for q in &quotes {
            assert_eq!(q.at, q.parts[0], "{name}: at is the first part");
            for part in &q.parts {
                let text = &article.paragraphs[part.paragraph].text;
                assert!(text.get(part.span.start..part.span.end).is_some(), "{name}");
            }
        }
    }
}
