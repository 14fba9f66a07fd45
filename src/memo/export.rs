//! The memo written out: Markdown for people (the memo's note, the pins grouped, each with a
//! citation — outlet, title, date and paragraph number — quotations as block quotes with their
//! speaker, and the sources at the end) and JSON for scripts (the same content, structured).
//!
//! Writing a file is atomic (a temporary file beside it, flushed to disk, then renamed) and
//! never replaces an existing file unless asked to.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::briefing::Briefing;
use crate::memo::{Memo, Pin, PinKind, Status};

/// How the pins are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// In the order pinned (or as reordered), one list.
    #[default]
    Order,
    /// By speaker or actor (pins without one last, as "Other").
    Actor,
    /// By source article, in briefing order.
    Source,
}

impl GroupBy {
    /// The next grouping, for a key that cycles through them.
    pub fn next(self) -> GroupBy {
        match self {
            GroupBy::Order => GroupBy::Actor,
            GroupBy::Actor => GroupBy::Source,
            GroupBy::Source => GroupBy::Order,
        }
    }

    /// A short name ("order", "actor", "source").
    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Order => "order",
            GroupBy::Actor => "actor",
            GroupBy::Source => "source",
        }
    }
}

/// The source a pin cites, as the briefing describes it now (or as the pin recorded it, when
/// its article is gone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Outlet, if known.
    pub outlet: Option<String>,
    /// Title, if known.
    pub title: Option<String>,
    /// Date (YYYY-MM-DD), if known.
    pub date: Option<String>,
    /// The article's name.
    pub article: String,
    /// The article's path.
    pub path: String,
    /// Paragraph number, from 1.
    pub paragraph: usize,
}

impl Citation {
    /// The citation of `pin` in `briefing`.
    pub fn of(pin: &Pin, briefing: &Briefing) -> Citation {
        let article = briefing
            .articles
            .iter()
            .find(|a| a.name == pin.source.article);
        let meta = article.map(|a| &a.meta);
        Citation {
            outlet: meta.and_then(|m| m.source.clone()),
            title: meta.and_then(|m| m.title.clone()),
            date: meta.and_then(|m| m.date.clone()),
            article: pin.source.article.clone(),
            path: pin.source.path.clone(),
            paragraph: pin.source.paragraph + 1,
        }
    }

    /// "Outlet, “Title”, 2025-08-20, ¶3" (the article's name stands in for a missing title).
    pub fn inline(&self) -> String {
        let mut parts = Vec::new();
        parts.extend(self.outlet.clone());
        parts.push(format!(
            "“{}”",
            self.title.clone().unwrap_or_else(|| self.article.clone())
        ));
        parts.extend(self.date.clone());
        parts.push(format!("¶{}", self.paragraph));
        parts.join(", ")
    }
}

/// The memo as Markdown, pins grouped by `group`.
pub fn to_markdown(memo: &Memo, briefing: &Briefing, group: GroupBy) -> String {
    let mut out = String::from("# Memo\n\n");
    if !memo.note.trim().is_empty() {
        out.push_str(memo.note.trim());
        out.push_str("\n\n");
    }
    if memo.pins.is_empty() {
        out.push_str("_Nothing pinned yet._\n");
        return out;
    }
    for (heading, pins) in groups(memo, briefing, group) {
        if let Some(heading) = heading {
            out.push_str(&format!("## {heading}\n\n"));
        }
        for pin in pins {
            out.push_str(&item(pin, briefing));
            out.push('\n');
        }
    }
    out.push_str("## Sources\n\n");
    for (n, citation) in sources(memo, briefing).iter().enumerate() {
        let mut line = format!("{}. ", n + 1);
        if let Some(outlet) = &citation.outlet {
            line.push_str(&format!("{outlet}: "));
        }
        line.push_str(&format!(
            "“{}”",
            citation.title.as_deref().unwrap_or(&citation.article)
        ));
        if let Some(date) = &citation.date {
            line.push_str(&format!(", {date}"));
        }
        line.push_str(&format!(" (`{}`)\n", citation.path));
        out.push_str(&line);
    }
    out
}

