//! Comparing sources on the seeds, as the compare issue specifies: 002 against 003, the excerpt
//! 000 against 004, and questions grouped across sources in the matrix; then on articles of our
//! own (`tests/articles/compare/`): a port strike pair carrying one quotation with a word changed,
//! a drug approval pair reporting opposite stances of one minister, and a city budget pair with
//! no actor in common.

use parallax::briefing::{ArticleId, Briefing};
use parallax::compare::matrix::question_groups;
use parallax::compare::quotes::{describe, quote_groups};
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

/// The briefing of `tests/articles/compare/`.
fn own() -> Briefing {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/compare");
    let loaded = parallax::ingest::walk::load(&[dir]).expect("the compare fixtures load");
    parallax::briefing::assemble(loaded.documents, Vec::new())
}

fn actor_names(b: &Briefing, row: &Row) -> String {
    row.actor
        .map_or("(question)".into(), |a| b.actors[a.0 as usize].name.clone())
}

#[test]
fn the_same_quotation_with_one_word_changed_is_paired_and_the_change_shown() {
    let b = own();
    let cmp = compare(
        &b,
        id(&b, "port_strike_wire"),
        id(&b, "port_strike_gazette"),
    );
    assert_eq!(cmp.quotes.len(), 1, "{:?}", cmp.quotes);
    let pair = &cmp.quotes[0];
    assert_eq!(b.quotes[pair.a].speaker.as_deref(), Some("Maria Lindqvist"));
    assert_eq!(describe(&pair.changes), "“not” → “never”");
    let row = rows_of(&b, &cmp, "Maria Lindqvist");
    assert_eq!(row.len(), 1);
    assert_eq!(row[0].mark, Mark::Both);
    assert!(matches!(row[0].a[..], [Item::Quote(_)]) && matches!(row[0].b[..], [Item::Quote(_)]));
}

#[test]
fn the_quotation_group_lists_both_outlets_with_the_earlier_wire_first() {
    let b = own();
    let groups = quote_groups(&b);
    let shared: Vec<_> = groups.iter().filter(|g| g.sources().len() > 1).collect();
    assert_eq!(
        shared.len(),
        1,
        "only the strike quotation is carried twice"
    );
    let names: Vec<&str> = shared[0]
        .sources()
        .iter()
        .map(|a| b.article(*a).name.as_str())
        .collect();
    assert_eq!(names, ["port_strike_wire", "port_strike_gazette"]);
    assert!(shared[0].first().changes.is_empty());
    assert_eq!(describe(&shared[0].carriers[1].changes), "“not” → “never”");
}

#[test]
fn opposite_stances_of_the_same_minister_differ() {
    let b = own();
    let cmp = compare(
        &b,
        id(&b, "drug_approval_daily"),
        id(&b, "drug_approval_review"),
    );
    let berg = rows_of(&b, &cmp, "Tomas Berg");
    let row = berg
        .iter()
        .find(|r| !r.a.is_empty() && !r.b.is_empty())
        .expect("Tomas Berg on both sides");
    assert_eq!(row.mark, Mark::Differ);
    assert_eq!(stances(&b, &row.a), ["supports"]);
    assert_eq!(stances(&b, &row.b), ["opposes"]);
    assert!(cmp.quotes.is_empty(), "no quotation is carried by both");
}

#[test]
fn two_accounts_with_no_actor_in_common_have_only_one_sided_rows() {
    let b = own();
    let cmp = compare(
        &b,
        id(&b, "city_budget_council"),
        id(&b, "city_budget_letters"),
    );
    let rows: Vec<(String, Mark)> = cmp
        .rows
        .iter()
        .map(|r| (actor_names(&b, r), r.mark))
        .collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|(_, m)| matches!(m, Mark::OnlyA | Mark::OnlyB)),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("Helen Okafor".into(), Mark::OnlyA)),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("Dana Whitfield".into(), Mark::OnlyB)),
        "{rows:?}"
    );
    assert_eq!((cmp.a_in_b, cmp.b_in_a), (0.0, 0.0));
}
