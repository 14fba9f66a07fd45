//! quote rules (to be written).