/// One pin as Markdown: a block quote with its speaker for quotations, a list item otherwise;
/// its note, a flag if its text moved or vanished, and its citation.
fn item(pin: &Pin, briefing: &Briefing) -> String {
    let cite = Citation::of(pin, briefing).inline();
    let flag = match pin.status {
        Status::Anchored | Status::Moved => "",
        Status::Changed => " _(the source's wording has changed since this was pinned)_",
        Status::Orphaned => " _(no longer found in the source)_",
    };
    let note = if pin.note.trim().is_empty() {
        String::new()
    } else {
        format!("\n  Note: {}", pin.note.trim())
    };
    if pin.kind == PinKind::Quote {
        let who = pin.who.as_deref().unwrap_or("unattributed");
        let note = note.replace("\n  ", "\n\n");
        return format!("> “{}”\n>\n> — {who} ({cite}){flag}{note}\n", pin.text);
    }
    let lead = match (&pin.who, &pin.label) {
        (Some(who), Some(label)) => format!("**{who}** ({label}): "),
        (Some(who), None) => format!("**{who}**: "),
        (None, Some(label)) => format!("({label}) "),
        (None, None) => String::new(),
    };
    format!("- {lead}{} ({cite}){flag}{note}\n", pin.text)
}

/// The pins in groups: (heading, pins), in a stable order.
fn groups<'a>(
    memo: &'a Memo,
    briefing: &Briefing,
    group: GroupBy,
) -> Vec<(Option<String>, Vec<&'a Pin>)> {
    let key = |pin: &Pin| -> (usize, String) {
        match group {
            GroupBy::Order => (0, String::new()),
            GroupBy::Actor => match &pin.who {
                Some(who) => (0, who.clone()),
                None => (1, "Other".to_string()),
            },
            GroupBy::Source => {
                let index = briefing
                    .articles
                    .iter()
                    .position(|a| a.name == pin.source.article)
                    .unwrap_or(usize::MAX);
                (index, Citation::of(pin, briefing).inline_source())
            }
        }
    };
    let mut out: Vec<((usize, String), Vec<&Pin>)> = Vec::new();
    for pin in &memo.pins {
        let k = key(pin);
        match out.iter_mut().find(|(g, _)| *g == k) {
            Some((_, pins)) => pins.push(pin),
            None => out.push((k, vec![pin])),
        }
    }
    if group != GroupBy::Order {
        out.sort_by(|a, b| a.0.cmp(&b.0));
    }
    out.into_iter()
        .map(|((_, heading), pins)| ((group != GroupBy::Order).then_some(heading), pins))
        .collect()
}

impl Citation {
    /// "Outlet — Title" for a group heading.
    fn inline_source(&self) -> String {
        let title = self.title.clone().unwrap_or_else(|| self.article.clone());
        match &self.outlet {
            Some(outlet) => format!("{outlet} — {title}"),
            None => title,
        }
    }
}

/// The sources the pins cite, in order of first citation, each once.
fn sources(memo: &Memo, briefing: &Briefing) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for pin in &memo.pins {
        let c = Citation::of(pin, briefing);
        if !out
            .iter()
            .any(|o| o.article == c.article && o.path == c.path)
        {
            out.push(Citation { paragraph: 0, ..c });
        }
    }
    out
}

/// The memo as JSON: `{"note", "group", "pins": [{…pin, "citation"}], "sources"}`.
pub fn to_json(memo: &Memo, briefing: &Briefing, group: GroupBy) -> String {
    #[derive(Serialize)]
    struct Cited<'a> {
        #[serde(flatten)]
        pin: &'a Pin,
        citation: Citation,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        note: &'a str,
        group: GroupBy,
        pins: Vec<Cited<'a>>,
        sources: Vec<Citation>,
    }
    let pins = groups(memo, briefing, group)
        .into_iter()
        .flat_map(|(_, pins)| pins)
        .map(|pin| Cited {
            pin,
            citation: Citation::of(pin, briefing),
        })
        .collect();
    let doc = Doc {
        note: &memo.note,
        group,
        pins,
        sources: sources(memo, briefing),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string())
}

/// Why a memo could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file exists and overwriting was not asked for.
    #[error("{0} exists (use --force to replace it)")]
    Exists(String),
    /// The file system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// renamed over `path`. An existing `path` is kept unless `force`.
