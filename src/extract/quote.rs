//! Quotations: every direct quotation with its speaker.
//!
//! Marks are found per paragraph ([`marks`]); each quoted stretch gets an attribution
//! ([`attribution`]): after it, before it, or — for a quotation split by its attribution
//! (`"A," she said. "B."`) or a paragraph that is only a quotation — from the quotation before.
//! Pronouns and "the minister" resolve to the subject last named outside quotation marks.
//! Scare quotes and terms ("so-called", "what we mean by", a label of a few words that no one
//! says) are not quotations.

pub mod attribution;
pub mod marks;
pub mod names;

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::briefing::{Article, Loc, Span};
use crate::extract::actor::person::is_speech_verb;
use crate::extract::actor::{capitals_name, earlier_referent, is_state_noun, ActorIndex, Mention};
use crate::extract::gender::{self, Gender};
use crate::extract::token::{tokenize, Token};
use crate::extract::{ActorId, ActorKind, Quote};
use crate::text::clean::stop::is_stop_word;
use attribution::{Context, Speaker};
use marks::{find_marked, Marked};

/// Words before a quotation that make it a term, not something said.
const SCARE_MARKERS: [&str; 16] = [
    "so-called",
    "so called",
    "mean by",
    "the term",
    "the phrase",
    "the word",
    "known as",
    "dubbed",
    "labelled",
    "labeled",
    "branded",
    "nicknamed",
    "overused",
    "the notion of",
    "the concept of",
    "the idea of",
];

/// Bytes before a quotation mark searched for a scare marker ("so-called").
const SCARE_WINDOW: usize = 64;
/// Tokens before a quotation searched for its attribution.
const MAX_LOOKBACK: usize = 60;

/// A quotation without a speaker must be this long (words) to count: shorter ones are labels.
const MIN_UNATTRIBUTED_WORDS: usize = 8;
/// A quotation this short (words) needs a named speaker or one singular unnamed source.
const MAX_SHORT_WORDS: usize = 3;

/// A resolved speaker: the name shown and the actor, if any.
#[derive(Debug, Clone, PartialEq)]
struct Said {
    name: Option<String>,
    actor: Option<ActorId>,
    vague: bool,
}

/// One paragraph prepared for the rules.
struct Para<'a> {
    article: crate::briefing::ArticleId,
    index: usize,
    text: &'a str,
    /// Tokenized on first use and dropped once the scan is [`WINDOW`] paragraphs past, so an
    /// article of a million paragraphs never holds them all.
    tokens: std::cell::OnceCell<Vec<Token<'a>>>,
    mentions: &'a [Mention],
    marked: Vec<Marked>,
    sentences: &'a [Span],
}

impl<'a> Para<'a> {
    fn tokens(&self) -> &[Token<'a>] {
        self.tokens.get_or_init(|| tokenize(self.text))
    }
}

/// The article being read: its paragraphs, and the fullest form of each name in it (built on
/// first need, in one pass).
struct Doc<'a> {
    paras: Vec<Para<'a>>,
    names: std::cell::OnceCell<names::FullNames>,
}

impl Doc<'_> {
    fn names(&self) -> &names::FullNames {
        self.names
            .get_or_init(|| names::FullNames::build(self.paras.iter().map(|p| p.text)))
    }
}

/// Paragraphs behind the one being read whose tokens are kept (a pronoun looks back at most
/// [`LOOK_BACK`] sentences; further back they are tokenized again if needed).
const WINDOW: usize = 16;

/// Every quotation in `article`, in reading order, with speakers from `actors`.
pub fn find_quotes(article: &Article, actors: &ActorIndex) -> Vec<Quote> {
    let paras: Vec<Para> = article
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| Para {
            article: article.id,
            index: i,
            text: &p.text,
            tokens: std::cell::OnceCell::new(),
            mentions: actors.in_paragraph(article.id.index(), i),
            marked: find_marked(&p.text),
            sentences: &p.sentences,
        })
        .collect();
    let mut doc = Doc {
        paras,
        names: std::cell::OnceCell::new(),
    };
    let mut quotes: Vec<Quote> = Vec::new();
    // a transcript: two paragraphs or more open with a speaker's label in capitals
    let transcript = doc
        .paras
        .iter()
        .filter(|p| may_open_with_label(p.text))
        .nth(1)
        .is_some();
    let mut previous: Option<(usize, bool, Said)> = None; // (paragraph, attributed after, speaker)
    let mut last_kept: Option<(usize, usize)> = None; // (paragraph, quotation) of `previous`
    let mut carry: Option<Quote> = None; // a quotation running on into the next paragraph
    for p in 0..doc.paras.len() {
        if let Some(old) = p.checked_sub(WINDOW) {
            doc.paras[old].tokens.take();
        }
        let doc = &doc;
        let para = &doc.paras[p];
        if transcript && may_open_with_label(para.text) {
            if let Some(turn) = turn(para, actors) {
                quotes.push(turn);
            }
        }
        for (k, marked) in para.marked.iter().enumerate() {
            let loc = Loc {
                article: article.id,
                paragraph: para.index,
                span: trimmed(para.text, marked.inner),
            };
            if let Some(mut open) = carry.take() {
                if marked.open == leading_space(para.text) {
                    open.parts.push(loc);
                    open.text = join(&open.text, loc.span.of(para.text));
                    finish_or_carry(open, marked.closed, &mut quotes, &mut carry);
                    continue;
                }
                quotes.push(open); // the run-on stopped: keep what was quoted
            }
            if is_scare_quote(para, marked) {
                continue;
            }
            let words = loc.span.of(para.text).split_whitespace().count();
            let (said, after) = attribute(doc, para, k, actors);
            let said = said
                .or_else(|| inherit(para, k, &previous, marked))
                .or_else(|| same_sentence(para, k, &previous, last_kept))
                .or_else(|| introduced(doc, para, k, marked, actors));
            // `"A," she said, "B."`: the second part continues the first unless it has an
            // attribution of its own after it
            let merge = split_continuation(para, k, &previous) && !(said.is_some() && after);
            if merge {
                if let Some(mut last) = quotes.pop() {
                    last.parts.push(loc);
                    last.text = join(&last.text, loc.span.of(para.text));
                    // `"A," said X. "B.` and the quotation runs on into the next paragraph
                    finish_or_carry(last, marked.closed, &mut quotes, &mut carry);
                    continue;
                }
            }
            let keep = match &said {
                None => words >= MIN_UNATTRIBUTED_WORDS,
                Some(s) => words > MAX_SHORT_WORDS || (s.name.is_some() && !s.vague),
            };
            if !keep || words == 0 {
                continue;
            }
            let said = said.unwrap_or(Said {
                name: None,
                actor: None,
                vague: true,
            });
            previous = Some((para.index, after, said.clone()));
            last_kept = Some((para.index, k));
            let quote = Quote {
                text: loc.span.of(para.text).to_string(),
                speaker: said.name,
                actor: said.actor,
                at: loc,
                parts: vec![loc],
            };
            finish_or_carry(quote, marked.closed, &mut quotes, &mut carry);
        }
    }
    quotes.extend(carry);
    quotes
}

/// Whether `text` may open with a speaker's label in capitals ("CHIEF WHITLOCK: …"): a
/// capital, and a colon within the first few dozen bytes with no lower-case letter before it.
/// A cheap test, so that only such paragraphs are tokenized for [`turn`].
fn may_open_with_label(text: &str) -> bool {
    const LONGEST_LABEL: usize = 48;
    let head = &text.as_bytes()[..text.len().min(LONGEST_LABEL)];
    head.first().is_some_and(u8::is_ascii_uppercase)
        && head
            .iter()
            .position(|&b| b == b':')
            .is_some_and(|colon| !head[..colon].iter().any(u8::is_ascii_lowercase))
}

/// A transcript's turn: the words after the speaker's label, as that speaker's quotation. The
/// label names a person ("FIRE MARSHAL HOLM:") or a role ("REPORTER:", "a reporter").
fn turn(para: &Para, actors: &ActorIndex) -> Option<Quote> {
    let tokens = para.tokens();
    let colon = tokens.iter().position(|t| t.text == ":")?;
    let named = capitals_name(tokens)
        .filter(|&(start, len)| start + len == colon)
        .and_then(|(start, _)| para.mentions.first().filter(|m| m.token == start));
    let said = match named {
        Some(m) => Said {
            name: Some(actors.actors[m.actor.0 as usize].name.clone()),
            actor: Some(m.actor),
            vague: false,
        },
        None if colon == 1 && attribution::is_role_noun(tokens[0].key()) => {
            let role = tokens[0].key();
            Said {
                name: Some(format!("{} {role}", attribution::indefinite(role))),
                actor: None,
                vague: false,
            }
        }
        None => return None,
    };
    let span = trimmed(para.text, Span::new(tokens[colon].end, para.text.len()));
    if span.is_empty() {
        return None;
    }
    let at = Loc {
        article: para.article,
        paragraph: para.index,
        span,
    };
    Some(Quote {
        text: span.of(para.text).to_string(),
        speaker: said.name,
        actor: said.actor,
        at,
        parts: vec![at],
    })
}

