//! Sanitizing: article text must never carry terminal control to the screen. Strips C0/C1
//! controls, whole ESC/CSI/OSC/DCS sequences (colours, OSC 8 links, OSC 52 clipboard writes),
//! bidi overrides and isolates, zero-width and other invisible characters (soft hyphen, tag
//! characters), and turns Unicode spaces (NBSP and friends), tabs and other white-space
//! controls into plain spaces, so words never run together.
//!
//! Guarantees: one pass, linear in the input (an unterminated sequence ends at the end of its
//! line); newlines are kept (a lone carriage return becomes one), nothing else below U+0020.

use std::borrow::Cow;

/// Returns `text` with control characters, escape sequences, bidi controls and zero-width
/// characters removed, and every Unicode space made a plain space. Newlines are kept.
pub fn sanitize(text: &str) -> String {
    sanitized(text).into_owned()
}

/// [`sanitize`], borrowing `text` when there is nothing to rewrite (most lines of most
/// articles), so a caller that folds or trims the result next makes one copy instead of two.
pub fn sanitized(text: &str) -> Cow<'_, str> {
    if is_clean(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            '\t' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_osc(&mut chars),
            c if is_unicode_space(c) => out.push(' '),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Fast check: nothing to rewrite. ASCII bytes are tested as bytes; only a non-ASCII character
/// is decoded, and it passes unless it is a special space or an invisible character, so curly
/// quotes, dashes and accented letters (most news text) stay on the fast path.
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // sixteen printable ASCII bytes at a time (one vector compare); when a step fails, its
        // bytes are checked one by one, so a curly quote costs one failed step, not sixteen
        if bytes[i..]
            .first_chunk::<16>()
            .is_some_and(is_printable_ascii)
        {
            i += 16;
            continue;
        }
        let step_end = i + 16;
        while i < step_end.min(bytes.len()) {
            let b = bytes[i];
            if b < 0x80 {
                if (b < 0x20 && b != b'\n') || b == 0x7f {
                    return false;
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            if is_unicode_space(c)
                || is_dropped(c)
                || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
            {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Whether every byte is printable ASCII (U+0020 to U+007E). A fixed length and no early exit,
/// so the compiler compares them all at once.
pub fn is_printable_ascii<const N: usize>(bytes: &[u8; N]) -> bool {
    bytes.iter().fold(true, |printable, &b| {
        printable & (b.wrapping_sub(0x20) < 0x5f)
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
            | '\u{ad}' // soft hyphen: invisible, and it would split words for search
            | '\u{180e}' // Mongolian vowel separator (formerly a space)
            | '\u{feff}' | '\u{061c}' | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}') // tag characters: invisible text
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence that began with ESC: CSI, a string sequence (OSC, DCS,
/// SOS, PM, APC), or intermediates (`ESC ( B`) and one final character.
fn skip_escape(chars: &mut Chars) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_until_final(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_osc(chars);
        }
        Some('\n') | None => {}
        Some(_) => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next_if(|&c| c != '\n');
        }
    }
}

/// CSI: parameters and intermediates up to a final byte in `@`..=`~`.
/// An unterminated one stops before the end of its line, which is kept.
fn skip_until_final(chars: &mut Chars) {
    while let Some(c) = chars.next_if(|&c| c != '\n') {
        if ('@'..='~').contains(&c) {
            return;
        }
    }
}

/// OSC/DCS/APC/PM: up to BEL, ST (ESC \) or the C1 ST; an unterminated one stops before the
/// end of its line.
fn skip_osc(chars: &mut Chars) {
    while let Some(c) = chars.next_if(|&c| c != '\n') {
        match c {
            '\u{7}' | '\u{9c}' => return,
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
    use super::*;

    /// The check without its sixteen-byte steps.
    fn is_clean_reference(text: &str) -> bool {
        text.chars().all(|c| {
            (c >= ' ' || c == '\n')
                && c != '\u{7f}'
                && (c.is_ascii()
                    || !(is_unicode_space(c)
                        || is_dropped(c)
                        || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')))
        })
    }

    #[test]
    fn the_clean_check_agrees_with_a_check_of_every_character() {
        let long = "Plain words, café and naïve, in a line long enough for the wide steps.";
        for text in [
            long.to_string(),
            format!("{long}\u{7f}"),
            format!("{long}\u{1b}[0m"),
            format!("{long}\u{a0}{long}"),
            format!("{long}\n{long}\t"),
            format!("{}\u{200b}", "x".repeat(16)),
            format!("{}\u{9b}", "x".repeat(15)),
            format!("“{}\u{7f}", "x".repeat(14)),
            format!("“{}\u{7f}", "x".repeat(13)),
            format!("{}é{}\u{1}", "x".repeat(15), "x".repeat(16)),
            "~".repeat(40),
            String::new(),
        ] {
            assert_eq!(is_clean(&text), is_clean_reference(&text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::seeded(1000, 23))]
        #[test]
        fn any_text_is_clean_as_every_character_says(
            text in "[ -~]{0,40}[\u{0}-\u{1f}\u{7f}-\u{a0}\u{ad}\u{2000}-\u{206f}é“]?[ -~]{0,40}|\\PC{0,40}|.{0,40}"
        ) {
            proptest::prop_assert_eq!(is_clean(&text), is_clean_reference(&text));
        }
    }

    #[test]
    fn clean_text_is_borrowed_and_dirty_text_rewritten() {
        assert!(matches!(sanitized("Plain “words”."), Cow::Borrowed(_)));
        assert_eq!(sanitized("a\tb"), Cow::<str>::Owned("a b".into()));
    }

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

    #[test]
    fn a_lone_carriage_return_is_a_line_break() {
        assert_eq!(sanitize("old\rmac"), "old\nmac");
    }

    #[test]
    fn white_space_controls_separate_words() {
        assert_eq!(sanitize("a\u{b}b\u{c}c\u{85}d\u{2028}e"), "a b c d e");
    }

    #[test]
    fn charset_escapes_and_c1_string_sequences_are_removed_whole() {
        assert_eq!(sanitize("x\u{1b}(By \u{1b}7z"), "xy z");
        assert_eq!(sanitize("a\u{90}1;2|data\u{9c}b\u{9b}2Jc"), "abc");
        assert_eq!(sanitize("DCS\u{1b}Pq#0;2\u{1b}\\ done"), "DCS done");
    }

    #[test]
    fn osc_8_links_keep_their_visible_text_and_osc_52_leaves_nothing() {
        let link = "see \u{1b}]8;;https://evil.example\u{7}the report\u{1b}]8;;\u{7} now";
        assert_eq!(sanitize(link), "see the report now");
        assert_eq!(sanitize("\u{1b}]52;c;Y3VybCBldmls\u{1b}\\"), "");
    }

    #[test]
    fn soft_hyphens_and_tag_characters_are_invisible_so_dropped() {
        assert_eq!(
            sanitize("par\u{ad}lia\u{ad}ment\u{e0041}\u{e0042}"),
            "parliament"
        );
    }

    #[test]
    fn an_unterminated_sequence_ends_at_its_line() {
        assert_eq!(sanitize("a\u{1b}]0;title\nb\u{1b}[12;\nc\u{1b}"), "a\nb\nc");
    }

    #[test]
    fn a_megabyte_of_escape_openers_is_one_pass() {
        let hostile = "\u{1b}[".repeat(300_000) + "\u{1b}]" + &"x".repeat(300_000) + "\nend";
        assert_eq!(sanitize(&hostile), "\nend");
    }
}
