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
fn a_reopened_search_is_replaced_by_typing_and_kept_by_editing_keys() {
    let mut app = app();
    let type_text = |app: &mut App, text: &str| {
        for c in text.chars() {
            app.update(Action::Input(c));
        }
    };
    app.update(Action::OpenSearch);
    type_text(&mut app, "kremlin");
    app.update(Action::CloseOverlay);
    // reopened: the old query is shown selected; typing starts a new one, not "kremlintroops"
    app.update(Action::OpenSearch);
    assert!(app.search.reopened);
    assert_eq!(app.search.query, "kremlin");
    type_text(&mut app, "troops");
    assert_eq!(app.search.query, "troops");
    assert!(!app.search.reopened);
    app.update(Action::CloseOverlay);
    // an editing key refines the old query instead
    app.update(Action::OpenSearch);
    app.update(Action::DeleteChar);
    assert_eq!(app.search.query, "troop");
    type_text(&mut app, "er");
    assert_eq!(app.search.query, "trooper");
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

// ---- compare and matrix views ----

use parallax::app::matrix::MatrixTab;
use parallax::app::{MatrixData, View};
use parallax::briefing::ArticleId;
use parallax::compare::matrix::SortBy;

fn article(app: &App, prefix: &str) -> ArticleId {
    app.briefing.find_article(prefix).expect("seed article").id
}

/// Delivers what the matrix worker would send for `effect`.
fn run_matrix_worker(app: &mut App, effect: Option<Effect>) {
    let Some(Effect::BuildMatrix(sort)) = effect else {
        panic!("expected a matrix build, got {effect:?}");
    };
    let data = MatrixData::build(&app.briefing, sort);
    assert_eq!(app.update(Action::MatrixReady(Box::new(data))), None);
}

#[test]
fn c_compares_the_two_readers_articles_and_esc_returns() {
    let mut app = app();
    let (a, b) = (app.readers[0].article, app.readers[1].article);
    press(&mut app, &[Key::char('c')]);
    assert_eq!((app.view, app.mode), (View::Compare, Mode::Compare));
    let cmp = app.compare.comparison.as_ref().expect("a comparison");
    assert_eq!((cmp.a, cmp.b), (a, b));
    press(&mut app, &[Key::named("esc")]);
    assert_eq!((app.view, app.mode), (View::Panes, Mode::Normal));
}

#[test]
fn sources_picked_as_a_and_b_are_compared_and_swap_with_s() {
    let mut app = app();
    app.update(Action::FocusPrevious); // sources
    app.source = article(&app, "000").index();
    press(&mut app, &[Key::char('A')]);
    app.source = article(&app, "004").index();
    press(&mut app, &[Key::char('B')]);
    assert!(app
        .message
        .as_deref()
        .is_some_and(|m| m.contains("004 is B")));
    press(&mut app, &[Key::char('c')]);
    let cmp = app.compare.comparison.as_ref().expect("a comparison");
    assert_eq!((cmp.a, cmp.b), (article(&app, "000"), article(&app, "004")));
    assert_eq!(cmp.a_in_b, 1.0, "the excerpt is all inside the longer copy");
    press(&mut app, &[Key::char('s')]);
    let cmp = app.compare.comparison.as_ref().expect("a comparison");
    assert_eq!((cmp.a, cmp.b), (article(&app, "004"), article(&app, "000")));
}

#[test]
fn enter_on_a_compare_row_opens_both_readers_at_its_sentences_and_ctrl_o_returns() {
    let mut app = app();
    app.compare.pick_a = Some(article(&app, "002"));
    app.compare.pick_b = Some(article(&app, "003"));
    let before = [app.readers[0].clone(), app.readers[1].clone()];
    press(&mut app, &[Key::char('c')]);
    let cmp = app.compare.comparison.clone().expect("a comparison");
    let row = cmp
        .rows
        .iter()
        .position(|r| !r.a.is_empty() && !r.b.is_empty())
        .expect("a row with both sides");
    for _ in 0..row {
        press(&mut app, &[Key::char('j')]);
    }
    assert_eq!(app.compare.selected, row);
    press(&mut app, &[Key::named("enter")]);
    assert_eq!((app.view, app.focus), (View::Panes, Focus::ReaderA));
    let (la, lb) = (
        cmp.rows[row].a[0].loc(&app.briefing),
        cmp.rows[row].b[0].loc(&app.briefing),
    );
    assert_eq!(app.readers[0].highlight, Some(la));
    assert_eq!(app.readers[1].highlight, Some(lb));
    assert_eq!(
        (app.readers[0].article, app.readers[1].article),
        (la.article, lb.article)
    );
    press(&mut app, &[Key::ctrl('o'), Key::ctrl('o')]);
    for (reader, was) in app.readers.iter().zip(&before) {
        assert_eq!((reader.article, reader.scroll), (was.article, was.scroll));
    }
}

#[test]
fn the_matrix_is_built_off_the_ui_thread_and_s_toggles_its_sort() {
    let mut app = app();
    let effect = press(&mut app, &[Key::char('t')]);
    assert_eq!(effect, Some(Effect::BuildMatrix(SortBy::Coverage)));
    assert_eq!((app.view, app.mode), (View::Matrix, Mode::Matrix));
    assert!(app.matrix.loading && app.matrix.data.is_none());
    run_matrix_worker(&mut app, effect);
    let coverage = app.matrix.data.clone().expect("built");
    let effect = press(&mut app, &[Key::char('s')]);
    assert_eq!(effect, Some(Effect::BuildMatrix(SortBy::Actor)));
    run_matrix_worker(&mut app, effect);
    let by_actor = app.matrix.data.clone().expect("rebuilt");
    assert_eq!(by_actor.sort, SortBy::Actor);
    let name = |d: &MatrixData, row: usize| {
        app.briefing.actors[d.matrix.actors[row].0 as usize]
            .name
            .clone()
    };
    assert!(name(&by_actor, 0) <= name(&by_actor, 1), "sorted by name");
    assert!(
        coverage.matrix.coverage(0) >= coverage.matrix.coverage(1),
        "most covered first"
    );
    assert_eq!(
        press(&mut app, &[Key::char('t'), Key::char('t')]),
        None,
        "built already"
    );
}

#[test]
fn enter_on_a_matrix_cell_lists_its_sentences_and_enter_there_jumps_to_the_reader() {
    let mut app = app();
    let effect = press(&mut app, &[Key::char('t')]);
    run_matrix_worker(&mut app, effect);
    let data = app.matrix.data.clone().expect("built");
    let (row, column) = *data.matrix.cells.keys().next().expect("a cell");
    for _ in 0..row {
        press(&mut app, &[Key::char('j')]);
    }
    for _ in 0..column {
        press(&mut app, &[Key::char('l')]);
    }
    press(&mut app, &[Key::named("enter")]);
    let popup = app.matrix.popup.clone().expect("the cell's sentences");
    let positions = &data.matrix.cells[&(row, column)].positions;
    assert_eq!(popup.items.len(), positions.len());
    press(&mut app, &[Key::named("enter")]);
    assert_eq!((app.view, app.mode), (View::Panes, Mode::Normal));
    let loc = app.briefing.positions[positions[0]].at;
    assert_eq!(app.readers[0].highlight, Some(loc));
    press(&mut app, &[Key::ctrl('o')]);
    assert_ne!(app.readers[0].highlight, Some(loc), "Ctrl-O went back");
}

#[test]
fn the_question_tab_groups_a_question_raised_by_two_sources() {
    let mut app = app();
    let effect = press(&mut app, &[Key::char('t')]);
    run_matrix_worker(&mut app, effect);
    press(&mut app, &[Key::named("tab")]);
    assert_eq!(app.matrix.tab, MatrixTab::Questions);
    press(&mut app, &[Key::named("enter")]);
    let popup = app.matrix.popup.clone().expect("the group's questions");
    assert!(popup.items.len() >= 2, "{popup:?}");
    press(&mut app, &[Key::named("esc")]);
    assert!(app.matrix.popup.is_none());
    assert_eq!(app.view, View::Matrix, "Esc closed the list, not the view");
}

#[test]
fn help_and_search_opened_from_a_view_return_to_it() {
    let mut app = app();
    press(&mut app, &[Key::char('c'), Key::char('?')]);
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, &[Key::named("esc")]);
    assert_eq!(app.mode, Mode::Compare);
    press(&mut app, &[Key::char('/')]);
    assert_eq!(app.mode, Mode::Search);
    press(&mut app, &[Key::named("esc")]);
    assert_eq!((app.view, app.mode), (View::Compare, Mode::Compare));
}

