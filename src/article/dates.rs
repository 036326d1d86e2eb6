//! Dates as archives write them. The calendar date is kept as written: an
//! RFC 3339 stamp `2020-11-12T23:30:00-05:00` is the 12th, not the 13th.
//! The time and offset are kept beside it, for ordering by instant.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// Reads `YYYY-MM-DD`, `YYYY/MM/DD`, either followed by a time
/// (`T` or a space, then `HH:MM[:SS[.fff]]`) and an optional zone (`Z`,
/// `+08:00`, `+0800`, ` UTC`). Returns the date and, when given, the time
/// of day as written.
pub fn parse(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    parse_stamp(text).map(|(date, stamp)| (date, stamp.map(|s| s.time())))
}

/// Like [`parse`], with the time as a date-time at its offset: the date as
/// written, and the instant when a time was given. A time without a zone is
/// taken as UTC, as Hugo does (Jekyll would use the site's zone, which an
/// archive folder does not record).
pub fn parse_stamp(text: &str) -> Option<(NaiveDate, Option<DateTime<FixedOffset>>)> {
    let text = text.trim();
    let at = |date: NaiveDate, time: NaiveTime, zone: FixedOffset| {
        date.and_time(time).and_local_timezone(zone).single()
    };
    if let Some((date, time)) = parse_common(text) {
        return Some((
            date,
            time.and_then(|t| at(date, t, FixedOffset::east_opt(0)?)),
        ));
    }
    if let Ok(stamp) = DateTime::parse_from_rfc3339(text) {
        return Some((stamp.date_naive(), Some(stamp)));
    }
    let split = text.find(['T', 't', ' ']).unwrap_or(text.len());
    let (day, rest) = text.split_at(split);
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y/%m/%d"))
        .ok()?;
    let rest = rest.get(1..).unwrap_or("").trim_start();
    if rest.is_empty() {
        return Some((date, None));
    }
    let (time, zone) = ["%H:%M:%S%.f", "%H:%M"].iter().find_map(|format| {
        let (time, zone) = NaiveTime::parse_and_remainder(rest, format).ok()?;
        Some((time, zone_offset(zone.trim_start())?))
    })?;
    Some((date, Some(at(date, time, zone)?)))
}

