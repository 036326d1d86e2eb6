//! The index that finds the article a link leads to: a few hash maps
//! keyed by normalised address, numeric id and path, built once from the
//! articles' addresses and paths. Looking up a stored link target
//! ([`super::link_keys`]) is a hash or two and allocates nothing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use foldhash::fast::RandomState;

use super::{PATH_MARK, key};
use crate::article::Article;

/// Finds the article a link leads to.
#[derive(Debug, Default)]
pub struct ArchiveLinks {
    /// The hosts of the articles' addresses (lower case, without `www.`):
    /// a link elsewhere is passed over before anything is decoded.
    hosts: HashSet<Box<str>, RandomState>,
    by_key: HashMap<Box<str>, u32, RandomState>,
    /// By [`key::id_key`], for sites whose articles all have distinct ids.
    by_id: HashMap<Box<str>, u32, RandomState>,
    by_path: HashMap<PathBuf, u32, RandomState>,
}

impl ArchiveLinks {
    /// The index of `articles`: each is found by its `url`, its
    /// `original_url` and its other addresses (`aliases`), and by its path.
    pub fn new(articles: &[Article]) -> ArchiveLinks {
        let mut by_key: HashMap<Box<str>, u32, RandomState> =
            HashMap::with_capacity_and_hasher(articles.len() * 2, RandomState::default());
        let mut by_path: HashMap<PathBuf, u32, RandomState> =
            HashMap::with_capacity_and_hasher(articles.len(), RandomState::default());
        let mut buf = key::KeyBuf::default();
        let mut add = |address: &str, i: u32| {
            if let Some(key) = buf.url_key(address) {
                if !by_key.contains_key(key) {
                    by_key.insert(key.into(), i);
                }
            }
        };
        for (i, article) in articles.iter().enumerate() {
            let i = i as u32;
            let url = article.url();
            if let Some(url) = url {
                add(url, i);
            }
            // Usually the web archive's copy of `url`: the same key.
            if let Some(original) = article.original_url().filter(|o| !wraps(url, o)) {
                add(original, i);
            }
            for alias in &article.aliases {
                add(alias, i);
            }
            by_path.entry(key::tidy_path(&article.path)).or_insert(i);
        }
        let by_id = ids(&by_key);
        let mut hosts: HashSet<Box<str>, RandomState> = HashSet::default();
        for k in by_key.keys() {
            if !hosts.contains(key::host(k)) {
                hosts.insert(key::host(k).into());
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
            None if !link.contains("://") => self.by_path(&key::tidy_path(Path::new(link))),
            None => None,
        }
    }

    fn by_path(&self, path: &Path) -> Option<usize> {
        self.by_path.get(path).map(|&i| i as usize)
    }

    /// [`Self::resolve`] for an http(s) address given without its scheme.
    fn resolve_rest(&self, rest: &str) -> Option<usize> {
        let host = key::rest_host(rest);
        let known = if host.bytes().any(|b| b.is_ascii_uppercase()) {
            self.hosts.contains(host.to_ascii_lowercase().as_str())
        } else {
            self.hosts.contains(host)
        };
        // A percent-escaped host is rare: decode it to be sure.
        if !known && !host.contains('%') {
            return None;
        }
        // On a site with numeric ids the id says it, before any decoding.
        if !self.by_id.is_empty() {
            if let Some(&i) = key::raw_id_key(rest).and_then(|id| self.by_id.get(id.as_str())) {
                return Some(i as usize);
            }
        }
        self.resolve_key(key::KeyBuf::default().rest_key(rest)?)
    }

    /// The article a normalised key ([`key::url_key`]) names.
    fn resolve_key(&self, key: &str) -> Option<usize> {
        if !self.hosts.contains(key::host(key)) {
            return None;
        }
        let found = self.by_key.get(key).or_else(|| {
            let id = key::id_key(key)?;
            self.by_id.get(id)
        });
        found.map(|&i| i as usize)
    }

    /// The other articles the article at index `from` links to, each once,
    /// in the body's order, from its stored link targets
    /// ([`super::link_keys`]). Only hash lookups: nothing is decoded or
    /// allocated but the answer.
    pub fn targets(&self, from: usize, keys: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for target in keys.split('\n').filter(|t| !t.is_empty()) {
            let to = match target.strip_prefix(PATH_MARK) {
                Some(path) => self.by_path(Path::new(path)),
                None => self.resolve_key(target),
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
fn ids(by_key: &HashMap<Box<str>, u32, RandomState>) -> HashMap<Box<str>, u32, RandomState> {
    let mut by_id: HashMap<Box<str>, u32, RandomState> = HashMap::default();
    let mut shared: HashSet<&str, RandomState> = HashSet::default();
    let mut count: HashMap<&str, usize, RandomState> = HashMap::default();
    for (key, &i) in by_key {
        let Some(id) = key::id_key(key) else { continue };
        *count.entry(key::host(key)).or_default() += 1;
        match by_id.get(id) {
            Some(&j) if j != i => {
                shared.insert(key::host(key));
            }
            Some(_) => {}
            None => {
                by_id.insert(id.into(), i);
            }
        }
    }
    by_id.retain(|id, _| {
        let host = key::host(id);
        !shared.contains(host) && count.get(host).is_some_and(|&n| n >= 2)
    });
    by_id
}
