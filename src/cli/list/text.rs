//! `inkstone list`'s lines: date (and time), source, title and tags in
//! aligned columns.

use std::borrow::Cow;
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
    // Each row's category and title with their widths, measured once for
    // their column and their padding. Borrowed from the article unless
    // they must be built (several categories, a draft, a count): a cold
    // `list` prints tens of thousands of rows after the load, and a string
    // copied for every one was a good part of that.
    let rows: Vec<Row> = listed.iter().map(|l| Row::of(l)).collect();
    let category_width = rows
        .iter()
        .map(|r| r.category_width)
        .max()
        .unwrap_or(0)
        .min(MAX_CATEGORY_COLUMN);
    let title_width = rows
        .iter()
        .map(|r| r.title_width)
        .max()
        .unwrap_or(0)
        .min(MAX_TITLE_COLUMN);
    let has_times = listed.iter().any(|l| l.article.datetime.is_some());
    let date_column = DATE_COLUMN + if has_times { TIME_COLUMN } else { 0 };
    // One line buffer for all: a cold `list` prints tens of thousands.
    let mut line = String::new();
    for (l, row) in listed.iter().zip(&rows) {
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
            if row.category_width <= category_width {
                // What `fit` gives when nothing is cut, without its copies.
                push_padded(&mut line, &row.category, row.category_width, category_width);
            } else {
                line.push_str(&fit(&row.category, category_width));
            }
        }
        line.push_str("  ");
        push_padded(&mut line, &row.title, row.title_width, title_width);
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

/// A row's category (its categories joined by `/`) and title as shown,
/// with their widths.
struct Row<'a> {
    category: Cow<'a, str>,
    category_width: usize,
    title: Cow<'a, str>,
    title_width: usize,
}

impl<'a> Row<'a> {
    fn of(listed: &Listed<'a>) -> Row<'a> {
        let category = match listed.article.categories() {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.as_str()),
            many => Cow::Owned(many.join("/")),
        };
        let title = shown_title(listed);
        Row {
            category_width: str_width(&category),
            category,
            title_width: str_width(&title),
            title,
        }
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing that
/// format again, or formatting each number, for every line.
fn push_date(line: &mut String, date: chrono::NaiveDate) {
    use chrono::Datelike;
    match u32::try_from(date.year()) {
        Ok(year) if year <= 9999 => {
            push_digits(line, year, 4);
            line.push('-');
            push_digits(line, date.month(), 2);
            line.push('-');
            push_digits(line, date.day(), 2);
        }
        _ => {
            use std::fmt::Write as _;
            let _ = write!(line, "{}", date.format("%Y-%m-%d"));
        }
    }
}

/// `YYYY-MM-DD HH:MM` in the time's own offset, as chrono's
/// `%Y-%m-%d %H:%M` writes it.
fn push_date_time(line: &mut String, t: &chrono::DateTime<chrono::FixedOffset>) {
    use chrono::Timelike;
    let local = t.naive_local();
    push_date(line, local.date());
    line.push(' ');
    push_digits(line, local.hour(), 2);
    line.push(':');
    push_digits(line, local.minute(), 2);
}

/// The last `digits` decimal digits of `n`, zero-padded (`{:0digits$}` for
/// an `n` below `10^digits`).
fn push_digits(line: &mut String, n: u32, digits: u32) {
    for place in (0..digits).rev() {
        line.push(char::from_digit(n / 10u32.pow(place) % 10, 10).unwrap_or('0'));
    }
}

/// The title, marked when the article is a draft, counted when it has
/// exact duplicates (`×3`).
fn shown_title<'a>(listed: &Listed<'a>) -> Cow<'a, str> {
    let article = listed.article;
    if !article.draft && listed.copies <= 1 {
        return Cow::Borrowed(article.title.as_str());
    }
    let mut title = if article.draft {
        format!("[draft] {}", article.title)
    } else {
        article.title.as_str().to_owned()
    };
    if listed.copies > 1 {
        title.push_str(" ×");
        title.push_str(&listed.copies.to_string());
    }
    Cow::Owned(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};

    #[test]
    fn dates_and_times_are_written_as_chrono_formats_them() {
        for (y, m, d) in [
            (2025, 11, 1),
            (1, 2, 3),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut line = String::new();
            push_date(&mut line, date);
            assert_eq!(line, date.format("%Y-%m-%d").to_string());
        }
        let t = DateTime::parse_from_rfc3339("2025-11-01T09:05:59+08:00").unwrap();
        let mut line = String::new();
        push_date_time(&mut line, &t);
        assert_eq!(line, t.format("%Y-%m-%d %H:%M").to_string());
    }
}
