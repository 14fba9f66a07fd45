//! The outline: positions grouped by actor, open questions by topic, quotations by speaker.
//! (Placeholder.)
