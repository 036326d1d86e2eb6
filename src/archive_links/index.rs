//! The index that finds the article a link leads to: a few sorted tables
//! keyed by the hashes of normalised addresses, numeric ids and paths.
//! Built from each article's own address keys ([`address_keys`], cached
//! with the article), so building it decodes nothing and allocates only
//! the maps. Looking up a stored link target ([`super::link_keys`]) is a
//! hash or two and allocates nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use foldhash::fast::RandomState;

use super::{PATH_MARK, key};
use crate::article::known::RELEASE_EVERY;
use crate::article::{AddressKey, Article};

mod sorted;

use sorted::SortedMap;

/// Finds the article a link leads to.
#[derive(Debug, Default)]
pub struct ArchiveLinks {
    /// The hosts of the articles' addresses (lower case, without `www.`):
    /// a link elsewhere is passed over before anything is decoded.
    hosts: HashSet<u64, RandomState>,
    /// Each by [`key::hash`] of its keys.
    by_key: SortedMap,
    /// By [`key::id_key`], for sites whose articles all have distinct ids.
    by_id: SortedMap,
    by_path: SortedMap,
}

/// The keys of `article`'s own addresses, as [`ArchiveLinks`] finds it by:
/// its `url`, its `original_url` (unless that is only the page `url` is
/// a web archive copy of) and its other addresses (`aliases`), each once,
/// in that order. The work of decoding every address is done here, once
/// per article (the result is kept in `Article::addresses` and the
/// metadata cache).
pub fn address_keys(article: &Article) -> Box<[AddressKey]> {
    let mut buf = key::KeyBuf::default();
    let url = article.url();
    let original = article.original_url().filter(|o| !wraps(url, o));
    let mut out: Vec<AddressKey> = Vec::with_capacity(1);
    for address in url
        .into_iter()
        .chain(original)
        .chain(article.aliases.iter().map(String::as_str))
    {
        let Some(k) = buf.url_key(address) else {
            continue;
        };
        let found = AddressKey {
            key: key::hash(k),
            host: key::hash(key::host(k)),
            id: key::id_key(k).map_or(0, key::hash),
        };
        if !out.iter().any(|o| o.key == found.key) {
            out.push(found);
        }
    }
    out.into_boxed_slice()
}

impl ArchiveLinks {
    /// The index of `articles`: each is found by its own addresses
    /// ([`address_keys`], taken from `Article::addresses` when known) and
    /// by its path; where two share one, by the first.
    pub fn new(articles: &[Article]) -> ArchiveLinks {
        ArchiveLinks::with_keys(articles, |_| None)
    }