#[test]
fn paging_and_the_wheel_move_through_the_compare_rows() {
    let mut app = app();
    press(&mut app, &[Key::char('c')]);
    press(&mut app, &[Key::named("pagedown")]);
    let paged = app.compare.selected;
    assert!(paged > 0);
    press(&mut app, &[Key::char('G')]);
    assert_eq!(app.compare.selected, app.compare.entries().len() - 1);
    assert!(app.compare.scroll > 0);
    press(&mut app, &[Key::char('g'), Key::char('g')]);
    assert_eq!((app.compare.selected, app.compare.scroll), (0, 0));
    app.update(Action::Scroll(50, 20, 3));
    assert_eq!(app.compare.selected, 3);
}

#[test]
fn the_quotation_tab_lists_each_source_of_a_shared_quotation_and_enter_jumps_to_it() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/compare");
    let loaded = parallax::ingest::walk::load(&[dir]).expect("the compare fixtures load");
    let briefing = parallax::briefing::assemble(loaded.documents, Vec::new());
    let mut app = App::new(Arc::new(briefing), 160, 45);
    let effect = press(&mut app, &[Key::char('t')]);
    run_matrix_worker(&mut app, effect);
    press(&mut app, &[Key::named("tab"), Key::named("tab")]);
    assert_eq!(app.matrix.tab, MatrixTab::Quotes);
    press(&mut app, &[Key::named("enter")]);
    let popup = app.matrix.popup.clone().expect("the quotation's sources");
    assert_eq!(popup.items.len(), 2);
    assert!(popup.items[0].1.contains("first"), "{:?}", popup.items[0]);
    assert!(
        popup.items[1].1.contains("“not” → “never”"),
        "{:?}",
        popup.items[1]
    );
    press(&mut app, &[Key::char('j'), Key::named("enter")]);
    assert_eq!(app.readers[0].highlight, Some(popup.items[1].0));
    let gazette = article(&app, "port_strike_gazette");
    assert_eq!(app.readers[0].article, gazette);
}

