//! The TUI's state machine: [`App`] + [`App::update`]. Never draws or touches the terminal:
//! `ui` turns input into [`Action`]s, calls `update`, carries out the returned [`Effect`], and
//! draws `&App`. Pane state lives in the submodules, one file per pane.

pub mod compare;
pub mod keymap;
pub mod line_edit;
pub mod matrix;
pub mod memo;
pub mod outline;
pub mod reader;
pub mod resume;
pub mod search;
mod views;

use std::sync::Arc;

use serde::Deserialize;

use crate::briefing::{ArticleId, Briefing, Loc};
use crate::compare::matrix::SortBy;
use crate::search::Hit;
pub use compare::{CompareState, View};
pub use matrix::{MatrixData, MatrixState};
pub use outline::{OutlineState, Tab};
pub use reader::ReaderState;
pub use search::SearchState;

/// Everything the user (or a worker) can ask of the app. Config names actions in snake_case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Quit Parallax.
    Quit,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Open the fuzzy search over sentences, quotations, actors and titles.
    OpenSearch,
    /// Close the open overlay (search, filter, help).
    CloseOverlay,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrevious,
    /// Scroll down a line, or select the next item.
    MoveDown,
    /// Scroll up a line, or select the previous item.
    MoveUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Go to the top.
    GoTop,
    /// Go to the bottom.
    GoBottom,
    /// Scroll the reader to the next paragraph.
    NextParagraph,
    /// Scroll the reader to the previous paragraph.
    PreviousParagraph,
    /// Open the selected source, or jump to the selected item.
    Activate,
    /// Open the focused source (or the reader's article) in the other reader pane.
    OpenInOtherPane,
    /// Swap the two reader panes.
    SwapPanes,
    /// Jump back to where you were before the last jump.
    JumpBack,
    /// Jump forward again.
    JumpForward,
    /// Next search hit (after a search) or next quotation of the article.
    NextMatch,
    /// Previous search hit or quotation.
    PreviousMatch,
    /// Outline: positions by actor.
    ShowPositions,
    /// Outline: open questions by topic.
    ShowQuestions,
    /// Outline: quotations by speaker.
    ShowQuotes,
    /// Filter the quotations by speaker (type to filter).
    FilterQuotes,
    /// Expand the selected outline group.
    Expand,
    /// Collapse the selected outline group.
    Collapse,
    /// Show or hide the lines cleaning removed, dimmed.
    ToggleBoilerplate,
    /// Scroll the two readers together.
    ToggleScrollLock,
    /// Release the mouse for native text selection, or capture it again.
    ToggleMouse,
    /// Delete the last character of the query.
    DeleteChar,
    /// Delete the last word of the query.
    DeleteWord,
    /// Open the compare view: the two readers' articles, or the sources picked as A and B.
    OpenCompare,
    /// Open the matrix view: actors × sources, and questions grouped across sources.
    OpenMatrix,
    /// Pick the selected source (or the focused reader's article) as compare side A.
    PickSourceA,
    /// Pick the selected source (or the focused reader's article) as compare side B.
    PickSourceB,
    /// Leave the compare or matrix view (or close the matrix's list of sentences).
    CloseView,
    /// Matrix: sort the actors by coverage or by name.
    ToggleSort,
    /// Matrix: switch between the actor table and the question groups.
    NextTab,
    /// Matrix: select the source column to the left.
    MoveLeft,
    /// Matrix: select the source column to the right.
    MoveRight,
    /// Type a character into the query. Internal, not bindable.
    #[serde(skip)]
    Input(char),
    /// The terminal was resized. Internal.
    #[serde(skip)]
    Resize(u16, u16),
    /// Mouse wheel over a pane. Internal.
    #[serde(skip)]
    Scroll(u16, u16, i32),
    /// Mouse click. Internal.
    #[serde(skip)]
    Click(u16, u16),
    /// Search results for a query. Internal: sent by the search worker.
    #[serde(skip)]
    SearchResults(String, Vec<Hit>),
    /// The search index is built. Internal.
    #[serde(skip)]
    IndexReady,
    /// The briefing finished loading. Internal: sent by the loader.
    #[serde(skip)]
    Loaded(Box<Briefing>),
    /// Loading failed. Internal.
    #[serde(skip)]
    LoadFailed(String),
    /// Pin what is under the cursor into the memo.
    Pin,
    /// Show or hide the memo.
    OpenMemo,
    /// Memo: write or edit the selected pin's note.
    EditNote,
    /// Memo: write or edit the note heading the memo.
    EditMemoNote,
    /// Memo: remove the selected pin.
    RemovePin,
    /// Memo: move the selected pin up.
    MovePinUp,
    /// Memo: move the selected pin down.
    MovePinDown,
    /// Memo: group the pins by order, actor or source.
    CycleGroup,
    /// Memo: write it as Markdown.
    ExportMemo,
    /// Yes to the question asked (replace the file).
    Confirm,
    /// An edit in the note editor. Internal: keys in note mode.
    #[serde(skip)]
    Edit(line_edit::Edit),
    /// The memo file exists: ask before replacing it. Internal: sent by the runtime.
    #[serde(skip)]
    AskOverwrite(std::path::PathBuf),
    /// The matrix is built. Internal: sent by the matrix worker.
    #[serde(skip)]
    MatrixReady(Box<MatrixData>),
    /// How far the load has got. Internal: sent by the loader.
    #[serde(skip)]
    Progress(crate::pipeline::Progress),
    /// The briefing was loaded again after its files changed. Internal: sent by the watcher.
    #[serde(skip)]
    Reloaded(Box<Briefing>),
    /// A message for the status line. Internal: sent by workers.
    #[serde(skip)]
    Notice(String),
    /// Put the user back where a saved session says. Internal: sent after `Loaded`.
    #[serde(skip)]
    Resume(Box<crate::state::Session>),
}

