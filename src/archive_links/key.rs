//! Link addresses reduced to what identifies an article: web.archive.org
//! wrappers taken off, percent-escapes decoded, and the scheme, `www.`,
//! fragment and trailing slash dropped, so every spelling of one page
//! gives one key.

mod address;
mod escapes;
mod path;

use std::path::Path;

pub use address::{host, id_key, raw_id_key, rest_host, strip_scheme, unwrap_all};
use address::{lower_prefix, unwrap_archive, without_port};
pub use escapes::percent_decode_into;
pub use path::{lexical, tidy_path};

/// The 64-bit hash the index stores for a key, a host or an id: xxh3,
/// fixed (hashes of an article's own addresses are kept in the metadata
/// cache), and never 0, which stands for "no id". Two different keys
/// sharing a hash would make a false link; among the ~10^5 addresses and
/// ~10^5 distinct link targets of a 49k archive the odds are ~10^-9.
pub fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes()).max(1)
}

/// [`hash`] of a path in its [`tidy_path`] spelling (so `a/./b.md` and
/// `a/b.md` are one file), without copying a path that is already tidy.
pub fn path_hash(path: &Path) -> u64 {
    xxhash_rust::xxh3::xxh3_64(tidy_path(path).as_os_str().as_encoded_bytes())
}

/// The key of an absolute http(s) address (possibly inside web.archive.org
/// wrappers): `host/path?query`, host lower-case without `www.`. `None`
/// for anything else (mailto:, relative paths, a bare host, a key with a
/// control character).
pub fn url_key(url: &str) -> Option<String> {
    KeyBuf::default().url_key(url).map(str::to_owned)
}

/// Buffers reused from key to key: once they have grown, normalising an
/// address allocates nothing (the index of a large archive makes a
/// hundred thousand keys).
#[derive(Debug, Default)]
pub struct KeyBuf {
    decoded: Vec<u8>,
    key: String,
}

impl KeyBuf {
    /// [`url_key`], borrowed from the buffer.
    pub fn url_key(&mut self, url: &str) -> Option<&str> {
        self.rest_key(strip_scheme(url.trim())?)
    }

    /// [`rest_key`], borrowed from the buffer.
    pub fn rest_key(&mut self, rest: &str) -> Option<&str> {
        let rest = unwrap_all(rest);
        self.key.clear();
        let built = if memchr::memchr(b'%', rest.as_bytes()).is_some() {
            percent_decode_into(rest.as_bytes(), &mut self.decoded);
            match std::str::from_utf8(&self.decoded) {
                Ok(decoded) => build_key(decoded, &mut self.key),
                Err(_) => build_key(&String::from_utf8_lossy(&self.decoded), &mut self.key),
            }
        } else {
            build_key(rest, &mut self.key)
        };
        built.then_some(self.key.as_str())
    }
}

/// Writes the key of a decoded address without its scheme into `key`
/// (empty); false when it has none.
fn build_key(decoded: &str, key: &mut String) -> bool {
    // Wrapped addresses may repeat the scheme after decoding (`%3A%2F%2F`).
    let mut rest = decoded;
    while let Some(inner) = strip_scheme(rest).and_then(unwrap_archive) {
        rest = inner;
    }
    let rest = strip_scheme(rest).unwrap_or(rest);
    let rest = rest.split('#').next().unwrap_or_default();
    let (host, path) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = lower_prefix(host, "www.").unwrap_or(host);
    let host = without_port(host);
    if host.is_empty() || !host.contains('.') && !host.eq_ignore_ascii_case("localhost") {
        return false;
    }
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    let path = path.trim_end_matches('/');
    // Keys are stored one a line (`Article::links`): no control
    // characters, which no real address has.
    if [host, path, query.unwrap_or_default()]
        .iter()
        .any(|part| part.bytes().any(|b| b.is_ascii_control()))
    {
        return false;
    }
    key.reserve(host.len() + path.len() + 1);
    key.extend(host.chars().map(|c| c.to_ascii_lowercase()));
    key.push_str(path);
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        key.push('?');
        key.push_str(query);
    }
    true
}

#[cfg(test)]
mod tests;
