//! Positions (placeholder until the position rules land).

use crate::briefing::Article;
use crate::extract::actor::ActorIndex;
use crate::extract::Position;

/// Every position stated in `article`.
pub fn find_positions(_article: &Article, _actors: &ActorIndex) -> Vec<Position> {
    Vec::new()
}
