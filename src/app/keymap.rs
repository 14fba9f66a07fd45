//! Keys → actions, one table per mode: `assets/keymap.toml` with the user's `[keys.<mode>]`
//! tables merged over it. Keys are written as characters ("j", "G", "?") or names ("enter",
//! "ctrl-d", "backtab"); two keys separated by a space form a sequence ("g g").

use std::collections::BTreeMap;

use crate::app::{Action, Mode};

/// One key press, independent of any terminal library.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// A single character, or a key name ("enter", "up", "f1").
    pub code: String,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

impl Key {
    /// A plain character key.
    pub fn char(c: char) -> Key {
        Key {
            code: c.to_string(),
            ctrl: false,
            alt: false,
        }
    }
    /// A named key ("enter", "esc", "tab").
    pub fn named(name: &str) -> Key {
        Key {
            code: name.to_string(),
            ctrl: false,
            alt: false,
        }
    }
    /// A key with Control held.
    pub fn ctrl(c: char) -> Key {
        Key {
            code: c.to_string(),
            ctrl: true,
            alt: false,
        }
    }
    /// Parses "j", "ctrl-d", "alt-x", "enter".
    pub fn parse(text: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut rest) = (false, false, text);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = if rest == "space" {
            " ".to_string()
        } else {
            rest.to_string()
        };
        let known =
            code.chars().count() == 1 || NAMES.contains(&code.as_str()) || is_function_key(&code);
        known.then_some(Key { code, ctrl, alt })
    }
    /// How the key is written in help ("Ctrl-d", "Enter").
    pub fn label(&self) -> String {
        let code = match self.code.as_str() {
            " " => "Space".to_string(),
            c if c.chars().count() == 1 => c.to_string(),
            name => {
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        };
        format!(
            "{}{}{}",
            if self.ctrl { "Ctrl-" } else { "" },
            if self.alt { "Alt-" } else { "" },
            code
        )
    }
}

const NAMES: [&str; 15] = [
    "enter",
    "esc",
    "tab",
    "backtab",
    "backspace",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "delete",
    "insert",
];

fn is_function_key(code: &str) -> bool {
    code.strip_prefix('f')
        .and_then(|n| n.parse::<u8>().ok())
        .is_some_and(|n| (1..=12).contains(&n))
}

/// What a key press means in a mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// Carry out this action.
    Action(Action),
    /// The keys so far begin a sequence: wait for the next.
    Pending,
    /// Nothing bound.
    Unbound,
}

/// The modes a keymap file may bind keys in.
const MODES: [&str; 7] = [
    "normal", "search", "filter", "help", "compare", "matrix", "memo",
];

/// Bindings per mode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    modes: BTreeMap<String, Vec<(Vec<Key>, Action)>>,
}

/// A keymap or config problem, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct KeymapError {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Normal => "normal",
        Mode::Search => "search",
        Mode::Filter => "filter",
        Mode::Help => "help",
        Mode::Compare => "compare",
        Mode::Matrix => "matrix",
        Mode::Memo => "memo",
        Mode::Note => "note",
        Mode::Confirm => "confirm",
    }
}

impl Keymap {
    /// The default keymap shipped in `assets/keymap.toml`.
    pub fn defaults() -> Keymap {
        let table: toml::Table =
            toml::from_str(DEFAULTS).expect("assets/keymap.toml is valid TOML (unit-tested)");
        let mut keymap = Keymap::default();
        keymap
            .merge(&table, DEFAULTS)
            .expect("assets/keymap.toml binds known keys to known actions (unit-tested)");
        keymap
    }

