//! Folding text for comparison: white space runs to one space, curly quotes to straight.

/// Collapses every run of white space (Unicode spaces included) to one space and trims.
pub fn fold_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in
        text.split(|c: char| c.is_whitespace() || crate::text::sanitize::is_unicode_space(c))
    {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lower-cases and folds quotes, dashes and white space, for loose matching of sentences.
pub fn fold_loose(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    fold_space(&mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_runs_fold_to_one_space() {
        assert_eq!(fold_space("  a \u{a0} b\n\tc "), "a b c");
    }

    #[test]
    fn loose_folding_ignores_case_quotes_and_dashes() {
        assert_eq!(fold_loose("Kyiv’s “Plan” – Now"), "kyiv's \"plan\" - now");
    }
}
