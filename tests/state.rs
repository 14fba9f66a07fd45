//! Keeping the user's place: an app's session saved and resumed (also after the folder gained a
//! file, at another width, and with a scroll past the end), and the state file surviving a writer
//! killed with SIGKILL at random moments.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parallax::app::{Action, App, Effect, Focus, Tab};
use parallax::briefing::Briefing;
use parallax::state::{Session, StateFile};

/// A folder holding copies of the seed articles.
fn seed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in parallax::seeds::FILES {
        std::fs::write(dir.path().join(name), text).expect("write seed");
    }
    dir
}

fn briefing_of(dir: &Path) -> Briefing {
    let loaded = parallax::ingest::walk::load(&[dir.to_path_buf()]).expect("loads");
    parallax::briefing::assemble(loaded.documents, Vec::new())
}

/// An app moved away from its defaults: another article in each reader, scrolled, a search
/// typed, the quotations tab with a row selected, the right reader focused.
fn moved_app(briefing: Briefing, width: u16) -> App {
    let mut app = App::new(Arc::new(briefing), width, 45);
    app.update(Action::FocusPrevious); // sources
    for _ in 0..3 {
        app.update(Action::MoveDown);
    }
    app.update(Action::Activate); // opens the source in the left reader
    for _ in 0..7 {
        app.update(Action::MoveDown);
    }
    app.update(Action::OpenSearch);
    for c in "troops".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::CloseOverlay);
    app.update(Action::ShowQuotes);
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    app.update(Action::FocusPrevious); // the right reader
    app.update(Action::PageDown);
    app
}

fn name_in(app: &App, reader: usize) -> String {
    app.briefing
        .article(app.readers[reader].article)
        .name
        .clone()
}

fn top_text(app: &App, reader: usize) -> String {
    let r = &app.readers[reader];
    let loc = r
        .top_loc(&app.briefing, app.reader_width(), false)
        .expect("text at the top");
    let paragraph = &app.briefing.article(loc.article).paragraphs[loc.paragraph];
    paragraph.text[loc.span.start..].chars().take(40).collect()
}

fn resumed(briefing: Briefing, width: u16, session: Session) -> (App, Option<Effect>) {
    let mut app = App::new(Arc::new(briefing), width, 45);
    let effect = app.update(Action::Resume(Box::new(session)));
    (app, effect)
}

#[test]
fn reopening_restores_articles_scroll_search_outline_and_focus() {
    let folder = seed_folder();
    let state = tempfile::tempdir().expect("state dir");
    let file = StateFile::in_dir(state.path(), &[folder.path().to_path_buf()]);
    let before = moved_app(briefing_of(folder.path()), 160);
    let session = before.session(file.empty_session()).expect("a session");
    file.save(&session).expect("saved");

    let loaded = file.load().expect("loads").expect("a session");
    let (after, effect) = resumed(briefing_of(folder.path()), 160, loaded);
    assert_eq!(after.mark(), before.mark());
    assert_eq!(effect, Some(Effect::Search("troops".into())));
    assert_eq!(after.focus, Focus::ReaderB);
    assert_eq!(after.outline.tab, Tab::Quotes);
    assert!(after.readers[0].scroll > 0 && after.readers[1].scroll > 0);
}

#[test]
fn a_folder_that_gained_a_file_restores_the_same_articles_and_text() {
    let folder = seed_folder();
    let state = tempfile::tempdir().expect("state dir");
    let file = StateFile::in_dir(state.path(), &[folder.path().to_path_buf()]);
    let before = moved_app(briefing_of(folder.path()), 160);
    let session = before.session(file.empty_session()).expect("a session");
    // sorted first, it shifts every article id by one
    std::fs::write(
        folder.path().join("000_aaa.txt"),
        "A new article\n\nIt says very little about anything at all.\n",
    )
    .expect("write");
    let (after, _) = resumed(briefing_of(folder.path()), 160, session);
    for r in 0..2 {
        assert_eq!(name_in(&after, r), name_in(&before, r));
        assert_eq!(top_text(&after, r), top_text(&before, r));
    }
    let source = |app: &App| app.briefing.articles[app.source].name.clone();
    assert_eq!(source(&after), source(&before));
}

#[test]
fn a_narrower_terminal_restores_the_same_text_at_the_top() {
    let folder = seed_folder();
    let file = StateFile::in_dir(folder.path(), &[]);
    let before = moved_app(briefing_of(folder.path()), 160);
    let session = before.session(file.empty_session()).expect("a session");
    let (after, _) = resumed(briefing_of(folder.path()), 90, session);
    assert_eq!(name_in(&after, 0), name_in(&before, 0));
    assert_eq!(top_text(&after, 0), top_text(&before, 0));
    assert_eq!(after.focus, Focus::ReaderA, "one reader below 100 columns");
}

#[test]
fn a_scroll_past_the_end_is_clamped_and_unknown_articles_are_ignored() {
    let folder = seed_folder();
    let file = StateFile::in_dir(folder.path(), &[]);
    let before = moved_app(briefing_of(folder.path()), 160);
    let mut session = before.session(file.empty_session()).expect("a session");
    session.readers[0].scroll = 1_000_000;
    session.readers[0].top = None;
    session.readers[1].article.name = "gone".into();
    session.readers[1].article.path = "gone.txt".into();
    session.outline_selected = 1_000_000;
    let (after, _) = resumed(briefing_of(folder.path()), 160, session);
    let mut bottom = after.clone();
    bottom.focus = Focus::ReaderA;
    bottom.update(Action::GoBottom);
    assert!(after.readers[0].scroll > 0);
    assert!(after.readers[0].scroll <= bottom.readers[0].scroll);
    let fresh = App::new(Arc::clone(&after.briefing), 160, 45);
    assert_eq!(after.readers[1], fresh.readers[1]);
    assert!(after.outline.selected < after.outline.rows(&after.briefing).len());
}

