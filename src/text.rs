//! Text: sanitizing input, cleaning boilerplate, reading metadata, splitting sentences, folding
//! for comparison. Runs after [`crate::ingest`] and before [`crate::extract`].

pub mod clean;
pub mod fold;
pub mod meta;
pub mod phrases;
pub mod same_story;
pub mod sanitize;
pub mod sentence;
pub mod swar;
