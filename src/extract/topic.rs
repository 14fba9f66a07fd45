//! Topic labels: a sentence takes the topic whose cue words (`assets/lexicons/topics.toml`) it
//! contains most, first listed on ties; none when it contains no cue.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

struct Topics {
    labels: Vec<String>,
    /// For each pattern, the index of its topic.
    owner: Vec<usize>,
    matcher: AhoCorasick,
}

static TOPICS: LazyLock<Topics> = LazyLock::new(|| {
    let table: toml::Table = toml::from_str(include_str!("../../assets/lexicons/topics.toml"))
        .expect("topics.toml is valid TOML");
    // toml::Table keeps keys sorted; the file's own order decides ties, so read it in file order
    let order = file_order(include_str!("../../assets/lexicons/topics.toml"));
    let (mut labels, mut owner, mut patterns) = (Vec::new(), Vec::new(), Vec::new());
    for label in order {
        let Some(cues) = table.get(&label).and_then(|v| v.as_array()) else {
            continue;
        };
        for cue in cues.iter().filter_map(|c| c.as_str()) {
            patterns.push(cue.to_lowercase());
            owner.push(labels.len());
        }
        labels.push(label);
    }
    let matcher = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("topic cues form a valid automaton");
    Topics {
        labels,
        owner,
        matcher,
    }
});

fn file_order(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            l.strip_prefix('"')
                .and_then(|r| r.split_once('"'))
                .map(|(k, _)| k.to_string())
        })
        .collect()
}

/// The topic of `sentence`, if any cue of any topic occurs in it as whole words.
pub fn topic_of(sentence: &str) -> Option<String> {
    let topics = &*TOPICS;
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in topics.matcher.find_iter(sentence) {
        if is_whole_word(sentence, m.start(), m.end()) {
            *counts
                .entry(topics.owner[m.pattern().as_usize()])
                .or_default() += 1;
        }
    }
    let best = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
    Some(topics.labels[*best.0].clone())
}

/// The match is not inside a longer word (a trailing plural "s" is allowed).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let next = after.next();
    let next = if next == Some('s') {
        after.next()
    } else {
        next
    };
    !before.is_some_and(char::is_alphanumeric) && !next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::topic_of;

    #[test]
    fn the_topic_with_most_cues_wins() {
        assert_eq!(
            topic_of("Trump ruled out sending ground troops or soldiers.").as_deref(),
            Some("ground troops")
        );
        assert_eq!(
            topic_of("The bank raised interest rates to fight inflation.").as_deref(),
            Some("interest rates")
        );
    }

    #[test]
    fn cues_inside_longer_words_do_not_count() {
        assert_eq!(topic_of("The troupe performed an aria."), None);
    }
}
