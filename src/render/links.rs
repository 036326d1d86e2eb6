//! Link targets: resolved against the article's address, and numbered in
//! order of first appearance.

use std::collections::HashMap;

use crate::archive_links::{LinkBase, link_target, percent_decode_into};

/// Resolves `href` (possibly relative, e.g. `/web/2021.../https://...`)
/// against `base`: http(s) addresses, and relative links to article files
/// (see [`link_target`], which the link scan uses too, so both agree).
pub(super) fn resolve(base: &LinkBase, href: &str) -> Option<String> {
    link_target(base, href)
}

/// `url` with percent-escapes decoded when they spell readable UTF-8 (the
/// archive's addresses carry whole Chinese titles encoded); otherwise as is.
pub fn readable_url(url: &str) -> String {
    let mut out = Vec::new();
    percent_decode_into(url.as_bytes(), &mut out);
    match String::from_utf8(out) {
        Ok(s) if !s.chars().any(|c| c.is_control() || c.is_whitespace()) => s,
        _ => url.to_owned(),
    }
}

/// Whether `text` may hold an address written out (a quick test before
/// [`find_bare`]).
pub(super) fn may_hold_bare(text: &str) -> bool {
    // One pass over the `:` and `.` (every run of text comes here; three
    // substring searches each set up a searcher for a short text).
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b':', b'.', bytes).any(|i| {
        if bytes[i] == b':' {
            bytes[i + 1..].starts_with(b"//")
        } else {
            i >= 3 && matches!(&bytes[i - 3..i], b"www" | b"WWW")
        }
    })
}

/// A bare `www.` address as a link to open: `https://` in front (what a
/// browser's address bar would do); others as they are.
pub(super) fn with_scheme(address: &str) -> std::borrow::Cow<'_, str> {
    if address
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("www."))
    {
        format!("https://{address}").into()
    } else {
        address.into()
    }
}

/// Where a bare address starts in `lower` (lowercased text): an
/// `http(s)://`, or `www.` starting a word (not the `www.` inside
/// `https://www.` or `abcwww.`).
fn bare_start(lower: &str) -> Option<(usize, usize)> {
    let scheme = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| lower.find(scheme).map(|at| (at, scheme.len())))
        .min();
    let www = lower.match_indices("www.").map(|(at, _)| at).find(|&at| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + 4..].chars().next();
        before.is_none_or(|c| {
            !(c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '@' | '-' | '_'))
        }) && after.is_some_and(|c| c.is_ascii_alphanumeric())
    });
    match (scheme, www) {
        (Some(s), Some(w)) if w < s.0 => Some((w, 0)),
        (Some(s), _) => Some(s),
        (None, Some(w)) => Some((w, 0)),
        (None, None) => None,
    }
}

/// The first `http://`, `https://` or `www.` address written out in `text`:
/// the text before it, the address, the text after. An address ends at a
/// space, a wide character, a bracket or quote, and does not take the
/// sentence's final punctuation. A `www.` address needs a dot after the
/// `www.` part (`www.example.com`, not `www.foo`).
pub(super) fn find_bare(text: &str) -> Option<(&str, &str, &str)> {
    let lower = text.to_ascii_lowercase();
    let (start, scheme_len) = bare_start(&lower)?;
    let tail = &text[start..];
    let end = tail
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || !c.is_ascii()
                || matches!(
                    c,
                    '<' | '>' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '`'
                )
        })
        .map_or(tail.len(), |(i, _)| i);
    let address = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let host = address.get(scheme_len..).unwrap_or("");
    let host = host.split(['/', '?', '#']).next().unwrap_or("");
    let too_short = if scheme_len == 0 {
        // `www.` alone, or `www.word`: not an address.
        host.get(4..)
            .is_none_or(|rest| !rest.contains('.') || rest.ends_with('.'))
    } else {
        host.is_empty()
    };
    if too_short {
        // Look after it.
        let skip = start + scheme_len.max(4).min(tail.len());
        let after = &text[skip..];
        let (b, a, rest) = find_bare(after)?;
        let before_len = skip + b.len();
        return Some((&text[..before_len], a, rest));
    }
    let stop = start + address.len();
    Some((&text[..start], &text[start..stop], &text[stop..]))
}

/// Numbers links `[1]`, `[2]`... in order; the same address keeps its number
/// and the first text that named it.
pub(super) struct Numbering<'a> {
    urls: Vec<String>,
    texts: Vec<String>,
    in_archive: Vec<bool>,
    index: HashMap<String, usize>,
    /// Whether an address leads to another article of the library.
    is_in_archive: &'a dyn Fn(&str) -> bool,
}

impl<'a> Numbering<'a> {
    pub(super) fn new(is_in_archive: &'a dyn Fn(&str) -> bool) -> Self {
        Numbering {
            urls: Vec::new(),
            texts: Vec::new(),
            in_archive: Vec::new(),
            index: HashMap::new(),
            is_in_archive,
        }
    }