impl Action {
    /// Whether the action means anything before a briefing has loaded.
    fn works_while_loading(&self) -> bool {
        // workers' reports are harmless before the briefing arrives (none concern it but the
        // loader's own)
        matches!(
            self,
            Action::Quit | Action::ToggleHelp | Action::CloseOverlay
        ) || self.is_internal()
    }

    /// Sent by the runtime or a worker, not by the user.
    fn is_internal(&self) -> bool {
        matches!(
            self,
            Action::Resize(..)
                | Action::SearchResults(..)
                | Action::IndexReady
                | Action::Loaded(_)
                | Action::LoadFailed(_)
                | Action::Progress(_)
                | Action::Reloaded(_)
                | Action::Notice(_)
                | Action::AskOverwrite(_)
                | Action::Resume(_)
        )
    }

    /// A one-line description for the help overlay.
    pub fn description(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ToggleHelp => "show or hide this help",
            Action::OpenSearch => "search everything (fzf syntax: 'exact ^prefix suffix$ !not)",
            Action::CloseOverlay => "close the overlay",
            Action::FocusNext => "next pane",
            Action::FocusPrevious => "previous pane",
            Action::MoveDown => "down a line / next item",
            Action::MoveUp => "up a line / previous item",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "a page down",
            Action::PageUp => "a page up",
            Action::GoTop => "top",
            Action::GoBottom => "bottom",
            Action::NextParagraph => "next paragraph",
            Action::PreviousParagraph => "previous paragraph",
            Action::Activate => "open source / jump to item",
            Action::OpenInOtherPane => "open in the other reader",
            Action::SwapPanes => "swap the two readers (compare view: A and B)",
            Action::JumpBack => "jump back",
            Action::JumpForward => "jump forward",
            Action::NextMatch => "next search hit / quotation",
            Action::PreviousMatch => "previous search hit / quotation",
            Action::ShowPositions => "outline: positions",
            Action::ShowQuestions => "outline: open questions",
            Action::ShowQuotes => "outline: quotations",
            Action::FilterQuotes => "filter quotations by speaker",
            Action::Expand => "expand group",
            Action::Collapse => "collapse group",
            Action::ToggleBoilerplate => "show removed boilerplate",
            Action::ToggleScrollLock => "scroll both readers together",
            Action::ToggleMouse => "release the mouse to select text",
            Action::DeleteChar => "delete a character",
            Action::DeleteWord => "delete a word",
            Action::OpenCompare => "compare two sources (the readers', or those picked A/B)",
            Action::OpenMatrix => "matrix: actors × sources, grouped questions",
            Action::PickSourceA => "pick the selected source as compare side A",
            Action::PickSourceB => "pick the selected source as compare side B",
            Action::CloseView => "back to the readers (or close the list)",
            Action::Pin => "pin what is under the cursor into the memo",
            Action::OpenMemo => "show or hide the memo",
            Action::EditNote => "note on the selected pin",
            Action::EditMemoNote => "note heading the memo",
            Action::RemovePin => "remove the selected pin",
            Action::MovePinUp => "move the pin up",
            Action::MovePinDown => "move the pin down",
            Action::CycleGroup => "group by order / actor / source",
            Action::ExportMemo => "write the memo as Markdown",
            Action::Confirm => "yes",
            Action::ToggleSort => "sort by coverage / by actor",
            Action::NextTab => "actors / questions",
            Action::MoveLeft => "column to the left",
            Action::MoveRight => "column to the right",
            _ => "",
        }
    }
}