/// The two forms nearly every file uses, `YYYY-MM-DD` and
/// `YYYY-MM-DD HH:MM:SS`, without chrono's format interpreter.
fn parse_common(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if !(b.len() == 10 || b.len() == 19) || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(num(0..4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)?;
    if b.len() == 10 {
        return Some((date, None));
    }
    if b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let time = NaiveTime::from_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
    Some((date, Some(time)))
}

/// A date and time; a date alone means midnight.
pub fn parse_date_time(text: &str) -> Option<NaiveDateTime> {
    parse(text).map(|(date, time)| date.and_time(time.unwrap_or(NaiveTime::MIN)))
}

/// Empty (no zone: UTC), `Z`, `UTC`/`GMT`, or a numeric offset `+08`,
/// `+0800`, `+08:00`; `None` when `zone` is none of these.
fn zone_offset(zone: &str) -> Option<FixedOffset> {
    if matches!(zone, "" | "Z" | "z" | "UTC" | "GMT") {
        return FixedOffset::east_opt(0);
    }
    let sign = match zone.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = &zone[1..];
    let (hours, minutes) = match (digits.len(), digits.as_bytes().get(2)) {
        (2, _) => (digits, "00"),
        (4, _) => digits.split_at(2),
        (5, Some(b':')) => (&digits[..2], &digits[3..]),
        _ => return None,
    };
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let (hours, minutes) = (number(hours)?, number(minutes)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(h: u32, m: u32, s: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, s)
    }

    #[test]
    fn plain_iso_date() {
        assert_eq!(parse("2018-05-08"), Some((day(2018, 5, 8), None)));
        assert_eq!(parse("  2018-05-08 "), Some((day(2018, 5, 8), None)));
    }

    #[test]
    fn date_with_space_and_time() {
        assert_eq!(
            parse("2017-05-13 09:41:27"),
            Some((day(2017, 5, 13), at(9, 41, 27)))
        );
        assert_eq!(
            parse("2017-05-13 09:41"),
            Some((day(2017, 5, 13), at(9, 41, 0)))
        );
    }

    #[test]
    fn rfc3339_with_z_keeps_written_date() {
        assert_eq!(
            parse("2020-11-12T09:56:17.000Z"),
            Some((day(2020, 11, 12), at(9, 56, 17)))
        );
    }

    #[test]
    fn rfc3339_with_offset_keeps_written_date() {
        assert_eq!(
            parse("2022-01-10T18:25:00.000+08:00"),
            Some((day(2022, 1, 10), at(18, 25, 0)))
        );
        assert_eq!(
            parse("2020-11-12T23:30:00-05:00"),
            Some((day(2020, 11, 12), at(23, 30, 0)))
        );
        assert_eq!(
            parse("2020-11-12T01:30:00+14:00").map(|d| d.0),
            Some(day(2020, 11, 12))
        );
    }

    #[test]
    fn jekyll_space_offset() {
        assert_eq!(
            parse("2019-03-01 08:00:00 +0800"),
            Some((day(2019, 3, 1), at(8, 0, 0)))
        );
        assert_eq!(
            parse("2019-03-01 08:00:00 UTC").map(|d| d.0),
            Some(day(2019, 3, 1))
        );
    }

    #[test]
    fn slashed_date() {
        assert_eq!(parse("2019/07/08"), Some((day(2019, 7, 8), None)));
        assert_eq!(parse("2019/7/8"), Some((day(2019, 7, 8), None)));
    }

    #[test]
    fn common_forms_agree_with_chrono() {
        for text in [
            "2018-05-08",
            "2017-05-13 09:41:27",
            "2019-02-29",
            "2019-02-28 24:00:00",
            "2019-1a-01",
            "2020-02-29 23:59:59",
        ] {
            let slow = NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(|d| (d, None))
                .or_else(|| {
                    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                        .ok()
                        .map(|t| (t.date(), Some(t.time())))
                });
            assert_eq!(parse_common(text), slow, "{text}");
        }
    }

    #[test]
    fn unreadable_dates() {
        for bad in [
            "",
            "soon",
            "2019-13-01",
            "2019-02-30",
            "2019-03-01 noon",
            "2019-03-01T08:00:00 +99:99:99",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    fn stamp(text: &str) -> Option<String> {
        parse_stamp(text)?.1.map(|t| t.to_rfc3339())
    }

    #[test]
    fn stamps_keep_time_and_offset() {
        assert_eq!(
            stamp("2025-11-01 11:18:23.000000000 +08:00").as_deref(),
            Some("2025-11-01T11:18:23+08:00")
        );
        assert_eq!(
            stamp("2020-11-12T09:56:17.000Z").as_deref(),
            Some("2020-11-12T09:56:17+00:00")
        );
        assert_eq!(
            stamp("2019-03-01 08:00:00 +0800").as_deref(),
            Some("2019-03-01T08:00:00+08:00")
        );
        assert_eq!(
            stamp("2019-03-01T08:00 -05").as_deref(),
            Some("2019-03-01T08:00:00-05:00")
        );
        assert_eq!(
            stamp("2017-05-13 09:41:27").as_deref(),
            Some("2017-05-13T09:41:27+00:00"),
            "no zone: UTC"
        );
        assert_eq!(stamp("2018-05-08"), None, "a date alone has no time");
        assert_eq!(parse_stamp("2019-03-01 08:00 +2400"), None);
        let late = parse_stamp("2020-11-12T23:30:00-05:00").unwrap();
        assert_eq!(late.0, day(2020, 11, 12), "the date as written");
        assert_eq!(late.1.unwrap().timestamp(), 1_605_241_800);
    }

    #[test]
    fn date_time_defaults_to_midnight() {
        assert_eq!(
            parse_date_time("2021-07-20").map(|t| t.time()),
            Some(NaiveTime::MIN)
        );
        assert_eq!(
            parse_date_time("2021-07-20 18:34:12").map(|t| t.time()),
            at(18, 34, 12)
        );
    }
}
