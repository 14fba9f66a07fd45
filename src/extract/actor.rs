//! Actors: people, countries, organisations and groups mentioned in the briefing, merged across
//! spellings and articles, and every mention of them located in the text.
//!
//! Two passes. The first collects people's names where evidence marks them as people (a title
//! before, an appositive or speech verb after) and merges their spellings; the second walks every
//! paragraph and records mentions of known people (full name, surname, "Sir" + first name),
//! gazetteer entries (countries by name, capital or seat of government; organisations; groups),
//! plural demonyms ("the Russians") and institutions named by rule ("the X Institute").

pub mod gazetteer;
pub mod person;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::briefing::{Article, Span};
use crate::extract::appositive;
use crate::extract::gender::{self, Gender, Titled};
use crate::extract::lexicon::Lexicon;
use crate::extract::position::{is_stance_at, positions_in, Discourse, Read};
use crate::extract::quote::attribution::is_role_noun;
use crate::extract::token::{tokenize_into, Token};
use crate::extract::{Actor, ActorId, ActorKind, Position};
use crate::ingest::date::{MONTHS, WEEKDAYS};
use crate::text::clean::stop::is_stop_word;
use crate::text::meta::byline::BIO_ROLES;
use gazetteer::{title_at, Entry, Target, GAZETTEER};
use person::{
    fold_name, has_person_evidence, is_age_at, is_surname_speaking, name_len, titled_name_at,
};

/// Words that make a capitalised name an organisation's ("Lowy Institute", "Harwood Sports Group").
static ORG_WORDS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/organization_words.txt")));

/// Nouns that after a country's adjective stand for the state ("the Danish government").
static STATE_NOUNS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/state_nouns.txt")));

/// Organisation words that are also surnames ("Power", "Court").
static SURNAME_ORG_WORDS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/surname_org_words.txt")));

/// Head nouns of an appositive describing an organisation ("…, the utility that serves the area,").
static ORG_NOUNS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/organization_nouns.txt")));

/// One mention of an actor in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Who.
    pub actor: ActorId,
    /// The words naming them (title excluded).
    pub span: Span,
    /// The kind of actor.
    pub kind: ActorKind,
    /// Index of the first token of the mention in the paragraph's tokens.
    pub token: usize,
    /// Number of tokens.
    pub len: usize,
}

/// All actors and, per article and paragraph, their mentions in text order.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    /// Actors in order of first mention.
    pub actors: Vec<Actor>,
    /// `mentions[article][paragraph]`.
    pub mentions: Vec<Vec<Vec<Mention>>>,
    by_key: FxHashMap<ActorKind, FxHashMap<String, ActorId>>,
    /// Name or alias → the first actor so called (for [`ActorIndex::find`]).
    by_name: FxHashMap<String, ActorId>,
    /// Folded name → the first person so called.
    by_folded: FxHashMap<CompactString, ActorId>,
    /// A word between a person's first and last names, folded → that person; `None` where two
    /// people's names hold it (for [`ActorIndex::person_by_inner_name`]).
    by_inner: FxHashMap<CompactString, Option<ActorId>>,
    /// The sex honorifics gave people, for the pronouns that refer to them.
    pub titled: Titled,
}

/// A person as collected in the first pass: the fullest spelling of their name.
#[derive(Debug, Clone, Default)]
struct Person {
    /// The full name's words joined by spaces.
    name: String,
    /// The first name folded, when the full name has two words or more.
    first: Option<CompactString>,
}

impl ActorIndex {
    /// Finds every actor of `articles` and their mentions.
    pub fn build(articles: &[Article]) -> ActorIndex {
        Self::build_finding(articles, false).0
    }

    /// [`ActorIndex::build`], and every position stated in `articles` (as
    /// [`crate::extract::position::find_positions`] would find them, article after article),
    /// found on each batch's tokens while they are at hand instead of tokenizing again.
    pub fn build_with_positions(articles: &[Article]) -> (ActorIndex, Vec<Position>) {
        Self::build_finding(articles, true)
    }

    fn build_finding(articles: &[Article], find_positions: bool) -> (ActorIndex, Vec<Position>) {
        let mut people = collect_people(articles);
        // mentions are found on every core, a batch of paragraphs at a time (so memory stays
        // bounded, however long one article is), then interned in reading order, which fixes
        // the actors' ids
        let mut index = ActorIndex {
            mentions: articles
                .iter()
                .map(|a| Vec::with_capacity(a.paragraphs.len()))
                .collect(),
            titled: std::mem::take(&mut people.titled),
            ..ActorIndex::default()
        };
        let mut positions = Vec::new();
        // the last sentence subject of an article that runs on into the next batch
        let mut carried: Option<(usize, Discourse)> = None;
        for batch in batches(articles) {
            let found = crate::par::map(&batch, 0, |_, &(a, from, to)| {
                let mut buffer = Vec::new();
                articles[a].paragraphs[from..to]
                    .iter()
                    .map(|p| {
                        if find_positions {
                            // kept until the batch's positions are found, and sized so it
                            // never grows (see `token_room`)
                            let mut tokens = Vec::with_capacity(token_room(p.text.len()));
                            (scan(&p.text, &people, &mut tokens), tokens)
                        } else {
                            (scan(&p.text, &people, &mut buffer), Vec::new())
                        }
                    })
                    .collect::<Vec<_>>()
            });
            let mut kept = Vec::with_capacity(batch.len());
            for (&(a, _, _), paragraphs) in batch.iter().zip(found) {
                let mut tokens = Vec::with_capacity(paragraphs.len());
                for (found, paragraph_tokens) in paragraphs {
                    // pushed, not collected: collecting would keep each `Found` buffer (twice
                    // the size) as the mentions' for the life of the index
                    let mut mentions = Vec::with_capacity(found.len());
                    for f in found {
                        mentions.push(index.mention(f));
                    }
                    index.mentions[a].push(mentions);
                    tokens.push(paragraph_tokens);
                }
                kept.push(tokens);
            }
            if find_positions {
                carried =
                    index.positions_of_batch(articles, &batch, &kept, carried, &mut positions);
            }
        }
        for actor in &mut index.actors {
            actor.aliases.retain(|a| *a != actor.name);
            actor.aliases.sort();
            actor.aliases.dedup();
        }
        for i in 0..index.actors.len() {
            index.remember(ActorId(i as u32));
        }
        (index, positions)
    }

    /// The positions of one batch of scanned paragraphs (`tokens[task][paragraph]`), on every
    /// core, an article's run of tasks at a time; `carried` is the last subject of the article
    /// the previous batch ended in. Returns the same for the next batch.
    fn positions_of_batch(
        &self,
        articles: &[Article],
        batch: &[(usize, usize, usize)],
        tokens: &[Vec<Vec<Token>>],
        carried: Option<(usize, Discourse)>,
        out: &mut Vec<Position>,
    ) -> Option<(usize, Discourse)> {
        // consecutive tasks of one article: (article, first task, end)
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        for (t, &(a, _, _)) in batch.iter().enumerate() {
            match runs.last_mut() {
                Some(run) if run.0 == a => run.2 = t + 1,
                _ => runs.push((a, t, t + 1)),
            }
        }
        let found = crate::par::map(&runs, 0, |r, &(a, first, end)| {
            let mut discourse = match carried {
                Some((article, ref before)) if r == 0 && article == a => before.clone(),
                _ => Discourse::default(),
            };
            let mut out = Vec::new();
            for t in first..end {
                let (_, from, _) = batch[t];
                for (k, paragraph_tokens) in tokens[t].iter().enumerate() {
                    let p = from + k;
                    let read = Read {
                        paragraph: &articles[a].paragraphs[p],
                        tokens: paragraph_tokens,
                        mentions: self.in_paragraph(a, p),
                        actors: &self.actors,
                        titled: &self.titled,
                    };
                    positions_in((articles[a].id, p), &read, &mut discourse, &mut out);
                }
            }
            (out, discourse)
        });
        let mut next = None;
        for (&(a, _, _), (found, discourse)) in runs.iter().zip(found) {
            out.extend(found);
            next = Some((a, discourse));
        }
        next
    }

    /// Records `id`'s name and aliases for [`ActorIndex::find`], where no earlier actor has them.
    fn remember(&mut self, id: ActorId) {
        let actor = &self.actors[id.0 as usize];
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            let first = self.by_name.entry(name.clone()).or_insert(id);
            *first = (*first).min(id);
        }
        if actor.kind == ActorKind::Person {
            let first = self.by_folded.entry(fold_name(&actor.name)).or_insert(id);
            *first = (*first).min(id);
            // the words between the first and the last
            let middle = actor
                .name
                .split_once(' ')
                .and_then(|(_, rest)| rest.rsplit_once(' '))
                .map(|(middle, _)| middle);
            for inner in middle.into_iter().flat_map(|m| m.split(' ')) {
                let one = self.by_inner.entry(fold_name(inner)).or_insert(Some(id));
                if *one != Some(id) {
                    *one = None;
                }
            }
        }
    }

    /// The first actor named exactly `name` or by one of its aliases; else the first person
    /// whose folded name is `name`'s. Two hash lookups, whatever the number of actors.
    pub fn find(&self, name: &str) -> Option<ActorId> {
        self.by_name
            .get(name)
            .or_else(|| self.by_folded.get(&fold_name(name)))
            .copied()
    }

    /// The one person whose name holds `word` between its first and last words: the first of two
    /// surnames ("Quispe" for "Rosa Quispe Mamani", who is "Quispe" for short). `None` when
    /// no one or more than one person's name does. One hash lookup.
    pub fn person_by_inner_name(&self, word: &str) -> Option<ActorId> {
        self.by_inner.get(&fold_name(word)).copied().flatten()
    }

    /// The actor with canonical `name` and `kind`, created if new; `surface` is recorded as an alias.
    pub fn intern(&mut self, name: &str, kind: ActorKind, surface: &str) -> ActorId {
        let next = ActorId(self.actors.len() as u32);
        let by_name = self.by_key.entry(kind).or_default();
        let id = match by_name.get(name) {
            Some(id) => *id,
            None => {
                by_name.insert(name.to_string(), next);
                next
            }
        };
        if id == next {
            self.actors.push(Actor {
                id,
                name: name.to_string(),
                kind,
                aliases: Vec::new(),
            });
        }
        let actor = &mut self.actors[id.0 as usize];
        if surface != name && !actor.aliases.iter().any(|a| a == surface) {
            actor.aliases.push(surface.to_string());
        }
        if !self.by_name.is_empty() {
            // interned after the build (unnamed sources): keep `find` current
            self.remember(id);
        }
        id
    }

    /// Registers the actor `found` names and returns the mention.
    fn mention(&mut self, found: Found) -> Mention {
        Mention {
            actor: self.intern(&found.name, found.kind, &found.surface),
            span: found.span,
            kind: found.kind,
            token: found.token,
            len: found.len,
        }
    }

    /// Every mention in article `article`, paragraph `paragraph`.
    pub fn in_paragraph(&self, article: usize, paragraph: usize) -> &[Mention] {
        self.mentions
            .get(article)
            .and_then(|a| a.get(paragraph))
            .map_or(&[], Vec::as_slice)
    }
}

/// Articles whose names are collected together.
const SCAN_CHUNK: usize = 256;
/// Paragraphs a scanning task takes at most.
const TASK_PARAGRAPHS: usize = 64;
/// Paragraphs whose mentions are found together before they are interned (and whose tokens
/// are kept meanwhile, for the positions). A batch's tokens (72 bytes for about every five
/// bytes of text: some 800 KB on the bench corpus) should stay in the core's cache until its
/// positions are read: at 1,024 paragraphs they did not, and writing them cost a fifth of the
/// tokenizer's time.
const BATCH_PARAGRAPHS: usize = 256;

/// Room for the tokens of a text of `len` bytes: prose has about one token per five bytes (5.4
/// on the bench corpus) and no paragraph of that corpus more than one per four plus a few, so a
/// vector this size does not grow (growing copies every token; at one per six bytes, 39% of its
/// paragraphs grew).
fn token_room(len: usize) -> usize {
    len / 4 + 8
}

/// The scanning work in reading order: tasks of (article, first paragraph, end) of at most
/// [`TASK_PARAGRAPHS`] paragraphs, in batches of about [`BATCH_PARAGRAPHS`].
fn batches(articles: &[Article]) -> Vec<Vec<(usize, usize, usize)>> {
    let mut out = Vec::new();
    let (mut batch, mut size) = (Vec::new(), 0);
    for (a, article) in articles.iter().enumerate() {
        let n = article.paragraphs.len();
        for from in (0..n).step_by(TASK_PARAGRAPHS) {
            let to = (from + TASK_PARAGRAPHS).min(n);
            batch.push((a, from, to));
            size += to - from;
            if size >= BATCH_PARAGRAPHS {
                out.push(std::mem::take(&mut batch));
                size = 0;
            }
        }
    }
    if !batch.is_empty() {
        out.push(batch);
    }
    out
}

