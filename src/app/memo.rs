//! The App's side of the memo: pinning what is under the cursor in any pane or view, the memo
//! view (pins listed in the chosen grouping, reordered, removed, each jumping back to its
//! source), the one-line note editor, and writing the memo out (with a confirmation before
//! replacing a file).
//!
//! Every change bumps [`MemoState::revision`], so the runtime saves the memo after each one
//! (nothing typed is lost, not even on `kill -9`).

use std::path::PathBuf;

use crate::app::compare::{Target, View};
use crate::app::line_edit::{Edit, LineEditor};
use crate::app::{App, Effect, Focus, Mode, Tab};
use crate::briefing::{Briefing, Loc, Span};
use crate::memo::export::GroupBy;
use crate::memo::{Memo, Pin, PinKind, Status};

/// Where the memo is written by default (the current folder).
pub const DEFAULT_OUT: &str = "memo.md";

/// What the note editor is editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteTarget {
    /// The note of pin `i`.
    Pin(usize),
    /// The note heading the memo.
    Memo,
}

/// The memo and its view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemoState {
    /// The memo.
    pub memo: Memo,
    /// How the view and the export group the pins.
    pub group: GroupBy,
    /// The selected pin (an index into `memo.pins`).
    pub selected: usize,
    /// The note being edited, if any.
    pub editing: Option<(NoteTarget, LineEditor)>,
    /// Bumped on every change, so the runtime knows to save.
    pub revision: u64,
    /// Where the memo is written.
    pub out: Option<PathBuf>,
}

