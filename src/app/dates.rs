//! Dates in the format from config.yaml, and the list column they need.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::text::width;

/// Used when the config gives none.
pub const DEFAULT_FORMAT: &str = "%Y-%m-%d";

/// `date` in `format` (strftime); `YYYY-MM-DD` when the format is empty or
/// cannot format it (config.yaml's formats are checked at load, so that is
/// only a guard).
pub fn format(date: NaiveDate, format: &str) -> String {
    let format = if format.is_empty() {
        DEFAULT_FORMAT
    } else {
        format
    };
    let mut out = String::new();
    if write!(out, "{}", date.format(format)).is_err() {
        out.clear();
        let _ = write!(out, "{}", date.format(DEFAULT_FORMAT));
    }
    crate::text::sanitize::clean_inline(&out)
}

/// Columns the list's date column needs for `format`: the widest of a
/// year's worth of dates (every month and weekday name), so the column does
/// not change width as the list scrolls. A long pattern is capped.
pub fn column_width(format: &str) -> usize {
    const MAX: usize = 24;
    let Some(first) = NaiveDate::from_ymd_opt(2024, 1, 22) else {
        return 10;
    };
    (0..12u32)
        .flat_map(|month| (0..7u32).map(move |day| (month, day)))
        .filter_map(|(month, day)| first.with_month(month + 1)?.with_day(22 + day))
        .map(|date| width::str_width(&self::format(date, format)))
        .max()
        .unwrap_or(10)
        .min(MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_measures() {
        let date = NaiveDate::from_ymd_opt(2023, 9, 5).unwrap();
        assert_eq!(format(date, ""), "2023-09-05");
        assert_eq!(format(date, "%d %b %Y"), "05 Sep 2023");
        assert_eq!(format(date, "%Y年%m月%d日"), "2023年09月05日");
        assert_eq!(column_width(""), 10);
        assert_eq!(column_width("%d %B"), "22 September".len());
        assert_eq!(column_width("%Y年%m月%d日"), 14);
        assert_eq!(column_width("%a %d"), 6);
    }
}
