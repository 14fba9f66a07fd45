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

    /// The rows of the current tab.
    pub fn rows(&self, briefing: &Briefing) -> Vec<Row> {
        let source = |loc: Loc| short_source(briefing, loc);
        let mut rows = Vec::new();
        match self.tab {
            Tab::Positions => {
                for group in &self.outline.actors {
                    let open = !self.collapsed.contains(&group.actor);
                    let name = &briefing.actors[group.actor.0 as usize].name;
                    let text = format!("{name} ({})", group.positions.len());
                    rows.push(Row {
                        text,
                        loc: None,
                        group: Some((group.actor, open)),
                        source: String::new(),
                    });
                    if open {
                        for &i in &group.positions {
                            let p = &briefing.positions[i];
                            let topic = p
                                .topic
                                .as_deref()
                                .map(|t| format!(" · {t}"))
                                .unwrap_or_default();
                            rows.push(Row {
                                text: format!("{}{topic}", p.stance),
                                loc: Some(p.at),
                                group: None,
                                source: source(p.at),
                            });
                        }
                    }
                }
            }
            Tab::Questions => {
                for group in &self.outline.questions {
                    rows.push(Row {
                        text: group.topic.clone(),
                        loc: None,
                        group: None,
                        source: String::new(),
                    });
                    for &i in &group.questions {
                        let q = &briefing.questions[i];
                        rows.push(Row {
                            text: q.text.clone(),
                            loc: Some(q.at),
                            group: None,
                            source: source(q.at),
                        });
                    }
                }
            }
            Tab::Quotes => {
                let filter = self.filter.to_lowercase();
                for group in self
                    .outline
                    .quotes
                    .iter()
                    .filter(|g| g.speaker.to_lowercase().contains(&filter))
                {
                    rows.push(Row {
                        text: group.speaker.clone(),
                        loc: None,
                        group: None,
                        source: String::new(),
                    });
                    for &i in &group.quotes {
                        let q = &briefing.quotes[i];
                        rows.push(Row {
                            text: format!("“{}”", q.text),
                            loc: Some(q.at),
                            group: None,
                            source: source(q.at),
                        });
                    }
                }
            }
        }
        rows
    }

    /// Moves the selection by `delta` rows.
    pub fn select_by(&mut self, briefing: &Briefing, delta: i32) {
        let len = self.rows(briefing).len();
        self.selected = crate::app::step(self.selected, delta, len.saturating_sub(1));
    }

    /// Selects row `row` (a click).
    pub fn click(&mut self, briefing: &Briefing, row: usize) {
        let len = self.rows(briefing).len();
        if row < len {
            self.selected = row;
        }
    }

    /// Enter on the selected row: the location to jump to, or a group toggled.
    pub fn activate(&mut self, briefing: &Briefing) -> Option<Loc> {
        let row = self.rows(briefing).into_iter().nth(self.selected)?;
        if let Some((actor, open)) = row.group {
            self.toggle(actor, !open);
        }
        row.loc
    }

    /// Expands (or collapses) the selected group, or the group of the selected item.
    pub fn set_expanded(&mut self, briefing: &Briefing, open: bool) {
        let rows = self.rows(briefing);
        let header = rows[..=self.selected.min(rows.len().saturating_sub(1))]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.group.is_some());
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
    let id = a.name.get(..3).unwrap_or(&a.name);
    match &a.meta.source {
        Some(s) => format!("{id} {s}"),
        None => id.to_string(),
    }
}
