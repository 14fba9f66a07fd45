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
    }
}
