//! question rules (to be written).
