//! `parallax compare A B` and `parallax matrix`: comparisons printed as Markdown or JSON.

use std::fmt::Write;

use anyhow::{anyhow, Context};

use crate::briefing::{ArticleId, Briefing};
use crate::cli::args::{MatrixSort, OutputFormat};
use crate::compare::matrix::{matrix as build_matrix, question_groups, SortBy};
use crate::compare::quotes::{describe as describe_changes, QuotePair};
use crate::compare::{compare as build_comparison, Item, Mark};

fn find(briefing: &Briefing, name: &str) -> anyhow::Result<ArticleId> {
    briefing.find_article(name).map(|a| a.id).ok_or_else(|| {
        let names: Vec<&str> = briefing.articles.iter().map(|a| a.name.as_str()).collect();
        anyhow!(
            "no article or unique id prefix {name:?} (articles: {})",
            names.join(", ")
        )
    })
}

/// The comparison of articles `a` and `b` (ids or unique prefixes).
pub fn compare(
    briefing: &Briefing,
    a: &str,
    b: &str,
    format: OutputFormat,
) -> anyhow::Result<String> {
    let (a, b) = (find(briefing, a)?, find(briefing, b)?);
    let cmp = build_comparison(briefing, a, b);
    if format == OutputFormat::Json {
        return serde_json::to_string_pretty(&cmp)
            .map(|s| s + "\n")
            .context("serializing the comparison");
    }
    let (art_a, art_b) = (briefing.article(a), briefing.article(b));
    let mut out = format!("# Compare {} (A) with {} (B)\n\n", art_a.name, art_b.name);
    let _ = writeln!(out, "- A: {}", heading(art_a));
    let _ = writeln!(out, "- B: {}", heading(art_b));
    let _ = writeln!(
        out,
        "- Shared copy: {} sentences; {:.0}% of A is in B, {:.0}% of B is in A\n",
        cmp.shared.len(),
        cmp.a_in_b * 100.0,
        cmp.b_in_a * 100.0
    );
    for row in &cmp.rows {
        let who = row.actor.map_or("Open question".to_string(), |id| {
            briefing.actors[id.0 as usize].name.clone()
        });
        let topic = row
            .topic
            .as_deref()
            .map(|t| format!(" · {t}"))
            .unwrap_or_default();
        let _ = writeln!(out, "## {who}{topic} — {}", mark_label(row.mark));
        for (side, items) in [("A", &row.a), ("B", &row.b)] {
            for item in items {
                let _ = writeln!(out, "- {side}: {}", describe(briefing, *item));
            }
        }
        out.push('\n');
    }
    write_quotes(&mut out, briefing, &cmp.quotes);
    Ok(out)
}

/// The quotations both carry, with how B's wording differs from A's.
fn write_quotes(out: &mut String, briefing: &Briefing, pairs: &[QuotePair]) {
    if pairs.is_empty() {
        return;
    }
    out.push_str("## Quotations both carry\n");
    for pair in pairs {
        let q = &briefing.quotes[pair.a];
        let speaker = q.speaker.as_deref().unwrap_or("(unattributed)");
        let _ = writeln!(out, "- {speaker}: “{}”", q.text);
        if pair.changes.is_empty() {
            let _ = writeln!(out, "  - B: word for word the same");
        } else {
            let _ = writeln!(out, "  - B: “{}”", briefing.quotes[pair.b].text);
            let _ = writeln!(out, "  - B differs: {}", describe_changes(&pair.changes));
        }
    }
    out.push('\n');
}

/// "outlet — title", the outlet left out when the article has none (the label is the title).
fn heading(article: &crate::briefing::Article) -> String {
    let title = article.meta.title.as_deref().unwrap_or("(untitled)");
    match article.meta.source.as_deref() {
        Some(outlet) => format!("{outlet} — {title}"),
        None => title.to_string(),
    }
}

/// A mark as shown to readers.
pub fn mark_label(mark: Mark) -> &'static str {
    match mark {
        Mark::Same => "same claim (shared copy)",
        Mark::Agree => "agree",
        Mark::Differ => "differ",
        Mark::Both => "both cover it",
        Mark::OnlyA => "only A",
        Mark::OnlyB => "only B",
    }
}

fn describe(briefing: &Briefing, item: Item) -> String {
    match item {
        Item::Position(i) => {
            let p = &briefing.positions[i];
            format!("*{}* — {}", p.stance, p.sentence)
        }
        Item::Quote(i) => format!("“{}”", briefing.quotes[i].text),
        Item::Question(i) => briefing.questions[i].text.clone(),
    }
}

/// The actor × source matrix and the grouped questions.
pub fn matrix(briefing: &Briefing, format: OutputFormat, sort: MatrixSort) -> String {
    let sort = match sort {
        MatrixSort::Coverage => SortBy::Coverage,
        MatrixSort::Actor => SortBy::Actor,
    };
    let m = build_matrix(briefing, sort);
    let groups = question_groups(briefing);
    if format == OutputFormat::Json {
        let json = serde_json::json!({ "matrix": m, "questions": groups });
        return serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
    }
    let mut out = String::from("| actor |");
    for a in &briefing.articles {
        let _ = write!(out, " {} |", briefing.short_name(a.id));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(briefing.articles.len()));
    out.push('\n');
    for (row, actor) in m.actors.iter().enumerate() {
        let _ = write!(out, "| {} |", briefing.actors[actor.0 as usize].name);
        for column in 0..briefing.articles.len() {
            let cell = m
                .cell(row, column)
                .map(|c| c.stances.join(", "))
                .unwrap_or_default();
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
    }
    out.push_str("\n## Open questions by number of sources\n\n");
    for g in &groups {
        let q = &briefing.questions[g.questions[0]];
        let _ = writeln!(out, "- ({} sources) {}", g.sources.len(), q.text);
    }
    out
}
