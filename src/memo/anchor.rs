//! Finding a pin's text again in a briefing that may have changed since it was pinned (the
//! article re-scraped, edited, renamed), in the spirit of the W3C text-quote selector:
//!
//! 1. the exact text in its article: among several occurrences, the one whose surrounding words
//!    best match the recorded context, then the nearest to the recorded place — anchored if
//!    that is the recorded place, moved otherwise;
//! 2. failing that, the exact text in another article (renamed, split): moved;
//! 3. the sentence of its article most like the pinned text (word overlap, Dice coefficient at
//!    least [`MIN_LIKENESS`]): changed — the pin keeps the words it was pinned with;
//! 4. nothing: orphaned, kept with its text and last place.

use std::collections::HashMap;

use crate::briefing::{Article, Briefing, Loc, Span};
use crate::memo::{head_chars, tail_chars, Pin, Status, CONTEXT};

/// The least word overlap (Dice coefficient, 0–1) for a sentence to count as the pinned text
/// changed rather than gone.
pub const MIN_LIKENESS: f32 = 0.6;

/// Where `pin`'s text is in `briefing` now, and how it was found; `None` if it is gone.
pub fn anchor(pin: &Pin, briefing: &Briefing) -> Option<(Loc, Status)> {
    let home = briefing
        .articles
        .iter()
        .find(|a| a.name == pin.source.article)
        .or_else(|| briefing.articles.iter().find(|a| a.path == pin.source.path));
    if let Some(article) = home {
        if let Some(loc) = best_occurrence(pin, std::slice::from_ref(article)) {
            // the recorded place wins ties, and is only left for better context
            let stayed =
                loc.paragraph == pin.source.paragraph && loc.span.start == pin.source.start;
            return Some((
                loc,
                if stayed {
                    Status::Anchored
                } else {
                    Status::Moved
                },
            ));
        }
    }
    if let Some(loc) = best_occurrence(pin, &briefing.articles) {
        return Some((loc, Status::Moved));
    }
    let article = home?;
    most_alike(pin, article).map(|loc| (loc, Status::Changed))
}

/// Re-anchors `pin`: its place and context follow the text; its status says how it was found.
/// An orphan keeps its last place.
pub fn reanchor(pin: &mut Pin, briefing: &Briefing) {
    let Some((loc, status)) = anchor(pin, briefing) else {
        pin.status = Status::Orphaned;
        return;
    };
    pin.status = status;
    let article = &briefing.articles[loc.article.index()];
    let paragraph = &article.paragraphs[loc.paragraph].text;
    pin.source.article = article.name.clone();
    pin.source.path = article.path.clone();
    pin.source.paragraph = loc.paragraph;
    pin.source.start = loc.span.start;
    pin.source.end = loc.span.end;
    if status != Status::Changed {
        pin.before = tail_chars(&paragraph[..loc.span.start], CONTEXT).to_string();
        pin.after = head_chars(&paragraph[loc.span.end..], CONTEXT).to_string();
    }
}

/// Every exact occurrence of the pinned text in `articles`, the best by context, then by
/// nearness to the recorded paragraph, then in reading order.
fn best_occurrence(pin: &Pin, articles: &[Article]) -> Option<Loc> {
    let mut best: Option<((usize, usize), Loc)> = None;
    for article in articles {
        for (p, paragraph) in article.paragraphs.iter().enumerate() {
            let text = &paragraph.text;
            for (at, _) in text.match_indices(pin.text.as_str()) {
                let end = at + pin.text.len();
                let context = common_suffix(&text[..at], &pin.before)
                    + common_prefix(&text[end..], &pin.after);
                let distance =
                    p.abs_diff(pin.source.paragraph) * 1_000_000 + at.abs_diff(pin.source.start);
                // more context first, then nearer
                let rank = (context, usize::MAX - distance);
                if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                    let loc = Loc {
                        article: article.id,
                        paragraph: p,
                        span: Span::new(at, end),
                    };
                    best = Some((rank, loc));
                }
            }
        }
    }
    best.map(|(_, loc)| loc)
}

/// The sentence of `article` most like the pinned text, if alike enough.
fn most_alike(pin: &Pin, article: &Article) -> Option<Loc> {
    let pinned = word_counts(&pin.text);
    let mut best: Option<(f32, Loc)> = None;
    for (loc, sentence) in article.sentences() {
        let score = dice(&pinned, &word_counts(sentence));
        if score >= MIN_LIKENESS && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, loc));
        }
    }
    best.map(|(_, loc)| loc)
}