/// A side effect the runtime must carry out for `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The briefing changed: (re)build the search index for it.
    Index,
    /// Stop with this error (after restoring the terminal).
    Fail(String),
    /// Leave the app, restoring the terminal.
    Quit,
    /// Run this query on the search worker (newer queries supersede older ones).
    Search(String),
    /// Capture (true) or release (false) the mouse.
    Mouse(bool),
    /// The memo changed: save it (with the reader's state) now.
    SaveMemo,
    /// Write the memo's Markdown to `path` (replacing a file only if `force`); if it exists and
    /// not `force`, answer with `Action::AskOverwrite`.
    WriteMemo {
        /// The file.
        path: std::path::PathBuf,
        /// The Markdown.
        text: String,
        /// Replace an existing file.
        force: bool,
    },
    /// Build the matrix in this row order on a worker; it answers with `Action::MatrixReady`.
    BuildMatrix(SortBy),
}

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of sources.
    Sources,
    /// The left (or only) reader.
    ReaderA,
    /// The right reader.
    ReaderB,
    /// The outline.
    Outline,
}

/// What the keys currently do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Panes.
    Normal,
    /// Typing into the search overlay.
    Search,
    /// Typing a quotation speaker filter.
    Filter,
    /// The help overlay.
    Help,
    /// The compare view.
    Compare,
    /// The matrix view.
    Matrix,
    /// The memo view.
    Memo,
    /// Typing a note.
    Note,
    /// Answering a yes/no question.
    Confirm,
}

/// The whole state of the reader app.
#[derive(Debug, Clone)]
pub struct App {
    /// The briefing shown.
    pub briefing: Arc<Briefing>,
    /// Keyboard focus.
    pub focus: Focus,
    /// Input mode.
    pub mode: Mode,
    /// Selected row of the sources list.
    pub source: usize,
    /// The two readers.
    pub readers: [ReaderState; 2],
    /// The outline pane.
    pub outline: OutlineState,
    /// The search overlay.
    pub search: SearchState,
    /// Help overlay scroll.
    pub help_scroll: usize,
    /// Show removed boilerplate, dimmed.
    pub show_boilerplate: bool,
    /// Scroll the two readers together.
    pub scroll_lock: bool,
    /// Mouse captured by the app.
    pub mouse: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether the search index is ready.
    pub index_ready: bool,
    /// Places jumped from (for Ctrl-O) and back to (for Ctrl-I).
    pub jumps: JumpList,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// Keys → actions per mode.
    pub keymap: keymap::Keymap,
    /// The full-screen view shown (panes, compare, matrix).
    pub view: View,
    /// The compare view.
    pub compare: CompareState,
    /// The matrix view.
    pub matrix: MatrixState,
    /// The memo and its view.
    pub memo: memo::MemoState,
    /// How far the load has got, while the briefing loads.
    pub loading: Option<crate::pipeline::Progress>,
}

