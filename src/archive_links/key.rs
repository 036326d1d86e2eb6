//! Link addresses reduced to what identifies an article: web.archive.org
//! wrappers taken off, percent-escapes decoded, and the scheme, `www.`,
//! fragment and trailing slash dropped, so every spelling of one page
//! gives one key.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

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

/// `text` with its `%XX` escapes decoded into `out` (cleared first); a `%`
/// not followed by two hex digits is kept as it is. Copies the runs
/// between escapes whole (decoding byte by byte was most of the cost of
/// indexing an archive's long escaped addresses).
fn percent_decode_into(text: &[u8], out: &mut Vec<u8>) {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    out.clear();
    out.reserve(text.len());
    let mut rest = text;
    while let Some(at) = memchr::memchr(b'%', rest) {
        out.extend_from_slice(&rest[..at]);
        let high = rest.get(at + 1).copied().and_then(hex);
        let low = rest.get(at + 2).copied().and_then(hex);
        if let (Some(high), Some(low)) = (high, low) {
            out.push(high << 4 | low);
            rest = &rest[at + 3..];
        } else {
            out.push(b'%');
            rest = &rest[at + 1..];
        }
    }
    out.extend_from_slice(rest);
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

/// The host an address without its scheme leads to, archive wrappers
/// taken off, as written (any case; `www.` and the port dropped). Cheap:
/// nothing is decoded or copied, so links can be sorted out by host first.
pub fn rest_host(rest: &str) -> &str {
    let rest = unwrap_all(rest);
    let rest = strip_scheme(rest).unwrap_or(rest);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    let host = lower_prefix(host, "www.").unwrap_or(host);
    bare_host(host)
}

/// [`id_key`] read from an address without its scheme as written, when
/// nothing up to the id is percent-escaped: no decoding, so a link to a
/// site with numeric ids is found by a hash of a short prefix.
pub fn raw_id_key(rest: &str) -> Option<String> {
    let rest = unwrap_all(rest);
    let rest = strip_scheme(rest).unwrap_or(rest);
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let rest = &rest[..end];
    let slash = rest.find('/')?;
    let host = bare_host(&rest[..slash]).to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut key = String::with_capacity(host.len() + 32);
    key.push_str(host);
    key.push_str(&rest[slash..]);
    let id = id_key(&key)?;
    (!id.contains('%')).then(|| id.to_owned())
}

/// `host` without a default port.
fn bare_host(host: &str) -> &str {
    without_port(host.strip_prefix("www.").unwrap_or(host))
}

/// `host` without a default port.
fn without_port(host: &str) -> &str {
    host.strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(host)
}

/// `rest` with every web.archive.org wrapper taken off.
pub fn unwrap_all(mut rest: &str) -> &str {
    while let Some(inner) = unwrap_archive(rest) {
        rest = inner;
    }
    rest
}

/// `url` after `http://` or `https://` (any case), or `None`. Looks at
/// the first eight bytes only (addresses run to thousands).
pub fn strip_scheme(url: &str) -> Option<&str> {
    lower_prefix(url, "https://").or_else(|| lower_prefix(url, "http://"))
}

/// `key` cut after its numeric id: `host/article/12345/some-slug` ->
/// `host/article/12345`. The id is the first path segment after the first
/// made only of at least three digits (shorter ones are months and days);
/// the query does not count (`?page=2` is a page of the same article).
/// `None` when there is none.
pub fn id_key(key: &str) -> Option<&str> {
    let key = key.split('?').next().unwrap_or(key);
    let mut segments = key.match_indices('/').map(|(i, _)| i).peekable();
    // Skip the host and the first path segment: a numeric first segment is
    // a year (`/2021/05/post`) more often than an id.
    segments.next()?;
    let mut start = segments.next()?;
    loop {
        let end = segments.peek().copied().unwrap_or(key.len());
        let segment = &key[start + 1..end];
        if segment.len() >= 3 && segment.bytes().all(|b| b.is_ascii_digit()) {
            return Some(&key[..end]);
        }
        start = segments.next()?;
    }
}

/// The host part of a key.
pub fn host(key: &str) -> &str {
    key.split(['/', '?']).next().unwrap_or(key)
}

/// The address inside `web.archive.org/web/<stamp>[flags]/<address>` (given
/// without its scheme), with its own scheme if it has one.
fn unwrap_archive(rest: &str) -> Option<&str> {
    let rest = lower_prefix(rest, "www.").unwrap_or(rest);
    let rest = lower_prefix(rest, "web.archive.org/web/")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let flags = rest[digits..]
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic() || *b == b'_')
        .count();
    let inner = rest[digits + flags..].strip_prefix('/')?;
    // The archive sometimes writes `https:/host` with one slash.
    for scheme in ["https:/", "http:/"] {
        if let Some(after) = lower_prefix(inner, scheme) {
            if !after.starts_with('/') {
                return Some(after);
            }
        }
    }
    Some(inner)
}

