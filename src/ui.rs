//! The terminal UI: draws the app and turns input into actions. (Placeholder.)
