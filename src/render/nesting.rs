//! Caps how deeply HTML elements nest before the HTML parser sees them.
//!
//! html5ever checks scopes by walking its stack of open elements, so 20,000
//! nested `<div>`s cost seconds (quadratic), and every later stage would walk
//! the same depth. Tags opened beyond [`MAX_DEPTH`] (and their matching end
//! tags) are dropped; their text stays. A linear scan, not a parser: it only
//! needs to find tags, comments and raw-text elements.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// Deepest element nesting kept. Real articles stay far below this.
pub(super) const MAX_DEPTH: usize = 40;

/// Elements that close themselves (or are closed by their siblings), so
/// they never build depth.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    "colgroup", "option", "optgroup", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with over-deep tags removed.
pub(super) fn limit_nesting(html: &str) -> Cow<'_, str> {
    let drops = tags_to_drop(html, MAX_DEPTH);
    if drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for r in drops {
        out.push_str(&html[at..r.start]);
        at = r.end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

fn tags_to_drop(html: &str, max_depth: usize) -> Vec<Range<usize>> {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut drops = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment
                .find("-->")
                .map_or(html.len(), |e| start + 4 + e + 3);
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            i = start + 1;
            continue;
        };
        i = start + tag.len;
        let name = tag.name.to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if tag.closing {
            if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                drops.push(start..i);
            } else if let Some(pos) = open.iter().rposition(|o| *o == name) {
                open.truncate(pos);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            i = end_of_raw_text(html, i, &name);
            continue;
        }
        if tag.self_closing {
            continue;
        }
        if open.len() >= max_depth {
            *dropped.entry(name).or_default() += 1;
            drops.push(start..i);
        } else {
            open.push(name);
        }
    }
    drops
}

/// Where the end tag of raw-text element `name` starts (the scan resumes
/// there), or the end of the document.
fn end_of_raw_text(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let candidate = &bytes[at..];
        if candidate.len() > name.len() + 1
            && candidate[1] == b'/'
            && candidate[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        i = at + 1;
    }
    html.len()
}

/// A start or end tag at the start of a string.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    /// Bytes up to and including the closing `>`.
    len: usize,
}

impl<'a> Tag<'a> {
    fn parse(s: &'a str) -> Option<Self> {
        let bytes = s.as_bytes();
        let closing = bytes.get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        if !bytes.get(name_start)?.is_ascii_alphabetic() {
            return None;
        }
        let name_len = bytes[name_start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
            .unwrap_or(bytes.len() - name_start);
        let name = &s[name_start..name_start + name_len];
        let mut quote = None;
        let mut i = name_start + name_len;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                (None, b'>') => {
                    let self_closing = bytes[i - 1] == b'/';
                    return Some(Tag {
                        name,
                        closing,
                        self_closing,
                        len: i + 1,
                    });
                }
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), b) if b == q => quote = None,
                _ => {}
            }
            i += 1;
        }
        Some(Tag {
            name,
            closing,
            self_closing: false,
            len: bytes.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(html: &str, depth: usize) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in tags_to_drop(html, depth) {
            out.push_str(&html[at..r.start]);
            at = r.end;
        }
        out + &html[at..]
    }

    #[test]
    fn shallow_html_is_untouched() {
        let html = "<div><p>a<b>b</b></p><ul><li>x<li>y</ul></div>";
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_with_their_end_tags() {
        let html = "<div><div><div>x</div>y</div>z</div>";
        assert_eq!(
            limited(html, 2),
            "<div><div>x y</div>z</div>".replace(' ', "")
        );
    }

    #[test]
    fn comments_quotes_and_raw_text_do_not_confuse_the_scan() {
        let html =
            "<div title='a>b'><!-- <div> --><script>if (a<b) {'<div>'}</script><div>x</div></div>";
        assert_eq!(
            limited(html, 1),
            "<div title='a>b'><!-- <div> --><script>if (a<b) {'<div>'}</script>x</div>"
        );
    }

    #[test]
    fn twenty_thousand_divs_shrink_to_the_cap() {
        let html = format!("{}x{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let out = limit_nesting(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
    }

    #[test]
    fn stray_and_unclosed_tags_are_harmless() {
        assert_eq!(limited("</div>a<div", 1), "</div>a<div");
        assert_eq!(limited("a < b <3", 1), "a < b <3");
    }
}