pub fn write_atomically(path: &Path, text: &str, force: bool) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.display().to_string(),
        source,
    };
    if !force && path.exists() {
        return Err(WriteError::Exists(path.display().to_string()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "memo".into());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if force {
            std::fs::rename(&temp, path)
        } else {
            // a hard link fails if `path` appeared meanwhile: never replace it silently
            std::fs::hard_link(&temp, path).and_then(|()| std::fs::remove_file(&temp))
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists(path.display().to_string())
        } else {
            io(e)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Article, ArticleId, Loc, Span};

    fn briefing() -> Briefing {
        let mut a = Article::from_texts(
            0,
            &["Intro.", "“We will not pay,” the mayor said. Rain fell."],
        );
        a.name = "herald".into();
        a.path = "b/herald.txt".into();
        a.meta.title = Some("Harbour plan dead".into());
        a.meta.source = Some("The Herald".into());
        a.meta.date = Some("2025-08-20".into());
        let mut b = Article::from_texts(1, &["Officials said the plan was costly."]);
        b.name = "wire".into();
        b.path = "b/wire.txt".into();
        Briefing {
            articles: vec![a, b],
            ..Briefing::default()
        }
    }

    fn memo(b: &Briefing) -> Memo {
        let quote = Pin::at(
            b,
            Loc {
                article: ArticleId(0),
                paragraph: 1,
                span: Span::new(3, 18),
            },
            PinKind::Quote,
        )
        .expect("pin")
        .by(Some("Ana Ruiz".into()));
        let mut sentence = Pin::at(
            b,
            Loc {
                article: ArticleId(1),
                paragraph: 0,
                span: Span::new(0, 35),
            },
            PinKind::Sentence,
        )
        .expect("pin");
        sentence.note = "Check the figure.".into();
        Memo {
            note: "What the sources say about the harbour.".into(),
            pins: vec![quote, sentence],
        }
    }

    #[test]
    fn the_markdown_cites_every_item_and_lists_the_sources() {
        let b = briefing();
        let md = to_markdown(&memo(&b), &b, GroupBy::Order);
        assert_eq!(
            md,
            "# Memo\n\nWhat the sources say about the harbour.\n\n\
             > “We will not pay”\n>\n> — Ana Ruiz (The Herald, “Harbour plan dead”, 2025-08-20, ¶2)\n\n\
             - Officials said the plan was costly. (“wire”, ¶1)\n  Note: Check the figure.\n\n\
             ## Sources\n\n\
             1. The Herald: “Harbour plan dead”, 2025-08-20 (`b/herald.txt`)\n\
             2. “wire” (`b/wire.txt`)\n"
        );
    }

    #[test]
    fn grouping_by_actor_and_by_source_heads_each_group() {
        let b = briefing();
        let md = to_markdown(&memo(&b), &b, GroupBy::Actor);
        let ruiz = md.find("## Ana Ruiz").expect("actor heading");
        let other = md.find("## Other").expect("other heading");
        assert!(ruiz < other, "{md}");
        let md = to_markdown(&memo(&b), &b, GroupBy::Source);
        assert!(md.contains("## The Herald — Harbour plan dead"), "{md}");
        assert!(md.contains("## wire"), "{md}");
    }

    #[test]
    fn orphans_are_flagged_not_dropped() {
        let b = briefing();
        let mut m = memo(&b);
        m.pins[1].status = Status::Orphaned;
        let md = to_markdown(&m, &b, GroupBy::Order);
        assert!(
            md.contains("costly. (“wire”, ¶1) _(no longer found in the source)_"),
            "{md}"
        );
    }

    #[test]
    fn the_json_carries_pins_with_citations() {
        let b = briefing();
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&memo(&b), &b, GroupBy::Order)).expect("json");
        assert_eq!(json["pins"][0]["who"], "Ana Ruiz");
        assert_eq!(json["pins"][0]["citation"]["paragraph"], 2);
        assert_eq!(json["pins"][1]["note"], "Check the figure.");
        assert_eq!(json["sources"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn an_existing_file_is_kept_unless_forced() {
        let dir = std::env::temp_dir().join(format!("parallax-memo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("memo.md");
        let _ = std::fs::remove_file(&path);
        write_atomically(&path, "one", false).expect("new file");
        assert!(matches!(
            write_atomically(&path, "two", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "one");
        write_atomically(&path, "three", true).expect("forced");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "three");
        let leftovers = std::fs::read_dir(&dir).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
        let _ = std::fs::remove_dir_all(dir);
    }
}