    /// Merges `table` (`{mode: {key: action}}`) read from `source` over these bindings.
    pub fn merge(&mut self, table: &toml::Table, source: &str) -> Result<(), KeymapError> {
        for (mode, bindings) in table {
            let line_of = |needle: &str| {
                source
                    .lines()
                    .position(|l| l.contains(needle))
                    .map_or(1, |i| i + 1)
            };
            if !MODES.contains(&mode.as_str()) {
                return Err(KeymapError {
                    line: line_of(mode),
                    message: format!("unknown mode {mode:?} ({})", MODES.join(", ")),
                });
            }
            let Some(bindings) = bindings.as_table() else {
                return Err(KeymapError {
                    line: line_of(mode),
                    message: format!("[{mode}] must be a table of key = \"action\""),
                });
            };
            for (keys, action) in bindings {
                let line = line_of(&format!("\"{keys}\""));
                let parsed: Option<Vec<Key>> = keys.split(' ').map(Key::parse).collect();
                let parsed = parsed.ok_or_else(|| KeymapError {
                    line,
                    message: format!("unknown key {keys:?}"),
                })?;
                let name = action.as_str().ok_or_else(|| KeymapError {
                    line,
                    message: format!("the action for {keys:?} must be a string"),
                })?;
                let action =
                    Action::deserialize(toml::Value::String(name.to_string())).map_err(|_| {
                        KeymapError {
                            line,
                            message: format!("unknown action {name:?}"),
                        }
                    })?;
                let list = self.modes.entry(mode.clone()).or_default();
                list.retain(|(k, _)| *k != parsed);
                list.push((parsed, action));
            }
        }
        Ok(())
    }

    /// What `pending` + `key` means in `mode`.
    pub fn lookup(&self, mode: Mode, pending: &[Key], key: &Key) -> Lookup {
        let Some(bindings) = self.modes.get(mode_name(mode)) else {
            return Lookup::Unbound;
        };
        let mut keys = pending.to_vec();
        keys.push(key.clone());
        if let Some((_, action)) = bindings.iter().find(|(k, _)| *k == keys) {
            return Lookup::Action(action.clone());
        }
        if bindings
            .iter()
            .any(|(k, _)| k.len() > keys.len() && k[..keys.len()] == keys[..])
        {
            return Lookup::Pending;
        }
        Lookup::Unbound
    }

    /// Every binding of `mode`, for the help overlay: (keys as written, action).
    pub fn bindings(&self, mode: Mode) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = self
            .modes
            .get(mode_name(mode))
            .into_iter()
            .flatten()
            .map(|(keys, action)| {
                (
                    keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                    action.clone(),
                )
            })
            .collect();
        out.sort_by_key(|(_, a)| format!("{a:?}"));
        out
    }
}

/// The shipped defaults.
pub const DEFAULTS: &str = include_str!("../../assets/keymap.toml");

use serde::Deserialize;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_keymap_parses_and_binds_the_basics() {
        let keymap = Keymap::defaults();
        assert_eq!(
            keymap.lookup(Mode::Normal, &[], &Key::char('q')),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(
            keymap.lookup(Mode::Normal, &[], &Key::ctrl('d')),
            Lookup::Action(Action::HalfPageDown)
        );
    }

    #[test]
    fn g_g_is_a_sequence() {
        let keymap = Keymap::defaults();
        assert_eq!(
            keymap.lookup(Mode::Normal, &[], &Key::char('g')),
            Lookup::Pending
        );
        assert_eq!(
            keymap.lookup(Mode::Normal, &[Key::char('g')], &Key::char('g')),
            Lookup::Action(Action::GoTop)
        );
    }

    #[test]
    fn user_bindings_override_and_bad_ones_name_their_line() {
        let mut keymap = Keymap::defaults();
        let text = "[normal]\n\"x\" = \"quit\"\n";
        keymap
            .merge(&toml::from_str(text).expect("toml"), text)
            .expect("valid");
        assert_eq!(
            keymap.lookup(Mode::Normal, &[], &Key::char('x')),
            Lookup::Action(Action::Quit)
        );
        let bad = "[normal]\n\"j\" = \"quit\"\n\"k\" = \"fly_away\"\n";
        let err = keymap
            .merge(&toml::from_str(bad).expect("toml"), bad)
            .expect_err("unknown action");
        assert_eq!(err.line, 3);
        assert!(err.message.contains("fly_away"));
    }
}
