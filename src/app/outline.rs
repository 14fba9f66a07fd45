//! The outline pane: tabs for positions (grouped by actor, expandable), open questions (by
//! topic) and quotations (by speaker, filterable), flattened into rows for display and selection.

use std::collections::BTreeSet;

use crate::briefing::{Briefing, Loc};
use crate::extract::ActorId;
use crate::outline::Outline;

/// Which list the outline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Positions by actor.
    Positions,
    /// Open questions by topic.
    Questions,
    /// Quotations by speaker.
    Quotes,
}

/// One display row of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Text shown.
    pub text: String,
    /// Where Enter jumps (items only).
    pub loc: Option<Loc>,
    /// A group header for this actor (positions tab), with whether it is expanded.
    pub group: Option<(ActorId, bool)>,
    /// The source article's short label, shown dimmed.
    pub source: String,
}

/// A row of the outline as indices: a group header (index into the outline's groups) or an
/// item (index into the briefing's positions, questions or quotations).
#[derive(Debug, Clone, Copy)]
enum Slot {
    Actor(usize),
    Position(usize),
    Topic(usize),
    Question(usize),
    Speaker(usize),
    Quote(usize),
}

/// The outline pane's state.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineState {
    /// The visible tab.
    pub tab: Tab,
    /// The selected row.
    pub selected: usize,
    /// Collapsed actor groups.
    pub collapsed: BTreeSet<ActorId>,
    /// Speaker filter of the quotations tab.
    pub filter: String,
    outline: Outline,
}

impl OutlineState {
    /// The outline of `briefing`, positions tab, every group expanded.
    pub fn new(briefing: &Briefing) -> OutlineState {
        OutlineState {
            tab: Tab::Positions,
            selected: 0,
            collapsed: BTreeSet::new(),
            filter: String::new(),
            outline: Outline::build(briefing),
        }
    }

    /// Every row of the current tab. Costs a formatted string per row: drawing and key
    /// handling use [`OutlineState::len`], [`OutlineState::row`] and [`OutlineState::window`],
    /// which format only the rows they return.
    pub fn rows(&self, briefing: &Briefing) -> Vec<Row> {
        self.window(briefing, 0, usize::MAX)
    }

    /// The number of rows of the current tab.
    pub fn len(&self) -> usize {
        self.slots().count()
    }

    /// Whether the current tab has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i` of the current tab.
    pub fn row(&self, briefing: &Briefing, i: usize) -> Option<Row> {
        self.window(briefing, i, 1).pop()
    }

    /// At most `count` rows of the current tab from row `first`: what a pane of `count` lines
    /// shows, built without formatting the thousands of rows above or below it.
    pub fn window(&self, briefing: &Briefing, first: usize, count: usize) -> Vec<Row> {
        self.slots()
            .skip(first)
            .take(count)
            .map(|slot| self.describe(briefing, slot))
            .collect()
    }

    fn is_open(&self, actor: ActorId) -> bool {
        !self.collapsed.contains(&actor)
    }

    /// The rows of the current tab as indices, cheap to count and skip.
    fn slots(&self) -> Box<dyn Iterator<Item = Slot> + '_> {
        match self.tab {
            Tab::Positions => Box::new(self.outline.actors.iter().enumerate().flat_map(
                move |(g, group)| {
                    let items = if self.is_open(group.actor) {
                        group.positions.as_slice()
                    } else {
                        &[]
                    };
                    std::iter::once(Slot::Actor(g)).chain(items.iter().map(|&i| Slot::Position(i)))
                },
            )),
            Tab::Questions => Box::new(self.outline.questions.iter().enumerate().flat_map(
                |(g, group)| {
                    std::iter::once(Slot::Topic(g))
                        .chain(group.questions.iter().map(|&i| Slot::Question(i)))
                },
            )),
            Tab::Quotes => {
                let filter = self.filter.to_lowercase();
                Box::new(
                    self.outline
                        .quotes
                        .iter()
                        .enumerate()
                        .filter(move |(_, g)| g.speaker.to_lowercase().contains(&filter))
                        .flat_map(|(g, group)| {
                            std::iter::once(Slot::Speaker(g))
                                .chain(group.quotes.iter().map(|&i| Slot::Quote(i)))
                        }),
                )
            }
        }
    }

    /// The display row of `slot`.
    fn describe(&self, briefing: &Briefing, slot: Slot) -> Row {
        let header = |text: String, group: Option<(ActorId, bool)>| Row {
            text,
            loc: None,
            group,
            source: String::new(),
        };
        let item = |text: String, loc: Loc| Row {
            text,
            loc: Some(loc),
            group: None,
            source: short_source(briefing, loc),
        };
        match slot {
            Slot::Actor(g) => {
                let group = &self.outline.actors[g];
                let name = &briefing.actors[group.actor.0 as usize].name;
                header(
                    format!("{name} ({})", group.positions.len()),
                    Some((group.actor, self.is_open(group.actor))),
                )
            }
            Slot::Position(i) => {
                let p = &briefing.positions[i];
                let topic = p
                    .topic
                    .as_deref()
                    .map(|t| format!(" · {t}"))
                    .unwrap_or_default();
                item(format!("{}{topic}", p.stance), p.at)
            }
            Slot::Topic(g) => header(self.outline.questions[g].topic.clone(), None),
            Slot::Question(i) => {
                let q = &briefing.questions[i];
                item(q.text.clone(), q.at)
            }
            Slot::Speaker(g) => header(self.outline.quotes[g].speaker.clone(), None),
            Slot::Quote(i) => {
                let q = &briefing.quotes[i];
                item(format!("“{}”", q.text), q.at)
            }
        }
    }

    /// Moves the selection by `delta` rows.
    pub fn select_by(&mut self, delta: i32) {
        let len = self.len();
        self.selected = crate::app::step(self.selected, delta, len.saturating_sub(1));
    }

    /// Selects row `row` (a click).
    pub fn click(&mut self, row: usize) {
        let len = self.len();
        if row < len {
            self.selected = row;
        }
    }

    /// Enter on the selected row: the location to jump to, or a group toggled.
    pub fn activate(&mut self, briefing: &Briefing) -> Option<Loc> {
        let row = self.row(briefing, self.selected)?;
        if let Some((actor, open)) = row.group {
            self.toggle(actor, !open);
        }
        row.loc
    }

    /// Expands (or collapses) the selected group, or the group of the selected item.
    pub fn set_expanded(&mut self, briefing: &Briefing, open: bool) {
        // the nearest group header at or above the selection
        let selected = self.selected.min(self.len().saturating_sub(1));
        let header = self
            .slots()
            .take(selected + 1)
            .enumerate()
            .filter(|(_, slot)| matches!(slot, Slot::Actor(_)))
            .last()
            .map(|(at, slot)| (at, self.describe(briefing, slot)));
        if let Some((at, row)) = header {
            if let Some((actor, _)) = row.group {
                self.toggle(actor, open);
                if !open {
                    self.selected = at;
                }
            }
        }
    }

    fn toggle(&mut self, actor: ActorId, open: bool) {
        if open {
            self.collapsed.remove(&actor);
        } else {
            self.collapsed.insert(actor);
        }
    }
}

/// "003 Atlantic Council": the article's id prefix and outlet, for citing in lists.
pub fn short_source(briefing: &Briefing, loc: Loc) -> String {
    let a = briefing.article(loc.article);
    let id = briefing.short_name(a.id);
    match &a.meta.source {
        Some(s) => format!("{id} {s}"),
        None => id.to_string(),
    }
}
