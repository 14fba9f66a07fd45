//! Configuration: `$PARALLAX_CONFIG`, else `$XDG_CONFIG_HOME/parallax/config.toml`, else
//! `~/.config/parallax/config.toml`. Optional; its `[keys.<mode>]` tables are merged over the
//! shipped keymap. A bad file is an error naming the file and line, reported before the terminal
//! is touched.

use std::path::{Path, PathBuf};

use crate::app::keymap::Keymap;

/// A configuration problem.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid, at a line.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The settings Parallax reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Keys per mode.
    pub keymap: Keymap,
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_CONFIG") {
        return Some(PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("parallax").join("config.toml"))
}

/// Loads the config (defaults when there is no file).
pub fn load() -> Result<Config, ConfigError> {
    match path() {
        Some(p) if p.exists() => load_from(&p),
        _ => Ok(Config {
            keymap: Keymap::defaults(),
        }),
    }
}

/// Loads the config file at `path`.
pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|(line, message)| ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses config text: `[keys.normal] "x" = "quit"`. Errors carry a 1-based line.
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].lines().count().max(1)
        });
        (line, e.message().to_string())
    })?;
    let mut keymap = Keymap::defaults();
    for (key, value) in &table {
        match (key.as_str(), value.as_table()) {
            ("keys", Some(keys)) => keymap.merge(keys, text).map_err(|e| (e.line, e.message))?,
            _ => {
                let line = text
                    .lines()
                    .position(|l| l.contains(key.as_str()))
                    .map_or(1, |i| i + 1);
                return Err((
                    line,
                    format!("unknown setting {key:?} (only [keys.<mode>] tables are read)"),
                ));
            }
        }
    }
    Ok(Config { keymap })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_config_gives_the_defaults() {
        assert_eq!(parse("").expect("valid").keymap, Keymap::defaults());
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let (line, _) = parse("[keys.normal]\n\"x\" = \n").expect_err("invalid");
        assert_eq!(line, 2);
    }

    #[test]
    fn an_unknown_action_names_its_line() {
        let (line, message) =
            parse("[keys.normal]\n\"x\" = \"quit\"\n\"y\" = \"teleport\"\n").expect_err("invalid");
        assert_eq!(line, 3);
        assert!(message.contains("teleport"));
    }

    #[test]
    fn unknown_settings_are_reported() {
        assert!(parse("colour = \"red\"\n").is_err());
    }
}
