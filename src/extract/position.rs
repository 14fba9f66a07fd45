//! Positions: sentences in which an actor states, holds or acts on a stance ("ruled out",
//! "rejected", "remain cautious", "signalled their readiness", "won't entertain"), recorded as
//! actor + stance label + topic + the whole sentence. Stance phrases live in
//! `assets/lexicons/stances.toml`.
//!
//! The holder is the subject next to the stance phrase (an actor, or a pronoun resolved to the
//! person last named as a subject), extended over an enumeration ("Poland, Italy, Spain, and the
//! Czech Republic have rejected" → four positions); "such as X" after the phrase names the
//! holders instead; in reported speech ("Lavrov said that Moscow won't …") the speaker holds it
//! too. A negated supportive stance ("no countries are prepared to") becomes "refuses".

use std::collections::BTreeMap;

use std::sync::LazyLock;

use compact_str::CompactString;

use crate::briefing::{Article, ArticleId, Loc, Paragraph, Span};
use crate::extract::actor::person::{is_speech_verb, speech_verb_len, title_before};
use crate::extract::actor::{
    capitals_name, earlier_referent, is_organization_noun, mention_ending_at, mentions_in,
    referent, state_noun_after, ActorIndex, Mention, AUXILIARIES,
};
use crate::extract::appositive;
use crate::extract::gender::{self, Titled};
use crate::extract::lexicon::{KeyMap, Words};
use crate::extract::quote::attribution::is_role_noun;
use crate::extract::token::{tokenize, tokenize_into, Token};
use crate::extract::topic::topic_of;
use crate::extract::{Actor, ActorId, ActorKind, Position};
use crate::ingest::date::WEEKDAYS;

/// A stance phrase: its words (`*` any one word) and its label.
struct Phrase {
    words: Words,
    label: String,
}

static PHRASES: LazyLock<KeyMap<Vec<Phrase>>> = LazyLock::new(|| {
    let table: BTreeMap<String, Vec<String>> =
        toml::from_str(include_str!("../../assets/lexicons/stances.toml"))
            .expect("stances.toml is valid");
    let mut by_first: KeyMap<Vec<Phrase>> = KeyMap::default();
    for (label, phrases) in table {
        for phrase in phrases {
            let words: Vec<String> = tokenize(&phrase)
                .iter()
                .map(|t| t.key().to_string())
                .collect();
            if let Some(first) = words.first().cloned() {
                by_first.entry(&first).push(Phrase {
                    words: Words::new(words),
                    label: label.clone(),
                });
            }
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    by_first
});

/// Words that may stand between a subject and its stance phrase ("Germany has so far adopted a
/// skeptical stance", "the Kremlin has reiterated its absolute opposition").
/// Prepositions whose object a name is ("arrived at the tribunal", "a letter to the council").
const OBJECT_PREPOSITIONS: [&str; 9] = [
    "at", "to", "from", "with", "into", "for", "against", "by", "on",
];

/// Forms of "be", which make "it" before a stance an empty subject ("It is feared that …").
const BE_FORMS: [&str; 7] = ["is", "are", "was", "were", "be", "been", "being"];

const LINKING: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "am",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "also",
    "now",
    "so",
    "far",
    "still",
    "already",
    "always",
    // "has long opposed", "has just rejected", "has since backed", "both oppose"
    "long",
    "just",
    "since",
    "both",
    // "with the board itself warning that …"
    "itself",
    "themselves",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "quietly",
    "firmly",
    "again",
    "adopted",
    "taken",
    "reiterated",
    "expressed",
    "voiced",
    "made",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "absolute",
    "strong",
    "remain",
    "remains",
    "remained",
    "stayed",
    "seem",
    "appear",
    "appears",
    "today",
    "yesterday",
    // "Ms Price later warned", "the union then rejected", "Hale never supported"
    "later",
    "earlier",
    "then",
    "never",
    // "was more cautious about", "is more hopeful of"
    "more",
];
/// Verbs that report a stance without words ("the European Union signalled it was ready to
/// improve its offer"): the pronoun after one stands for their subject, as after "said". Not
/// speech verbs, because what follows them need not be a clause ("signalled readiness").
const SIGNALS: [&str; 7] = [
    "signalled",
    "signaled",
    "signals",
    "indicated",
    "indicates",
    "hinted",
    "hints",
];

/// Participles that link a subject to its stance through "to be" ("Germany is reported to be
/// reluctant", "the board is said to be opposed").
const HEARSAY: [&str; 6] = [
    "reported",
    "said",
    "thought",
    "believed",
    "understood",
    "known",
];
const MAX_GAP: usize = 6;

/// The most tokens from a subject to the "and" before a stance it holds ("Ann Price praised the
/// volunteers and rejected …"): a predicate of a few phrases, not a paragraph.
const MAX_COORDINATED: usize = 30;
const SUPPORTIVE: [&str; 6] = [
    "ready", "supports", "wants", "commits", "pledges", "hopeful",
];

/// A stance phrase found at tokens `start..end` of a paragraph.
struct Hit {
    start: usize,
    end: usize,
    label: String,
}

impl Hit {
    /// The one word at token `k` (a speech verb) read as a stance's place, to find its subject.
    fn word(k: usize) -> Hit {
        Hit {
            start: k,
            end: k + 1,
            label: String::new(),
        }
    }
}

/// What a paragraph may refer back to in the paragraphs of its article before it.
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    /// The last person a sentence named (a pronoun may stand for them).
    last_subject: Option<ActorId>,
    /// The organisation or state the last sentence opened with as its subject ("But the
    /// company did not say when … It also refused to say how much …").
    last_body: Option<ActorId>,
    /// The organisations last named, the latest last ("the agency" may stand for one).
    orgs: Vec<ActorId>,
    /// The roles people were given ("captain" for "Millbrook captain Jordan Amis"), the latest
    /// last ("the captain" stands for the person last given it).
    roles: Vec<(CompactString, ActorId)>,
}

/// Organisations a [`Discourse`] remembers: "the agency" refers back a few paragraphs, not
/// across a long article.
const RECENT_ORGS: usize = 8;
/// Roles a [`Discourse`] remembers.
const RECENT_ROLES: usize = 8;

impl Discourse {
    /// Remembers the organisations of a paragraph's `mentions` and the roles its `tokens` give
    /// the people named.
    fn named(&mut self, tokens: &[Token], mentions: &[Mention]) {
        for m in mentions {
            if m.kind == ActorKind::Organization {
                self.orgs.retain(|&o| o != m.actor);
                if self.orgs.len() == RECENT_ORGS {
                    self.orgs.remove(0);
                }
                self.orgs.push(m.actor);
            }
        }
        for (role, actor) in roles_in(tokens, mentions, tokens.len()) {
            if self.roles.len() == RECENT_ROLES {
                self.roles.remove(0);
            }
            self.roles.push((CompactString::from(role), actor));
        }
    }

    /// The person last given `role`.
    fn holder_of(&self, role: &str) -> Option<ActorId> {
        self.roles
            .iter()
            .rev()
            .find(|(r, _)| r == role)
            .map(|&(_, a)| a)
    }
}

/// The roles the tokens before `end` give the people they name, in text order: a role noun in
/// the words right before the name ("Millbrook captain Jordan Amis", "Vale manager Graeme
/// Tully"), or in an appositive right after it ("Jordan Amis, the club's captain,").
fn roles_in<'t>(tokens: &'t [Token], mentions: &[Mention], end: usize) -> Vec<(&'t str, ActorId)> {
    let mut out = Vec::new();
    for m in mentions_in(mentions, 0, end) {
        if m.kind != ActorKind::Person {
            continue;
        }
        let before = (m.token.saturating_sub(3)..m.token)
            .rev()
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| is_role_noun(tokens[k].key()));
        let after = m.token + m.len;
        let apposed = (tokens.get(after).is_some_and(|t| t.text == ","))
            .then(|| {
                (after + 1..(after + 8).min(end))
                    .take_while(|&k| tokens[k].is_word())
                    .find(|&k| is_role_noun(tokens[k].key()))
            })
            .flatten();
        for k in before.into_iter().chain(apposed) {
            out.push((tokens[k].key(), m.actor));
        }
    }
    out
}

/// Every position stated in `article`.
pub fn find_positions(article: &Article, actors: &ActorIndex) -> Vec<Position> {
    let mut out = Vec::new();
    let mut discourse = Discourse::default();
    let mut buffer = Vec::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        tokenize_into(&paragraph.text, &mut buffer);
        let mentions = actors.in_paragraph(article.id.index(), p);
        let at = (article.id, p);
        let read = Read {
            paragraph,
            tokens: &buffer,
            mentions,
            actors: &actors.actors,
            titled: &actors.titled,
        };
        positions_in(at, &read, &mut discourse, &mut out);
    }
    out
}

