//! A date range (`--since`, `--until`, a timeline bar) and the dates
//! people type for one.

use chrono::{Datelike, NaiveDate};

/// Articles dated from `since` to `until`, both included; an open end
/// admits everything on that side. Undated articles are outside any range
/// that has an end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// Which end of a range a typed date stands for: `2019-06` is the 1st of
/// June as a start and the 30th as an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    Finish,
}

impl DateRange {
    /// A range from the command line's `--since` and `--until` texts;
    /// the error names the option and says what is expected.
    pub fn from_options(since: Option<&str>, until: Option<&str>) -> Result<DateRange, String> {
        let since = since
            .map(|t| parse_date(t, End::Start).map_err(|e| format!("--since: {e}")))
            .transpose()?;
        let until = until
            .map(|t| parse_date(t, End::Finish).map_err(|e| format!("--until: {e}")))
            .transpose()?;
        DateRange::between(since, until)
    }

    /// The range from `since` to `until` (the command line's options once
    /// parsed), or why no article can be in it: the one check of the order
    /// of the ends.
    pub fn between(
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<DateRange, String> {
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(format!(
                    "--since {s} is after --until {u}: no article can be dated in between"
                ));
            }
        }
        Ok(DateRange { since, until })
    }

    /// Whether either end is set.
    pub fn is_set(self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether an article dated `date` is inside.
    pub fn contains(self, date: Option<NaiveDate>) -> bool {
        if !self.is_set() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }

    /// How the filter bar shows it: `2019-06` for a whole month,
    /// `2019-06-04` for a day, `2019-06-04..2019-07-01`, `≥2019-06-04`,
    /// `≤2019-06-04`.
    pub fn label(self) -> String {
        match (self.since, self.until) {
            (Some(s), Some(u)) if s == u => s.format("%Y-%m-%d").to_string(),
            (Some(s), Some(u)) if s.day() == 1 && Some(u) == month_end(s) => {
                s.format("%Y-%m").to_string()
            }
            (Some(s), Some(u)) => format!("{}..{}", s.format("%Y-%m-%d"), u.format("%Y-%m-%d")),
            (Some(s), None) => format!("≥{}", s.format("%Y-%m-%d")),
            (None, Some(u)) => format!("≤{}", u.format("%Y-%m-%d")),
            (None, None) => String::new(),
        }
    }
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// A typed date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (`/` or `.` may stand
/// for `-`); a month or year means its first day as a `Start` and its last
/// as a `Finish`. The error says what was wrong, for the person.
pub fn parse_date(text: &str, end: End) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    let shown = crate::text::width::truncate(&crate::text::sanitize::clean_inline(trimmed), 40);
    let expected = || format!("'{shown}' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts: Vec<&str> = trimmed.split(['-', '/', '.']).collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        || parts[0].len() != 4
    {
        return Err(expected());
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| expected());
    let year = i32::try_from(number(parts[0])?).map_err(|_| expected())?;
    let month = parts.get(1).map(|p| number(p)).transpose()?;
    let day = parts.get(2).map(|p| number(p)).transpose()?;
    let invalid = || format!("'{shown}' is not a day of the calendar");
    match (month, day, end) {
        (None, _, End::Start) => NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(invalid),
        (None, _, End::Finish) => NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(invalid),
        (Some(m), None, End::Start) => NaiveDate::from_ymd_opt(year, m, 1).ok_or_else(invalid),
        (Some(m), None, End::Finish) => NaiveDate::from_ymd_opt(year, m, 1)
            .and_then(month_end)
            .ok_or_else(invalid),
        (Some(m), Some(d), _) => NaiveDate::from_ymd_opt(year, m, d).ok_or_else(invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn typed_dates_and_their_ends() {
        assert_eq!(parse_date("2019-06-04", End::Start), Ok(day(2019, 6, 4)));
        assert_eq!(parse_date(" 2019/6/4 ", End::Finish), Ok(day(2019, 6, 4)));
        assert_eq!(parse_date("2020-02", End::Start), Ok(day(2020, 2, 1)));
        assert_eq!(parse_date("2020-02", End::Finish), Ok(day(2020, 2, 29)));
        assert_eq!(parse_date("2019", End::Finish), Ok(day(2019, 12, 31)));
        assert_eq!(parse_date("2019-12", End::Finish), Ok(day(2019, 12, 31)));
        for bad in [
            "",
            "yesterday",
            "19-06-04",
            "2019-13-01",
            "2019-02-30",
            "2019-06-04-1",
            "２０１９",
        ] {
            assert!(parse_date(bad, End::Start).is_err(), "{bad}");
        }
        assert_eq!(
            parse_date("2019-02-30", End::Start).unwrap_err(),
            "'2019-02-30' is not a day of the calendar"
        );
    }

    #[test]
    fn ranges_from_options_are_checked_and_labelled() {
        let june = DateRange::from_options(Some("2019-06"), Some("2019-06")).unwrap();
        assert_eq!(june.label(), "2019-06");
        assert!(june.contains(Some(day(2019, 6, 30))));
        assert!(!june.contains(Some(day(2019, 7, 1))));
        assert!(!june.contains(None));
        assert!(DateRange::default().contains(None));
        assert_eq!(
            DateRange::from_options(Some("2019-06-05"), None)
                .unwrap()
                .label(),
            "≥2019-06-05"
        );
        let error = DateRange::from_options(Some("2020"), Some("2019")).unwrap_err();
        assert!(
            error.starts_with("--since 2020-01-01 is after --until 2019-12-31"),
            "{error}"
        );
        let error = DateRange::from_options(None, Some("soon")).unwrap_err();
        assert!(
            error.starts_with("--until: 'soon' is not a date"),
            "{error}"
        );
    }
}
