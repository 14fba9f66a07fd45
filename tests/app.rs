//! App state driven through `update` (and through the keymap, as keys), without a terminal.

use std::sync::Arc;

use parallax::app::keymap::{Key, Lookup};
use parallax::app::{Action, App, Effect, Focus, Mode, Tab};
use parallax::search::Index;

fn app() -> App {
    App::new(Arc::new(parallax::seeds::briefing()), 160, 45)
}

fn press(app: &mut App, keys: &[Key]) -> Option<Effect> {
    let mut pending = Vec::new();
    let mut effect = None;
    for key in keys {
        match app.keymap.lookup(app.mode, &pending, key) {
            Lookup::Action(action) => {
                pending.clear();
                effect = app.update(action);
            }
            Lookup::Pending => pending.push(key.clone()),
            Lookup::Unbound => {
                pending.clear();
                if app.mode == Mode::Search && key.code.chars().count() == 1 {
                    effect = app.update(Action::Input(key.code.chars().next().expect("one char")));
                }
            }
        }
    }
    effect
}

fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::char).collect()
}

#[test]
fn search_then_enter_lands_the_reader_on_the_sentence() {
    let mut app = app();
    press(&mut app, &[Key::char('/')]);
    assert_eq!(app.mode, Mode::Search);
    let effect = press(&mut app, &typed("Kremlin reiterated"));
    assert_eq!(effect, Some(Effect::Search("Kremlin reiterated".into())));
    let hits = Index::build(&app.briefing).search("Kremlin reiterated", 100);
    app.update(Action::SearchResults("Kremlin reiterated".into(), hits));
    press(&mut app, &[Key::named("enter")]);
    assert_eq!(app.mode, Mode::Normal);
    let loc = app.readers[0].highlight.expect("a highlighted sentence");
    assert!(
        app.briefing
            .text_at(&loc)
            .starts_with("The Kremlin has reiterated"),
        "{}",
        app.briefing.text_at(&loc)
    );
    assert_eq!(app.readers[0].article, loc.article);
    assert!(app.readers[0].scroll > 0, "scrolled to it");
}

#[test]
fn stale_search_results_are_ignored() {
    let mut app = app();
    app.update(Action::OpenSearch);
    app.update(Action::Input('x'));
    app.update(Action::SearchResults(
        "old".into(),
        Index::build(&app.briefing).search("troops", 10),
    ));
    assert!(app.search.results.is_empty());
}

#[test]
fn outline_enter_jumps_and_ctrl_o_jumps_back() {
    let mut app = app();
    let before = app.readers[0].clone();
    app.update(Action::ShowQuestions);
    assert_eq!(
        (app.focus, app.outline.tab),
        (Focus::Outline, Tab::Questions)
    );
    app.update(Action::MoveDown); // past the topic header to the first question
    app.update(Action::Activate);
    let loc = app.readers[0].highlight.expect("jumped");
    assert!(app.briefing.questions.iter().any(|q| q.at == loc));
    press(&mut app, &[Key::ctrl('o')]);
    assert_eq!(
        (app.readers[0].article, app.readers[0].scroll),
        (before.article, before.scroll)
    );
    press(&mut app, &[Key::ctrl('i')]);
    assert_eq!(app.readers[0].article, loc.article);
}

#[test]
fn a_source_opens_in_the_other_pane_and_panes_swap() {
    let mut app = app();
    app.update(Action::FocusPrevious); // sources
    assert_eq!(app.focus, Focus::Sources);
    app.update(Action::MoveDown);
    let chosen = app.source;
    app.update(Action::OpenInOtherPane);
    assert_eq!(app.readers[1].article.index(), chosen);
    let (a, b) = (app.readers[0].article, app.readers[1].article);
    press(&mut app, &[Key::char('s')]);
    assert_eq!((app.readers[0].article, app.readers[1].article), (b, a));
}

#[test]
fn vim_keys_scroll_the_focused_reader_and_gg_returns_to_the_top() {
    let mut app = app();
    press(&mut app, &[Key::char('j'), Key::char('j'), Key::ctrl('d')]);
    assert!(app.readers[0].scroll >= 2);
    press(&mut app, &[Key::char('G')]);
    let bottom = app.readers[0].scroll;
    assert!(bottom > 2);
    press(&mut app, &[Key::char('g'), Key::char('g')]);
    assert_eq!(app.readers[0].scroll, 0);
}

#[test]
fn n_walks_the_quotations_of_the_article() {
    let mut app = app();
    let article = app.readers[0].article;
    let quotes: Vec<_> = app
        .briefing
        .quotes
        .iter()
        .filter(|q| q.at.article == article)
        .map(|q| q.at)
        .collect();
    assert!(quotes.len() >= 2, "the first seed source has quotations");
    press(&mut app, &[Key::char('n')]);
    assert_eq!(app.readers[0].highlight, Some(quotes[0]));
    press(&mut app, &[Key::char('n')]);
    assert_eq!(app.readers[0].highlight, Some(quotes[1]));
    press(&mut app, &[Key::char('N')]);
    assert_eq!(app.readers[0].highlight, Some(quotes[0]));
}

