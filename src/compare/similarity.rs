//! Lexical similarity of sentences: TF-IDF vectors over content words (stop words dropped,
//! lower-cased, a crude plural/possessive fold), compared by cosine. No model, deterministic.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::lexicon::Lexicon;

static STOPWORDS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicons/stopwords.txt")));

/// The content words of `text`: lower-cased alphanumeric tokens that are not stop words, with a
/// trailing possessive or plural `s` folded away ("Ukraine’s" → "ukraine", "troops" → "troop").
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(|w| fold_word(&w))
        .collect()
}

fn fold_word(word: &str) -> String {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_string(),
        _ => w.to_string(),
    }
}

/// A sparse TF-IDF vector, normalised to unit length: (term id, weight) sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vector(Vec<(u32, f32)>);

impl Vector {
    /// Cosine similarity with `other` (both are unit vectors, so this is their dot product).
    pub fn cosine(&self, other: &Vector) -> f32 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.0.len() && j < other.0.len() {
            let (a, b) = (self.0[i], other.0[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a.1 * b.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }
    /// Whether the vector has no terms.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// TF-IDF over a fixed collection of texts (document frequency counted per text).
#[derive(Debug, Clone, Default)]
pub struct Tfidf {
    ids: FxHashMap<String, u32>,
    df: Vec<u32>,
    texts: u32,
}

impl Tfidf {
    /// Learns vocabulary and document frequencies from `texts`.
    pub fn fit<'a>(texts: impl IntoIterator<Item = &'a str>) -> Tfidf {
        let words: Vec<Vec<String>> = texts.into_iter().map(content_words).collect();
        Tfidf::fit_words(&words)
    }

    /// Learns vocabulary and document frequencies from texts already split by
    /// [`content_words`].
    pub fn fit_words(texts: &[Vec<String>]) -> Tfidf {
        let mut model = Tfidf::default();
        for words in texts {
            model.texts += 1;
            let mut seen: Vec<u32> = words.iter().map(|w| model.id(w)).collect();
            seen.sort_unstable();
            seen.dedup();
            for id in seen {
                model.df[id as usize] += 1;
            }
        }
        model
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.df.push(0);
        id
    }

    /// The unit TF-IDF vector of `text` (words unseen while fitting are ignored).
    pub fn vector(&self, text: &str) -> Vector {
        self.vector_of_words(&content_words(text))
    }

    /// The unit TF-IDF vector of a text split by [`content_words`].
    pub fn vector_of_words(&self, words: &[String]) -> Vector {
        let mut counts: Vec<(u32, f32)> = Vec::new();
        for word in words {
            if let Some(&id) = self.ids.get(word) {
                counts.push((id, 1.0));
            }
        }
        counts.sort_unstable_by_key(|c| c.0);
        counts.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
        let n = self.texts.max(1) as f32;
        for (id, tf) in &mut counts {
            let df = self.df[*id as usize].max(1) as f32;
            *tf *= (1.0 + n / df).ln();
        }
        let norm = counts.iter().map(|c| c.1 * c.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            counts.iter_mut().for_each(|c| c.1 /= norm);
        }
        Vector(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_stop_words_and_fold_plurals_and_possessives() {
        assert_eq!(
            content_words("The troops of Ukraine’s army"),
            ["troop", "ukraine", "army"]
        );
    }

    #[test]
    fn identical_sentences_have_cosine_one_and_disjoint_ones_zero() {
        let texts = [
            "Troops will deploy to the border.",
            "Markets rallied on Friday.",
        ];
        let model = Tfidf::fit(texts);
        let (a, b) = (model.vector(texts[0]), model.vector(texts[1]));
        assert!((a.cosine(&a) - 1.0).abs() < 1e-5);
        assert_eq!(a.cosine(&b), 0.0);
    }

    #[test]
    fn sharing_rare_words_scores_higher_than_sharing_common_ones() {
        let texts = [
            "Germany remains cautious about troops.",
            "Germany is sceptical about troops.",
            "Italy is cautious about troops.",
            "Spain sends troops.",
        ];
        let model = Tfidf::fit(texts);
        let v: Vec<Vector> = texts.iter().map(|t| model.vector(t)).collect();
        assert!(
            v[0].cosine(&v[1]) > v[3].cosine(&v[1]),
            "sharing 'germany' beats sharing only 'troops'"
        );
    }
}