fn finish_or_carry(quote: Quote, closed: bool, quotes: &mut Vec<Quote>, carry: &mut Option<Quote>) {
    if closed {
        quotes.push(quote);
    } else {
        *carry = Some(quote);
    }
}

fn leading_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

fn join(a: &str, b: &str) -> String {
    format!("{} {}", a.trim_end(), b.trim_start())
}

fn trimmed(text: &str, span: Span) -> Span {
    let inner = span.of(text);
    let lead = inner.len() - inner.trim_start().len();
    // an all-blank stretch (`“ "`) trims to an empty span at its start, never a reversed one
    let trail = (inner.len() - inner.trim_end().len()).min(inner.len() - lead);
    Span::new(span.start + lead, span.end - trail)
}

/// `under "life and limb" arrangements`, `a "zero tolerance" policy`: a short phrase in
/// quotation marks between a determiner or preposition and a noun it modifies is a term, not
/// anyone's words (the word after it is no function word: `was "relaxed" about`), unless a
/// speech verb earlier in its clause reports it (`what he called a "rushed" process`).
fn modifies_a_noun(para: &Para, marked: &Marked) -> bool {
    if !marked.closed {
        return false;
    }
    let inner = marked.inner.of(para.text);
    let before = para.text[..marked.open].split_whitespace().next_back();
    let after = para.text[marked.close..].split_whitespace().next();
    let opens = before.is_some_and(|w| MODIFIER_OPENERS.contains(&w.to_lowercase().as_str()));
    let noun = after.is_some_and(|w| {
        // glued to the mark ("”.") is no word after it
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty()
            && !para.text[marked.close..].starts_with(|c: char| !c.is_whitespace())
            && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && !is_stop_word(w)
    });
    if !(opens && noun && inner.split_whitespace().count() <= 4) {
        return false;
    }
    // `through its "DriveSure" programme`: capitalised words there name the thing, whatever
    // verb the clause has
    let named = inner
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !inner.trim_end().ends_with(['.', ',', '!', '?']);
    if named {
        return true;
    }
    // `what he called a "rushed" process`, `told the FT that Europe has a "pretty precise"
    // plan`: a speech verb earlier in the clause reports the words (not one before a comma:
    // `said the strike was on, although wards run under "life and limb" rules`); a few dozen
    // words back at most, so a paragraph of many quotations stays linear
    let si = para.sentences.partition_point(|s| s.end <= marked.open);
    let from = para
        .sentences
        .get(si)
        .map_or(0, |s| s.start.min(marked.open));
    let open_token = para.tokens().partition_point(|t| t.start < marked.open);
    let first = para
        .tokens()
        .partition_point(|t| t.start < from)
        .max(open_token.saturating_sub(MAX_LOOKBACK));
    let reported = (first..open_token)
        .rev()
        .take_while(|&k| !matches!(para.tokens()[k].text, "," | ";"))
        .any(|k| is_speech_verb(para.tokens(), k));
    !reported
}

/// Words before a phrase that modifies a noun: determiners, quantifiers ("at least one “low
/// standing charge” tariff") and prepositions.
const MODIFIER_OPENERS: [&str; 26] = [
    "a", "an", "the", "one", "another", "each", "every", "any", "no", "this", "these", "those",
    "such", "under", "of", "for", "on", "in", "with", "by", "from", "into", "its", "their", "his",
    "her",
];

/// "so-called “coalition of the willing”", "what we mean by “security guarantees.”"
fn is_scare_quote(para: &Para, marked: &Marked) -> bool {
    if modifies_a_noun(para, marked) {
        return true;
    }
    if is_title(marked.inner.of(para.text)) {
        return true;
    }
    // the last few words only: lower-casing the whole paragraph before every quotation mark
    // would be quadratic in a paragraph of many quotations
    let mut from = marked.open.saturating_sub(SCARE_WINDOW);
    while !para.text.is_char_boundary(from) {
        from -= 1;
    }
    let before = para.text[from..marked.open].to_lowercase();
    names_a_term(&before) || known_as(&before) || what_they_call(&before)
}

/// "what staff call ‘corridor care’", "what locals call “the Gap”": a name in common use, given
/// with "call" in the present; "what he called a “rushed” process" reports his words.
fn what_they_call(before: &str) -> bool {
    let Some(lead) = before.trim_end().strip_suffix(" call") else {
        return false;
    };
    lead.rsplit(' ').take(3).any(|w| w == "what")
}

/// "whose offices are known across campus as “the Tower”": "known" and, a few words on, "as"
/// right before the quotation mark (what [`SCARE_MARKERS`] holds with nothing between).
fn known_as(before: &str) -> bool {
    let Some(lead) = before.trim_end().strip_suffix(" as") else {
        return false;
    };
    lead.rsplit(' ')
        .take(4)
        .any(|w| matches!(w, "known" | "referred" | "nicknamed" | "dubbed"))
}

/// "the regulator's report, “Affordability and Debt in the Retail Energy Market”": words in
/// title case (three or more, at least half of them and every word of four letters or more
/// capitalised, no closing full stop) name a report, a film or a slogan; people's words are
/// written as sentences.
fn is_title(inner: &str) -> bool {
    let inner = inner.trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    words.len() >= 3
        && !inner.ends_with(['.', '?', '!', ','])
        && words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(capitalised)
        && words.iter().filter(|w| capitalised(w)).count() * 2 >= words.len()
}

/// The scare markers as one automaton: a quotation's lead-in is read once for all of them
/// (searching each marker on its own cost a searcher's set-up per marker and quotation).
static SCARE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(SCARE_MARKERS).expect("scare markers form a valid automaton")
});

/// Whether the last 24 characters of `before` (lower case, the text before a quotation mark)
/// end in a scare marker or hold one followed by a space.
fn names_a_term(before: &str) -> bool {
    let start = before.char_indices().rev().nth(23).map_or(0, |(i, _)| i);
    let tail = &before[start..];
    let end = tail.trim_end().len();
    SCARE
        .find_overlapping_iter(tail)
        .any(|m| m.end() == end || tail[m.end()..].starts_with(' '))
}

/// The speaker from the attribution after or before the quotation, and whether it came after.
fn attribute(doc: &Doc, para: &Para, k: usize, actors: &ActorIndex) -> (Option<Said>, bool) {
    let marked = &para.marked[k];
    let ctx = Context {
        tokens: para.tokens(),
        mentions: para.mentions,
    };
    let close_token = para.tokens().partition_point(|t| t.start < marked.close);
    let open_token = para.tokens().partition_point(|t| t.start < marked.open);
    // the sentence the quotation opens in
    let si = para.sentences.partition_point(|s| s.end <= marked.open);
    let sentence_start = para
        .sentences
        .get(si)
        .map_or(0, |s| s.start.min(marked.open));
    // an attribution before a quotation stands within a few dozen words of it; the bound keeps
    // a paragraph of thousands of quotations (and no sentence end) linear
    let from_token = para
        .tokens()
        .partition_point(|t| t.start < sentence_start)
        .max(open_token.saturating_sub(MAX_LOOKBACK));
    let after = if marked.closed {
        attribution::after(&ctx, close_token)
    } else {
        None
    };
    // `X said the ruling was "a line in the sand." The group urged …`: a quotation that ends
    // its sentence inside a sentence that names its speaker before it is that speaker's; the
    // next sentence's subject and verb are news of their own
    let ends_sentence = para.text[marked.inner.start..marked.inner.end]
        .trim_end()
        .ends_with(['.', '?', '!']);
    let opens_sentence = para.text[sentence_start..marked.open].trim().is_empty();
    // the attribution before, read at most once
    let mut before = None;
    let after = match after {
        Some(s) if ends_sentence && !opens_sentence => {
            let found = attribution::before(&ctx, from_token, open_token);
            let keep = found.is_none();
            before = Some(found);
            keep.then_some(s)
        }
        other => other,
    };
    let found = match after {
        Some(s) => Some((s, true)),
        None => before
            .unwrap_or_else(|| attribution::before(&ctx, from_token, open_token))
            .or_else(|| reported_before(para, &ctx, si, marked, open_token))
            .map(|s| (s, false)),
    };
    match found {
        Some((speaker, is_after)) => (resolve(doc, para, speaker, actors), is_after),
        None => (None, false),
    }
}

