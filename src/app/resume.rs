//! The user's place as a [`Session`] (what [`crate::state`] saves) and back: articles by path or
//! name, scroll by the text at the top of each reader, clamped to what the briefing now holds.
//! Pure: the runtime reads and writes the file, and hands a loaded session in as
//! [`crate::app::Action::Resume`].

use crate::app::{App, Effect, Focus, ReaderState, Tab};
use crate::briefing::{Article, ArticleId, Briefing, Loc, Span};
use crate::state::{Anchor, ArticleRef, ReaderPlace, Session};

/// What a session is made of, cheap to compare: the runtime builds a [`Session`] only when
/// this changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    readers: [ReaderState; 2],
    focus: Focus,
    source: usize,
    search: String,
    tab: Tab,
    selected: usize,
    memo: u64,
}

impl App {
    /// The parts of the state a session remembers.
    pub fn mark(&self) -> Mark {
        Mark {
            readers: self.readers.clone(),
            focus: self.focus,
            source: self.source,
            search: self.search.query.clone(),
            tab: self.outline.tab,
            selected: self.outline.selected,
            memo: self.memo.revision,
        }
    }

    /// Where the user is, to save; `None` while nothing is loaded. `empty` carries the version
    /// and the briefing's paths ([`crate::state::StateFile::empty_session`]).
    pub fn session(&self, empty: Session) -> Option<Session> {
        let briefing = &self.briefing;
        if briefing.articles.is_empty() {
            return None;
        }
        let (width, boilerplate) = (self.reader_width(), self.show_boilerplate);
        let readers = self
            .readers
            .iter()
            .map(|r| ReaderPlace {
                article: article_ref(briefing.article(r.article)),
                scroll: r.scroll,
                top: r.top_loc(briefing, width, boilerplate).map(|loc| Anchor {
                    paragraph: loc.paragraph,
                    byte: loc.span.start,
                }),
            })
            .collect();
        Some(Session {
            focus: focus_name(self.focus).into(),
            source: briefing.articles.get(self.source).map(article_ref),
            readers,
            search: self.search.query.clone(),
            outline_tab: tab_name(self.outline.tab).into(),
            outline_selected: self.outline.selected,
            memo: self.memo.memo.clone(),
            memo_group: self.memo.group,
            ..empty
        })
    }

    /// Puts the user back where `session` says; what no longer exists is left as it is. Runs the
    /// remembered search, so its results are ready when the overlay opens.
    pub(crate) fn resume(&mut self, session: &Session) -> Option<Effect> {
        for (r, place) in session.readers.iter().enumerate().take(2) {
            self.resume_reader(r, place);
        }
        if let Some(a) = session
            .source
            .as_ref()
            .and_then(|s| find(&self.briefing, s))
        {
            self.source = a.index();
        }
        self.focus = match session.focus.as_str() {
            "sources" => Focus::Sources,
            "reader_b" if self.is_wide() => Focus::ReaderB,
            "outline" => Focus::Outline,
            _ => Focus::ReaderA,
        };
        self.outline.tab = match session.outline_tab.as_str() {
            "questions" => Tab::Questions,
            "quotes" => Tab::Quotes,
            _ => Tab::Positions,
        };
        self.outline.selected = session.outline_selected;
        self.outline.select_by(0);
        self.search.query.clone_from(&session.search);
        // the pins, found again in the briefing as it is now
        self.memo.memo = session.memo.clone();
        self.memo.group = session.memo_group;
        let orphans = self.memo.memo.reanchor(&self.briefing);
        if orphans > 0 {
            self.message = Some(format!(
                "{orphans} pinned text{} no longer in the briefing (kept, flagged ⚠ in the memo)",
                if orphans == 1 { " is" } else { "s are" }
            ));
        }
        (!session.search.is_empty()).then(|| Effect::Search(session.search.clone()))
    }

    fn resume_reader(&mut self, r: usize, place: &ReaderPlace) {
        let Some(article) = find(&self.briefing, &place.article) else {
            return;
        };
        let (width, page) = (self.reader_width(), self.page() as usize);
        let boilerplate = self.show_boilerplate;
        let reader = &mut self.readers[r];
        *reader = ReaderState::new(article);
        reader.scroll = place.scroll;
        if let Some(top) = place.top {
            let loc = Loc {
                article,
                paragraph: top.paragraph,
                span: Span::new(top.byte, top.byte),
            };
            reader.scroll_to(&self.briefing, loc, width, boilerplate);
        }
        // clamped so the last page stays full, as scrolling would
        reader.scroll_by(&self.briefing, width, page, 0, boilerplate);
    }
}

fn article_ref(article: &Article) -> ArticleRef {
    ArticleRef {
        name: article.name.clone(),
        path: article.path.clone(),
    }
}

/// The article at `r`'s path, else the one with its name.
fn find(briefing: &Briefing, r: &ArticleRef) -> Option<ArticleId> {
    let by_path = briefing.articles.iter().find(|a| a.path == r.path);
    by_path
        .or_else(|| briefing.articles.iter().find(|a| a.name == r.name))
        .map(|a| a.id)
}

fn focus_name(focus: Focus) -> &'static str {
    match focus {
        Focus::Sources => "sources",
        Focus::ReaderA => "reader_a",
        Focus::ReaderB => "reader_b",
        Focus::Outline => "outline",
    }
}

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Positions => "positions",
        Tab::Questions => "questions",
        Tab::Quotes => "quotes",
    }
}
