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

/// One quotation per line: `speaker<TAB>“text”<TAB>source article`.
pub fn quotes(briefing: &Briefing) -> String {
    let mut out = String::new();
    for q in &briefing.quotes {
        let article = briefing.article(q.at.article);
        let speaker = q.speaker.as_deref().unwrap_or("(unattributed)");
        let _ = writeln!(
            out,
            "{speaker}\t“{}”\t[{}]",
            q.text,
            citation(briefing, q.at.article)
        );
        let _ = article;
    }
    out
}

/// How an article is cited in printed output: `name, outlet` (outlet omitted when unknown).
pub fn citation(briefing: &Briefing, id: crate::briefing::ArticleId) -> String {
    let article = briefing.article(id);
    match &article.meta.source {
        Some(source) => format!("{}, {source}", article.name),
        None => article.name.clone(),
    }
}
