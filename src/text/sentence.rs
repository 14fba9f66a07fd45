//! Sentence splitting. (Placeholder: splits after `.`, `?`, `!` followed by a space and a capital.)

use crate::briefing::Span;

/// Splits `text` into sentence spans covering it in order (trailing spaces excluded).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!') && bytes.get(i + 1) == Some(&b' ') {
            let next = text[i + 2..].chars().next();
            if next.is_some_and(|n| n.is_uppercase()) {
                spans.push(Span::new(start, i + 1));
                start = i + 2;
            }
        }
    }
    if start < text.trim_end().len() {
        spans.push(Span::new(start, text.trim_end().len()));
    }
    spans
}
