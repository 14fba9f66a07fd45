//! Comparing two wordings of a quotation word by word: [`words`] folds them (case, curly quotes,
//! punctuation around words), [`is_same_quotation`] decides from their longest common subsequence
//! whether they are one quotation, and [`diff`] names the runs of words dropped, added or changed.

use serde::Serialize;

use crate::text::fold::fold_loose;

/// Two quotations are the same when their common words make up this share of both (Dice
/// coefficient over the longest common subsequence of words).
const SAME_QUOTE: f32 = 0.7;
/// A quotation found whole inside a longer one is the same quotation with words dropped, when it
/// has at least this many words ("pretty precise" alone is no evidence).
pub(super) const CONTAINED_WORDS: usize = 5;
/// One word of a quotation: as written (punctuation around it trimmed) and folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as the source writes it.
    pub text: String,
    /// Lower-cased, quotes and dashes folded: what is compared.
    pub folded: String,
}

/// The words of a quotation, in order. Dashes, slashes and ellipses separate words.
pub fn words(text: &str) -> Vec<Word> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '…' | '—' | '–' | '/'))
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|token| !token.is_empty())
        .map(|token| Word {
            text: token.to_string(),
            folded: fold_loose(token),
        })
        .collect()
}

/// How one wording differs from another, a run of words at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Words of the first wording missing from this one.
    Dropped {
        /// The missing words, space-separated.
        words: String,
    },
    /// Words this wording has and the first does not.
    Added {
        /// The extra words, space-separated.
        words: String,
    },
    /// Words of the first wording replaced by others.
    Changed {
        /// The first wording's words.
        from: String,
        /// This wording's words.
        to: String,
    },
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Dropped { words } => write!(f, "dropped “{words}”"),
            Change::Added { words } => write!(f, "added “{words}”"),
            Change::Changed { from, to } => write!(f, "“{from}” → “{to}”"),
        }
    }
}

/// The changes, as one readable line: `“will” → “would”; dropped “very”`.
pub fn describe(changes: &[Change]) -> String {
    let parts: Vec<String> = changes.iter().map(ToString::to_string).collect();
    parts.join("; ")
}

/// The longest common subsequence table of two folded word lists: `t[i][j]` is the LCS length
/// of `x[i..]` and `y[j..]`, stored row-major in `(x.len() + 1) × (y.len() + 1)`.
fn lcs_table(x: &[Word], y: &[Word]) -> Vec<u32> {
    let width = y.len() + 1;
    let mut t = vec![0u32; (x.len() + 1) * width];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            t[i * width + j] = if x[i].folded == y[j].folded {
                t[(i + 1) * width + j + 1] + 1
            } else {
                t[(i + 1) * width + j].max(t[i * width + j + 1])
            };
        }
    }
    t
}

/// Whether two wordings are the same quotation: most words shared in order, or the shorter
/// one (of at least `CONTAINED_WORDS` words) found whole inside the longer.
pub fn is_same_quotation(x: &[Word], y: &[Word]) -> bool {
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let common = lcs_table(x, y)[0] as usize;
    let shorter = x.len().min(y.len());
    let dice = 2.0 * common as f32 / (x.len() + y.len()) as f32;
    dice >= SAME_QUOTE || (common == shorter && shorter >= CONTAINED_WORDS)
}

/// The changes that turn wording `first` into wording `other`, in reading order.
pub fn diff(first: &[Word], other: &[Word]) -> Vec<Change> {
    let t = lcs_table(first, other);
    let width = other.len() + 1;
    let (mut i, mut j) = (0, 0);
    let (mut dropped, mut added): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut changes = Vec::new();
    while i < first.len() || j < other.len() {
        let equal = i < first.len() && j < other.len() && first[i].folded == other[j].folded;
        if equal {
            flush(&mut changes, &mut dropped, &mut added);
            i += 1;
            j += 1;
        } else if j == other.len()
            || (i < first.len() && t[(i + 1) * width + j] >= t[i * width + j + 1])
        {
            dropped.push(&first[i].text);
            i += 1;
        } else {
            added.push(&other[j].text);
            j += 1;
        }
    }
    flush(&mut changes, &mut dropped, &mut added);
    changes
}

/// Ends a run of differing words: dropped and added together are a change.
fn flush(changes: &mut Vec<Change>, dropped: &mut Vec<&str>, added: &mut Vec<&str>) {
    let change = match (dropped.is_empty(), added.is_empty()) {
        (true, true) => return,
        (false, true) => Change::Dropped {
            words: dropped.join(" "),
        },
        (true, false) => Change::Added {
            words: added.join(" "),
        },
        (false, false) => Change::Changed {
            from: dropped.join(" "),
            to: added.join(" "),
        },
    };
    changes.push(change);
    dropped.clear();
    added.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff_of(x: &str, y: &str) -> String {
        describe(&diff(&words(x), &words(y)))
    }

    fn same(x: &str, y: &str) -> bool {
        is_same_quotation(&words(x), &words(y))
    }

    #[test]
    fn words_ignore_case_curly_quotes_and_surrounding_punctuation() {
        let w = words("“We’ll hold the line,” — and NATO…Whatever");
        let folded: Vec<&str> = w.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(
            folded,
            ["we'll", "hold", "the", "line", "and", "nato", "whatever"]
        );
        assert_eq!(w[0].text, "We’ll");
    }

    #[test]
    fn one_changed_word_is_shown_as_a_change() {
        let (x, y) = (
            "We will not back down on pay or safety.",
            "We will never back down on pay or safety.",
        );
        assert!(same(x, y));
        assert_eq!(diff_of(x, y), "“not” → “never”");
    }

    #[test]
    fn dropped_and_added_words_are_named_in_reading_order() {
        let x = "The port will stay closed until the very last container is checked";
        let y = "The port will stay closed until every last container is checked, officials";
        assert!(same(x, y));
        assert_eq!(diff_of(x, y), "“the very” → “every”; added “officials”");
        assert_eq!(
            diff_of("rates will stay high for now", "rates will stay high"),
            "dropped “for now”"
        );
    }

    #[test]
    fn identical_wording_has_no_changes_whatever_the_case_and_quotes() {
        assert!(diff_of("It’s a Fair Deal.", "it's a fair deal").is_empty());
    }

    #[test]
    fn a_long_fragment_inside_a_longer_quotation_is_the_same_quotation() {
        let full = "Putin shows no sign of wanting to stop the killing, and little will change";
        assert!(same("Putin shows no sign of wanting to stop", full));
        assert!(!same(
            "pretty precise",
            "the plans are pretty precise and costed in full"
        ));
    }

    #[test]
    fn different_quotations_sharing_a_few_words_stay_apart() {
        assert!(!same(
            "We will not back down on pay.",
            "We will review the budget in the spring."
        ));
    }
}
