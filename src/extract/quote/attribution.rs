//! Who said it: the attribution around a quotation. After it (`"…," said X`, `"…," he says`),
//! or before it (`X said: "…"`, `X told Y that "…"`, `X, who …, says he is sceptical that the
//! "…"`, `described Ukraine as "…"`), with appositives and parentheticals skipped, titles
//! dropped, and unnamed sources kept as their description ("a senior European diplomat").

use std::sync::LazyLock;

use crate::extract::actor::gazetteer::{past_titles, title_at};
use crate::extract::actor::person::{is_speech_verb, speech_verb_len, title_before};
use crate::extract::actor::{
    is_organization_noun, mention_ending_at, mentions_in, referent, state_noun_after, Mention,
};
use crate::extract::appositive;
use crate::extract::lexicon::Lexicon;
use crate::extract::position::POST_NOMINALS;
use crate::extract::token::Token;
use crate::extract::ActorKind;

use super::names;

static ROLE_NOUNS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../assets/lexicons/role_nouns.txt")));

/// Words that may stand between a subject and its verb without changing who speaks.
const BETWEEN: [&str; 19] = [
    "has",
    "have",
    "had",
    "also",
    "now",
    "recently",
    "then",
    "later",
    "again",
    "yet",
    "repeatedly",
    "previously",
    "once",
    "reportedly",
    "publicly",
    "privately",
    "still",
    "further",
    // "has just posted on X: …"
    "just",
];

/// The speaker found by an attribution rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A mentioned actor (index into the paragraph's mentions).
    Named(usize),
    /// A pronoun or "the minister": the person last named as a subject (token index).
    Pronoun(usize),
    /// A name the actor index does not know (first token, length), titles dropped.
    Unlisted {
        /// Index of the first token of the name.
        token: usize,
        /// Number of tokens.
        len: usize,
    },
    /// An unnamed source, as described ("a senior European diplomat"); plural if "officials".
    Unnamed {
        /// The description, with "one" made "a".
        description: String,
        /// "Officials", "experts": many speakers, too vague to own a short quotation.
        plural: bool,
    },
}

/// Paragraph context for the rules: its tokens and actor mentions.
pub struct Context<'a> {
    /// The paragraph's tokens.
    pub tokens: &'a [Token<'a>],
    /// Mentions in the paragraph, in order.
    pub mentions: &'a [Mention],
}

impl Context<'_> {
    /// The mention whose first token is `j`, with its index.
    fn mention_starting_at(&self, j: usize) -> Option<(usize, &Mention)> {
        let k = self.mentions.partition_point(|m| m.token < j);
        self.mentions
            .get(k)
            .filter(|m| m.token == j)
            .map(|m| (k, m))
    }
    fn person_starting_at(&self, j: usize) -> Option<usize> {
        self.mention_starting_at(j)
            .filter(|(_, m)| m.kind == ActorKind::Person)
            .map(|(k, _)| k)
    }
    /// The first person whose first token is in `from..to`, as an index into the mentions.
    fn first_person_in(&self, from: usize, to: usize) -> Option<usize> {
        let offset = self.mentions.partition_point(|m| m.token < from);
        mentions_in(self.mentions, from, to)
            .iter()
            .position(|m| m.kind == ActorKind::Person)
            .map(|k| offset + k)
    }
    fn key(&self, j: usize) -> &str {
        self.tokens.get(j).map_or("", Token::key)
    }
}

