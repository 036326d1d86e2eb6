//! The cache file's bytes: a fixed header (magic, format version, payload
//! length, CRC-32 of the payload) then a postcard payload. Anything that
//! does not check out reads as "no cache".

use serde::{Deserialize, Serialize};

use super::Stamp;

const MAGIC: &[u8; 8] = b"INKCACHE";
/// Bump when the records below change shape.
const FORMAT: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// Everything the cache holds. `S` is `&str` when writing (borrowed from
/// the library, no copies) and `String` when reading.
#[derive(Debug, Serialize, Deserialize)]
pub struct Payload<S> {
    /// Identifies the inkstone build that parsed these articles: a new
    /// build may parse differently, so its cache is not trusted.
    pub build: Stamp,
    /// The library roots as given, to reject a cache for other paths.
    pub roots: Vec<S>,
    /// When the cache was written; entries modified at or after this are
    /// re-checked (they may have changed again within the same tick).
    pub written_at: Stamp,
    pub dirs: Vec<DirRecord<S>>,
    /// Files in library order: articles as sorted, then failed files.
    pub files: Vec<FileRecord<S>>,
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
    pub id: S,
    pub title: S,
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    pub date: Option<i32>,
    pub updated: Option<Stamp>,
    pub authors: Vec<S>,
    pub categories: Vec<S>,
    pub tags: Vec<S>,
    pub url: Option<S>,
    pub original_url: Option<S>,
    pub body_offset: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ProblemRecord<S> {
    pub error: bool,
    pub reason: S,
}

pub fn encode(payload: &Payload<&str>) -> Option<Vec<u8>> {
    let body = postcard::to_stdvec(payload).ok()?;
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

/// `None` for anything but a complete, intact cache of this format.
pub fn decode(bytes: &[u8]) -> Option<Payload<String>> {
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
    postcard::from_bytes(body).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let payload = Payload {
            build: Stamp(1, 2),
            roots: vec!["/a"],
            written_at: Stamp(3, 4),
            dirs: vec![DirRecord {
                path: "/a",
                mtime: Stamp(5, 6),
            }],
            files: vec![FileRecord {
                path: "/a/x.md",
                size: 10,
                mtime: Stamp(7, 8),
                article: Some(ArticleRecord {
                    id: "id",
                    title: "標題",
                    date: Some(737_000),
                    updated: None,
                    authors: vec!["記者"],
                    categories: vec![],
                    tags: vec!["a", "b"],
                    url: None,
                    original_url: Some("https://x"),
                    body_offset: 42,
                }),
                problems: vec![ProblemRecord {
                    error: false,
                    reason: "odd",
                }],
            }],
        };
        encode(&payload).unwrap()
    }

    #[test]
    fn round_trips() {
        let decoded = decode(&sample()).unwrap();
        assert_eq!(decoded.roots, ["/a"]);
        let article = decoded.files[0].article.as_ref().unwrap();
        assert_eq!((article.title.as_str(), article.body_offset), ("標題", 42));
        assert_eq!(decoded.files[0].problems[0].reason, "odd");
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
    }
}
