//! The TUI's state machine: `App` + `update(Action)`. Never draws or touches the terminal.
//! (Placeholder.)