/// An attribution right after the closing mark at token `j`: `, said X`, `, X said`, `, he says`.
pub fn after(ctx: &Context, mut j: usize) -> Option<Speaker> {
    while ctx
        .tokens
        .get(j)
        .is_some_and(|t| matches!(t.text, "," | "—" | "–" | "-"))
    {
        j += 1;
    }
    if is_speech_verb(ctx.tokens, j) {
        let k = j + speech_verb_len(ctx.tokens, j);
        // `"…," said one engineer. "…"` but not `"…." She adds: "…"`, which opens the next one
        if !introduces_next(ctx, k) {
            return None;
        }
        return match speaker_at(ctx, k)? {
            // `said the union's president, Carys Pendle.`: the role's holder, named after it
            role @ (Speaker::Unnamed { .. } | Speaker::Pronoun(_)) => {
                Some(named_after_role(ctx, k).unwrap_or(role))
            }
            found => Some(found),
        };
    }
    if let Some(named) = appositive_name(ctx, j) {
        return Some(named);
    }
    // `"…," the statement added`: whoever issued it, not a speaker called "the statement"
    if ctx.key(j) == "the" && ctx.tokens.get(j + 1).is_some_and(|t| is_document(t.key())) {
        return the_body(ctx, j).filter(|_| introduces_next(ctx, j + 3));
    }
    let Some(subject) = speaker_at(ctx, j) else {
        // the body's rule has read its verb (two tokens on) itself
        return the_body(ctx, j).filter(|_| introduces_next(ctx, j + 3));
    };
    let after_subject = match &subject {
        Speaker::Named(m) => ctx.mentions[*m].token + ctx.mentions[*m].len,
        Speaker::Pronoun(p) if matches!(ctx.key(*p), "he" | "she") => p + 1,
        Speaker::Unlisted { token, len } => token + len,
        // past a description and the body it speaks for ("a spokesperson for the Harwood
        // Sports Group said")
        Speaker::Pronoun(_) | Speaker::Unnamed { .. } => (j..j + 12)
            .find(|&v| {
                is_speech_verb(ctx.tokens, v) || !ctx.tokens.get(v).is_some_and(Token::is_word)
            })
            .unwrap_or(j),
    };
    let mut k = skip_between(ctx, after_subject);
    // `"…," Sofie Lindqvist, the EU's competition commissioner, told reporters`: a name, then
    // what they are between commas, then the verb
    if !is_speech_verb(ctx.tokens, k)
        && matches!(subject, Speaker::Named(_) | Speaker::Unlisted { .. })
    {
        if let Some(close) = appositive::closing(ctx.tokens, after_subject) {
            k = skip_between(ctx, close + 1);
        }
    }
    (is_speech_verb(ctx.tokens, k) && introduces_next(ctx, k + 1)).then_some(subject)
}

/// Whether the attribution ending before token `k` belongs to the quotation before it: not when
/// a colon follows it, past a few words (`She adds: "…"`, `Arkady Voronin told reporters outside
/// the venue: "…"` introduce the next quotation).
fn introduces_next(ctx: &Context, k: usize) -> bool {
    !ctx.tokens
        .iter()
        .skip(k)
        .take(MAX_TO_COLON)
        .take_while(|t| t.is_word() || t.text == ":")
        .any(|t| t.text == ":")
}

/// The most words between an attribution's verb and a colon that makes it introduce the next
/// quotation ("told reporters outside the venue:").
const MAX_TO_COLON: usize = 8;

/// `"…," the gallery's director, Sir Alan Rhodes, told The Review`: a description, then the
/// name between commas, then the verb.
fn appositive_name(ctx: &Context, j: usize) -> Option<Speaker> {
    let comma = (j..j + 6).find(|&c| ctx.key(c) == ",")?;
    if !ctx.tokens[j..comma].iter().all(Token::is_word) || comma == j {
        return None;
    }
    let (speaker, end) = name_after_comma(ctx, comma)?;
    let verb = skip_between(ctx, end + 1);
    (ctx.key(end) == "," && is_speech_verb(ctx.tokens, verb) && introduces_next(ctx, verb + 1))
        .then_some(speaker)
}

/// The name right after the comma at token `comma`, titles dropped (a known person, else a name
/// the index missed), and the token after it.
fn name_after_comma(ctx: &Context, comma: usize) -> Option<(Speaker, usize)> {
    match ctx.person_starting_at(past_titles(ctx.tokens, comma + 1)) {
        Some(m) => Some((
            Speaker::Named(m),
            ctx.mentions[m].token + ctx.mentions[m].len,
        )),
        None => {
            let (token, len) = names::name_at(ctx.tokens, ctx.mentions, comma + 1)?;
            Some((Speaker::Unlisted { token, len }, token + len))
        }
    }
}

/// `said the union's president, Carys Pendle.`: the name set off by a comma after the role
/// description starting at token `k`, closing the attribution.
fn named_after_role(ctx: &Context, k: usize) -> Option<Speaker> {
    if !matches!(
        ctx.key(k),
        "the" | "a" | "an" | "its" | "their" | "his" | "her"
    ) {
        return None;
    }
    let comma = (k + 1..k + 7).find(|&c| ctx.key(c) == ",")?;
    if !ctx.tokens[k..comma].iter().all(Token::is_word) {
        return None;
    }
    let (speaker, end) = name_after_comma(ctx, comma)?;
    ctx.tokens
        .get(end)
        .is_none_or(|t| !t.is_word())
        .then_some(speaker)
}

/// Nouns for what a body issues: `"…," the statement said` quotes whoever issued it.
const DOCUMENTS: [&str; 6] = ["statement", "release", "letter", "filing", "notice", "memo"];

/// Whether `key` (a token key) names what a body issues ("statement", "release").
pub fn is_document(key: &str) -> bool {
    DOCUMENTS.contains(&key)
}