/// A place a reader was: which reader, article and scroll line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Reader index (0 or 1).
    pub reader: usize,
    /// The article.
    pub article: ArticleId,
    /// The first line shown.
    pub scroll: usize,
}

/// A vim-like jump list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl App {
    /// A new app on `briefing`, sized `width` × `height`.
    pub fn new(briefing: Arc<Briefing>, width: u16, height: u16) -> App {
        // the readers open the first two sources as listed (excerpts after their full story)
        let order = crate::ui::render::source_order(&briefing);
        let first = order.first().copied().unwrap_or(ArticleId(0));
        let second = order.get(1).copied().unwrap_or(first);
        let outline = OutlineState::new(&briefing);
        App {
            readers: [ReaderState::new(first), ReaderState::new(second)],
            briefing,
            focus: Focus::ReaderA,
            mode: Mode::Normal,
            source: first.index(),
            outline,
            search: SearchState::default(),
            help_scroll: 0,
            show_boilerplate: false,
            scroll_lock: false,
            mouse: true,
            size: (width, height),
            index_ready: false,
            jumps: JumpList::default(),
            message: None,
            keymap: keymap::Keymap::defaults(),
            view: View::Panes,
            compare: CompareState::default(),
            matrix: MatrixState::default(),
            memo: memo::MemoState::default(),
            loading: None,
        }
    }

    /// Applies one action; returns the side effect the runtime must carry out, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // a message stays until the user does something: workers' reports do not clear it
        if !action.is_internal() {
            self.message = None;
        }
        if self.briefing.articles.is_empty() && !action.works_while_loading() {
            return None;
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::ToggleHelp => self.toggle_help(),
            Action::OpenSearch => {
                self.mode = Mode::Search;
                self.search.reopened = !self.search.query.is_empty();
            }
            Action::CloseOverlay if self.mode == Mode::Note => self.cancel_note(),
            Action::CloseOverlay => self.mode = self.base_mode(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrevious => self.cycle_focus(-1),
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::HalfPageDown => self.move_by(self.page() / 2),
            Action::HalfPageUp => self.move_by(-(self.page() / 2)),
            Action::PageDown => self.move_by(self.page()),
            Action::PageUp => self.move_by(-self.page()),
            Action::GoTop => self.move_by(i32::MIN / 2),
            Action::GoBottom => self.move_by(i32::MAX / 2),
            Action::NextParagraph => self.paragraph_step(1),
            Action::PreviousParagraph => self.paragraph_step(-1),
            Action::Activate => return self.activate(),
            Action::OpenInOtherPane => self.open_in_other_pane(),
            Action::SwapPanes => self.swap(),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::NextMatch => self.step_match(1),
            Action::PreviousMatch => self.step_match(-1),
            Action::ShowPositions => self.show_tab(Tab::Positions),
            Action::ShowQuestions => self.show_tab(Tab::Questions),
            Action::ShowQuotes => self.show_tab(Tab::Quotes),
            Action::FilterQuotes => self.start_filter(),
            Action::Expand => self.outline.set_expanded(&self.briefing, true),
            Action::Collapse => self.outline.set_expanded(&self.briefing, false),
            Action::ToggleBoilerplate => self.show_boilerplate = !self.show_boilerplate,
            Action::ToggleScrollLock => self.scroll_lock = !self.scroll_lock,
            Action::ToggleMouse => return self.toggle_mouse(),
            Action::DeleteChar => return self.edit_query(|q| q.pop().map(|_| ())),
            Action::DeleteWord => return self.edit_query(delete_word),
            Action::Input(c) => {
                let replace = self.mode == Mode::Search && self.search.reopened;
                return self.edit_query(|q| {
                    if replace {
                        q.clear();
                    }
                    q.push(c);
                    Some(())
                });
            }
            Action::Resize(w, h) => self.resize(w, h),
            Action::Scroll(x, y, lines) => self.scroll_at(x, y, lines),
            Action::Click(x, y) => self.click(x, y),
            Action::SearchResults(query, hits) => self.search.receive(query, hits),
            Action::IndexReady => self.index_ready = true,
            Action::Loaded(briefing) => return self.replace_briefing(*briefing),
            Action::LoadFailed(message) => return Some(Effect::Fail(message)),
            Action::OpenCompare => self.open_compare(),
            Action::OpenMatrix => return self.open_matrix(),
            Action::PickSourceA => self.pick_source(false),
            Action::PickSourceB => self.pick_source(true),
            Action::CloseView => self.close_view(),
            Action::ToggleSort => return self.toggle_sort(),
            Action::NextTab => self.matrix.next_tab(),
            Action::MoveLeft => self.matrix.move_column(-1, self.size.0),
            Action::MoveRight => self.matrix.move_column(1, self.size.0),
            Action::MatrixReady(data) => self.matrix.receive(*data),
            Action::Pin => return self.pin(),
            Action::OpenMemo => self.open_memo(),
            Action::EditNote => self.edit_note(memo::NoteTarget::Pin(self.memo.selected)),
            Action::EditMemoNote => self.edit_note(memo::NoteTarget::Memo),
            Action::RemovePin => return self.remove_pin(),
            Action::MovePinUp => return self.shift_pin(-1),
            Action::MovePinDown => return self.shift_pin(1),
            Action::CycleGroup => return self.cycle_memo_group(),
            Action::ExportMemo => return self.export_memo(false),
            Action::Confirm if self.mode == Mode::Confirm => return self.export_memo(true),
            Action::Confirm => {}
            Action::Edit(edit) => self.apply_edit(edit),
            Action::AskOverwrite(path) => self.confirm_overwrite(path),
            Action::Progress(progress) => self.loading = Some(progress),
            Action::Reloaded(briefing) => return self.reload(*briefing),
            Action::Notice(message) => self.message = Some(message),
            Action::Resume(session) => return self.resume(&session),
        }
        None
    }

    /// Shows a newly loaded briefing from the top; the search index must be rebuilt.
    fn replace_briefing(&mut self, briefing: Briefing) -> Option<Effect> {
        let fresh = App::new(Arc::new(briefing), self.size.0, self.size.1);
        self.briefing = fresh.briefing;
        self.readers = fresh.readers;
        self.source = fresh.source;
        self.outline = fresh.outline;
        self.search = SearchState::default();
        self.index_ready = false;
        self.jumps = JumpList::default();
        (self.view, self.mode) = (View::Panes, Mode::Normal);
        (self.compare, self.matrix) = (CompareState::default(), MatrixState::default());
        Some(Effect::Index)
    }

    /// The briefing again, after its files changed: each reader keeps its article (by name)
    /// and the paragraph at its top (by text) where they still exist; the sources list keeps its
    /// selection by name.
    fn reload(&mut self, briefing: Briefing) -> Option<Effect> {
        let width = self.reader_width();
        let boilerplate = self.show_boilerplate;
        let places: Vec<(String, Option<String>, usize)> = self
            .readers
            .iter()
            .map(|r| {
                let top = r
                    .top_loc(&self.briefing, width, boilerplate)
                    .and_then(|loc| {
                        let article = self.briefing.articles.get(loc.article.index())?;
                        Some(article.paragraphs.get(loc.paragraph)?.text.clone())
                    });
                (self.briefing.article(r.article).name.clone(), top, r.scroll)
            })
            .collect();
        let selected = self
            .briefing
            .articles
            .get(self.source)
            .map(|a| a.name.clone());
        let effect = self.replace_briefing(briefing);
        let find = |name: &str| self.briefing.articles.iter().position(|a| a.name == name);
        if let Some(i) = selected.as_deref().and_then(find) {
            self.source = i;
        }
        for (k, (name, top, scroll)) in places.into_iter().enumerate() {
            let Some(i) = find(&name) else {
                continue; // the article is gone: the reader shows the default
            };
            let reader = &mut self.readers[k];
            *reader = ReaderState::new(ArticleId(i as u32));
            let article = &self.briefing.articles[i];
            let paragraph = top.and_then(|t| article.paragraphs.iter().position(|p| p.text == t));
            match paragraph {
                Some(paragraph) => reader.scroll_to(
                    &self.briefing,
                    Loc {
                        article: article.id,
                        paragraph,
                        span: crate::briefing::Span::new(0, 0),
                    },
                    width,
                    boilerplate,
                ),
                None => reader.scroll = scroll,
            }
            let last = reader::layout(&self.briefing, article, width, boilerplate).len();
            reader.scroll = reader.scroll.min(last.saturating_sub(1));
        }
        let orphans = self.memo.memo.reanchor(&self.briefing);
        self.memo.revision += 1;
        let orphans = match orphans {
            0 => String::new(),
            1 => "; 1 pin's text is gone (kept, flagged ⚠)".to_string(),
            n => format!("; {n} pins' text is gone (kept, flagged ⚠)"),
        };
        self.message = Some(format!(
            "files changed: reloaded {} articles{orphans}",
            self.briefing.articles.len()
        ));
        effect
    }

    /// A new terminal size: each reader keeps the text it showed at its top line.
    fn resize(&mut self, width: u16, height: u16) {
        let old_width = self.reader_width();
        let anchors: Vec<Option<Loc>> = self
            .readers
            .iter()
            .map(|r| r.top_loc(&self.briefing, old_width, self.show_boilerplate))
            .collect();
        self.size = (width, height);
        let new_width = self.reader_width();
        for (reader, anchor) in self.readers.iter_mut().zip(anchors) {
            if let Some(loc) = anchor {
                reader.scroll_to(&self.briefing, loc, new_width, self.show_boilerplate);
            }
        }
    }

    fn toggle_help(&mut self) {
        self.mode = if self.mode == Mode::Help {
            self.base_mode()
        } else {
            Mode::Help
        };
        self.help_scroll = 0;
    }

    /// The panes that exist at the current width, in focus order.
    pub fn panes(&self) -> Vec<Focus> {
        if self.is_wide() {
            vec![
                Focus::Sources,
                Focus::ReaderA,
                Focus::ReaderB,
                Focus::Outline,
            ]
        } else {
            vec![Focus::Sources, Focus::ReaderA, Focus::Outline]
        }
    }

    /// Two readers side by side (100 columns or more).
    pub fn is_wide(&self) -> bool {
        self.size.0 >= 100
    }

    fn cycle_focus(&mut self, step: i32) {
        let panes = self.panes();
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as i32;
        let next = (at + step).rem_euclid(panes.len() as i32) as usize;
        self.focus = panes[next];
    }

    /// Rows a reader shows at once (its page).
    pub fn page(&self) -> i32 {
        (crate::ui::layout::reader_height(self.size) as i32).max(1)
    }

    /// The width of a reader's text at the current size.
    pub fn reader_width(&self) -> u16 {
        crate::ui::layout::reader_text_width(self.size, self.is_wide())
    }

    fn reader_index(&self) -> Option<usize> {
        match self.focus {
            Focus::ReaderA => Some(0),
            Focus::ReaderB if self.is_wide() => Some(1),
            _ => None,
        }
    }

    /// The reader that jumps land in: the focused one, else the left one.
    pub fn target_reader(&self) -> usize {
        self.reader_index().unwrap_or(0)
    }

    fn move_by(&mut self, delta: i32) {
        match self.mode {
            Mode::Help => self.help_scroll = step(self.help_scroll, delta, usize::MAX / 4),
            Mode::Search => self.search.select_by(delta),
            Mode::Filter => {}
            Mode::Compare => self.compare_move(delta),
            Mode::Matrix => self.matrix.move_by(delta, self.size),
            Mode::Memo => self.memo.select_by(delta),
            Mode::Note | Mode::Confirm => {}
            Mode::Normal => match self.focus {
                Focus::Sources => {
                    self.source = step(
                        self.source,
                        delta,
                        self.briefing.articles.len().saturating_sub(1),
                    )
                }
                Focus::Outline => self.outline.select_by(delta),
                Focus::ReaderA | Focus::ReaderB => self.scroll_reader(self.target_reader(), delta),
            },
        }
    }

    fn scroll_reader(&mut self, r: usize, delta: i32) {
        let width = self.reader_width();
        let page = self.page() as usize;
        let show = self.show_boilerplate;
        self.readers[r].scroll_by(&self.briefing, width, page, delta, show);
        if self.scroll_lock {
            let other = 1 - r;
            self.readers[other].scroll_by(&self.briefing, width, page, delta, show);
        }
    }

    fn paragraph_step(&mut self, delta: i32) {
        if let Some(r) = self.reader_index() {
            let width = self.reader_width();
            self.readers[r].paragraph_step(&self.briefing, width, delta, self.show_boilerplate);
        }
    }

    fn activate(&mut self) -> Option<Effect> {
        match (self.mode, self.focus) {
            (Mode::Search, _) => {
                if let Some(hit) = self.search.selected_hit().cloned() {
                    (self.view, self.mode) = (View::Panes, Mode::Normal);
                    self.search.last_jump = Some(self.search.selected);
                    self.jump_to(hit.loc);
                }
            }
            (Mode::Filter, _) => self.mode = self.base_mode(),
            (Mode::Compare, _) => self.activate_compare(),
            (Mode::Matrix, _) => self.activate_matrix(),
            (Mode::Memo, _) => self.activate_pin(),
            (Mode::Note, _) => return self.commit_note(),
            (Mode::Confirm, _) => {}
            (_, Focus::Sources) => {
                let article = ArticleId(self.source as u32);
                let r = 0;
                self.remember(r);
                self.readers[r] = ReaderState::new(article);
                self.focus = Focus::ReaderA;
            }
            (_, Focus::Outline) => {
                if let Some(loc) = self.outline.activate(&self.briefing) {
                    self.jump_to(loc);
                }
            }
            _ => {}
        }
        None
    }

    /// Opens `loc` in the target reader, scrolled to it and highlighted; remembers where it was.
    pub fn jump_to(&mut self, loc: Loc) {
        let r = self.target_reader();
        self.remember(r);
        let width = self.reader_width();
        let page = self.page() as usize;
        self.readers[r].show(&self.briefing, loc, width, page, self.show_boilerplate);
        self.focus = if r == 0 {
            Focus::ReaderA
        } else {
            Focus::ReaderB
        };
    }

    fn remember(&mut self, r: usize) {
        let reader = &self.readers[r];
        self.jumps.back.push(Place {
            reader: r,
            article: reader.article,
            scroll: reader.scroll,
        });
        self.jumps.forward.clear();
    }

    fn jump_back(&mut self) {
        if let Some(place) = self.jumps.back.pop() {
            let current = &self.readers[place.reader];
            self.jumps.forward.push(Place {
                reader: place.reader,
                article: current.article,
                scroll: current.scroll,
            });
            self.restore(place);
        }
    }

    fn jump_forward(&mut self) {
        if let Some(place) = self.jumps.forward.pop() {
            let current = &self.readers[place.reader];
            self.jumps.back.push(Place {
                reader: place.reader,
                article: current.article,
                scroll: current.scroll,
            });
            self.restore(place);
        }
    }

    fn restore(&mut self, place: Place) {
        let reader = &mut self.readers[place.reader];
        reader.article = place.article;
        reader.scroll = place.scroll;
        reader.highlight = None;
        self.focus = if place.reader == 0 {
            Focus::ReaderA
        } else {
            Focus::ReaderB
        };
    }

    fn open_in_other_pane(&mut self) {
        let article = match self.focus {
            Focus::Sources => ArticleId(self.source as u32),
            Focus::ReaderB => self.readers[1].article,
            _ => self.readers[0].article,
        };
        let other = if self.focus == Focus::ReaderB { 0 } else { 1 };
        self.readers[other] = ReaderState::new(article);
        if !self.is_wide() {
            self.message = Some("two readers need 100 columns; Tab shows the other".into());
        }
    }

    /// n / N: the next search hit in the briefing after a search, else the next quotation of
    /// the article in the target reader.
    fn step_match(&mut self, delta: i32) {
        if let Some(loc) = self.search.step(delta) {
            let r = self.target_reader();
            let (width, page) = (self.reader_width(), self.page() as usize);
            self.readers[r].show(&self.briefing, loc, width, page, self.show_boilerplate);
            return;
        }
        let r = self.target_reader();
        let article = self.readers[r].article;
        let quotes: Vec<Loc> = self
            .briefing
            .quotes_of(article)
            .iter()
            .map(|q| q.at)
            .collect();
        if quotes.is_empty() {
            self.message = Some("no quotations in this article".into());
            return;
        }
        let current = self.readers[r].highlight;
        let at = current.and_then(|c| quotes.iter().position(|q| *q == c));
        let next = match at {
            Some(i) => (i as i32 + delta).rem_euclid(quotes.len() as i32) as usize,
            None if delta > 0 => 0,
            None => quotes.len() - 1,
        };
        let (width, page) = (self.reader_width(), self.page() as usize);
        self.readers[r].show(
            &self.briefing,
            quotes[next],
            width,
            page,
            self.show_boilerplate,
        );
    }

    fn show_tab(&mut self, tab: Tab) {
        self.outline.tab = tab;
        self.outline.selected = 0;
        self.focus = Focus::Outline;
    }

    fn start_filter(&mut self) {
        self.show_tab(Tab::Quotes);
        self.mode = Mode::Filter;
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String) -> Option<()>) -> Option<Effect> {
        match self.mode {
            Mode::Search => {
                edit(&mut self.search.query);
                self.search.reopened = false;
                self.search.selected = 0;
                Some(Effect::Search(self.search.query.clone()))
            }
            Mode::Filter => {
                edit(&mut self.outline.filter);
                self.outline.selected = 0;
                None
            }
            _ => None,
        }
    }

    fn toggle_mouse(&mut self) -> Option<Effect> {
        self.mouse = !self.mouse;
        self.message = Some(
            if self.mouse {
                "mouse captured"
            } else {
                "mouse released: select text natively, m to capture"
            }
            .into(),
        );
        Some(Effect::Mouse(self.mouse))
    }

    fn pane_at(&self, x: u16, y: u16) -> Option<Focus> {
        crate::ui::layout::panes(self.size, self.is_wide())
            .into_iter()
            .find(|(_, r)| r.contains((x, y).into()))
            .map(|(p, _)| p)
    }

    fn scroll_at(&mut self, x: u16, y: u16, lines: i32) {
        if self.view != View::Panes {
            return self.move_by(lines);
        }
        if let Some(pane) = self.pane_at(x, y) {
            let focus = self.focus;
            self.focus = pane;
            self.move_by(lines);
            self.focus = focus;
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        if self.view == View::Compare {
            let row = y.saturating_sub(1 + compare::HEADER_LINES) as usize;
            return self.compare.click(&self.briefing, row, self.view_width());
        }
        if self.view != View::Panes {
            return;
        }
        if let Some(pane) = self.pane_at(x, y) {
            self.focus = pane;
            let rects = crate::ui::layout::panes(self.size, self.is_wide());
            let top = rects
                .iter()
                .find(|(p, _)| *p == pane)
                .map_or(0, |(_, r)| r.y + 1);
            let row = y.saturating_sub(top) as usize;
            match pane {
                Focus::Sources => {
                    self.source = crate::ui::render::sources_row_to_index(&self.briefing, row)
                        .unwrap_or(self.source)
                }
                Focus::Outline => self.outline.click(row.saturating_sub(2)),
                _ => {}
            }
        }
    }
}

/// `value + delta`, clamped to `0..=max`.
pub fn step(value: usize, delta: i32, max: usize) -> usize {
    (value as i64 + delta as i64).clamp(0, max as i64) as usize
}

fn delete_word(query: &mut String) -> Option<()> {
    let trimmed = query.trim_end().len();
    query.truncate(trimmed);
    let cut = query.rfind(' ').map_or(0, |i| i + 1);
    query.truncate(cut);
    Some(())
}