/// A paragraph as [`positions_in`] reads it: its tokens, its mentions, and the actors they name.
pub struct Read<'a> {
    /// The paragraph.
    pub paragraph: &'a Paragraph,
    /// Its tokens.
    pub tokens: &'a [Token<'a>],
    /// Its mentions.
    pub mentions: &'a [Mention],
    /// The actors (at least those the article has named so far).
    pub actors: &'a [Actor],
    /// The sex honorifics gave people.
    pub titled: &'a Titled,
}

/// The positions stated in paragraph `p` of `article` (`at`), appended to `out`. `discourse`
/// is what the paragraphs of the article before it left to refer back to, and is updated.
pub fn positions_in(
    (article, p): (ArticleId, usize),
    read: &Read,
    discourse: &mut Discourse,
    out: &mut Vec<Position>,
) {
    let Read {
        paragraph,
        tokens,
        mentions,
        actors,
        titled,
    } = *read;
    let answering = answer_label(tokens, mentions);
    for sentence in &paragraph.sentences {
        let (from, to) = token_range(tokens, *sentence);
        let ctx = Sentence {
            tokens,
            mentions,
            from,
            to,
            discourse,
            actors,
            titled,
            article,
            answering,
        };
        let mut seen: Vec<(ActorId, String)> = Vec::new();
        // one topic per sentence, found when it first holds a position
        let mut topic: Option<Option<String>> = None;
        let mut previous: Vec<ActorId> = Vec::new();
        // a question asks what someone may do ("… so robust that Russia opposes them?"), and
        // "whether" opens what is not known ("It is not clear whether Morrow will back either
        // bloc"): neither states a position
        let asked = sentence.of(&paragraph.text).trim_end().ends_with('?');
        for hit in stance_hits(tokens, from, to) {
            if asked || ctx.in_open_question(hit.start) {
                continue;
            }
            let mut holders = ctx.holders(&hit);
            // "Zelenskyy has said he wants …, and insists …": a coordinated verb shares the subject
            if holders.is_empty() && hit.start > from && ctx.key(hit.start - 1) == "and" {
                holders = previous.clone();
            }
            // "Board member Lucia Ramírez-Holt, who represents …, voted no and criticized …",
            // "Okonkwo-Reyes, 41, who grew up in Lagos, insists …": a verb after "and" or after
            // the comma closing a description belongs to the subject the sentence opens with
            if holders.is_empty()
                && hit.start > from
                && matches!(ctx.key(hit.start - 1), "and" | ",")
            {
                holders.extend(ctx.opening_subject(hit.start, ctx.key(hit.start - 1) == "and"));
            }
            // "Lucía Ferrer arrived at the tribunal on Tuesday insisting she had …": a participle
            // after the clause's last words (a comma, a day) belongs to the subject the sentence
            // opens with; one right after a noun describes it ("a resolution demanding a
            // ceasefire", "the backing of"), and "are willing" is no participle
            if holders.is_empty()
                && hit.start > from
                && ctx.key(hit.start).ends_with("ing")
                && WEEKDAYS.contains(&ctx.key(hit.start - 1))
            {
                holders.extend(ctx.opening_subject(hit.start, false));
            }
            previous.clone_from(&holders);
            for actor in holders {
                let label = ctx.label(&hit);
                if !seen.contains(&(actor, label.clone())) {
                    seen.push((actor, label.clone()));
                    let text = sentence.of(&paragraph.text);
                    out.push(Position {
                        actor,
                        stance: label,
                        topic: topic.get_or_insert_with(|| topic_of(text)).clone(),
                        sentence: text.to_string(),
                        at: Loc {
                            article,
                            paragraph: p,
                            span: *sentence,
                        },
                    });
                }
            }
        }
        let (subject, body) = (ctx.subject(), ctx.opening_body());
        discourse.last_subject = subject.or(discourse.last_subject);
        discourse.last_body = body;
    }
    discourse.named(tokens, mentions);
}

/// The person an interview answer is labelled with: a paragraph opening with their name and a
/// colon ("Oduya: No. And I'd go further …").
fn answer_label(tokens: &[Token], mentions: &[Mention]) -> Option<ActorId> {
    // "Oduya: …", "CHIEF WHITLOCK: …", "FIRE MARSHAL HOLM: …"
    let label = capitals_name(tokens).map(|(start, _)| start);
    let first = mentions.first().filter(|m| {
        m.token == 0 || title_before(tokens, m.token) == Some(0) || label == Some(m.token)
    })?;
    let colon = tokens
        .get(first.token + first.len)
        .is_some_and(|t| t.text == ":");
    (colon && first.kind == ActorKind::Person).then_some(first.actor)
}

/// Nouns for the people of an organisation, whose stance is the organisation's ("the union said
/// its members were ready to strike").
const MEMBERS: [&str; 6] = [
    "members",
    "staff",
    "employees",
    "workers",
    "officials",
    "leaders",
];

/// Letters written after a name (honours, degrees, offices, counsel's rank), as token keys.
pub(crate) const POST_NOMINALS: [&str; 14] = [
    "kc", "qc", "sc", "mp", "msp", "mla", "mep", "obe", "mbe", "cbe", "kbe", "dbe", "phd", "jr",
];

/// First-person subject pronouns, as token keys ("I'm" is one token), with either apostrophe.
const FIRST_PERSON: [&str; 18] = [
    "i", "we", "i'm", "we're", "i'd", "we'd", "i've", "we've", "i'll", "we'll", "i’m", "we’re",
    "i’d", "we’d", "i’ve", "we’ve", "i’ll", "we’ll",
];

fn token_range(tokens: &[Token], span: Span) -> (usize, usize) {
    let from = tokens.partition_point(|t| t.start < span.start);
    let to = tokens.partition_point(|t| t.start < span.end);
    (from, to)
}

/// The longest stance phrase starting at token `i` and ending before token `to`.
// asked at every token of a sentence: the miss, one filter bit, is decided here
#[inline(always)]
fn phrase_at<'p>(tokens: &[Token], i: usize, to: usize) -> Option<&'p Phrase> {
    let list = PHRASES.get(tokens.get(i)?)?;
    longest_phrase(list, tokens, i, to)
}

/// The longest of `list` (sharing the first word of token `i`) that reads at `i` before `to`.
fn longest_phrase<'p>(
    list: &'p [Phrase],
    tokens: &[Token],
    i: usize,
    to: usize,
) -> Option<&'p Phrase> {
    list.iter()
        .find(|p| i + p.words.len() <= to && p.words.reads_at(tokens, i))
}

/// Whether a stance phrase ("rejected", "ruled out", "is sceptical") starts at token `i`.
pub fn is_stance_at(tokens: &[Token], i: usize) -> bool {
    phrase_at(tokens, i, tokens.len()).is_some()
}

fn stance_hits(tokens: &[Token], from: usize, to: usize) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = from;
    while i < to {
        match phrase_at(tokens, i, to) {
            Some(p) => {
                hits.push(Hit {
                    start: i,
                    end: i + p.words.len(),
                    label: p.label.clone(),
                });
                i += p.words.len();
            }
            None => i += 1,
        }
    }
    hits
}

/// One sentence with what the rules need to find holders.
struct Sentence<'a> {
    tokens: &'a [Token<'a>],
    mentions: &'a [Mention],
    from: usize,
    to: usize,
    /// What the paragraphs before left to refer back to (the last subject among it).
    discourse: &'a Discourse,
    /// The actors, by id.
    actors: &'a [Actor],
    /// The sex honorifics gave people.
    titled: &'a Titled,
    /// The article the sentence is in.
    article: ArticleId,
    /// In an interview's answer ("Raman: I'm sceptical that …"), the person its label names:
    /// "I" and "we" are theirs.
    answering: Option<ActorId>,
}

