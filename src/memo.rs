//! The memo: what the reader pinned while reading (sentences, quotations, positions, open
//! questions, compare rows), each with an optional note, and a note heading the whole memo.
//!
//! A pin keeps everything needed to find its text again after the article is re-scraped or
//! edited, as web annotation tools do: the text itself, the words just before and after it, and
//! where it was (article name and path, paragraph, byte span). [`anchor`] re-finds it: at the
//! same place, elsewhere in the article (moved), approximately (changed), or not at all
//! (orphaned: kept with its text, never dropped). [`export`] writes the memo as cited Markdown
//! or JSON.

pub mod anchor;
pub mod export;

use serde::{Deserialize, Serialize};

use crate::briefing::{Briefing, Loc};

/// Characters of context kept on each side of a pinned text.
pub const CONTEXT: usize = 48;

/// What was pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PinKind {
    /// A sentence of an article.
    Sentence,
    /// A quotation.
    Quote,
    /// A position: an actor's stance.
    Position,
    /// An open question.
    Question,
    /// A row of a two-source comparison (its first sentence is the anchor).
    CompareRow,
}

/// Where a pin's text was when it was pinned (or last re-anchored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The article's name (file name without extension).
    pub article: String,
    /// The article's path.
    pub path: String,
    /// Paragraph index (0-based; citations print it 1-based).
    pub paragraph: usize,
    /// Byte offsets of the text in the paragraph.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// How a pin relates to the briefing now loaded (see [`anchor::anchor`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The text is where it was.
    #[default]
    Anchored,
    /// The same text, found elsewhere (another paragraph or offset).
    Moved,
    /// A close variant of the text was found; the pin keeps the words it was pinned with.
    Changed,
    /// The text is gone: the pin is kept, with its text, as an orphan.
    Orphaned,
}

/// One pinned item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pin {
    /// What it is.
    pub kind: PinKind,
    /// The text as pinned: the sentence or quotation.
    pub text: String,
    /// The speaker of a quotation or the actor of a position.
    pub who: Option<String>,
    /// A stance label (positions) or topic, shown beside the text.
    pub label: Option<String>,
    /// Where it was.
    pub source: Source,
    /// Up to [`CONTEXT`] characters before the text in its paragraph.
    pub before: String,
    /// Up to [`CONTEXT`] characters after it.
    pub after: String,
    /// The user's note on it.
    pub note: String,
    /// How it relates to the loaded briefing.
    #[serde(default)]
    pub status: Status,
}

/// Every pin, in the user's order, and the note heading the memo.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Memo {
    /// The note heading the memo.
    pub note: String,
    /// The pins, in the user's order.
    pub pins: Vec<Pin>,
}

impl Pin {
    /// A pin of the text at `loc` in `briefing` (None if `loc` is not in it or is empty).
    pub fn at(briefing: &Briefing, loc: Loc, kind: PinKind) -> Option<Pin> {
        let article = briefing.articles.get(loc.article.index())?;
        let paragraph = &article.paragraphs.get(loc.paragraph)?.text;
        let text = paragraph.get(loc.span.start..loc.span.end)?.trim();
        if text.is_empty() {
            return None;
        }
        Some(Pin {
            kind,
            text: text.to_string(),
            who: None,
            label: None,
            source: Source {
                article: article.name.clone(),
                path: article.path.clone(),
                paragraph: loc.paragraph,
                start: loc.span.start,
                end: loc.span.end,
            },
            before: tail_chars(&paragraph[..loc.span.start], CONTEXT).to_string(),
            after: head_chars(&paragraph[loc.span.end..], CONTEXT).to_string(),
            note: String::new(),
            status: Status::Anchored,
        })
    }

    /// The same pin with its speaker or actor.
    pub fn by(mut self, who: Option<String>) -> Pin {
        self.who = who;
        self
    }

    /// The same pin with a stance or topic label.
    pub fn labelled(mut self, label: Option<String>) -> Pin {
        self.label = label;
        self
    }
}

