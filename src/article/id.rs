//! An article's id (see `stable_id`: 16 hex digits) kept inside the
//! article: a `String` costs a 32-byte heap block beside its 24 bytes, ~31
//! MB at a million articles. Ids longer than the inline room (built by
//! hand, in tests) are boxed.

use std::cmp::Ordering;

use super::reads_as_str::reads_as_str;

/// Bytes an id can hold inline: as many as fit in the 24 bytes a boxed
/// one takes with its tag.
const INLINE: usize = 22;

/// An article's id: reads as `&str`.
#[derive(Clone)]
pub struct ArticleId(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Boxed(Box<str>),
}

impl ArticleId {
    pub fn new(text: &str) -> ArticleId {
        if text.len() > INLINE {
            return ArticleId(Repr::Boxed(text.into()));
        }
        let mut bytes = [0; INLINE];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        ArticleId(Repr::Inline {
            len: text.len() as u8,
            bytes,
        })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always whole UTF-8 (copied from a `&str`), so never "".
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Repr::Boxed(text) => text,
        }
    }
}

reads_as_str!(ArticleId);

impl From<String> for ArticleId {
    fn from(text: String) -> ArticleId {
        ArticleId::new(&text)
    }
}

impl From<&str> for ArticleId {
    fn from(text: &str) -> ArticleId {
        ArticleId::new(text)
    }
}

impl From<&ArticleId> for String {
    fn from(id: &ArticleId) -> String {
        id.as_str().to_owned()
    }
}

impl PartialEq for ArticleId {
    fn eq(&self, other: &ArticleId) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ArticleId {}

impl PartialOrd for ArticleId {
    fn partial_cmp(&self, other: &ArticleId) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ArticleId {
    fn cmp(&self, other: &ArticleId) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ArticleId;

    #[test]
    fn ids_read_back_as_given_inline_or_boxed() {
        for text in [
            "",
            "0123456789abcdef",
            "香港",
            "1234567890123456789012",
            "a/b/c/long-path.md",
        ] {
            let id = ArticleId::new(text);
            assert_eq!(id.as_str(), text);
            assert_eq!(id, text);
            assert_eq!(id, ArticleId::from(text.to_owned()));
        }
        assert!(ArticleId::new("a") < ArticleId::new("b"));
        assert_eq!(std::mem::size_of::<ArticleId>(), 24);
    }
}
