//! Features of one input line (block) that tell body text from page furniture, in the spirit of
//! jusText: length, terminal punctuation, stop-word density, capitalisation, and a few shapes
//! (bullet, breadcrumb, label list, date, byline, caption, shouting headline).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::extract::lexicon::Lexicon;
pub use crate::text::clean::date::{find_date, parse_date_line, parse_iso};

static SECTION_LABELS: LazyLock<HashSet<&'static str, Fnv>> =
    LazyLock::new(|| word_set(include_str!("../../../assets/lexicons/section_labels.txt")));
static FURNITURE_LINES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../assets/lexicons/furniture_lines.txt")));
static END_MARKERS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../assets/lexicons/end_markers.txt")));

/// Stop words as a hash set borrowing the embedded lexicon text.
static STOP_SET: LazyLock<HashSet<&'static str, Fnv>> =
    LazyLock::new(|| word_set(include_str!("../../../assets/lexicons/stopwords.txt")));

/// A one-word-per-line lexicon (lower case, `#` comments) as a set borrowing the embedded text.
fn word_set(text: &'static str) -> HashSet<&'static str, Fnv> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

/// FNV-1a: word sets are probed once per word of every line, and SipHash (the default, built to
/// resist hash flooding by untrusted keys) costs more than the lookup; the keys here are our own.
#[derive(Clone, Copy, Default)]
pub struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

/// The FNV-1a hasher state.
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Whether `word`, stripped of punctuation and ASCII-lower-cased into `buf`, is in `set`.
fn in_set(set: &HashSet<&'static str, Fnv>, word: &str, buf: &mut String) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    buf.clear();
    buf.extend(core.chars().map(|c| c.to_ascii_lowercase()));
    set.contains(buf.as_str())
}

/// Measured features of a line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Number of words.
    pub words: usize,
    /// Share of words that are stop words (0–1).
    pub stop_density: f32,
    /// Share of words that start with a capital letter (0–1).
    pub capitalised: f32,
    /// Ends with `.`, `?`, `!`, `:` or `…` (closing quotes and brackets skipped).
    pub terminal: bool,
    /// Ends a sentence: `.`, `?` or `!`, not an ellipsis (closing quotes and brackets skipped).
    pub sentence_end: bool,
    /// Starts with a bullet glyph.
    pub bullet: bool,
    /// Contains a boilerplate prompt phrase from the lexicon.
    pub prompt: bool,
    /// Letters are (almost) all upper case, in three or more words.
    pub shouting: bool,
    /// A breadcrumb trail: `Home / Section / Title`, `A > B > C`.
    pub breadcrumb: bool,
    /// A comma-separated list of capitalised labels (categories, tags).
    pub label_list: bool,
    /// The line is only a date ("August 19, 2025", "2025-08-19").
    pub date_only: bool,
    /// A byline: "By Jane Doe", "Featuring Jane Doe".
    pub byline: bool,
    /// A copyright line.
    pub copyright: bool,
    /// A short widget title or navigation label ("Eurasia Center events").
    pub section_label: bool,
    /// A whole line of furniture ("Advertisement"), an e-mail address, a URL or a phone number.
    pub furniture_line: bool,
    /// A short line that starts what follows an article ("Comments", "About Acme", "Reporting by").
    pub end_marker: bool,
    /// Shaped like a headline: three to twenty words, a capital first, no closing punctuation
    /// ("Police hunt man who stole 40 garden gnomes").
    pub headline_like: bool,
}

impl Line {
    /// Measures `text` (one trimmed line).
    pub fn measure(text: &str) -> Line {
        // one pass over the words for the counts; sanitized text has no white space but
        // ASCII (Unicode spaces became plain ones), so the ASCII split sees the same words
        let mut words: Vec<&str> = Vec::with_capacity(text.len() / 5 + 1);
        let (mut stop, mut caps) = (0usize, 0usize);
        for word in text.split_ascii_whitespace() {
            words.push(word);
            stop += usize::from(is_stop_word(word));
            caps += usize::from(starts_capitalised(word));
        }
        let n = words.len().max(1) as f32;
        let stop = stop as f32;
        Line {
            words: words.len(),
            stop_density: stop / n,
            capitalised: caps as f32 / n,
            terminal: ends_terminal(text),
            sentence_end: ends_sentence(text),
            bullet: text.starts_with(['•', '·', '▪', '►', '*', '-', '–', '|', '»'])
                && words.len() < 12,
            prompt: super::prompt::has_prompt(text, words.len()),
            shouting: is_shouting(text, words.len()),
            breadcrumb: is_breadcrumb(text),
            label_list: is_label_list(text, &words),
            date_only: words.len() <= 5 && parse_date_line(text).is_some(),
            byline: is_byline(&words),
            copyright: text.contains('©')
                || starts_with_ignoring_case(text, "copyright")
                || text.starts_with("(c) "),
            section_label: words.len() <= 5
                && !ends_terminal(text)
                && words
                    .last()
                    .is_some_and(|w| in_set(&SECTION_LABELS, w, &mut String::new())),
            furniture_line: words.len() <= 6 && is_furniture_line(text, &words),
            headline_like: is_headline_like(text, words.len()),
            end_marker: (words.len() <= 6 || (words.len() <= 12 && !ends_terminal(text)))
                && is_end_marker(text, &words),
        }
    }

