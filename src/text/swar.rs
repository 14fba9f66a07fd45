//! Eight bytes classed at once in a `u64` ("SIMD within a register"), for the scans that run
//! over every byte of the text: a range test is an addition whose carry reaches a byte's top
//! bit from the range's start up, and a second one from past its end. The tests are for ASCII
//! bytes: no carry crosses a byte when none exceeds 0x7f, and a byte with its top bit set is
//! reported as in no range.

/// The top bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes at `i`, if there are eight.
#[inline(always)]
pub fn load(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
}

/// The top bit of each byte in `lo..=hi` (both ASCII).
#[inline(always)]
pub fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & !HIGH;
    let from_lo = low7.wrapping_add(u64::from(0x80 - lo) * ONES);
    let past_hi = low7.wrapping_add(u64::from(0x7f - hi) * ONES);
    from_lo & !past_hi & !x & HIGH
}

/// The top bit of each byte of `x` that is an ASCII letter or digit.
#[inline(always)]
pub fn alnum_bytes(x: u64) -> u64 {
    // 'A'..='Z' folded onto 'a'..='z' (other bytes land outside both ranges or stay digits)
    in_range(x | 0x2020_2020_2020_2020, b'a', b'z') & !x | in_range(x, b'0', b'9')
}

/// The top bit of each byte of `x` that is an ASCII capital.
#[inline(always)]
pub fn upper_bytes(x: u64) -> u64 {
    in_range(x, b'A', b'Z')
}

/// The top bit of each byte of `x` that is an ASCII lower-case letter.
#[inline(always)]
pub fn lower_bytes(x: u64) -> u64 {
    in_range(x, b'a', b'z')
}

/// `x` with its ASCII capitals lower-cased, the eight at once (a capital's top-bit mark moved
/// down onto its 0x20 bit).
#[inline(always)]
pub fn to_lower(x: u64) -> u64 {
    x | upper_bytes(x) >> 2
}

/// Whether a byte of `x` is `byte`.
#[inline(always)]
pub fn has_byte(x: u64, byte: u8) -> bool {
    let y = x ^ (u64::from(byte) * ONES);
    y.wrapping_sub(ONES) & !y & HIGH != 0
}

/// How many bytes of `x`, from the first, come before the first byte whose top bit is set in
/// `mask` (8 if none).
#[inline(always)]
pub fn leading_bytes(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The top bit of each byte of `x` that is ASCII white space as `u8::is_ascii_whitespace` has
/// it (space, tab, line feed, form feed, carriage return). A line has few bytes below the
/// space, so the three ranges are only tested in a chunk that holds one.
#[inline(always)]
fn space_bytes(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let below_space = !low7.wrapping_add(0x60 * ONES) & !x & HIGH;
    let y = x ^ (u64::from(b' ') * ONES);
    // a byte of `y` is zero (a space in `x`) when neither its low seven bits nor its top bit
    // is set
    let spaces = !((y & !HIGH).wrapping_add(!HIGH) | y) & HIGH;
    if below_space == 0 {
        spaces
    } else {
        spaces | in_range(x, b'\t', b'\n') | in_range(x, 0x0c, b'\r')
    }
}

/// The eight bytes from `i`, padded with spaces past the end of `bytes`: the last chunk of a
/// scan, read at once like the others (a space starts no word).
#[inline(always)]
fn load_padded(bytes: &[u8], i: usize) -> u64 {
    let mut chunk = [b' '; 8];
    let rest = &bytes[i.min(bytes.len())..];
    chunk[..rest.len().min(8)].copy_from_slice(&rest[..rest.len().min(8)]);
    u64::from_le_bytes(chunk)
}

/// How many words `text` has, as `split_ascii_whitespace` counts them: eight bytes at a time, a
/// word starting at each byte that is not white space after one that is (or at the start).
/// The starts are summed per byte and the sums added up once every 255 chunks (before a byte
/// could overflow): the baseline x86-64 target has no instruction that counts bits, and counting
/// each chunk's took a dozen.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut sums, mut chunks, mut after_space, mut i) = (0, 0u64, 0, true, 0);
    let starts = |x: u64, after_space: &mut bool| {
        let space = space_bytes(x);
        let follows_space = space << 8 | u64::from(*after_space) << 7;
        *after_space = space >> 63 == 1;
        (!space & follows_space & HIGH) >> 7
    };
    while let Some(x) = load(bytes, i) {
        sums += starts(x, &mut after_space);
        i += 8;
        chunks += 1;
        if chunks == 255 {
            count += byte_sum(sums);
            (sums, chunks) = (0, 0);
        }
    }
    if i < bytes.len() {
        sums += starts(load_padded(bytes, i), &mut after_space);
    }
    count + byte_sum(sums)
}