// ---- pins, notes and the memo ----

use parallax::app::line_edit::Edit;
use parallax::memo::{PinKind, Status};

/// Opens the search, types `query`, delivers the worker's hits; returns the first.
fn type_query(app: &mut App, query: &str) -> parallax::search::Hit {
    app.update(Action::OpenSearch);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    let hits = Index::build(&app.briefing).search(query, 10);
    let first = hits[0].clone();
    app.update(Action::SearchResults(query.to_string(), hits));
    first
}

fn memo_markdown(app: &mut App) -> String {
    match app.update(Action::ExportMemo) {
        Some(Effect::WriteMemo { text, force, .. }) => {
            assert!(!force, "a first write never replaces a file");
            text
        }
        other => panic!("no memo written: {other:?}"),
    }
}

#[test]
fn p_pins_from_the_reader_the_outline_and_the_search() {
    let mut app = app();
    // the reader: the sentence at its top
    assert_eq!(press(&mut app, &[Key::char('p')]), Some(Effect::SaveMemo));
    assert_eq!(app.memo.memo.pins[0].kind, PinKind::Sentence);
    // pinning it again keeps one pin
    assert_eq!(press(&mut app, &[Key::char('p')]), None);
    assert_eq!(app.memo.memo.pins.len(), 1);
    // the outline: the first position of the first actor, with its actor and stance
    app.focus = Focus::Outline;
    app.update(Action::MoveDown);
    press(&mut app, &[Key::char('p')]);
    let position = &app.memo.memo.pins[1];
    assert_eq!(position.kind, PinKind::Position);
    assert!(
        position.who.is_some() && position.label.is_some(),
        "{position:?}"
    );
    // the quotations tab: a quotation with its speaker
    app.update(Action::ShowQuotes);
    app.update(Action::MoveDown);
    press(&mut app, &[Key::char('p')]);
    assert_eq!(app.memo.memo.pins[2].kind, PinKind::Quote);
    // a search hit
    type_query(&mut app, "ruled out");
    app.update(Action::Pin);
    assert_eq!(app.memo.memo.pins.len(), 4);
    assert!(
        app.memo.memo.pins[3].text.contains("ruled out"),
        "{:?}",
        app.memo.memo.pins[3]
    );
}

#[test]
fn a_compare_row_is_pinned_as_such() {
    let mut app = app();
    press(&mut app, &[Key::char('c')]);
    press(&mut app, &[Key::char('p')]);
    assert_eq!(app.memo.memo.pins.len(), 1);
    assert_eq!(app.memo.memo.pins[0].kind, PinKind::CompareRow);
}

