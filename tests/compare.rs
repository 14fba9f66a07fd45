//! Comparing sources on the seeds, as the compare issue specifies: 002 against 003, the excerpt
//! 000 against 004, and questions grouped across sources in the matrix.

use parallax::briefing::{ArticleId, Briefing};
use parallax::compare::matrix::question_groups;
use parallax::compare::{compare, Comparison, Item, Mark, Row};

fn seeds() -> Briefing {
    parallax::seeds::briefing()
}

fn id(b: &Briefing, prefix: &str) -> ArticleId {
    b.find_article(prefix).expect("seed article").id
}

fn rows_of<'a>(b: &Briefing, cmp: &'a Comparison, actor: &str) -> Vec<&'a Row> {
    cmp.rows
        .iter()
        .filter(|r| {
            r.actor
                .is_some_and(|a| b.actors[a.0 as usize].name == actor)
        })
        .collect()
}

fn stances(b: &Briefing, items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Position(p) => Some(b.positions[*p].stance.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn germany_is_on_both_sides_cautious_against_sceptical() {
    let b = seeds();
    let cmp = compare(&b, id(&b, "002"), id(&b, "003"));
    let germany = rows_of(&b, &cmp, "Germany");
    let both = germany
        .iter()
        .find(|r| !r.a.is_empty() && !r.b.is_empty())
        .expect("Germany on both sides");
    assert_eq!(stances(&b, &both.a), ["cautious"]);
    assert_eq!(stances(&b, &both.b), ["sceptical"]);
}

#[test]
fn poland_is_only_in_the_second_column() {
    let b = seeds();
    let cmp = compare(&b, id(&b, "002"), id(&b, "003"));
    let poland = rows_of(&b, &cmp, "Poland");
    assert!(!poland.is_empty());
    assert!(poland
        .iter()
        .all(|r| r.mark == Mark::OnlyB && r.a.is_empty()));
}

#[test]
fn trumps_ground_troops_position_agrees_across_the_two() {
    let b = seeds();
    let cmp = compare(&b, id(&b, "002"), id(&b, "003"));
    let trump = rows_of(&b, &cmp, "Donald Trump");
    let row = trump
        .iter()
        .find(|r| r.topic.as_deref() == Some("ground troops") && !r.b.is_empty())
        .expect("paired row");
    assert_eq!(row.mark, Mark::Agree);
    assert_eq!(stances(&b, &row.a), ["rules out"]);
}

#[test]
fn the_excerpt_is_entirely_shared_with_the_longer_copy() {
    let b = seeds();
    let cmp = compare(&b, id(&b, "000"), id(&b, "004"));
    assert_eq!(cmp.a_in_b, 1.0);
    assert!(cmp.b_in_a < 0.5);
    assert!(cmp
        .rows
        .iter()
        .filter(|r| !r.a.is_empty() && !r.b.is_empty())
        .all(|r| r.mark == Mark::Same));
}

#[test]
fn the_question_of_fighting_back_is_grouped_across_001_and_003() {
    let b = seeds();
    let groups = question_groups(&b);
    let group = groups
        .iter()
        .find(|g| {
            g.questions
                .iter()
                .any(|&q| b.questions[q].text.contains("fight back"))
        })
        .expect("a group holds the fight-back question");
    let sources: Vec<&str> = group
        .sources
        .iter()
        .map(|a| &b.article(*a).name[..3])
        .collect();
    assert_eq!(sources, ["001", "003"]);
}
