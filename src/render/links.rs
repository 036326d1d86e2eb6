//! Link targets: resolved against the article's address, and numbered in
//! order of first appearance.

use std::collections::HashMap;

use url::Url;

use crate::text::sanitize::clean_inline;

/// Resolves `href` (possibly relative, e.g. `/web/2021.../https://...`)
/// against `base`; only http(s) results count as links a reader can open.
pub(super) fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| clean_inline(url.as_str()))
}

/// The article address as a base for relative links.
pub(super) fn base(url: Option<&str>) -> Option<Url> {
    Url::parse(url?.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// Numbers links `[1]`, `[2]`... in order; the same address keeps its number.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    urls: Vec<String>,
    index: HashMap<String, usize>,
}

impl Numbering {
    /// The number (from 1) of `url`.
    pub(super) fn number(&mut self, url: &str) -> usize {
        if let Some(&n) = self.index.get(url) {
            return n;
        }
        self.urls.push(url.to_owned());
        let n = self.urls.len();
        self.index.insert(url.to_owned(), n);
        n
    }

    pub(super) fn into_urls(self) -> Vec<String> {
        self.urls
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_links_resolve_against_the_article() {
        let b = base(Some(
            "https://web.archive.org/web/20210712015219/https://www.hkcnews.com/article/1/x",
        ));
        assert_eq!(
            resolve(
                b.as_ref(),
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
        assert_eq!(resolve(None, "/relative"), None);
        assert_eq!(resolve(None, "javascript:alert(1)"), None);
        assert_eq!(resolve(None, "mailto:a@b.c"), None);
        assert_eq!(resolve(None, "#top"), None);
        assert_eq!(
            resolve(None, "https://a.b/c d").as_deref(),
            Some("https://a.b/c%20d")
        );
    }

    #[test]
    fn numbers_repeat_for_the_same_address() {
        let mut n = Numbering::default();
        assert_eq!(n.number("https://a"), 1);
        assert_eq!(n.number("https://b"), 2);
        assert_eq!(n.number("https://a"), 1);
        assert_eq!(n.into_urls(), ["https://a", "https://b"]);
    }
}