#[test]
fn notes_are_typed_kept_or_cancelled_and_pins_reorder_in_the_memo_view() {
    let mut app = app();
    press(&mut app, &[Key::char('p')]);
    press(&mut app, &[Key::char('}'), Key::char('}'), Key::char('p')]);
    assert_eq!(app.memo.memo.pins.len(), 2);
    press(&mut app, &[Key::char('M')]);
    assert_eq!(app.mode, Mode::Memo);
    // a note on the second pin, typed, corrected and kept
    app.memo.selected = 1;
    press(&mut app, &[Key::char('e')]);
    assert_eq!(app.mode, Mode::Note);
    for c in "check teh".chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
    app.update(Action::Edit(Edit::DeleteWord));
    app.update(Action::Edit(Edit::Paste("the figure 日本".into())));
    assert_eq!(app.update(Action::Activate), Some(Effect::SaveMemo));
    assert_eq!(app.memo.memo.pins[1].note, "check the figure 日本");
    // Esc drops an edit
    press(&mut app, &[Key::char('e')]);
    app.update(Action::Edit(Edit::Insert('!')));
    app.update(Action::CloseOverlay);
    assert_eq!(app.memo.memo.pins[1].note, "check the figure 日本");
    assert_eq!(app.mode, Mode::Memo);
    // the memo's own note
    press(&mut app, &[Key::char('E')]);
    for c in "Troops: who says what".chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
    app.update(Action::Activate);
    // K moves the noted pin first
    let noted = app.memo.memo.pins[1].clone();
    press(&mut app, &[Key::char('K')]);
    assert_eq!(app.memo.memo.pins[0], noted);
    assert_eq!(app.memo.selected, 0);
    let md = memo_markdown(&mut app);
    assert!(
        md.starts_with("# Memo\n\nTroops: who says what\n\n- "),
        "{md}"
    );
    let first_item = md.lines().nth(4).unwrap_or_default();
    assert!(first_item.contains(&noted.text), "{md}");
    assert!(md.contains("  Note: check the figure 日本"), "{md}");
    assert!(md.contains("## Sources"), "{md}");
    // d removes the selected pin
    press(&mut app, &[Key::char('d')]);
    assert_eq!(app.memo.memo.pins.len(), 1);
}

#[test]
fn the_memo_cites_the_paragraph_of_each_pin() {
    let mut app = app();
    let hit = type_query(&mut app, "ruled out");
    app.update(Action::Pin);
    app.update(Action::CloseOverlay);
    let md = memo_markdown(&mut app);
    let article = app.briefing.article(hit.loc.article);
    assert!(
        md.contains(&format!("¶{}", hit.loc.paragraph + 1)),
        "paragraph {} cited: {md}",
        hit.loc.paragraph + 1
    );
    if let Some(outlet) = &article.meta.source {
        assert!(md.contains(outlet.as_str()), "{md}");
    }
}

#[test]
fn an_existing_memo_file_is_replaced_only_after_a_yes() {
    let mut app = app();
    press(&mut app, &[Key::char('p'), Key::char('M')]);
    memo_markdown(&mut app);
    app.update(Action::AskOverwrite("memo.md".into()));
    assert_eq!(app.mode, Mode::Confirm);
    assert!(app
        .message
        .as_deref()
        .is_some_and(|m| m.contains("replace")));
    match app.update(Action::Confirm) {
        Some(Effect::WriteMemo { force, .. }) => assert!(force),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.mode, Mode::Memo);
}

#[test]
fn a_reload_that_removes_a_pinned_sentence_flags_the_pin_and_keeps_its_text() {
    let mut app = app();
    press(&mut app, &[Key::char('p')]);
    let pin = app.memo.memo.pins[0].clone();
    let mut changed = (*app.briefing).clone();
    let article = changed
        .articles
        .iter_mut()
        .find(|a| a.name == pin.source.article)
        .expect("article");
    article.paragraphs.remove(pin.source.paragraph);
    app.update(Action::Reloaded(Box::new(changed)));
    let after = &app.memo.memo.pins[0];
    assert_eq!(after.status, Status::Orphaned);
    assert_eq!(after.text, pin.text);
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("gone")),
        "{:?}",
        app.message
    );
    let md = memo_markdown(&mut app);
    assert!(md.contains("no longer found in the source"), "{md}");
}