impl Sentence<'_> {
    fn key(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", Token::key)
    }

    /// Whether token `at` stands in a clause that asks rather than states, up to its comma:
    /// after "whether" ("It is not clear whether Morrow will back either bloc") or after
    /// "asked" and a question word ("Asked whom she would back, she laughed"). What follows
    /// the comma states ("Asked whether the squad was strong enough, Caldwell was cautious").
    fn in_open_question(&self, at: usize) -> bool {
        // the clause starts after the last comma before `at`, past a name set off by commas
        // ("whether the developer, Harbour Living, will seek damages")
        let mut clause = self.from;
        let mut k = at;
        while let Some(comma) = (self.from..k).rev().find(|&c| self.key(c) == ",") {
            let open = (self.from..comma).rev().find(|&c| self.key(c) == ",");
            let named = open.is_some_and(|open| {
                let inner = &self.tokens[open + 1..comma];
                !inner.is_empty() && inner.iter().all(Token::is_capitalised)
            });
            match open {
                Some(open) if named => k = open,
                _ => {
                    clause = comma + 1;
                    break;
                }
            }
        }
        (clause..at).any(|k| {
            self.key(k) == "whether"
                || self.key(k) == "asked"
                    && matches!(
                        self.key(k + 1),
                        "whom" | "who" | "what" | "which" | "how" | "when" | "why" | "where"
                    )
        })
    }

    /// The organisation or state the sentence opens with as its subject, past "But", "And" or
    /// "However": named ("Halvorsen", "Washington") or by its kind ("the company").
    fn opening_body(&self) -> Option<ActorId> {
        let mut k = self.from;
        while matches!(self.key(k), "but" | "and" | "however" | ",") && k + 1 < self.to {
            k += 1;
        }
        let at = k + usize::from(self.key(k) == "the");
        if let Some(m) = mentions_in(self.mentions, k, self.to)
            .first()
            .filter(|m| m.token == at || m.token == k)
        {
            let last = self.tokens.get((m.token + m.len).saturating_sub(1));
            let owned = last.is_some_and(|t| t.bare() != t.text);
            return (m.kind != ActorKind::Person && !owned).then_some(m.actor);
        }
        let noun = self
            .tokens
            .get(at)
            .filter(|t| at < self.to && is_organization_noun(t));
        if let (true, Some(noun)) = (self.key(k) == "the", noun) {
            let before = mentions_in(self.mentions, 0, k);
            return referent(before, self.tokens, noun)
                .map(|m| m.actor)
                .or_else(|| earlier_referent(&self.discourse.orgs, self.actors, self.key(at)));
        }
        None
    }

    /// The person a later "he" or "she" may stand for: the sentence's first person mentioned
    /// (not a state or body: "Britain left the EU. She objects …" is not Britain's).
    fn subject(&self) -> Option<ActorId> {
        mentions_in(self.mentions, self.from, self.to)
            .iter()
            .find(|m| m.kind == ActorKind::Person && !self.is_quoted(m.token))
            .map(|m| m.actor)
    }

    /// Whether token `j` stands inside double quotation marks opened in this sentence
    /// (`"Daniel stays," Kovač said`: Daniel is named in Kovač's words).
    fn is_quoted(&self, j: usize) -> bool {
        self.tokens[self.from..j]
            .iter()
            .fold(false, |inside, t| match t.text {
                "\"" => !inside,
                "“" => true,
                "”" => false,
                _ => inside,
            })
    }

    fn mention_ending_at(&self, j: usize) -> Option<&Mention> {
        mention_ending_at(self.mentions, j)
            .map(|(_, m)| m)
            .filter(|m| m.token >= self.from)
    }

    /// The person a pronoun at token `j` stands for: one named earlier in this sentence, else
    /// the last sentence subject; not one whose first name is the other sex's
    /// ([`gender::fits`]).
    fn antecedent(&self, j: usize) -> Option<ActorId> {
        let pronoun = gender::of_pronoun(self.key(j));
        let fits = |a: &ActorId| {
            self.titled
                .fits(self.article.0, pronoun, &self.actors[a.0 as usize].name)
        };
        let before = mentions_in(self.mentions, self.from, j);
        before
            .iter()
            .filter(|m| m.kind == ActorKind::Person)
            .map(|m| m.actor)
            .find(fits)
            .or(self.discourse.last_subject.filter(fits))
    }

    fn label(&self, hit: &Hit) -> String {
        let negated = (hit.start.saturating_sub(2)..hit.start)
            .any(|k| matches!(self.key(k), "not" | "never" | "n't"))
            || self.key(self.clause_start(hit.start)) == "no";
        match (negated, SUPPORTIVE.contains(&hit.label.as_str())) {
            (true, true) => "refuses".to_string(),
            _ => hit.label.clone(),
        }
    }

    /// The first token of the clause holding token `i`.
    fn clause_start(&self, i: usize) -> usize {
        (self.from..i)
            .rev()
            .find(|&k| {
                let t = self.key(k);
                (matches!(t, ";" | "while" | "whereas" | "but" | "although" | "though")
                    || (t == "," && matches!(self.key(k + 1), "with" | "while" | "but")))
                    && !self.in_relative_clause(k)
            })
            .map_or(self.from, |k| k + 1)
    }

    /// Whether token `k` stands inside a relative clause set off by a comma and not yet closed
    /// ("Arroyo, who has the firefighters' endorsement but not the police's, opposed …").
    fn in_relative_clause(&self, k: usize) -> bool {
        (self.from + 1..k)
            .rev()
            .take_while(|&c| self.key(c) != ",")
            .any(|c| matches!(self.key(c), "who" | "which" | "whose") && self.key(c - 1) == ",")
    }

    /// Who holds the stance of `hit`.
    fn holders(&self, hit: &Hit) -> Vec<ActorId> {
        if let Some(agents) = self.passive_agents(hit) {
            return agents;
        }
        let mut holders = self.such_as(hit);
        if holders.is_empty() {
            holders = self.subject_of(hit);
        }
        if let Some(speaker) = self.reporting_speaker(hit.start) {
            if !holders.contains(&speaker) {
                holders.push(speaker);
            }
        }
        holders
    }

    /// The actor the sentence opens with, before the stance at token `stance`: past an opening
    /// adverbial up to its comma ("In a statement on Thursday, Pellucid said"), the last actor
    /// named in a run of names, titles, roles and capitalised words ("AVP leader Pieter-Jan de
    /// Groot", "Board member Lucia Ramírez-Holt"), which a comma or a verb ends.
    fn opening_subject(&self, stance: usize, coordinated: bool) -> Option<ActorId> {
        const OPENERS: [&str; 11] = [
            "in",
            "on",
            "at",
            "after",
            "before",
            "during",
            "speaking",
            "asked",
            "earlier",
            "later",
            "according",
        ];
        // "…, while Germany and Italy remain cautious, citing fears …": another clause's
        if self.clause_start(stance) > self.from {
            return None;
        }
        let mut k = self.from;
        if OPENERS.contains(&self.key(k)) {
            k = (k..stance).find(|&c| self.key(c) == ",")? + 1;
        }
        let mut found: Option<&Mention> = None;
        // after a possessive ("Parallax's outside counsel, Brandon Kessler, warned") the phrase
        // runs on to the name it describes
        let mut owned = false;
        // a role after the name makes the name a modifier ("Harwood Sports Group supporters")
        let mut modifier = false;
        while k < stance {
            if let Some(m) = mentions_in(self.mentions, k, stance)
                .first()
                .filter(|m| m.token == k)
            {
                let last = &self.tokens[m.token + m.len.max(1) - 1];
                owned = last.bare() != last.text;
                // "Hannah Yoshida of Redfern & Co.": where the person works
                let of_person = k > self.from
                    && self.key(k - 1) == "of"
                    && found.is_some_and(|f| f.kind == ActorKind::Person);
                if !owned && !of_person {
                    found = Some(m);
                    modifier = false;
                }
                k += m.len.max(1);
                continue;
            }
            let t = &self.tokens[k];
            let key = self.key(k);
            let role = is_role_noun(key) && t.text.starts_with(char::is_lowercase);
            let part = t.is_capitalised()
                || matches!(key, "the" | "a" | "an" | "of")
                || role
                || (owned && (t.text == "," || t.text.starts_with(char::is_lowercase)));
            if !part {
                break;
            }
            modifier |= role && found.is_some() && !owned;
            k += 1;
        }
        let found = found.filter(|_| !modifier)?;
        // "X said Tom Hale had met the envoy and warned": a name in the reported words may be
        // the one coordinated; one inside the description set off after the subject is not
        if coordinated {
            let end = found.token + found.len;
            let set_off = (self.key(end) == ",")
                .then(|| (end + 1..stance).find(|&c| self.key(c) == ","))
                .flatten();
            let other = mentions_in(self.mentions, end, stance)
                .iter()
                .any(|m| set_off.is_none_or(|close| m.token > close));
            if other {
                return None;
            }
        }
        Some(found.actor)
    }

    /// Whether the subject starting at token `j` follows "than" ("faster than the Bank is
    /// willing to admit", "sooner than he would like"): a comparison, which holds no stance.
    fn after_than(&self, j: usize, clause: usize) -> bool {
        let j = if j > clause && self.key(j - 1) == "the" {
            j - 1
        } else {
            j
        };
        j > clause && self.key(j - 1) == "than"
    }

    /// The actor (or pronoun) right before the stance, with any enumeration it ends; across an
    /// appositive ("Raj Patel, who chairs the finance committee, supported") or a bracketed
    /// short form ("The European Bicycle Manufacturers Association (EBMA) today welcomed").
    fn subject_of(&self, hit: &Hit) -> Vec<ActorId> {
        let clause = self.clause_start(hit.start);
        // "Dana Whitfield welcomed the review but rejected …", "… but was cautious about": a
        // stance opening the clause after "but" (past auxiliaries) shares the subject of the
        // clause before it, as after "and"
        let opens_clause = (clause..hit.start).all(|k| AUXILIARIES.contains(&self.key(k)));
        if opens_clause && clause > self.from && self.key(clause - 1) == "but" {
            return self.coordinated_subject(clause - 1, self.clause_start(clause - 1));
        }
        let mut j = hit.start;
        for _ in 0..=MAX_GAP {
            if j == clause {
                return Vec::new();
            }
            j -= 1;
            if let Some(m) = self.mention_ending_at(j) {
                if self.after_than(m.token, clause) {
                    return Vec::new();
                }
                return self.holder_or_list(m, clause);
            }
            if let Some(person) = self.person_of_place(j, clause) {
                return vec![person];
            }
            // "the health board pledged" after "the Cleddau and Teifi University Health Board":
            // a noun for an organisation with one word before it that the organisation's name
            // holds too (else "the energy ministry" may be the state's, below)
            if let Some(body) = self.modified_referent(j, clause) {
                return vec![body];
            }
            match self.key(j) {
                // "sooner than he would like": a comparison, not a stance
                "he" | "she" if self.after_than(j, clause) => return Vec::new(),
                "he" | "she" => return self.antecedent(j).into_iter().collect(),
                word if FIRST_PERSON.contains(&word) => {
                    return self.answering.into_iter().collect()
                }
                // "Verity Labs … The company insisted that …": the organisation last named in
                // the paragraph, else in the paragraphs before ("The agency warned" after "the
                // Therapeutic Products Authority")
                _ if j > clause
                    && self.key(j - 1) == "the"
                    && is_organization_noun(&self.tokens[j]) =>
                {
                    if self.after_than(j, clause) {
                        return Vec::new();
                    }
                    let before = mentions_in(self.mentions, 0, j - 1);
                    return referent(before, self.tokens, &self.tokens[j])
                        .map(|m| m.actor)
                        .or_else(|| {
                            earlier_referent(&self.discourse.orgs, self.actors, self.key(j))
                        })
                        .into_iter()
                        .collect();
                }
                // "The captain warned": a role noun opening the clause stands for the person
                // last given that role ("Millbrook captain Jordan Amis")
                _ if j == clause + 1 && self.key(j - 1) == "the" && is_role_noun(self.key(j)) => {
                    let role = self.key(j);
                    let here = roles_in(self.tokens, self.mentions, j - 1);
                    return here
                        .iter()
                        .rev()
                        .find(|(r, _)| *r == role)
                        .map(|&(_, a)| a)
                        .or_else(|| self.discourse.holder_of(role))
                        .into_iter()
                        .collect();
                }
                // "But the company did not say when … It also refused to say how much": "it"
                // opening the clause, active ("It is feared" is no one's), stands for the body
                // the sentence before opened with
                "it" if j == clause
                    && (j + 1..hit.start).all(|k| {
                        LINKING.contains(&self.key(k)) && !BE_FORMS.contains(&self.key(k))
                    }) =>
                {
                    return self.discourse.last_body.into_iter().collect();
                }
                // "the White House said it remained committed to …": the pronoun right after a
                // speech verb stands for the verb's subject, an organisation or state as well
                "it" | "they"
                    if j > clause
                        && (is_speech_verb(self.tokens, j - 1)
                            || SIGNALS.contains(&self.key(j - 1))) =>
                {
                    return self.subject_of(&Hit::word(j - 1));
                }
                // "The association said its members were ready to …": a group that a possessive
                // after a speech verb ties to the verb's subject
                _ if j > clause + 1
                    && matches!(self.key(j - 1), "its" | "their")
                    && MEMBERS.contains(&self.key(j))
                    && is_speech_verb(self.tokens, j - 2) =>
                {
                    return self.subject_of(&Hit::word(j - 2));
                }
                // "Raj Patel, who opposed the plan": the name before the relative pronoun
                "who" if j > clause && self.key(j - 1) == "," => {
                    return self.before_comma(j - 1, clause)
                }
                "and" if j > clause => return self.coordinated_subject(j, clause),
                "," => return self.across_appositive(j, clause),
                ")" => match (j.saturating_sub(4).max(clause)..j)
                    .rev()
                    .find(|&k| self.key(k) == "(")
                {
                    Some(open) => j = open,
                    None => return Vec::new(),
                },
                word if self.is_linking(word, j) => {}
                // "Acme Corp. declined": an abbreviation's full stop inside the sentence
                "." if j > clause && self.tokens[j - 1].end == self.tokens[j].start => {}
                _ if self.names_a_state_body(j, clause) => {
                    return self.only_state_named().into_iter().collect()
                }
                _ => return Vec::new(),
            }
        }
        Vec::new()
    }

    /// The organisation "the <modifier> `noun`" (the noun at token `noun`, "the" and one word
    /// in lower case before it) refers back to: as "the `noun`" does ([`referent`], then the
    /// paragraphs before), among those whose name holds the modifier ("health" in "Cleddau
    /// and Teifi University Health Board").
    fn modified_referent(&self, noun: usize, clause: usize) -> Option<ActorId> {
        let modifier = noun.checked_sub(1)?;
        let opens = noun > clause + 1
            && self.key(noun - 2) == "the"
            && self.tokens[modifier]
                .text
                .starts_with(|c: char| c.is_ascii_lowercase())
            && is_organization_noun(&self.tokens[noun])
            && !self.after_than(modifier, clause);
        if !opens {
            return None;
        }
        let word = self.key(modifier);
        let holds = |name: &[Token]| name.iter().any(|t| t.key() == word);
        let before: Vec<Mention> = mentions_in(self.mentions, 0, modifier)
            .iter()
            .filter(|m| holds(&self.tokens[m.token..m.token + m.len]))
            .copied()
            .collect();
        referent(&before, self.tokens, &self.tokens[noun])
            .map(|m| m.actor)
            .or_else(|| {
                let orgs: Vec<ActorId> = self
                    .discourse
                    .orgs
                    .iter()
                    .copied()
                    .filter(|a| {
                        self.actors[a.0 as usize]
                            .name
                            .split(' ')
                            .any(|w| w.eq_ignore_ascii_case(word))
                    })
                    .collect();
                earlier_referent(&orgs, self.actors, self.key(noun))
            })
    }

    /// "Greg Abbott of Texas rejected …": the person named before "of" and the capitalised
    /// place (up to three words, not a known name) that ends at token `j`.
    fn person_of_place(&self, j: usize, clause: usize) -> Option<ActorId> {
        let run = (0..3)
            .take_while(|&k| j >= clause + k && self.tokens[j - k].is_capitalised())
            .count();
        (run > 0)
            .then(|| self.holder_before(j + 1 - run, clause))
            .flatten()
    }

    /// "The energy ministry has refused": a state's body in two words after "the", ending at
    /// token `j`, with no state named beside it.
    fn names_a_state_body(&self, j: usize, clause: usize) -> bool {
        j >= clause + 2
            && self.key(j - 2) == "the"
            && state_noun_after(self.tokens, j - 1) == Some(2)
    }

    /// The one state the paragraph names, if it names exactly one ("… under Peru's transparency
    /// law"): whose the unnamed state's body is.
    fn only_state_named(&self) -> Option<ActorId> {
        let mut states = self
            .mentions
            .iter()
            .filter(|m| m.kind == ActorKind::Country)
            .map(|m| m.actor);
        let one = states.next()?;
        states.all(|a| a == one).then_some(one)
    }

    /// Who holds a stance whose subject ends with the mention `m`: the person or body `m` only
    /// places ([`Sentence::holder_before`]), else `m` with the list it ends.
    fn holder_or_list(&self, m: &Mention, clause: usize) -> Vec<ActorId> {
        let first = title_before(self.tokens, m.token).unwrap_or(m.token);
        match self.holder_before(first, clause) {
            Some(holder) => vec![holder],
            None => self.enumeration(m, clause),
        }
    }

    /// The person right before "of" (and "the") ahead of token `first`, or the person or body
    /// before "in": "Greg Abbott of Texas", "Ana Ruiz of the Institute of Directors", "the
    /// European Business Council in China", who hold the stance after them.
    fn holder_before(&self, first: usize, clause: usize) -> Option<ActorId> {
        let at = if first > clause && self.key(first - 1) == "the" {
            first - 1
        } else {
            first
        };
        if at < clause + 2 {
            return None;
        }
        let kinds: &[ActorKind] = match self.key(at - 1) {
            "of" => &[ActorKind::Person],
            "in" => &[ActorKind::Person, ActorKind::Organization],
            _ => return None,
        };
        // "arrived at the Sports Arbitration Tribunal in Lausanne": a body after a preposition
        // is where something happened, not who holds the stance
        let object = |m: &Mention| {
            let first = if m.token > clause && self.key(m.token - 1) == "the" {
                m.token - 1
            } else {
                m.token
            };
            first > clause && OBJECT_PREPOSITIONS.contains(&self.key(first - 1))
        };
        self.mention_ending_at(at - 2)
            .filter(|m| kinds.contains(&m.kind) && !object(m))
            .map(|m| m.actor)
    }

    /// A stance in the passive ("Tom Hale was rejected by voters", "the plan has been backed by
    /// Germany"): a form of "be" before a participle in "-ed" (past adverbs: "was widely
    /// criticised"). Its subject is what the stance is about, not who holds it: the holder is the
    /// agent after "by", if one is named (past "the" and a title), else no one. `None` when the
    /// stance is not passive: "Germany is opposed to the plan", "was prepared to" are adjectives.
    fn passive_agents(&self, hit: &Hit) -> Option<Vec<ActorId>> {
        let participle = self.key(hit.start).ends_with("ed")
            && self.key(hit.end - 1) != "to"
            && self.key(hit.end) != "to";
        if !participle {
            return None;
        }
        let mut j = hit.start;
        while j > self.from && (self.key(j - 1).ends_with("ly") || self.key(j - 1) == "also") {
            j -= 1;
        }
        let be = j > self.from
            && matches!(
                self.key(j - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            );
        if !be {
            return None;
        }
        if self.key(hit.end) != "by" {
            return Some(Vec::new());
        }
        let agent = (hit.end + 1..self.tokens.len().min(hit.end + 4))
            .find_map(|k| mentions_in(self.mentions, k, k + 1).first())
            .filter(|m| {
                let first = title_before(self.tokens, m.token).unwrap_or(m.token);
                (hit.end + 1..first).all(|k| self.key(k) == "the")
            });
        Some(agent.map(|m| m.actor).into_iter().collect())
    }

    /// "Ann Price praised the volunteers and rejected calls for an inquiry": a stance after the
    /// "and" at token `and`, with no subject of its own, shares the clause's subject when the
    /// clause opens with the one actor it names before the "and" (past "the" and a title), and
    /// a verb follows that name. Another name before the "and" leaves the holder unsaid ("Tom
    /// Hale met Ann Price and rejected the deal"), unless the clause reports someone's words
    /// ([`Sentence::reporter`]).
    fn coordinated_subject(&self, and: usize, clause: usize) -> Vec<ActorId> {
        let mentioned = mentions_in(self.mentions, clause, and);
        // "The guild is seeking damages and wants …": a body named by its kind opening the
        // clause, before an auxiliary, is its subject
        let by_kind = mentioned.is_empty()
            && clause + 2 < and
            && self.key(clause) == "the"
            && is_organization_noun(&self.tokens[clause + 1])
            && AUXILIARIES.contains(&self.key(clause + 2));
        if by_kind {
            return self.subject_of(&Hit::word(clause + 2));
        }
        let [subject] = mentioned else {
            return self.reporter(and, clause);
        };
        let first = title_before(self.tokens, subject.token).unwrap_or(subject.token);
        let opens = (clause..first).all(|k| self.key(k) == "the");
        // a verb, as far as its form tells: a speech verb, an auxiliary ("Serra Minerals has
        // denied wrongdoing and rejected …") or a past tense in "-ed"
        // ("Environmental groups said … and called for": "groups" is no verb)
        let after = subject.token + subject.len;
        let acts = is_speech_verb(self.tokens, after)
            || self.tokens.get(after).is_some_and(|t| {
                t.text.starts_with(|c: char| c.is_ascii_lowercase())
                    && (t.key().ends_with("ed") || AUXILIARIES.contains(&t.key()))
            });
        if opens && acts && and - subject.token <= MAX_COORDINATED {
            vec![subject.actor]
        } else {
            self.reporter(and, clause)
        }
    }

    /// "A spokesperson for the ministry, Lin Wei, said any deal "must not harm …", and warned
    /// against …": the one subject of the clause's first speech verb before the "and" at token
    /// `and`, when the words it reports name no one (who else might then hold the stance).
    fn reporter(&self, and: usize, clause: usize) -> Vec<ActorId> {
        let Some(verb) = (clause..and).find(|&v| is_speech_verb(self.tokens, v)) else {
            return Vec::new();
        };
        if and - verb > MAX_COORDINATED || !mentions_in(self.mentions, verb, and).is_empty() {
            return Vec::new();
        }
        match self.subject_of(&Hit::word(verb)).as_slice() {
            &[one] => vec![one],
            _ => Vec::new(),
        }
    }

    /// Whether `word` at token `j` may stand between a subject and its stance.
    fn is_linking(&self, word: &str, j: usize) -> bool {
        LINKING.contains(&word)
            || word.ends_with("ly")
            // "Lorenzo Ferrandi, who chairs the group, on Wednesday urged …"
            || WEEKDAYS.contains(&word)
            || (word == "on" && WEEKDAYS.contains(&self.key(j + 1)))
            || (word == "to" && self.key(j + 1) == "be")
            || (HEARSAY.contains(&word) && self.key(j + 1) == "to")
    }

    /// The subject before the appositive that the comma `close` ends; or the appositive is the
    /// name itself ("The Health Secretary, Margaret Ellison, ruled out"; "the operator,
    /// Westhaven Terminals, had refused").
    fn across_appositive(&self, close: usize, clause: usize) -> Vec<ActorId> {
        // "Mr. Pell's barrister, Marcus Trelawney KC, insisted": past letters after the name
        let mut last = close.checked_sub(1);
        while let Some(k) = last.filter(|&k| k > clause && POST_NOMINALS.contains(&self.key(k))) {
            last = Some(k - 1);
        }
        if let Some(m) = last.and_then(|k| self.mention_ending_at(k)) {
            let first = title_before(self.tokens, m.token).unwrap_or(m.token);
            // a person, or an organisation a noun describes ("the operator, Westhaven
            // Terminals, had refused")
            let described = match m.kind {
                ActorKind::Person => true,
                ActorKind::Organization => {
                    first > clause + 1 && is_organization_noun(&self.tokens[first - 2])
                }
                _ => false,
            };
            if described && first > clause && self.key(first - 1) == "," {
                return vec![m.actor];
            }
        }
        let Some(open) = appositive::opening(self.tokens, close, clause) else {
            return Vec::new();
        };
        // two appositives in a row: "Gideon Falk, the Conservative MP for North Cornwall, who
        // ran a guest house, opposed …" is Falk's, the subject before both, not the
        // constituency's
        if let Some(first) = appositive::opening(self.tokens, open, clause) {
            let subject = self.before_comma(first, clause);
            if !subject.is_empty() {
                return subject;
            }
        }
        self.before_comma(open, clause)
    }

    /// The actor (with its enumeration) ending right before the comma at `comma`, past a
    /// bracketed short form ("The Serious Fraud Office (SFO), which brought the case, is seeking").
    fn before_comma(&self, comma: usize, clause: usize) -> Vec<ActorId> {
        let mut end = comma;
        if comma > clause + 2 && self.key(comma - 1) == ")" && self.key(comma - 3) == "(" {
            end = comma - 3;
        }
        end.checked_sub(1)
            .filter(|&k| k >= clause)
            .and_then(|k| self.mention_ending_at(k))
            .map(|m| self.holder_or_list(m, clause))
            .unwrap_or_default()
    }

    /// "Poland, Italy, Spain, and the Czech Republic": the mentions joined by commas and "and"
    /// that end with `last`, in text order. Titles may stand in the gaps ("Keir Starmer and
    /// French President Emmanuel Macron").
    fn enumeration(&self, last: &Mention, clause: usize) -> Vec<ActorId> {
        let mut found = vec![last.actor];
        let mut start = last.token;
        while let Some(previous) = self.previous_in_list(start, clause) {
            if !found.contains(&previous.actor) {
                found.insert(0, previous.actor);
            }
            start = previous.token;
        }
        found
    }

    /// The mention before token `start` joined to it by a comma or "and" (at most four tokens of
    /// joiners, articles and title words between).
    fn previous_in_list(&self, start: usize, clause: usize) -> Option<&Mention> {
        let mut joined = false;
        let mut j = start;
        while j > clause && start - j < 5 {
            j -= 1;
            if let Some(m) = self.mention_ending_at(j) {
                // "Pressed by Boyd, Hollister refused": the agent of an opening participle
                let agent = m.token > clause && self.key(m.token - 1) == "by";
                return (joined && !agent).then_some(m);
            }
            let word = self.key(j);
            if matches!(word, "," | "and" | "or" | "&") {
                joined = true;
            } else if !(word == "the" || self.tokens[j].is_capitalised()) {
                return None;
            }
        }
        None
    }

    /// "who also quietly oppose it, such as Slovakia": the examples after the stance.
    fn such_as(&self, hit: &Hit) -> Vec<ActorId> {
        let marker = (hit.end..self.to.min(hit.end + 8)).find(|&k| {
            (self.key(k) == "such" && self.key(k + 1) == "as") || self.key(k) == "including"
        });
        let Some(k) = marker else { return Vec::new() };
        let first = if self.key(k) == "such" { k + 2 } else { k + 1 };
        mentions_in(self.mentions, first, self.to.min(first + 13))
            .iter()
            .take_while(|m| m.kind == ActorKind::Country || m.kind == ActorKind::Organization)
            .map(|m| m.actor)
            .collect()
    }

    /// In "X said (…) (that) <clause>", the person X who reports the stance (not across a
    /// quotation mark: words inside a quotation are the quoted person's, not the reporter's).
    fn reporting_speaker(&self, stance: usize) -> Option<ActorId> {
        let clause = self.clause_start(stance);
        // "ruled out" says no, but reports no clause: "While he ruled out troops, the White
        // House signalled that the U.S. would be ready" is not his readiness
        let verb = (clause..stance)
            .rev()
            .find(|&v| match speech_verb_len(self.tokens, v) {
                0 => false,
                2 => self.key(v + 1) != "out",
                _ => true,
            })?;
        if self.tokens[verb..stance]
            .iter()
            .any(|t| matches!(t.text, "\"" | "“" | "”" | "‘" | "’"))
        {
            return None;
        }
        // "Ana Ruiz insisted on a vote, and Tom Hale refused": a new main clause with its own
        // subject (but "he said he wants …, and insists …" shares the speaker's)
        let new_clause = (verb..stance).any(|k| {
            self.key(k) == ","
                && matches!(self.key(k + 1), "and" | "but")
                && !mentions_in(self.mentions, k, stance).is_empty()
        });
        if new_clause {
            return None;
        }
        let mut j = verb;
        while j > clause && (LINKING.contains(&self.key(j - 1)) || self.key(j - 1).ends_with("ly"))
        {
            j -= 1;
        }
        let j = j.checked_sub(1)?;
        if matches!(self.key(j), "he" | "she") {
            return self.antecedent(j);
        }
        self.mention_ending_at(j)
            .filter(|m| m.kind == ActorKind::Person)
            .map(|m| m.actor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "actor: stance" for every position in `paragraphs`.
    fn positions(paragraphs: &[&str]) -> Vec<String> {
        let article = Article::from_texts(0, paragraphs);
        let index = ActorIndex::build(std::slice::from_ref(&article));
        find_positions(&article, &index)
            .iter()
            .map(|p| format!("{}: {}", index.actors[p.actor.0 as usize].name, p.stance))
            .collect()
    }

    #[test]
    fn a_pronoun_after_a_signal_stands_for_its_subject() {
        assert_eq!(
            positions(&["The European Union signalled it was ready to improve its offer."]),
            ["European Union: ready"]
        );
        // a signal followed by a noun reports no clause: the stance after it is its own
        assert_eq!(
            positions(&[
                "Keir Starmer has signalled readiness to help, while Germany and Italy remain \
                 cautious, citing fears of escalation."
            ]),
            [
                "Keir Starmer: ready",
                "Germany: cautious",
                "Italy: cautious"
            ]
        );
    }

    #[test]
    fn a_question_or_a_whether_clause_states_no_position() {
        assert!(positions(&["Will Ana Ruiz reject the offer?"]).is_empty());
        assert!(positions(&["It is not clear whether Ana Ruiz will back either bloc."]).is_empty());
        assert!(positions(&["Asked whom she would back, Ana Ruiz laughed."]).is_empty());
        // a name set off by commas stays inside the clause
        assert!(positions(&[
            "It remains unclear whether the developer, Harbour Living Ltd, will seek damages."
        ])
        .is_empty());
        // what follows the question the sentence reports is stated
        assert_eq!(
            positions(&["Asked whether the squad was strong enough, Ana Ruiz was cautious."]),
            ["Ana Ruiz: cautious"]
        );
    }

    #[test]
    fn doubts_threats_and_stopping_short_are_stances() {
        assert_eq!(
            positions(&[
                "Colin Bramwell expressed doubt about how widely the drug would be used.",
                "The US Commerce Department threatened to consider all appropriate responses.",
                "Ana Ruiz stopped short of calling the outcome into question.",
                "Mayor Colin Burke said the town would seek emergency funding.",
            ]),
            [
                "Colin Bramwell: sceptical",
                "US Commerce Department: warns",
                "Ana Ruiz: cautious",
                "Colin Burke: wants"
            ]
        );
    }

    #[test]
    fn a_name_owning_something_is_a_person_a_pronoun_may_stand_for() {
        // no title, appositive or speech verb: "his words" says Andrew Ferrier is a person
        assert_eq!(
            positions(&[
                "Andrew Ferrier chose his words carefully on Thursday.",
                "He also ruled out any return to quantitative easing, and rejected the claim.",
            ]),
            ["Andrew Ferrier: rules out", "Andrew Ferrier: rejects"]
        );
        // an organisation owns with "its"; "her" before a determiner is an object
        assert!(positions(&[
            "Harbour Freight sent its drivers home.",
            "He ruled out a strike."
        ])
        .is_empty());
        assert!(positions(&["Royal Mail sent her the plan.", "He ruled out a strike."]).is_empty());
    }

    #[test]
    fn a_verb_after_a_description_or_and_belongs_to_the_opening_subject() {
        assert_eq!(
            positions(&[
                "Board member Lucia Ramirez-Holt, who represents the south side, voted no and \
                 criticized what she called a rushed process.",
                "AVP leader Pieter-Jan de Groot, whose party won 21 seats, said he would wait \
                 and rejected any deadline.",
                "In a statement on Thursday, Acme Robotics said it was sorry and pledged to \
                 refund customers.",
                "Okonkwo-Reyes, 41, who grew up in Lagos, insists she has no agenda.",
            ]),
            [
                "Lucia Ramirez-Holt: criticises",
                "Pieter-Jan de Groot: rejects",
                "Acme Robotics: pledges",
            ]
        );
        // not across "while" into another clause; past a possessive to the name it describes
        let found = positions(&[
            "Prime Minister Keir Starmer has signalled readiness, while Germany and Italy remain \
             cautious, citing fears of escalation.",
            "At a hearing in April, Canada's outside counsel, Brandon Kessler of Mercer \
             Lowell LLP, warned that the case would fail.",
        ]);
        assert!(
            !found.contains(&"Keir Starmer: warns".to_string()),
            "{found:?}"
        );
        assert!(!found.contains(&"Canada: warns".to_string()), "{found:?}");
        // the full name given earlier, set off later with an age
        assert_eq!(
            positions(&[
                "Amara Okonkwo-Reyes spent three winters at sea.",
                "Okonkwo-Reyes, 41, who grew up in Lagos, insists she has no agenda.",
            ]),
            ["Amara Okonkwo-Reyes: insists"]
        );
    }

    #[test]
    fn idioms_of_support_refusal_and_readiness_are_stances() {
        assert_eq!(
            positions(&[
                "Poland poured cold water on the idea.",
                "Italy threw its weight behind the plan.",
                "Spain balked at the cost.",
                "Russia vetoed the resolution.",
                "Greece voted in favour of the motion.",
                "Malta said it would not stand in the way of a deal.",
            ]),
            [
                "Poland: rejects",
                "Italy: supports",
                "Spain: refuses",
                "Russia: opposes",
                "Greece: supports",
                "Malta: ready",
            ]
        );
    }

    #[test]
    fn a_subject_after_than_makes_a_comparison_not_a_stance() {
        assert_eq!(
            positions(&[
                "Minister Ana Ruiz spoke on Monday. Cuts may come sooner than she would like.",
                "The data is turning faster than the Bank of England is willing to admit.",
            ]),
            Vec::<String>::new()
        );
        assert_eq!(
            positions(&["Minister Ana Ruiz said cuts would come sooner, and she would like that."]),
            ["Ana Ruiz: wants"]
        );
    }

    #[test]
    fn ruling_out_reports_no_clause_after_it() {
        // the readiness is the White House's, not the speaker who ruled troops out
        let found = positions(&[
            "While President Ana Ruiz ruled out troops, the White House \
             signalled that the U.S. would be ready to help.",
        ]);
        assert!(
            found.contains(&"Ana Ruiz: rules out".to_string()),
            "{found:?}"
        );
        assert!(!found.contains(&"Ana Ruiz: ready".to_string()), "{found:?}");
    }

    #[test]
    fn the_subject_holds_the_stance_right_after_it() {
        assert_eq!(
            positions(&["Poland, Italy and Spain have rejected the plan."]),
            ["Poland: rejects", "Italy: rejects", "Spain: rejects"]
        );
    }

    #[test]
    fn an_adverb_of_time_may_stand_between_the_subject_and_its_stance() {
        assert_eq!(
            positions(&[
                "Poland has long opposed the plan.",
                "Italy always objected to the levy.",
                "Spain has since rejected the offer.",
            ]),
            ["Poland: opposes", "Italy: opposes", "Spain: rejects"]
        );
    }

    #[test]
    fn stances_in_the_ing_form_count_for_each_actor_before_them() {
        assert_eq!(
            positions(&[
                "Leaders are divided, with Hungary and Slovakia vowing to block the plan \
                         and Italy signalling it could back a compromise."
            ]),
            ["Hungary: pledges", "Slovakia: pledges", "Italy: ready"]
        );
        assert_eq!(
            positions(&[
                "Mayor Ana Ruiz is insisting on a vote, and Councillor Tom Hale is \
                         refusing to sign."
            ]),
            ["Ana Ruiz: insists", "Tom Hale: refuses"]
        );
    }

    #[test]
    fn a_reporting_verb_does_not_reach_past_a_new_clause_with_its_own_subject() {
        assert_eq!(
            positions(&[
                "Mayor Ana Ruiz insisted on a vote, and Councillor Tom Hale refused to sign."
            ]),
            ["Ana Ruiz: insists", "Tom Hale: refuses"]
        );
        // a verb coordinated with the speaker's own still has the speaker as its holder
        assert_eq!(
            positions(&["Mayor Ana Ruiz has said she wants a vote, and insists it be held soon."]),
            ["Ana Ruiz: wants", "Ana Ruiz: insists"]
        );
    }

    #[test]
    fn a_relative_clause_between_subject_and_verb_is_stepped_over() {
        let found = positions(&[
            "Board member Raj Patel, who chairs the finance committee, supported the plan.",
        ]);
        assert_eq!(found, ["Raj Patel: supports"]);
    }

    #[test]
    fn a_role_phrase_between_subject_and_verb_is_stepped_over() {
        let found = positions(&[
            "Councillor Dana Whitfield, chair of the council's budget panel, opposed the cuts.",
        ]);
        assert_eq!(found, ["Dana Whitfield: opposes"]);
    }

    #[test]
    fn a_name_set_off_by_commas_after_its_role_holds_the_stance() {
        let found = positions(&["The Health Secretary, Margaret Ellison, ruled out a new offer."]);
        assert_eq!(found, ["Margaret Ellison: rules out"]);
    }

    #[test]
    fn the_name_before_who_holds_the_stance_in_the_relative_clause() {
        let found = positions(&["Mayor Ana Ruiz, who opposed the budget, left early."]);
        assert_eq!(found, ["Ana Ruiz: opposes"]);
    }

    #[test]
    fn a_bracketed_short_form_and_a_time_word_are_stepped_over() {
        let found = positions(&["The Lowy Institute (LI) today welcomed the move."]);
        assert_eq!(found, ["Lowy Institute: supports"]);
    }

    #[test]
    fn hearsay_links_a_subject_to_its_stance() {
        let found = positions(&["Germany and Denmark are reported to be reluctant to agree."]);
        assert_eq!(found, ["Germany: cautious", "Denmark: cautious"]);
    }

    #[test]
    fn a_list_is_not_taken_for_an_appositive() {
        assert!(positions(&["After the vote, the plan was rejected."]).is_empty());
    }

    #[test]
    fn a_day_after_an_appositive_is_stepped_over() {
        let found = positions(&[
            "Lorenzo Ferrandi, who chairs the group of finance ministers, \
             on Wednesday urged the bank to cut rates.",
        ]);
        assert_eq!(found, ["Lorenzo Ferrandi: wants"]);
    }

    #[test]
    fn a_short_form_in_brackets_before_an_appositive_is_stepped_over() {
        let found = positions(&[
            "The Serious Fraud Office (SFO), which brought the case, is \
             seeking a confiscation order.",
        ]);
        assert_eq!(found, ["Serious Fraud Office: wants"]);
    }

    #[test]
    fn it_after_said_stands_for_the_body_that_said_it() {
        let found = positions(&[
            "In Washington, the White House said it remained committed to \
             a pause on commercial extraction.",
        ]);
        assert_eq!(found, ["United States: commits"]);
    }

    #[test]
    fn an_appositive_may_hold_a_plural_possessive() {
        let found = positions(&[
            "The Ashby Civic Society, another residents' group, took a more \
             cautious line.",
        ]);
        assert_eq!(found, ["Ashby Civic Society: cautious"]);
    }

    #[test]
    fn i_in_an_interview_answer_is_the_person_its_label_names() {
        let found = positions(&[
            "We spoke to Priya Raman, a partner at Fenwick Hale, about the ruling.",
            "Q: Does the company have a case?",
            "Raman: It has a narrow one. I'm sceptical that the court will reopen the facts.",
        ]);
        assert_eq!(found, ["Priya Raman: sceptical"]);
        // outside an answer, "I" is no one the article names
        assert!(positions(&["I am sceptical that the court will reopen the facts."]).is_empty());
    }

    #[test]
    fn letters_after_a_name_in_an_appositive_are_stepped_over() {
        let found = positions(&[
            "Mr. Pell's barrister, Marcus Trelawney KC, insisted that his client had been made \
             a scapegoat.",
            "Mr. Trelawney spoke for an hour.",
        ]);
        assert_eq!(found, ["Marcus Trelawney: insists"]);
    }

    #[test]
    fn the_agency_is_the_authority_named_in_a_paragraph_before() {
        let found = positions(&[
            "The Therapeutic Products Authority said the batches were unsafe.",
            "Doctors were worried.",
            "The agency warned that stopping treatment was risky.",
        ]);
        assert_eq!(found, ["Therapeutic Products Authority: warns"]);
        // a noun no name before fits holds nothing
        let found = positions(&[
            "The Therapeutic Products Authority said the batches were unsafe.",
            "The union warned that stopping treatment was risky.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_captain_is_the_person_last_given_that_role() {
        let found = positions(&[
            "The manager, Graeme Tully, was furious with Millbrook captain Jordan Amis.",
            "Tully spoke first. The captain warned that Millbrook could not afford a slow start.",
        ]);
        assert_eq!(found, ["Jordan Amis: warns"]);
        // a role no one was given holds nothing, whoever spoke last
        let found = positions(&[
            "Graeme Tully spoke first.",
            "The researchers now want more tests.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn members_a_speaker_calls_its_own_hold_its_stance() {
        let found = positions(&[
            "The Pharmacists Association said its members were ready to switch patients.",
        ]);
        assert_eq!(found, ["Pharmacists Association: ready"]);
    }

    #[test]
    fn the_company_is_the_organisation_named_before_it_and_the_federation_a_federation() {
        let found = positions(&[
            "Verity Labs answered within the hour. The company insisted \
             that its headset remained the best seller.",
        ]);
        assert_eq!(found, ["Verity Labs: insists"]);
        let found = positions(&["The Arbitration Board offered talks. The federation was \
                                 cautious about a quick settlement."]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_organisation_named_between_commas_after_its_description_holds_the_stance() {
        assert_eq!(
            positions(&[
                "The Maritime Workers Union said the operator, Westhaven Terminals, \
                         had refused to improve its offer."
            ]),
            ["Westhaven Terminals: refuses"]
        );
        // no description before it: the list, not an appositive
        assert_eq!(
            positions(&[
                "Harwood Sports Group, Westhaven Terminals, and Northgate Ports \
                         rejected the offer."
            ]),
            [
                "Harwood Sports Group: rejects",
                "Westhaven Terminals: rejects",
                "Northgate Ports: rejects"
            ]
        );
    }

    #[test]
    fn a_person_before_two_appositives_holds_the_stance() {
        assert_eq!(
            positions(&[
                "Gideon Falk, the Conservative MP for North Cornwall, who ran a guest house \
                 for years, opposed the licensing scheme."
            ]),
            ["Gideon Falk: opposes"]
        );
    }

    #[test]
    fn hopes_and_what_is_not_disclosed_are_stances() {
        assert_eq!(
            positions(&[
                "Colin Farrow said he hoped to lift the notice by Friday. Tasman Water \
                 Authority would not disclose the amount."
            ]),
            ["Colin Farrow: hopeful", "Tasman Water Authority: refuses"]
        );
    }

    #[test]
    fn condemning_and_criticising_are_stances_against() {
        assert_eq!(
            positions(&[
                "Ann Price condemned the attack. The Harwood Sports Group criticised \
                         the ruling, and Tom Hale hit out at the league."
            ]),
            [
                "Ann Price: condemns",
                "Harwood Sports Group: criticises",
                "Tom Hale: criticises"
            ]
        );
        // criticised by someone: the critic holds it
        assert_eq!(
            positions(&["Ann Price was widely criticised by the Harwood Sports Group."]),
            ["Harwood Sports Group: criticises"]
        );
        // an accusation is a criticism; the accused holds no stance
        assert_eq!(
            positions(&[
                "Justice Ann Price accused the majority of ignoring the evidence. Tom Hale \
                 was accused of lying."
            ]),
            ["Ann Price: criticises"]
        );
    }

    #[test]
    fn a_stance_in_the_passive_is_held_by_its_agent_not_its_subject() {
        assert!(positions(&["Tom Hale was rejected by voters in May."]).is_empty());
        assert_eq!(
            positions(&["Ann Price was backed by the Harwood Sports Group."]),
            ["Harwood Sports Group: supports"]
        );
        assert_eq!(
            positions(&["The plan has been firmly rejected by Chancellor Ann Price."]),
            ["Ann Price: rejects"]
        );
        // adjectives after "is" stay the subject's
        assert_eq!(
            positions(&["Germany is opposed to the plan. Poland was prepared to send troops."]),
            ["Germany: opposes", "Poland: ready"]
        );
    }

    #[test]
    fn a_stance_after_and_shares_the_subject_of_the_clause() {
        assert_eq!(
            positions(&[
                "Mayor Ann Price praised the volunteers and rejected calls for an inquiry."
            ]),
            ["Ann Price: rejects"]
        );
        assert_eq!(
            positions(&[
                "The Harwood Sports Group said it was disappointed by the result and \
                         urged the league to reconsider."
            ]),
            ["Harwood Sports Group: wants"]
        );
        // another name before the "and", a subject of its own, or a name that does not open
        // the clause: no holder, or the stance's own
        assert!(positions(&["Tom Hale met Ann Price and rejected the deal."]).is_empty());
        // "groups" is no verb: the name is not the clause's subject
        assert!(
            positions(&["Harwood Sports Group supporters gathered and rejected the deal."])
                .is_empty()
        );
        assert!(
            positions(&["After talks with Tom Hale, officials left and rejected the deal."])
                .is_empty()
        );
        assert_eq!(
            positions(&["Tom Hale praised the deal and Ann Price rejected it."]),
            ["Ann Price: rejects"]
        );
        // after "but" as after "and"
        assert_eq!(
            positions(&["Ann Price welcomed the review but rejected the findings."]),
            ["Ann Price: supports", "Ann Price: rejects"]
        );
        assert_eq!(
            positions(&["Tom Hale praised the deal, but Ann Price rejected it."]),
            ["Ann Price: rejects"]
        );
        // and past an auxiliary
        assert_eq!(
            positions(&[
                "The Northvale County Council said it would review safety but was \
                 cautious about committing to a timetable."
            ]),
            ["Northvale County Council: cautious"]
        );
    }

    #[test]
    fn a_stance_after_and_is_the_reporters_past_an_appositive() {
        assert_eq!(
            positions(&[
                "A spokesperson for China's foreign ministry, Lin Wei, said any deal \"must not \
                 harm third parties\", and warned against exclusive arrangements."
            ]),
            ["Lin Wei: opposes"]
        );
        assert_eq!(
            positions(&[
                "Lin Wei, a spokesperson for the ministry, said the talks were welcome and \
                 warned of delays."
            ]),
            ["Lin Wei: warns"]
        );
        // the reported words name someone else, who may be the one warning
        assert!(positions(&[
            "Lin Wei, a spokesperson for the ministry, said Tom Hale had met the envoy and \
             warned of delays."
        ])
        .is_empty());
    }

    #[test]
    fn the_company_is_no_court_ministry_or_army_named_before_it() {
        for body in [
            "Supreme Court",
            "Ministry of Health",
            "Senate",
            "Northern Army",
        ] {
            let text = format!(
                "The {body} has refused to intervene in the dispute. The company has ruled \
                 out any compensation for farmers."
            );
            let found = positions(&[text.as_str()]);
            assert!(
                found.iter().all(|p| !p.contains("rules out")),
                "{body}: {found:?}"
            );
        }
        // a business named before a court is still the company
        let found = positions(&[
            "Halvard Energy lost its appeal at the Supreme Court. The company has ruled out \
             any compensation for farmers.",
        ]);
        assert!(
            found.contains(&"Halvard Energy: rules out".to_string()),
            "{found:?}"
        );
    }
    #[test]
    fn a_person_of_a_place_or_body_and_an_abbreviated_company_hold_their_stance() {
        assert_eq!(
            positions(&[
                "Gov. Greg Abbott of Texas rejected the bill.",
                "Acme Corp. declined to comment further.",
                "Rep. Alexandria Ocampo-Reyes, D-N.Y., urged House leaders to act.",
                "Dr Ana Ruiz of the Institute of Directors opposed the levy.",
                "The Business Council in China, which has 900 members, called on both sides to talk.",
            ]),
            [
                "Greg Abbott: rejects",
                "Acme Corp: refuses",
                "Alexandria Ocampo-Reyes: wants",
                "Ana Ruiz: opposes",
                "Business Council: wants"
            ]
        );
    }

    #[test]
    fn a_cautious_note_a_call_on_and_a_comparison_are_stances() {
        assert_eq!(
            positions(&[
                "The UN envoy, Dagny Solberg, struck a cautious note on Monday.",
                "The Tierra Viva Alliance today calls on the government to suspend the project.",
                "Eliza Marchetti, a law professor, was more cautious about the ruling.",
            ]),
            [
                "Dagny Solberg: cautious",
                "Tierra Viva Alliance: wants",
                "Eliza Marchetti: cautious"
            ]
        );
    }
    #[test]
    fn he_stands_for_the_speaker_not_a_person_named_in_the_quotation() {
        assert_eq!(
            positions(&[
                "Stefan Kovac, the manager, spoke on Friday.",
                "\"Dr Daniel Okonjo stays,\" Kovac said. He insisted that he would stay.",
            ]),
            ["Stefan Kovac: insists"]
        );
    }

    #[test]
    fn she_stands_for_the_last_person_named_not_a_state() {
        assert_eq!(
            positions(&[
                "Ana Ruiz, a farmer, fears the worst.",
                "Britain left the EU in 2020. She is sceptical of the new scheme.",
            ]),
            ["Ana Ruiz: warns", "Ana Ruiz: sceptical"]
        );
    }
    #[test]
    fn a_state_s_body_holds_the_stance_of_the_one_state_the_paragraph_names() {
        assert_eq!(
            positions(&[
                "The energy ministry has refused to publish the minutes under Peru's law.",
                "The foreign ministry rejected the plan, which Chile and Peru drafted.",
            ]),
            ["Peru: refuses"]
        );
    }
    #[test]
    fn a_body_named_by_its_kind_holds_a_stance_after_and() {
        assert_eq!(
            positions(&[
                "The Novelists Guild of America sued on Monday.",
                "The guild has sued the firm and wants the court to act.",
            ]),
            ["Novelists Guild of America: wants"]
        );
    }

    #[test]
    fn a_participle_after_a_day_belongs_to_the_sentences_subject_not_the_place() {
        let found = positions(&[
            "Lucía Ferrer said she was innocent.",
            "Lucía Ferrer arrived at the Sports Arbitration Tribunal in Lausanne on Tuesday \
             insisting she had never taken a banned substance.",
        ]);
        assert_eq!(found, ["Lucía Ferrer: insists"]);
        // a participle right after a noun describes it: the resolution demands, not Russia
        let found =
            positions(&["Russia vetoed a draft resolution demanding an immediate ceasefire."]);
        assert!(!found.contains(&"Russia: wants".to_string()), "{found:?}");
    }

    #[test]
    fn the_body_itself_holds_the_stance_after_with() {
        let found = positions(&[
            "The Cleddau Health Board apologised.",
            "The target may slip, with the board itself warning that winter could force \
             further cancellations.",
        ]);
        assert_eq!(found, ["Cleddau Health Board: warns"]);
    }

    #[test]
    fn the_company_is_no_trust_named_before_it() {
        let found = positions(&[
            "Wessex Downs Water, which supplies two million customers, will ban hosepipes.",
            "The Clearwater Trust has criticised the company.",
            "The company rejected the claim that leakage was to blame.",
        ]);
        assert_eq!(
            found,
            [
                "Clearwater Trust: criticises",
                "Wessex Downs Water: rejects"
            ]
        );
    }

    #[test]
    fn the_health_board_is_the_board_whose_name_holds_health() {
        let found = positions(&[
            "The Teifi Ambulance Board and the Cleddau Health Board met on Monday.",
            "In a statement, the health board said it was sorry and pledged to cut waits.",
            "The tribunal has ruled out a verdict before July.",
        ]);
        assert_eq!(found, ["Cleddau Health Board: pledges"]);
        let found = positions(&[
            "Lucía Ferrer appealed to the Sports Arbitration Tribunal on Monday.",
            "The tribunal has ruled out delivering a verdict before the end of July.",
        ]);
        assert_eq!(found, ["Sports Arbitration Tribunal: rules out"]);
    }

    #[test]
    fn the_agent_of_an_opening_participle_is_no_list_item() {
        let found = positions(&[
            "Tamsin Boyd said the plan was wrong. Grant Hollister said it was right.",
            "Pressed by Boyd, Hollister refused to say which departments would face cuts.",
        ]);
        assert_eq!(found, ["Grant Hollister: refuses"]);
    }

    #[test]
    fn but_inside_a_relative_clause_opens_no_new_clause() {
        let found = positions(&[
            "Luis Arroyo said the plan was wrong.",
            "Arroyo, who has the endorsement of the firefighters’ union but not the police \
             union, opposed the plan to hire 150 more officers.",
        ]);
        assert_eq!(found, ["Luis Arroyo: opposes"]);
    }

    #[test]
    fn it_opening_a_sentence_is_the_body_the_sentence_before_opened_with() {
        let found = positions(&[
            "Halvorsen Motor Company is recalling 412,000 vehicles.",
            "But the company did not say when parts would arrive. It also refused to say how \
             much the recall would cost. It is feared that more cars are affected.",
        ]);
        assert_eq!(found, ["Halvorsen Motor Company: refuses"]);
    }

    #[test]
    fn being_guarded_is_cautious_and_the_league_is_the_league_named() {
        let found = positions(&[
            "The English Professional Football League received the bid.",
            "The league was more guarded about the timetable. Dushanbe struck a more guarded \
             tone.",
        ]);
        assert_eq!(
            found,
            [
                "English Professional Football League: cautious",
                "Tajikistan: cautious"
            ]
        );
    }
}