/// `"…," the regulator said`: a body named by its kind, the organisation the paragraph names
/// before its first quotation mark, else kept as that description; `"…," the statement said`:
/// the organisation or person the paragraph opens with ("In a statement, Calloway Freight
/// rejected …").
fn the_body(ctx: &Context, j: usize) -> Option<Speaker> {
    let noun = ctx.tokens.get(j + 1)?;
    let plain = noun.is_word() && !noun.is_capitalised();
    if !(ctx.key(j) == "the" && plain && is_speech_verb(ctx.tokens, j + 2)) {
        return None;
    }
    if let Some(m) = issuer(ctx, noun, j) {
        return Some(Speaker::Named(m));
    }
    Some(Speaker::Unnamed {
        description: format!("the {}", noun.text),
        plural: false,
    })
}

/// For "the company" or "the statement" (`noun`, before token `j`): the organisation the
/// paragraph names before its first quotation mark that the noun may refer back to (for a
/// document, the first organisation or person named), as an index into the mentions.
fn issuer(ctx: &Context, noun: &Token, j: usize) -> Option<usize> {
    let document = DOCUMENTS.contains(&noun.key());
    if !document && !is_organization_noun(noun) {
        return None;
    }
    let first_mark = ctx
        .tokens
        .iter()
        .position(|t| matches!(t.text, "\"" | "“" | "”" | "‘" | "’" | "'"))
        .unwrap_or(j);
    let before = &ctx.mentions[..ctx.mentions.partition_point(|m| m.token < first_mark)];
    if document {
        // a state issues statements too ("The US State Department said …")
        return before.iter().position(|m| {
            matches!(
                m.kind,
                ActorKind::Organization | ActorKind::Person | ActorKind::Country
            )
        });
    }
    let found = referent(before, ctx.tokens, noun)?;
    before.iter().position(|m| std::ptr::eq(m, found))
}

/// The issuer named in the few words after a document ("… posted on the agency's website",
/// "… from the ministry", "… by Halberd"): a name or "the" and a body's noun that owns
/// something, or one after "from" or "by". Not past a comma or the sentence's end.
fn issuer_after(ctx: &Context, from: usize) -> Option<Speaker> {
    const WINDOW: usize = 8;
    let end = ctx.tokens.len().min(from + WINDOW);
    let mut k = from;
    while k < end && !matches!(ctx.key(k), "," | "." | ";" | ":") {
        let owns = |t: &Token| t.bare() != t.text;
        let after_from = k > from && matches!(ctx.key(k - 1), "from" | "by");
        if let Some((m, mention)) = ctx.mention_starting_at(k) {
            let last = ctx
                .tokens
                .get((mention.token + mention.len).saturating_sub(1));
            if after_from || last.is_some_and(owns) {
                return Some(Speaker::Named(m));
            }
        }
        let noun = ctx.tokens.get(k + 1);
        if ctx.key(k) == "the"
            && noun.is_some_and(|t| is_organization_noun(t) && (owns(t) || after_from))
        {
            let noun = noun.map_or("", |t| t.bare());
            return Some(Speaker::Unnamed {
                description: format!("the {}", noun.to_lowercase()),
                plural: false,
            });
        }
        k += 1;
    }
    None
}

fn skip_between(ctx: &Context, mut k: usize) -> usize {
    while BETWEEN.contains(&ctx.key(k)) {
        k += 1;
    }
    k
}

/// A speaker standing at token `k`: a person, a pronoun, or a description of a source.
fn speaker_at(ctx: &Context, k: usize) -> Option<Speaker> {
    // "according to a notice posted on the agency's website": a document speaks for its issuer
    if matches!(ctx.key(k), "a" | "an" | "the")
        && ctx.tokens.get(k + 1).is_some_and(|t| is_document(t.key()))
    {
        if let Some(issuer) = issuer_after(ctx, k + 2) {
            return Some(issuer);
        }
    }
    // "said Dr. Helene Marchetti", "said Lt. Gen. Mark Ellison": abbreviated titles, whose
    // full stops are tokens of their own, before the person
    let past = past_titles(ctx.tokens, k);
    if past > k {
        if let Some(m) = ctx.person_starting_at(past) {
            return Some(Speaker::Named(m));
        }
    }
    if let Some(m) = ctx.person_starting_at(k) {
        // "said Met Office forecaster Dan Whitby": the person after the employer and title
        let end = ctx.mentions[m].token + ctx.mentions[m].len;
        let titled = title_at(ctx.tokens, end).and_then(|t| ctx.person_starting_at(end + t));
        return Some(Speaker::Named(titled.unwrap_or(m)));
    }
    // a title before the name: "said Foreign Minister Sergei Lavrov", "said chief forecaster Helen Dyer"
    if let Some(m) = ctx.first_person_in(k + 1, k + 5) {
        if ctx.tokens[k..ctx.mentions[m].token]
            .iter()
            .all(|t| t.is_word() && !matches!(t.key(), "that" | "the" | "a" | "an"))
        {
            return Some(Speaker::Named(m));
        }
    }
    match ctx.key(k) {
        "he" | "she" => return Some(Speaker::Pronoun(k)),
        _ => {}
    }
    // organisations and states speak too: `"…," Brightmoor said`, `"…," said the BTOA`
    let body = if ctx.key(k) == "the" { k + 1 } else { k };
    if let Some((m, _)) = ctx
        .mention_starting_at(body)
        .filter(|(_, m)| m.kind != ActorKind::Person)
    {
        return Some(Speaker::Named(m));
    }
    if let Some((token, len)) = names::name_at(ctx.tokens, ctx.mentions, k) {
        return Some(Speaker::Unlisted { token, len });
    }
    description_at(ctx, k)
}

