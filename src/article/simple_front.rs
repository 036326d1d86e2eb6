//! A fast parser for the front matter shape almost every article has: flat
//! `key: value` lines whose values are plain or quoted scalars, or lists of
//! them (block `- item` lines or one-line `[a, b]`). `serde_yaml` takes about
//! ten times longer on the same text, which matters over 50,000 files.
//!
//! It declines (returns `None`) on anything else — nested maps, anchors,
//! tags, block scalars, comments after values, multi-line scalars, duplicate
//! keys — and the caller falls back to `serde_yaml`. Plain scalars that YAML
//! might read as numbers, booleans or null are resolved by `serde_yaml` itself,
//! so both paths spell every value the same way.

use std::borrow::Cow;
use std::iter::Peekable;

use serde_yaml::Value;

use super::fields::{Raw, RawFields, raw_from_value};

mod quoted;

use quoted::{double_quoted, single_quoted};

/// Real front matter has about ten keys.
const MAX_KEYS: usize = 64;

/// Parses `yaml`, or returns `None` when it is not of the simple shape.
/// Values borrow from `yaml` unless they had escapes to decode.
pub fn parse(yaml: &str) -> Option<RawFields<'_>> {
    if has_unicode_line_break(yaml) {
        return None;
    }
    let mut fields = RawFields::default();
    // On the stack: one list a file, and `MAX_KEYS` bounds it.
    let mut keys: [&str; MAX_KEYS] = [""; MAX_KEYS];
    let mut key_count = 0;
    // One look over the whole text: nearly no front matter has a tab or
    // a CR (but at line ends), and then no line needs its own look.
    let check_lines = has_tab_or_cr(yaml);
    let mut lines = lines(yaml).peekable();
    while let Some(line) = lines.next() {
        if check_lines && has_tab_or_cr(line) {
            return None;
        }
        if is_blank(line) || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        if !is_simple_key(key)
            || keys[..key_count].contains(&key)
            || !(rest.is_empty() || rest.starts_with(' '))
        {
            return None;
        }
        let Some(slot) = keys.get_mut(key_count) else {
            // Duplicate checks are quadratic here; serde_yaml's map is not.
            return None;
        };
        *slot = key;
        key_count += 1;
        let value = rest.trim_matches(' ');
        let raw = if value.is_empty() {
            block_list(&mut lines, check_lines)?
        } else if let Some(inner) = value.strip_prefix('[') {
            Raw::List(flow_list(inner)?)
        } else {
            let (scalar, after) = scalar(value, false)?;
            if !after.trim_start_matches(' ').is_empty() {
                return None;
            }
            scalar
        };
        if let Some(slot) = fields.slot(key) {
            *slot = Some(raw);
        }
    }
    Some(fields)
}

/// The lines of `yaml` without their `\n` or `\r\n` (memchr finds line ends
/// several times faster than `str::split`).
fn lines(yaml: &str) -> impl Iterator<Item = &str> {
    let mut starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', yaml.as_bytes()).map(|i| i + 1));
    let mut start = starts.next();
    std::iter::from_fn(move || {
        let from = start?;
        start = starts.next();
        let line = match start {
            Some(next) => &yaml[from..next - 1],
            None => &yaml[from..],
        };
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// libyaml also breaks lines at NEL (U+0085), LS (U+2028) and PS (U+2029).
fn has_unicode_line_break(yaml: &str) -> bool {
    let bytes = yaml.as_bytes();
    memchr::memchr2_iter(0xc2, 0xe2, bytes).any(|i| match bytes[i] {
        0xc2 => bytes.get(i + 1) == Some(&0x85),
        _ => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)),
    })
}

/// Tabs and lone CRs have YAML meanings the fast path does not model.
fn has_tab_or_cr(line: &str) -> bool {
    memchr::memchr2(b'\t', b'\r', line.as_bytes()).is_some()
}

fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ')
}

fn is_simple_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && resolve_word(key).is_none()
}

