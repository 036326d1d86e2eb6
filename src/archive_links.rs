//! Links between the articles of the loaded archive: which body link leads
//! to which article, and which articles link to one (backlinks). Pure: the
//! bodies are read by the caller (the reader on a worker, `list --json`),
//! and nothing here knows of the terminal.
//!
//! A link finds its article by the article's `url` or `original_url` (the
//! loader keeps `from` and `link` as `url` when there is no `url`), compared
//! as [`key::url_key`] spells them (archive wrappers off, decoded, no
//! scheme, `www.` or trailing slash); on a site whose addresses carry a
//! numeric id, by the id alone (the slug after it may differ); or, for a
//! relative link to an article file, by the file's path.

mod extract;
mod key;

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;
use std::path::{Path, PathBuf};

use url::Url;

pub use extract::hrefs;
pub use key::url_key;

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
    let file_link = is_article_file_link(href);
    match (&base.url, &base.dir) {
        (_, Some(dir)) if file_link && !href.starts_with('/') => {
            let file = href.split(['#', '?']).next().unwrap_or_default();
            let decoded = percent_encoding::percent_decode_str(file).decode_utf8_lossy();
            let path = key::lexical(&dir.join(decoded.as_ref()));
            Some(clean_inline(&path.to_string_lossy()))
        }
        (Some(url), _) => {
            let url = url.join(href).ok()?;
            matches!(url.scheme(), "http" | "https").then(|| clean_inline(url.as_str()))
        }
        _ => None,
    }
}

/// Whether a relative link names a Markdown or HTML file.
fn is_article_file_link(href: &str) -> bool {
    let bare = href.split(['#', '?']).next().unwrap_or_default();
    crate::tree::is_article_file(Path::new(bare))
}

/// Finds the article a link leads to. Built once from the articles' links
/// and paths (a few hash maps); each lookup is a hash or two.
#[derive(Debug, Default)]
pub struct ArchiveLinks {
    /// The hosts of the articles' links (lower case, without `www.`): a
    /// link elsewhere is passed over before anything is decoded.
    hosts: HashSet<String, RandomState>,
    by_key: HashMap<String, u32, RandomState>,
    /// By [`key::id_key`], for sites whose articles all have distinct ids.
    by_id: HashMap<String, u32, RandomState>,
    by_path: HashMap<PathBuf, u32, RandomState>,
}

impl ArchiveLinks {
    pub fn new(articles: &[Article]) -> ArchiveLinks {
        let mut by_key: HashMap<String, u32, RandomState> =
            HashMap::with_capacity_and_hasher(articles.len() * 2, RandomState::default());
        let mut by_path: HashMap<PathBuf, u32, RandomState> =
            HashMap::with_capacity_and_hasher(articles.len(), RandomState::default());
        for (i, article) in articles.iter().enumerate() {
            let i = i as u32;
            let (url, original) = (article.url(), article.original_url());
            if let Some(key) = url.and_then(url_key) {
                by_key.entry(key).or_insert(i);
            }
            // Usually the web archive's copy of `url`: the same key.
            if let Some(key) = original.filter(|o| !wraps(url, o)).and_then(url_key) {
                by_key.entry(key).or_insert(i);
            }
            by_path.entry(key::tidy_path(&article.path)).or_insert(i);
        }
        let by_id = ids(&by_key);
        let mut hosts: HashSet<String, RandomState> = HashSet::default();
        for k in by_key.keys() {
            if !hosts.contains(key::host(k)) {
                hosts.insert(key::host(k).to_owned());
            }
        }
        ArchiveLinks {
            hosts,
            by_key,
            by_id,
            by_path,
        }
    }

    /// The article `link` (as [`link_target`] gives it) leads to.
    pub fn resolve(&self, link: &str) -> Option<usize> {
        match key::strip_scheme(link.trim()) {
            Some(rest) => self.resolve_rest(rest),
            None if !link.contains("://") => self
                .by_path
                .get(&key::tidy_path(Path::new(link)))
                .map(|&i| i as usize),
            None => None,
        }
    }

