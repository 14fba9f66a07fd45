//! Open questions: sentences that ask (a `?`, also inside a quotation) or state an unknown
//! ("remain unclear", "no consensus", "a big question mark remains over", "there's a lot we
//! don't know", "as yet undefined"), cue phrases from `assets/lexicons/question_cues.txt`.

use std::sync::LazyLock;

use crate::briefing::{Article, Loc};
use crate::extract::lexicon::Lexicon;
use crate::extract::topic::topic_of;
use crate::extract::Question;
use crate::text::phrases::PhraseSet;

static CUES: LazyLock<PhraseSet> = LazyLock::new(|| {
    let lexicon = Lexicon::parse(include_str!("../../assets/lexicons/question_cues.txt"));
    let cues: Vec<String> = lexicon
        .iter()
        .flat_map(|c| [c.to_string(), c.replace('\'', "’")])
        .collect();
    PhraseSet::new(cues)
});

/// Whether `sentence` raises an open question or states an unknown.
pub fn is_open_question(sentence: &str) -> bool {
    asks(sentence)
        || opens_with_whether(sentence)
        || CUES.any(sentence, |_, start, end| {
            is_whole_words(sentence, start, end)
        })
}

/// A question mark ending the sentence or a quotation inside it.
fn asks(sentence: &str) -> bool {
    sentence.match_indices('?').any(|(i, _)| {
        let rest = sentence[i + 1..].trim_start_matches(['"', '”', '’', '\'', ')']);
        rest.trim().is_empty()
            || rest.starts_with(' ') && sentence[i + 1..].starts_with(['"', '”', '’', '\''])
    })
}

/// A sentence whose subject is a "whether" clause ("Whether the payments will ever match the old
/// ones is a question nobody can answer"); not a concessive one, alternatives and a comma before
/// the main clause ("Whether it was A, B or C, the West hesitated"; "Whether we like it or not,
/// …").
fn opens_with_whether(sentence: &str) -> bool {
    let Some(rest) = sentence
        .trim_start_matches(|c: char| c.is_whitespace() || "\"“‘'".contains(c))
        .strip_prefix("Whether ")
    else {
        return false;
    };
    let concessive = rest.rfind(", ").is_some_and(|comma| {
        rest[..comma]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "or")
    });
    !concessive
}

fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Every open question in `article`, in reading order.
pub fn find_questions(article: &Article) -> Vec<Question> {
    article
        .sentences()
        .filter(|(_, s)| is_open_question(s))
        .map(|(at, s): (Loc, &str)| Question {
            text: s.to_string(),
            topic: topic_of(s),
            at,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_open_question;

    #[test]
    fn what_was_not_said_or_is_not_clear_is_open() {
        for sentence in [
            "It was not immediately clear how many patients had taken the tablets.",
            "Port officials did not say when the backlog could be cleared.",
            "The shipping line did not say which governments it had approached.",
            "The club declined to say where the fee would go.",
            "Nor is it clear how regulators would police the subsidy.",
            "It is also not clear whether the agency has the staff.",
            "The regulator had not yet determined whether other medicines were affected.",
            "Nor are the researchers certain why the drug should help.",
            // what is wondered, not yet explained, or given no timeline or details
            "Analysts wonder if the central bank will cut rates again.",
            "The government has yet to explain how it will meet the target.",
            "No timeline was given for the withdrawal of troops.",
            "The ministry gave no details of the new rules.",
            "Neither side has said how long the negotiations are expected to last.",
            "Scientists do not yet know whether the thinning will accelerate.",
            "Nor is it known how many kilometres of track were affected.",
            "What that would mean for sea levels is also uncertain.",
        ] {
            assert!(is_open_question(sentence), "{sentence}");
        }
        // what was said is no question
        assert!(!is_open_question(
            "Officials said when the talks would resume."
        ));
        assert!(!is_open_question("It was clear that the talks had failed."));
        assert!(!is_open_question(
            "The ministry gave details of the new rules."
        ));
    }

    #[test]
    fn a_direct_question_is_open() {
        assert!(is_open_question("Would soldiers be allowed to fight back?"));
        assert!(is_open_question("“Who pays for it?” the mayor asked."));
    }

    #[test]
    fn stated_unknowns_are_open_questions() {
        assert!(is_open_question(
            "The exact role of such a force remains unclear."
        ));
        assert!(is_open_question(
            "But there’s a lot we don’t know, including how it would work."
        ));
        assert!(is_open_question(
            "A big question mark, though, remains over what Russia will accept."
        ));
        assert!(is_open_question(
            "The US plays a crucial but as yet undefined role."
        ));
    }

    #[test]
    fn a_decision_not_made_and_a_whether_clause_are_open() {
        for s in [
            "No decision has been made on whether the teams will visit the coast.",
            "Questions also remain over how the board will meet the target.",
            "Whether the new payments will ever match the old ones is a question nobody can answer.",
        ] {
            assert!(is_open_question(s), "{s}");
        }
        assert!(!is_open_question(
            "He asked whether the payments would match."
        ));
        assert!(!is_open_question(
            "Whether it was the refusal, the delays, or the rhetoric, the West hesitated."
        ));
        assert!(!is_open_question(
            "Whether we like it or not, the rules apply."
        ));
        assert!(!is_open_question("The decision was made on Monday."));
    }

    #[test]
    fn a_plain_statement_is_not_a_question() {
        assert!(!is_open_question(
            "The council approved the budget on Monday."
        ));
        assert!(!is_open_question("The unknownst fields were sown."));
    }

    #[test]
    fn what_is_not_yet_known_and_the_question_now_are_open() {
        assert!(is_open_question(
            "It is also not yet known whether the same mechanism operates in barley."
        ));
        assert!(is_open_question(
            "The question now is whether Beijing can be persuaded to return to the table."
        ));
    }

    #[test]
    fn a_refusal_to_say_a_doubt_and_a_decision_pending_are_open() {
        for sentence in [
            "It also refused to say how much the recall would cost.",
            "The ministry would not say who had approved the payment.",
            "Nobody can yet say how long that will take.",
            "The bigger question is whether the reservoirs will recover before next summer.",
            "Critics have questioned whether the homes will be within reach of local families.",
            "The board remains undecided on the second runway.",
        ] {
            assert!(is_open_question(sentence), "{sentence}");
        }
    }

    #[test]
    fn a_polls_undecided_voters_are_no_open_question() {
        assert!(!is_open_question(
            "The poll showed Whitcombe with 38 percent support and Arroyo with 24 percent, \
             with 9 percent undecided."
        ));
    }
}
