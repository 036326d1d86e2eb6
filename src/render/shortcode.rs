//! Hugo shortcodes (`{{< video src="..." >}}`), which scraped archives keep
//! as raw text, become a link with a short label, e.g.
//! `[影片] youtube.com/embed/…`, so the video can be opened from the list.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::text::width::truncate;

/// Longest shortcode we look for; anything longer is left as text.
const MAX_SHORTCODE: usize = 8 * 1024;

/// Columns of the address shown in a video's label.
const LABEL_COLUMNS: usize = 30;

/// `body` with every shortcode replaced by inline HTML.
pub(super) fn replace_all(body: &str) -> Cow<'_, str> {
    if !body.contains("{{") {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        if let Some((len, replacement)) = parse(candidate) {
            out.push_str(&replacement);
            rest = &candidate[len..];
        } else {
            out.push_str("{{");
            rest = &candidate[2..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A shortcode at the start of `s`: its length and its HTML.
fn parse(s: &str) -> Option<(usize, String)> {
    let close = match s.as_bytes().get(2)? {
        b'<' => ">}}",
        b'%' => "%}}",
        _ => return None,
    };
    let window = &s[..floor_boundary(s, MAX_SHORTCODE)];
    let end = window[3..].find(close)? + 3;
    let inner = window[3..end].trim();
    let len = end + close.len();
    if inner.starts_with('/') || inner.is_empty() {
        // A closing tag: its content (if any) stays as ordinary text.
        return Some((len, String::new()));
    }
    let name: String = inner
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let target = attribute(inner, "src")
        .or_else(|| attribute(inner, "url"))
        .or_else(|| attribute(inner, "href"))
        .or_else(|| attribute(inner, "link"));
    let kind = match name.as_str() {
        "video" | "youtube" | "vimeo" => "影片",
        "figure" | "image" | "img" => "圖",
        "" => "嵌入",
        other => other,
    };
    let html = match target {
        Some(url) => format!(
            "<a href=\"{}\">{}</a>",
            escape_attribute(&url),
            escape_text(&format!("[{kind}] {}", short_address(&url)))
        ),
        None => escape_text(&format!("[{kind}]")),
    };
    Some((len, html))
}

/// The value of `key="value"` (or single-quoted, or bare) in a shortcode.
fn attribute(inner: &str, key: &str) -> Option<String> {
    let mut search = inner;
    while let Some(at) = search.find(key) {
        let before_ok = search[..at].ends_with(|c: char| c.is_whitespace());
        let after = search[at + key.len()..].trim_start();
        if let (true, Some(value)) = (before_ok, after.strip_prefix('=')) {
            let value = value.trim_start();
            let found = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next(),
                _ => value.split_whitespace().next(),
            };
            return found.filter(|v| !v.is_empty()).map(str::to_owned);
        }
        search = &search[at + key.len()..];
    }
    None
}

/// The address a reader recognises: the original behind a web.archive.org
/// copy, without scheme or `www.`, cut to a few columns.
pub(super) fn short_address(url: &str) -> String {
    let mut s = url;
    if let Some(rest) = s.split_once("web.archive.org/web/").map(|(_, r)| r) {
        // "<timestamp><flags>/<original>"
        s = rest.split_once('/').map_or(rest, |(_, original)| original);
    }
    for prefix in ["https://", "http://", "//"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    let s = s.strip_prefix("www.").unwrap_or(s);
    truncate(s, LABEL_COLUMNS)
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn escape_attribute(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

/// Escapes for HTML and, since the result is read as Markdown first, turns
/// ASCII punctuation into character references so `*` or `_` in an address
/// cannot start emphasis.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if c.is_ascii_punctuation() && !matches!(c, '/' | '.' | ':' | '-') {
            let _ = write!(out, "&#{};", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn video_becomes_a_labelled_link() {
        let body = "前文\n\n{{< video src=\"https://web.archive.org/web/20211025001812if_/https://www.youtube.com/embed/OpErBExTFRw\" >}}\n\n後文";
        let out = replace_all(body);
        assert!(out.contains(
            "<a href=\"https://web.archive.org/web/20211025001812if&#95;/https://www.youtube.com/embed/OpErBExTFRw\">"
        ), "{out}");
        assert!(
            out.contains("&#91;影片&#93; youtube.com/embed/OpErBExTFRw</a>"),
            "{out}"
        );
        assert!(!out.contains("{{"));
    }

    #[test]
    fn long_addresses_are_cut() {
        let label = short_address(
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx",
        );
        assert!(label.starts_with("facebook.com/plugins/"));
        assert!(label.ends_with('…'));
    }

    #[test]
    fn other_shapes() {
        assert_eq!(replace_all("{{< /video >}}x"), "x");
        assert_eq!(replace_all("{{% note %}}"), "&#91;note&#93;");
        assert_eq!(
            replace_all("a {{ b }} {{< never closed"),
            "a {{ b }} {{< never closed"
        );
        assert_eq!(
            replace_all("{{< youtube id='x' url=http://a.b/c >}}"),
            "<a href=\"http://a.b/c\">&#91;影片&#93; a.b/c</a>"
        );
    }
}
