//! Saves the user's place off the draw path: the event loop hands over each changed
//! [`Session`]; a thread writes it once it has stopped changing for [`DEBOUNCE`] (scrolling
//! through a page writes once, not per line). [`Autosave::flush`] writes the latest at once — on
//! quit (dropping the `Autosave` flushes, so every return path saves) and from the signal thread
//! before it exits.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::state::{Session, StateFile};

/// How long a session must stay unchanged before the thread writes it.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// Saves sessions of one briefing to its state file.
pub struct Autosave {
    shared: Arc<Shared>,
}

struct Shared {
    file: StateFile,
    latest: Mutex<Latest>,
    changed: Condvar,
    /// Held while writing, so the file is never replaced by an older session than it holds.
    writing: Mutex<()>,
}

#[derive(Default)]
struct Latest {
    wanted: Option<Session>,
    written: Option<Session>,
    /// Counts changes, so the thread can tell a quiet spell from a busy one.
    generation: u64,
    stop: bool,
    error: Option<String>,
}

impl Autosave {
    /// Starts saving to `file`; `on_disk` is the session the file already holds, if any.
    pub fn start(file: StateFile, on_disk: Option<Session>) -> Autosave {
        let shared = Arc::new(Shared {
            file,
            latest: Mutex::new(Latest {
                written: on_disk,
                ..Latest::default()
            }),
            changed: Condvar::new(),
            writing: Mutex::new(()),
        });
        let worker = Arc::clone(&shared);
        std::thread::spawn(move || worker.run());
        Autosave { shared }
    }

    /// The session to save next.
    pub fn note(&self, session: Session) {
        let mut latest = self.shared.lock();
        if latest.wanted.as_ref() != Some(&session) {
            latest.wanted = Some(session);
            latest.generation += 1;
            self.shared.changed.notify_all();
        }
    }

    /// Writes the latest session now, if it is not on disk yet.
    pub fn flush(&self) {
        self.shared.write_latest();
    }

    /// A function that flushes, for the signal thread.
    pub fn flusher(&self) -> impl Fn() + Send + 'static {
        let shared = Arc::clone(&self.shared);
        move || shared.write_latest()
    }

    /// The last save error, once.
    pub fn take_error(&self) -> Option<String> {
        self.shared.lock().error.take()
    }
}

impl Drop for Autosave {
    fn drop(&mut self) {
        self.flush();
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Latest> {
        // a panic elsewhere while holding the lock leaves plain data; saving may go on
        self.latest.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn run(&self) {
        let mut latest = self.lock();
        loop {
            while !latest.stop && latest.wanted == latest.written {
                latest = self.changed.wait(latest).unwrap_or_else(|e| e.into_inner());
            }
            // wait for a quiet spell
            loop {
                if latest.stop {
                    return;
                }
                let seen = latest.generation;
                latest = self
                    .changed
                    .wait_timeout(latest, DEBOUNCE)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
                if latest.generation == seen {
                    break;
                }
            }
            drop(latest);
            self.write_latest();
            latest = self.lock();
        }
    }

    /// Writes the newest wanted session if it differs from what was last written.
    fn write_latest(&self) {
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let wanted = {
            let latest = self.lock();
            match &latest.wanted {
                Some(w) if latest.written.as_ref() != Some(w) => w.clone(),
                _ => return,
            }
        };
        let result = self.file.save(&wanted);
        let mut latest = self.lock();
        match result {
            Ok(()) => latest.written = Some(wanted),
            Err(e) => {
                // remembered as written all the same, so a failing disk is not retried per key
                latest.written = Some(wanted);
                latest.error = Some(format!("could not save your place: {e}"));
            }
        }
    }
}

/// What the event loop keeps for saving: the autosave (none for standard input or without a
/// state folder), what to do once the briefing has loaded, and the last state seen.
pub struct Keeper {
    autosave: Option<Autosave>,
    after_load: Vec<crate::app::Action>,
    mark: Option<crate::app::resume::Mark>,
}

impl Keeper {
    /// Reads `file`'s saved session (setting a corrupt one aside) and starts saving to it.
    pub fn open(file: Option<StateFile>) -> Keeper {
        use crate::app::Action;
        let mut after_load = Vec::new();
        let autosave = file.map(|file| {
            let on_disk = match file.load() {
                Ok(session) => session,
                Err(e) => {
                    after_load.push(Action::Notice(format!("warning: {e}")));
                    None
                }
            };
            if let Some(session) = &on_disk {
                after_load.insert(0, Action::Resume(Box::new(session.clone())));
            }
            Autosave::start(file, on_disk)
        });
        Keeper {
            autosave,
            after_load,
            mark: None,
        }
    }

    /// A function that saves at once, for the signal thread.
    pub fn flusher(&self) -> Option<Box<dyn Fn() + Send>> {
        self.autosave
            .as_ref()
            .map(|a| Box::new(a.flusher()) as Box<dyn Fn() + Send>)
    }

    /// Puts the saved place (and any warning) right after the `Loaded` action in `actions`.
    pub fn follow_load(&mut self, actions: &mut Vec<crate::app::Action>) {
        let loaded = actions
            .iter()
            .position(|a| matches!(a, crate::app::Action::Loaded(_)));
        if let Some(at) = loaded {
            let after = std::mem::take(&mut self.after_load);
            actions.splice(at + 1..at + 1, after);
        }
    }

    /// Hands the app's state over and writes it at once (after a change to the memo).
    pub fn save_now(&mut self, app: &crate::app::App) {
        self.track(app);
        if let Some(autosave) = &self.autosave {
            autosave.flush();
        }
    }

    /// Hands the app's place to the autosave if it changed; returns a save error to show.
    pub fn track(&mut self, app: &crate::app::App) -> Option<String> {
        let autosave = self.autosave.as_ref()?;
        let mark = app.mark();
        if self.mark.as_ref() != Some(&mark) {
            if let Some(session) = app.session(autosave.shared.file.empty_session()) {
                autosave.note(session);
                self.mark = Some(mark);
            }
        }
        autosave.take_error()
    }
}
