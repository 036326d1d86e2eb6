//! Quoted scalars of the simple front matter shape: `"..."` with YAML's
//! escapes decoded, and `'...'` with its doubled quote; both borrow from
//! the text when there is nothing to decode.

use std::borrow::Cow;

/// The body of a `"..."` scalar after its opening quote: borrowed when it
/// has no escapes (nearly always).
pub(super) fn double_quoted(s: &str) -> Option<(Cow<'_, str>, &str)> {
    let at = memchr::memchr2(b'"', b'\\', s.as_bytes())?;
    if s.as_bytes()[at] == b'"' {
        return Some((Cow::Borrowed(&s[..at]), &s[at + 1..]));
    }
    let mut out = String::new();
    let mut rest = s;
    loop {
        let at = memchr::memchr2(b'"', b'\\', rest.as_bytes())?;
        out.push_str(&rest[..at]);
        if rest.as_bytes()[at] == b'"' {
            return Some((Cow::Owned(out), &rest[at + 1..]));
        }
        let mut chars = rest[at + 1..].chars();
        let decoded = match chars.next()? {
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            't' | '\t' => '\t',
            'n' => '\n',
            'v' => '\u{b}',
            'f' => '\u{c}',
            'r' => '\r',
            'e' => '\u{1b}',
            ' ' => ' ',
            '"' => '"',
            '/' => '/',
            '\\' => '\\',
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            'x' => hex_char(&mut chars, 2)?,
            'u' => hex_char(&mut chars, 4)?,
            'U' => hex_char(&mut chars, 8)?,
            _ => return None,
        };
        out.push(decoded);
        rest = chars.as_str();
    }
}

fn hex_char(chars: &mut std::str::Chars<'_>, digits: usize) -> Option<char> {
    let mut code = 0u32;
    for _ in 0..digits {
        code = code * 16 + chars.next()?.to_digit(16)?;
    }
    char::from_u32(code)
}

/// The body of a `'...'` scalar after its opening quote: borrowed when it
/// has no doubled quote.
pub(super) fn single_quoted(s: &str) -> Option<(Cow<'_, str>, &str)> {
    let q = memchr::memchr(b'\'', s.as_bytes())?;
    if s.as_bytes().get(q + 1) != Some(&b'\'') {
        return Some((Cow::Borrowed(&s[..q]), &s[q + 1..]));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let q = rest.find('\'')?;
        out.push_str(&rest[..q]);
        if rest[q + 1..].starts_with('\'') {
            out.push('\'');
            rest = &rest[q + 2..];
        } else {
            return Some((Cow::Owned(out), &rest[q + 1..]));
        }
    }
}