/// Lower-cased words and how often each occurs.
fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_default() += 1;
    }
    counts
}

/// Twice the shared words over all words (multiset Dice coefficient, 0–1).
fn dice(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> f32 {
    let total: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
    if total == 0 {
        return 0.0;
    }
    let shared: usize = a
        .iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum();
    2.0 * shared as f32 / total as f32
}

/// Characters `a` and `b` share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Characters `a` and `b` share at their starts.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::ArticleId;
    use crate::memo::PinKind;

    fn briefing(paragraphs: &[&str]) -> Briefing {
        let mut article = Article::from_texts(0, paragraphs);
        article.name = "story".into();
        article.path = "briefing/story.txt".into();
        Briefing {
            articles: vec![article],
            ..Briefing::default()
        }
    }

    fn pin_of(b: &Briefing, paragraph: usize, text: &str) -> Pin {
        let start = b.articles[0].paragraphs[paragraph]
            .text
            .find(text)
            .expect("text present");
        let loc = Loc {
            article: ArticleId(0),
            paragraph,
            span: Span::new(start, start + text.len()),
        };
        Pin::at(b, loc, PinKind::Sentence).expect("pin")
    }

    const SAID: &str = "The mayor said the harbour plan was dead.";

    #[test]
    fn a_pin_in_place_stays_anchored() {
        let b = briefing(&["The council met.", &format!("{SAID} Then it rained.")]);
        let mut pin = pin_of(&b, 1, SAID);
        reanchor(&mut pin, &b);
        assert_eq!(pin.status, Status::Anchored);
        assert_eq!(pin.source.paragraph, 1);
    }

    #[test]
    fn a_pin_whose_paragraph_moved_is_found_and_marked_moved() {
        let before = briefing(&["The council met.", &format!("{SAID} Then it rained.")]);
        let mut pin = pin_of(&before, 1, SAID);
        let after = briefing(&[
            "A new opening paragraph was added by the editors.",
            "The council met.",
            &format!("Rain fell. {SAID} Then it rained."),
        ]);
        reanchor(&mut pin, &after);
        assert_eq!(pin.status, Status::Moved);
        assert_eq!(pin.source.paragraph, 2);
        let text = &after.articles[0].paragraphs[2].text[pin.source.start..pin.source.end];
        assert_eq!(text, SAID);
    }

    #[test]
    fn of_two_occurrences_the_one_with_the_recorded_context_wins() {
        let before = briefing(&[&format!("On Monday: {SAID}"), &format!("On Friday: {SAID}")]);
        let mut pin = pin_of(&before, 1, SAID);
        let after = briefing(&[
            "Preface.",
            &format!("On Monday: {SAID}"),
            &format!("On Friday: {SAID}"),
        ]);
        reanchor(&mut pin, &after);
        assert_eq!((pin.status, pin.source.paragraph), (Status::Moved, 2));
    }

    #[test]
    fn an_edited_sentence_is_found_as_changed_and_keeps_the_pinned_words() {
        let before = briefing(&[&format!("{SAID} Then it rained.")]);
        let mut pin = pin_of(&before, 0, SAID);
        let after =
            briefing(&["The mayor said on Monday that the harbour plan was dead. Then it rained."]);
        reanchor(&mut pin, &after);
        assert_eq!(pin.status, Status::Changed);
        assert_eq!(pin.text, SAID);
        assert_eq!(pin.source.start, 0);
    }

    #[test]
    fn a_vanished_sentence_is_an_orphan_that_keeps_its_text_and_place() {
        let before = briefing(&["The council met.", &format!("{SAID} Then it rained.")]);
        let mut pin = pin_of(&before, 1, SAID);
        let after = briefing(&["The council met.", "Nothing else happened at all."]);
        reanchor(&mut pin, &after);
        assert_eq!(pin.status, Status::Orphaned);
        assert_eq!(pin.text, SAID);
        assert_eq!(pin.source.paragraph, 1);
    }

    #[test]
    fn a_renamed_article_is_found_by_its_text() {
        let before = briefing(&[SAID]);
        let mut pin = pin_of(&before, 0, SAID);
        let mut after = briefing(&["Intro.", SAID]);
        after.articles[0].name = "renamed".into();
        after.articles[0].path = "elsewhere/renamed.txt".into();
        reanchor(&mut pin, &after);
        assert_eq!(
            (pin.status, pin.source.article.as_str()),
            (Status::Moved, "renamed")
        );
    }
}
