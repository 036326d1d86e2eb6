//! Links between the articles of the loaded archive: which body link leads
//! to which article, and which articles link to one (backlinks). Pure: the
//! bodies are read by the caller (the reader on a worker, `list --json`),
//! and nothing here knows of the terminal.
//!
//! A link finds its article by the article's `url`, `original_url` or
//! other addresses (`from`, `link`: `Article::aliases`), compared
//! as [`key::url_key`] spells them (archive wrappers off, decoded, no
//! scheme, `www.` or trailing slash); on a site whose addresses carry a
//! numeric id, by the id alone (the slug after it may differ); or, for a
//! relative link to an article file, by the file's path.

mod extract;
mod index;
mod key;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use url::Url;

pub use extract::hrefs;
pub use index::{ArchiveLinks, address_keys};
pub use key::{percent_decode_into, url_key};

use crate::article::Article;
use crate::text::sanitize::clean_inline;

/// What relative links in one body are relative to: the article's address
/// (for the site's own links) and its file's folder (for links to other
/// article files).
#[derive(Debug, Clone, Default)]
pub struct LinkBase {
    pub url: Option<Url>,
    pub dir: Option<PathBuf>,
}

impl LinkBase {
    /// The base for `article`'s body.
    pub fn of(article: &Article) -> LinkBase {
        LinkBase::new(article.url(), Some(&article.path))
    }

    /// A base from an address (kept only if it is http(s)) and the path of
    /// the file the body is in.
    pub fn new(url: Option<&str>, file: Option<&Path>) -> LinkBase {
        LinkBase {
            url: url
                .and_then(|u| Url::parse(u.trim()).ok())
                .filter(|u| matches!(u.scheme(), "http" | "https")),
            dir: file.and_then(Path::parent).map(Path::to_path_buf),
        }
    }
}

/// Where `href` leads from a body with `base`: an absolute http(s)
/// address, or for a relative link to an article file (`../b.md`), that
/// file's path (lexically joined to the body's folder). `None` for
/// anything a reader cannot follow (`mailto:`, `#top`, `javascript:`).
/// The renderer numbers exactly these links.
pub fn link_target(base: &LinkBase, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    if let Ok(url) = Url::parse(href) {
        return matches!(url.scheme(), "http" | "https").then(|| clean_inline(url.as_str()));
    }
    if let (true, Some(dir)) = (is_article_file_link(href), &base.dir) {
        let file = href.split(['#', '?']).next().unwrap_or_default();
        let decoded = percent_encoding::percent_decode_str(file).decode_utf8_lossy();
        // A decoded control character (`%0A`) names no file of the
        // archive: such a link is only an address on the site, if any.
        if !href.starts_with('/') && !decoded.chars().any(char::is_control) {
            let path = key::lexical(&dir.join(decoded.as_ref()));
            return Some(clean_inline(&path.to_string_lossy()));
        }
    }
    let url = base.url.as_ref()?.join(href).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| clean_inline(url.as_str()))
}

/// Whether a relative link names a Markdown or HTML file.
fn is_article_file_link(href: &str) -> bool {
    let bare = href.split(['#', '?']).next().unwrap_or_default();
    crate::tree::is_article_file(Path::new(bare))
}

/// Marks a stored link target that is an article file's path, not an
/// address's key (keys have no control characters).
const PATH_MARK: char = '\t';

/// The targets of the links `hrefs` (as [`hrefs`] found them in
/// `article`'s body), as
/// [`ArchiveLinks::targets`] looks them up, one a line, each once, in the
/// body's order: the key of an http(s) address ([`key::url_key`]), or
/// [`PATH_MARK`] and the path of an article file. All the work that does
/// not depend on the rest of the archive is done here, once per body (the
/// result is kept in `Article::links` and the metadata cache), so that
/// finding the links between all articles is only hash lookups.
pub fn link_keys(article: &Article, hrefs: &[String]) -> Box<str> {
    let archived = article
        .url()
        .and_then(key::strip_scheme)
        .is_some_and(|rest| key::unwrap_all(rest) != rest);
    // Parsed only for relative links other than the web archive's.
    let mut base: Option<LinkBase> = None;
    let mut buf = key::KeyBuf::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = String::new();
    for href in hrefs {
        let href = href.trim();
        let target = if let Some(rest) = key::strip_scheme(href) {
            buf.rest_key(rest).map(str::to_owned)
        } else if let (true, Some(path)) = (archived, href.strip_prefix("/web/")) {
            // `/web/<stamp>/<address>`, relative to the web archive.
            buf.rest_key(&format!("web.archive.org/web/{path}"))
                .map(str::to_owned)
        } else {
            let base = base.get_or_insert_with(|| LinkBase::of(article));
            match link_target(base, href) {
                Some(t) => match key::strip_scheme(&t) {
                    Some(rest) => buf.rest_key(rest).map(str::to_owned),
                    None => path_target(&t),
                },
                None => None,
            }
        };
        let Some(target) = target else { continue };
        if seen.insert(target.clone()) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&target);
        }
    }
    out.into_boxed_str()
}

