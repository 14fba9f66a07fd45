//! Whether two reported stances agree: each stance label belongs to a group
//! (`assets/lexicons/stance_groups.toml`: commit, support, hedge, against). Same group → agree,
//! different groups → differ; an unknown label only agrees with the very same label.

use std::collections::BTreeMap;
use std::sync::LazyLock;

static GROUPS: LazyLock<BTreeMap<String, String>> = LazyLock::new(|| {
    let table: BTreeMap<String, Vec<String>> =
        toml::from_str(include_str!("../../assets/lexicons/stance_groups.toml"))
            .expect("stance_groups.toml is valid (checked by a unit test)");
    table
        .into_iter()
        .flat_map(|(group, labels)| labels.into_iter().map(move |l| (l, group.clone())))
        .collect()
});

/// The group of a stance label ("pledges" → "commit"), if it is known.
pub fn group_of(stance: &str) -> Option<&'static str> {
    GROUPS.get(&stance.to_lowercase()).map(String::as_str)
}

/// Whether two stance labels agree under the documented rule.
pub fn agree(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || matches!((group_of(a), group_of(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_group_agrees() {
        assert!(agree("cautious", "sceptical"));
        assert!(agree("rules out", "rejects"));
    }

    #[test]
    fn a_pledge_and_mere_readiness_differ() {
        assert!(!agree("pledges", "ready"));
        assert!(!agree("supports", "opposes"));
    }

    #[test]
    fn unknown_labels_agree_only_with_themselves() {
        assert!(agree("muses", "muses"));
        assert!(!agree("muses", "supports"));
    }
}