#[test]
fn nothing_is_saved_before_the_briefing_has_loaded() {
    let app = App::new(Arc::new(Briefing::default()), 160, 45);
    let file = StateFile::in_dir(Path::new("/nonexistent"), &[]);
    assert_eq!(app.session(file.empty_session()), None);
}

#[test]
fn a_status_message_outlives_the_search_worker_answering() {
    let mut app = App::new(Arc::new(parallax::seeds::briefing()), 160, 45);
    app.update(Action::Notice("warning: state file set aside".into()));
    app.update(Action::IndexReady);
    app.update(Action::SearchResults(String::new(), Vec::new()));
    assert_eq!(
        app.message.as_deref(),
        Some("warning: state file set aside")
    );
}

// ---- the kill test -------------------------------------------------------------------------

/// Set in the child: the folder to write state into.
const CHILD_DIR: &str = "PARALLAX_TEST_STATE_WRITER_DIR";

/// Two sessions the child alternates between; a large search makes each write take a while.
/// Each carries a memo with pins and notes, so a torn write would lose what the user typed.
fn alternating(file: &StateFile, which: usize) -> Session {
    let mut session = file.empty_session();
    session.search = ["a", "b"][which % 2].repeat(200_000);
    session.outline_selected = which % 2;
    let briefing = parallax::seeds::briefing();
    let mut memo = parallax::memo::Memo {
        note: format!("memo note {}", which % 2),
        pins: Vec::new(),
    };
    for (k, (loc, _)) in briefing.articles[1].sentences().take(40).enumerate() {
        let mut pin = parallax::memo::Pin::at(&briefing, loc, parallax::memo::PinKind::Sentence)
            .expect("a sentence to pin");
        pin.note = format!("note {k} of version {} — 日本", which % 2);
        memo.pins.push(pin);
    }
    session.memo = memo;
    session
}

/// Not a test of its own: the child process of the kill test, which writes state in a loop
/// until it is killed. Without the variable it returns at once.
#[test]
fn state_writer_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let file = StateFile::in_dir(Path::new(&dir), &[]);
    file.save(&alternating(&file, 0)).expect("first write");
    println!("ready"); // after libtest's "test state_writer_child ... "
    let sessions = [alternating(&file, 0), alternating(&file, 1)];
    // bounded, so a child whose test died before killing it does not write forever
    let started = Instant::now();
    for n in 1.. {
        file.save(&sessions[n % 2]).expect("write");
        if started.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
}

/// A tiny deterministic generator, so a failure can be replayed.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn spawn_writer(dir: &Path) -> std::process::Child {
    let exe = std::env::current_exe().expect("test binary");
    Command::new(exe)
        .args([
            "--exact",
            "state_writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the writer")
}

fn wait_until_ready(child: &mut std::process::Child) {
    let out = child.stdout.take().expect("piped stdout");
    let ready = BufReader::new(out)
        .lines()
        .any(|l| l.is_ok_and(|l| l.trim_end().ends_with("ready")));
    assert!(ready, "the writer never got ready");
}

#[test]
fn a_writer_killed_at_random_moments_always_leaves_a_parseable_state_file_with_every_pin_and_note()
{
    let dir = tempfile::tempdir().expect("temp dir");
    let file = StateFile::in_dir(dir.path(), &[]);
    let expected = [alternating(&file, 0), alternating(&file, 1)];
    let started = Instant::now();
    let (mut seed, mut kills, mut interrupted) = (0x2545_f491_4f6c_dd1d_u64, 0, 0);
    while kills < 300 && started.elapsed() < Duration::from_secs(15) {
        let mut child = spawn_writer(dir.path());
        wait_until_ready(&mut child);
        // a few write cycles (each some milliseconds), so kills land in every phase of a write
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 30_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        kills += 1;
        let session = file
            .load()
            .unwrap_or_else(|e| panic!("after kill {kills}: {e}"))
            .unwrap_or_else(|| panic!("after kill {kills}: the state file is gone"));
        assert!(
            expected.contains(&session),
            "after kill {kills}: neither the old nor the new state"
        );
        interrupted += leftover_temps(dir.path()).len();
        for temp in leftover_temps(dir.path()) {
            std::fs::remove_file(temp).expect("remove temp");
        }
    }
    assert!(kills >= 100, "only {kills} kills in time");
    eprintln!("{kills} kills, {interrupted} of them in the middle of a write");
}

fn leftover_temps(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
        .collect()
}

#[test]
fn pins_and_notes_are_saved_with_the_place_and_found_again_on_reopening() {
    let folder = seed_folder();
    let mut app = moved_app(briefing_of(folder.path()), 160);
    app.update(Action::FocusPrevious);
    assert_eq!(app.update(Action::Pin), Some(Effect::SaveMemo));
    app.update(Action::OpenMemo);
    app.update(Action::EditNote);
    for c in "check this".chars() {
        app.update(Action::Edit(parallax::app::line_edit::Edit::Insert(c)));
    }
    app.update(Action::Activate);
    let file = StateFile::in_dir(folder.path(), &[folder.path().to_path_buf()]);
    let saved = app.session(file.empty_session()).expect("a session");
    file.save(&saved).expect("saved");
    let loaded = file.load().expect("loads").expect("present");
    assert_eq!(loaded.memo, app.memo.memo);
    let (reopened, _) = resumed(briefing_of(folder.path()), 160, loaded);
    assert_eq!(reopened.memo.memo.pins.len(), 1);
    assert_eq!(reopened.memo.memo.pins[0].note, "check this");
    assert_eq!(
        reopened.memo.memo.pins[0].status,
        parallax::memo::Status::Anchored
    );
}
