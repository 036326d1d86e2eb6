//! Dates as archives write them. The calendar date is kept as written: an
//! RFC 3339 stamp `2020-11-12T23:30:00-05:00` is the 12th, not the 13th.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// Reads `YYYY-MM-DD`, `YYYY/MM/DD`, either followed by a time
/// (`T` or a space, then `HH:MM[:SS[.fff]]`) and an optional zone (`Z`,
/// `+08:00`, `+0800`, ` UTC`). Returns the date and, when given, the time
/// of day as written.
pub fn parse(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let text = text.trim();
    if let Some(found) = parse_common(text) {
        return Some(found);
    }
    if let Ok(stamp) = DateTime::parse_from_rfc3339(text) {
        let local = stamp.naive_local();
        return Some((local.date(), Some(local.time())));
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
    let time = ["%H:%M:%S%.f", "%H:%M"].iter().find_map(|format| {
        let (time, zone) = NaiveTime::parse_and_remainder(rest, format).ok()?;
        is_zone(zone.trim_start()).then_some(time)
    })?;
    Some((date, Some(time)))
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

/// Empty, `Z`, `UTC`/`GMT`, or a numeric offset `+08`, `+0800`, `+08:00`.
fn is_zone(zone: &str) -> bool {
    if matches!(zone, "" | "Z" | "z" | "UTC" | "GMT") {
        return true;
    }
    let Some(digits) = zone.strip_prefix(['+', '-']) else {
        return false;
    };
    let digits: Vec<u8> = digits.bytes().filter(|&b| b != b':').collect();
    matches!(digits.len(), 2 | 4)
        && digits.iter().all(u8::is_ascii_digit)
        && digits.len() == zone.len() - 1 - usize::from(zone.contains(':'))
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
