//! `inkstone list`'s lines: date (and time), source, title and tags in
//! aligned columns.

use std::io::{self, Write};

use super::Listed;
use crate::cli::output::push_padded;
use crate::text::width::{fit, str_width};

/// Titles wider than this are not padded further (and never cut).
const MAX_TITLE_COLUMN: usize = 60;
/// Wider categories are cut with an ellipsis so titles stay aligned.
const MAX_CATEGORY_COLUMN: usize = 18;
/// `YYYY-MM-DD`, and ` HH:MM` after it when some article has a time.
const DATE_COLUMN: usize = 10;
const TIME_COLUMN: usize = 6;

pub(super) fn write_text(out: &mut dyn Write, listed: &[&Listed]) -> io::Result<()> {
    let categories: Vec<String> = listed
        .iter()
        .map(|l| l.article.categories().join("/"))
        .collect();
    let category_width = categories
        .iter()
        .map(|c| str_width(c))
        .max()
        .unwrap_or(0)
        .min(MAX_CATEGORY_COLUMN);
    // Each title measured once, for the column and for its padding.
    let titles: Vec<(String, usize)> = listed
        .iter()
        .map(|l| {
            let title = shown_title(l);
            let width = str_width(&title);
            (title, width)
        })
        .collect();
    let title_width = titles
        .iter()
        .map(|(_, width)| *width)
        .max()
        .unwrap_or(0)
        .min(MAX_TITLE_COLUMN);
    let has_times = listed.iter().any(|l| l.article.datetime.is_some());
    let date_column = DATE_COLUMN + if has_times { TIME_COLUMN } else { 0 };
    // One line buffer for all: a cold `list` prints tens of thousands.
    let mut line = String::new();
    for ((l, category), (title, width)) in listed.iter().zip(&categories).zip(&titles) {
        let article = l.article;
        line.clear();
        match (article.date, article.datetime) {
            (Some(_), Some(t)) if has_times => push_date_time(&mut line, &t),
            (Some(d), _) => push_date(&mut line, d),
            (None, _) => line.push('-'),
        }
        // Dates are ASCII: their width is their length.
        let date_width = line.len();
        push_padded(&mut line, "", date_width, date_column);
        if category_width > 0 {
            line.push_str("  ");
            line.push_str(&fit(category, category_width));
        }
        line.push_str("  ");
        push_padded(&mut line, title, *width, title_width);
        line.push_str("  ");
        for (i, tag) in article.tags().iter().enumerate() {
            if i > 0 {
                line.push_str(", ");
            }
            line.push_str(tag);
        }
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing that
/// format again for every line.
fn push_date(line: &mut String, date: chrono::NaiveDate) {
    use chrono::Datelike;
    use std::fmt::Write as _;
    if (0..=9999).contains(&date.year()) {
        let _ = write!(
            line,
            "{:04}-{:02}-{:02}",
            date.year(),
            date.month(),
            date.day()
        );
    } else {
        let _ = write!(line, "{}", date.format("%Y-%m-%d"));
    }
}

/// `YYYY-MM-DD HH:MM` in the time's own offset, as chrono's
/// `%Y-%m-%d %H:%M` writes it.
fn push_date_time(line: &mut String, t: &chrono::DateTime<chrono::FixedOffset>) {
    use chrono::Timelike;
    use std::fmt::Write as _;
    let local = t.naive_local();
    push_date(line, local.date());
    let _ = write!(line, " {:02}:{:02}", local.hour(), local.minute());
}

/// The title, marked when the article is a draft, counted when it has
/// exact duplicates (`×3`).
fn shown_title(listed: &Listed) -> String {
    let mut title = if listed.article.draft {
        format!("[draft] {}", listed.article.title)
    } else {
        listed.article.title.as_str().to_owned()
    };
    if listed.copies > 1 {
        title.push_str(" ×");
        title.push_str(&listed.copies.to_string());
    }
    title
}