    /// Looks like running prose: long enough, with function words, ending a sentence.
    pub fn is_prose(&self) -> bool {
        (self.words >= 10 && self.stop_density >= 0.2 && self.terminal)
            || (self.words >= 25 && self.stop_density >= 0.25)
    }

    /// Unmistakable furniture, whatever surrounds it.
    pub fn is_furniture(&self) -> bool {
        self.prompt
            || self.breadcrumb
            || self.label_list
            || self.copyright
            || self.shouting
            || self.section_label
            || self.furniture_line
            || self.end_marker
            || (self.bullet && !(self.terminal && self.words >= 6))
    }
}

fn is_headline_like(text: &str, words: usize) -> bool {
    (3..=20).contains(&words)
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '"' | '”'))
        && !ends_terminal(text)
}

fn is_furniture_line(text: &str, words: &[&str]) -> bool {
    let bare = text.trim_end_matches(['.', ':', '!', '›', '»', '>']).trim();
    let contact = words.len() == 1
        && (bare.contains('@') || bare.starts_with("http") || bare.starts_with("www."));
    let phone = bare.chars().filter(char::is_ascii_digit).count() >= 7
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    contact || phone || FURNITURE_LINES.contains(bare)
}

/// "Comments", "12 Comments", "About Acme Robotics", "Reporting by …", "Further reading".
fn is_end_marker(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    let without_count = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let about_box = words.first() == Some(&"About")
        && words.len() <= 5
        && !ends_terminal(text)
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || *w == "the");
    about_box
        || END_MARKERS.iter().any(|m| {
            without_count.starts_with(m)
                && without_count[m.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The longest stop word, in bytes: a longer word is not looked up.
static STOP_MAX: LazyLock<usize> =
    LazyLock::new(|| STOP_SET.iter().map(|w| w.len()).max().unwrap_or(0));

/// Stop words of up to 16 bytes packed into integers ([`pack`]): a lookup is one multiply and a
/// probe, no string hashing or comparison. Longer stop words stay in [`STOP_SET`].
static STOP_KEYS: LazyLock<HashSet<u128, PackedHash>> =
    LazyLock::new(|| STOP_SET.iter().filter_map(|w| pack(w.as_bytes())).collect());

/// `bytes` (1 to 16, ASCII lower case) as one integer, little-endian.
fn pack(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(key))
}

/// Hashes a packed key with one multiply of its folded halves (the keys are our own words).
#[derive(Clone, Copy, Default)]
struct PackedHash;

impl std::hash::BuildHasher for PackedHash {
    type Hasher = PackedHasher;
    fn build_hasher(&self) -> PackedHasher {
        PackedHasher(0)
    }
}

/// The state of [`PackedHash`].
struct PackedHasher(u64);

impl std::hash::Hasher for PackedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // only u128 keys are hashed here; anything else falls back to FNV-1a
        let mut fnv = FnvHasher(self.0 ^ 0xcbf2_9ce4_8422_2325);
        std::hash::Hasher::write(&mut fnv, bytes);
        self.0 = fnv.0;
    }
    fn write_u128(&mut self, key: u128) {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Whether `word`, stripped of punctuation and lower-cased, is a stop word. ASCII edges are
/// trimmed and ASCII words lower-cased byte by byte, so no word allocates or decodes.
fn is_stop_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let (mut start, mut end) = (0, bytes.len());
    while start < end && bytes[start].is_ascii() && !bytes[start].is_ascii_alphanumeric() {
        start += 1;
    }
    while end > start && bytes[end - 1].is_ascii() && !bytes[end - 1].is_ascii_alphanumeric() {
        end -= 1;
    }
    let mut core = &word[start..end];
    if core.bytes().next().is_some_and(|b| !b.is_ascii())
        || core.bytes().next_back().is_some_and(|b| !b.is_ascii())
    {
        // a curly quote or a dash at an edge: trim it the slow way
        core = core.trim_matches(|c: char| !c.is_alphanumeric());
    }
    if core.is_empty() || core.len() > *STOP_MAX {
        return false;
    }
    // ASCII letters lower-cased byte by byte (other bytes kept, so UTF-8 stays valid), as
    // the lexicon is matched
    let mut lower = [0u8; 16];
    let Some(head) = lower.get_mut(..core.len()) else {
        return in_set(&STOP_SET, core, &mut String::new());
    };
    for (to, from) in head.iter_mut().zip(core.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    pack(head).is_some_and(|key| STOP_KEYS.contains(&key))
}

/// Whether the first letter of `word` is a capital ("“Europe", "(Berlin", "Élysée").
fn starts_capitalised(word: &str) -> bool {
    match word
        .bytes()
        .find(|b| !b.is_ascii_punctuation() && !b.is_ascii_digit())
    {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase),
        None => false,
    }
}

fn ends_terminal(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '?', '!', ':', '…', ';'])
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '?', '!']) && !t.ends_with("..")
}