/// The sum of the eight bytes of `x`.
#[inline(always)]
fn byte_sum(x: u64) -> usize {
    const EVERY_OTHER: u64 = 0x00ff_00ff_00ff_00ff;
    let pairs = (x & EVERY_OTHER) + (x >> 8 & EVERY_OTHER);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bits(mask: u64) -> Vec<bool> {
        (0..8).map(|j| mask >> (8 * j + 7) & 1 == 1).collect()
    }

    proptest! {
        #[test]
        fn eight_bytes_are_classed_at_once_as_one_by_one(x in any::<u64>(), byte in 0u8..128) {
            let bytes = x.to_le_bytes();
            let each = |f: fn(&u8) -> bool| bytes.iter().map(f).collect::<Vec<bool>>();
            prop_assert_eq!(bits(alnum_bytes(x)), each(u8::is_ascii_alphanumeric));
            prop_assert_eq!(bits(upper_bytes(x)), each(u8::is_ascii_uppercase));
            prop_assert_eq!(bits(lower_bytes(x)), each(u8::is_ascii_lowercase));
            prop_assert_eq!(bits(space_bytes(x)), each(u8::is_ascii_whitespace));
            prop_assert_eq!(has_byte(x, byte), bytes.contains(&byte));
            prop_assert_eq!(to_lower(x).to_le_bytes(), bytes.map(|b| b.to_ascii_lowercase()));
            let first = bytes.iter().position(|b| b.is_ascii_digit()).unwrap_or(8);
            prop_assert_eq!(leading_bytes(in_range(x, b'0', b'9')), first);
        }

        #[test]
        fn text_like_bytes_are_classed_as_one_by_one(text in "[a-zA-Z0-9 .,'’é@\\[`{/:]{8}") {
            let x = load(text.as_bytes(), 0).expect("eight bytes");
            let bytes = x.to_le_bytes();
            let alnum: Vec<bool> = bytes.iter().map(u8::is_ascii_alphanumeric).collect();
            prop_assert_eq!(bits(alnum_bytes(x)), alnum);
        }

        #[test]
        fn words_are_counted_as_split_ascii_whitespace_counts_them(
            text in "[a-z \\t\\n\\r\\u{b}\\u{c}\\u{1f}’é.]{0,40}|\\PC{0,60}"
        ) {
            prop_assert_eq!(count_words(&text), text.split_ascii_whitespace().count());
        }
    }

    #[test]
    fn words_at_chunk_edges_and_in_long_lines_are_counted() {
        for (text, words) in [
            ("", 0),
            (" ", 0),
            ("abcdefgh", 1),
            ("abcdefg ", 1),
            (" bcdefgh", 1),
            ("abcdefgh bcdefgh", 2),
            ("a b c d e f g h i", 9),
        ] {
            assert_eq!(count_words(text), words, "{text:?}");
        }
        // more than 255 chunks of one-byte words: the per-byte sums are added up before they
        // could overflow
        let long = "a ".repeat(5000);
        assert_eq!(count_words(&long), 5000);
        assert_eq!(count_words(&"a b c d ".repeat(700)), 2800);
    }
}
