//! The article model: what the rest of inkstone knows about one file,
//! normalised from either archive format.

mod aliases;
mod dates;
mod fields;
mod from_front;
mod front_matter;
mod hugo_front;
mod id;
pub mod known;
mod label;
mod label_lists;
mod normalise;
mod reads_as_str;
mod serde_front;
mod simple_front;
mod title;
mod title_text;
mod unprintable;
mod urls;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

pub use aliases::Aliases;
pub use from_front::{
    Origin, YamlParser, fast_path_accepts, from_front, from_front_matter, from_front_matter_with,
};
pub use front_matter::{FrontKind, Split, split};
pub use id::ArticleId;
pub use known::{KnownAddresses, KnownLinks};
pub use label::{Label, labels};
pub use label_lists::LabelLists;
pub use normalise::stable_id;
pub use title_text::Title;
pub use urls::{Shared, SharedBytes, Urls};

/// One article's metadata. Every string here has been through
/// `text::sanitize::clean_inline`, so it is safe to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identity for read marks: 16 hex digits hashed from the link
    /// when there is one, else from the path inside the archive (see
    /// [`stable_id`]).
    pub id: ArticleId,
    /// Where the article lives, for messages and `list --json`.
    pub path: std::sync::Arc<std::path::Path>,
    pub title: Title,
    /// Calendar date as written in the front matter (no time-zone shift).
    pub date: Option<NaiveDate>,
    /// The date with its time of day and offset, when the front matter
    /// gave a time (a time without a zone is UTC): orders by instant.
    pub datetime: Option<DateTime<FixedOffset>>,
    /// `last_updated` (or Hugo's `lastmod`), when present and readable.
    pub updated: Option<NaiveDateTime>,
    /// Authors (`author`, else `authors`), categories and tags: see
    /// [`Article::authors`], [`Article::categories`], [`Article::tags`].
    pub labels: LabelLists,
    /// The article's link and original link: see [`Article::url`] and
    /// [`Article::original_url`].
    pub urls: Urls,
    /// The article's other addresses: `from` and `link` when the front
    /// matter gives them beside `url` (and they differ from it and from
    /// `original_url`). Links to any of them lead to this article.
    pub aliases: Aliases,
    /// The targets of the body's links as `archive_links::link_keys`
    /// spells them, one a line (empty: no links); unset until the body
    /// has been read for them. Kept in the metadata cache, so a warm start
    /// finds the links between articles without reading any body. Set at
    /// most once, like a memo, possibly by the worker that reads the
    /// bodies while the articles are shared with the app (what it reads
    /// follows from the file, which the article already stands for).
    /// A warm start reads them in place from the cache's mapped file.
    pub links: KnownLinks,
    /// The article's own addresses (`url`, `original_url`, `aliases`) as
    /// `archive_links::address_keys` reduces them, so links to it can be
    /// found; unset until first needed. Kept in the metadata cache (like
    /// `links`), so a warm start decodes no address to find the links
    /// between articles (read in place from its mapped file, like `links`).
    pub addresses: KnownAddresses,
    /// `draft: true`: listed, and marked as a draft.
    pub draft: bool,
    /// How the body is written.
    pub format: BodyFormat,
    /// A 64-bit hash (xxh3) of the body's bytes, to find exact duplicates;
    /// `None` when the body was not read whole (see `library::Duplicates`).
    pub body_hash: Option<u64>,
    /// Where the body is, so it can be read only when needed.
    pub body: BodySource,
}

/// One address of an article, as links are matched against it: 64-bit
/// hashes (xxh3, fixed, so they can be cached) of its normalised key
/// (`archive_links::url_key`), of the key's host, and of the key cut after
/// its numeric id (`0` when it has none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct AddressKey {
    pub key: u64,
    pub host: u64,
    pub id: u64,
}

/// How an article's body is written: `.html`/`.htm` files are HTML,
/// everything else Markdown (which may hold raw HTML).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BodyFormat {
    #[default]
    Markdown,
    Html,
}

impl BodyFormat {
    /// The format of a file with this path.
    pub fn of_path(path: &std::path::Path) -> BodyFormat {
        let html = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if html {
            BodyFormat::Html
        } else {
            BodyFormat::Markdown
        }
    }
}

/// Where to find an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodySource {
    /// A file on disk; the body starts `offset` bytes in (after front
    /// matter). A file in another encoding than UTF-8 names it in
    /// `encoding`: then `offset` counts bytes of the file decoded to UTF-8.
    File {
        path: std::sync::Arc<std::path::Path>,
        offset: u64,
        encoding: Option<&'static encoding_rs::Encoding>,
    },
    /// A sample article compiled into the binary.
    Embedded { bytes: &'static [u8], offset: usize },
}

