//! From raw front matter values to the [`Article`] model: the field aliases,
//! list-or-string forms and cleaning rules of both archive formats.

use std::borrow::Cow;
use std::collections::HashSet;

use super::dates;
use super::fields::{Raw, RawFields};
use super::{Article, BodyFormat, Label, Origin};
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
    // The authors, categories and tags in one list (see `LabelLists`),
    // built where it is kept.
    let mut labels = Vec::new();
    let authors = append_list(&mut labels, fields.author, fields.authors);
    let categories = append_list(&mut labels, fields.categories, fields.category);
    append_list(&mut labels, fields.tags, None);
    let format = BodyFormat::of_path(&origin.path);
    let id = match &url {
        Some(link) => stable_hash("link", link),
        None => stable_hash("path", origin.archive_path),
    };
    Article {
        id: super::ArticleId::new(hex16(id).as_str()),
        path: origin.path,
        title: single(fields.title)
            .map(|title| title.as_ref().into())
            .unwrap_or_default(),
        date,
        datetime: datetime.flatten(),
        updated,
        labels: super::LabelLists::from_parts(labels, authors, categories).unwrap_or_default(),
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
    hex16(stable_hash(kind, text)).as_str().to_owned()
}

/// The hash [`stable_id`] spells.
fn stable_hash(kind: &str, text: &str) -> u64 {
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
    hash
}

/// `hash` as 16 lowercase hex digits (`format!("{hash:016x}")`, without
/// the formatting machinery: an id is made for every article loaded).
fn hex16(hash: u64) -> Hex16 {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut digits = [0; 16];
    for (i, digit) in digits.iter_mut().enumerate() {
        *digit = DIGITS[(hash >> (60 - 4 * i) & 0xf) as usize];
    }
    Hex16(digits)
}

/// 16 hex digits.
struct Hex16([u8; 16]);

impl Hex16 {
    fn as_str(&self) -> &str {
        // Only ASCII digits are ever written.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// A scalar, cleaned; empty counts as absent.
fn single(raw: Option<Raw<'_>>) -> Option<Cow<'_, str>> {
    match raw? {
        Raw::Text(text) => Some(clean_inline_cow(text)).filter(|t| !t.is_empty()),
        Raw::Null | Raw::List(_) | Raw::Other => None,
    }
}

/// Appends the labels of `raw` to `all`, or those of `instead` when `raw`
/// gives none (`categories`, else `category`); how many were appended (at
/// most `u32::MAX`: each takes 8 bytes, so no list is ever that long).
fn append_list(all: &mut Vec<Label>, raw: Option<Raw<'_>>, instead: Option<Raw<'_>>) -> u32 {
    let start = all.len();
    append_labels(all, raw);
    if all.len() == start {
        append_labels(all, instead);
    }
    u32::try_from(all.len() - start).unwrap_or_else(|_| {
        all.truncate(start + u32::MAX as usize);
        u32::MAX
    })
}

/// A string or a list of strings as labels appended to `all`: each
/// cleaned, empty ones dropped, duplicates removed keeping the first.
fn append_labels(all: &mut Vec<Label>, raw: Option<Raw<'_>>) {
    let items = match raw {
        Some(Raw::Text(text)) => vec![text],
        Some(Raw::List(items)) => items,
        _ => return,
    };
    let start = all.len();
    all.reserve(items.len());
    // A linear search is fastest for the usual handful of tags; a hostile
    // list of 100,000 needs a set.
    let mut seen = (items.len() > 32).then(HashSet::new);
    for item in items {
        let item = clean_inline_cow(item);
        if item.is_empty() {
            continue;
        }
        // Labels are shared copies: equal texts are one label.
        let label = Label::new(&item);
        let new = match &mut seen {
            Some(seen) => seen.insert(label.clone()),
            None => !all[start..].contains(&label),
        };
        if new {
            all.push(label);
        }
    }
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
        for hash in [0, 1, 0xf0, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(super::hex16(hash).as_str(), format!("{hash:016x}"));
        }
    }
}
