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
pub type SharedBytes = Arc<dyn Shared>;

/// What [`SharedBytes`] hold: bytes, and a way to let the pages read go
/// when they are a mapped file.
pub trait Shared: AsRef<[u8]> + Send + Sync {
    /// Lets the pages read so far go from the process's memory (see
    /// `Mapped::release`); nothing for bytes that are in memory anyway.
    fn release(&self) {}
}

impl Shared for mapped::Mapped {
    fn release(&self) {
        mapped::Mapped::release(self);
    }
}

impl Shared for Vec<u8> {}

/// `url` and `original_url` (see [`super::Article::url`]): 32 bytes, the
/// text's holder and two 32-bit spans into it (64 with `usize` spans and
/// a holder per variant: ~30 MB more at a million articles).
#[derive(Clone)]
pub struct Urls {
    text: Text,
    url: Span,
    original: Span,
}

/// Where the links' bytes are.
#[derive(Clone)]
enum Text {
    /// The link, then the original link when it is not the link's tail.
    Owned(Box<str>),
    /// Bytes many articles share, behind one more pointer so that this
    /// holder is one word (the bytes' own pointer is two).
    Shared(Arc<SharedBytes>),
}

/// A link as (start, length) in the text; `start == u32::MAX`: none.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    const NONE: Span = Span {
        start: u32::MAX,
        len: 0,
    };

    /// `start..start + len`, when both fit (else none).
    fn of(start: usize, len: usize) -> Span {
        match (u32::try_from(start), u32::try_from(len)) {
            (Ok(start), Ok(len)) if start != u32::MAX => Span { start, len },
            _ => Span::NONE,
        }
    }

    fn range(self) -> Option<Range<usize>> {
        if self.start == u32::MAX {
            return None;
        }
        let start = self.start as usize;
        Some(start..start.checked_add(self.len as usize)?)
    }
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
    /// Both urls, as given. (A link of 4 GiB or more, which no article
    /// file read whole can hold beside its body, would read as none.)
    pub fn new(url: Option<&str>, original: Option<&str>) -> Urls {
        let url_span = url.map_or(Span::NONE, |u| Span::of(0, u.len()));
        let url = url.unwrap_or("");
        let owned = |text: Box<str>, original| Urls {
            text: Text::Owned(text),
            url: url_span,
            original,
        };
        let Some(original) = original else {
            return owned(url.into(), Span::NONE);
        };
        if url_span.start != u32::MAX && url.ends_with(original) {
            return owned(
                url.into(),
                Span::of(url.len() - original.len(), original.len()),
            );
        }
        let mut text = String::with_capacity(url.len() + original.len());
        text.push_str(url);
        text.push_str(original);
        owned(text.into_boxed_str(), Span::of(url.len(), original.len()))
    }

    /// Both urls read in place from `bytes` at the ranges given, not
    /// copied. A range that is not valid UTF-8 inside `bytes` reads as no
    /// link (the bytes come from a file; the caller checked its checksum).
    /// Links past the first 4 GiB of `bytes` are copied instead.
    pub fn shared(
        bytes: &Arc<SharedBytes>,
        url: Option<Range<usize>>,
        original: Option<Range<usize>>,
    ) -> Urls {
        let fits = |r: &Option<Range<usize>>| {
            r.as_ref()
                .is_none_or(|r| u32::try_from(r.end).is_ok_and(|end| end < u32::MAX))
        };
        let span = |r: Option<Range<usize>>| r.map_or(Span::NONE, |r| Span::of(r.start, r.len()));
        if fits(&url) && fits(&original) {
            return Urls {
                text: Text::Shared(Arc::clone(bytes)),
                url: span(url),
                original: span(original),
            };
        }
        let read = |r: Option<Range<usize>>| read(bytes, r?);
        Urls::new(read(url), read(original))
    }

    pub fn url(&self) -> Option<&str> {
        self.read(self.url)
    }

    pub fn original_url(&self) -> Option<&str> {
        self.read(self.original)
    }

    /// Lets the pages of the mapped file these links are read from go
    /// (see [`Shared::release`]): after a pass over many articles' links,
    /// which would otherwise keep every page it read (~430 MB at a
    /// million articles).
    pub fn release_pages(&self) {
        if let Text::Shared(bytes) = &self.text {
            bytes.release();
        }
    }

    /// The bytes these links are read from in place, if any (several
    /// articles' are the same: compare with `Arc::ptr_eq`).
    pub fn shared_bytes(&self) -> Option<&SharedBytes> {
        match &self.text {
            Text::Shared(bytes) => Some(bytes),
            Text::Owned(_) => None,
        }
    }

    fn read(&self, span: Span) -> Option<&str> {
        let range = span.range()?;
        match &self.text {
            Text::Owned(text) => text.get(range),
            Text::Shared(bytes) => read(bytes, range),
        }
    }
}

/// The text at `range` in `bytes`.
fn read(bytes: &SharedBytes, range: Range<usize>) -> Option<&str> {
    std::str::from_utf8((**bytes).as_ref().get(range)?).ok()
}

#[cfg(test)]
mod tests {
    use super::{SharedBytes, Text, Urls};
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
        let Text::Owned(text) = &urls.text else {
            panic!("owned")
        };
        assert_eq!(text.len(), url.len());
        assert_eq!(std::mem::size_of::<Urls>(), 32);
    }

    #[test]
    fn shared_links_read_in_place_and_damage_reads_as_none() {
        let bytes: Arc<SharedBytes> = Arc::new(Arc::new(b"..https://a.example/\xff".to_vec()));
        let urls = Urls::shared(&bytes, Some(2..20), Some(10..20));
        assert_eq!(urls.url(), Some("https://a.example/"));
        assert_eq!(urls.original_url(), Some("a.example/"));
        assert_eq!(
            urls,
            Urls::new(Some("https://a.example/"), Some("a.example/"))
        );
        let bad = Urls::shared(&bytes, Some(2..21), Some(20..99));
        assert_eq!((bad.url(), bad.original_url()), (None, None));
        assert_eq!(Urls::shared(&bytes, None, None), Urls::default());
    }
}