    /// The number (from 1) of `url`.
    pub(super) fn number(&mut self, url: &str) -> usize {
        if let Some(&n) = self.index.get(url) {
            return n;
        }
        self.urls.push(url.to_owned());
        self.texts.push(String::new());
        self.in_archive.push((self.is_in_archive)(url));
        let n = self.urls.len();
        self.index.insert(url.to_owned(), n);
        n
    }

    /// Whether link `n` leads to another article of the library.
    pub(super) fn is_in_archive(&self, n: usize) -> bool {
        n.checked_sub(1)
            .and_then(|i| self.in_archive.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// Gives link `n` the text `text` unless it has one.
    pub(super) fn name(&mut self, n: usize, text: &str) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(slot) = n.checked_sub(1).and_then(|i| self.texts.get_mut(i)) {
            if slot.is_empty() {
                *slot = text;
            }
        }
    }

    /// The addresses, their texts and whether each is in the archive, in
    /// number order.
    pub(super) fn into_links(self) -> (Vec<String>, Vec<String>, Vec<bool>) {
        (self.urls, self.texts, self.in_archive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_links_resolve_against_the_article() {
        let b = LinkBase::new(
            Some("https://web.archive.org/web/20210712015219/https://www.hkcnews.com/article/1/x"),
            None,
        );
        assert_eq!(
            resolve(
                &b,
                "/web/20210712015219/https://www.hkcnews.com/aboutus/#subscribe"
            )
            .as_deref(),
            Some(
                "https://web.archive.org/web/20210712015219/https://www.hkcnews.com/aboutus/#subscribe"
            )
        );
    }

    #[test]
    fn only_http_links_count() {
        assert_eq!(resolve(&LinkBase::default(), "/relative"), None);
        assert_eq!(resolve(&LinkBase::default(), "javascript:alert(1)"), None);
        assert_eq!(resolve(&LinkBase::default(), "mailto:a@b.c"), None);
        assert_eq!(resolve(&LinkBase::default(), "#top"), None);
        assert_eq!(
            resolve(&LinkBase::default(), "https://a.b/c d").as_deref(),
            Some("https://a.b/c%20d")
        );
    }

    #[test]
    fn urls_are_shown_decoded_when_readable() {
        assert_eq!(
            readable_url("https://a.hk/article/1/%E9%87%91%E6%AD%A3%E6%81%A9"),
            "https://a.hk/article/1/金正恩"
        );
        assert_eq!(readable_url("https://a.hk/a%20b"), "https://a.hk/a%20b");
        assert_eq!(readable_url("https://a.hk/%FF%FE"), "https://a.hk/%FF%FE");
        assert_eq!(readable_url("https://a.hk/100%"), "https://a.hk/100%");
    }

    #[test]
    fn bare_addresses_are_found_in_text() {
        assert_eq!(
            find_bare("見 https://fb.com/34dot。其他"),
            Some(("見 ", "https://fb.com/34dot", "。其他"))
        );
        assert_eq!(
            find_bare("(see http://a.b/c?d=1).").map(|(_, a, _)| a),
            Some("http://a.b/c?d=1")
        );
        assert_eq!(find_bare("no address here"), None);
        assert_eq!(
            find_bare("https:// then https://x.y").map(|(_, a, _)| a),
            Some("https://x.y")
        );
    }

    #[test]
    fn bare_www_addresses_are_found_and_open_as_https() {
        assert_eq!(
            find_bare("詳見www.example.com/a?b=1。"),
            Some(("詳見", "www.example.com/a?b=1", "。")),
            "Chinese text runs into addresses"
        );
        assert_eq!(
            find_bare("詳見 www.example.com/a?b=1。"),
            Some(("詳見 ", "www.example.com/a?b=1", "。"))
        );
        assert_eq!(
            find_bare("(WWW.Example.HK)").map(|(_, a, _)| a),
            Some("WWW.Example.HK")
        );
        assert_eq!(
            find_bare("see https://www.a.hk/x").map(|(_, a, _)| a),
            Some("https://www.a.hk/x"),
            "the www. inside a full address is part of it"
        );
        assert_eq!(find_bare("www. and www.foo and awww.b.c"), None);
        assert_eq!(
            find_bare("www.foo then www.b.hk").map(|(_, a, _)| a),
            Some("www.b.hk")
        );
        assert_eq!(with_scheme("www.a.hk/x"), "https://www.a.hk/x");
        assert_eq!(with_scheme("http://a.hk"), "http://a.hk");
    }

    #[test]
    fn numbers_repeat_for_the_same_address() {
        let mut n = Numbering::new(&|url| url.ends_with('b'));
        assert_eq!(n.number("https://a"), 1);
        assert_eq!(n.number("https://b"), 2);
        assert_eq!(n.number("https://a"), 1);
        n.name(1, "甲  文字");
        n.name(1, "乙");
        assert!(n.is_in_archive(2) && !n.is_in_archive(1));
        assert_eq!(
            n.into_links(),
            (
                vec!["https://a".to_owned(), "https://b".to_owned()],
                vec!["甲 文字".to_owned(), String::new()],
                vec![false, true]
            )
        );
    }
}
