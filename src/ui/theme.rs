//! Colours and text styles. The default theme uses the terminal's own foreground and background
//! with a few accents, readable on dark and light terminals; with `NO_COLOR` set, only bold,
//! italic, underline, dim and reverse are used.

use ratatui::style::{Color, Modifier, Style};

/// The styles the panes use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Pane borders.
    pub border: Style,
    /// The focused pane's border and title.
    pub focused: Style,
    /// Titles and headlines.
    pub title: Style,
    /// Secondary text (metadata, sources).
    pub dim: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// Quotations in the reader.
    pub quote: Style,
    /// Search matches and the jumped-to sentence.
    pub hit: Style,
    /// The margin mark of positions and questions.
    pub mark: Style,
    /// Removed boilerplate shown on request.
    pub removed: Style,
    /// The status line.
    pub status: Style,
    /// Compare marks: the same claim or wording (shared copy).
    pub same: Style,
    /// Compare marks: stances that agree.
    pub agree: Style,
    /// Compare marks: stances (or wordings) that differ.
    pub differ: Style,
    /// Compare marks: both cover it; only one side covers it.
    pub one_side: Style,
}

impl Theme {
    /// The theme for this environment: monochrome when `NO_COLOR` is set (and not empty).
    pub fn from_env() -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::default_colors()
        }
    }

    /// The default, restrained colour theme.
    pub fn default_colors() -> Theme {
        Theme {
            border: Style::new().fg(Color::DarkGray),
            focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            quote: Style::new().fg(Color::Green),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            mark: Style::new().fg(Color::Magenta),
            removed: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT),
            status: Style::new().add_modifier(Modifier::REVERSED),
            same: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            agree: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            differ: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            one_side: Style::new().fg(Color::Yellow),
        }
    }

    /// Styles without colour, for `NO_COLOR`.
    pub fn mono() -> Theme {
        Theme {
            border: Style::new(),
            focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            hit: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            mark: Style::new().add_modifier(Modifier::BOLD),
            removed: Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
            status: Style::new().add_modifier(Modifier::REVERSED),
            same: Style::new().add_modifier(Modifier::BOLD),
            agree: Style::new().add_modifier(Modifier::BOLD),
            differ: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            one_side: Style::new().add_modifier(Modifier::ITALIC),
        }
    }
}
