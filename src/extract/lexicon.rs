//! lexicon rules (to be written).
