//! An article's two addresses in one allocation, or read in place from
//! bytes many articles share. Archived articles carry a link to the
//! archive's copy and the original address, and the first usually ends
//! with the second (`https://web.archive.org/web/<time>/` then the
//! original): the original is then kept as that tail, not a second copy.
//! At a million articles that is ~200 MB. A warm start goes further: the
//! links stay in the metadata cache's mapped file ([`Urls::shared`]),
//! where they take no memory until read (percent-encoded CJK links are
//! ~440 bytes each in the real archive: ~430 MB at a million).

use std::ops::Range;
use std::sync::Arc;

/// Bytes shared by many articles and never changed (the metadata cache's
/// mapped file), that links are read from in place.
pub type SharedBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// `url` and `original_url` (see [`super::Article::url`]).
#[derive(Clone)]
pub struct Urls {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    Owned {
        /// The link, then the original link when it is not the link's tail.
        text: Box<str>,
        /// `text[..url_end]` is the link, when there is one.
        url_end: Option<usize>,
        /// `text[start..end]` is the original link, when there is one.
        original: Option<(usize, usize)>,
    },
    /// Both links where they lie in `bytes` (start, length).
    Shared {
        bytes: SharedBytes,
        url: Option<(usize, u32)>,
        original: Option<(usize, u32)>,
    },
}

impl Default for Urls {
    fn default() -> Self {
        Urls::new(None, None)
    }
}

impl PartialEq for Urls {
    fn eq(&self, other: &Self) -> bool {
        self.url() == other.url() && self.original_url() == other.original_url()
    }
}

impl Eq for Urls {}

impl std::fmt::Debug for Urls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Urls")
            .field("url", &self.url())
            .field("original_url", &self.original_url())
            .finish()
    }
}

impl Urls {
    /// Both urls, as given.
    pub fn new(url: Option<&str>, original: Option<&str>) -> Urls {
        let url_end = url.map(str::len);
        let url = url.unwrap_or("");
        let owned = |text: Box<str>, original| Urls {
            repr: Repr::Owned {
                text,
                url_end,
                original,
            },
        };
        let Some(original) = original else {
            return owned(url.into(), None);
        };
        if url_end.is_some() && url.ends_with(original) {
            return owned(url.into(), Some((url.len() - original.len(), url.len())));
        }
        let mut text = String::with_capacity(url.len() + original.len());
        text.push_str(url);
        text.push_str(original);
        owned(
            text.into_boxed_str(),
            Some((url.len(), url.len() + original.len())),
        )
    }

    /// Both urls read in place from `bytes` at the ranges given, not
    /// copied. A range that is not valid UTF-8 inside `bytes` reads as no
    /// link (the bytes come from a file; the caller checked its checksum).
    pub fn shared(
        bytes: SharedBytes,
        url: Option<Range<usize>>,
        original: Option<Range<usize>>,
    ) -> Urls {
        let span = |r: Range<usize>| Some((r.start, u32::try_from(r.len()).ok()?));
        Urls {
            repr: Repr::Shared {
                bytes,
                url: url.and_then(span),
                original: original.and_then(span),
            },
        }
    }

    pub fn url(&self) -> Option<&str> {
        match &self.repr {
            Repr::Owned { text, url_end, .. } => url_end.map(|end| &text[..end]),
            Repr::Shared { bytes, url, .. } => read(bytes, (*url)?),
        }
    }

    pub fn original_url(&self) -> Option<&str> {
        match &self.repr {
            Repr::Owned { text, original, .. } => original.map(|(start, end)| &text[start..end]),
            Repr::Shared {
                bytes, original, ..
            } => read(bytes, (*original)?),
        }
    }
}

/// The text at (start, length) in `bytes`.
fn read(bytes: &SharedBytes, (start, len): (usize, u32)) -> Option<&str> {
    let end = start.checked_add(len as usize)?;
    std::str::from_utf8((**bytes).as_ref().get(start..end)?).ok()
}

#[cfg(test)]
mod tests {
    use super::{Repr, SharedBytes, Urls};
    use std::sync::Arc;

    #[test]
    fn each_link_reads_back_as_given() {
        let cases = [
            (None, None),
            (Some("https://a.example/1"), None),
            (None, Some("https://o.example/1")),
            (Some(""), Some("")),
            (Some("https://a.example/1"), Some("https://o.example/1")),
            (
                Some("https://archive.example/2020/https://o.example/新聞"),
                Some("https://o.example/新聞"),
            ),
            (Some("x"), Some("x")),
        ];
        for (url, original) in cases {
            let urls = Urls::new(url, original);
            assert_eq!(urls.url(), url);
            assert_eq!(urls.original_url(), original);
            assert_eq!(urls, Urls::new(url, original));
        }
    }

    #[test]
    fn an_original_at_the_end_of_the_link_is_not_stored_twice() {
        let url = "https://archive.example/web/1/https://o.example/a";
        let urls = Urls::new(Some(url), Some("https://o.example/a"));
        let Repr::Owned { text, .. } = &urls.repr else {
            panic!("owned")
        };
        assert_eq!(text.len(), url.len());
    }

    #[test]
    fn shared_links_read_in_place_and_damage_reads_as_none() {
        let bytes: SharedBytes = Arc::new(b"..https://a.example/\xff".to_vec());
        let urls = Urls::shared(Arc::clone(&bytes), Some(2..20), Some(10..20));
        assert_eq!(urls.url(), Some("https://a.example/"));
        assert_eq!(urls.original_url(), Some("a.example/"));
        assert_eq!(
            urls,
            Urls::new(Some("https://a.example/"), Some("a.example/"))
        );
        let bad = Urls::shared(Arc::clone(&bytes), Some(2..21), Some(20..99));
        assert_eq!((bad.url(), bad.original_url()), (None, None));
        assert_eq!(Urls::shared(bytes, None, None), Urls::default());
    }
}
