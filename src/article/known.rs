//! `Article::links` and `Article::addresses`: set once when learnt, or
//! read in place from the metadata cache's mapped file, where a warm start
//! leaves them. Copied out, they were ~120 bytes of heap an article
//! (~170 MB with their cells at a million), read only when the links
//! between articles are found and when the cache is written again.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use mapped::Mapped;

use super::AddressKey;

/// Bytes of an address key in the cache file: its key, host and id
/// hashes, little-endian.
pub const ADDRESS_KEY_LEN: usize = 24;

/// How many articles' link targets or address keys a pass over them all
/// reads in place before it lets the pages read go (see
/// [`KnownLinks::release_pages`]).
pub const RELEASE_EVERY: usize = 4096;

/// Where a value lies in a mapped file: `len` bytes from `at`.
#[derive(Clone)]
struct Place {
    file: Arc<Mapped>,
    at: u32,
    len: u32,
}

impl Place {
    /// `None` for a span the file does not hold, or beyond 4 GiB (then the
    /// value is copied out instead).
    fn new(file: Arc<Mapped>, span: std::ops::Range<usize>) -> Option<Place> {
        file.get(span.clone())?;
        Some(Place {
            at: u32::try_from(span.start).ok()?,
            len: u32::try_from(span.len()).ok()?,
            file,
        })
    }

    fn bytes(&self) -> &[u8] {
        let start = self.at as usize;
        self.file
            .get(start..start + self.len as usize)
            .unwrap_or_default()
    }
}

enum Held<T: ?Sized> {
    Owned(Box<T>),
    InPlace(Place),
}

impl<T: ?Sized> Clone for Held<T>
where
    Box<T>: Clone,
{
    fn clone(&self) -> Self {
        match self {
            Held::Owned(value) => Held::Owned(value.clone()),
            Held::InPlace(place) => Held::InPlace(place.clone()),
        }
    }
}

impl<T: ?Sized> Held<T> {
    fn release_pages(&self) {
        if let Held::InPlace(place) = self {
            place.file.release();
        }
    }
}

/// The body's link targets (see `Article::links`): one string.
#[derive(Clone, Default)]
pub struct KnownLinks(OnceLock<Held<str>>);

impl KnownLinks {
    /// Targets known from the start.
    pub fn owned(links: Box<str>) -> KnownLinks {
        KnownLinks(OnceLock::from(Held::Owned(links)))
    }

    /// Targets read in place from `span` of `file` (UTF-8 checked on each
    /// read: bytes that are not read as none), copied out if the span does
    /// not fit.
    pub fn in_place(file: &Arc<Mapped>, span: std::ops::Range<usize>) -> KnownLinks {
        match Place::new(Arc::clone(file), span.clone()) {
            Some(place) => KnownLinks(OnceLock::from(Held::InPlace(place))),
            None => file
                .get(span)
                .and_then(|b| std::str::from_utf8(b).ok())
                .map_or_else(KnownLinks::default, |s| KnownLinks::owned(s.into())),
        }
    }

    /// Whether the targets are known, without reading them.
    pub fn is_known(&self) -> bool {
        self.0.get().is_some()
    }

    pub fn get(&self) -> Option<&str> {
        match self.0.get()? {
            Held::Owned(text) => Some(text),
            Held::InPlace(place) => std::str::from_utf8(place.bytes()).ok(),
        }
    }

    /// Sets the targets if none are known; gives them back otherwise.
    pub fn set(&self, links: Box<str>) -> Result<(), Box<str>> {
        // `set` hands back the value it was given: always owned.
        self.0.set(Held::Owned(links)).map_err(|held| match held {
            Held::Owned(links) => links,
            Held::InPlace(_) => Box::default(),
        })
    }

    /// Lets the pages of the file these are read from go from the process's
    /// memory (see `Mapped::release`): after a pass over many articles'.
    pub fn release_pages(&self) {
        if let Some(held) = self.0.get() {
            held.release_pages();
        }
    }
}

/// The article's own address keys (see `Article::addresses`).
#[derive(Clone, Default)]
pub struct KnownAddresses(OnceLock<Held<[AddressKey]>>);

impl KnownAddresses {
    /// Keys known from the start.
    pub fn owned(keys: Box<[AddressKey]>) -> KnownAddresses {
        KnownAddresses(OnceLock::from(Held::Owned(keys)))
    }

    /// Keys read in place from `span` of `file` ([`ADDRESS_KEY_LEN`]
    /// bytes each), copied out if the span does not fit.
    pub fn in_place(file: &Arc<Mapped>, span: std::ops::Range<usize>) -> KnownAddresses {
        match Place::new(Arc::clone(file), span.clone()) {
            Some(place) => KnownAddresses(OnceLock::from(Held::InPlace(place))),
            None => KnownAddresses::owned(
                file.get(span)
                    .map(|bytes| decode_keys(bytes).collect())
                    .unwrap_or_default(),
            ),
        }
    }

    /// Whether the keys are known, without reading them.
    pub fn is_known(&self) -> bool {
        self.0.get().is_some()
    }

    /// How many keys are known, without reading them.
    pub fn count(&self) -> Option<usize> {
        match self.0.get()? {
            Held::Owned(keys) => Some(keys.len()),
            Held::InPlace(place) => Some(place.len as usize / ADDRESS_KEY_LEN),
        }
    }

    /// See [`KnownLinks::release_pages`].
    pub fn release_pages(&self) {
        if let Some(held) = self.0.get() {
            held.release_pages();
        }
    }

    /// The keys, when known; read in place ones are decoded on each call.
    pub fn get(&self) -> Option<Cow<'_, [AddressKey]>> {
        match self.0.get()? {
            Held::Owned(keys) => Some(Cow::Borrowed(keys)),
            Held::InPlace(place) => Some(Cow::Owned(decode_keys(place.bytes()).collect())),
        }
    }

    /// Sets the keys if none are known; gives them back otherwise.
    pub fn set(&self, keys: Box<[AddressKey]>) -> Result<(), Box<[AddressKey]>> {
        // As in `KnownLinks::set`.
        self.0.set(Held::Owned(keys)).map_err(|held| match held {
            Held::Owned(keys) => keys,
            Held::InPlace(_) => Box::default(),
        })
    }
}

/// The keys laid out as the cache file holds them (a partial key at the
/// end is left out).
pub fn decode_keys(bytes: &[u8]) -> impl Iterator<Item = AddressKey> + '_ {
    let hash = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
    bytes
        .chunks_exact(ADDRESS_KEY_LEN)
        .map(move |k| AddressKey {
            key: hash(&k[..8]),
            host: hash(&k[8..16]),
            id: hash(&k[16..24]),
        })
}

/// `key` as the cache file holds it (see [`decode_keys`]).
pub fn encode_key(key: &AddressKey) -> [u8; ADDRESS_KEY_LEN] {
    let mut out = [0; ADDRESS_KEY_LEN];
    out[..8].copy_from_slice(&key.key.to_le_bytes());
    out[8..16].copy_from_slice(&key.host.to_le_bytes());
    out[16..].copy_from_slice(&key.id.to_le_bytes());
    out
}

impl PartialEq for KnownLinks {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for KnownLinks {}

impl PartialEq for KnownAddresses {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for KnownAddresses {}

impl std::fmt::Debug for KnownLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl std::fmt::Debug for KnownAddresses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

#[cfg(test)]
mod tests;