/// A mention found in a paragraph, before its actor has an id. The name is borrowed from the
/// gazetteer or the people when it is theirs; the surface is inline (names are short).
struct Found<'p> {
    name: Cow<'p, str>,
    kind: ActorKind,
    surface: CompactString,
    span: Span,
    token: usize,
    len: usize,
}

/// Mentions in one paragraph, in text order (`tokens` is a buffer to reuse).
fn scan<'a, 'p>(text: &'a str, people: &'p People, tokens: &mut Vec<Token<'a>>) -> Vec<Found<'p>> {
    tokenize_into(text, tokens);
    let tokens = &tokens[..];
    let mut found = Vec::new();
    let mut i = 0;
    // "KEVIN DOYLE launched …", "CHIEF WHITLOCK: We have …": a name in capitals opening the
    // paragraph, when it names a person the briefing knows
    if let Some((start, len)) = capitals_name(tokens) {
        if let Some(name) = people.resolve(&tokens[start..start + len], true) {
            let surface: Vec<String> = tokens[start..start + len]
                .iter()
                .map(|t| title_case(t.bare()))
                .collect();
            found.push(Found {
                name: Cow::Borrowed(name),
                kind: ActorKind::Person,
                surface: CompactString::from(surface.join(" ")),
                span: Span::new(tokens[start].start, tokens[start + len - 1].end),
                token: start,
                len,
            });
            i = start + len;
        }
    }
    while i < tokens.len() {
        match found_at(tokens, i, people) {
            Some(f) => {
                i = f.token + f.len;
                found.push(f);
            }
            None => i += 1,
        }
    }
    found
}

/// The mention starting at token `i` (or at the name a title there introduces), if any.
fn found_at<'p>(tokens: &[Token], i: usize, people: &'p People) -> Option<Found<'p>> {
    let bare = |start: usize, len: usize| {
        let mut out = CompactString::default();
        push_name(&mut out, &tokens[start..start + len]);
        out
    };
    let found = |name: Cow<'p, str>, kind, surface, start: usize, len: usize| Found {
        name,
        kind,
        surface,
        span: Span::new(tokens[start].start, tokens[start + len - 1].end),
        token: start,
        len,
    };
    let organization = |org: String, start: usize, len: usize| {
        let surface = CompactString::from(org.as_str());
        found(
            Cow::Owned(org),
            ActorKind::Organization,
            surface,
            start,
            len,
        )
    };
    if let Some((len, target)) = GAZETTEER.match_at(tokens, i) {
        // "Jordan Amis", "Chad Ellis": a first name that is also a state's, before a surname
        if let Some((name, name_len)) = person_named_after_place(tokens, i, len, people) {
            return Some(found(
                Cow::Borrowed(name),
                ActorKind::Person,
                bare(i, name_len),
                i,
                name_len,
            ));
        }
        if let Some((org, org_len)) = national_institution(tokens, i, len, target) {
            return Some(organization(org, i, org_len));
        }
        // "the Niger Delta", "the Jordan Valley", "the Congo River": a place named after the
        // state, not the state
        if matches!(target, Target::Country(_)) && names_a_feature(tokens.get(i + len)) {
            return None;
        }
        let entry: &'static Entry = GAZETTEER.entry(target);
        let name = Cow::Borrowed(entry.name.as_str());
        // "Russia's defence ministry said": the state; the whole phrase is its mention, and
        // the state's name its surface
        let possessive = tokens[i + len - 1].bare() != tokens[i + len - 1].text;
        if matches!(target, Target::Country(_)) && possessive {
            if let Some(noun) = state_noun_after(tokens, i + len) {
                return Some(found(name, entry.kind, bare(i, len), i, len + noun));
            }
        }
        if !matches!(target, Target::Demonym(_)) || is_people_noun(tokens, i, len) {
            return Some(found(name, entry.kind, bare(i, len), i, len));
        }
        // "the Danish government", "the German defence ministry": the state, named by its
        // adjective
        if let Some(noun) = state_noun_after(tokens, i + len) {
            let len = len + noun;
            return Some(found(name, entry.kind, bare(i, len), i, len));
        }
        return None;
    }
    if let Some(name) = short_form_at(tokens, i, people) {
        return Some(found(
            Cow::Owned(name.to_string()),
            ActorKind::Organization,
            CompactString::from(tokens[i].text),
            i,
            1,
        ));
    }
    let (start, len, titled) = titled_name_at(tokens, i)?;
    if len == 1 && !titled && ends_longer_name(tokens, start) {
        return None;
    }
    // not "Rachel Power" once she is known (see `is_person_named`): a person whose surname is
    // also an organisation's word
    let institution = institution(tokens, start, len)
        .filter(|_| people.resolve(&tokens[start..start + len], false).is_none());
    if let Some((org, len)) = institution {
        return Some(organization(org, start, len));
    }
    // "the Bank said" after "the Bank of England": the one institution the word heads
    let after_the = start > 0 && tokens[start - 1].key() == "the";
    if len == 1 && !titled && after_the && is_org_word(&tokens[start]) {
        let head = people
            .heads
            .get(tokens[start].key())
            .and_then(Option::as_ref);
        if let Some(name) = head {
            return Some(found(
                Cow::Owned(name.clone()),
                ActorKind::Organization,
                bare(start, 1),
                start,
                1,
            ));
        }
    }
    let surface = bare(start, len);
    let last = tokens[start + len - 1].key();
    let acting_org = people
        .orgs
        .get(last)
        .is_some_and(|names| names.contains(surface.as_str()));
    if acting_org {
        return Some(organization(surface.to_string(), start, len));
    }
    let words = &tokens[start..start + len];
    let speaks = len == 1 && (titled || is_surname_speaking(tokens, start));
    // "Gwen, 58, farms 900 acres" after "Gwen Ashworth": a known given name stands for the one
    // person it opens the name of, spelt the same ("Ana" is not "Anna Lindqvist"); looked up
    // only for a lone word no one's name otherwise takes
    let resolved = people.resolve(words, speaks).or_else(|| {
        let word = tokens[start].bare();
        let name = (len == 1 && !speaks)
            .then(|| people.resolve(words, true))
            .flatten()?;
        let given = name.strip_prefix(word).is_some_and(|r| r.starts_with(' '))
            && !is_stop_word(tokens[start].text)
            && gender::of_name(word).is_some();
        given.then_some(name)
    });
    let Some(name) = resolved else {
        // "Halberd rejected …" after "Halberd Pharmaceuticals"
        let short = (len == 1 && !titled)
            .then(|| people.shorts.get(&fold_name(tokens[start].bare())))
            .flatten()
            .and_then(Option::as_ref);
        // "Andesite has rejected" after "Andesite Copper Corporation"
        let lead = || {
            (len <= 2 && !titled && !people.leads.is_empty())
                .then(|| people.leads.get(&lead_key(words)))
                .flatten()
                .and_then(Option::as_ref)
                .filter(|_| acts_after(tokens, start + len))
        };
        let name = short.or_else(lead)?;
        return Some(found(
            Cow::Owned(name.clone()),
            ActorKind::Organization,
            bare(start, len),
            start,
            len,
        ));
    };
    Some(found(
        Cow::Borrowed(name),
        ActorKind::Person,
        surface,
        start,
        len,
    ))
}

/// "(PLWU)" at token `i`, right after an organisation's name: the short form the article will
/// use for it.
fn bracketed_short_form(tokens: &[Token], i: usize) -> Option<CompactString> {
    let (open, short, close) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    (open.text == "(" && close.text == ")" && is_short_form(short))
        .then(|| CompactString::from(short.text))
}

/// "known as the PLWU" at token `i`: a short form given to what was just named.
fn known_as(tokens: &[Token], i: usize) -> Option<CompactString> {
    if tokens[i].key() != "known" || tokens.get(i + 1)?.key() != "as" {
        return None;
    }
    let at = if tokens.get(i + 2)?.key() == "the" {
        i + 3
    } else {
        i + 2
    };
    let short = tokens.get(at)?;
    is_short_form(short).then(|| CompactString::from(short.text))
}

/// "PLWU", "BCI", "A&E": two to six capital letters (an ampersand may join them).
fn is_short_form(token: &Token) -> bool {
    let text = token.text;
    (2..=6).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        && text.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// The organisation a short form at token `i` stands for ("The PLWU has ruled out"), when an
/// article gave it in brackets after the name; not where it is given ("(PLWU)", "known as
/// the PLWU").
fn short_form_at<'p>(tokens: &[Token], i: usize, people: &'p People) -> Option<&'p str> {
    if !is_short_form(&tokens[i]) {
        return None;
    }
    let bracketed =
        i > 0 && tokens[i - 1].text == "(" && tokens.get(i + 1).is_some_and(|t| t.text == ")");
    let given = (i.saturating_sub(3)..i).any(|k| known_as(tokens, k).is_some());
    if bracketed || given {
        return None;
    }
    people.acronyms.get(tokens[i].text)?.as_deref()
}

/// The institution a state or demonym at token `i` opens ("British Medical Association"), if
/// any, and its length.
fn national_institution_at(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    if !tokens[i].is_capitalised() {
        return None;
    }
    let (len, target) = GAZETTEER.match_at(tokens, i)?;
    national_institution(tokens, i, len, target)
}

/// The organisation the gazetteer knows at token `i` (its length and entry), if any.
fn gazetteer_org_at(tokens: &[Token], i: usize) -> Option<(usize, Target)> {
    if !tokens[i].is_capitalised() {
        return None;
    }
    match GAZETTEER.match_at(tokens, i)? {
        found @ (_, Target::Org(_)) => Some(found),
        _ => None,
    }
}

/// "Millbrook captain Jordan Amis", "Chad Ellis said": a person's name at token `i` whose
/// first word is a state's name (which starts no name by itself), with evidence that it is a
/// person's; its length.
fn place_first_name(tokens: &[Token], i: usize) -> Option<usize> {
    // most tokens start no name: the cheap tests first, lexicons last
    let named = |t: &Token| t.is_capitalised() && t.has_lower_case();
    if !named(&tokens[i]) || !tokens.get(i + 1).is_some_and(named) {
        return None;
    }
    if !person::is_name_word(&tokens[i]) || !person::is_name_word(&tokens[i + 1]) {
        return None;
    }
    let (1, Target::Country(_)) = GAZETTEER.match_at(tokens, i)? else {
        return None;
    };
    // one surname, not a title ("Jordan President …"), a place or an organisation's name
    // ("Egypt Suez Canal Authority")
    let surname = &tokens[i + 1];
    if name_len(tokens, i + 1) != 1
        || is_org_word(surname)
        || title_at(tokens, i + 1).is_some()
        || GAZETTEER.match_at(tokens, i + 1).is_some()
    {
        return None;
    }
    let titled = person::title_before(tokens, i).is_some();
    has_person_evidence(tokens, i, 2, titled).then_some(2)
}

/// A person whose first name is a place the gazetteer matched at token `i` (`len` tokens):
/// "Jordan Amis", when the briefing knows a person so named. Their name and its length.
fn person_named_after_place<'p>(
    tokens: &[Token],
    i: usize,
    len: usize,
    people: &'p People,
) -> Option<(&'p str, usize)> {
    if len != 1 || !tokens.get(i + 1).is_some_and(person::is_name_word) {
        return None;
    }
    let name_len = 1 + name_len(tokens, i + 1);
    let name = people.resolve(&tokens[i..i + name_len], false)?;
    Some((name, name_len))
}

/// Capital-letter names opening a paragraph: the tabloid lede ("KEVIN DOYLE launched a furious
/// attack") and the transcript's speaker label ("CHIEF DANA WHITLOCK:", "MAYOR ESPINOZA:").
/// The name's first token and length, titles skipped; at most three words, each of two
/// letters or more and no place, followed by a colon or a lower-case word.
pub fn capitals_name(tokens: &[Token]) -> Option<(usize, usize)> {
    let is_capitals = |t: &Token| {
        t.is_capitalised()
            && !t.has_lower_case()
            && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let run = tokens.iter().take(6).take_while(|t| is_capitals(t)).count();
    if run == 0 {
        return None;
    }
    // past the last title in the run ("FIRE MARSHAL TERESA HOLM")
    let start = (0..run)
        .filter_map(|k| title_at(tokens, k).map(|t| k + t))
        .filter(|&end| end < run)
        .max()
        .unwrap_or(0);
    let len = run - start;
    let next = tokens.get(run)?;
    let closes = next.text == ":" || (next.is_word() && !next.is_capitalised());
    let words = &tokens[start..run];
    // "FULL TIME:" is a label; "JOHN KEY:" is a name
    let plain = words.iter().all(|t| !is_stop_word(t.text))
        && !words.iter().all(|t| LABEL_WORDS.contains(t.key()));
    let placed = (start..run).any(|k| GAZETTEER.match_at(tokens, k).is_some());
    (closes && plain && !placed && (1..=3).contains(&len)).then_some((start, len))
}

/// Words in capitals that open a paragraph as a label, not a name ("UPDATE:", "FULL TIME:").
static LABEL_WORDS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/label_words.txt")));

/// A word in capitals written as a name: "DOYLE" → "Doyle", "MBEKI-HART" → "Mbeki-Hart".
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = matches!(c, '-' | '\'' | '’');
    }
    out
}