    /// [`Self::resolve`] for an http(s) address given without its scheme.
    fn resolve_rest(&self, rest: &str) -> Option<usize> {
        let host = key::rest_host(rest);
        let known = if host.bytes().any(|b| b.is_ascii_uppercase()) {
            self.hosts.contains(&host.to_ascii_lowercase())
        } else {
            self.hosts.contains(host)
        };
        // A percent-escaped host is rare: decode it to be sure.
        if !known && !host.contains('%') {
            return None;
        }
        // On a site with numeric ids the id says it, before any decoding.
        if !self.by_id.is_empty() {
            if let Some(&i) = key::raw_id_key(rest).and_then(|id| self.by_id.get(&id)) {
                return Some(i as usize);
            }
        }
        let key = key::rest_key(rest)?;
        let found = self.by_key.get(&key).or_else(|| {
            let id = key::id_key(&key)?;
            self.by_id.get(id)
        });
        found.map(|&i| i as usize)
    }

    /// The other articles `article` (at index `from`) links to, each once,
    /// in the body's order; `hrefs` as [`hrefs`] found them.
    pub fn targets(&self, from: usize, article: &Article, hrefs: &[String]) -> Vec<u32> {
        // Parsed only for relative links other than the web archive's.
        let mut base: Option<LinkBase> = None;
        let archived = article
            .url()
            .and_then(key::strip_scheme)
            .is_some_and(|rest| key::unwrap_all(rest) != rest);
        let mut out: Vec<u32> = Vec::new();
        for href in hrefs {
            let href = href.trim();
            let to = if let Some(rest) = key::strip_scheme(href) {
                self.resolve_rest(rest)
            } else if let (true, Some(path)) = (archived, href.strip_prefix("/web/")) {
                // `/web/<stamp>/<address>`, relative to the web archive.
                self.resolve_rest(&format!("web.archive.org/web/{path}"))
            } else {
                let base = base.get_or_insert_with(|| LinkBase::of(article));
                link_target(base, href).and_then(|t| self.resolve(&t))
            };
            let Some(to) = to else { continue };
            if to != from && !out.contains(&(to as u32)) {
                out.push(to as u32);
            }
        }
        out
    }
}

/// Whether `url` is a web archive copy of `original` (so it has the same
/// key), judged on the text as written.
fn wraps(url: Option<&str>, original: &str) -> bool {
    let (Some(url), Some(original)) = (
        url.and_then(key::strip_scheme),
        key::strip_scheme(original.trim()),
    ) else {
        return false;
    };
    let inner = key::unwrap_all(url);
    inner != url && key::strip_scheme(inner).unwrap_or(inner) == original
}

/// The id index: for each host on which at least two articles have a
/// numeric id and no two different addresses share one, id -> article.
/// (A blog's `/2021/05/...` would share its "id"; a news site's
/// `/article/12345/slug` does not.)
fn ids(by_key: &HashMap<String, u32, RandomState>) -> HashMap<String, u32, RandomState> {
    let mut by_id: HashMap<String, u32, RandomState> = HashMap::default();
    let mut shared: HashSet<String> = HashSet::new();
    let mut count: HashMap<&str, usize, RandomState> = HashMap::default();
    for (key, &i) in by_key {
        let Some(id) = key::id_key(key) else { continue };
        *count.entry(key::host(key)).or_default() += 1;
        match by_id.get(id) {
            Some(&j) if j != i => {
                shared.insert(key::host(key).to_owned());
            }
            Some(_) => {}
            None => {
                by_id.insert(id.to_owned(), i);
            }
        }
    }
    by_id.retain(|id, _| {
        let host = key::host(id);
        !shared.contains(host) && count.get(host).is_some_and(|&n| n >= 2)
    });
    by_id
}

/// Which articles link to which: `out[i]` are the articles `i` links to,
/// `back[i]` those that link to `i` (both in index order for `back`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LinkGraph {
    pub out: Vec<Vec<u32>>,
    pub back: Vec<Vec<u32>>,
}

impl LinkGraph {
    /// The graph from each article's outgoing links.
    pub fn from_out(out: Vec<Vec<u32>>) -> LinkGraph {
        let mut back: Vec<Vec<u32>> = vec![Vec::new(); out.len()];
        for (from, targets) in out.iter().enumerate() {
            for &to in targets {
                if let Some(list) = back.get_mut(to as usize) {
                    list.push(from as u32);
                }
            }
        }
        LinkGraph { out, back }
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
