//! Whom "she" and "he" may stand for. When several people were named before a pronoun, the one
//! it refers to must not be someone whose first name is usually the other sex's
//! (`assets/lexicons/given_names.toml`): "Tom Hale … “We are not there yet,” she said" is not
//! Tom Hale's. A name the lexicon does not list, or lists for both, fits either pronoun.

use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::extract::actor::person::fold_name;

/// The sex a pronoun or a first name points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "she", "her"; a woman's name.
    Female,
    /// "he", "his"; a man's name.
    Male,
}

#[derive(Deserialize)]
struct Names {
    female: Vec<String>,
    male: Vec<String>,
}

/// Folded first name → the sex it usually names (a folded form shared by both is left out).
static GIVEN: LazyLock<FxHashMap<String, Gender>> = LazyLock::new(|| {
    let names: Names = toml::from_str(include_str!("../../assets/lexicons/given_names.toml"))
        .expect("given_names.toml parses");
    let mut given = FxHashMap::default();
    let mut shared = Vec::new();
    for (list, gender) in [(names.female, Gender::Female), (names.male, Gender::Male)] {
        for name in list {
            let key = fold_name(&name).to_string();
            if given
                .insert(key.clone(), gender)
                .is_some_and(|g| g != gender)
            {
                shared.push(key);
            }
        }
    }
    for key in shared {
        given.remove(&key);
    }
    given
});

/// The sex a third-person pronoun (a token key) refers to, if it is one.
pub fn of_pronoun(key: &str) -> Option<Gender> {
    match key {
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        _ => None,
    }
}

/// The sex an honorific before a name gives ("Mr", "Madame", "Señora"), if it gives one.
pub fn of_title(key: &str) -> Option<Gender> {
    match key.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "madame" | "mme" | "dame" | "lady" | "baroness" | "señora"
        | "senora" | "frau" => Some(Gender::Female),
        "mr" | "sir" | "lord" | "monsieur" | "señor" | "senor" | "herr" => Some(Gender::Male),
        _ => None,
    }
}

/// The sex honorifics gave people ("Madame Kébé", "Mr Moukala"), by article and folded
/// surname (two articles may name two people of one surname, "Mr Patel" and "Mrs Patel"); a
/// surname an article gives both is left out. Asked with the first-name lexicon: a name it does
/// not know may still be known by its title.
#[derive(Debug, Clone, Default)]
pub struct Titled(FxHashMap<(u32, CompactString), Gender>);

impl Titled {
    /// From (article index, folded surname, sex), in any order.
    pub fn new(found: impl IntoIterator<Item = (u32, CompactString, Gender)>) -> Titled {
        let mut known: FxHashMap<(u32, CompactString), Option<Gender>> = FxHashMap::default();
        for (article, surname, gender) in found {
            known
                .entry((article, surname))
                .and_modify(|g| {
                    if *g != Some(gender) {
                        *g = None;
                    }
                })
                .or_insert(Some(gender));
        }
        Titled(
            known
                .into_iter()
                .filter_map(|(k, g)| Some((k, g?)))
                .collect(),
        )
    }

    /// Whether a pronoun of `pronoun`'s sex in article `article` may refer to the person called
    /// `name`: by the first name when the lexicon knows it, else not when a title in that
    /// article gave the surname the other sex. A first name wins over a title: "Mrs Colclough"
    /// and her husband "Peter Colclough" share a surname, not a sex.
    pub fn fits(&self, article: u32, pronoun: Option<Gender>, name: &str) -> bool {
        if of_name(name).is_some() {
            return fits(pronoun, name);
        }
        let titled = name
            .split_whitespace()
            .next_back()
            .and_then(|surname| self.0.get(&(article, fold_name(surname))));
        match (pronoun, titled) {
            (Some(p), Some(t)) => p == *t,
            _ => true,
        }
    }
}

/// The sex a person's name points to by its first word, if the lexicon knows that word.
pub fn of_name(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?;
    GIVEN.get(fold_name(first).as_str()).copied()
}

/// Whether a pronoun of `pronoun`'s sex may refer to the person called `name`.
pub fn fits(pronoun: Option<Gender>, name: &str) -> bool {
    match (pronoun, of_name(name)) {
        (Some(p), Some(n)) => p == n,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_counts_in_its_own_article_only() {
        let titled = Titled::new([
            (0, fold_name("Patel"), Gender::Female),
            (1, fold_name("Patel"), Gender::Male),
            (2, fold_name("Ng"), Gender::Male),
            (2, fold_name("Ng"), Gender::Female),
        ]);
        assert!(!titled.fits(0, Some(Gender::Male), "Lio Patel"));
        assert!(titled.fits(1, Some(Gender::Male), "Lio Patel"));
        assert!(titled.fits(3, Some(Gender::Female), "Lio Patel"));
        // a surname an article titles both ways says nothing
        assert!(titled.fits(2, Some(Gender::Female), "Lio Ng"));
        assert!(titled.fits(2, Some(Gender::Male), "Lio Ng"));
        assert!(titled.fits(0, None, "Lio Patel"));
        // a first name the lexicon knows wins: a husband shares his wife's surname, not her sex
        assert!(titled.fits(0, Some(Gender::Male), "Peter Patel"));
        assert!(!titled.fits(0, Some(Gender::Female), "Peter Patel"));
    }

    #[test]
    fn a_listed_first_name_fits_only_its_pronoun() {
        assert!(fits(of_pronoun("she"), "Ann Price"));
        assert!(!fits(of_pronoun("she"), "Tom Hale"));
        assert!(!fits(of_pronoun("he"), "Ingrid Halvorsen"));
        assert!(fits(of_pronoun("he"), "Graham Ellery"));
        // spelling variants fold together: "Anna", "Ana"
        assert_eq!(of_name("Anna Ruiz"), Some(Gender::Female));
        assert_eq!(of_name("Ana"), Some(Gender::Female));
    }

    #[test]
    fn an_unlisted_or_shared_name_fits_either() {
        for name in [
            "Alex Moreno",
            "Sam Reed",
            "Jordan Amis",
            "Okonkwo",
            "Kim Lee",
        ] {
            assert!(fits(of_pronoun("she"), name), "{name}");
            assert!(fits(of_pronoun("he"), name), "{name}");
        }
        // no pronoun, no constraint
        assert!(fits(of_pronoun("they"), "Tom Hale"));
    }
}