/// `s` after `prefix` (compared in any case).
fn lower_prefix<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        .then(|| &s[prefix.len()..])
}

/// [`lexical`], without its cost for a path that has no `.` or `..` part
/// (the walk's paths, mostly).
pub fn tidy_path(path: &Path) -> Cow<'_, Path> {
    let bytes = path.as_os_str().as_encoded_bytes();
    let dotted = bytes.first() == Some(&b'.')
        || bytes.last() == Some(&b'/')
        || memchr::memmem::find(bytes, b"/.").is_some()
        || memchr::memmem::find(bytes, b"//").is_some();
    if dotted {
        Cow::Owned(lexical(path))
    } else {
        Cow::Borrowed(path)
    }
}

/// `path` with `.` and `..` taken out without asking the file system, so
/// `a/b/../c.md` and `a/c.md` are one file.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;

    #[test]
    fn archive_wrappers_schemes_and_www_do_not_matter() {
        let want = Some("hkcnews.com/article/12345/標題".to_owned());
        for url in [
            "https://www.hkcnews.com/article/12345/%E6%A8%99%E9%A1%8C",
            "http://hkcnews.com/article/12345/標題/",
            "https://web.archive.org/web/20210712015219/https://www.hkcnews.com/article/12345/%E6%A8%99%E9%A1%8C",
            "https://web.archive.org/web/20210712015219id_/http://hkcnews.com/article/12345/標題#top",
            "http://web.archive.org/web/2021im_/https:/www.hkcnews.com/article/12345/標題",
            "HTTPS://WWW.HKCNEWS.COM/article/12345/%E6%A8%99%E9%A1%8C",
        ] {
            assert_eq!(url_key(url), want, "{url}");
        }
        assert_eq!(url_key("mailto:a@b.c"), None);
        assert_eq!(url_key("../2021/post.md"), None);
        assert_eq!(
            url_key("https://web.archive.org/web/").as_deref(),
            Some("web.archive.org/web")
        );
        assert_eq!(
            url_key("https://a.hk/x?id=3").as_deref(),
            Some("a.hk/x?id=3")
        );
        assert_eq!(
            rest_host("web.archive.org/web/2021/https://WWW.News.hk:443/a"),
            "News.hk"
        );
        assert_eq!(rest_host("a.hk?x"), "a.hk");
        assert_eq!(
            raw_id_key("web.archive.org/web/1/https://WWW.A.hk/article/123/%E7%94%B2").as_deref(),
            Some("a.hk/article/123")
        );
        assert_eq!(raw_id_key("a.hk/%E7%94%B2/123/x"), None);
    }

    #[test]
    fn ids_are_numbers_of_three_digits_or_more_after_the_first_segment() {
        assert_eq!(
            id_key("a.hk/article/12345/slug"),
            Some("a.hk/article/12345")
        );
        assert_eq!(id_key("a.hk/article/12345"), Some("a.hk/article/12345"));
        assert_eq!(id_key("a.hk/article/12345/x/y"), Some("a.hk/article/12345"));
        assert_eq!(id_key("a.hk/2021/05/post"), None);
        assert_eq!(id_key("a.hk/news/05/post"), None);
        assert_eq!(id_key("a.hk/p?id=123"), None);
        assert_eq!(
            id_key("a.hk/article/123/x?page=2"),
            Some("a.hk/article/123")
        );
        assert_eq!(id_key("a.hk"), None);
        assert_eq!(host("a.hk/x/1"), "a.hk");
    }

    #[test]
    fn escapes_decode_like_percent_encoding() {
        for text in ["a%E7%94%B2b", "%", "%4", "%zz%41", "100%", "%%41", "無%20"] {
            let mut out = Vec::new();
            percent_decode_into(text.as_bytes(), &mut out);
            let want: Vec<u8> = percent_decode_str(text).collect();
            assert_eq!(out, want, "{text}");
        }
    }

    #[test]
    fn paths_lose_dots_lexically() {
        assert_eq!(lexical(Path::new("a/b/../c/./d.md")), Path::new("a/c/d.md"));
        assert_eq!(lexical(Path::new("../x.md")), Path::new("../x.md"));
        assert_eq!(tidy_path(Path::new("a/./b//c.md")), Path::new("a/b/c.md"));
        assert_eq!(tidy_path(Path::new("a/b/c.md")), Path::new("a/b/c.md"));
    }
}
