//! The stored index's header and fixed-width records.

use crate::cache::{FileKey, Stamp};

pub(crate) const MAGIC: [u8; 8] = *b"INKSRCH\x01";
/// Bumped whenever the layout changes.
pub(crate) const VERSION: u32 = 1;
pub(crate) const HEADER_LEN: usize = 8 + 4 * 4 + 8 + 8 * 7 + 8;
pub(crate) const DOC_LEN: usize = 40;
pub(crate) const SAMPLE_LEN: usize = 24;

/// Where each part of the file starts (see the module comment of
/// `stored`); the text starts right after the header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Header {
    /// [`content_version`] of the build that wrote it.
    pub(crate) content: u32,
    pub(crate) docs: u32,
    pub(crate) codes: u32,
    pub(crate) keys: u64,
    pub(crate) postings: u64,
    pub(crate) dict: u64,
    pub(crate) sample: u64,
    pub(crate) codes_at: u64,
    pub(crate) docs_at: u64,
    pub(crate) paths_at: u64,
    pub(crate) end: u64,
    pub(crate) crc: u32,
}

impl Header {
    /// The checksum `crc` holds, begun: over the header with `crc` zeroed,
    /// then (by the caller) the tables read at opening and the paths, in
    /// file order. The writer and the reader both start here, so they
    /// cannot disagree on what is summed.
    pub(crate) fn checksum_start(&self) -> crc32fast::Hasher {
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&Header { crc: 0, ..*self }.to_bytes());
        hasher
    }

    pub(crate) fn to_bytes(self) -> [u8; HEADER_LEN] {
        let mut out = Vec::with_capacity(HEADER_LEN);
        out.extend_from_slice(&MAGIC);
        for v in [VERSION, self.content, self.docs, self.codes] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let offsets = [
            self.keys,
            self.postings,
            self.dict,
            self.sample,
            self.codes_at,
            self.docs_at,
            self.paths_at,
            self.end,
        ];
        for v in offsets {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.crc.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.try_into().unwrap_or([0; HEADER_LEN])
    }

    /// The header, if `bytes` start with one of this version and build's
    /// folding whose parts are in order and end at `file_len`.
    pub(crate) fn parse(bytes: &[u8], file_len: u64) -> Option<Header> {
        let bytes = bytes.get(..HEADER_LEN)?;
        if bytes[..8] != MAGIC {
            return None;
        }
        let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap_or_default());
        let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or_default());
        if u32_at(8) != VERSION || u32_at(12) != content_version() {
            return None;
        }
        let header = Header {
            content: u32_at(12),
            docs: u32_at(16),
            codes: u32_at(20),
            keys: u64_at(24),
            postings: u64_at(32),
            dict: u64_at(40),
            sample: u64_at(48),
            codes_at: u64_at(56),
            docs_at: u64_at(64),
            paths_at: u64_at(72),
            end: u64_at(80),
            crc: u32_at(88),
        };
        let parts = [
            HEADER_LEN as u64,
            header.postings,
            header.dict,
            header.sample,
            header.codes_at,
            header.docs_at,
            header.paths_at,
            header.end,
        ];
        let ordered = parts.windows(2).all(|w| w[0] <= w[1]);
        let sizes = header.docs_at - header.codes_at.min(header.docs_at)
            == u64::from(header.codes) * 4
            && header.paths_at - header.docs_at.min(header.paths_at)
                == u64::from(header.docs) * DOC_LEN as u64
            && header.codes_at - header.sample.min(header.codes_at)
                == header.keys.div_ceil(super::DICT_BLOCK as u64) * SAMPLE_LEN as u64;
        (ordered && sizes && header.end == file_len).then_some(header)
    }
}

/// One stored body: which file version it was read from, and where its
/// path and packed text end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DocRecord {
    pub(crate) key: FileKey,
    pub(crate) body_offset: u64,
    pub(crate) path_end: u32,
    pub(crate) text_end: u64,
}

impl DocRecord {
    pub(crate) fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.key.size.to_le_bytes());
        out.extend_from_slice(&self.key.mtime.0.to_le_bytes());
        out.extend_from_slice(&self.key.mtime.1.to_le_bytes());
        out.extend_from_slice(&self.path_end.to_le_bytes());
        out.extend_from_slice(&self.body_offset.to_le_bytes());
        out.extend_from_slice(&self.text_end.to_le_bytes());
    }

    pub(crate) fn parse(b: &[u8]) -> DocRecord {
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        let i64_at = |i: usize| i64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
        DocRecord {
            key: FileKey {
                size: u64_at(0),
                mtime: Stamp(i64_at(8), u32_at(16)),
            },
            path_end: u32_at(20),
            body_offset: u64_at(24),
            text_end: u64_at(32),
        }
    }
}

/// The first key of a dictionary block, where the block starts in the
/// dictionary and where its first list starts in the postings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Sample {
    pub(crate) key: u64,
    pub(crate) dict: u64,
    pub(crate) postings: u64,
}

impl Sample {
    pub(crate) fn put(&self, out: &mut Vec<u8>) {
        for v in [self.key, self.dict, self.postings] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    pub(crate) fn parse(b: &[u8]) -> Sample {
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        Sample {
            key: u64_at(0),
            dict: u64_at(8),
            postings: u64_at(16),
        }
    }
}

/// A fingerprint of what folding and markup stripping make of a sample, so
/// an index written by a build that folds or strips differently is not
/// trusted.
pub(crate) fn content_version() -> u32 {
    const SAMPLE: &str = "<p>Ｈｅｌｌｏ [香港](https://x.example/a) 臺灣 ｶﾞ &amp; **粗** \
                          <img alt=\"圖\" src=\"b.png\"> `code`</p>\n# 標題\u{200B}ＡＢＣ  x";
    let mut text = String::new();
    let mut folder = crate::search::fold::Folder::new(&mut text);
    crate::search::strip::visible_text(SAMPLE, &mut |piece| folder.feed(piece, 0));
    folder.finish();
    crc32fast::hash(text.as_bytes()) ^ VERSION
}