/// A noun that names a speaker by role, or by age as papers do ("the 52-year-old said").
pub fn is_role_noun(key: &str) -> bool {
    ROLE_NOUNS.contains(key) || key.ends_with("-year-old")
}

/// The indefinite article a description starting with `word` takes ("an official", "a
/// spokeswoman"), by its first sound as its spelling tells it: "a European", "a union
/// official", "an hour", "an EU official".
pub fn indefinite(word: &str) -> &'static str {
    const YOU_OR_WON: [&str; 8] = ["eu", "uni", "use", "usu", "ure", "uti", "one", "once"];
    const SILENT_H: [&str; 4] = ["hour", "honest", "honor", "heir"];
    // a short form read letter by letter: "an EU official", "an MP", "a UN envoy"
    let letters = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
    if letters {
        let vowel_sound =
            word.starts_with(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);
        return if vowel_sound { "an" } else { "a" };
    }
    let lower = word.to_lowercase();
    let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    if (vowel && !YOU_OR_WON.iter().any(|p| lower.starts_with(p)))
        || SILENT_H.iter().any(|p| lower.starts_with(p))
    {
        "an"
    } else {
        "a"
    }
}

/// "one senior European diplomat", "a spokeswoman", "officials", "the minister".
fn description_at(ctx: &Context, k: usize) -> Option<Speaker> {
    let det = ctx.key(k);
    let has_det = matches!(det, "a" | "an" | "one" | "the" | "another");
    let first = if has_det { k + 1 } else { k };
    let head = (first..first + 5).find(|&j| is_role_noun(ctx.key(j)))?;
    // "with a Japanese official saying": the description starts at its determiner
    let starts_late = |t: &Token| {
        matches!(t.key(), "a" | "an" | "one" | "the" | "another") || PREPOSITIONS.contains(&t.key())
    };
    // "a No. 10 spokesman": the full stop of "No." before a number is part of the description
    let number_sign = |j: usize| {
        ctx.tokens[j].text == "."
            && j > first
            && ctx.key(j - 1) == "no"
            && ctx
                .tokens
                .get(j + 1)
                .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    };
    // "…," and said its member companies": a verb or a conjunction is no part of a description
    let joins =
        |j: usize| matches!(ctx.key(j), "and" | "or" | "but") || is_speech_verb(ctx.tokens, j);
    if (first..head).any(|j| (!ctx.tokens[j].is_word() && !number_sign(j)) || joins(j))
        || (!has_det && ctx.tokens[first..head].iter().any(starts_late))
    {
        return None;
    }
    let head = affiliation_end(ctx, familiar_with_end(ctx, head));
    let mut words: Vec<String> = Vec::new();
    for j in first..=head {
        match words.last_mut() {
            Some(last) if number_sign(j) => last.push('.'),
            _ => words.push(ctx.tokens[j].text.to_string()),
        }
    }
    if det == "the" && head == first {
        // "the insider said": the source described earlier ("one club insider"), else the
        // person named before ("the minister said")
        return Some(earlier_description(ctx, k, ctx.key(head)).unwrap_or(Speaker::Pronoun(k)));
    }
    let plural = ctx.key(head).ends_with('s') && !has_det;
    let article = indefinite(&words[0]);
    let description = if has_det && det != "the" {
        format!("{article} {}", words.join(" "))
    } else if det == "the" {
        format!("the {}", words.join(" "))
    } else {
        words.join(" ")
    };
    Some(Speaker::Unnamed {
        description,
        plural,
    })
}

/// "a person familiar with the company's plans": the description runs to the clause's end.
fn familiar_with_end(ctx: &Context, head: usize) -> usize {
    if (ctx.key(head + 1), ctx.key(head + 2)) != ("familiar", "with") {
        return head;
    }
    // up to the verb: "a person familiar with the talks said"
    (head + 3..head + 10)
        .take_while(|&j| {
            ctx.tokens.get(j).is_some_and(Token::is_word) && !is_speech_verb(ctx.tokens, j)
        })
        .last()
        .unwrap_or(head)
}

