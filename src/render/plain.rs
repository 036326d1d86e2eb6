//! The cheap road for what the rich pipeline should not take: the part of
//! an oversized body past the first megabytes, or a body html2text refused.
//! Tags and comments are stripped, character references decoded, and
//! blank-line separated blocks become plain paragraphs: every word stays,
//! in linear time.

use super::style::Look;
use crate::text::width::char_width;
use crate::text::wrap::Paragraph;

/// How far past the limit to look for a blank line to cut at.
const CUT_SEARCH: usize = 64 * 1024;

/// Splits `body` into the part rendered richly (at most about `limit`
/// bytes, ending at a paragraph break when one is near) and the rest.
pub(super) fn split_oversized(body: &str, limit: usize) -> (&str, &str) {
    if body.len() <= limit {
        return (body, "");
    }
    let mut cut = limit;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let window_end = floor_boundary(body, cut + CUT_SEARCH);
    let window = &body[cut..window_end];
    if let Some(at) = window.find("\n\n").or_else(|| window.find('\n')) {
        cut += at;
    }
    body.split_at(cut)
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `text` (Markdown or HTML) as plain paragraphs.
pub(super) fn paragraphs(text: &str) -> Vec<Paragraph<Look>> {
    let stripped = strip_tags(text);
    let mut out = Vec::new();
    let mut current = String::new();
    for line in stripped.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(Paragraph::plain(&current));
                current.clear();
            }
            continue;
        }
        if let (Some(a), Some(b)) = (current.chars().next_back(), line.chars().next()) {
            // Lines of wide (CJK) text join without a space.
            if !(char_width(a) == 2 && char_width(b) == 2) {
                current.push(' ');
            }
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(Paragraph::plain(&current));
    }
    out
}

/// Text with tags and comments removed and character references decoded.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
        } else if tail.starts_with('<')
            && tail[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        {
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            let name = tail[1..end].trim_start_matches('/').to_ascii_lowercase();
            if [
                "p",
                "div",
                "br",
                "li",
                "tr",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "blockquote",
                "figure",
                "table",
            ]
            .iter()
            .any(|t| {
                name.starts_with(t)
                    && !name[t.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            }) {
                out.push_str("\n\n");
            }
            rest = &tail[end..];
        } else if tail.starts_with('&') {
            let (decoded, len) = entity(tail);
            out.push_str(decoded.as_deref().unwrap_or(""));
            rest = &tail[len..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A character reference at the start of `s`: its text and length. Unknown
/// ones stay as they are.
fn entity(s: &str) -> (Option<String>, usize) {
    let end = s[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(s.len(), |e| e + 1);
    let name = &s[1..end];
    let len = if s[end..].starts_with(';') {
        end + 1
    } else {
        end
    };
    let text = match name {
        "amp" => Some("&".to_owned()),
        "lt" => Some("<".to_owned()),
        "gt" => Some(">".to_owned()),
        "quot" => Some("\"".to_owned()),
        "apos" => Some("'".to_owned()),
        "nbsp" => Some(" ".to_owned()),
        n if n.starts_with('#') => {
            let v = match n[1..].strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n[1..].parse().ok(),
            };
            Some(
                v.and_then(char::from_u32)
                    .filter(|c| !c.is_control())
                    .map(String::from)
                    .unwrap_or_default(),
            )
        }
        _ => None,
    };
    match text {
        Some(t) => (Some(t), len),
        None => (Some("&".to_owned()), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_a_paragraph_break_after_the_limit() {
        let body = "aaaa\n\nbbbb\n\ncccc";
        assert_eq!(split_oversized(body, 3), ("aaaa", "\n\nbbbb\n\ncccc"));
        assert_eq!(split_oversized(body, 100), (body, ""));
        let (head, rest) = split_oversized("中文中文", 4);
        assert_eq!(head.len() + rest.len(), "中文中文".len());
    }

    #[test]
    fn strips_markup_and_keeps_words() {
        let got: Vec<String> = paragraphs("<p>中文&amp;<b>字</b></p><!-- x --><p>a &#x4e2d; &#27; &bogus; b</p>\n\nline one\nline two")
            .iter()
            .map(|p| p.text().to_owned())
            .collect();
        assert_eq!(got, ["中文&字", "a 中  &bogus; b", "line one line two"]);
    }
}
