//! A one-line text editor for notes: the cursor moves by grapheme (so "é" written as e + accent
//! and emoji with modifiers move as one), by word, to either end; typing and pasting insert at
//! the cursor; Backspace/Delete remove a grapheme, Ctrl-W the word before the cursor, Ctrl-U
//! everything before it. Pasted text is sanitized and its line breaks become spaces: a note is
//! one line. Display width counts wide (CJK) characters as two cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The text being edited and the cursor (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
}

/// One editing command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Insert a character.
    Insert(char),
    /// Insert pasted text.
    Paste(String),
    /// Delete the grapheme before the cursor.
    Backspace,
    /// Delete the grapheme under the cursor.
    Delete,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete everything before the cursor (Ctrl-U).
    DeleteToStart,
    /// Move one grapheme left.
    Left,
    /// Move one grapheme right.
    Right,
    /// Move to the start of the word before (Ctrl-Left, Alt-B).
    WordLeft,
    /// Move past the end of the word after (Ctrl-Right, Alt-F).
    WordRight,
    /// Move to the start (Home, Ctrl-A).
    Home,
    /// Move to the end (End, Ctrl-E).
    End,
}

impl LineEditor {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEditor {
        let text = one_line(text);
        LineEditor {
            cursor: text.len(),
            text,
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Display columns before the cursor.
    pub fn cursor_column(&self) -> usize {
        self.text[..self.cursor].width()
    }

    /// Applies one command.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => self.insert(&one_line(&c.to_string())),
            Edit::Paste(text) => self.insert(&one_line(&text)),
            Edit::Backspace => {
                let from = self.previous_boundary();
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Edit::Delete => {
                let to = self.next_boundary();
                self.text.replace_range(self.cursor..to, "");
            }
            Edit::DeleteWord => {
                let from = self.word_start_before();
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Edit::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::Left => self.cursor = self.previous_boundary(),
            Edit::Right => self.cursor = self.next_boundary(),
            Edit::WordLeft => self.cursor = self.word_start_before(),
            Edit::WordRight => self.cursor = self.word_end_after(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
        }
    }

    fn insert(&mut self, text: &str) {
        self.text.insert_str(self.cursor, text);
        self.cursor += text.len();
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// The start of the word before the cursor (spaces before the cursor skipped first).
    fn word_start_before(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// The end of the word after the cursor (spaces after the cursor skipped first).
    fn word_end_after(&self) -> usize {
        let after = &self.text[self.cursor..];
        let skipped = after.len() - after.trim_start().len();
        let rest = &after[skipped..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.cursor + skipped + word
    }
}

/// `text` made one safe line: control characters and escape sequences removed, line breaks and
/// tabs made spaces.
fn one_line(text: &str) -> String {
    crate::text::sanitize::sanitize(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(start: &str, edits: Vec<Edit>) -> (String, usize) {
        let mut e = LineEditor::new(start);
        for edit in edits {
            e.apply(edit);
        }
        (e.text().to_string(), e.cursor())
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let (text, at) = edited("helo", vec![Edit::Left, Edit::Insert('l')]);
        assert_eq!((text.as_str(), at), ("hello", 4));
    }

    #[test]
    fn backspace_and_delete_remove_whole_graphemes() {
        // "e" + combining acute, and a flag made of two code points
        let (text, _) = edited("cafe\u{301}", vec![Edit::Backspace]);
        assert_eq!(text, "caf");
        let (text, _) = edited("a🇫🇷b", vec![Edit::Home, Edit::Right, Edit::Delete]);
        assert_eq!(text, "ab");
    }

    #[test]
    fn word_commands_move_and_delete_by_word() {
        let (text, at) = edited("check the  figures", vec![Edit::DeleteWord]);
        assert_eq!((text.as_str(), at), ("check the  ", 11));
        let (text, _) = edited("check the  ", vec![Edit::DeleteWord]);
        assert_eq!(text, "check ");
        let (_, at) = edited(
            "one two three",
            vec![Edit::Home, Edit::WordRight, Edit::WordRight],
        );
        assert_eq!(at, 7);
        let (_, at) = edited("one two three", vec![Edit::WordLeft, Edit::WordLeft]);
        assert_eq!(at, 4);
        let (text, at) = edited("one two", vec![Edit::Left, Edit::Left, Edit::DeleteToStart]);
        assert_eq!((text.as_str(), at), ("wo", 0));
    }

    #[test]
    fn paste_is_one_clean_line() {
        let (text, at) = edited(
            "note: ",
            vec![Edit::Paste("line one\nline\ttwo\u{1b}[31m red\u{7}".into())],
        );
        assert_eq!(text, "note: line one line two red");
        assert_eq!(at, text.len());
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let mut e = LineEditor::new("日本語");
        assert_eq!(e.cursor_column(), 6);
        e.apply(Edit::Left);
        assert_eq!(e.cursor_column(), 4);
        e.apply(Edit::Insert('x'));
        assert_eq!(e.text(), "日本x語");
    }

    #[test]
    fn commands_at_the_edges_do_nothing() {
        let (text, at) = edited(
            "",
            vec![
                Edit::Backspace,
                Edit::Delete,
                Edit::Left,
                Edit::Right,
                Edit::DeleteWord,
                Edit::WordLeft,
                Edit::WordRight,
            ],
        );
        assert_eq!((text.as_str(), at), ("", 0));
    }
}