/// `X said the agency would publish new orbits. "We will share everything."`: a quotation that
/// opens its sentence (number `si` of the paragraph), with no attribution of its own, is the speaker's whom the sentence before
/// it reports, when that sentence has a speech verb whose subject is a name and quotes nothing
/// itself.
fn reported_before(
    para: &Para,
    ctx: &Context,
    si: usize,
    marked: &Marked,
    open_token: usize,
) -> Option<Speaker> {
    let sentence = para.sentences.get(si)?;
    let previous = para.sentences.get(si.checked_sub(1)?)?;
    let opens = para.text[sentence.start.min(marked.open)..marked.open]
        .trim()
        .is_empty();
    let quotes_nothing =
        !para.text[previous.start..previous.end].contains(['"', '“', '”', '«', '»']);
    if !opens || !quotes_nothing {
        return None;
    }
    let from = ctx.tokens.partition_point(|t| t.start < previous.start);
    // only a name: a description or a lone capitalised word ("Analysts say …", "Health
    // campaigners said …") is too weak a claim on a quotation that names no one
    attribution::before(ctx, from, open_token).filter(|s| match s {
        Speaker::Named(_) => true,
        Speaker::Unlisted { len, .. } => *len >= 2,
        Speaker::Pronoun(_) | Speaker::Unnamed { .. } => false,
    })
}

fn resolve(doc: &Doc, para: &Para, speaker: Speaker, actors: &ActorIndex) -> Option<Said> {
    let named = |m: &Mention| Said {
        name: Some(actors.actors[m.actor.0 as usize].name.clone()),
        actor: Some(m.actor),
        vague: false,
    };
    match speaker {
        Speaker::Named(m) => Some(named(&para.mentions[m])),
        Speaker::Unnamed {
            description,
            plural,
        } => Some(
            description
                .strip_prefix("the ")
                .and_then(|noun| {
                    // "the health board" after "Tywi Valley University Health Board": its head
                    let head = noun.rsplit(' ').next().unwrap_or(noun);
                    earlier_body(doc, para.index, noun, actors)
                        .or_else(|| {
                            (head != noun)
                                .then(|| earlier_body(doc, para.index, head, actors))
                                .flatten()
                        })
                        .or_else(|| state_of(doc, para, noun, actors))
                })
                .unwrap_or(Said {
                    name: Some(description),
                    actor: None,
                    vague: plural,
                }),
        ),
        Speaker::Pronoun(token) => {
            let at = para.tokens()[token].start;
            let pronoun = gender::of_pronoun(para.tokens()[token].key());
            antecedent(doc, para.index, at, pronoun, actors)
        }
        Speaker::Unlisted { token, len } => Some(unlisted(doc, para, token, len, actors)),
    }
}

/// Paragraphs back that "the statement" (or a state's body, "the energy ministry") may refer to.
const BODY_LOOK_BACK: usize = 8;

/// Paragraphs back that "the company" or "the health board" may refer to: a long article's,
/// bounded so that a file of thousands of such paragraphs stays linear.
const ORG_LOOK_BACK: usize = 40;

/// `"…," the statement said` or `the agency said` in paragraph `p`, when the paragraph names
/// no issuer: for a document, the first organisation or person named in the nearest paragraph
/// before that mentions one ("In a statement, Halberd said …"); for an organisation's kind,
/// the organisation last named before that it may refer back to ([`earlier_referent`]), up to
/// [`ORG_LOOK_BACK`] paragraphs before.
fn earlier_body(doc: &Doc, p: usize, noun: &str, actors: &ActorIndex) -> Option<Said> {
    let earlier = || doc.paras[p.saturating_sub(BODY_LOOK_BACK)..p].iter().rev();
    let found = if attribution::is_document(noun) {
        earlier()
            .find(|q| holds_word(q.text, noun))?
            .mentions
            .iter()
            .find(|m| matches!(m.kind, ActorKind::Organization | ActorKind::Person))?
            .actor
    } else {
        // in text order: the referent is the last that fits, further back than a document's
        // ("the health board" a dozen paragraphs after the board's name)
        let orgs: Vec<ActorId> = doc.paras[p.saturating_sub(ORG_LOOK_BACK)..p]
            .iter()
            .flat_map(|q| q.mentions)
            .filter(|m| m.kind == ActorKind::Organization)
            .map(|m| m.actor)
            .collect();
        earlier_referent(&orgs, &actors.actors, noun)?
    };
    Some(Said {
        name: Some(actors.actors[found.0 as usize].name.clone()),
        actor: Some(found),
        vague: false,
    })
}

/// "the energy ministry said" with no state named with it: the state the paragraph names first
/// ("Lima has insisted … the energy ministry said"), else the one named last in the paragraphs
/// before.
fn state_of(doc: &Doc, para: &Para, noun: &str, actors: &ActorIndex) -> Option<Said> {
    if !is_state_noun(noun) {
        return None;
    }
    let country = |m: &&Mention| m.kind == ActorKind::Country;
    let found = para.mentions.iter().find(country).or_else(|| {
        doc.paras[para.index.saturating_sub(BODY_LOOK_BACK)..para.index]
            .iter()
            .rev()
            .find_map(|q| q.mentions.iter().rev().find(country))
    })?;
    Some(Said {
        name: Some(actors.actors[found.actor.0 as usize].name.clone()),
        actor: Some(found.actor),
        vague: false,
    })
}

/// Whether `text` holds `word` (lower case) as a whole word, in any case.
fn holds_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A name the actor index missed, in its fullest form; the actor if that form is known.
fn unlisted(doc: &Doc, para: &Para, token: usize, len: usize, actors: &ActorIndex) -> Said {
    let name = doc.names().fullest(para.tokens(), token, len);
    // "Quispe said" after "Rosa Quispe Mamani": the first of two surnames
    let actor = actors.find(&name).or_else(|| {
        (len == 1)
            .then(|| actors.person_by_inner_name(para.tokens()[token].bare()))
            .flatten()
    });
    let name = actor.map_or(name, |id| actors.actors[id.0 as usize].name.clone());
    // a lone word known nowhere else may be a place or a firm: too weak to own a short quote
    let vague = actor.is_none() && !name.contains(' ');
    Said {
        name: Some(name),
        actor,
        vague,
    }
}

/// The person a pronoun at byte `at` of paragraph `p` (of sex `pronoun`) refers to: a person
/// named earlier in the same sentence, else the subject (first person outside quotation marks)
/// of the nearest sentence before that names one; in both, past people whose first name is the
/// other sex's ([`gender::fits`]).
fn antecedent(
    doc: &Doc,
    p: usize,
    at: usize,
    pronoun: Option<Gender>,
    actors: &ActorIndex,
) -> Option<Said> {
    let para = &doc.paras[p];
    let sentence = para
        .sentences
        .get(para.sentences.partition_point(|s| s.end <= at))
        .copied()
        .unwrap_or_default();
    if let Some(found) = person_in(doc, para, sentence.start, at, pronoun, actors) {
        return Some(found);
    }
    // earlier sentences, nearest first, a bounded look-back
    let earlier = doc.paras[..=p].iter().rev().flat_map(|q| {
        let before = if q.index == p {
            q.sentences.partition_point(|s| s.end <= sentence.start)
        } else {
            q.sentences.len()
        };
        q.sentences[..before].iter().rev().map(move |s| (q, *s))
    });
    earlier.take(LOOK_BACK).find_map(|(q, s)| {
        person_in(doc, q, s.start, s.end, pronoun, actors)
            .or_else(|| unnamed_in(doc, q, s, pronoun, actors))
    })
}