    /// [`Self::new`], with `known(i)` giving the address keys of the
    /// article at `i` when they are not stored in it (made on a worker).
    pub fn with_keys<'k>(
        articles: &[Article],
        known: impl Fn(usize) -> Option<&'k [AddressKey]>,
    ) -> ArchiveLinks {
        let mut paths: Vec<(u64, u32)> = Vec::with_capacity(articles.len());
        // Every key with its article, then each distinct key with the
        // first article it names.
        // Sized from the keys' counts (an article whose keys are still to
        // be made is given two), not grown by doubling: at a million
        // articles each copy made while growing was ~30 MB more for a
        // moment.
        let room = articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.addresses
                    .count()
                    .or_else(|| Some(known(i)?.len()))
                    .unwrap_or(2)
            })
            .sum();
        let mut named: Vec<(u32, AddressKey)> = Vec::with_capacity(room);
        let mut fresh;
        for (i, article) in articles.iter().enumerate() {
            let stored = article.addresses.get();
            let keys: &[AddressKey] = if let Some(keys) = &stored {
                keys
            } else if let Some(keys) = known(i) {
                keys
            } else {
                fresh = address_keys(article);
                &fresh
            };
            named.extend(keys.iter().map(|k| (i as u32, *k)));
            paths.push((key::path_hash(&article.path), i as u32));
            // Keys read in place from the cache's mapped file: their pages
            // let go as the pass goes (see `library::link_graph_with`).
            if i % RELEASE_EVERY == RELEASE_EVERY - 1 || i + 1 == articles.len() {
                article.addresses.release_pages();
            }
        }
        named.sort_unstable_by_key(|(i, k)| (k.key, *i));
        named.dedup_by_key(|(_, k)| k.key);
        named.shrink_to_fit();
        let by_key = SortedMap::from_sorted(named.iter().map(|(i, k)| (k.key, *i)));
        named.sort_unstable_by_key(|(i, k)| (*i, k.key));
        let hosts = named.iter().map(|(_, k)| k.host).collect();
        ArchiveLinks {
            hosts,
            by_key,
            by_id: ids(&named),
            by_path: SortedMap::new(paths),
        }
    }

    /// The article `link` (as [`link_target`] gives it) leads to.
    pub fn resolve(&self, link: &str) -> Option<usize> {
        match key::strip_scheme(link.trim()) {
            Some(rest) => self.resolve_rest(rest),
            None if !link.contains("://") => self.by_path(Path::new(link)),
            None => None,
        }
    }

    fn by_path(&self, path: &Path) -> Option<usize> {
        self.by_path.get(key::path_hash(path)).map(|i| i as usize)
    }

    /// [`Self::resolve`] for an http(s) address given without its scheme.
    fn resolve_rest(&self, rest: &str) -> Option<usize> {
        let host = key::rest_host(rest);
        let known = if host.bytes().any(|b| b.is_ascii_uppercase()) {
            self.hosts.contains(&key::hash(&host.to_ascii_lowercase()))
        } else {
            self.hosts.contains(&key::hash(host))
        };
        // A percent-escaped host is rare: decode it to be sure.
        if !known && !host.contains('%') {
            return None;
        }
        // On a site with numeric ids the id says it, before any decoding.
        if !self.by_id.is_empty() {
            let id = key::raw_id_key(rest);
            if let Some(i) = id.and_then(|id| self.by_id.get(key::hash(&id))) {
                return Some(i as usize);
            }
        }
        self.resolve_key(key::KeyBuf::default().rest_key(rest)?)
    }

    /// The article a normalised key ([`key::url_key`]) names.
    fn resolve_key(&self, key: &str) -> Option<usize> {
        if !self.hosts.contains(&key::hash(key::host(key))) {
            return None;
        }
        let found = self.by_key.get(key::hash(key)).or_else(|| {
            let id = key::id_key(key)?;
            self.by_id.get(key::hash(id))
        });
        found.map(|i| i as usize)
    }

    /// The other articles the article at index `from` links to, each once,
    /// in the body's order, from its stored link targets
    /// ([`super::link_keys`]). Only lookups of hashes: nothing is decoded or
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
/// `/article/12345/slug` does not.) `named`: each distinct key once.
fn ids(named: &[(u32, AddressKey)]) -> SortedMap {
    let mut by_id: HashMap<u64, (u32, u64), RandomState> = HashMap::default();
    let mut shared: HashSet<u64, RandomState> = HashSet::default();
    let mut count: HashMap<u64, usize, RandomState> = HashMap::default();
    for &(i, k) in named {
        if k.id == 0 {
            continue;
        }
        *count.entry(k.host).or_default() += 1;
        match by_id.get(&k.id) {
            Some(&(j, _)) if j != i => {
                shared.insert(k.host);
            }
            Some(_) => {}
            None => {
                by_id.insert(k.id, (i, k.host));
            }
        }
    }
    SortedMap::new(
        by_id
            .into_iter()
            .filter(|(_, (_, host))| {
                !shared.contains(host) && count.get(host).is_some_and(|&n| n >= 2)
            })
            .map(|(id, (i, _))| (id, i))
            .collect(),
    )
}