impl MemoState {
    /// The pins in the order the view lists them (the grouping's order), as indices.
    pub fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.memo.pins.len()).collect();
        let pins = &self.memo.pins;
        match self.group {
            GroupBy::Order => {}
            GroupBy::Actor => order.sort_by(|&a, &b| {
                let key = |p: &Pin| (p.who.is_none(), p.who.clone().unwrap_or_default());
                key(&pins[a]).cmp(&key(&pins[b])).then(a.cmp(&b))
            }),
            GroupBy::Source => order.sort_by(|&a, &b| {
                pins[a]
                    .source
                    .article
                    .cmp(&pins[b].source.article)
                    .then(a.cmp(&b))
            }),
        }
        order
    }

    /// The heading of pin `i`'s group in the current grouping (None in pinned order).
    pub fn heading(&self, i: usize) -> Option<String> {
        let pin = self.memo.pins.get(i)?;
        match self.group {
            GroupBy::Order => None,
            GroupBy::Actor => Some(pin.who.clone().unwrap_or_else(|| "Other".into())),
            GroupBy::Source => Some(pin.source.article.clone()),
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    /// Moves the selection by `delta` in the listed order.
    pub fn select_by(&mut self, delta: i32) {
        let order = self.order();
        let Some(at) = order.iter().position(|&i| i == self.selected) else {
            self.selected = order.first().copied().unwrap_or(0);
            return;
        };
        let to = crate::app::step(at, delta, order.len().saturating_sub(1));
        self.selected = order[to];
    }
}

impl App {
    /// `p`: pins what is under the cursor — the highlighted or top sentence of the focused
    /// reader, the selected outline item, search hit, compare row or matrix sentence.
    pub(super) fn pin(&mut self) -> Option<Effect> {
        let found = match (self.mode, self.focus) {
            (Mode::Search, _) => self.search.selected_hit().map(|h| (h.loc, None)),
            (Mode::Compare, _) => self.compare_pin_loc(),
            (Mode::Matrix, _) => self.matrix.selected_loc(&self.briefing).map(|l| (l, None)),
            (_, Focus::Outline) => self.outline_pin_loc(),
            (_, Focus::ReaderA) => self.reader_pin_loc(0).map(|l| (l, None)),
            (_, Focus::ReaderB) => self.reader_pin_loc(1).map(|l| (l, None)),
            (_, Focus::Sources) => None,
        };
        let Some((loc, kind)) = found else {
            self.message = Some("nothing to pin here: select a sentence, item or row".into());
            return None;
        };
        let Some(pin) = pin_at(&self.briefing, loc, kind) else {
            self.message = Some("nothing to pin here".into());
            return None;
        };
        let before = self.memo.memo.pins.len();
        let index = self.memo.memo.add(pin);
        self.memo.selected = index;
        if self.memo.memo.pins.len() == before {
            self.message = Some("already pinned".into());
            return None;
        }
        self.memo.changed();
        self.message = Some(format!(
            "pinned ({} in the memo): M shows it, e adds a note",
            self.memo.memo.pins.len()
        ));
        Some(Effect::SaveMemo)
    }

    /// The sentence to pin in reader `r`: the one jumped to, else the first at its top line.
    fn reader_pin_loc(&self, r: usize) -> Option<Loc> {
        let reader = &self.readers[r];
        if let Some(loc) = reader.highlight {
            return Some(loc);
        }
        // the first line of text at or below the top (the title and byline come first)
        let article = self.briefing.article(reader.article);
        let lines = crate::app::reader::layout(
            &self.briefing,
            article,
            self.reader_width(),
            self.show_boilerplate,
        );
        let top = lines
            .iter()
            .skip(reader.scroll)
            .find_map(|line| match line {
                crate::app::reader::LineKind::Text {
                    paragraph, start, ..
                } => Some(Loc {
                    article: reader.article,
                    paragraph: *paragraph,
                    span: Span::new(*start, *start),
                }),
                _ => None,
            })?;
        sentence_at(&self.briefing, top)
    }

    fn outline_pin_loc(&self) -> Option<(Loc, Option<PinKind>)> {
        let row = self.outline.row(&self.briefing, self.outline.selected)?;
        let kind = match self.outline.tab {
            Tab::Positions => PinKind::Position,
            Tab::Questions => PinKind::Question,
            Tab::Quotes => PinKind::Quote,
        };
        Some((row.loc?, Some(kind)))
    }

    fn compare_pin_loc(&self) -> Option<(Loc, Option<PinKind>)> {
        let (a, b) = self.compare.targets(&self.briefing)?;
        let loc = match (a, b) {
            (Target::At(loc), _) | (_, Target::At(loc)) => loc,
            _ => return None,
        };
        Some((loc, Some(PinKind::CompareRow)))
    }

    /// `M`: the memo view.
    pub(super) fn open_memo(&mut self) {
        if self.view == View::Memo {
            return self.close_memo();
        }
        self.view = View::Memo;
        self.mode = Mode::Memo;
        if self.memo.memo.pins.len() <= self.memo.selected {
            self.memo.selected = 0;
        }
    }

    pub(super) fn close_memo(&mut self) {
        self.view = View::Panes;
        self.mode = Mode::Normal;
    }

    /// Moves the selected pin one place up or down (pinned order; other groupings switch to it).
    pub(super) fn shift_pin(&mut self, delta: isize) -> Option<Effect> {
        if self.memo.memo.pins.is_empty() {
            return None;
        }
        if self.memo.group != GroupBy::Order {
            self.memo.group = GroupBy::Order;
            self.message = Some("reordering works in pinned order: grouping set to order".into());
        }
        self.memo.selected = self.memo.memo.shift(self.memo.selected, delta);
        self.memo.changed();
        Some(Effect::SaveMemo)
    }

    pub(super) fn remove_pin(&mut self) -> Option<Effect> {
        let removed = self.memo.memo.remove(self.memo.selected)?;
        self.memo.selected = self
            .memo
            .selected
            .min(self.memo.memo.pins.len().saturating_sub(1));
        self.memo.changed();
        self.message = Some(format!("unpinned “{}”", clip(&removed.text, 40)));
        Some(Effect::SaveMemo)
    }

    pub(super) fn cycle_memo_group(&mut self) -> Option<Effect> {
        self.memo.group = self.memo.group.next();
        self.memo.changed();
        self.message = Some(format!("grouped by {}", self.memo.group.label()));
        Some(Effect::SaveMemo)
    }

    /// Enter in the memo view: the reader at the pin's text (re-anchored), via the jump list.
    pub(super) fn activate_pin(&mut self) {
        let Some(pin) = self.memo.memo.pins.get(self.memo.selected) else {
            return;
        };
        match crate::memo::anchor::anchor(pin, &self.briefing) {
            Some((loc, status)) => {
                self.close_memo();
                self.focus = Focus::ReaderA;
                self.jump_to(loc);
                if status == Status::Changed {
                    self.message = Some("the source's wording has changed since the pin".into());
                }
            }
            None => {
                self.message = Some("this pin's text is no longer in the briefing".into());
            }
        }
    }

    /// Starts editing a note: the selected pin's, or the memo's.
    pub(super) fn edit_note(&mut self, target: NoteTarget) {
        let text = match target {
            NoteTarget::Pin(i) => match self.memo.memo.pins.get(i) {
                Some(pin) => pin.note.clone(),
                None => return,
            },
            NoteTarget::Memo => self.memo.memo.note.clone(),
        };
        self.memo.editing = Some((target, LineEditor::new(&text)));
        self.mode = Mode::Note;
    }

    pub(super) fn apply_edit(&mut self, edit: Edit) {
        if let Some((_, editor)) = &mut self.memo.editing {
            editor.apply(edit);
        }
    }

    /// Enter in the note editor: keeps the note.
    pub(super) fn commit_note(&mut self) -> Option<Effect> {
        let (target, editor) = self.memo.editing.take()?;
        self.mode = self.base_mode();
        let text = editor.text().trim().to_string();
        match target {
            NoteTarget::Pin(i) => self.memo.memo.pins.get_mut(i)?.note = text,
            NoteTarget::Memo => self.memo.memo.note = text,
        }
        self.memo.changed();
        Some(Effect::SaveMemo)
    }

    /// Esc in the note editor: the note stays as it was.
    pub(super) fn cancel_note(&mut self) {
        self.memo.editing = None;
        self.mode = self.base_mode();
    }

    /// `w`: writes the memo as Markdown (asking first if the file exists).
    pub(super) fn export_memo(&mut self, force: bool) -> Option<Effect> {
        let path = self
            .memo
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_OUT));
        let text =
            crate::memo::export::to_markdown(&self.memo.memo, &self.briefing, self.memo.group);
        self.mode = self.base_mode();
        Some(Effect::WriteMemo { path, text, force })
    }

    /// The runtime found the file exists: ask before replacing it.
    pub(super) fn confirm_overwrite(&mut self, path: PathBuf) {
        self.message = Some(format!("{} exists: replace it? y/n", path.display()));
        self.memo.out = Some(path);
        self.mode = Mode::Confirm;
    }
}