/// The unnamed source, or person the actor index missed, that a sentence `s` of `para` reports
/// ("At a rally, a ward sister who asked not to be named said she had worked there for 19
/// years."), as a speaker a pronoun of sex `pronoun` may refer to.
fn unnamed_in(
    doc: &Doc,
    para: &Para,
    s: Span,
    pronoun: Option<Gender>,
    actors: &ActorIndex,
) -> Option<Said> {
    let (ctx, from, to) = sentence_tokens(para, s);
    match attribution::unnamed_subject(&ctx, from, to)? {
        Speaker::Unnamed { description, .. } => Some(Said {
            name: Some(description),
            actor: None,
            vague: false,
        }),
        Speaker::Unlisted { token, len } => {
            Some(unlisted(doc, para, token, len, actors)).filter(|said| {
                said.name
                    .as_deref()
                    .is_none_or(|name| actors.titled.fits(para.article.0, pronoun, name))
            })
        }
        _ => None,
    }
}

/// The first person named between bytes `from` and `to` of `para` outside quotation marks whom
/// a pronoun of sex `pronoun` may refer to: a known person, else a full name the actor index
/// missed, else a lone surname opening the sentence ("Natarajan laughed.") that the article
/// gives in full elsewhere.
fn person_in(
    doc: &Doc,
    para: &Para,
    from: usize,
    to: usize,
    pronoun: Option<Gender>,
    actors: &ActorIndex,
) -> Option<Said> {
    let fits = |said: &Said| {
        said.name
            .as_deref()
            .is_none_or(|name| actors.titled.fits(para.article.0, pronoun, name))
    };
    let name_of = |m: &Mention| actors.actors[m.actor.0 as usize].name.as_str();
    let known = first_person_outside_quotes(para, from, to, |m| {
        actors.titled.fits(para.article.0, pronoun, name_of(m)) && !owns_a_role(para, m)
    });
    if let Some(m) = known {
        return Some(Said {
            name: Some(name_of(&m).to_string()),
            actor: Some(m.actor),
            vague: false,
        });
    }
    let first = para.tokens().partition_point(|t| t.start < from);
    let last = para.tokens().partition_point(|t| t.start < to);
    let quoted = |j: usize| is_quoted(para, para.tokens()[j].start);
    if let Some((token, len)) =
        names::first_full_name(para.tokens(), para.mentions, first, last, quoted)
    {
        return Some(unlisted(doc, para, token, len, actors)).filter(fits);
    }
    let opener = (first..last.min(first + 2))
        .find(|&j| !matches!(para.tokens()[j].key(), "but" | "and" | "yet" | "so"))?;
    let (token, len) = names::name_at(para.tokens(), para.mentions, opener)?;
    let said = unlisted(doc, para, token, len, actors);
    let full = said.name.as_deref().is_some_and(|n| n.contains(' '));
    (full && fits(&said)).then_some(said)
}

/// "Ferreyra's agent, Guillermo Ostrander, fanned the flames": a person named in the possessive
/// before a role is not who the sentence is about, the role's holder is.
fn owns_a_role(para: &Para, m: &Mention) -> bool {
    let tokens = para.tokens();
    let end = m.token + m.len;
    let possessive = tokens[end - 1].bare() != tokens[end - 1].text;
    possessive
        && tokens
            .get(end)
            .is_some_and(|t| attribution::is_role_noun(t.key()))
}

/// Whether byte `at` of `para` lies inside quotation marks.
fn is_quoted(para: &Para, at: usize) -> bool {
    let k = para.marked.partition_point(|q| q.inner.end <= at);
    para.marked
        .get(k)
        .is_some_and(|q| q.inner.start <= at && at < q.inner.end)
}

/// How many sentences back a pronoun may find its antecedent.
const LOOK_BACK: usize = 12;

/// The first person mentioned between bytes `from` and `to` of `para`, outside quotation marks,
/// that `accept`s.
fn first_person_outside_quotes(
    para: &Para,
    from: usize,
    to: usize,
    accept: impl Fn(&Mention) -> bool,
) -> Option<Mention> {
    let first = para.mentions.partition_point(|m| m.span.start < from);
    para.mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= to)
        .find(|m| {
            let k = para.marked.partition_point(|q| q.inner.end < m.span.end);
            let quoted = para
                .marked
                .get(k)
                .is_some_and(|q| q.inner.start <= m.span.start && m.span.end <= q.inner.end);
            m.kind == ActorKind::Person && !quoted && accept(m)
        })
        .copied()
}

/// A paragraph that is only a quotation, right after a paragraph with one: the same speaker.
fn inherit(
    para: &Para,
    k: usize,
    previous: &Option<(usize, bool, Said)>,
    marked: &Marked,
) -> Option<Said> {
    let (p, _, said) = previous.as_ref()?;
    let whole = is_whole_paragraph(para, k, marked);
    (whole && *p + 1 == para.index && said.name.is_some()).then(|| said.clone())
}

/// `Paris said it had "taken note" of the results and called on "all actors to …"`: a quotation
/// with no attribution of its own, in the sentence of the quotation right before it (`last`,
/// the one `previous` was said of), which was attributed before itself, with no one named
/// between the two: the same speaker's.
fn same_sentence(
    para: &Para,
    k: usize,
    previous: &Option<(usize, bool, Said)>,
    last: Option<(usize, usize)>,
) -> Option<Said> {
    let (p, after, said) = previous.as_ref()?;
    let before = k.checked_sub(1)?;
    if *p != para.index || *after || last != Some((para.index, before)) || said.name.is_none() {
        return None;
    }
    let (first, this) = (&para.marked[before], &para.marked[k]);
    let sentence = |at: usize| para.sentences.partition_point(|s| s.end <= at);
    let named_between = para
        .mentions
        .iter()
        .any(|m| first.close <= m.span.start && m.span.end <= this.open);
    (sentence(first.open) == sentence(this.open) && !named_between).then(|| said.clone())
}

/// Whether quotation `k` (`marked`) of `para` is the whole paragraph (an unclosed one runs on
/// to its end).
fn is_whole_paragraph(para: &Para, k: usize, marked: &Marked) -> bool {
    k == 0 && marked.open == leading_space(para.text) && para.text[marked.close..].trim().len() <= 2
}

/// The rules' context for `para`, and the tokens of its sentence `s` (first, end).
fn sentence_tokens<'p>(para: &'p Para, s: Span) -> (Context<'p>, usize, usize) {
    let tokens = para.tokens();
    let from = tokens.partition_point(|t| t.start < s.start);
    let to = tokens.partition_point(|t| t.start < s.end);
    let ctx = Context {
        tokens,
        mentions: para.mentions,
    };
    (ctx, from, to)
}

/// A paragraph that is only a quotation, under a paragraph quoting nothing whose last sentence
/// introduces it: `its lawyer Morven Baird KC said:` / `'Our members …'`, or reports a named
/// speaker (`Ulrike Fasching, who succeeded him, recalled his first staff meeting.` / `“He
/// walked in …`), or that is about one person ([`attribution::paragraph_subject`]). That
/// speaker's.
fn introduced(
    doc: &Doc,
    para: &Para,
    k: usize,
    marked: &Marked,
    actors: &ActorIndex,
) -> Option<Said> {
    let before = doc.paras.get(para.index.checked_sub(1)?)?;
    if !is_whole_paragraph(para, k, marked) || !before.marked.is_empty() {
        return None;
    }
    let (ctx, from, end) = sentence_tokens(before, *before.sentences.last()?);
    let colon = end
        .checked_sub(1)
        .filter(|&c| c >= from && ctx.tokens[c].text == ":");
    // as if the quotation opened where the sentence ends
    let named = attribution::before(&ctx, from, end).filter(|speaker| match speaker {
        Speaker::Named(m) => before.mentions[*m].kind == ActorKind::Person,
        Speaker::Unlisted { len, .. } => *len >= 2,
        Speaker::Pronoun(_) | Speaker::Unnamed { .. } => colon.is_some(),
    });
    // else the person the paragraph is about, when it is about one
    let speaker = named.or_else(|| attribution::paragraph_subject(&ctx, 0, from))?;
    resolve(doc, before, speaker, actors)
}

/// `"A," she said. "B."`: a quotation with no attribution right after a quotation attributed
/// after it, in the same paragraph, continues it.
fn split_continuation(para: &Para, k: usize, previous: &Option<(usize, bool, Said)>) -> bool {
    let Some((p, after, _)) = previous else {
        return false;
    };
    if *p != para.index || !after || k == 0 {
        return false;
    }
    let gap = &para.text[para.marked[k - 1].close..para.marked[k].open];
    let words = gap.split_whitespace().count();
    words <= 20 && gap.trim_end().ends_with(['.', ',', ':']) && !gap.contains(['“', '”', '"'])
}

