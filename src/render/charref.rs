//! Drops numeric character references that decode to control characters
//! (`&#27;` is an escape character once parsed). Sanitising the body text
//! cannot see them, and they would also forge the converter's markers, as
//! would references to our private-use markers.

use std::borrow::Cow;

use super::decorator::marker;

/// `html` without references to C0 controls (other than whitespace), DEL,
/// and the C1 controls that HTML keeps as controls.
pub(super) fn drop_control_refs(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &bytes[i..]) {
        let at = i + off;
        i = at + 1;
        let Some((len, value)) = numeric_ref(&bytes[at..]) else {
            continue;
        };
        i = at + len;
        if is_control_value(value) {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            copied = at + len;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// `&#123;`, `&#x7b;` (the `;` optional, as HTML allows): length and value.
fn numeric_ref(s: &[u8]) -> Option<(usize, u32)> {
    if s.get(1) != Some(&b'#') {
        return None;
    }
    let hex = matches!(s.get(2), Some(b'x' | b'X'));
    let start = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut end = start;
    while let Some(d) = s.get(end).and_then(|&b| (b as char).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(d);
        end += 1;
    }
    if end == start {
        return None;
    }
    if s.get(end) == Some(&b';') {
        end += 1;
    }
    Some((end, value))
}

fn is_control_value(v: u32) -> bool {
    matches!(v, 0x01..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)
        || char::from_u32(v).is_some_and(marker::is_text_marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_references_vanish() {
        assert_eq!(
            drop_control_refs("a&#27;[31mb&#x1B;c&#1d&#x9d;"),
            "a[31mbcd"
        );
        assert_eq!(drop_control_refs("x&#xF0001;y&#983041;z"), "xyz");
    }

    #[test]
    fn other_references_stay() {
        let html = "&#20013;&#x4e2d;&amp;&#10;&#150;&# x &#xZ";
        assert!(matches!(drop_control_refs(html), Cow::Borrowed(_)));
    }
}
