//! position rules (to be written).
