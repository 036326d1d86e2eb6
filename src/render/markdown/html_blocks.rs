//! Raw HTML blocks the way kramdown (Jekyll's Markdown) reads them: a block
//! that opens with a block-level tag lasts until that element's closing
//! tag, across blank lines and indentation, and an HTML comment lasts until
//! `-->`. `CommonMark` instead ends most HTML blocks at the first blank line,
//! so in real feed posts the tab-indented lines after one became a code
//! block that showed `<p>`, `<dl>` and `&#37;` as text.
//!
//! Each such block is cut out of the Markdown before pulldown-cmark sees it
//! and replaced by a one-line placeholder comment (an HTML block of its own
//! in `CommonMark` too); [`Blocks::restore`] puts the block's text back in
//! place of the placeholder's event. One parse keeps reference links and
//! the rest of the Markdown working across the blocks.

use std::borrow::Cow;

use memchr::memmem;

use crate::render::decorator::marker;

/// Elements kramdown reads as inline text even at the start of a line.
const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "s", "samp", "select", "small", "span", "strike", "strong", "sub", "sup",
    "textarea", "time", "tt", "u", "var",
];

/// Elements without content: a line opening with one is left to `CommonMark`.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "col", "embed", "hr", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text, not tags: only their closing tag ends them.
const RAW_TEXT_ELEMENTS: &[&str] = &["pre", "script", "style"];

/// The Markdown with its HTML blocks replaced by placeholders, and the blocks.
pub(super) struct Blocks<'a> {
    pub markdown: Cow<'a, str>,
    raw: Vec<&'a str>,
}

impl<'a> Blocks<'a> {
    /// Finds the HTML blocks of `body`. The placeholders use a private-use
    /// marker that the renderer strips from every body beforehand, so no
    /// body can forge one.
    pub fn cut(body: &'a str) -> Blocks<'a> {
        let ranges = find(body);
        if ranges.is_empty() {
            return Blocks {
                markdown: Cow::Borrowed(body),
                raw: Vec::new(),
            };
        }
        let mut markdown = String::with_capacity(body.len());
        let mut raw = Vec::with_capacity(ranges.len());
        let mut copied = 0;
        for (n, (start, indent, end)) in ranges.into_iter().enumerate() {
            markdown.push_str(&body[copied..start]);
            markdown.push_str(&body[start..start + indent]);
            markdown.push_str(&placeholder(n));
            markdown.push('\n');
            raw.push(&body[start + indent..end]);
            copied = end;
        }
        markdown.push_str(&body[copied..]);
        Blocks {
            markdown: Cow::Owned(markdown),
            raw,
        }
    }

    /// The block a placeholder's HTML event stands for, if it is one.
    pub fn restore(&self, html: &str) -> Option<&'a str> {
        let inner = html
            .trim()
            .strip_prefix("<!--")?
            .strip_suffix("-->")?
            .strip_prefix(marker::RAW_BLOCK)?;
        self.raw.get(inner.parse::<usize>().ok()?).copied()
    }
}

fn placeholder(n: usize) -> String {
    format!("<!--{}{n}-->", marker::RAW_BLOCK)
}

/// Each HTML block as (start of its first line, width of that line's
/// indent, end after its last line's `\n`).
fn find(body: &str) -> Vec<(usize, usize, usize)> {
    let bytes = body.as_bytes();
    let mut found = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    while start < bytes.len() {
        let line_end = line_end(bytes, start);
        let line = &bytes[start..line_end];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        if indent > 3 || line.get(indent) == Some(&b'\t') {
            start = line_end;
            continue;
        }
        let rest = &line[indent..];
        if let Some((ch, len)) = fence {
            if fence_run(rest).is_some_and(|(c, n)| c == ch && n >= len)
                && rest[len..].iter().all(u8::is_ascii_whitespace)
            {
                fence = None;
            }
            start = line_end;
            continue;
        }
        if let Some(run) = fence_run(rest) {
            fence = Some(run);
            start = line_end;
            continue;
        }
        let at = start + indent;
        match block_end(bytes, at) {
            Some(end) => {
                let end = line_end_at_or_after(bytes, end);
                found.push((start, indent, end));
                start = end;
            }
            None => start = line_end,
        }
    }
    found
}

