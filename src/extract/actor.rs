//! actor rules (to be written).
