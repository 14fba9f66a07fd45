//! Plain-text renderings of the briefing for the subcommands.

use std::fmt::Write;

use crate::briefing::Briefing;

/// One line per article: id, outlet, date, title, paragraphs, removed lines, excerpt_of.
pub fn articles(briefing: &Briefing) -> String {
    let mut out = String::from("id\tsource\tdate\ttitle\tparagraphs\tremoved\texcerpt_of\n");
    for a in &briefing.articles {
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        let excerpt = a
            .excerpt_of
            .map_or("-".to_string(), |id| briefing.article(id).name.clone());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            a.name,
            dash(&a.meta.source),
            dash(&a.meta.date),
            dash(&a.meta.title),
            a.paragraphs.len(),
            a.removed.len(),
            excerpt
        );
    }
    out
}