/// A fence opening: three or more backticks or tildes.
fn fence_run(rest: &[u8]) -> Option<(u8, usize)> {
    let ch = *rest.first().filter(|c| matches!(c, b'`' | b'~'))?;
    let n = rest.iter().take_while(|&&b| b == ch).count();
    (n >= 3).then_some((ch, n))
}

/// Where the HTML block opening at `at` ends (just past its closing
/// `-->` or tag, or the end of the body when it is never closed); `None`
/// when no kramdown HTML block opens there.
fn block_end(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at..];
    if rest.starts_with(b"<!--") {
        return Some(memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |i| at + 4 + i + 3));
    }
    let (name, after_name) = tag_name(rest.strip_prefix(b"<")?)?;
    let name = name.to_ascii_lowercase();
    let name = name.as_str();
    if SPAN_ELEMENTS.contains(&name) || VOID_ELEMENTS.contains(&name) {
        return None;
    }
    let open_end = at + 1 + after_name;
    if RAW_TEXT_ELEMENTS.contains(&name) {
        return Some(find_close(bytes, open_end, name).map_or(bytes.len(), |(_, end)| end));
    }
    let mut depth = 1usize;
    let mut pos = open_end;
    while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + off;
        let tail = &bytes[lt + 1..];
        if tail.starts_with(b"!--") {
            match memmem::find(&tail[3..], b"-->") {
                Some(i) => pos = lt + 4 + i + 3,
                None => return Some(bytes.len()),
            }
            continue;
        }
        pos = lt + 1;
        if let Some(close) = tail.strip_prefix(b"/") {
            if tag_name(close).is_some_and(|(n, _)| n.eq_ignore_ascii_case(name)) {
                depth -= 1;
                if depth == 0 {
                    return Some(tag_end(bytes, lt));
                }
            }
        } else if let Some((n, after)) = tag_name(tail) {
            if n.eq_ignore_ascii_case(name) && !self_closing(&tail[after..]) {
                depth += 1;
            }
        }
    }
    Some(bytes.len())
}

/// The first `</name` after `from`: where it starts and where its tag ends.
fn find_close(bytes: &[u8], from: usize, name: &str) -> Option<(usize, usize)> {
    let mut pos = from;
    while let Some(off) = memmem::find(&bytes[pos..], b"</") {
        let lt = pos + off;
        if tag_name(&bytes[lt + 2..]).is_some_and(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Some((lt, tag_end(bytes, lt)));
        }
        pos = lt + 2;
    }
    None
}

/// A tag name at the start of `s` (a letter, then letters, digits and
/// `-`), followed by whitespace, `>`, `/` or the end: the name and its length.
fn tag_name(s: &[u8]) -> Option<(&str, usize)> {
    if !s.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = s
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    match s.get(len) {
        None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/') => {
            std::str::from_utf8(&s[..len]).ok().map(|n| (n, len))
        }
        _ => None,
    }
}

/// Whether the tag whose name ended just before `after` closes itself (`/>`).
fn self_closing(after: &[u8]) -> bool {
    let end = memchr::memchr(b'>', after).unwrap_or(after.len());
    after[..end].ends_with(b"/")
}

/// Just past the `>` of the tag starting at `lt` (the end of the body if none).
fn tag_end(bytes: &[u8], lt: usize) -> usize {
    memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |i| lt + i + 1)
}

/// Just past the `\n` ending the line that starts at `start`.
fn line_end(bytes: &[u8], start: usize) -> usize {
    memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1)
}

/// Just past the `\n` of the line holding `pos - 1` (the line a block's
/// last byte is on), or `pos` when that byte is the `\n` itself.
fn line_end_at_or_after(bytes: &[u8], pos: usize) -> usize {
    if pos == 0 || bytes.get(pos - 1) == Some(&b'\n') {
        pos
    } else {
        line_end(bytes, pos - 1)
    }
}

#[cfg(test)]
mod tests;