#[test]
fn quotations_filter_by_speaker() {
    let mut app = app();
    press(&mut app, &[Key::char('f')]);
    assert_eq!(app.mode, Mode::Filter);
    for c in "wallace".chars() {
        app.update(Action::Input(c));
    }
    let rows = app.outline.rows(&app.briefing);
    assert_eq!(rows[0].text, "Ben Wallace");
    assert_eq!(rows.iter().filter(|r| r.loc.is_some()).count(), 2);
}

#[test]
fn q_quits_and_esc_only_closes_overlays() {
    let mut app = app();
    press(&mut app, &[Key::char('?')]);
    assert_eq!(app.mode, Mode::Help);
    assert_eq!(press(&mut app, &[Key::named("esc")]), None);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(press(&mut app, &[Key::char('q')]), Some(Effect::Quit));
}

#[test]
fn narrow_terminals_keep_one_reader_and_resizing_keeps_the_place() {
    let mut app = app();
    press(&mut app, &[Key::char('}'), Key::char('}')]);
    let width = app.reader_width();
    let top = app.readers[0]
        .top_loc(&app.briefing, width, false)
        .expect("a paragraph at the top");
    app.update(Action::Resize(80, 24));
    assert!(!app.is_wide());
    assert!(!app.panes().contains(&Focus::ReaderB));
    let after = app.readers[0]
        .top_loc(&app.briefing, app.reader_width(), false)
        .expect("still text at the top");
    assert_eq!(
        after.paragraph, top.paragraph,
        "the same paragraph stays at the top"
    );
    assert!(
        after.span.start <= top.span.start,
        "the line shown includes the text that was at the top"
    );
}

#[test]
fn keys_wait_for_the_briefing_and_loading_it_asks_for_an_index() {
    let mut app = App::new(Arc::new(parallax::briefing::Briefing::default()), 160, 45);
    assert_eq!(
        app.update(Action::MoveDown),
        None,
        "nothing to scroll yet, and no panic"
    );
    assert_eq!(app.update(Action::OpenSearch), None);
    assert_eq!(app.mode, Mode::Normal);
    let effect = app.update(Action::Loaded(Box::new(parallax::seeds::briefing())));
    assert_eq!(effect, Some(Effect::Index));
    assert_eq!(app.briefing.articles.len(), 5);
    assert_eq!(
        app.update(Action::LoadFailed("no readable article".into())),
        Some(Effect::Fail("no readable article".into()))
    );
}

#[test]
fn a_reload_after_files_changed_keeps_each_reader_on_its_paragraph() {
    let mut app = app();
    app.update(Action::NextParagraph);
    app.update(Action::NextParagraph);
    app.update(Action::NextParagraph);
    let width = app.reader_width();
    let top = |app: &App, k: usize| {
        let reader = &app.readers[k];
        let loc = reader
            .top_loc(&app.briefing, width, false)
            .expect("text at the top");
        let article = app.briefing.article(reader.article);
        (
            article.name.clone(),
            article.paragraphs[loc.paragraph].text.clone(),
        )
    };
    let before = top(&app, 0);
    // the same files, re-scraped: a paragraph added at the top of the article read
    let mut changed = (*app.briefing).clone();
    let index = changed
        .articles
        .iter()
        .position(|a| a.name == before.0)
        .expect("article");
    let intro = parallax::briefing::Paragraph::new(
        "An editor's note added at the top of the story.".to_string(),
        parallax::briefing::BlockKind::Text,
    );
    changed.articles[index].paragraphs.insert(0, intro);
    let effect = app.update(Action::Reloaded(Box::new(changed)));
    assert_eq!(effect, Some(Effect::Index), "the new briefing is indexed");
    assert_eq!(
        top(&app, 0),
        before,
        "same article, same paragraph at the top"
    );
    app.update(Action::IndexReady);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("reloaded")),
        "the message outlives the worker's index report: {:?}",
        app.message
    );
    app.update(Action::MoveDown);
    assert_eq!(app.message, None, "and goes with the next key");
}

#[test]
fn a_reload_that_removes_the_article_read_falls_back_without_panicking() {
    let mut app = app();
    app.update(Action::GoBottom);
    let mut changed = (*app.briefing).clone();
    let name = app.briefing.article(app.readers[0].article).name.clone();
    changed.articles.retain(|a| a.name != name);
    for (i, a) in changed.articles.iter_mut().enumerate() {
        a.id = parallax::briefing::ArticleId(i as u32);
    }
    changed.quotes.clear();
    changed.positions.clear();
    changed.questions.clear();
    app.update(Action::Reloaded(Box::new(changed)));
    assert!(app.briefing.articles.iter().all(|a| a.name != name));
    assert!(app.readers[0].article.index() < app.briefing.articles.len());
}
