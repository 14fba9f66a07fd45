//! Questions (placeholder until the question rules land).

use crate::briefing::Article;
use crate::extract::Question;

/// Every open question raised in `article`.
pub fn find_questions(_article: &Article) -> Vec<Question> {
    Vec::new()
}