fn is_shouting(text: &str, words: usize) -> bool {
    if words < 3 {
        return false;
    }
    let (mut letters, mut lower) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_lowercase() {
            lower += 1;
            if lower > 3 && lower * 10 > letters {
                return false; // plainly not shouting: stop early on long lines
            }
        }
    }
    letters >= 12 && lower * 10 <= letters
}

fn is_breadcrumb(text: &str) -> bool {
    if !text.contains(['/', '>', '»', '›']) {
        return false;
    }
    let slashes = text.matches(" / ").count();
    let arrows =
        text.matches(" > ").count() + text.matches(" » ").count() + text.matches(" › ").count();
    (slashes >= 2 || arrows >= 2) || (slashes >= 1 && text.to_lowercase().starts_with("home"))
}

/// "Ukraine‑Russia, Europe and Eurasia, Russia, Ukraine": items separated by commas, each short
/// and capitalised, no sentence punctuation.
fn is_label_list(text: &str, words: &[&str]) -> bool {
    if text.bytes().filter(|&b| b == b',').count() < 2 {
        return false;
    }
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    if items.len() < 3 || ends_terminal(text) || words.len() > 30 {
        return false;
    }
    items.iter().all(|item| {
        let n = item.split_whitespace().count();
        (1..=4).contains(&n)
            && item
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
            || item
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "and" || w == "&")
    })
}

fn is_byline(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let lead = first.to_lowercase();
    (lead == "by" || lead == "featuring" || lead == "written")
        && (2..=9).contains(&words.len())
        && words[1..]
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            >= 1
        && !ends_terminal(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_long_has_function_words_and_ends_a_sentence() {
        assert!(Line::measure(
            "The talks are aimed at shaping a framework that could reassure the country."
        )
        .is_prose());
        assert!(!Line::measure("Grand Strategy Program").is_prose());
    }

    #[test]
    fn furniture_shapes_are_recognised() {
        assert!(Line::measure("Home / World / Europe").breadcrumb);
        assert!(Line::measure("Politics, Europe and Eurasia, Trade, Energy").label_list);
        assert!(Line::measure("• Contact").is_furniture());
        assert!(Line::measure("BREAKING: MARKETS TUMBLE AS RATES RISE").shouting);
        assert!(Line::measure("© 2024 The Daily Planet. All rights reserved.").copyright);
        assert!(Line::measure("Share this article on Facebook").prompt);
        assert!(Line::measure("By Jane Doe and John Roe").byline);
        assert!(Line::measure("Upcoming Science Hub events").is_furniture());
        assert!(Line::measure("Advertisement").furniture_line);
        assert!(Line::measure("press@example.org").furniture_line);
        assert!(Line::measure("+1 617 555 0100").furniture_line);
        assert!(Line::measure("12 Comments").end_marker);
        assert!(Line::measure("About Acme Robotics").end_marker);
        assert!(Line::measure("Reporting by Ann Lee; Editing by Bo Ng").end_marker);
        assert!(!Line::measure("About 40 people came.").end_marker);
        assert!(!Line::measure("Commentators disagreed.").end_marker);
        assert!(!Line::measure("The events of last week.").is_furniture());
        assert!(!Line::measure("By the end of the week, prices had fallen.").byline);
    }

    #[test]
    fn the_fast_stop_word_test_agrees_with_the_lexicon_lookup() {
        let words = [
            "the",
            "The",
            "THE,",
            "“the",
            "(and)",
            "of…",
            "’s",
            "don’t",
            "Don't",
            "minister",
            "Kyiv’s",
            "“",
            "—",
            "",
            "a",
            "A.",
            "themselves",
            "Themselves.",
            "naïve",
            "über",
            "12",
            "it’s”",
            "\"which",
            "whichever",
            "x".repeat(40).as_str(),
        ]
        .map(str::to_string);
        for word in &words {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            let slow = !core.is_empty() && in_set(&STOP_SET, core, &mut String::new());
            assert_eq!(is_stop_word(word), slow, "{word:?}");
        }
        assert!(is_stop_word("“The"));
    }

    #[test]
    fn a_sentence_with_commas_is_not_a_label_list() {
        assert!(
            !Line::measure("Poland, Italy, Spain, and the Czech Republic have rejected the idea.")
                .label_list
        );
    }
}
