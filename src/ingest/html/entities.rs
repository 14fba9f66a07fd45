//! HTML character references (`&amp;`, `&#8217;`, `&#x2019;`) decoded in one pass, for the
//! linear tag scanner. Unknown or malformed references stay as written; a reference to a control
//! character decodes to it and is then removed by sanitizing, like any other.

/// Decodes character references in one pass: numeric (`&#8217;`, `&#x2019;`) and the named
/// ones common in articles. Unknown or malformed references stay as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        match end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names (`amp`, `#39`, `#x2019`).
fn entity(name: &str) -> Option<char> {
    if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if let Some(dec) = name.strip_prefix('#') {
        return dec.parse().ok().and_then(char::from_u32);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn named_and_numeric_references_are_decoded() {
        assert_eq!(
            decode_entities("Fish &amp; chips &#8211; it&#x2019;s &ldquo;fine&rdquo;"),
            "Fish & chips – it’s “fine”"
        );
    }

    #[test]
    fn unknown_or_broken_references_stay_as_written() {
        for text in ["&bogus;", "AT&T", "&#xZZ;", "&#99999999;", "& ;", "&amp"] {
            assert_eq!(decode_entities(text), text);
        }
    }
}