/// "a spokesperson for the Harwood Sports Group", "an official at the ministry of Finance":
/// the description runs on through the organisation or state it speaks for, when one is named
/// right after the preposition.
fn affiliation_end(ctx: &Context, head: usize) -> usize {
    if !matches!(ctx.key(head + 1), "for" | "at" | "of" | "with") {
        return head;
    }
    let body = if ctx.key(head + 2) == "the" {
        head + 3
    } else {
        head + 2
    };
    match ctx.mention_starting_at(body) {
        Some((_, m)) if m.kind != ActorKind::Person => m.token + m.len - 1,
        _ => head,
    }
}

/// "one club insider" earlier in the paragraph, for a later "the insider".
fn earlier_description(ctx: &Context, before: usize, head: &str) -> Option<Speaker> {
    let at = (0..before).rev().find(|&j| ctx.key(j) == head)?;
    let det = (at.saturating_sub(4)..at)
        .rev()
        .find(|&j| matches!(ctx.key(j), "a" | "an" | "one"))?;
    match description_at(ctx, det)? {
        found @ Speaker::Unnamed { .. } => Some(found),
        _ => None,
    }
}

/// Tokens from a sentence's start within which a person named is its subject ("Its
/// president, Gavin Thorne, had …").
const OPENING_SUBJECT: usize = 6;

/// The first person named in tokens `from..to`: a known one, else a full name the index
/// missed.
fn opening_person(ctx: &Context, from: usize, to: usize) -> Option<Speaker> {
    if let Some(m) = ctx.first_person_in(from, to) {
        return Some(Speaker::Named(m));
    }
    (from..to).find_map(|k| match names::name_at(ctx.tokens, ctx.mentions, k) {
        Some((token, len)) if len >= 2 => Some(Speaker::Unlisted { token, len }),
        _ => None,
    })
}

/// The person a paragraph (from token `start`) is about, when it opens with them and its last
/// sentence (from token `last`) has them, or "he" or "she", as its subject ("Denise Whitfield,
/// a nurse in Dayton, bought a used Kestrel … She has not received a letter."): who speaks in a
/// quotation standing alone as the next paragraph.
pub fn paragraph_subject(ctx: &Context, start: usize, last: usize) -> Option<Speaker> {
    let opening = ctx.first_person_in(start, start + OPENING_SUBJECT)?;
    let subject = last + usize::from(matches!(ctx.key(last), "but" | "and" | "now"));
    if matches!(ctx.key(subject), "he" | "she") {
        return Some(Speaker::Pronoun(subject));
    }
    let same = ctx
        .person_starting_at(subject)
        .is_some_and(|m| ctx.mentions[m].actor == ctx.mentions[opening].actor);
    same.then_some(Speaker::Named(opening))
}

/// An attribution before the opening mark at token `open`, in the sentence starting at token
/// `start`: the speech verb nearest the quotation and its subject.
pub fn before(ctx: &Context, start: usize, open: usize) -> Option<Speaker> {
    // "calling" reports words only as a participle after a comma ("opposed the programme,
    // calling it "a blank check""); residents "have been calling it "the road to nowhere"
    // for years" gave a place its nickname
    let verb = (start..open).rev().find(|&v| {
        is_speech_verb(ctx.tokens, v)
            || (ctx.key(v) == "calling" && v > start && ctx.tokens[v - 1].text == ",")
    });
    let Some(v) = verb else {
        // `X: "…"` with no verb: the subject before the colon; or the person the sentence opens
        // with (`Its president, Gavin Thorne, had a simple message for patients: "…"`)
        return (open > start && ctx.tokens[open - 1].text == ":")
            .then(|| {
                subject_before(ctx, start, open - 1)
                    .or_else(|| opening_person(ctx, start, open.min(start + OPENING_SUBJECT)))
            })
            .flatten();
    };
    if speech_verb_len(ctx.tokens, v) == 2 && ctx.key(v) == "according" {
        return speaker_at(ctx, v + 2);
    }
    // `Downing Street backed the package, saying Britain would "stand shoulder to shoulder"`:
    // a participle after a comma reports the words of the body or state the sentence opens
    // with, when no person is named before it ("Kremlin spokesman Dmitri Sokolov went further,
    // telling reporters" is the spokesman's)
    let participle = v > start && ctx.tokens[v - 1].text == "," && ctx.key(v).ends_with("ing");
    if participle {
        // the comma before it closes a clause, not an appositive: "Joseph Mwesigwa, chair of
        // the G77, criticised the demand, calling it …" is Mwesigwa's, not the G77's
        if ctx.first_person_in(start, v).is_none() {
            if let Some(m) = opening_body(ctx, start) {
                return Some(Speaker::Named(m));
            }
        }
        return first_subject(ctx, start, open).or_else(|| subject_before(ctx, start, v));
    }
    subject_before(ctx, start, v).or_else(|| first_subject(ctx, start, open))
}

