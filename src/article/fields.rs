//! The front matter keys inkstone reads, as the front matter gave them,
//! before any normalisation. Every parser (the fast YAML one for the common
//! flat shape, `serde_yaml` for other YAML, TOML and JSON) produces this.
//!
//! Values borrow from the front matter's text where they can (the fast
//! parser's plain and unescaped quoted scalars): a load of 50,000 articles
//! then copies each value once, into the article, instead of twice.

use std::borrow::Cow;

use serde_yaml::Value;

/// One value as written, reduced to what normalisation needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw<'a> {
    /// `key:` with nothing, `~` or `null`.
    Null,
    /// A scalar; numbers and booleans as YAML prints them.
    Text(Cow<'a, str>),
    /// A list; only its scalar items are kept.
    List(Vec<Cow<'a, str>>),
    /// A nested mapping: never a usable value for the keys we read.
    Other,
}

/// The keys inkstone understands; everything else is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawFields<'a> {
    pub title: Option<Raw<'a>>,
    pub date: Option<Raw<'a>>,
    pub last_updated: Option<Raw<'a>>,
    /// Hugo's name for `last_updated`.
    pub lastmod: Option<Raw<'a>>,
    pub author: Option<Raw<'a>>,
    /// Hugo's list of authors.
    pub authors: Option<Raw<'a>>,
    pub draft: Option<Raw<'a>>,
    pub categories: Option<Raw<'a>>,
    pub category: Option<Raw<'a>>,
    pub tags: Option<Raw<'a>>,
    pub url: Option<Raw<'a>>,
    pub from: Option<Raw<'a>>,
    pub link: Option<Raw<'a>>,
    pub original_url: Option<Raw<'a>>,
}

impl<'a> RawFields<'a> {
    /// The slot for `key`, if it is one we read.
    pub fn slot(&mut self, key: &str) -> Option<&mut Option<Raw<'a>>> {
        // Dispatch on length first: this runs for every key of every file.
        let slot = match (key.len(), key) {
            (3, "url") => &mut self.url,
            (4, "date") => &mut self.date,
            (4, "tags") => &mut self.tags,
            (4, "from") => &mut self.from,
            (4, "link") => &mut self.link,
            (5, "title") => &mut self.title,
            (5, "draft") => &mut self.draft,
            (6, "author") => &mut self.author,
            (7, "authors") => &mut self.authors,
            (7, "lastmod") => &mut self.lastmod,
            (8, "category") => &mut self.category,
            (10, "categories") => &mut self.categories,
            (12, "last_updated") => &mut self.last_updated,
            (12, "original_url") => &mut self.original_url,
            _ => return None,
        };
        Some(slot)
    }
}

/// A scalar's text the way both parsers agree to spell it.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar_text(&tagged.value),
        Value::Null | Value::Sequence(_) | Value::Mapping(_) => None,
    }
}

/// Reduces a `serde_yaml` value to a [`Raw`].
pub fn raw_from_value(value: &Value) -> Raw<'static> {
    match value {
        Value::Null => Raw::Null,
        Value::Sequence(items) => Raw::List(
            items
                .iter()
                .filter_map(scalar_text)
                .map(Cow::Owned)
                .collect(),
        ),
        Value::Mapping(_) => Raw::Other,
        Value::Tagged(tagged) => raw_from_value(&tagged.value),
        scalar => scalar_text(scalar).map_or(Raw::Null, |text| Raw::Text(Cow::Owned(text))),
    }
}