/// The `- item` lines after an empty `key:`; no items means null.
/// `check_lines`: whether a line may hold a tab or a CR.
fn block_list<'a>(
    lines: &mut Peekable<impl Iterator<Item = &'a str>>,
    check_lines: bool,
) -> Option<Raw<'a>> {
    let mut items = Vec::new();
    let mut indent = None;
    while let Some(&line) = lines.peek() {
        if check_lines && has_tab_or_cr(line) {
            return None;
        }
        if is_blank(line) {
            lines.next();
            continue;
        }
        let body = line.trim_start_matches(' ');
        let this_indent = line.len() - body.len();
        let Some(item) = body.strip_prefix("- ") else {
            // A more indented line that is not an item would be a nested
            // map or a continuation: not simple.
            return if this_indent == 0 && body != "-" {
                Some(finish(items, indent.is_some()))
            } else {
                None
            };
        };
        if *indent.get_or_insert(this_indent) != this_indent {
            return None;
        }
        lines.next();
        let (value, after) = scalar(item.trim_start_matches(' '), false)?;
        if !after.trim_start_matches(' ').is_empty() {
            return None;
        }
        match value {
            Raw::Text(text) => items.push(text),
            Raw::Null => {}
            Raw::List(_) | Raw::Other => return None,
        }
    }
    Some(finish(items, indent.is_some()))
}

/// No item lines at all is null; items, even only null ones, make a list.
fn finish(items: Vec<Cow<'_, str>>, any_item: bool) -> Raw<'_> {
    if any_item {
        Raw::List(items)
    } else {
        Raw::Null
    }
}

/// `a, "b", c ]` (the text after `[`), all on one line.
fn flow_list(mut rest: &str) -> Option<Vec<Cow<'_, str>>> {
    let mut items = Vec::new();
    rest = rest.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix(']') {
        return after.trim_matches(' ').is_empty().then_some(items);
    }
    loop {
        let (value, after) = scalar(rest.trim_start_matches(' '), true)?;
        match value {
            Raw::Text(text) => items.push(text),
            Raw::Null | Raw::List(_) | Raw::Other => return None,
        }
        let after = after.trim_start_matches(' ');
        if let Some(next) = after.strip_prefix(',') {
            rest = next;
        } else if let Some(end) = after.strip_prefix(']') {
            return end.trim_matches(' ').is_empty().then_some(items);
        } else {
            return None;
        }
    }
}

/// One scalar at the start of `s`, and the text after it.
fn scalar(s: &str, in_flow: bool) -> Option<(Raw<'_>, &str)> {
    match s.as_bytes().first() {
        Some(b'"') => double_quoted(&s[1..]).map(|(t, rest)| (Raw::Text(t), rest)),
        Some(b'\'') => single_quoted(&s[1..]).map(|(t, rest)| (Raw::Text(t), rest)),
        _ => {
            let end = if in_flow {
                memchr::memchr2(b',', b']', s.as_bytes()).unwrap_or(s.len())
            } else {
                s.len()
            };
            let text = s[..end].trim_end_matches(' ');
            plain(text, in_flow).map(|raw| (raw, &s[end..]))
        }
    }
}

fn plain(text: &str, in_flow: bool) -> Option<Raw<'_>> {
    if !is_simple_plain(text, in_flow) {
        return None;
    }
    if let Some(raw) = resolve_word(text) {
        return Some(raw);
    }
    if text.starts_with(|c: char| matches!(c, '0'..='9' | '+' | '-' | '.')) {
        // Could be a number: let YAML decide, and spell it as YAML does.
        return match serde_yaml::from_str::<Value>(text).ok()? {
            v @ (Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null) => {
                Some(raw_from_value(&v))
            }
            _ => None,
        };
    }
    Some(Raw::Text(Cow::Borrowed(text)))
}

/// Whether `text` reads as one plain scalar exactly as libyaml would read
/// it; anything doubtful is declined.
fn is_simple_plain(text: &str, in_flow: bool) -> bool {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let indicator = b"[]{},#&*!|>'\"%@`".contains(&first);
    // `- `, `? `, `: ` start a list item, key or value; in a flow list `?`
    // and `:` are indicators wherever they stand.
    let entry = matches!(first, b'-' | b'?' | b':') && bytes.get(1).is_none_or(|&b| b == b' ');
    let mapping = text.ends_with(':') || bytes.windows(2).any(|w| w == b": " || w == b" #");
    let flow_breaking = in_flow && bytes.iter().any(|b| b"[]{}#?:".contains(b));
    !(indicator || entry || mapping || flow_breaking)
}

/// The plain words YAML reads as null or booleans.
fn resolve_word(text: &str) -> Option<Raw<'static>> {
    match text {
        "~" | "null" | "Null" | "NULL" => Some(Raw::Null),
        "true" | "True" | "TRUE" => Some(Raw::Text(Cow::Borrowed("true"))),
        "false" | "False" | "FALSE" => Some(Raw::Text(Cow::Borrowed("false"))),
        _ => None,
    }
}
