//! The terminal UI: sets the terminal up (and always restores it: on quit, on error, on panic,
//! on SIGTERM/SIGHUP, around Ctrl-Z), runs the event loop — draw, wait for a key, mouse, resize
//! or worker message, map it through the keymap, `App::update`, carry out the effect — and
//! keeps search on a worker thread so typing never waits for it.

pub mod autosave;
pub mod compare;
pub mod layout;
pub mod matrix;
pub mod memo;
pub mod render;
pub mod status;
pub mod theme;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use crossterm::execute;

use crate::app::keymap::{Key, Lookup};
use crate::app::{Action, App, Effect, MatrixData, Mode};
use crate::briefing::Briefing;
use crate::compare::matrix::SortBy;
use crate::search::{Hit, Index};
pub use render::{render, sources_row_to_index};

/// How many search results the overlay asks for.
const RESULTS: usize = 100;

/// Runs the reader on `briefing` until the user quits.
/// The briefing is loaded by `load` on a worker thread while the first frames are drawn, so the
/// app answers keys (quit, help) from the start.
///
/// When `watch` names folders or files, changes to their articles reload the briefing in the
/// background (debounced, see [`crate::watch`]) and the reader keeps its place. With a `state`
/// file, the user's place is restored once the briefing has loaded, and saved as it changes and
/// on every way out.
pub fn run<F>(
    load: F,
    keymap: crate::app::keymap::Keymap,
    watch: Vec<PathBuf>,
    state: Option<crate::state::StateFile>,
) -> io::Result<()>
where
    F: Fn(&(dyn Fn(crate::pipeline::Progress) + Sync)) -> Result<Briefing, String>
        + Send
        + Sync
        + 'static,
{
    install_panic_hook();
    let mut keeper = autosave::Keeper::open(state);
    exit_on_signals(keeper.flusher())?;
    let mut terminal = ratatui::try_init()?;
    let _guard = Restore;
    execute!(
        io::stdout(),
        crossterm::event::EnableMouseCapture,
        crossterm::event::EnableBracketedPaste
    )?;
    let size = terminal.size()?;
    let mut app = App::new(Arc::new(Briefing::default()), size.width, size.height);
    app.keymap = keymap;
    let (to_app, from_worker) = mpsc::channel();
    let load = Arc::new(load);
    let _watch = watch_and_reload(&watch, load.clone(), to_app.clone());
    let loader = to_app.clone();
    std::thread::spawn(move || {
        let progress = loader.clone();
        let report = Throttle::default();
        let report = move |p: crate::pipeline::Progress| {
            if report.due(p) {
                let _ = progress.send(Action::Progress(p));
            }
        };
        let action = match load(&report) {
            Ok(briefing) => Action::Loaded(Box::new(briefing)),
            Err(message) => Action::LoadFailed(message),
        };
        let _ = loader.send(action);
    });
    let mut queries: Option<Sender<String>> = None;
    let mut pending: Vec<Key> = Vec::new();
    loop {
        terminal.draw(|frame| render(&app, frame))?;
        let mut actions: Vec<Action> = from_worker.try_iter().collect();
        if event::poll(Duration::from_millis(50))? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if is_suspend(&key) {
                        suspend(&mut terminal, app.mouse)?;
                        continue;
                    }
                    actions.extend(map_key(&app, &mut pending, &key));
                }
                Event::Mouse(mouse) => actions.extend(map_mouse(mouse)),
                Event::Resize(w, h) => actions.push(Action::Resize(w, h)),
                Event::Paste(text) if app.mode == Mode::Note => {
                    actions.push(Action::Edit(crate::app::line_edit::Edit::Paste(text)))
                }
                Event::Paste(text) if matches!(app.mode, Mode::Search | Mode::Filter) => {
                    actions.extend(text.chars().filter(|c| !c.is_control()).map(Action::Input))
                }
                _ => {}
            }
        }
        keeper.follow_load(&mut actions);
        for action in actions {
            match app.update(action) {
                Some(Effect::Quit) => {
                    keeper.track(&app);
                    return Ok(());
                }
                Some(Effect::Search(query)) => {
                    if let Some(queries) = &queries {
                        let _ = queries.send(query);
                    }
                }
                Some(Effect::Index) => {
                    queries = Some(spawn_search_worker(
                        Arc::clone(&app.briefing),
                        to_app.clone(),
                    ))
                }
                Some(Effect::Fail(message)) => return Err(io::Error::other(message)),
                Some(Effect::Mouse(on)) => set_mouse(on)?,
                Some(Effect::BuildMatrix(sort)) => {
                    spawn_matrix_worker(Arc::clone(&app.briefing), sort, to_app.clone())
                }
                // nothing typed is lost: the memo is written at once, not after a quiet spell
                Some(Effect::SaveMemo) => keeper.save_now(&app),
                Some(Effect::WriteMemo { path, text, force }) => {
                    let reply = match crate::memo::export::write_atomically(&path, &text, force) {
                        Ok(()) => Action::Notice(format!("memo written to {}", path.display())),
                        Err(crate::memo::export::WriteError::Exists(_)) => {
                            Action::AskOverwrite(path)
                        }
                        Err(e) => Action::Notice(format!("memo not written: {e}")),
                    };
                    let _ = to_app.send(reply);
                }
                None => {}
            }
        }
        if let Some(warning) = keeper.track(&app) {
            app.update(Action::Notice(warning));
        }
    }
}