/// The mentions whose first token lies in `from..to` (mentions are in token order).
pub fn mentions_in(mentions: &[Mention], from: usize, to: usize) -> &[Mention] {
    let a = mentions.partition_point(|m| m.token < from);
    let b = mentions.partition_point(|m| m.token < to);
    &mentions[a..b.max(a)]
}

/// The mention whose last token is `j`, if any.
pub fn mention_ending_at(mentions: &[Mention], j: usize) -> Option<(usize, &Mention)> {
    let k = mentions.partition_point(|m| m.token + m.len <= j);
    mentions
        .get(k)
        .filter(|m| m.token + m.len == j + 1)
        .map(|m| (k, m))
}

/// Whether the one-word name at token `i` ends a longer capitalised name that is no one's
/// ("Port Ellis", "Fort Hale"): the word before it could be part of a name, stands inside the
/// sentence, and is neither a place nor a possessive ("Ukraine's Zelensky"). A surname known
/// from elsewhere in the briefing does not make the place a person.
fn ends_longer_name(tokens: &[Token], i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else {
        return false;
    };
    let word = &tokens[before];
    let opens_sentence = before == 0
        || matches!(
            tokens[before - 1].text,
            "." | "!" | "?" | ":" | ";" | "\"" | "“" | "‘" | "'" | "(" | "—" | "–" | "-"
        );
    person::is_name_word(word)
        && word.bare() == word.text
        && !opens_sentence
        && GAZETTEER.match_at(tokens, before).is_none()
}

/// The length of the noun (one or two words) that, after a country's adjective, stands for the
/// state at token `j` ("government", "authorities", "foreign ministry"), if one does and it is not
/// a possessive or the start of a longer name ("the British Government Art Collection" is not the
/// state speaking; "China's Ministry of Commerce" is an institution).
pub(crate) fn state_noun_after(tokens: &[Token], j: usize) -> Option<usize> {
    let ends_here = |end: usize| {
        let last = &tokens[end - 1];
        // "the Chinese Ministry of Commerce", "the British Government Art Collection"
        let longer_name = last.is_capitalised()
            && tokens
                .get(end)
                .is_some_and(|t| t.is_word() && (t.is_capitalised() || t.key() == "of"));
        last.bare() == last.text && !longer_name
    };
    let first = tokens.get(j)?;
    if !first.is_word() {
        return None;
    }
    if let Some(second) = tokens.get(j + 1).filter(|t| t.is_word()) {
        let phrase = format!("{} {}", first.key(), second.key());
        // a possessive first word ("the Danish government's ministers") is not a phrase
        if first.bare() == first.text && STATE_NOUNS.contains(&phrase) && ends_here(j + 2) {
            return Some(2);
        }
    }
    (STATE_NOUNS.holds(first) && ends_here(j + 1)).then_some(1)
}

/// Whether `phrase` (lower case, one or two words) names a state's body: "government",
/// "energy ministry", "coast guard" (`assets/lexicons/state_nouns.txt`).
pub fn is_state_noun(phrase: &str) -> bool {
    STATE_NOUNS.contains(phrase)
}

/// A demonym names the people, not the adjective: "the Russians", "Britons", "the British have".
fn is_people_noun(tokens: &[Token], i: usize, len: usize) -> bool {
    let word = tokens[i + len - 1].bare();
    let plural = word.ends_with('s') && !word.ends_with("ss");
    let after_the = i > 0 && tokens[i - 1].key() == "the";
    let next_is_noun = tokens
        .get(i + len)
        .is_some_and(|t| t.is_word() && !is_function_word(t.key()));
    (after_the || plural) && !next_is_noun
}

fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "have"
            | "has"
            | "had"
            | "are"
            | "were"
            | "is"
            | "was"
            | "will"
            | "would"
            | "might"
            | "may"
            | "can"
            | "could"
            | "say"
            | "said"
            | "remain"
            | "do"
            | "did"
            | "don't"
            | "aren't"
            | "want"
            | "who"
            | "themselves"
            | "either"
            | "too"
            | "also"
            | "should"
    )
}

/// "the Atlantic Council", "Lowy Institute", "Center for European Policy Analysis", "Competition
/// and Markets Authority": a capitalised run of two or more words holding an organisation word
/// (or one such word with a "for/of/on" complement). Returns the name and its length in tokens.
fn institution(tokens: &[Token], i: usize, len: usize) -> Option<(String, usize)> {
    let run = &tokens[i..i + len];
    // "Bank Rate", "Council Tax", "Union Jack": an organisation word and one word after it,
    // with no complement, name a thing, not a body
    let complement = tokens
        .get(i + len)
        .is_some_and(|t| matches!(t.text, "for" | "of" | "on"));
    if len == 2 && is_org_word(&run[0]) && !is_org_word(&run[1]) && !complement {
        return None;
    }
    // "Water Resources Outlook", "Northern Growth Strategy": a text a body wrote, not the body
    if run
        .last()
        .is_some_and(|t| DOCUMENT_HEADS.contains(&t.key()))
    {
        return None;
    }
    let mut end = i + len;
    // "Marbury United", "Newcastle United": a club, though "United" does not make every name
    // holding it one ("United Kingdom", "United Auto Workers" are named for what follows it)
    let club = len >= 2 && run[len - 1].text == "United";
    if !club && !run.iter().any(is_org_word) {
        // "Competition and Markets Authority": a second run after "and" holds the word;
        // "Procter & Gamble": an ampersand between names joins a company's
        let joiner = tokens.get(end).map(|t| t.text);
        let tail = match joiner {
            Some("and" | "&") => name_len(tokens, end + 1),
            _ => 0,
        };
        if tail == 0
            || (joiner != Some("&") && !tokens[end + 1..end + 1 + tail].iter().any(is_org_word))
        {
            return None;
        }
        end += 1 + tail;
    } else if is_org_word(&run[len - 1]) && complement {
        // "Center for European Policy Analysis": the word may take a complement, which may be
        // a place ("Bank of Japan", "Heart Health Alliance of Australia")
        let from = end + 1;
        end = from + complement_len(tokens, from);
        if end == from {
            end = definite_complement_end(tokens, from);
        }
        if end == from {
            end -= 1;
        } else if !tokens[i.saturating_sub(2)..i]
            .iter()
            .any(|t| t.key() == "between")
        {
            end = portfolio_end(tokens, &run[len - 1], from, end);
        }
    }
    (end - i >= 2)
        .then(|| join_bare(&tokens[i..end]))
        .map(|name| (name, end - i))
}

/// "for the Protection of Birds", "of the Interior": a complement after "the", a name run, and
/// one more "of" and name ("Organisation for the Prohibition of Chemical Weapons"). Returns
/// where it ends, `from` when there is none.
fn definite_complement_end(tokens: &[Token], from: usize) -> usize {
    if tokens.get(from).is_none_or(|t| t.text != "the") {
        return from;
    }
    let named = complement_len(tokens, from + 1);
    if named == 0 {
        return from;
    }
    let end = from + 1 + named;
    match tokens.get(end) {
        Some(t) if t.text == "of" => end + 1 + complement_len(tokens, end + 1),
        _ => end,
    }
}

/// Heads whose names list their portfolios with commas ("Department for Environment, Food and
/// Rural Affairs", "Ministry of Housing, Communities and Local Government").
const PORTFOLIO_HEADS: [&str; 2] = ["department", "ministry"];

/// Where an institution's complement `from..end` ends once the fields it lists are joined:
/// "Society of Motor Manufacturers and Traders", "Centers for Disease Control and Prevention",
/// and after a ministry's head, a list with commas ("Department for Digital, Culture, Media
/// and Sport"). A field is one or two capitalised words (not a short form in capitals: "the
/// Bank of Wessex and HSBC") that start no state and no known first name ("the Institute of
/// Directors and John Smith" are two names). A complement that is a state takes no fields, nor
/// one after "between" ("a deal between the Institute of Directors and Barclays").
fn portfolio_end(tokens: &[Token], head: &Token, from: usize, end: usize) -> usize {
    if GAZETTEER.match_at(tokens, from).is_some() {
        return end;
    }
    let field = |at: usize| {
        let words = name_len(tokens, at);
        let plain = (1..=2).contains(&words)
            && GAZETTEER.match_at(tokens, at).is_none()
            && gender::of_name(tokens[at].bare()).is_none();
        plain.then_some(words)
    };
    let lists = PORTFOLIO_HEADS.contains(&head.key());
    let mut at = end;
    while lists && tokens.get(at).is_some_and(|t| t.text == ",") {
        match field(at + 1) {
            Some(words) => at += 1 + words,
            None => return end,
        }
    }
    match tokens.get(at) {
        Some(t) if matches!(t.text, "and" | "&") => field(at + 1).map_or(end, |w| at + 1 + w),
        _ => end,
    }
}

/// The name at token `i` completing an institution's name after "of", "for" or "on": a name,
/// or a state or place the gazetteer knows (which starts no person's name).
fn complement_len(tokens: &[Token], i: usize) -> usize {
    match GAZETTEER.match_at(tokens, i) {
        Some((len, Target::Country(_))) => len,
        // "Association of British Insurers", "of Swedish Small Businesses": a demonym opening
        // the name of those the body is for
        Some((len, Target::Demonym(_))) => match name_len(tokens, i + len) {
            0 => 0,
            tail => len + tail,
        },
        _ => name_len(tokens, i),
    }
}

/// "British Medical Association", "European Bicycle Manufacturers Association": a country or
/// demonym at token `i` (`len` tokens) that opens an institution's name.
fn national_institution(
    tokens: &[Token],
    i: usize,
    len: usize,
    target: Target,
) -> Option<(String, usize)> {
    let possessive = tokens[i + len - 1].bare() != tokens[i + len - 1].text;
    if possessive || !matches!(target, Target::Demonym(_) | Target::Country(_)) {
        return None;
    }
    // "the Tajik Foreign Ministry", "the Russian Government": the state's own body, named by
    // the state's adjective, speaks for the state (see `state_noun_after`), though its name is
    // capitalised as an institution's ("U.S. Air Force" stays the force's)
    if matches!(target, Target::Demonym(_)) && state_noun_after(tokens, i + len).is_some() {
        return None;
    }
    let tail = name_len(tokens, i + len);
    let (_, org_len) = institution(tokens, i + len, tail)?;
    let end = i + len + org_len;
    Some((join_bare(&tokens[i..end]), end - i))
}

/// Words for a geographic feature ("Delta", "Valley"), which make a state's name before them a
/// place's.
static GEOGRAPHIC_FEATURES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(include_str!(
        "../../assets/lexicons/geographic_features.txt"
    ))
});

/// Whether `token` is a capitalised word for a geographic feature ("the Niger Delta").
fn names_a_feature(token: Option<&Token>) -> bool {
    token.is_some_and(|t| t.is_capitalised() && GEOGRAPHIC_FEATURES.holds(t))
}

/// Whether `token` is a noun for a kind of organisation ("company", "union", "regulator"), as
/// `assets/lexicons/organization_nouns.txt` lists them.
pub fn is_organization_noun(token: &Token) -> bool {
    ORG_NOUNS.holds(token)
}

/// For each noun by which an article refers back to an organisation ("the agency"), the words
/// of the names it may stand for, as `assets/lexicons/organization_referents.toml` lists them.
static REFERENTS: LazyLock<FxHashMap<String, Vec<String>>> = LazyLock::new(|| {
    toml::from_str(include_str!(
        "../../assets/lexicons/organization_referents.toml"
    ))
    .expect("organization_referents.toml is valid")
});

/// Words that make an organisation's name a public body's ("Supreme Court", "Ministry of
/// Health"), which a noun for any organisation ("the company") does not stand for.
static PUBLIC_BODIES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/public_bodies.txt")));