/// A pin of the item at `loc`: the quotation, position or question there (with its speaker,
/// actor, stance or topic), else the sentence holding `loc`. `kind` overrides what it is
/// recorded as (a compare row).
pub fn pin_at(briefing: &Briefing, loc: Loc, kind: Option<PinKind>) -> Option<Pin> {
    let pin = if let Some(q) = briefing.quotes.iter().find(|q| q.at == loc) {
        Pin::at(briefing, loc, PinKind::Quote)?.by(q.speaker.clone())
    } else if let Some(p) = briefing.positions.iter().find(|p| p.at == loc) {
        let actor = briefing
            .actors
            .get(p.actor.0 as usize)
            .map(|a| a.name.clone());
        let label = match &p.topic {
            Some(topic) => format!("{} · {topic}", p.stance),
            None => p.stance.clone(),
        };
        Pin::at(briefing, loc, PinKind::Position)?
            .by(actor)
            .labelled(Some(label))
    } else if let Some(q) = briefing.questions.iter().find(|q| q.at == loc) {
        Pin::at(briefing, loc, PinKind::Question)?.labelled(q.topic.clone())
    } else {
        let sentence = sentence_at(briefing, loc).unwrap_or(loc);
        Pin::at(briefing, sentence, PinKind::Sentence)?
    };
    Some(match kind {
        Some(PinKind::CompareRow) => Pin {
            kind: PinKind::CompareRow,
            ..pin
        },
        _ => pin,
    })
}

/// The sentence holding the start of `loc`.
pub fn sentence_at(briefing: &Briefing, loc: Loc) -> Option<Loc> {
    let article = briefing.articles.get(loc.article.index())?;
    let paragraph = article.paragraphs.get(loc.paragraph)?;
    let sentence = paragraph
        .sentences
        .iter()
        .find(|s| s.end > loc.span.start)
        .or(paragraph.sentences.last())?;
    Some(Loc {
        span: Span::new(sentence.start, sentence.end),
        ..loc
    })
}

/// `text` cut to `n` characters, with an ellipsis if cut.
pub fn clip(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