#[cfg(test)]
mod tests {
    use super::{names_a_term, SCARE_MARKERS};
    use crate::briefing::{assemble, Format};
    use crate::ingest::read_bytes;

    /// The scare-marker test as first written: every marker searched on its own in the last
    /// 24 characters.
    fn names_a_term_reference(before: &str) -> bool {
        let tail: String = before
            .chars()
            .rev()
            .take(24)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let followed_by_space = |m: &str| {
            tail.match_indices(m)
                .any(|(i, _)| tail[i + m.len()..].starts_with(' '))
        };
        SCARE_MARKERS
            .iter()
            .any(|m| tail.trim_end().ends_with(m) || followed_by_space(m))
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(2000, 37))]

        #[test]
        fn one_automaton_finds_the_scare_markers_the_searches_found(
            before in "((so-called|so called|mean by|the term|the phrase|known as|dubbed|the idea of|labell?ed|the)|[a-z ,.éß—-]){0,12}( |  |\t)?"
        ) {
            proptest::prop_assert_eq!(names_a_term(&before), names_a_term_reference(&before));
        }
    }

    #[test]
    fn a_marker_ending_the_lead_in_or_followed_by_a_space_names_a_term() {
        assert!(names_a_term("what we mean by "));
        assert!(names_a_term("the so-called"));
        assert!(names_a_term("a plan known as the "));
        assert!(!names_a_term("he dubbedx"));
        assert!(!names_a_term("she said: "));
    }

    /// The quotations of `text` (paragraphs separated by blank lines) as "speaker: text".
    fn quotes(text: &str) -> Vec<String> {
        let (doc, _) = read_bytes("t", "t", Format::Markdown, text.as_bytes());
        let briefing = assemble(vec![doc], Vec::new());
        briefing
            .quotes
            .iter()
            .map(|q| format!("{}: {}", q.speaker.as_deref().unwrap_or("?"), q.text))
            .collect()
    }

    #[test]
    fn a_contracted_first_person_is_no_speaker() {
        let found = quotes(
            "The letter said the film \"risked misleading the public about the reforms.\" I'd \
             say the public can make up its own mind.",
        );
        assert!(found.iter().all(|q| !q.starts_with("I'd")), "{found:?}");
    }

    #[test]
    fn ruling_something_out_quotes_the_subject() {
        assert_eq!(
            quotes(
                "Governor Andrew Ferrier held rates.\n\nHe also ruled out any return to easing \
                 \"in anything like the foreseeable future\", and rejected the claim."
            ),
            ["Andrew Ferrier: in anything like the foreseeable future"]
        );
    }

    #[test]
    fn a_transcript_turn_is_its_speakers_quotation() {
        let text = "Police Chief Dana Whitlock and Mayor Gloria Espinoza briefed reporters.\n\n\
                    CHIEF DANA WHITLOCK: We are closer than we were a week ago.\n\n\
                    REPORTER: Do you have a suspect?\n\n\
                    MAYOR ESPINOZA: The city owns two of the properties.";
        assert_eq!(
            quotes(text),
            [
                "Dana Whitlock: We are closer than we were a week ago.",
                "a reporter: Do you have a suspect?",
                "Gloria Espinoza: The city owns two of the properties."
            ]
        );
        // one label is no transcript: a lone "UPDATE:" or a dateline quotes no one
        assert!(quotes("UPDATE: Police Chief Dana Whitlock said the road was open.").is_empty());
    }

    #[test]
    fn a_live_blog_s_labels_are_no_speakers() {
        let text = "HALF TIME: Eastfield 1-0 Harbour City. The home side deserve their lead.\n\n\
                    GOAL: Eastfield 2-1 Harbour City. Sipho Mbeki heads in a cross.\n\n\
                    FULL TIME: Eastfield United 2-2 Harbour City\n\n\
                    KEY POINTS: Both sides finished with ten men.";
        assert!(quotes(text).is_empty(), "{:?}", quotes(text));
        // a name holding a label word is still a name
        let text = "JOHN KEY: We will not be changing the plan.\n\n\
                    REPORTER: When will you decide?\n\n\
                    JOHN KEY: Next week.";
        assert_eq!(
            quotes(text),
            [
                "John Key: We will not be changing the plan.",
                "a reporter: When will you decide?",
                "John Key: Next week."
            ]
        );
    }

    #[test]
    fn the_subject_before_two_appositives_speaks() {
        // the second appositive describes the organisation the first names
        let text = "Lakshmi Narayanaswamy, convener of the Jal Suraksha Manch, a farmers\u{2019} \
                    group, said the ruling was \u{201c}a line in the sand.\u{201d}";
        assert_eq!(quotes(text), ["Lakshmi Narayanaswamy: a line in the sand."]);
        let text = "Ana Ruiz, a lawyer for Tom Hale, the defendant, said the case was \
                    \u{201c}closed\u{201d}.";
        assert_eq!(quotes(text), ["Ana Ruiz: closed"]);
    }

    #[test]
    fn a_quotation_ending_a_sentence_its_speaker_opens_is_not_the_next_sentence_s() {
        let text = "Lakshmi Narayanaswamy said the ruling was \u{201c}a line in the sand.\u{201d} \
                    The group urged the Centre to act.";
        assert_eq!(quotes(text), ["Lakshmi Narayanaswamy: a line in the sand."]);
        // a quotation opening its sentence is still the next sentence's speaker's
        let text = "The vote was close.\n\n\u{201c}We will win.\u{201d} Ann Moore said.";
        assert_eq!(quotes(text), ["Ann Moore: We will win."]);
    }

    #[test]
    fn a_title_gives_the_sex_a_first_name_does_not() {
        // neither first name is known; "Mr" makes Moukala a man, so "she" is not his
        let text = "Ode Kébé met Lio Moukala on Monday. Mr Moukala spoke first.\n\n\
                    Moukala then left the room. \u{201c}We will not accept the results,\u{201d} \
                    she said.";
        assert_eq!(quotes(text), ["Ode Kébé: We will not accept the results,"]);
        let text = "Ode Kébé met Lio Moukala on Monday.\n\n\
                    Moukala then left the room. \u{201c}We will not accept the results,\u{201d} \
                    she said.";
        assert_eq!(
            quotes(text),
            ["Lio Moukala: We will not accept the results,"]
        );
    }

    #[test]
    fn a_statement_quotes_whoever_issued_it() {
        let text = "Washington was more pointed. The US State Department called for calm. \
                    \u{201c}The legitimacy of any government rests on the confidence of its \
                    people,\u{201d} the statement added.";
        assert_eq!(
            quotes(text),
            ["United States: The legitimacy of any government rests on the confidence of its people,"]
        );
    }

    #[test]
    fn a_second_quotation_of_one_sentence_is_its_subject_s() {
        let text = "Paris said it had \u{201c}taken note\u{201d} of the results and called on \
                    \u{201c}all actors to respect the legal channels\u{201d}.";
        assert_eq!(
            quotes(text),
            [
                "France: taken note",
                "France: all actors to respect the legal channels"
            ]
        );
        // someone named between the two may be the second one's speaker
        let text = "Paris said it had \u{201c}taken note\u{201d} of the results, and Ana Ruiz \
                    wrote that \u{201c}all actors to respect the legal channels for any \
                    dispute\u{201d} was the line.";
        assert!(!quotes(text).iter().any(|q| q.starts_with("France: all")));
    }

    #[test]
    fn an_organisation_after_the_quotation_speaks() {
        let text = "Housebuilder Brightmoor Homes warned on profits.\n\n\
                    \u{201c}We are taking decisive action,\u{201d} Brightmoor said.";
        assert_eq!(
            quotes(text),
            ["Brightmoor Homes: We are taking decisive action,"]
        );
    }

    #[test]
    fn the_bank_is_the_institution_the_article_names_with_that_word_first() {
        let text = "The Bank of England cut rates. The Bank of England met on Thursday.\n\n\
                    In its statement, the Bank said inflation was \u{2018}on track to return to target\u{2019}.";
        assert_eq!(
            quotes(text),
            ["Bank of England: on track to return to target"]
        );
    }

    #[test]
    fn the_statement_and_the_company_refer_to_a_paragraph_before() {
        let text = "In a statement, Halberd Pharmaceuticals said it had found the fault.\n\n\
                    \"Patient safety is our highest priority,\" the statement said.\n\n\
                    \"We will replace every box,\" the company said.";
        assert_eq!(
            quotes(text),
            [
                "Halberd Pharmaceuticals: Patient safety is our highest priority,",
                "Halberd Pharmaceuticals: We will replace every box,"
            ]
        );
        // with nothing before to refer to, the description stays
        assert_eq!(
            quotes("\"We will replace every box,\" the company said."),
            ["the company: We will replace every box,"]
        );
    }

    #[test]
    fn a_colon_after_a_sentence_opening_with_a_person_gives_them_the_quote() {
        assert_eq!(
            quotes(
                "Its president, Gavin Thorne, had a simple message for patients: \
                 \"Bring your box in, and we will sort it out.\""
            ),
            ["Gavin Thorne: Bring your box in, and we will sort it out."]
        );
    }

    #[test]
    fn speaker_before_a_colon_owns_the_quote() {
        assert_eq!(
            quotes(r#"Ana Ruiz, the bank's economist, said: "Rates will stay high.""#),
            ["Ana Ruiz: Rates will stay high."]
        );
    }

    #[test]
    fn where_the_speaker_works_does_not_speak_for_them() {
        // a place, a known body or a name the index does not know, after "of", "at", "from"
        for (text, want) in [
            (
                r#"Professor Martin Keller of ETH Zurich said: "The record is patchy and everyone knows it.""#,
                "Martin Keller: The record is patchy and everyone knows it.",
            ),
            (
                r#"Anna Berg of the University of Bern said the data were "simply too thin" to tell."#,
                "Anna Berg: simply too thin",
            ),
            (
                r#"Dr Tom Hale from the Institute for Fiscal Studies said: "Taxes will have to rise.""#,
                "Tom Hale: Taxes will have to rise.",
            ),
            (
                r#"A lawyer from Amnesty International told reporters: "The law breaches basic rights.""#,
                "a lawyer from Amnesty International: The law breaches basic rights.",
            ),
            (
                r#"The Retail Council of Ireland said: "Prices will rise for every family this winter.""#,
                "Retail Council of Ireland: Prices will rise for every family this winter.",
            ),
        ] {
            assert_eq!(quotes(text), [want], "{text}");
        }
        // a body or state that is itself the subject still speaks
        assert_eq!(
            quotes(r#"The Kremlin said: "Talks will continue next week in Istanbul.""#),
            ["Russia: Talks will continue next week in Istanbul."]
        );
    }

    #[test]
    fn an_abbreviated_title_after_said_is_skipped() {
        for (text, want) in [
            (
                r#""This is the scenario we have warned about for years," said Dr. Helene Marchetti, who heads the office."#,
                "Helene Marchetti: This is the scenario we have warned about for years,",
            ),
            (
                r#""We will publish new orbits every six hours," said Lt. Gen. Mark Ellison."#,
                "Mark Ellison: We will publish new orbits every six hours,",
            ),
        ] {
            assert_eq!(quotes(text), [want], "{text}");
        }
    }

    #[test]
    fn a_relative_pronoun_speaks_for_the_name_before_it() {
        assert_eq!(
            quotes(
                r#"The pieces were counted by the Space Force, which said it was tracking them "as a priority"."#
            ),
            ["Space Force: as a priority"]
        );
    }

    #[test]
    fn a_quote_after_reported_speech_is_the_reported_speaker() {
        assert_eq!(
            quotes(
                r#"Mark Ellison of the Space Force said the agency would publish new orbits. "We will share everything we have with operators.""#
            ),
            ["Mark Ellison: We will share everything we have with operators."]
        );
        // the sentence before must report speech by someone named, and a quotation with its
        // own attribution keeps it
        assert_eq!(
            quotes(
                r#"Health campaigners said the move did not go far enough. "A fifth less sugar still leaves these cereals among the sweetest foods.""#
            ),
            ["?: A fifth less sugar still leaves these cereals among the sweetest foods."]
        );
        assert_eq!(
            quotes(
                r#"The agency published new orbits on Tuesday. "We will share everything we have with operators.""#
            ),
            ["?: We will share everything we have with operators."]
        );
        assert_eq!(
            quotes(
                r#"Ana Ruiz said the agency would publish new orbits. "We will share everything we have," Tom Hale said."#
            ),
            ["Tom Hale: We will share everything we have,"]
        );
    }

    #[test]
    fn a_blank_quoted_stretch_run_on_from_the_paragraph_before_is_never_reversed() {
        // found by the proptest: `“ "` closes a run-on quotation on nothing but a space
        let (doc, _) = read_bytes(
            "t",
            "t",
            Format::Text,
            "\"Yes The The The The The The The \n “ \"Yes".as_bytes(),
        );
        let briefing = assemble(vec![doc], Vec::new());
        for part in briefing.quotes.iter().flat_map(|q| &q.parts) {
            assert!(part.span.start <= part.span.end, "reversed {part:?}");
        }
    }

    #[test]
    fn apostrophes_never_open_a_quotation() {
        assert!(quotes("The council's plan isn't final, officials said.").is_empty());
    }

    #[test]
    fn said_and_a_title_after_the_quote_name_the_speaker() {
        assert_eq!(
            quotes("“We will win,” said Foreign Minister Jan Kovac."),
            ["Jan Kovac: We will win,"]
        );
    }

    #[test]
    fn a_quote_split_by_its_attribution_is_one_quote() {
        assert_eq!(
            quotes("“Prices will rise,” Maria Lund said. “Nobody can stop that.”"),
            ["Maria Lund: Prices will rise, Nobody can stop that."]
        );
    }

    #[test]
    fn a_pronoun_after_the_quote_is_the_last_subject_named() {
        let text = "Coach Tim Hale looked tired.\n\n“It was a long season,” he says.";
        assert_eq!(quotes(text), ["Tim Hale: It was a long season,"]);
    }

    #[test]
    fn a_name_and_its_appositive_after_the_quotation_speak() {
        let text = "\"For years, Veltrix has told consumers where to shop,\" Sofie Lindqvist, the \
                    EU's competition commissioner, told reporters. \"That ends today.\"";
        assert_eq!(
            quotes(text),
            ["Sofie Lindqvist: For years, Veltrix has told consumers where to shop, That ends today."]
        );
    }

    #[test]
    fn the_appositive_is_dropped_from_the_speaker() {
        let text = "John Foreman, a former attaché in Moscow who has followed the war, told me: “It will not end soon.”";
        assert_eq!(quotes(text), ["John Foreman: It will not end soon."]);
    }

    #[test]
    fn according_to_names_the_speaker_after_it() {
        assert_eq!(
            quotes("According to Ravi Menon, “the deal is dead in its current form.”"),
            ["Ravi Menon: the deal is dead in its current form."]
        );
    }

    #[test]
    fn described_as_introduces_a_short_quote_of_the_subject() {
        assert_eq!(
            quotes("Mayor Ines Vidal described the plan as “a disaster.”"),
            ["Ines Vidal: a disaster."]
        );
    }

    #[test]
    fn an_unnamed_source_is_kept_as_its_description() {
        assert_eq!(
            quotes("“The talks are over,” said one senior Dutch official."),
            ["a senior Dutch official: The talks are over,"]
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_quote_continues_the_last_speaker() {
        let text = "“We tried,” said Lena Ek.\n\n“Next year we will try again, and we will be better prepared for it.”";
        assert_eq!(
            quotes(text),
            [
                "Lena Ek: We tried,",
                "Lena Ek: Next year we will try again, and we will be better prepared for it."
            ]
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_quote_is_the_speakers_the_paragraph_before_introduces() {
        let text = "The court ruled against the union.\n\n\
                    Outside the court, her lawyer Morven Baird KC said:\n\n“We will appeal.”";
        assert_eq!(quotes(text), ["Morven Baird: We will appeal."]);
        let text = "He died on Monday.\n\n\
                    Ulrike Fasching, who succeeded him, recalled his first meeting.\n\n\
                    “He walked in and said we would publish nothing we could not explain.”";
        assert_eq!(
            quotes(text),
            ["Ulrike Fasching: He walked in and said we would publish nothing we could not explain."]
        );
        // the paragraph before names no speaker, or the quotation has an attribution of its own
        let text = "The court ruled against the union.\n\nThe hearing was adjourned.\n\n\
                    “We will keep fighting this decision for as long as it takes.”";
        assert_eq!(
            quotes(text),
            ["?: We will keep fighting this decision for as long as it takes."]
        );
        let text = "He died on Monday.\n\nUlrike Fasching recalled the meeting.\n\n\
                    “It was chaos,” said Tom Reed.";
        assert_eq!(quotes(text), ["Tom Reed: It was chaos,"]);
    }

    #[test]
    fn a_chamber_is_no_speaker() {
        let text = "The debate ran late.\n\nTom Reed, who farmed for years before entering \
                    Parliament, opposed it, arguing that it would “punish the many”.";
        assert_eq!(quotes(text), ["Tom Reed: punish the many"]);
    }

    #[test]
    fn a_quotation_running_over_paragraphs_is_one_quote() {
        let text = "Sara Holm said: “The first year was hard.\n\n“The second was worse.”";
        assert_eq!(
            quotes(text),
            ["Sara Holm: The first year was hard. The second was worse."]
        );
    }

    #[test]
    fn scare_quotes_and_labels_are_not_quotations() {
        assert!(quotes("The so-called “peace dividend” never came.").is_empty());
        assert!(quotes("What we mean by “security” matters.").is_empty());
        assert!(quotes("They spoke of “boots on the ground” again.").is_empty());
        // a nickname a few words after "known", and a title in title case
        assert!(quotes(
            "Ana Ruiz said pay rose for managers, whose offices are known across campus as \
             “the Tower”."
        )
        .is_empty());
        assert_eq!(
            quotes(
                "“It needs a very good explanation,” Iles said. The institute has published a \
                 report, “Moving the Goalposts”, on the practice."
            ),
            ["Iles: It needs a very good explanation,"]
        );
    }

    #[test]
    fn a_short_quote_needs_a_named_speaker() {
        assert!(quotes("Experts said any “reassurance force” would be small.").is_empty());
        assert_eq!(
            quotes("Ruth Adeyemi called it “a betrayal.”"),
            ["Ruth Adeyemi: a betrayal."]
        );
    }
    #[test]
    fn a_pronoun_finds_a_name_the_actor_index_missed() {
        let text =
            "The owner, Sandra Mills, was in tears. “I gave my life to this place,” she said.";
        assert_eq!(
            quotes(text),
            ["Sandra Mills: I gave my life to this place,"]
        );
    }

    #[test]
    fn the_age_of_the_person_last_named_refers_back_to_them() {
        let text =
            "Celebrity chef Marcus Bell was furious.\n\nThe 52-year-old said: “It is a disgrace.”";
        assert_eq!(quotes(text), ["Marcus Bell: It is a disgrace."]);
    }

    #[test]
    fn a_lone_surname_takes_the_full_name_given_earlier() {
        let text = "Priya Natarajan builds robots.\n\nNatarajan laughed. “Tom is the diplomatic one,” she said.";
        assert_eq!(
            quotes(text),
            ["Priya Natarajan: Tom is the diplomatic one,"]
        );
    }

    #[test]
    fn the_name_between_commas_speaks_past_a_role_or_an_employer() {
        let text =
            "The case went on.\n\nThe firm's counsel, Brandon Kessler of Mercer Lowell LLP, \
                    warned that it would \"freeze an entire industry.\"\n\nIts president, the \
                    novelist Thomas Everly, said members were \"watching our own sentences.\"";
        assert_eq!(
            quotes(text),
            [
                "Brandon Kessler: freeze an entire industry.",
                "Thomas Everly: watching our own sentences."
            ]
        );
    }

    #[test]
    fn a_source_close_to_a_person_describing_and_posting_speak() {
        let text = "Dr Daniel Okonjo trained on Monday.\n\nA source close to Okonjo said the \
                    midfielder was \"relaxed\" about it.\n\nThe paper's writer, Gareth Lyle, has \
                    just posted on X: \"Not done yet.\"\n\nManager Lars Whitmore, 52, refused to \
                    talk, describing the rumours as “noise”.";
        assert_eq!(
            quotes(text),
            [
                "a source close to Okonjo: relaxed",
                "Gareth Lyle: Not done yet.",
                "Lars Whitmore: noise"
            ]
        );
    }

    #[test]
    fn a_body_named_by_its_kind_before_the_quotation_is_the_one_named_before() {
        let text = "The Tywi Valley Health Board met on Monday.\n\nWaits grew.\n\nIn a statement, \
                    the health board said it \"recognises the frustration\" of staff.\n\nLima \
                    has insisted the mine is legal. The energy ministry said it was \"of strategic \
                    importance\" to the country.";
        assert_eq!(
            quotes(text),
            [
                "Tywi Valley Health Board: recognises the frustration",
                "Peru: of strategic importance"
            ]
        );
    }

    #[test]
    fn a_phrase_modifying_a_noun_is_a_term_unless_someone_called_it_so() {
        assert!(quotes(
            "Dr Ana Ruiz said the strike was on, although care would run under “life and \
                 limb” arrangements."
        )
        .is_empty());
        assert!(quotes(
            "The Energy Markets Authority confirmed a rise.\n\nThe regulator insisted that the \
                 cap protected consumers, and pointed to rules requiring suppliers to offer at \
                 least one \"low standing charge\" tariff from the summer."
        )
        .is_empty());
        assert_eq!(
            quotes("Councillor Greg Hammond criticised what he called a “rushed” process."),
            ["Greg Hammond: rushed"]
        );
    }

    #[test]
    fn a_rate_setter_and_a_person_familiar_with_the_talks_are_described() {
        let text = "Rates held.\n\n“The governor has a majority today,” one former rate-setter \
                    told me.\n\n“We will not settle,” a person familiar with the talks said.";
        assert_eq!(
            quotes(text),
            [
                "a former rate-setter: The governor has a majority today,",
                "a person familiar with the talks: We will not settle,"
            ]
        );
    }

    #[test]
    fn the_first_of_two_surnames_stands_for_the_person() {
        let text = "Rosa Quispe Mamani, president of the community, rejected the offer.\n\n\
                    “Nobody can buy a new river,” Quispe said.";
        assert_eq!(
            quotes(text),
            ["Rosa Quispe Mamani: Nobody can buy a new river,"]
        );
    }

    #[test]
    fn a_split_quotation_that_runs_on_into_the_next_paragraph_is_one_quote() {
        let text = "“I have lived here all my life,” said Dolores Ramirez. “My grandkids visit.\n\n“We pay our bills every month, and we expect clean water.”";
        assert_eq!(
            quotes(text),
            ["Dolores Ramirez: I have lived here all my life, My grandkids visit. We pay our bills every month, and we expect clean water."]
        );
    }

    #[test]
    fn an_attribution_ending_in_a_colon_opens_the_next_quotation() {
        let text = "Prof. Anna Lindqvist said the images were “better than we hoped.” She adds: “You can see boulders the size of a house.”";
        assert_eq!(
            quotes(text),
            [
                "Anna Lindqvist: better than we hoped.",
                "Anna Lindqvist: You can see boulders the size of a house."
            ]
        );
    }

    #[test]
    fn the_name_between_commas_after_a_description_is_the_speaker() {
        let text = "“This is a moral obligation,” the gallery’s director, Sir Alan Rhodes, told The Review.";
        assert_eq!(quotes(text), ["Alan Rhodes: This is a moral obligation,"]);
        let text = "Dawson’s lawyer, Simon Price, said his client was “deeply ashamed” today.";
        assert_eq!(quotes(text), ["Simon Price: deeply ashamed"]);
    }

    #[test]
    fn a_role_noun_after_the_quote_is_the_person_last_named() {
        let text = "Judge Rebecca Holt jailed him.\n\n“You took money from dying children,” the judge said.";
        assert_eq!(
            quotes(text),
            ["Rebecca Holt: You took money from dying children,"]
        );
    }

    #[test]
    fn a_body_named_by_its_role_is_kept_as_its_description() {
        let text = "“We will look at the evidence,” the regulator said in a statement.";
        assert_eq!(
            quotes(text),
            ["the regulator: We will look at the evidence,"]
        );
    }

    #[test]
    fn a_person_familiar_with_something_is_described_in_full() {
        let text = "“Customers are waiting,” said a person familiar with the company’s plans.";
        assert_eq!(
            quotes(text),
            ["a person familiar with the company’s plans: Customers are waiting,"]
        );
    }

    #[test]
    fn the_employer_before_a_title_is_not_the_speaker() {
        let text = "“The ground can’t take any more,” said Met Office forecaster Dan Whitby.";
        assert_eq!(
            quotes(text),
            ["Dan Whitby: The ground can’t take any more,"]
        );
    }

    #[test]
    fn a_short_quote_in_a_sentence_whose_subject_speaks_is_a_quote() {
        let text =
            "Linda Chao told the Financial Times that the industry had a “pretty precise” idea.";
        assert_eq!(quotes(text), ["Linda Chao: pretty precise"]);
    }

    #[test]
    fn a_lone_place_before_the_verb_does_not_own_a_short_quote() {
        assert!(quotes("Residents in Kellbridge described the flood as “biblical.”").is_empty());
    }

    #[test]
    fn an_unnamed_source_keeps_the_place_that_describes_them() {
        let text = "A senior manager at one of the hospitals, who asked not to be named, \
                    said: ‘We have been here before. Nobody at the top is listening.’";
        assert_eq!(
            quotes(text),
            ["a senior manager at one of the hospitals: We have been here before. Nobody at the top is listening."]
        );
    }

    #[test]
    fn a_trailing_participle_attributes_a_short_quote_to_the_subject() {
        let text = "Health Secretary Margaret Ellison ruled out a new offer, telling MPs that \
                    the government ‘cannot and will not’ go further.";
        assert_eq!(quotes(text), ["Margaret Ellison: cannot and will not"]);
    }

    #[test]
    fn a_participle_after_a_comma_quotes_the_body_or_person_the_sentence_opens_with() {
        assert_eq!(
            quotes(
                "Downing Street backed the package within hours, saying Britain would “stand \
                 shoulder to shoulder” with its allies."
            ),
            ["United Kingdom: stand shoulder to shoulder"]
        );
        assert_eq!(
            quotes("Iran’s government condemned the measures, calling them “economic terrorism.”"),
            ["Iran: economic terrorism."]
        );
        // a person named before the participle speaks, not the body that describes them
        assert_eq!(
            quotes(
                "Kremlin spokesman Dmitri Sokolov went further, telling reporters that the talks \
                 were “a show”."
            ),
            ["Dmitri Sokolov: a show"]
        );
        assert_eq!(
            quotes(
                "Joseph Mwesigwa, chair of the G77, criticised the demand, calling it \"a \
                 goalpost shift\"."
            ),
            ["Joseph Mwesigwa: a goalpost shift"]
        );
        // "calling" as a habit names a thing: a nickname, not words said
        assert!(quotes(
            "Residents opposed to the plan have been calling it \"the road to nowhere\" for years."
        )
        .is_empty());
    }

    #[test]
    fn a_person_described_at_a_body_named_by_its_kind_is_described_not_the_body() {
        let text = "The Ministry of Health announced the plan.\n\nA senior official at the \
                    ministry, who spoke on condition of anonymity, said: \"The money for \
                    allowances is there.\"\n\nBut a source at the ministry said: \"Nobody is \
                    being forced out.\"\n\nA spokesperson for the ministry said: \"We will \
                    publish the figures next week.\"";
        assert_eq!(
            quotes(text),
            [
                "a senior official at the ministry: The money for allowances is there.",
                "a source at the ministry: Nobody is being forced out.",
                "Ministry of Health: We will publish the figures next week."
            ]
        );
    }

    #[test]
    fn a_pronoun_skips_a_person_named_in_the_possessive_before_a_role() {
        let text =
            "Striker Tomás Ferreyra, 24, trained alone on Monday.\n\nFerreyra’s agent, Guillermo \
                    Ostrander, fanned the flames on the radio. He told Radio Pampa: “There is \
                    interest from three clubs in England.”";
        assert_eq!(
            quotes(text),
            ["Guillermo Ostrander: There is interest from three clubs in England."]
        );
    }

    #[test]
    fn a_role_after_said_gives_way_to_the_name_it_introduces() {
        let text = "“We are talking about families who have farmed here for generations,” said \
                    the union's president, Carys Pendle.";
        assert_eq!(
            quotes(text),
            ["Carys Pendle: We are talking about families who have farmed here for generations,"]
        );
    }

    #[test]
    fn a_statement_speaks_for_the_body_that_issued_it() {
        let text = "In a statement issued after the hearing, Calloway Freight Systems rejected \
                    the claims. \"Safety is and always has been our first priority,\" the statement said.";
        assert_eq!(
            quotes(text),
            ["Calloway Freight Systems: Safety is and always has been our first priority,"]
        );
    }

    #[test]
    fn a_description_starts_at_its_determiner_not_a_preposition() {
        let text = "Tokyo was cautious, with a Japanese official saying the government would \
                    \"study the draft carefully\" before committing.";
        assert_eq!(
            quotes(text),
            ["a Japanese official: study the draft carefully"]
        );
    }

    #[test]
    fn a_number_sign_stays_in_a_description() {
        let text = "A No. 10 spokesman said London wanted to \"keep the door open\" to Beijing.";
        assert_eq!(quotes(text), ["a No. 10 spokesman: keep the door open"]);
    }

    #[test]
    fn a_description_after_the_quotation_runs_through_the_body_it_speaks_for() {
        for verb in ["said", "told the BBC"] {
            let text = format!(
                "The Harwood Sports Group met on Monday. \"The decision is final,\" a \
                 spokesperson for the Harwood Sports Group {verb}."
            );
            assert_eq!(
                quotes(&text),
                ["a spokesperson for the Harwood Sports Group: The decision is final,"],
                "{verb}"
            );
        }
    }

    #[test]
    fn a_role_journalists_put_before_a_name_leads_to_the_speaker() {
        // "organiser", "volunteer", "pensioner": false titles, as "union leader" is
        for role in ["union organiser", "volunteer", "pensioner", "care worker"] {
            let text = format!(
                "The Maritime Workers Union walked out. \"We are not going back,\" said {role} \
                 Tomas Reyes."
            );
            assert_eq!(
                quotes(&text),
                ["Tomas Reyes: We are not going back,"],
                "{role}"
            );
        }
    }

    #[test]
    fn the_company_said_quotes_the_organisation_named_before_it() {
        let text = "Verity Labs answered within the hour. “We welcome competition in the \
                    category,” the company said.";
        assert_eq!(
            quotes(text),
            ["Verity Labs: We welcome competition in the category,"]
        );
    }

    #[test]
    fn it_speaks_for_the_body_named_before_it() {
        assert_eq!(
            quotes(
                "The Kremlin struck a different note. It said Moscow opposed “external \
                 interference” in the dispute."
            ),
            ["Russia: external interference"]
        );
        assert_eq!(
            quotes(
                "Washington reaffirmed that its treaty covers attacks “anywhere in the South \
                 China Sea”, wording chosen with care."
            ),
            ["United States: anywhere in the South China Sea"]
        );
    }

    #[test]
    fn a_notice_or_statement_after_according_to_speaks_for_its_issuer() {
        assert_eq!(
            quotes(
                "The Federal Vehicle Safety Agency warned owners.\n\n“The number affected may \
                 grow as our investigation continues”, according to a notice posted on the \
                 agency’s website on Tuesday."
            ),
            ["Federal Vehicle Safety Agency: The number affected may grow as our investigation continues"]
        );
        assert_eq!(
            quotes("“We will comply with the order,” according to a statement from Halberd Freight Ltd."),
            ["Halberd Freight Ltd: We will comply with the order,"]
        );
    }

    #[test]
    fn a_quotation_alone_after_a_paragraph_about_one_person_is_theirs() {
        let about =
            "Denise Whitfield, a nurse in Dayton, bought a used Kestrel last year. She has \
                     not received a letter and learned of the recall from a news report.";
        let quote = "“I drive her to school in that car every single day.”";
        assert_eq!(
            quotes(&format!("{about}\n\n{quote}")),
            ["Denise Whitfield: I drive her to school in that car every single day."]
        );
        // a paragraph about something else gives the quotation no speaker
        let other = "The recall covers 400,000 cars. Dealers will write to owners in July.";
        assert_eq!(
            quotes(&format!("{other}\n\n{quote}")),
            ["?: I drive her to school in that car every single day."]
        );
    }

    #[test]
    fn a_capitalised_name_before_a_noun_is_a_term_after_any_verb() {
        let found = quotes(
            "Halvorsen Motor Company is recalling 412,000 vehicles.\n\n“We will not hesitate \
             to act,” the company said.\n\nHalvorsen pledged to provide loan cars through its \
             “DriveSure” program while owners wait.",
        );
        assert_eq!(
            found,
            ["Halvorsen Motor Company: We will not hesitate to act,"]
        );
    }

    #[test]
    fn what_people_call_something_names_it() {
        assert!(quotes(
            "Its director, Sioned Hughes, condemned the use of what staff call ‘corridor care’ \
             in the hospital."
        )
        .is_empty());
    }
}