/// Whether "the `noun`" (a token key) may refer back to the organisation named `words` (token
/// keys): with `holding`, a name holding the noun ("the union", "Unison Health Union");
/// otherwise also one holding a word the noun stands for ("the agency", "Therapeutic Products
/// Authority"), or, for a noun that fits any business ("the company"), any name but a public
/// body's ("the Supreme Court" is no company) or one holding a word the lexicon excludes with
/// "!" ("the company" is not "the Clearwater Trust").
fn refers_to<'w>(noun: &str, words: impl Iterator<Item = &'w str>, holding: bool) -> bool {
    let also = match REFERENTS.get(noun) {
        Some(also) if !holding => also.as_slice(),
        _ => &[],
    };
    let any = also.iter().any(|w| w == "*");
    let (mut named, mut excluded) = (false, false);
    for w in words {
        named |= w == noun || also.iter().any(|a| a == w);
        excluded |= any
            && (PUBLIC_BODIES.contains(w) || also.iter().any(|a| a.strip_prefix('!') == Some(w)));
    }
    named || (any && !excluded)
}

/// The last of `mentions` (in text order) that "the `noun`" may refer back to: the last whose
/// name holds the noun, else the last [`refers_to`] allows.
pub fn referent<'m>(
    mentions: &'m [Mention],
    tokens: &[Token],
    noun: &Token,
) -> Option<&'m Mention> {
    let find = |holding: bool| {
        mentions
            .iter()
            .rev()
            .filter(|m| m.kind == ActorKind::Organization)
            .find(|m| {
                tokens
                    .get(m.token..m.token + m.len)
                    .is_some_and(|name| refers_to(noun.key(), name.iter().map(Token::key), holding))
            })
    };
    find(true).or_else(|| find(false))
}

/// The last of `orgs` (actor ids, in the order last named) that "the `noun`" may refer back
/// to, by their names in `actors`, as [`referent`] chooses.
pub fn earlier_referent(orgs: &[ActorId], actors: &[Actor], noun: &str) -> Option<ActorId> {
    let find = |holding: bool| {
        orgs.iter().rev().copied().find(|id| {
            actors.get(id.0 as usize).is_some_and(|a| {
                let lower = a.name.to_lowercase();
                refers_to(noun, lower.split(' '), holding)
            })
        })
    };
    find(true).or_else(|| find(false))
}

/// Whether `word` (as printed, capitalised) names an organisation's kind ("Service",
/// "Association"), as `assets/lexicons/organization_words.txt` lists them.
pub fn is_organization_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && ORG_WORDS.contains(word)
}

pub(crate) fn is_org_word(token: &Token) -> bool {
    // `key` is already lower case: the lexicon looks it up without allocating
    token.is_capitalised() && ORG_WORDS.holds(token)
}

fn join_bare(tokens: &[Token]) -> String {
    let mut out = String::new();
    push_name(&mut out, tokens);
    out
}

/// Appends the words of a name, its last without a possessive ending; a possessive inside the
/// name is its own ("Women's Institute", "Farmers' Union", the apostrophe a token of its own).
fn push_name(out: &mut impl std::fmt::Write, tokens: &[Token]) {
    for (k, t) in tokens.iter().enumerate() {
        let last = k + 1 == tokens.len();
        let glued =
            k > 0 && (t.text == "," || matches!(t.text, "'" | "’") && tokens[k - 1].end == t.start);
        // writing to a string cannot fail
        if k > 0 && !glued {
            let _ = out.write_char(' ');
        }
        let _ = out.write_str(if last { t.bare() } else { t.text });
    }
}

/// A capitalised name of two or more words at `i..i+len` that acts: a stance phrase right
/// after it (past an appositive and up to two auxiliaries: "Luis Ferreira opposed", "Healthwatch
/// Leeds, the local patient watchdog, is sceptical"). The kind is an organisation when the
/// appositive describes one ("which …", "the utility …"), else a person.
fn acting_kind(tokens: &[Token], i: usize, len: usize) -> Option<ActorKind> {
    let after_preposition = i > 0 && PREPOSITIONS.contains(&tokens[i - 1].key());
    if len < 2 || after_preposition {
        return None;
    }
    let mut after = i + len;
    let mut kind = ActorKind::Person;
    // "The Health Secretary, Margaret Ellison, ruled out": the name is itself the appositive
    let named_between_commas =
        i > 0 && tokens[i - 1].text == "," && tokens.get(after).is_some_and(|t| t.text == ",");
    if named_between_commas && is_stance_at(tokens, after + 1) {
        return Some(kind);
    }
    if let Some(close) = appositive::closing(tokens, after) {
        if describes_organization(&tokens[after + 1..close]) {
            kind = ActorKind::Organization;
        }
        after = close + 1;
    }
    is_stance_at(tokens, after + auxiliaries_at(tokens, after)).then_some(kind)
}

/// How many of the (at most three) tokens from `at` are [`AUXILIARIES`] or [`ADVERBS`] ("has
/// also rejected", "has so far refused").
fn auxiliaries_at(tokens: &[Token], at: usize) -> usize {
    tokens
        .get(at..tokens.len().min(at + 3))
        .unwrap_or(&[])
        .iter()
        .take_while(|t| AUXILIARIES.contains(&t.key()) || ADVERBS.contains(&t.key()))
        .count()
}

/// Adverbs of time and manner that may stand between a subject and its verb ("has so far
/// refused", "has repeatedly denied", "later said").
const ADVERBS: [&str; 22] = [
    "so",
    "far",
    "thus",
    "already",
    "since",
    "long",
    "now",
    "still",
    "just",
    "again",
    "later",
    "then",
    "never",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "previously",
    "firmly",
    "flatly",
    "consistently",
    "initially",
];

/// "Health Secretary Wes Power", "Rachel Power, chief executive of the Patients Association": a
/// first name and a surname that is also an organisation's word ("Power", "Court") name a
/// person after a person's title (not a company's: "lender Nordwall Bank") or before an
/// appositive giving a person's role.
fn is_person_named(tokens: &[Token], start: usize, len: usize, titled: bool) -> bool {
    const MODIFIERS: [&str; 9] = [
        "senior",
        "former",
        "deputy",
        "acting",
        "vice",
        "assistant",
        "associate",
        "managing",
        "interim",
    ];
    let after = start + len;
    if len != 2 || is_org_word(&tokens[start]) || !SURNAME_ORG_WORDS.holds(&tokens[start + 1]) {
        return false;
    }
    if titled && start > 0 && !is_organization_noun(&tokens[start - 1]) {
        return true;
    }
    if tokens.get(after).is_none_or(|t| t.text != ",") {
        return false;
    }
    let mut role = after + 1;
    if tokens
        .get(role)
        .is_some_and(|t| MODIFIERS.contains(&t.key()))
    {
        role += 1;
    }
    tokens.get(role).is_some_and(|t| {
        t.text.starts_with(char::is_lowercase)
            && (BIO_ROLES.contains(t.key()) || is_role_noun(t.key()))
    })
}

/// "Minister for Culture Ayo Adebayo": a run after a preposition may hold the end of a title.
const PREPOSITIONS: [&str; 8] = ["for", "of", "in", "at", "from", "by", "to", "with"];

/// Last words that make a capitalised run a text or an agreement, not a body ("the
/// Affordability Act, which …", "the Sarn Accord", "the Water Resources Outlook").
const DOCUMENT_HEADS: [&str; 21] = [
    "act",
    "accord",
    "accords",
    "treaty",
    "agreement",
    "bill",
    "convention",
    "protocol",
    "declaration",
    "charter",
    "plan",
    "strategy",
    "report",
    "review",
    "scheme",
    "deal",
    "pact",
    "law",
    "directive",
    "regulation",
    "outlook",
];

/// Words that may stand between a subject and its verb: auxiliaries, and "also".
pub(crate) const AUXILIARIES: [&str; 10] = [
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "also",
];

/// "the trade body TechUK", "the pension fund Nordvest", "rival carmaker Renault": a name right
/// after a noun for a kind of organisation names an organisation of that kind, when "the"
/// stands before the noun (one modifier between) or the noun is a company's descriptor
/// written as a title ("carmaker", "lender"). Not a possessive's ("the company's Ludgate Vale
/// depot") nor a date ("the council Monday").
fn described_as_organization(tokens: &[Token], start: usize) -> bool {
    let Some(noun) = start.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    if noun.bare() != noun.text || !ORG_NOUNS.holds(noun) {
        return false;
    }
    let descriptor = title_at(tokens, start - 1) == Some(1);
    let key = |k: usize| tokens[k].key();
    // "the union Unite", "the environmental group Natuur Eerst", "the national farmers'
    // organisation LTO-Vereniging": "the", at most two modifiers, the noun
    let determined = noun.text.starts_with(|c: char| c.is_ascii_lowercase()) && {
        let mut modifiers = 0;
        let mut k = start - 1;
        loop {
            if k == 0 {
                break false;
            }
            k -= 1;
            // "US technology group Veltrix", "German carmaker Brandt": a country or its
            // demonym before the modifiers determines the noun as "the" does
            let national = || {
                tokens[k].is_capitalised()
                    && matches!(
                        GAZETTEER.match_at(tokens, k),
                        Some((1, Target::Country(_) | Target::Demonym(_)))
                    )
            };
            match tokens[k].text {
                "'" | "’" => {}
                _ if key(k) == "the" => break true,
                _ if national() => break true,
                _ if tokens[k].is_word() && modifiers < 2 => modifiers += 1,
                _ => break false,
            }
        }
    };
    let name = key(start);
    (descriptor || determined) && !MONTHS.contains(&name) && !WEEKDAYS.contains(&name)
}

/// "which represents importers", "the local patient watchdog", "the consortium that owns the
/// club": an appositive whose head noun (before any "that/who/of…") names an organisation.
fn describes_organization(inner: &[Token]) -> bool {
    if inner.first().is_some_and(|t| t.key() == "which") {
        return true;
    }
    let (mut organization, mut last) = (false, None);
    for t in appositive_head(inner) {
        organization |= ORG_NOUNS.holds(t);
        last = Some(t);
    }
    // "the Progressive Alliance leader": an organisation's word before a person's role
    organization
        && !last.is_some_and(|t| t.text.starts_with(char::is_lowercase) && is_role_noun(t.key()))
}

/// An appositive's head: its words before any "that", "which", "who", "of", "in" … that open
/// what qualifies it.
fn appositive_head<'t, 'a>(inner: &'t [Token<'a>]) -> impl Iterator<Item = &'t Token<'a>> {
    inner.iter().take_while(|t| {
        !matches!(
            t.key(),
            "that" | "which" | "who" | "whose" | "of" | "for" | "at" | "in" | "with" | "on"
        )
    })
}

/// "Jal Suraksha Manch, a Kolar-based farmers' collective that …": an appositive whose head
/// noun (its last word before any "that", "of", "in" …) is a common noun for a kind of
/// organisation, written in lower case ("a postdoctoral researcher in the group" is a person;
/// "the former Council of State vice-president" a person's role; "which have drafted" may
/// follow a place).
fn names_a_kind_of_organization(inner: &[Token]) -> bool {
    appositive_head(inner)
        .last()
        .is_some_and(|t| t.text.starts_with(char::is_lowercase) && ORG_NOUNS.holds(t))
        || one_of_a_kind(inner)
}

/// "one of the largest P&I clubs", "one of the country's biggest unions": an appositive
/// saying the name is one of a kind of organisation, named in the plural.
fn one_of_a_kind(inner: &[Token]) -> bool {
    let [one, of, rest @ ..] = inner else {
        return false;
    };
    one.key() == "one"
        && of.key() == "of"
        && appositive_head(rest).last().is_some_and(|t| {
            let key = t.key();
            t.text.starts_with(char::is_lowercase)
                && key
                    .strip_suffix('s')
                    .is_some_and(|singular| ORG_NOUNS.contains(singular))
        })
}

/// The people of the briefing, with their spellings merged.
#[derive(Debug, Default)]
struct People {
    /// Names that act like organisations without an organisation word ("Healthwatch Leeds"),
    /// by the lexicon form of their last word (so most name runs cost one lookup, no allocation).
    orgs: FxHashMap<String, BTreeSet<String>>,
    persons: Vec<Person>,
    /// A company's first word standing for its name ("Halberd" for "Halberd Pharmaceuticals"),
    /// folded; `None` where two names open with the word.
    shorts: FxHashMap<CompactString, Option<String>>,
    /// The first word or two of an organisation's name that are no organisation words
    /// ("Andesite" for "Andesite Copper Corporation", "Tierra Viva" for "Tierra Viva Alliance"),
    /// folded and joined by a space: they stand for it only where they act ("Andesite has
    /// rejected"), as such words may name other things. `None` where two names open so.
    leads: FxHashMap<CompactString, Option<String>>,
    /// An institution's first organisation word standing for it after "the" ("the Bank" for
    /// "Bank of England"), lower case: the institution named most often with that word first;
    /// `None` where two are named as often.
    heads: FxHashMap<CompactString, Option<String>>,
    /// Short forms an organisation's name was given in brackets ("Pacific Longshore Workers
    /// Union (PLWU)"), as printed; `None` where two names were given the same.
    acronyms: FxHashMap<CompactString, Option<String>>,
    by_surname: FxHashMap<CompactString, Vec<usize>>,
    by_first: FxHashMap<CompactString, Vec<usize>>,
    /// The sex honorifics gave people ("Madame Kébé").
    titled: Titled,
}

