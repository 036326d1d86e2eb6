//! The parts of an address a key is made of, found without decoding or
//! copying: the scheme and web.archive.org wrappers taken off, the host,
//! the numeric id.

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
pub(super) fn without_port(host: &str) -> &str {
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
pub(super) fn unwrap_archive(rest: &str) -> Option<&str> {
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
pub(super) fn lower_prefix<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        .then(|| &s[prefix.len()..])
}
