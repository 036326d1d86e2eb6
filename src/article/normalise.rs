//! From raw front matter values to the [`Article`] model: the field aliases,
//! list-or-string forms and cleaning rules of both archive formats.

use std::borrow::Cow;
use std::collections::HashSet;

use super::dates;
use super::fields::{Raw, RawFields};
use super::{Article, BodyFormat, Origin};
use crate::problem::Severity;
use crate::text::sanitize::{clean_inline, clean_inline_cow};
use crate::text::width::truncate;

/// How much of a bad value a problem message quotes.
const QUOTE_COLUMNS: usize = 40;

pub fn article(
    fields: RawFields<'_>,
    origin: Origin<'_>,
    report: &mut Vec<(Severity, String)>,
) -> Article {
    let (date, datetime) = date(fields.date.as_ref(), report).unzip();
    let updated = match (&fields.last_updated, &fields.lastmod) {
        (Some(_), _) => updated("last_updated", fields.last_updated.as_ref(), report),
        (None, lastmod) => updated("lastmod", lastmod.as_ref(), report),
    };
    let original_url = single(fields.original_url);
    let mut addresses = [fields.url, fields.from, fields.link]
        .into_iter()
        .filter_map(single);
    let url = addresses.next().or_else(|| original_url.clone());
    let original_url = original_url.filter(|o| Some(o) != url.as_ref());
    // `from` and `link` beside `url`: other addresses of the same article.
    let mut aliases: Vec<String> = Vec::new();
    for alias in addresses {
        let known = Some(&alias) == url.as_ref() || Some(&alias) == original_url.as_ref();
        if !known && !aliases.iter().any(|a| **a == *alias) {
            aliases.push(alias.into_owned());
        }
    }
    let categories = match list(fields.categories) {
        found if !found.is_empty() => found,
        _ => list(fields.category),
    };
    let authors = match list(fields.author) {
        found if !found.is_empty() => found,
        _ => list(fields.authors),
    };
    let format = BodyFormat::of_path(&origin.path);
    let id = match &url {
        Some(link) => stable_id("link", link),
        None => stable_id("path", origin.archive_path),
    };
    Article {
        id: id.into(),
        path: super::shared_path(origin.path, &origin.body),
        title: single(fields.title)
            .map(|title| title.as_ref().into())
            .unwrap_or_default(),
        date,
        datetime: datetime.flatten(),
        updated,
        labels: super::LabelLists::new(authors, categories, list(fields.tags)),
        urls: super::Urls::new(url.as_deref(), original_url.as_deref()),
        aliases: aliases.into(),
        links: super::KnownLinks::default(),
        addresses: super::KnownAddresses::default(),
        draft: draft(fields.draft.as_ref(), report),
        format,
        body_hash: None,
        body: origin.body,
    }
}

/// 16 hex digits of a 64-bit hash of `kind:text`. The function is fixed
/// here (not std's `Hasher`, which may change between releases), so ids
/// survive new versions and other platforms; ids are short so read marks
/// stay small (real links run to 3,000 characters). It mixes eight bytes at
/// a time: links are long and every article's id is computed at start-up.
pub fn stable_id(kind: &str, text: &str) -> String {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(29);
    let mut hash = [kind.as_bytes(), b":", text.as_bytes()].into_iter().fold(
        0x243f_6a88_85a3_08d3_u64,
        |mut h, part| {
            let mut chunks = part.chunks_exact(8);
            for chunk in &mut chunks {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                h = mix(h, u64::from_le_bytes(word));
            }
            let mut tail = [0u8; 8];
            tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
            // The length keeps "ab" + "" apart from "a" + "b".
            mix(mix(h, u64::from_le_bytes(tail)), part.len() as u64)
        },
    );
    // Final avalanche (MurmurHash3's fmix64) so every input bit reaches every output bit.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^= hash >> 33;
    format!("{hash:016x}")
}