/// SIGTERM, SIGHUP (the terminal went away) and SIGINT: restore the terminal and exit at once,
/// from a thread of their own — the main thread may be blocked reading a terminal that is gone.
/// The user's place is saved first (`save`).
fn exit_on_signals(save: Option<Box<dyn Fn() + Send>>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            if let Some(save) = &save {
                save();
            }
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Restores the terminal when dropped: on every return path, errors included.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn restore_terminal() {
    let _ = execute!(
        io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// A panic restores the terminal before the message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

fn set_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), crossterm::event::EnableMouseCapture)
    } else {
        execute!(io::stdout(), crossterm::event::DisableMouseCapture)
    }
}

fn is_suspend(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// Ctrl-Z: give the terminal back, stop, and take it again on resume.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    restore_terminal();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    *terminal = ratatui::try_init()?;
    terminal.clear()?;
    set_mouse(mouse)
}

/// The search worker: builds the index, then answers the newest query waiting (older ones
/// superseded while it was busy are skipped).
fn spawn_search_worker(briefing: Arc<Briefing>, to_app: Sender<Action>) -> Sender<String> {
    let (send, queries): (Sender<String>, Receiver<String>) = mpsc::channel();
    std::thread::spawn(move || {
        let index = Index::build(&briefing);
        if to_app.send(Action::IndexReady).is_err() {
            return;
        }
        while let Ok(mut query) = queries.recv() {
            while let Ok(newer) = queries.try_recv() {
                query = newer;
            }
            let hits: Vec<Hit> = index.search(&query, RESULTS);
            if to_app.send(Action::SearchResults(query, hits)).is_err() {
                return;
            }
        }
    });
    send
}

/// Builds the matrix off the UI thread and sends it back as `Action::MatrixReady`.
fn spawn_matrix_worker(briefing: Arc<Briefing>, sort: SortBy, to_app: Sender<Action>) {
    std::thread::spawn(move || {
        let data = MatrixData::build(&briefing, sort);
        let _ = to_app.send(Action::MatrixReady(Box::new(data)));
    });
}

/// A crossterm key as a keymap key.
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    let code = match event.code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "backtab".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pageup".into(),
        KeyCode::PageDown => "pagedown".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::F(n) => format!("f{n}"),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        alt: event.modifiers.contains(KeyModifiers::ALT),
    })
}