/// [`link_keys`] of a body as read.
pub fn body_link_keys(article: &Article, body: &str) -> Box<str> {
    link_keys(article, &hrefs(body, article.format))
}

/// The stored form of a link to an article file (see [`link_keys`]).
fn path_target(path: &str) -> Option<String> {
    if path.contains("://") || path.bytes().any(|b| b.is_ascii_control()) {
        return None;
    }
    let tidy = key::tidy_path(Path::new(path));
    let tidy = tidy.to_str()?;
    let mut out = String::with_capacity(tidy.len() + 1);
    out.push(PATH_MARK);
    out.push_str(tidy);
    Some(out)
}

/// Which articles link to which: [`LinkGraph::out`] are the articles one
/// links to, [`LinkGraph::back`] those that link to it (in index order).
/// Both are kept flat, each list a range of one array: at a million
/// articles a list per article (two `Vec`s of 24 bytes, most of them
/// empty) cost ~50 MB before any link.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LinkGraph {
    out: Lists,
    back: Lists,
}

/// Lists of article indices, list `i` being `items[ends[i - 1]..ends[i]]`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Lists {
    ends: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    fn get(&self, i: usize) -> &[u32] {
        let Some(&end) = self.ends.get(i) else {
            return &[];
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.items.get(start as usize..end as usize).unwrap_or(&[])
    }

    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.ends.len()).map(|i| self.get(i))
    }
}

impl LinkGraph {
    /// The graph from each article's outgoing links, in article order.
    pub fn from_targets<L: AsRef<[u32]>>(targets: impl IntoIterator<Item = L>) -> LinkGraph {
        let mut out = Lists::default();
        for list in targets {
            out.items.extend_from_slice(list.as_ref());
            out.ends.push(out.items.len() as u32);
        }
        out.ends.shrink_to_fit();
        out.items.shrink_to_fit();
        // The backlinks by counting: how many link to each, then each
        // from in order.
        let count = out.ends.len();
        let mut ends = vec![0u32; count];
        for &to in &out.items {
            if let Some(n) = ends.get_mut(to as usize) {
                *n += 1;
            }
        }
        let mut total = 0u32;
        for end in &mut ends {
            total += *end;
            *end = total;
        }
        let mut items = vec![0u32; total as usize];
        let mut next: Vec<u32> = std::iter::once(0)
            .chain(ends.iter().copied())
            .take(count)
            .collect();
        for (from, targets) in out.iter().enumerate() {
            for &to in targets {
                if let Some(at) = next.get_mut(to as usize) {
                    items[*at as usize] = from as u32;
                    *at += 1;
                }
            }
        }
        LinkGraph {
            out,
            back: Lists { ends, items },
        }
    }

    /// The articles `i` links to.
    pub fn out(&self, i: usize) -> &[u32] {
        self.out.get(i)
    }

    /// The articles that link to `i`, in index order.
    pub fn back(&self, i: usize) -> &[u32] {
        self.back.get(i)
    }

    /// How many articles the graph is of.
    pub fn len(&self) -> usize {
        self.out.ends.len()
    }

    /// Whether it is of no article.
    pub fn is_empty(&self) -> bool {
        self.out.ends.is_empty()
    }

    /// How many articles link to some other, and how many are linked to.
    pub fn counts(&self) -> (usize, usize) {
        let linking = self.out.iter().filter(|t| !t.is_empty()).count();
        let linked = self.back.iter().filter(|t| !t.is_empty()).count();
        (linking, linked)
    }
}

#[cfg(test)]
mod tests;