impl People {
    /// The canonical name for `words` seen in the text, if they name a known or evidenced person.
    /// `evidence`: the words are titled or speak ("Sir Keir", "Liang said"), so a lone first
    /// name may stand for the one person it opens the name of.
    fn resolve(&self, words: &[Token], evidence: bool) -> Option<&str> {
        let surname = fold_name(words.last()?.bare());
        let candidates = self.by_surname.get(&surname).map_or(&[][..], Vec::as_slice);
        // "Ní Bhriain said", "Van den Heuvel said": a surname with its particles, no first name
        let particles = words.len() > 1
            && words[..words.len() - 1]
                .iter()
                .all(|w| person::is_surname_particle(w.key()));
        let first = (words.len() > 1 && !particles && !candidates.is_empty())
            .then(|| fold_name(words[0].bare()));
        // the full name ends with the particles and surname as written, case aside
        let tail = particles.then(|| {
            let words: Vec<&str> = words.iter().map(Token::bare).collect();
            format!(" {}", words.join(" ")).to_lowercase()
        });
        let hit = candidates.iter().find(|&&p| {
            let known = &self.persons[p].first;
            if let Some(tail) = &tail {
                return self.persons[p].name.to_lowercase().ends_with(tail.as_str());
            }
            first
                .as_ref()
                .is_none_or(|f| known.as_ref().is_none_or(|k| k == f))
        });
        if let Some(&p) = hit {
            return Some(&self.persons[p].name);
        }
        // "Sir Keir", or "Liang" for "Liang Weiming" (family name first): a lone word that is
        // no one's surname but the first name of exactly one person
        if words.len() == 1 && evidence && candidates.is_empty() && !is_stop_word(words[0].text) {
            let firsts = self.by_first.get(&fold_name(words[0].bare()))?;
            return (firsts.len() == 1).then(|| self.persons[firsts[0]].name.as_str());
        }
        None
    }
}

/// First pass: people's names with evidence, grouped by folded surname and first name.
fn collect_people(articles: &[Article]) -> People {
    let mut seen: Vec<Vec<String>> = Vec::new();
    // two- and three-word capitalised names without evidence of their own: a surname with
    // evidence later ("Marsh, 23, admitted") promotes the full name it ends ("Leo Marsh")
    let mut weak: Vec<Vec<String>> = Vec::new();
    let mut singles: Vec<CompactString> = Vec::new();
    let mut firsts: Vec<CompactString> = Vec::new();
    let mut titled: Vec<(u32, CompactString, Gender)> = Vec::new();
    let mut orgs: FxHashMap<String, BTreeSet<String>> = FxHashMap::default();
    let mut shorts: FxHashMap<CompactString, Option<String>> = FxHashMap::default();
    let mut leads: FxHashMap<CompactString, Option<String>> = FxHashMap::default();
    let mut lead_runs: FxHashSet<CompactString> = FxHashSet::default();
    let mut acronyms: FxHashMap<CompactString, Option<String>> = FxHashMap::default();
    // how often each institution is named, by its first organisation word
    let mut heads: FxHashMap<CompactString, FxHashMap<String, usize>> = FxHashMap::default();
    // names are found per article on every core and gathered in article order
    for chunk in articles.chunks(SCAN_CHUNK) {
        for found in crate::par::map(chunk, 0, |_, a| names_in(a)) {
            seen.extend(found.seen);
            weak.extend(found.weak);
            singles.extend(found.singles);
            firsts.extend(found.firsts);
            lead_runs.extend(found.lead_runs);
            titled.extend(found.titled);
            for (last, name) in found.orgs {
                orgs.entry(last).or_default().insert(name);
            }
            for (map, found) in [
                (&mut shorts, found.shorts),
                (&mut leads, found.leads),
                (&mut acronyms, found.acronyms),
            ] {
                for (word, name) in found {
                    agree(map, word, name);
                }
            }
            for (word, name) in found.heads {
                *heads.entry(word).or_default().entry(name).or_default() += 1;
            }
        }
    }
    // "the FMSA" after "the Financial Markets Supervisory Authority", where no brackets gave
    // the short form: an organisation's initials stand for it, unless two share them
    let mut initials: FxHashMap<CompactString, Option<String>> = FxHashMap::default();
    let named = orgs
        .values()
        .flatten()
        .chain(heads.values().flat_map(|names| names.keys()));
    for name in named {
        if let Some(short) = initials_of(name) {
            agree(&mut initials, short, name.clone());
        }
    }
    for (short, name) in initials {
        acronyms.entry(short).or_insert(name);
    }
    promote_full_names(&mut seen, &singles, &weak, |name| name.last());
    promote_full_names(&mut seen, &firsts, &weak, |name| name.first());
    let mut people = merge_people(seen);
    people.orgs = orgs;
    people.shorts = shorts;
    leads.retain(|lead, _| !lead_runs.contains(lead));
    people.leads = leads;
    people.acronyms = acronyms;
    people.titled = Titled::new(titled);
    people.heads = heads
        .into_iter()
        .map(|(word, names)| (word, most_named(names)))
        .collect();
    people
}

/// Remembers that `word` stands for `name`, unless it was already given for another name: a
/// short form or lead word two organisations share stands for neither (`None`).
fn agree(map: &mut FxHashMap<CompactString, Option<String>>, word: CompactString, name: String) {
    map.entry(word)
        .and_modify(|known| {
            if known.as_ref() != Some(&name) {
                *known = None;
            }
        })
        .or_insert(Some(name));
}

/// The initials of an organisation's name of three words or more ("FMSA" for "Financial
/// Markets Supervisory Authority"), past "of", "and", "for", "the", "on" and "&".
fn initials_of(name: &str) -> Option<CompactString> {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "on" | "&"))
        .collect();
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    (words.len() >= 3 && capitalised)
        .then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// "Gwen, 58, farms": a known given name set off with an age.
fn is_first_name_with_age(tokens: &[Token], i: usize) -> bool {
    is_age_at(tokens, i + 1) && gender::of_name(tokens[i].bare()).is_some()
}

/// The names one article gives [`collect_people`].
#[derive(Default)]
struct Names {
    seen: Vec<Vec<String>>,
    /// (lexicon form of the last word, name).
    orgs: Vec<(String, String)>,
    weak: Vec<Vec<String>>,
    singles: Vec<CompactString>,
    /// Known given names with an age after them ("Gwen, 58, farms"), folded.
    firsts: Vec<CompactString>,
    /// (first word folded, name) of names a first word may stand for ([`short_form`]).
    shorts: Vec<(CompactString, String)>,
    /// (lead words folded, name) ([`People::leads`]).
    leads: Vec<(CompactString, String)>,
    /// The first word, and first two, of every other run of two capitalised words or more,
    /// folded: such lead words name something else too ("Harbourside" in "Harbourside City"
    /// beside "Harbourside City Supporters' Trust"), so they stand for no organisation.
    lead_runs: FxHashSet<CompactString>,
    /// (first organisation word, lower case, institution) ([`People::heads`]).
    heads: Vec<(CompactString, String)>,
    /// (short form, organisation) ([`People::acronyms`]).
    acronyms: Vec<(CompactString, String)>,
    /// (article, surname folded, the sex its title gave) ([`gender::Titled`]).
    titled: Vec<(u32, CompactString, Gender)>,
}

fn names_in(article: &Article) -> Names {
    let mut names = Names::default();
    // the organisation last named, for "the union, known as the PLWU,"
    let mut last_org: Option<String> = None;
    // the lead words this article gave its organisations ([`People::leads`])
    let mut article_leads: FxHashSet<CompactString> = FxHashSet::default();
    let words = |tokens: &[Token], start: usize, len: usize| -> Vec<String> {
        tokens[start..start + len]
            .iter()
            .map(|t| t.bare().to_string())
            .collect()
    };
    // one buffer for the article, sized for its longest paragraph so it never grows
    let longest = article.paragraphs.iter().map(|p| p.text.len()).max();
    let mut buffer = Vec::with_capacity(longest.map_or(0, token_room));
    for paragraph in &article.paragraphs {
        tokenize_into(&paragraph.text, &mut buffer);
        let tokens = &buffer[..];
        let mut i = 0;
        // "KEVIN DOYLE launched …" or "FIRE MARSHAL TERESA HOLM:": a full name in capitals
        // opening the paragraph is a person's
        if let Some((start, len)) = capitals_name(tokens).filter(|&(_, len)| len >= 2) {
            names.seen.push(
                tokens[start..start + len]
                    .iter()
                    .map(|t| title_case(t.bare()))
                    .collect(),
            );
            i = start + len;
        }
        while i < tokens.len() {
            if let Some(short) = known_as(tokens, i) {
                if let Some(org) = &last_org {
                    names.acronyms.push((short, org.clone()));
                }
            }
            if let Some(len) = place_first_name(tokens, i) {
                names.seen.push(words(tokens, i, len));
                i += len;
                continue;
            }
            let Some((start, len, titled)) = titled_name_at(tokens, i) else {
                // a body the gazetteer knows ("Bank of England"), which starts no name, heads
                // "the Bank" as well
                // "the British Chambers of Industry (BCI)": a national institution's short form
                if let Some((org, len)) = national_institution_at(tokens, i) {
                    if let Some(short) = bracketed_short_form(tokens, i + len) {
                        names.acronyms.push((short, org));
                    }
                    i += len;
                    continue;
                }
                if let Some((len, target)) = gazetteer_org_at(tokens, i) {
                    let head = tokens[i..i + len].iter().find(|t| is_org_word(t));
                    if let Some(head) = head {
                        let name = GAZETTEER.entry(target).name.clone();
                        names.heads.push((CompactString::from(head.key()), name));
                    }
                    i += len;
                    continue;
                }
                i += 1;
                continue;
            };
            // "Sir Keir" is a first name: it is resolved later against the full names
            let knighted_first_name =
                len == 1 && start > 0 && matches!(tokens[start - 1].key(), "sir" | "dame");
            let institution = (!is_person_named(tokens, start, len, titled))
                .then(|| institution(tokens, start, len))
                .flatten();
            let leads_before = names.leads.len();
            if let Some(org) = &institution {
                names.shorts.extend(short_form(tokens, start, org));
                for (key, name) in lead_forms(tokens, start, org) {
                    article_leads.insert(key.clone());
                    names.leads.push((key, name));
                }
                if let Some(short) = bracketed_short_form(tokens, start + org.1) {
                    names.acronyms.push((short, org.0.clone()));
                }
                last_org = Some(org.0.clone());
                let head = tokens[start..start + org.1].iter().find(|t| is_org_word(t));
                if let Some(head) = head {
                    names
                        .heads
                        .push((CompactString::from(head.key()), org.0.clone()));
                }
            }
            let is_institution = institution.is_some();
            // the lead words of a run that gave no organisation its lead words
            if names.leads.len() == leads_before {
                for n in 1..len.min(3) {
                    names.lead_runs.insert(lead_key(&tokens[start..start + n]));
                }
            }
            // "Tierra Viva condemns" after "Tierra Viva Alliance": the organisation, not a person
            let is_lead = len <= 2
                && !titled
                && !article_leads.is_empty()
                && article_leads.contains(&lead_key(&tokens[start..start + len]));
            if is_lead {
                i = start + len;
                continue;
            }
            let acting = (!titled && !is_institution)
                .then(|| acting_kind(tokens, start, len))
                .flatten();
            let described = !is_institution
                && (described_as_organization(tokens, start)
                    || appositive::closing(tokens, start + len).is_some_and(|close| {
                        let inner = &tokens[start + len + 1..close];
                        names_a_kind_of_organization(inner)
                            // "Wessex Downs Water, which supplies 2.1 million customers": a
                            // name of two words or more that "which" describes, not a place's
                            || (len >= 2
                                && inner.first().is_some_and(|t| t.key() == "which")
                                && !person::is_place_head(tokens[start + len - 1].key())
                                && !DOCUMENT_HEADS.contains(&tokens[start + len - 1].key()))
                    }));
            if acting == Some(ActorKind::Organization) || described {
                let last = tokens[start + len - 1].key().to_string();
                let name = join_bare(&tokens[start..start + len]);
                if let Some(short) = bracketed_short_form(tokens, start + len) {
                    names.acronyms.push((short, name.clone()));
                }
                names.orgs.push((last, name));
            } else if !knighted_first_name
                && !is_institution
                && (acting.is_some() || has_person_evidence(tokens, start, len, titled))
            {
                // "Madame Kébé", "Mr Moukala": the title gives the sex
                let honorific = titled
                    .then(|| person::title_before(tokens, start))
                    .flatten()
                    .and_then(|s| {
                        tokens[s..start]
                            .iter()
                            .find_map(|t| gender::of_title(t.key()))
                    });
                if let Some(sex) = honorific {
                    let surname = fold_name(tokens[start + len - 1].bare());
                    names.titled.push((article.id.0, surname, sex));
                }
                if len == 1 {
                    // "Mr. Trelawney" promotes the full name given without evidence earlier
                    // ("Marcus Trelawney KC, insisted")
                    names.singles.push(fold_name(tokens[start].bare()));
                }
                names.seen.push(words(tokens, start, len));
            } else if len == 1
                && !titled
                // "Okonkwo-Reyes, 41, who grew up …": a surname set off with an age
                && (is_surname_speaking(tokens, start)
                    || (is_age_at(tokens, start + 1) && !is_first_name_with_age(tokens, start)))
            {
                names.singles.push(fold_name(tokens[start].bare()));
            } else if len == 1 && !titled && is_first_name_with_age(tokens, start) {
                names.firsts.push(fold_name(tokens[start].bare()));
            } else if (2..=3).contains(&len) && !is_institution {
                names.weak.push(words(tokens, start, len));
            }
            i = start + len;
        }
    }
    names
}

