//! `parallax quotes --across`: every quotation once, with each source carrying it (the first by
//! date marked) and how a source's wording differs from the first's; Markdown-like text or JSON.

use std::fmt::Write;

use anyhow::Context;

use crate::briefing::Briefing;
use crate::cli::print::citation;
use crate::compare::quotes::{describe, quote_groups, QuoteGroup};

/// The quotations grouped across sources, as readable text.
pub fn across(briefing: &Briefing) -> String {
    let groups = quote_groups(briefing);
    let mut out = String::new();
    for g in &groups {
        write_group(&mut out, briefing, g);
    }
    let shared = groups.iter().filter(|g| g.sources().len() > 1).count();
    let varied = groups.iter().filter(|g| g.is_varied()).count();
    let _ = writeln!(
        out,
        "{} quotations, {shared} carried by several sources, {varied} with differing wording",
        groups.len()
    );
    out
}

fn write_group(out: &mut String, briefing: &Briefing, g: &QuoteGroup) {
    let first = &briefing.quotes[g.first().quote];
    let speaker = first.speaker.as_deref().unwrap_or("(unattributed)");
    let flag = if g.is_varied() {
        " [wording differs]"
    } else {
        ""
    };
    let _ = writeln!(out, "{speaker}: “{}”{flag}", first.text);
    for (i, c) in g.carriers.iter().enumerate() {
        let role = if i == 0 { "first" } else { "also " };
        let date = briefing
            .article(c.article)
            .meta
            .date
            .as_deref()
            .unwrap_or("undated");
        let excerpt = c
            .excerpt_of
            .map(|of| format!(", excerpt of {}", briefing.article(of).name))
            .unwrap_or_default();
        let changes = if c.changes.is_empty() {
            String::new()
        } else {
            format!(": {}", describe(&c.changes))
        };
        let cite = citation(briefing, c.article);
        let _ = writeln!(out, "  {role} [{cite}] {date}{excerpt}{changes}");
    }
    out.push('\n');
}

/// The quotation groups as JSON: `{groups: [{families, carriers: [...]}]}`.
pub fn across_json(briefing: &Briefing) -> anyhow::Result<String> {
    let json = serde_json::json!({ "groups": quote_groups(briefing) });
    serde_json::to_string_pretty(&json)
        .map(|s| s + "\n")
        .context("serializing the quotation groups")
}