/// The action a key press asks for in the app's current mode (typing in search and filter).
pub fn map_key(app: &App, pending: &mut Vec<Key>, event: &KeyEvent) -> Option<Action> {
    match app.mode {
        Mode::Note => return note_key(event),
        Mode::Confirm => {
            return Some(match event.code {
                KeyCode::Char('y' | 'Y') => Action::Confirm,
                _ => Action::CloseOverlay,
            })
        }
        _ => {}
    }
    let key = key_of(event)?;
    match app.keymap.lookup(app.mode, pending, &key) {
        Lookup::Action(action) => {
            pending.clear();
            Some(action)
        }
        Lookup::Pending => {
            pending.push(key);
            None
        }
        Lookup::Unbound => {
            pending.clear();
            let typing = matches!(app.mode, Mode::Search | Mode::Filter);
            match event.code {
                KeyCode::Char(c) if typing && !key.ctrl && !key.alt => Some(Action::Input(c)),
                _ => None,
            }
        }
    }
}

/// Keys while a note is typed: line-editing keys as readline has them, Enter keeps the note,
/// Esc drops the change.
fn note_key(event: &KeyEvent) -> Option<Action> {
    use crate::app::line_edit::Edit;
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let edit = match event.code {
        KeyCode::Enter => return Some(Action::Activate),
        KeyCode::Esc => return Some(Action::CloseOverlay),
        KeyCode::Char('c') if ctrl => return Some(Action::CloseOverlay),
        KeyCode::Char('w') if ctrl => Edit::DeleteWord,
        KeyCode::Backspace if ctrl || alt => Edit::DeleteWord,
        KeyCode::Char('u') if ctrl => Edit::DeleteToStart,
        KeyCode::Char('a') if ctrl => Edit::Home,
        KeyCode::Char('e') if ctrl => Edit::End,
        KeyCode::Char('b') if alt => Edit::WordLeft,
        KeyCode::Char('f') if alt => Edit::WordRight,
        KeyCode::Left if ctrl || alt => Edit::WordLeft,
        KeyCode::Right if ctrl || alt => Edit::WordRight,
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Char(c) if !ctrl && !alt => Edit::Insert(c),
        _ => return None,
    };
    Some(Action::Edit(edit))
}

fn map_mouse(mouse: crossterm::event::MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll(mouse.column, mouse.row, 3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(mouse.column, mouse.row, -3)),
        MouseEventKind::Down(_) => Some(Action::Click(mouse.column, mouse.row)),
        _ => None,
    }
}

/// Lets through about one progress report per percent of the files (and every change of
/// stage), so the loader does not flood the event loop with ten thousand messages.
#[derive(Default)]
struct Throttle {
    last: std::sync::atomic::AtomicUsize,
}

impl Throttle {
    fn due(&self, p: crate::pipeline::Progress) -> bool {
        use std::sync::atomic::Ordering;
        let step = match p.stage {
            crate::pipeline::Stage::Reading => p.done * 100 / p.total.max(1),
            crate::pipeline::Stage::Extracting => 101,
        };
        self.last.fetch_max(step + 1, Ordering::Relaxed) < step + 1
    }
}

/// Starts watching `paths` (if any): after each settled burst of changes the briefing is loaded
/// again on a worker and handed to the app, which keeps the reader's place. A failed reload is
/// reported in the status line; the briefing shown stays.
fn watch_and_reload<F>(
    paths: &[PathBuf],
    load: Arc<F>,
    to_app: Sender<Action>,
) -> Option<crate::watch::Watch>
where
    F: Fn(&(dyn Fn(crate::pipeline::Progress) + Sync)) -> Result<Briefing, String>
        + Send
        + Sync
        + 'static,
{
    if paths.is_empty() {
        return None;
    }
    crate::watch::start(paths, crate::watch::SETTLE, move || {
        let action = match load(&|_| {}) {
            Ok(briefing) => Action::Reloaded(Box::new(briefing)),
            Err(message) => Action::Notice(format!("reload failed: {message}")),
        };
        let _ = to_app.send(action);
    })
}
