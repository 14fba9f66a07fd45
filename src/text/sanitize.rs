//! Sanitizing: article text must never carry terminal control to the screen. Strips C0/C1
//! controls (tab becomes a space), ESC/CSI/OSC sequences, bidi overrides and zero-width
//! characters, and turns Unicode spaces (NBSP and friends) into plain spaces.

/// Returns `text` with control characters, escape sequences, bidi controls and zero-width
/// characters removed, and every Unicode space made a plain space. Newlines are kept.
pub fn sanitize(text: &str) -> String {
    if is_clean(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            c if is_unicode_space(c) => out.push(' '),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Fast check: no byte that could start a control, a special space or an invisible character.
/// Plain ASCII prose and most accented text pass without a character-by-character rewrite.
fn is_clean(text: &str) -> bool {
    text.bytes().all(|b| {
        (b >= 0x20
            && b != 0x7f
            && b != 0xc2
            && b != 0xd8
            && b != 0xe1
            && b != 0xe2
            && b != 0xe3
            && b != 0xef)
            || b == b'\n'
    })
}

/// Whether `c` is a space other than U+0020 that should read as one (NBSP, thin space…).
pub fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_dropped(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}' // zero-width space/joiners, LRM, RLM
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{feff}' | '\u{061c}' | '\u{fff9}'..='\u{fffb}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence that began with ESC.
fn skip_escape(chars: &mut Chars) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_until_final(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_osc(chars);
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

/// CSI: parameters and intermediates up to a final byte in `@`..=`~`.
fn skip_until_final(chars: &mut Chars) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) || c == '\n' {
            return;
        }
    }
}

/// OSC/DCS/APC/PM: up to BEL, ST (ESC \) or the C1 ST.
fn skip_osc(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' | '\n' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escape_sequences_and_osc_are_removed_whole() {
        let dirty =
            "a\u{1b}[31mred\u{1b}[0m b\u{1b}]52;c;aGVsbG8=\u{7} c\u{1b}]8;;http://x\u{1b}\\link";
        assert_eq!(sanitize(dirty), "ared b clink");
    }

    #[test]
    fn bidi_overrides_zero_width_and_bell_are_dropped() {
        assert_eq!(sanitize("x\u{202e}evil\u{202c}\u{200b}\u{7}y"), "xevily");
    }

    #[test]
    fn unicode_spaces_become_plain_spaces() {
        assert_eq!(
            sanitize("If\u{a0}Ukraine\u{2009}now\tok"),
            "If Ukraine now ok"
        );
    }

    #[test]
    fn text_without_suspicious_bytes_is_returned_unchanged() {
        assert_eq!(
            sanitize("Plain words, café and naïve."),
            "Plain words, café and naïve."
        );
    }

    #[test]
    fn newlines_survive_carriage_returns_do_not() {
        assert_eq!(sanitize("a\r\nb"), "a\nb");
    }
}
