//! Dates and times in the formats from config.yaml, and the list column
//! they need.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::article::Article;
use crate::text::width;

/// Used when the config gives none.
pub const DEFAULT_FORMAT: &str = "%Y-%m-%d";
/// Used when the config gives no time format.
pub const DEFAULT_TIME_FORMAT: &str = "%H:%M";

/// An article's date in `date_format`, followed by its time of day (as
/// written, at its own offset) in `time_format` when `time_format` is given
/// and the article has a time; `None` for an undated article.
pub fn stamp(article: &Article, date_format: &str, time_format: Option<&str>) -> Option<String> {
    let mut text = format(article.date?, date_format);
    if let (Some(time_format), Some(datetime)) = (time_format, article.datetime) {
        text.push(' ');
        text.push_str(&format_time(datetime.time(), time_format));
    }
    Some(text)
}

/// `time` in `format` (strftime); `HH:MM` when it is empty or fails.
pub fn format_time(time: NaiveTime, format: &str) -> String {
    let format = if format.is_empty() {
        DEFAULT_TIME_FORMAT
    } else {
        format
    };
    let mut out = String::new();
    if write!(out, "{}", time.format(format)).is_err() {
        out.clear();
        let _ = write!(out, "{}", time.format(DEFAULT_TIME_FORMAT));
    }
    crate::text::sanitize::clean_inline(&out)
}

/// Columns the time part of the list's date column needs, with its space.
pub fn time_column_width(format: &str) -> usize {
    const MAX: usize = 16;
    [(0, 0, 0), (12, 30, 30), (23, 59, 59)]
        .into_iter()
        .filter_map(|(h, m, s)| NaiveTime::from_hms_opt(h, m, s))
        .map(|t| width::str_width(&format_time(t, format)))
        .max()
        .unwrap_or(5)
        .min(MAX)
        + 1
}

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

    #[test]
    fn times_follow_the_date_when_asked_for() {
        let mut article = crate::app::tests::article("t", &[], &[]);
        article.date = NaiveDate::from_ymd_opt(2025, 11, 1);
        assert_eq!(stamp(&article, "", Some("")).as_deref(), Some("2025-11-01"));
        let t = chrono::DateTime::parse_from_rfc3339("2025-11-01T11:18:23+08:00").unwrap();
        article.datetime = Some(t);
        assert_eq!(
            stamp(&article, "", Some("")).as_deref(),
            Some("2025-11-01 11:18"),
            "the time as written, not shifted to another zone"
        );
        assert_eq!(stamp(&article, "", None).as_deref(), Some("2025-11-01"));
        assert_eq!(
            stamp(&article, "%m/%d", Some("%H:%M:%S")).as_deref(),
            Some("11/01 11:18:23")
        );
        assert_eq!(time_column_width(""), 6);
        assert_eq!(time_column_width("%I:%M %p"), 9);
    }
}