impl Memo {
    /// Adds `pin` at the end, unless the same text at the same place is pinned already; returns
    /// its index.
    pub fn add(&mut self, pin: Pin) -> usize {
        if let Some(i) = self
            .pins
            .iter()
            .position(|p| p.text == pin.text && p.source == pin.source && p.kind == pin.kind)
        {
            return i;
        }
        self.pins.push(pin);
        self.pins.len() - 1
    }

    /// Moves pin `i` by `delta` places (clamped); returns its new index.
    pub fn shift(&mut self, i: usize, delta: isize) -> usize {
        if i >= self.pins.len() {
            return i;
        }
        let to = i
            .saturating_add_signed(delta)
            .min(self.pins.len().saturating_sub(1));
        let pin = self.pins.remove(i);
        self.pins.insert(to, pin);
        to
    }

    /// Removes pin `i`, returning it.
    pub fn remove(&mut self, i: usize) -> Option<Pin> {
        (i < self.pins.len()).then(|| self.pins.remove(i))
    }

    /// Re-anchors every pin against `briefing` (see [`anchor::anchor`]), updating its place and
    /// status; returns how many are orphaned.
    pub fn reanchor(&mut self, briefing: &Briefing) -> usize {
        for pin in &mut self.pins {
            anchor::reanchor(pin, briefing);
        }
        self.pins
            .iter()
            .filter(|p| p.status == Status::Orphaned)
            .count()
    }
}

/// The last `n` characters of `text`.
fn tail_chars(text: &str, n: usize) -> &str {
    let at = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 {
        return "";
    }
    &text[at..]
}

/// The first `n` characters of `text`.
fn head_chars(text: &str, n: usize) -> &str {
    let at = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..at]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Article, ArticleId, Span};

    fn briefing() -> Briefing {
        let article = Article::from_texts(
            0,
            &["The council met. The mayor said the harbour plan was dead. Then it rained."],
        );
        Briefing {
            articles: vec![article],
            ..Briefing::default()
        }
    }

    fn loc(start: usize, end: usize) -> Loc {
        Loc {
            article: ArticleId(0),
            paragraph: 0,
            span: Span::new(start, end),
        }
    }

    #[test]
    fn a_pin_keeps_its_text_place_and_the_words_around_it() {
        let b = briefing();
        let pin = Pin::at(&b, loc(17, 58), PinKind::Sentence).expect("pin");
        assert_eq!(pin.text, "The mayor said the harbour plan was dead.");
        assert_eq!(pin.before, "The council met. ");
        assert_eq!(pin.after, " Then it rained.");
        assert_eq!((pin.source.paragraph, pin.source.start), (0, 17));
        assert!(Pin::at(&b, loc(3, 3), PinKind::Sentence).is_none());
        assert!(Pin::at(&b, loc(0, 999), PinKind::Sentence).is_none());
    }

    #[test]
    fn context_is_cut_on_character_boundaries() {
        assert_eq!(tail_chars("añob", 2), "ob");
        assert_eq!(tail_chars("añob", 3), "ñob");
        assert_eq!(tail_chars("ab", 9), "ab");
        assert_eq!(head_chars("ñab", 1), "ñ");
        assert_eq!(head_chars("ab", 9), "ab");
        assert_eq!(tail_chars("ab", 0), "");
    }

    #[test]
    fn pinning_twice_keeps_one_pin_and_reordering_moves_it() {
        let b = briefing();
        let mut memo = Memo::default();
        let first = Pin::at(&b, loc(0, 16), PinKind::Sentence).expect("pin");
        let second = Pin::at(&b, loc(17, 58), PinKind::Sentence).expect("pin");
        assert_eq!(memo.add(first.clone()), 0);
        assert_eq!(memo.add(second.clone()), 1);
        assert_eq!(memo.add(first.clone()), 0);
        assert_eq!(memo.pins.len(), 2);
        assert_eq!(memo.shift(1, -1), 0);
        assert_eq!(memo.pins[0], second);
        assert_eq!(memo.shift(0, 5), 1);
        assert_eq!(memo.pins[1], second);
        assert_eq!(memo.remove(0), Some(first));
        assert_eq!(memo.remove(4), None);
    }
}