/// The organisation or state that opens the sentence at token `start` as its subject ("The
/// Retail Council", "Downing Street", "Iran's government"), as an index into the mentions.
fn opening_body(ctx: &Context, start: usize) -> Option<usize> {
    let at = start + usize::from(ctx.key(start) == "the");
    let (k, m) = ctx.mention_starting_at(at)?;
    if m.kind == ActorKind::Person {
        return None;
    }
    let end = m.token + m.len;
    // "Iran's government" speaks for Iran; "Iran's president" is someone else
    let possessive = ctx.tokens[end - 1].bare() != ctx.tokens[end - 1].text;
    if possessive && state_noun_after(ctx.tokens, end).is_none() {
        return None;
    }
    Some(k)
}

/// "a ward sister who asked not to be named said she …", "A protester who gave only her first
/// name, Ana, said …": the subject of the first speech verb in tokens `from..to` when it is an
/// unnamed source (one, described with "a" or "an") or a name the actor index missed.
pub fn unnamed_subject(ctx: &Context, from: usize, to: usize) -> Option<Speaker> {
    let v = (from..to).find(|&v| is_speech_verb(ctx.tokens, v))?;
    // past a relative clause without commas ("a ward sister who asked not to be named said")
    let relative = || {
        let who = (from + 1..v).find(|&k| ctx.key(k) == "who")?;
        (from..who).find_map(|s| description_ending_at(ctx, s, who - 1))
    };
    match subject_before(ctx, from, v).or_else(relative)? {
        Speaker::Unnamed {
            description,
            plural: false,
        } if description.starts_with("a ") || description.starts_with("an ") => {
            Some(Speaker::Unnamed {
                description,
                plural: false,
            })
        }
        found @ Speaker::Unlisted { .. } => Some(found),
        _ => None,
    }
}

/// The subject of the verb at token `v`: the mention just before it, past adverbs, an
/// auxiliary and one comma-delimited appositive ("X, who commanded …, says").
fn subject_before(ctx: &Context, start: usize, v: usize) -> Option<Speaker> {
    let mut j = v.checked_sub(1)?;
    // past auxiliaries and adverbs, and letters after a name ("Morven Baird KC said")
    while j > start && (BETWEEN.contains(&ctx.key(j)) || POST_NOMINALS.contains(&ctx.key(j))) {
        j -= 1;
    }
    // "according to the Space Force, which said …": the relative pronoun stands for the name
    // before its comma
    if matches!(ctx.key(j), "which" | "who") && j >= start + 2 && ctx.tokens[j - 1].text == "," {
        j -= 2;
    }
    if ctx.tokens[j].text == "," {
        let open_comma = (start..j).rev().find(|&c| ctx.tokens[c].text == ",")?;
        if let Some(named) = name_between(ctx, open_comma + 1, j) {
            return Some(named);
        }
        j = open_comma.checked_sub(1)?;
        // two appositives in a row: "Lakshmi Rao, convener of the Jal Suraksha Manch, a
        // farmers' collective, said" is Rao's, the subject before both, not the name the
        // second one describes
        let described = mention_ending_at(ctx.mentions, j).is_some()
            || names::name_ending_at(ctx.tokens, ctx.mentions, start, j).is_some();
        if let Some(first) =
            appositive::opening(ctx.tokens, open_comma, start).filter(|_| described)
        {
            j = first.checked_sub(1)?;
        }
    }
    if j < start {
        return None;
    }
    // organisations and states speak too: "The Retail Council warned that …"; but in
    // "Martin Keller of ETH Zurich said" the place or body only says where the speaker works
    if let Some((m, mention)) = mention_ending_at(ctx.mentions, j) {
        // "A source close to Okonjo said", "a lawyer for Ms Hale said": the person after a
        // preposition is who the description speaks for, not the speaker
        let first = title_before(ctx.tokens, mention.token).unwrap_or(mention.token);
        let object = mention.kind == ActorKind::Person
            && first > start
            && (COMPLEMENTS.contains(&ctx.key(first - 1)) || ctx.key(first - 1) == "to");
        if object {
            if let Some(described) = (start..first).find_map(|s| description_ending_at(ctx, s, j)) {
                return Some(described);
            }
        }
        if mention.kind != ActorKind::Person {
            if let Some(head) = affiliated_head(ctx, start, mention.token, mention.len) {
                return Some(head);
            }
        }
        return Some(Speaker::Named(m));
    }
    if matches!(ctx.key(j), "he" | "she") {
        return Some(Speaker::Pronoun(j));
    }
    // "The Kremlin struck a different note. It said Moscow opposed …": "it" speaks for the
    // organisation or state the paragraph last named before it
    if ctx.key(j) == "it" {
        return ctx
            .mentions
            .iter()
            .rposition(|m| m.token + m.len <= j && m.kind != ActorKind::Person)
            .map(Speaker::Named);
    }
    if let Some((token, len)) = names::name_ending_at(ctx.tokens, ctx.mentions, start, j) {
        // a body the index does not know ("ETH Zurich") can be an affiliation too
        return affiliated_head(ctx, start, token, len).or(Some(Speaker::Unlisted { token, len }));
    }
    // "a source at the club said", "a senior official at the ministry, who …, said": the body
    // is where the described person works, not the speaker (but "a spokesperson for the
    // company" speaks for it)
    let affiliated =
        j >= start + 2 && ctx.key(j - 1) == "the" && AFFILIATIONS.contains(&ctx.key(j - 2));
    if affiliated {
        if let Some(described) = (start..j - 2).find_map(|s| description_ending_at(ctx, s, j)) {
            return Some(described);
        }
    }
    if let Some(body) = body_ending_at(ctx, start, j) {
        return Some(body);
    }
    // "one senior European diplomat said": a description ending at j
    (start..=j).find_map(|s| description_ending_at(ctx, s, j))
}

