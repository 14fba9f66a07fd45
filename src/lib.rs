//! Parallax: a terminal briefing reader.
//!
//! The library is a pure pipeline — [`ingest`] (paths → documents) → [`text`] (sanitize, clean,
//! split sentences) → [`extract`] (actors, quotations, positions, questions) → [`outline`],
//! [`search`], [`compare`] — assembled into a [`briefing::Briefing`] and exported by [`export`].
//! [`app`] is the TUI state machine over a briefing, [`ui`] draws it, [`cli`] prints it.
//! Between runs, [`cache`] keeps assembled briefings and [`state`] the reader's place, both
//! written atomically by [`persist`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod app;
pub mod briefing;
pub mod cache;
pub mod cli;
pub mod compare;
pub mod config;
pub mod exercise;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod memo;
pub mod outline;
pub mod par;
pub mod persist;
pub mod pipeline;
pub mod search;
pub mod seeds;
pub mod state;
#[cfg(test)]
mod testing;
pub mod text;
pub mod ui;
pub mod watch;