/// The name named most often, if no other is named as often.
fn most_named(counts: FxHashMap<String, usize>) -> Option<String> {
    let most = counts.values().copied().max()?;
    let mut top = counts.into_iter().filter(|&(_, n)| n == most);
    match (top.next(), top.next()) {
        (Some((name, _)), None) => Some(name),
        _ => None,
    }
}

/// "Halberd Pharmaceuticals", "Lumora Systems": a name at token `start` (the institution
/// `org`, as [`institution`] read it) whose first word is a proper name and whose other words
/// are all words for a company; later the first word alone stands for it ("Halberd rejected
/// the claim"). Not "Northern Rail Group" or "National Grid Company": the first word must not
/// be one the text could use for something else.
fn short_form(
    tokens: &[Token],
    start: usize,
    org: &(String, usize),
) -> Option<(CompactString, String)> {
    let (name, len) = org;
    let first = &tokens[start];
    let rest = tokens.get(start + 1..start + len)?;
    let proper = person::is_name_word(first) && !is_org_word(first) && !is_stop_word(first.text);
    (proper && GAZETTEER.match_at(tokens, start).is_none() && rest.iter().all(is_org_word))
        .then(|| (fold_name(first.bare()), name.clone()))
}

/// The lead words of an organisation's name that may stand for it ([`People::leads`]): its
/// first word, or first two, when they are proper names and no organisation words, and some
/// word of the name is left after them.
fn lead_forms<'a>(
    tokens: &'a [Token],
    start: usize,
    org: &'a (String, usize),
) -> impl Iterator<Item = (CompactString, String)> + 'a {
    let (name, len) = org;
    let first = &tokens[start];
    let proper = person::is_name_word(first)
        && !is_org_word(first)
        && !is_stop_word(first.text)
        && GAZETTEER.match_at(tokens, start).is_none();
    let words = if proper { (*len).min(3) - 1 } else { 0 };
    (1..=words)
        .take_while(move |&n| {
            let last = &tokens[start + n - 1];
            person::is_name_word(last) && !is_org_word(last) && last.bare() == last.text
        })
        .map(move |n| (lead_key(&tokens[start..start + n]), name.clone()))
}

/// [`People::leads`]' key for words: each folded, joined by a space.
fn lead_key(words: &[Token]) -> CompactString {
    let mut key = CompactString::default();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(&fold_name(w.bare()));
    }
    key
}

/// Whether an organisation's subject at `i..i + len` acts: a stance or speech verb after it,
/// past auxiliaries ("Andesite has rejected", "Tierra Viva condemns", "Andesite said").
fn acts_after(tokens: &[Token], after: usize) -> bool {
    // verbs that are also plural nouns, read as nouns right after the words ("European
    // states are leaning": "European" is no short name there)
    const NOUNS: [&str; 16] = [
        "states", "claims", "notes", "calls", "comments", "remarks", "posts", "reads", "tweets",
        "promises", "pledges", "demands", "fears", "doubts", "hopes", "replies",
    ];
    let aux = auxiliaries_at(tokens, after);
    if aux == 0 && tokens.get(after).is_some_and(|t| NOUNS.contains(&t.key())) {
        return false;
    }
    is_stance_at(tokens, after + aux) || person::is_speech_verb(tokens, after + aux)
}