/// "the health board said it …", "the energy ministry said …": a body named by its kind (one
/// word, or a state's body in two) ending at token `j` after "the"; the organisation the
/// paragraph names that it refers to, else kept as that description for [`super::resolve`].
fn body_ending_at(ctx: &Context, start: usize, j: usize) -> Option<Speaker> {
    let noun = &ctx.tokens[j];
    if !noun.is_word() || noun.is_capitalised() {
        return None;
    }
    let one = j > start && ctx.key(j - 1) == "the" && is_organization_noun(noun);
    let two = j > start + 1
        && ctx.key(j - 2) == "the"
        && ctx.tokens[j - 1].is_word()
        && !ctx.tokens[j - 1].is_capitalised()
        && (is_organization_noun(noun) || state_noun_after(ctx.tokens, j - 1) == Some(2));
    if !one && !two {
        return None;
    }
    if let Some(m) = issuer(ctx, noun, j) {
        return Some(Speaker::Named(m));
    }
    let words: Vec<&str> = ctx.tokens[j - usize::from(two)..=j]
        .iter()
        .map(|t| t.text)
        .collect();
    Some(Speaker::Unnamed {
        description: format!("the {}", words.join(" ")),
        plural: false,
    })
}

/// Prepositions joining a speaker to the place or body they belong to ("Anna Berg of the
/// University of Bern", "the mayor of London", "a lawyer from Amnesty International").
const AFFILIATIONS: [&str; 3] = ["of", "at", "from"];

/// Words an affiliation's name may hold besides capitalised ones ("the University of Bern").
const NAME_LINKS: [&str; 5] = ["the", "of", "for", "and", "&"];

/// The most tokens between the preposition and the place or body an affiliation's name ends in
/// ("from the Institute for Fiscal Studies": four).
const MAX_AFFILIATION: usize = 8;

/// The speaker a place or body at tokens `place..place + len` is the affiliation of: the person or
/// description ending just before "of", "at" or "from", which is followed by the place or body,
/// or by a name ending in it ("Martin Keller of ETH Zurich", "Anna Berg of the University of
/// Bern", "the mayor of London"); or the body a place names ("the Retail Council of Ireland").
/// None when nothing of the kind stands before it.
fn affiliated_head(ctx: &Context, start: usize, place: usize, len: usize) -> Option<Speaker> {
    let lowest = place.saturating_sub(MAX_AFFILIATION + 1).max(start + 1);
    let mut p = place.checked_sub(1)?;
    while p >= lowest {
        let key = ctx.key(p);
        if AFFILIATIONS.contains(&key) {
            let q = p - 1;
            if let Some((m, mention)) = mention_ending_at(ctx.mentions, q) {
                // a person, or a body named for its place ("the Retail Council of Ireland")
                if matches!(mention.kind, ActorKind::Person | ActorKind::Organization) {
                    return Some(Speaker::Named(m));
                }
            } else if let Some((token, len)) =
                names::name_ending_at(ctx.tokens, ctx.mentions, start, q)
            {
                return Some(Speaker::Unlisted { token, len });
            } else if is_role_noun(ctx.key(q)) {
                let j = place + len - 1;
                return (start..=q).find_map(|s| description_ending_at(ctx, s, j));
            }
        }
        let in_name = NAME_LINKS.contains(&key) || ctx.tokens[p].is_capitalised();
        if !in_name {
            return None;
        }
        p -= 1;
    }
    None
}

/// Prepositions that never open a description of a speaker.
const PREPOSITIONS: [&str; 8] = ["with", "by", "for", "from", "to", "at", "in", "of"];

/// Prepositions that may follow the head of a description ("a spokesman for the company").
const COMPLEMENTS: [&str; 6] = ["at", "for", "in", "from", "with", "of"];

