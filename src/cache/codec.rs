//! The cache file's bytes: a fixed header (magic, format version, payload
//! length, CRC-32 of the payload) then a postcard payload. Anything that
//! does not check out reads as "no cache".

use std::ops::Range;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Stamp;

const MAGIC: &[u8; 8] = b"INKCACHE";
/// Bump when the records below change shape.
const FORMAT: u32 = 4;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;
/// Files per separately decoded chunk: chunks decode in parallel.
const CHUNK: usize = 1024;

/// Everything but the files. `S` is `&str` when writing (borrowed from the
/// library, no copies) and `String` when reading.
#[derive(Debug, Serialize, Deserialize)]
pub struct Meta<S> {
    /// Identifies the inkstone build that parsed these articles: a new
    /// build may parse differently, so its cache is not trusted.
    pub build: Stamp,
    /// The library roots as given, to reject a cache for other paths.
    pub roots: Vec<S>,
    /// When the cache was written; entries modified at or after this are
    /// re-checked (they may have changed again within the same tick).
    pub written_at: Stamp,
    pub dirs: Vec<DirRecord<S>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DirRecord<S> {
    pub path: S,
    pub mtime: Stamp,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FileRecord<S> {
    pub path: S,
    pub size: u64,
    pub mtime: Stamp,
    pub article: Option<ArticleRecord<S>>,
    pub problems: Vec<ProblemRecord<S>>,
}

/// An `Article` whose `path` and body path are the file's own path.
#[derive(Debug, Serialize, Deserialize)]
pub struct ArticleRecord<S> {
    /// First: `id` and `original_url` are usually the url or its tail.
    pub url: Option<S>,
    pub id: UrlText<S>,
    pub original_url: Option<UrlText<S>>,
    pub title: S,
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    pub date: Option<i32>,
    /// `Article::datetime`: the instant (a [`Stamp`]) and its offset east
    /// of UTC in seconds.
    pub datetime: Option<(Stamp, i32)>,
    pub updated: Option<Stamp>,
    pub authors: Vec<S>,
    pub categories: Vec<S>,
    pub tags: Vec<S>,
    pub draft: bool,
    pub body_offset: u64,
    /// The file's encoding by its WHATWG name, when not UTF-8 (the body
    /// format comes from the path).
    pub encoding: Option<S>,
    /// `Article::body_hash`, for finding duplicates without reading bodies.
    pub body_hash: Option<u64>,
}

/// Text that is often the article's url or a tail of it (an archive link
/// ends with the original one), stored once.
#[derive(Debug, Serialize, Deserialize)]
pub enum UrlText<S> {
    Own(S),
    /// The url from this byte on (0: the whole url).
    UrlFrom(u32),
}

impl<'a> UrlText<&'a str> {
    pub fn new(text: &'a str, url: Option<&str>) -> Self {
        match url.and_then(|u| {
            u.len()
                .checked_sub(text.len())
                .filter(|&at| u.get(at..) == Some(text))
        }) {
            Some(at) => UrlText::UrlFrom(at as u32),
            None => UrlText::Own(text),
        }
    }
}

impl UrlText<String> {
    /// `None` when the offset does not fit the url (a damaged cache).
    pub fn resolve(self, url: Option<&str>) -> Option<String> {
        match self {
            UrlText::Own(s) => Some(s),
            UrlText::UrlFrom(at) => url?.get(at as usize..).map(str::to_owned),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ProblemRecord<S> {
    pub error: bool,
    pub reason: S,
}

/// Header, then `[len u32][meta]`, then `[len u32][chunk]...`, each a
/// postcard encoding; the CRC covers everything after the header.
pub fn encode(meta: &Meta<&str>, files: &[FileRecord<&str>]) -> Option<Vec<u8>> {
    let chunks: Vec<Vec<u8>> = files
        .par_chunks(CHUNK)
        .map(|c| postcard::to_stdvec(c).ok())
        .collect::<Option<_>>()?;
    let mut body = Vec::with_capacity(chunks.iter().map(|c| c.len() + 4).sum::<usize>() + 4096);
    for part in std::iter::once(postcard::to_stdvec(meta).ok()?).chain(chunks) {
        body.extend_from_slice(&u32::try_from(part.len()).ok()?.to_le_bytes());
        body.extend_from_slice(&part);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

/// The meta and where each undecoded file chunk lies in `bytes`; `None`
/// for anything but a complete, intact cache of this format.
pub fn decode(bytes: &[u8]) -> Option<(Meta<String>, Vec<Range<usize>>)> {
    let header = bytes.get(..HEADER_LEN)?;
    if &header[..8] != MAGIC || u32::from_le_bytes(header[8..12].try_into().ok()?) != FORMAT {
        return None;
    }
    let len = usize::try_from(u64::from_le_bytes(header[12..20].try_into().ok()?)).ok()?;
    let crc = u32::from_le_bytes(header[20..24].try_into().ok()?);
    let body = bytes.get(HEADER_LEN..)?;
    if body.len() != len || crc32fast::hash(body) != crc {
        return None;
    }
    let mut parts = Vec::new();
    let mut at = HEADER_LEN;
    while at < bytes.len() {
        let len = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        let end = (at + 4)
            .checked_add(len)
            .filter(|&end| end <= bytes.len())?;
        parts.push(at + 4..end);
        at = end;
    }
    let (meta, chunks) = parts.split_first()?;
    Some((
        postcard::from_bytes(&bytes[meta.clone()]).ok()?,
        chunks.to_vec(),
    ))
}

/// One chunk of files, decoded.
pub fn decode_chunk(chunk: &[u8]) -> Option<Vec<FileRecord<String>>> {
    postcard::from_bytes(chunk).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: &str) -> FileRecord<&str> {
        let url = "https://archive.example/web/1/https://news.example/a";
        FileRecord {
            path,
            size: 10,
            mtime: Stamp(7, 8),
            article: Some(ArticleRecord {
                url: Some(url),
                id: UrlText::new(url, Some(url)),
                original_url: Some(UrlText::new("https://news.example/a", Some(url))),
                title: "標題",
                date: Some(737_000),
                datetime: Some((Stamp(1_700_000_000, 5), 8 * 3600)),
                updated: None,
                authors: vec!["記者"],
                categories: vec![],
                tags: vec!["a", "b"],
                draft: false,
                body_offset: 42,
                encoding: Some("Big5"),
                body_hash: Some(7),
            }),
            problems: vec![ProblemRecord {
                error: false,
                reason: "odd",
            }],
        }
    }

    fn sample() -> Vec<u8> {
        let meta = Meta {
            build: Stamp(1, 2),
            roots: vec!["/a"],
            written_at: Stamp(3, 4),
            dirs: vec![],
        };
        let files: Vec<_> = (0..CHUNK * 2 + 5).map(|_| record("/a/x.md")).collect();
        encode(&meta, &files).unwrap()
    }

    #[test]
    fn round_trips_in_chunks() {
        let bytes = sample();
        let (meta, chunks) = decode(&bytes).unwrap();
        assert_eq!(meta.roots, ["/a"]);
        assert_eq!(chunks.len(), 3);
        let files = decode_chunk(&bytes[chunks[2].clone()]).unwrap();
        assert_eq!(files.len(), 5);
        let article = files.into_iter().next().unwrap().article.unwrap();
        let url = article.url.clone();
        assert!(matches!(article.id, UrlText::UrlFrom(0)));
        assert_eq!(
            article
                .original_url
                .unwrap()
                .resolve(url.as_deref())
                .unwrap(),
            "https://news.example/a"
        );
        assert_eq!((article.title.as_str(), article.body_offset), ("標題", 42));
        assert_eq!(article.datetime, Some((Stamp(1_700_000_000, 5), 8 * 3600)));
        assert_eq!(article.encoding.as_deref(), Some("Big5"));
    }

    #[test]
    fn url_text_is_shared_only_when_it_is_a_tail() {
        assert!(matches!(UrlText::new("x", Some("abc")), UrlText::Own("x")));
        assert!(matches!(
            UrlText::new("bc", Some("abc")),
            UrlText::UrlFrom(1)
        ));
        assert!(matches!(UrlText::new("abc", None), UrlText::Own(_)));
        assert!(matches!(
            UrlText::new("長", Some("很長")),
            UrlText::UrlFrom(3)
        ));
        assert_eq!(
            UrlText::<String>::UrlFrom(1).resolve(Some("長")),
            None,
            "not a char boundary"
        );
        assert_eq!(UrlText::<String>::UrlFrom(9).resolve(Some("abc")), None);
    }

    #[test]
    fn any_damage_reads_as_no_cache() {
        let good = sample();
        assert!(decode(&good[..good.len() - 1]).is_none(), "truncated");
        assert!(decode(&good[..10]).is_none(), "truncated header");
        assert!(decode(b"").is_none());
        let mut flipped = good.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x40;
        assert!(decode(&flipped).is_none(), "bit flip");
        let mut foreign = good.clone();
        foreign[..8].copy_from_slice(b"NOTMINE!");
        assert!(decode(&foreign).is_none(), "foreign");
        let mut newer = good;
        newer[8] = 99;
        assert!(decode(&newer).is_none(), "other format");
        assert!(decode_chunk(b"\xff\xff\xff").is_none());
    }
}
