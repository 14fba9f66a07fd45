//! Prompt phrases ("share this", "subscribe", "all rights reserved", "Photograph: …"): the
//! lexicon `assets/lexicons/boilerplate.txt` as one [`PhraseSet`], so a line is scanned once.
//!
//! Phrases marked `^` in the lexicon also occur in prose ("they will spend more on schools"), so
//! they count only where furniture puts them: opening the line, in a short label, or as a credit
//! ending a caption ("… Photograph: Ian Rutherford/Alamy"). Every occurrence is tried, so
//! "share this article" (anywhere) counts though the "share this" it starts with is restricted.

use std::sync::LazyLock;

use crate::text::phrases::PhraseSet;

/// The prompt phrases and, for each, whether it is position-restricted.
struct Prompts {
    phrases: PhraseSet,
    restricted: Vec<bool>,
}

static PROMPTS: LazyLock<Prompts> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut restricted = Vec::new();
    for line in include_str!("../../../assets/lexicons/boilerplate.txt").lines() {
        let entry = line.split('#').next().unwrap_or("").trim().to_lowercase();
        let (weak, phrase) = match entry.strip_prefix('^') {
            Some(p) => (true, p.trim().to_string()),
            None => (false, entry),
        };
        if phrase.is_empty() {
            continue;
        }
        for form in [phrase.clone(), phrase.replace('\'', "’")] {
            phrases.push(form);
            restricted.push(weak);
        }
    }
    Prompts {
        phrases: PhraseSet::new(phrases),
        restricted,
    }
});

/// The most words a line may have to count as a short label ("Sign up", "Privacy Policy").
const SHORT_LABEL: usize = 6;
/// The most words a credit may have after "Photograph:" at the end of a caption.
const CREDIT_WORDS: usize = 5;

/// Whether `text` (one trimmed line of `words` words) holds a prompt phrase where furniture
/// puts it.
pub fn has_prompt(text: &str, words: usize) -> bool {
    let short_label = words <= SHORT_LABEL && !text.trim_end().ends_with(['.', '?', '!']);
    PROMPTS.phrases.any(text, |phrase, start, end| {
        if !at_word_boundaries(text, start, end) {
            return false;
        }
        if !PROMPTS.restricted[phrase] || short_label {
            return true;
        }
        // at most the line's first word before it (two are enough to tell)
        let before = text[..start].split_whitespace().take(2).count();
        before <= 1 || is_credit_tail(&text[start..end], &text[end..])
    })
}

/// Whether the match starts and ends on word boundaries ("subscribe" is not in "subscribers"),
/// where the phrase itself starts or ends with a letter or digit.
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let phrase = &text[start..end];
    let open = !alnum(phrase.chars().next()) || !alnum(text[..start].chars().next_back());
    let close = !alnum(phrase.chars().next_back()) || !alnum(text[end..].chars().next());
    open && close
}

/// "Photograph: Ian Rutherford/Alamy" closing a line: a label ending in a colon, then a few
/// words without sentence punctuation.
fn is_credit_tail(phrase: &str, rest: &str) -> bool {
    phrase.ends_with(':')
        && rest.split_whitespace().count() <= CREDIT_WORDS
        && !rest.trim_end().ends_with(['.', '?', '!'])
}

#[cfg(test)]
mod tests {
    use super::has_prompt;

    fn prompt(text: &str) -> bool {
        has_prompt(text, text.split_whitespace().count())
    }

    #[test]
    fn prompts_are_found_in_furniture_lines() {
        for text in [
            "Share this article on Facebook",
            "Subscribe to our newsletter",
            "Read more",
            "More on Eurasia",
            "© 2024 The Daily Planet. All rights reserved.",
            "Image: Soldiers fire a howitzer in Kherson region. REUTERS/Ivan Antypenko",
            "The Eurasia Center’s mission is to enhance cooperation, sign up for our newsletter.",
            "Follow us on social media",
            "Thanks for reading. If you found this useful, forward it to a friend.",
            "Farid Haddad is a transport columnist. The views expressed are his own.",
            "From Wikipedia, the free encyclopedia",
            "This page was last edited on 4 January 2025, at 10:12 (UTC).",
            "Text is available under the Creative Commons Attribution-ShareAlike License 4.0.",
            "Categories: 2019 disasters Dam failures Mining disasters",
            "Was this page helpful?",
            "Did you find this article helpful? Rate this article",
        ] {
            assert!(prompt(text), "{text}");
        }
    }

    #[test]
    fn prompt_words_inside_running_prose_are_not_prompts() {
        for text in [
            "The government will spend more on defence this year, the minister said.",
            "He returned to his previous post as ambassador in Rome last spring.",
            "The firm changed its privacy policy after the regulator complained.",
            "Many economists share this view, though few say so in public.",
            "Voters who sign up before Friday can still take part.",
            "Subscribers to the service complained about the price rise.",
            "Readers often explore more on the topic than they planned to.",
            "Officials said the views expressed at the hearing were sharply divided.",
        ] {
            assert!(!prompt(text), "{text}");
        }
    }

    #[test]
    fn a_credit_closing_a_caption_is_a_prompt() {
        assert!(prompt(
            "A puffin on the Isle of May. Numbers have fallen by a third. Photograph: Ian Rutherford/Alamy"
        ));
        assert!(!prompt(
            "The caption read: a puffin in the rain, photographed on the island last May."
        ));
    }
}