/// A description from token `s` to token `j`: its role noun at `j` ("one senior European
/// diplomat"), or followed by a prepositional phrase running to `j` ("a senior manager at one of
/// the hospitals"), which the description keeps.
fn description_ending_at(ctx: &Context, s: usize, j: usize) -> Option<Speaker> {
    if is_role_noun(ctx.key(j)) {
        return description_at(ctx, s);
    }
    let head = (s..j.min(s + 6)).find(|&h| is_role_noun(ctx.key(h)))?;
    let complement = &ctx.tokens[head + 1..=j];
    // "a source close to the player"
    let close_to = ctx.key(head + 1) == "close" && ctx.key(head + 2) == "to";
    let is_phrase = (COMPLEMENTS.contains(&ctx.key(head + 1)) || close_to)
        && complement.iter().all(Token::is_word)
        && complement.len() <= 8;
    match description_at(ctx, s)? {
        Speaker::Unnamed {
            description,
            plural,
        } if is_phrase && description.ends_with(ctx.tokens[head].text) => {
            let words: Vec<&str> = complement.iter().map(|t| t.text).collect();
            Some(Speaker::Unnamed {
                description: format!("{description} {}", words.join(" ")),
                plural,
            })
        }
        _ => None,
    }
}

/// `Dawson's lawyer, Simon Price, said`: the appositive between commas is the speaker's name.
fn name_between(ctx: &Context, from: usize, to: usize) -> Option<Speaker> {
    if let Some((m, mention)) = mention_ending_at(ctx.mentions, to - 1) {
        if mention.kind != ActorKind::Person {
            // ", Brandon Kessler of Mercer Lowell LLP,": the person the body employs
            return affiliated_head(ctx, from, mention.token, mention.len).filter(|s| match s {
                Speaker::Named(p) => ctx.mentions[*p].token == from,
                Speaker::Unlisted { token, .. } => *token == from,
                _ => false,
            });
        }
        let titled = title_before(ctx.tokens, mention.token) == Some(from)
            || (mention.token > from + 1
                && ctx.key(mention.token - 1) == "."
                && title_before(ctx.tokens, mention.token - 1) == Some(from));
        // ", the novelist Thomas Everly,": a role in lower case before the name
        let described = matches!(ctx.key(from), "the" | "a" | "an")
            && mention.token - from <= 4
            && ctx.tokens[from + 1..mention.token]
                .iter()
                .all(|t| t.is_word() && !t.is_capitalised());
        let whole = mention.token == from || titled || described;
        return whole.then_some(Speaker::Named(m));
    }
    // a name the index missed, alone or with where it works ("of Mercer Lowell LLP")
    names::name_at(ctx.tokens, ctx.mentions, from)
        .filter(|&(token, len)| {
            let end = token + len;
            end == to
                || (end + 1 < to
                    && AFFILIATIONS.contains(&ctx.key(end))
                    && ctx.tokens[end + 1..to]
                        .iter()
                        .all(|t| t.is_capitalised() || NAME_LINKS.contains(&t.key())))
        })
        .map(|(token, len)| Speaker::Unlisted { token, len })
}

/// The sentence's first person, or its opening pronoun: the subject of coordinated verbs
/// ("Trump described … and vowed that …").
fn first_subject(ctx: &Context, start: usize, open: usize) -> Option<Speaker> {
    if let Some(m) = ctx.first_person_in(start, open) {
        return Some(Speaker::Named(m));
    }
    if let Some((token, len)) = names::name_at(ctx.tokens, ctx.mentions, start) {
        return Some(Speaker::Unlisted { token, len });
    }
    matches!(ctx.key(start), "he" | "she").then_some(Speaker::Pronoun(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_or_conjunction_is_no_part_of_a_description() {
        let tokens = crate::extract::token::tokenize("and said its member companies agreed");
        let ctx = Context {
            tokens: &tokens,
            mentions: &[],
        };
        assert_eq!(description_at(&ctx, 0), None);
        let tokens = crate::extract::token::tokenize("one senior European diplomat said");
        let ctx = Context {
            tokens: &tokens,
            mentions: &[],
        };
        assert!(matches!(
            description_at(&ctx, 0),
            Some(Speaker::Unnamed { description, .. }) if description == "a senior European diplomat"
        ));
    }

    #[test]
    fn the_indefinite_article_follows_the_first_sound() {
        for (word, article) in [
            ("official", "an"),
            ("spokeswoman", "a"),
            ("European", "a"),
            ("union", "a"),
            ("Uber", "an"),
            ("hour-long", "an"),
            ("honest", "an"),
            ("housing", "a"),
            ("EU", "an"),
            ("MP", "an"),
            ("UN", "a"),
            ("BBC", "a"),
        ] {
            assert_eq!(indefinite(word), article, "{word}");
        }
    }
}
