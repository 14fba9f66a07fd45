//! Comparing sources: two articles aligned by actor and topic; the briefing as a matrix.
//! (Placeholder: issue 5.)
