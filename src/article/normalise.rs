//! From raw front matter values to the [`Article`] model: the field aliases,
//! list-or-string forms and cleaning rules of both archive formats.

use super::dates;
use super::fields::{Raw, RawFields};
use super::{Article, Origin};
use crate::library::Severity;
use crate::text::sanitize::clean_inline;
use crate::text::width::truncate;

/// How much of a bad value a problem message quotes.
const QUOTE_COLUMNS: usize = 40;

pub fn article(
    fields: RawFields,
    origin: Origin<'_>,
    report: &mut impl FnMut(Severity, String),
) -> Article {
    let url = [
        &fields.url,
        &fields.from,
        &fields.link,
        &fields.original_url,
    ]
    .into_iter()
    .find_map(|raw| single(raw.as_ref()));
    let original_url = single(fields.original_url.as_ref()).filter(|o| Some(o) != url.as_ref());
    let categories = match list(fields.categories.as_ref()) {
        found if !found.is_empty() => found,
        _ => list(fields.category.as_ref()),
    };
    let id = url
        .clone()
        .unwrap_or_else(|| origin.archive_path.to_owned());
    Article {
        id,
        path: origin.path.to_path_buf(),
        title: single(fields.title.as_ref()).unwrap_or_default(),
        date: date(fields.date.as_ref(), report),
        updated: updated(fields.last_updated.as_ref(), report),
        authors: list(fields.author.as_ref()),
        categories,
        tags: list(fields.tags.as_ref()),
        url,
        original_url,
        body: origin.body,
    }
}

/// A scalar, cleaned; empty counts as absent.
fn single(raw: Option<&Raw>) -> Option<String> {
    match raw? {
        Raw::Text(text) => Some(clean_inline(text)).filter(|t| !t.is_empty()),
        Raw::Null | Raw::List(_) | Raw::Other => None,
    }
}

/// A string or a list of strings: each cleaned, empty ones dropped,
/// duplicates removed keeping the first.
fn list(raw: Option<&Raw>) -> Vec<String> {
    let items: &[String] = match raw {
        Some(Raw::Text(text)) => std::slice::from_ref(text),
        Some(Raw::List(items)) => items,
        _ => &[],
    };
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let item = clean_inline(item);
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn date(raw: Option<&Raw>, report: &mut impl FnMut(Severity, String)) -> Option<chrono::NaiveDate> {
    match raw? {
        Raw::Text(text) if !text.trim().is_empty() => {
            let found = dates::parse(text).map(|(day, _)| day);
            if found.is_none() {
                report(
                    Severity::Warning,
                    format!("unreadable date {}", quote(text)),
                );
            }
            found
        }
        Raw::Text(_) | Raw::Null => {
            report(Severity::Warning, "empty date".to_owned());
            None
        }
        Raw::List(_) | Raw::Other => {
            report(Severity::Warning, "date is not a single value".to_owned());
            None
        }
    }
}

fn updated(
    raw: Option<&Raw>,
    report: &mut impl FnMut(Severity, String),
) -> Option<chrono::NaiveDateTime> {
    match raw? {
        Raw::Text(text) if !text.trim().is_empty() => {
            let found = dates::parse_date_time(text);
            if found.is_none() {
                report(
                    Severity::Warning,
                    format!("unreadable last_updated {}", quote(text)),
                );
            }
            found
        }
        Raw::Text(_) | Raw::Null => None,
        Raw::List(_) | Raw::Other => {
            report(
                Severity::Warning,
                "last_updated is not a single value".to_owned(),
            );
            None
        }
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", truncate(&clean_inline(text), QUOTE_COLUMNS))
}