/// A scalar, cleaned; empty counts as absent.
fn single(raw: Option<Raw<'_>>) -> Option<Cow<'_, str>> {
    match raw? {
        Raw::Text(text) => Some(clean_inline_cow(text)).filter(|t| !t.is_empty()),
        Raw::Null | Raw::List(_) | Raw::Other => None,
    }
}

/// A string or a list of strings: each cleaned, empty ones dropped,
/// duplicates removed keeping the first.
fn list(raw: Option<Raw<'_>>) -> Vec<super::Label> {
    let items = match raw {
        Some(Raw::Text(text)) => vec![text],
        Some(Raw::List(items)) => items,
        _ => return Vec::new(),
    };
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(items.len());
    // A linear search is fastest for the usual handful of tags; a hostile
    // list of 100,000 needs a set.
    let mut seen = (items.len() > 32).then(HashSet::new);
    for item in items {
        let item = clean_inline_cow(item);
        let new = match &mut seen {
            Some(seen) => seen.insert(item.clone()),
            None => !out.contains(&item),
        };
        if new && !item.is_empty() {
            out.push(item);
        }
    }
    out.iter().map(|item| super::Label::new(item)).collect()
}

/// `draft: true` (or `yes`); a value that is neither true nor false is noted.
fn draft(raw: Option<&Raw>, report: &mut Vec<(Severity, String)>) -> bool {
    match raw {
        Some(Raw::Text(text)) => {
            let text = text.trim();
            let yes = ["true", "yes"].iter().any(|y| text.eq_ignore_ascii_case(y));
            let no = ["false", "no", ""]
                .iter()
                .any(|n| text.eq_ignore_ascii_case(n));
            if !(yes || no) {
                report.push((
                    Severity::Warning,
                    format!("unreadable draft {}", quote(text)),
                ));
            }
            yes
        }
        None | Some(Raw::Null) => false,
        Some(Raw::List(_) | Raw::Other) => {
            report.push((Severity::Warning, "draft is not a single value".to_owned()));
            false
        }
    }
}

/// The calendar date, and the date-time when a time was given.
fn date(
    raw: Option<&Raw>,
    report: &mut Vec<(Severity, String)>,
) -> Option<(
    chrono::NaiveDate,
    Option<chrono::DateTime<chrono::FixedOffset>>,
)> {
    match raw? {
        Raw::Text(text) if !text.trim().is_empty() => {
            let found = dates::parse_stamp(text);
            if found.is_none() {
                report.push((
                    Severity::Warning,
                    format!("unreadable date {}", quote(text)),
                ));
            }
            found
        }
        Raw::Text(_) | Raw::Null => {
            report.push((Severity::Warning, "empty date".to_owned()));
            None
        }
        Raw::List(_) | Raw::Other => {
            report.push((Severity::Warning, "date is not a single value".to_owned()));
            None
        }
    }
}

/// `key` (`last_updated` or `lastmod`) as a date and time.
fn updated(
    key: &str,
    raw: Option<&Raw>,
    report: &mut Vec<(Severity, String)>,
) -> Option<chrono::NaiveDateTime> {
    match raw? {
        Raw::Text(text) if !text.trim().is_empty() => {
            let found = dates::parse_date_time(text);
            if found.is_none() {
                report.push((
                    Severity::Warning,
                    format!("unreadable {key} {}", quote(text)),
                ));
            }
            found
        }
        Raw::Text(_) | Raw::Null => None,
        Raw::List(_) | Raw::Other => {
            report.push((Severity::Warning, format!("{key} is not a single value")));
            None
        }
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", truncate(&clean_inline(text), QUOTE_COLUMNS))
}

#[cfg(test)]
mod tests {
    use super::stable_id;

    #[test]
    fn stable_ids_never_change() {
        // Pinned values: changing the function would lose every read mark.
        assert_eq!(stable_id("link", "https://e.x/1"), "d73c121d4eafdb5f");
        assert_eq!(stable_id("path", "2020/story.md"), "e5ce4f0e97b6ec92");
    }
}