/// A lone surname with evidence ("Fitch said") takes the full name it ends, if the briefing
/// names exactly one such person ("Owen Fitch"); a first name with an age ("Gwen, 58,") the
/// full name it opens: `word` picks which word of a name `singles` hold.
fn promote_full_names(
    seen: &mut Vec<Vec<String>>,
    singles: &[CompactString],
    weak: &[Vec<String>],
    word: impl Fn(&Vec<String>) -> Option<&String>,
) {
    if singles.is_empty() {
        return;
    }
    let mut by_surname: FxHashMap<CompactString, Vec<&Vec<String>>> = FxHashMap::default();
    for name in weak {
        if let Some(last) = word(name) {
            let list = by_surname.entry(fold_name(last)).or_default();
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
    let mut promoted: Vec<Vec<String>> = Vec::new();
    let mut done: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for surname in singles {
        if !done.insert(surname.as_str()) {
            continue;
        }
        if let Some([full]) = by_surname.get(surname).map(Vec::as_slice) {
            promoted.push((*full).clone());
        }
    }
    seen.extend(promoted);
}

/// Merges spellings: same folded surname and compatible first names are one person, named by
/// the fullest form (most words; first seen on ties).
fn merge_people(mut seen: Vec<Vec<String>>) -> People {
    // fuller names first, so a bare surname joins the full name it belongs to
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..seen.len()).collect();
        o.sort_by_key(|&i| (std::cmp::Reverse(seen[i].len()), i));
        o
    };
    let mut people = People::default();
    for i in order {
        let words = std::mem::take(&mut seen[i]);
        let surname = fold_name(words.last().map_or("", String::as_str));
        let first = (words.len() > 1).then(|| fold_name(&words[0]));
        // a later spelling of a known person adds nothing: the fullest came first
        let known = people.by_surname.get(&surname).is_some_and(|ps| {
            ps.iter().any(|&p| {
                let known = &people.persons[p].first;
                first
                    .as_ref()
                    .is_none_or(|f| known.as_ref().is_none_or(|k| k == f))
            })
        });
        // "Liang" after "Liang Weiming": the first word of exactly one fuller name, and no
        // one's surname, is that person (family names first, or a first-name reference)
        let first_of_one = words.len() == 1
            && !is_stop_word(&words[0])
            && !people.by_surname.contains_key(&surname)
            && people
                .by_first
                .get(&surname)
                .is_some_and(|ps| ps.len() == 1);
        if !known && !first_of_one {
            let p = people.persons.len();
            people.by_surname.entry(surname).or_default().push(p);
            if let Some(f) = &first {
                people.by_first.entry(f.clone()).or_default().push(p);
            }
            people.persons.push(Person {
                name: words.join(" "),
                first,
            });
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(paragraphs: &[&str]) -> ActorIndex {
        let article = Article::from_texts(0, paragraphs);
        ActorIndex::build(&[article])
    }

    fn names(index: &ActorIndex) -> Vec<String> {
        index.actors.iter().map(|a| a.name.clone()).collect()
    }

    fn kinds(index: &ActorIndex) -> Vec<String> {
        index
            .actors
            .iter()
            .map(|a| format!("{} ({:?})", a.name, a.kind))
            .collect()
    }

    #[test]
    fn a_name_acting_past_adverbs_is_a_person() {
        let refused = index(&["Tom Ferreyra has so far refused to sign a new contract."]);
        assert_eq!(names(&refused), ["Tom Ferreyra"]);
        let rejected = index(&["Anna Berg has repeatedly rejected the offer."]);
        assert_eq!(names(&rejected), ["Anna Berg"]);
    }

    #[test]
    fn names_open_with_initials_and_hold_dutch_and_irish_particles() {
        let index = index(&[
            "Minister H.N. Shivaprasad welcomed the verdict. Justices Meera Raghunathan and \
             Paul Ostrowski dismissed the petitions.",
            "Marijke van den Heuvel said no. Hendrik ter Laak said yes. Ambassador Siobhán Ní \
             Bhriain called the veto a betrayal.",
            "Ní Bhriain said the text was fair. U.S. Senator Dana Price said so too.",
        ]);
        assert_eq!(
            names(&index),
            [
                "H.N. Shivaprasad",
                "Meera Raghunathan",
                "Paul Ostrowski",
                "Marijke van den Heuvel",
                "Hendrik ter Laak",
                "Siobhán Ní Bhriain",
                "United States",
                "Dana Price",
            ]
        );
    }

    #[test]
    fn appositives_and_descriptions_tell_organisations_from_people() {
        let index = index(&[
            "Sanne Bakker-Oosterhuis, the Progressive Alliance leader, poured cold water on it.",
            "The national farmers' organisation LTO-Vereniging warned of legal challenges.",
            "Jal Suraksha Manch, a Kolar-based farmers' collective that backed the State, said \
             it was pleased.",
            "Samuel Obi-Lindqvist, a postdoctoral researcher in the group, said it worked.",
            "Paris will push for a General Assembly resolution, and the World Food Programme \
             said it had stock.",
        ]);
        assert_eq!(
            kinds(&index),
            [
                "Sanne Bakker-Oosterhuis (Person)",
                "Progressive Alliance (Organization)",
                "LTO-Vereniging (Organization)",
                "Jal Suraksha Manch (Organization)",
                "Samuel Obi-Lindqvist (Person)",
                "France (Country)",
                "General Assembly (Organization)",
                "World Food Programme (Organization)",
            ]
        );
    }

    #[test]
    fn the_union_opening_a_longer_name_is_not_the_european_union() {
        let index = index(&[
            "The Union Jal Shakti Ministry backed the verdict.",
            "The Union has rejected the plan.",
        ]);
        assert_eq!(
            kinds(&index),
            [
                "Union Jal Shakti Ministry (Organization)",
                "European Union (Organization)"
            ]
        );
    }

    #[test]
    fn one_of_a_kind_of_organisation_names_an_organisation() {
        let index = index(&[
            "The Northern Shipowners\u{2019} Mutual, one of the largest P&I clubs, ruled out any change.",
            "Ana Ruiz, one of the best lawyers, rejected the offer.",
        ]);
        assert_eq!(
            kinds(&index),
            [
                "Northern Shipowners\u{2019} Mutual (Organization)",
                "Ana Ruiz (Person)"
            ]
        );
        assert!(one_of_a_kind(&crate::extract::token::tokenize(
            "one of the country's biggest unions"
        )));
        assert!(!one_of_a_kind(&crate::extract::token::tokenize(
            "one of the best lawyers"
        )));
        assert!(!one_of_a_kind(&crate::extract::token::tokenize(
            "the largest of the unions"
        )));
    }

    #[test]
    fn a_modal_opening_a_question_names_no_one() {
        let index = index(&[
            "The Commission fined US technology group Veltrix. Will Veltrix comply within 60 days?",
            "Will Ferrell rejected the appeal.",
        ]);
        assert_eq!(
            kinds(&index),
            [
                "European Commission (Organization)",
                "United States (Country)",
                "Veltrix (Organization)",
                "Will Ferrell (Person)",
            ]
        );
    }

    #[test]
    fn the_alliance_opening_a_longer_name_is_not_nato() {
        let index = index(&[
            "The Alliance for Democratic Renewal rejected the result.",
            "The Alliance has agreed to send more troops.",
        ]);
        assert_eq!(
            kinds(&index),
            [
                "Alliance for Democratic Renewal (Organization)",
                "NATO (Organization)"
            ]
        );
    }

    #[test]
    fn an_organisations_lead_words_stand_for_it_where_they_act() {
        let index = index(&[
            "Andesite Copper Corporation opened the mine. Tierra Viva Alliance organised the \
             blockade.",
            "Andesite has rejected the allegations. Tierra Viva condemns the use of tear gas.",
            // where they do not act they name nothing ("Andesite rock")
            "Andesite rock lines the valley.",
        ]);
        assert_eq!(
            names(&index),
            ["Andesite Copper Corporation", "Tierra Viva Alliance"]
        );
        let surfaces: Vec<&str> = index
            .in_paragraph(0, 1)
            .iter()
            .map(|m| &index.actors[m.actor.0 as usize].name[..])
            .collect();
        assert_eq!(
            surfaces,
            ["Andesite Copper Corporation", "Tierra Viva Alliance"]
        );
        assert!(index.in_paragraph(0, 2).is_empty());
    }

    #[test]
    fn lead_words_that_open_another_name_stand_for_no_organisation() {
        // "Harbourside City" is the club, not "Harbourside City Supporters' Trust"
        let index = index(&[
            "The Harbourside City Supporters' Trust met. Harbourside City lost again.",
            "Harbourside said the striker was not for sale.",
        ]);
        assert!(index.in_paragraph(0, 1).is_empty(), "{:?}", names(&index));
        // a plural noun after an adjective is no verb: "European states are leaning"
        let index = super::tests::index(&[
            "The European Policy Analysis Center published a report.",
            "European states are leaning towards a deal.",
        ]);
        assert!(index.in_paragraph(0, 1).is_empty(), "{:?}", names(&index));
    }

    #[test]
    fn positions_found_on_the_scan_tokens_equal_those_found_article_by_article() {
        // long enough that one article spans tasks and batches: a pronoun's antecedent must be
        // carried across both
        let texts: Vec<String> = (0..BATCH_PARAGRAPHS + 300)
            .map(|i| match i % 5 {
                // tasks (and so batches) start every TASK_PARAGRAPHS paragraphs: on a pronoun
                _ if i % TASK_PARAGRAPHS == 0 && i > 0 => "She rejected it.".to_string(),
                // and so must the organisations and roles "the agency" and "the captain" stand for
                _ if i % TASK_PARAGRAPHS == 1 && i > 1 => {
                    "The agency warned of delays. The captain rejected it.".to_string()
                }
                0 => format!("Minister Anna Berg{} said the plan would go ahead.", i % 7),
                1 => "She rejected the proposal and insists on a vote.".to_string(),
                2 => "She also opposed the deal.".to_string(),
                3 => "Germany opposed the deal, and France is sceptical.".to_string(),
                _ if i % 10 == 4 => format!("Captain Lee Park{} met the Water Agency.", i % 3),
                _ => "The weather was fine.".to_string(),
            })
            .collect();
        let long: Vec<&str> = texts.iter().map(String::as_str).collect();
        let articles = vec![
            Article::from_texts(0, &["Prime Minister Keir Starmer ruled out ground troops."]),
            Article::from_texts(1, &long),
            Article::from_texts(2, &["He also backed sanctions.", "Poland pledged troops."]),
        ];
        let (fused_index, fused) = ActorIndex::build_with_positions(&articles);
        let index = ActorIndex::build(&articles);
        let separate: Vec<Position> = articles
            .iter()
            .flat_map(|a| crate::extract::position::find_positions(a, &index))
            .collect();
        assert_eq!(fused_index.actors, index.actors);
        assert!(separate.len() > BATCH_PARAGRAPHS / 2, "{}", separate.len());
        assert_eq!(fused, separate);
    }

    #[test]
    fn a_company_is_also_named_by_its_first_word() {
        let idx = index(&[
            "Halberd Pharmaceuticals recalled the tablets.",
            "Halberd rejected the claim. Northern Rail Group said Northern trains ran late.",
        ]);
        assert_eq!(
            names(&idx),
            ["Halberd Pharmaceuticals", "Northern Rail Group"]
        );
        let halberd = &idx.actors[0];
        assert_eq!(halberd.aliases, ["Halberd"]);
        // a first word two companies open with stands for neither
        let idx = index(&[
            "Halberd Pharmaceuticals and Halberd Logistics merged.",
            "Halberd said little.",
        ]);
        assert_eq!(
            names(&idx),
            ["Halberd Pharmaceuticals", "Halberd Logistics"]
        );
    }

    #[test]
    fn a_name_in_capitals_opening_a_paragraph_is_a_person() {
        let idx = index(&[
            "KEVIN DOYLE launched a furious attack on the referee.",
            "'Never a penalty,' Doyle fumed.",
        ]);
        assert_eq!(names(&idx), ["Kevin Doyle"]);
        // mentioned in the lede itself, where the outline links to
        assert_eq!(idx.in_paragraph(0, 0).len(), 1);
        // a label in capitals is no name
        let idx = index(&["BREAKING NEWS: the bridge is closed."]);
        assert!(idx.actors.is_empty(), "{:?}", names(&idx));
    }

    #[test]
    fn an_organisation_word_and_one_word_after_it_name_no_body() {
        let idx = index(&["The Bank Rate rose, as did Council Tax, and the Bank of Japan held."]);
        assert_eq!(names(&idx), ["Bank of Japan"]);
    }

    #[test]
    fn a_short_form_given_in_brackets_or_known_as_names_the_organisation_later() {
        let idx = index(&[
            "The Pacific Longshore Workers Union (PLWU) and the British Chambers of Industry \
             (BCI) met. Northgate Terminals, known as the NTL, stayed away.",
            "The PLWU has ruled out a deal. The BCI and the NTL said nothing. The XYZ did.",
        ]);
        assert_eq!(
            names(&idx),
            [
                "Pacific Longshore Workers Union",
                "British Chambers of Industry",
                "Northgate Terminals"
            ]
        );
        // each short form is a mention of its organisation later, not inside its brackets
        let named =
            |p: usize| -> Vec<u32> { idx.in_paragraph(0, p).iter().map(|m| m.actor.0).collect() };
        assert_eq!(named(0), [0, 1, 2]);
        assert_eq!(named(1), [0, 1, 2]);
    }

    #[test]
    fn an_institution_may_be_completed_by_a_state() {
        let idx = index(&["The Bank of Japan and the Heart Alliance of Australia disagreed."]);
        assert_eq!(
            names(&idx),
            ["Bank of Japan", "Heart Alliance of Australia"]
        );
    }

    #[test]
    fn a_first_name_that_is_a_state_opens_a_persons_name_with_evidence() {
        let idx = index(&["A tackle by Millbrook captain Jordan Amis ended it. Amis said sorry."]);
        assert_eq!(names(&idx), ["Jordan Amis"]);
        // without evidence, the state
        let idx = index(&["Fans from Jordan Amman travelled."]);
        assert_eq!(names(&idx), ["Jordan"]);
    }

    #[test]
    fn a_title_marks_a_person_and_is_not_part_of_the_name() {
        let idx = index(&["Foreign Minister Sergei Lavrov spoke. President Donald Trump left."]);
        assert_eq!(names(&idx), ["Sergei Lavrov", "Donald Trump"]);
        // a legislature's presiding officer, after the chamber's name
        let idx =
            index(&["Assembly Speaker Roger Lindahl objected. House Speaker Mike Johnson agreed."]);
        assert_eq!(names(&idx), ["Roger Lindahl", "Mike Johnson"]);
        assert!(idx.actors.iter().all(|a| a.kind == ActorKind::Person));
    }

    #[test]
    fn surnames_and_transliterations_join_the_full_name() {
        let idx = index(&[
            "Ukrainian President Volodymyr Zelensky met allies.",
            "Zelenskyy said no. Zelensky’s aides agreed.",
        ]);
        let zelensky: Vec<&Actor> = idx
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .collect();
        assert_eq!(zelensky.len(), 1);
        assert_eq!(zelensky[0].name, "Volodymyr Zelensky");
        assert!(zelensky[0].aliases.contains(&"Zelenskyy".to_string()));
    }

    #[test]
    fn capitals_and_seats_of_government_count_for_the_state() {
        let idx = index(&["The Kremlin refused, and Moscow repeated it. Russia agreed later."]);
        assert_eq!(names(&idx), ["Russia"]);
        assert_eq!(idx.actors[0].aliases, ["Kremlin", "Moscow"]);
    }

    #[test]
    fn an_adjective_demonym_is_not_a_mention_but_the_people_are() {
        let idx = index(&["Russian troops moved.", "The Russians would permit it."]);
        assert_eq!(idx.mentions[0][0].len(), 0);
        assert_eq!(idx.mentions[0][1].len(), 1);
    }

    #[test]
    fn a_country_adjective_and_a_state_noun_are_the_state() {
        let texts = [
            "The Danish government said it was deeply concerned.",
            "Russian authorities detained him, the Chinese Embassy said.",
            "The British Government Art Collection lent a painting. Danish pastries sold out.",
        ];
        let idx = index(&texts);
        assert_eq!(names(&idx), ["Denmark", "Russia", "China"]);
        let surfaces: Vec<&str> = idx.mentions[0]
            .iter()
            .zip(texts)
            .flat_map(|(mentions, text)| {
                mentions
                    .iter()
                    .map(move |m| &text[m.span.start..m.span.end])
            })
            .collect();
        assert_eq!(
            surfaces,
            [
                "Danish government",
                "Russian authorities",
                "Chinese Embassy"
            ]
        );
    }

    #[test]
    fn a_ministry_after_a_country_adjective_or_possessive_is_the_state() {
        let texts = [
            "The German defence ministry rejected the plan.",
            "Russia's foreign ministry said it would respond.",
            "China's Ministry of Commerce opened an inquiry. The French Ministry of Culture agreed.",
        ];
        let idx = index(&texts);
        let spans: Vec<(&str, &str)> = idx.mentions[0]
            .iter()
            .zip(texts)
            .flat_map(|(mentions, text)| {
                let idx = &idx;
                mentions.iter().map(move |m| {
                    let name = idx.actors[m.actor.0 as usize].name.as_str();
                    (name, &text[m.span.start..m.span.end])
                })
            })
            .collect();
        // an institution "of" something is its own
        assert_eq!(
            spans,
            [
                ("Germany", "German defence ministry"),
                ("Russia", "Russia's foreign ministry"),
                ("China", "China's"),
                ("Ministry of Commerce", "Ministry of Commerce"),
                ("French Ministry of Culture", "French Ministry of Culture"),
            ]
        );
        // the possessive names the state by its name
        let russia = idx.actors.iter().find(|a| a.name == "Russia").unwrap();
        assert!(russia.aliases.is_empty(), "{:?}", russia.aliases);
    }

    #[test]
    fn a_possessive_inside_an_organisations_name_is_kept() {
        let idx = index(&["The National Farmers' Union said no. The Women’s Institute agreed."]);
        assert_eq!(
            names(&idx),
            ["National Farmers' Union", "Women’s Institute"]
        );
        // no organisation word after the possessive: the name ends with it
        let idx = index(&["Farmers' leaders met. Mayor Sam Reed's aides said no."]);
        assert_eq!(names(&idx), ["Sam Reed"]);
    }

    #[test]
    fn a_name_after_a_kind_of_organisation_is_that_organisation() {
        let idx = index(&[
            "The trade body TechUK welcomed it. TechUK said so.",
            "Rival carmaker Renault opposed the levy. The housing charity Shelter agreed.",
        ]);
        assert_eq!(names(&idx), ["TechUK", "Renault", "Shelter"]);
        let kinds: Vec<ActorKind> = idx.actors.iter().map(|a| a.kind).collect();
        assert!(
            kinds.iter().all(|k| *k == ActorKind::Organization),
            "{kinds:?}"
        );
        // a possessive before the name, a day, or no article: not a description
        let idx = index(&[
            "The company's Ludgate Vale depot closed. The union Monday rejected it.",
            "A union Tom Hale joined said no.",
        ]);
        assert!(names(&idx).is_empty(), "{:?}", names(&idx));
    }

    #[test]
    fn a_surname_after_a_lower_case_arabic_article_is_a_name() {
        let idx = index(&[
            "Iraq's oil minister, Karim al-Dulaimi, said no.",
            "al-Dulaimi told reporters in Baghdad he was ready.",
        ]);
        let karim = idx
            .actors
            .iter()
            .find(|a| a.kind == ActorKind::Person)
            .expect("a person");
        assert_eq!(karim.name, "Karim al-Dulaimi");
        assert_eq!(karim.aliases, ["al-Dulaimi"]);
        // a lower-case word with a hyphen is not a name
        let idx = index(&["The all-party group met. An al-fresco lunch followed."]);
        assert!(idx.actors.iter().all(|a| a.kind != ActorKind::Person));
    }

    #[test]
    fn a_known_surname_ending_a_place_name_is_not_the_person() {
        let articles = [
            Article::from_texts(
                0,
                &["Margaret Ellis, 71, said she would stay. President Volodymyr Zelensky agreed."],
            ),
            Article::from_texts(
                1,
                &[
                    "In Port Ellis, shop owner Raj Patel said the water came in at two.",
                    "On Monday Ellis said it again, and Ukraine's Zelensky agreed.",
                ],
            ),
        ];
        let idx = ActorIndex::build(&articles);
        let named: Vec<Vec<&str>> = idx.mentions[1]
            .iter()
            .map(|ms| {
                ms.iter()
                    .map(|m| idx.actors[m.actor.0 as usize].name.as_str())
                    .collect()
            })
            .collect();
        assert_eq!(
            named,
            [
                vec!["Raj Patel"],
                vec!["Margaret Ellis", "Ukraine", "Volodymyr Zelensky"]
            ]
        );
    }

    #[test]
    fn sir_and_a_first_name_find_the_known_person() {
        let idx = index(&[
            "Prime Minister Keir Starmer spoke.",
            "Sir Keir and others agreed.",
        ]);
        assert_eq!(idx.mentions[0][1][0].actor, idx.mentions[0][0][0].actor);
    }

    #[test]
    fn capitalised_phrases_without_evidence_are_not_people() {
        let idx = index(&["The Black Sea Fleet sailed past Eastern Europe."]);
        assert!(
            idx.actors.iter().all(|a| a.kind != ActorKind::Person),
            "{:?}",
            names(&idx)
        );
    }

    #[test]
    fn institutions_are_organisations_by_rule() {
        let idx =
            index(&["She is a fellow at the Lowy Institute and the Center for Naval Analyses."]);
        assert_eq!(names(&idx), ["Lowy Institute", "Center for Naval Analyses"]);
    }

    #[test]
    fn a_capitalised_name_with_a_company_word_is_an_organisation() {
        let idx = index(&["Northgate Terminals rejected the offer from Harwood Sports Group."]);
        assert_eq!(names(&idx), ["Northgate Terminals", "Harwood Sports Group"]);
        let kinds: Vec<ActorKind> = idx.actors.iter().map(|a| a.kind).collect();
        assert!(
            kinds.iter().all(|k| *k == ActorKind::Organization),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_name_ending_in_united_is_a_club_and_papers_are_organisations() {
        let idx = index(&[
            "Marbury United are prepared to break their transfer record, the Northern Chronicle \
             reported. The United Kingdom and the United States agreed.",
        ]);
        assert_eq!(
            kinds(&idx),
            [
                "Marbury United (Organization)",
                "Northern Chronicle (Organization)",
                "United Kingdom (Country)",
                "United States (Country)"
            ]
        );
    }

    #[test]
    fn a_name_which_describes_is_an_organisation_and_a_role_after_a_name_a_person() {
        let idx = index(&[
            "Wessex Downs Water, which supplies two million customers, will ban hosepipes. \
             A spokesperson for Wessex Downs Water said leakage had fallen. The Affordability \
             Act, which passed in May, caps rents. Carol Whitby, headteacher of the school, \
             which is the closest to the site, warned that it was full.",
        ]);
        assert_eq!(
            kinds(&idx),
            ["Wessex Downs Water (Organization)", "Carol Whitby (Person)"]
        );
        // the spokesperson speaks: the name after "for" is not shown to be a person's
        let idx = index(&["A spokesperson for Wessex Downs Water said leakage had fallen."]);
        assert!(
            !kinds(&idx).contains(&"Wessex Downs Water (Person)".to_string()),
            "{:?}",
            kinds(&idx)
        );
    }

    #[test]
    fn a_demonym_may_open_a_complement_and_a_document_is_no_organisation() {
        let idx =
            index(&["The Association of British Insurers welcomed the Water Resources Outlook."]);
        assert_eq!(names(&idx), ["Association of British Insurers"]);
    }

    #[test]
    fn a_states_ministry_named_by_its_adjective_or_its_side_is_the_state() {
        let idx = index(&[
            "The Tajik Foreign Ministry said talks would go on. The Kyrgyz side has ruled out \
             any change, and the U.S. Air Force was not involved.",
        ]);
        assert_eq!(
            kinds(&idx),
            [
                "Tajikistan (Country)",
                "Kyrgyzstan (Country)",
                "U.S. Air Force (Organization)"
            ]
        );
    }

    #[test]
    fn an_organisations_initials_stand_for_it_without_brackets() {
        let idx = index(&[
            "The Financial Markets Supervisory Authority has fined Carrow Bank. The FMSA said \
             the failings were serious.",
        ]);
        let fmsa = idx
            .actors
            .iter()
            .find(|a| a.name == "Financial Markets Supervisory Authority")
            .map(|a| a.aliases.clone());
        assert_eq!(fmsa, Some(vec!["FMSA".to_string()]));
        assert_eq!(initials_of("Bank of England"), None);
        assert_eq!(
            initials_of("Competition and Markets Authority").as_deref(),
            Some("CMA")
        );
    }

    #[test]
    fn a_person_whose_surname_is_an_organisation_word_is_a_person_when_titled_or_given_a_role() {
        let idx = index(&[
            "Health Secretary Wes Power ruled out further talks. Dr Anna Court opposed the plan. \
             Lender Nordwall Bank opposed the levy. \
             Rachel Power, chief executive of the Patients Association, warned of delays. \
             Later Rachel Power said the delays had eased.",
        ]);
        let kind = |name: &str| {
            idx.actors
                .iter()
                .find(|a| a.name == name)
                .map(|a| a.kind)
                .unwrap_or_else(|| panic!("{name} not found in {:?}", names(&idx)))
        };
        for person in ["Wes Power", "Anna Court", "Rachel Power"] {
            assert_eq!(kind(person), ActorKind::Person, "{person}");
        }
        for organization in ["Patients Association", "Nordwall Bank"] {
            assert_eq!(
                kind(organization),
                ActorKind::Organization,
                "{organization}"
            );
        }
        // an organisation given a role of its own, or a description, stays one
        let idx = index(&[
            "Scottish Power, the energy supplier, opposed the cap. Lloyds Bank, the lender, \
             opposed the levy. Harwood Group, chief sponsor of the race, backed it.",
        ]);
        assert!(
            idx.actors.iter().all(|a| a.kind == ActorKind::Organization),
            "{:?}",
            idx.actors
        );
    }

    #[test]
    fn a_state_s_name_before_a_geographic_feature_names_a_place() {
        let idx = index(&[
            "Militants in the Niger Delta attacked a pipeline. The Jordan Valley flooded. \
             Niger's government rejected the plan.",
        ]);
        assert_eq!(names(&idx), ["Niger"]);
        let mentions: usize = idx.mentions.iter().flatten().map(Vec::len).sum();
        assert_eq!(mentions, 1, "only the state itself is mentioned");
    }

    #[test]
    fn a_consortium_is_an_organisation() {
        let idx = index(&["The British Retail Consortium urged both sides to return to talks."]);
        assert_eq!(names(&idx), ["British Retail Consortium"]);
        assert_eq!(idx.actors[0].kind, ActorKind::Organization);
    }

    #[test]
    fn a_lone_company_word_is_not_an_organisation() {
        let idx = index(&["Group leaders met. Power was restored."]);
        assert!(idx.actors.is_empty(), "{:?}", names(&idx));
    }

    #[test]
    fn an_institution_may_open_with_a_nationality_or_join_words_with_and() {
        let idx = index(&[
            "The British Medical Association and the Competition and Markets Authority agreed.",
        ]);
        assert_eq!(
            names(&idx),
            [
                "British Medical Association",
                "Competition and Markets Authority"
            ]
        );
    }

    #[test]
    fn an_institution_s_complement_may_list_its_fields() {
        let idx = index(&[
            "The Society of Motor Manufacturers and Traders said output fell.",
            "The Department for Environment, Food and Rural Affairs rejected calls for a subsidy.",
            "The Royal Society for the Protection of Birds opposed the road.",
            "Procter & Gamble welcomed the plan.",
        ]);
        assert_eq!(
            names(&idx),
            [
                "Society of Motor Manufacturers and Traders",
                "Department for Environment, Food and Rural Affairs",
                "Royal Society for the Protection of Birds",
                "Procter & Gamble"
            ]
        );
    }

    #[test]
    fn a_hyphenated_adjective_opens_no_name_and_a_club_is_an_organisation() {
        let idx = index(&[
            "The mine is owned by the Toronto-listed Andesite Copper Corporation.",
            "Kingsmead Rovers rejected the bid.",
        ]);
        assert_eq!(
            names(&idx),
            ["Andesite Copper Corporation", "Kingsmead Rovers"]
        );
        assert_eq!(idx.actors[1].kind, ActorKind::Organization);
    }

    #[test]
    fn a_second_body_after_and_is_not_a_field_of_the_first() {
        let idx = index(&[
            "The Bank of Wessex and HSBC agreed.",
            "A deal between the Institute of Directors and Barclays was signed.",
            "The Institute of Directors and Maria Lopez, a banker, agreed.",
            "The Institute of Directors, Barclays and Lloyds agreed.",
        ]);
        assert_eq!(
            names(&idx),
            ["Bank of Wessex", "Institute of Directors", "Maria Lopez"]
        );
    }

    #[test]
    fn a_known_given_name_stands_for_the_one_person_it_opens() {
        let paragraphs = [
            "Gwen Ashworth, a farmer, said it was hard.",
            "Gwen, 58, farms 900 acres.",
            "Tom Hale, a farmer, and Tom Price, a vet, said so.",
            "Tom, 40, farms here.",
            "Anna Lindqvist, a teacher, said so.",
            "Ana, 71, spoke too.",
        ];
        let idx = index(&paragraphs);
        let named = |p: usize| -> Vec<String> {
            idx.in_paragraph(0, p)
                .iter()
                .map(|m| idx.actors[m.actor.0 as usize].name.clone())
                .collect()
        };
        assert_eq!(named(1), ["Gwen Ashworth"]);
        assert!(named(3).is_empty(), "two people open with Tom");
        assert!(named(5).is_empty(), "Ana is not Anna");
    }

    #[test]
    fn a_first_name_with_an_age_promotes_the_full_name_it_opens() {
        let idx = index(&[
            "Gwen Ashworth is already on the quad bike.",
            "Gwen, 58, farms 900 acres with her husband.",
        ]);
        assert_eq!(names(&idx), ["Gwen Ashworth"]);
        assert_eq!(idx.in_paragraph(0, 1).len(), 1);
    }

    #[test]
    fn a_name_that_takes_a_stance_is_an_actor() {
        let idx = index(&["Luis Ferreira opposed the closure."]);
        assert_eq!(names(&idx), ["Luis Ferreira"]);
        assert_eq!(idx.actors[0].kind, ActorKind::Person);
    }

    #[test]
    fn an_appositive_naming_a_body_makes_the_actor_an_organisation() {
        let idx = index(&["Healthwatch Leeds, the local patient watchdog, is sceptical."]);
        assert_eq!(names(&idx), ["Healthwatch Leeds"]);
        assert_eq!(idx.actors[0].kind, ActorKind::Organization);
    }

    #[test]
    fn a_name_after_a_preposition_takes_no_stance_evidence() {
        let idx = index(&["Minister for Culture Ayo Adebayo welcomed the decision."]);
        assert!(!names(&idx).contains(&"Culture Ayo Adebayo".to_string()));
    }

    #[test]
    fn a_family_name_written_first_is_the_full_name_later() {
        let idx = index(&[
            "China's vice foreign minister, Liang Weiming, said the proposal was unbalanced.",
            "Beijing is ready to negotiate, Liang said.",
            "Mr. Liang left for Beijing on Friday.",
        ]);
        let people: Vec<&Actor> = idx
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .collect();
        assert_eq!(people.len(), 1, "{:?}", names(&idx));
        assert_eq!(people[0].name, "Liang Weiming");
    }

    #[test]
    fn a_titled_surname_promotes_the_full_name_given_without_evidence() {
        let idx = index(&[
            "The barrister, Marcus Trelawney KC, addressed the jury.",
            "Mr. Trelawney said the case was weak.",
        ]);
        assert!(
            names(&idx).contains(&"Marcus Trelawney".to_string()),
            "{:?}",
            names(&idx)
        );
        assert!(!names(&idx).contains(&"Trelawney".to_string()));
    }

    #[test]
    fn an_abbreviated_councillor_and_a_sentence_word_are_not_names() {
        let idx = index(&[
            "Council leader Cllr. Margaret Ebbs defended the decision.",
            "Manager Steve Hallam was calm. Whatever Hallam said at half-time worked.",
        ]);
        let found = names(&idx);
        assert!(found.contains(&"Margaret Ebbs".to_string()), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|n| n == "Cllr" || n.starts_with("Whatever")),
            "{found:?}"
        );
    }
}