impl Article {
    /// An article with only an identity, a title and a body: no dates,
    /// people, labels or links. Builders fill in what they know with struct
    /// update syntax, so a new field is added here and nowhere else.
    pub fn bare(id: String, path: PathBuf, title: String, body: BodySource) -> Article {
        let path = shared_path(path, &body);
        Article {
            id: id.into(),
            path,
            title: title.into(),
            date: None,
            datetime: None,
            updated: None,
            labels: LabelLists::default(),
            urls: Urls::default(),
            aliases: Aliases::default(),
            links: KnownLinks::default(),
            addresses: KnownAddresses::default(),
            draft: false,
            format: BodyFormat::Markdown,
            body_hash: None,
            body,
        }
    }

    /// A test article titled `title` (its id too, file `<title>.md`) whose
    /// body is `body`: the one builder unit tests start from.
    #[cfg(test)]
    pub(crate) fn with_body(title: &str, body: &'static str) -> Article {
        Article::bare(
            title.to_owned(),
            PathBuf::from(format!("{title}.md")),
            title.to_owned(),
            BodySource::Embedded {
                bytes: body.as_bytes(),
                offset: 0,
            },
        )
    }

    /// [`Article::links`], when known.
    pub fn link_targets(&self) -> Option<&str> {
        self.links.get()
    }

    /// A test article with no body whose id, path and title are all `path`.
    #[cfg(test)]
    pub(crate) fn at_path(path: &str) -> Article {
        Article::bare(
            path.to_owned(),
            PathBuf::from(path),
            path.to_owned(),
            BodySource::Embedded {
                bytes: b"",
                offset: 0,
            },
        )
    }

    /// When it was published, for ordering: the instant of its date-time,
    /// else midnight UTC of its date (seconds since the Unix epoch and
    /// nanoseconds). Cheap: runs in every comparison of the list sort.
    pub fn instant(&self) -> Option<(i64, u32)> {
        match (self.datetime, self.date) {
            (Some(t), _) => Some((t.timestamp(), t.timestamp_subsec_nanos())),
            (None, Some(d)) => Some((d.and_time(chrono::NaiveTime::MIN).and_utc().timestamp(), 0)),
            (None, None) => None,
        }
    }

    /// The article's link: `url`, else `from`, else `link`, else `original_url`.
    pub fn url(&self) -> Option<&str> {
        self.urls.url()
    }

    /// `original_url` when it differs from [`Article::url`].
    pub fn original_url(&self) -> Option<&str> {
        self.urls.original_url()
    }

    /// Lets the pages of the metadata cache's mapped file that this
    /// article's links, link targets and address keys were read from go
    /// from the process's memory (the whole file's: see
    /// `Mapped::release`). For a pass over many articles, every few
    /// thousand (`known::RELEASE_EVERY`).
    pub fn release_cache_pages(&self) {
        self.urls.release_pages();
        self.links.release_pages();
        self.addresses.release_pages();
    }

    /// Sets both links (see [`Article::url`], [`Article::original_url`]).
    pub fn set_links(&mut self, url: Option<&str>, original_url: Option<&str>) {
        self.urls = Urls::new(url, original_url);
    }

    /// `author`, else `authors`.
    pub fn authors(&self) -> &[Label] {
        self.labels.authors()
    }

    pub fn categories(&self) -> &[Label] {
        self.labels.categories()
    }

    pub fn tags(&self) -> &[Label] {
        self.labels.tags()
    }

    /// The first category, shown as the article's source in the list.
    pub fn source(&self) -> Option<&str> {
        self.categories().first().map(Label::as_str)
    }

    /// Whether the front matter gave no usable title, so the body must be
    /// looked at (see [`Article::set_title_from_body`]).
    pub fn needs_title(&self) -> bool {
        self.title.is_empty()
    }

    /// Takes the title from the body's first `#` heading or `<h1>`, else
    /// from the file name. `body` is the start of the body, if it was read.
    pub fn set_title_from_body(&mut self, body: Option<&str>) {
        if let Some(title) = body.and_then(title::from_body) {
            self.title = title.into();
            return;
        }
        let name = self.path.file_name().unwrap_or(self.path.as_os_str());
        let title = crate::text::sanitize::clean_inline(&name.to_string_lossy());
        self.title = if title.is_empty() {
            "untitled".into()
        } else {
            title.into()
        };
    }
}

/// `path`, as the body's own when the body is that file (one copy of the
/// path, not two).
pub(crate) fn shared_path(path: PathBuf, body: &BodySource) -> std::sync::Arc<std::path::Path> {
    match body {
        BodySource::File { path: file, .. } if **file == *path => std::sync::Arc::clone(file),
        _ => path.into(),
    }
}

#[cfg(test)]
mod sample;
#[cfg(test)]
pub(crate) use sample::sample;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod yaml_tests;
