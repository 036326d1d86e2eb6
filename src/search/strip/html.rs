//! The HTML half of the stripper: tags, comments and character references.

use memchr::memmem;

/// How far a tag may run before a `<` is taken as plain text. Generous,
/// because archive `<img>` tags carry URLs of up to 3,000 characters.
const MAX_TAG: usize = 16 * 1024;
/// The longest character reference we try to read (`&#x10FFFF;`, names).
const MAX_ENTITY: usize = 12;

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript", "head", "title"];

/// Elements that do not separate words: `<b>習</b>近平` reads `習近平`.
/// Everything else (paragraphs, cells, line breaks, images) separates.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// What a `<` at some position turned out to be.
pub(super) enum Markup<'a> {
    /// Not markup: keep the `<` as text.
    Text,
    /// Skip to `end`; `separates` says whether words on either side are
    /// apart; `alt` is an image's text alternative, which readers show.
    Skip {
        end: usize,
        separates: bool,
        alt: Option<&'a str>,
    },
}

/// Reads the markup starting with the `<` at `at`.
pub(super) fn markup_at(body: &str, at: usize) -> Markup<'_> {
    let bytes = body.as_bytes();
    let rest = &bytes[at..];
    if rest.starts_with(b"<!--") {
        let end = memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |i| at + 4 + i + 3);
        return Markup::Skip {
            end,
            separates: false,
            alt: None,
        };
    }
    let Some(&next) = rest.get(1) else {
        return Markup::Text;
    };
    let closing = next == b'/';
    if !(next.is_ascii_alphabetic() || closing || next == b'!' || next == b'?') {
        return Markup::Text;
    }
    // A vectorised look for any `>` first keeps text full of stray `<`
    // linear in practice.
    if memchr::memchr(b'>', &rest[..rest.len().min(MAX_TAG)]).is_none() {
        return Markup::Text;
    }
    let Some(len) = tag_len(rest) else {
        return Markup::Text;
    };
    let end = at + len;
    let name_start = if closing { 2 } else { 1 };
    let name_len = rest[name_start..len]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
        .unwrap_or(0);
    let name = &rest[name_start..name_start + name_len];
    let is = |known: &&str| name.eq_ignore_ascii_case(known.as_bytes());
    if !closing && HIDDEN.iter().any(is) && !rest[..len].ends_with(b"/>") {
        return Markup::Skip {
            end: end_of_element(body, end, name),
            separates: true,
            alt: None,
        };
    }
    let alt = if !closing && name.eq_ignore_ascii_case(b"img") {
        attribute(&body[at..end], "alt")
    } else {
        None
    };
    Markup::Skip {
        end,
        separates: !INLINE.iter().any(is),
        alt,
    }
}

/// Length of the tag at the start of `rest` up to its `>`, quotes honoured.
fn tag_len(rest: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in rest.iter().enumerate().take(MAX_TAG) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Where the hidden element opened just before `from` ends (after its
/// closing tag), or the end of the body when it never closes.
fn end_of_element(body: &str, from: usize, name: &[u8]) -> usize {
    let bytes = body.as_bytes();
    let mut at = from;
    while let Some(i) = memmem::find(&bytes[at..], b"</") {
        let tag = at + i + 2;
        let candidate = bytes.get(tag..tag + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            let close = memchr::memchr(b'>', &bytes[tag..]).map_or(bytes.len(), |j| tag + j + 1);
            return close;
        }
        at = tag;
    }
    bytes.len()
}

/// The raw value of attribute `name` in `tag` (character references still
/// in it).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(i) = find_ignore_case(&bytes[from..], name.as_bytes()) {
        let start = from + i;
        let after = start + name.len();
        from = after;
        let preceded = start > 0 && bytes[start - 1].is_ascii_whitespace();
        let mut at = after;
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        if !preceded || bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        return match bytes.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let len = memchr::memchr(q, &bytes[at + 1..])?;
                tag.get(at + 1..at + 1 + len)
            }
            Some(_) => {
                let len = bytes[at..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == b'>')
                    .unwrap_or(bytes.len() - at);
                tag.get(at..at + len)
            }
            None => None,
        };
    }
    None
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The character reference (`&amp;`, `&#20013;`, `&#x4E2D;`) at the start of
/// `rest`: what it stands for and its length. Unknown names stay text.
pub(super) fn entity_at(rest: &str) -> Option<(char, usize)> {
    let window = rest.get(1..).unwrap_or("");
    let semi = window.bytes().take(MAX_ENTITY).position(|b| b == b';')?;
    let name = &window[..semi];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
    } else {
        named_entity(name)?
    };
    Some((c, semi + 2))
}

/// The character references read by name; any other name stays text.
pub(in crate::search) const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", ' '),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("yen", '¥'),
    ("euro", '€'),
    ("pound", '£'),
];

fn named_entity(name: &str) -> Option<char> {
    NAMED_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_alt_attributes() {
        assert_eq!(
            attribute(r#"<img src="x.jpg" alt="金正恩">"#, "alt"),
            Some("金正恩")
        );
        assert_eq!(attribute("<img ALT='a b' src=x>", "alt"), Some("a b"));
        assert_eq!(attribute("<img alt=plain>", "alt"), Some("plain"));
        assert_eq!(attribute(r#"<img data-alt="no" src="x">"#, "alt"), None);
    }

    #[test]
    fn decodes_references() {
        assert_eq!(entity_at("&amp; x"), Some(('&', 5)));
        assert_eq!(entity_at("&#20013;"), Some(('中', 8)));
        assert_eq!(entity_at("&#x4E2D;"), Some(('中', 8)));
        assert_eq!(entity_at("&unknown;"), None);
        assert_eq!(entity_at("& no"), None);
        assert_eq!(entity_at("&#99999999999;"), None);
    }
}
