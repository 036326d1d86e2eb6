//! Articles per month, or per day of one month when zoomed in, for the
//! reader's timeline.

use chrono::{Datelike, NaiveDate};

use super::range::{DateRange, month_end};
use crate::article::Article;

/// Months between the first and last dated article beyond which empty
/// months are left out: a stray date in year 1 must not make a chart of
/// 24,000 bars.
const MAX_FILLED_MONTHS: i32 = 12 * 60;

/// Per month, or per day of one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Months,
    /// The days of the month starting on this date.
    Days(NaiveDate),
}

/// One bar: a period and how many articles fall in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    pub range: DateRange,
    pub count: usize,
}

impl Bucket {
    /// `2019-06` for a month, `06-04` for a day.
    pub fn label(&self, zoom: Zoom) -> String {
        let Some(start) = self.range.since else {
            return String::new();
        };
        match zoom {
            Zoom::Months => start.format("%Y-%m").to_string(),
            Zoom::Days(_) => start.format("%m-%d %a").to_string(),
        }
    }
}

/// The bars for a set of articles, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub zoom: Zoom,
    pub buckets: Vec<Bucket>,
    /// Counted articles without a date (in no bar).
    pub undated: usize,
    /// The tallest bar's count.
    pub peak: usize,
}

impl Timeline {
    /// Counts `articles[i]` for every `i` in `counted` per month (every
    /// month from the first to the last, empty ones too unless they span
    /// more than sixty years) or per day of the zoomed month.
    pub fn build(articles: &[Article], counted: &[usize], zoom: Zoom) -> Timeline {
        let mut undated = 0;
        let buckets = match zoom {
            Zoom::Months => {
                // Months since year 0, as one number.
                let mut months: Vec<i32> = Vec::with_capacity(counted.len());
                for &i in counted {
                    match articles.get(i).and_then(|a| a.date) {
                        Some(d) => months.push(month_number(d)),
                        None => undated += 1,
                    }
                }
                months.sort_unstable();
                month_buckets(&months)
            }
            Zoom::Days(first) => {
                let last = month_end(first).unwrap_or(first);
                let days = usize::try_from((last - first).num_days()).unwrap_or(0) + 1;
                let mut counts = vec![0usize; days];
                for &i in counted {
                    match articles.get(i).and_then(|a| a.date) {
                        Some(d) if d >= first && d <= last => {
                            if let Ok(day) = usize::try_from((d - first).num_days()) {
                                counts[day] += 1;
                            }
                        }
                        Some(_) => {}
                        None => undated += 1,
                    }
                }
                first
                    .iter_days()
                    .zip(counts)
                    .map(|(day, count)| Bucket {
                        range: DateRange {
                            since: Some(day),
                            until: Some(day),
                        },
                        count,
                    })
                    .collect()
            }
        };
        let peak = buckets.iter().map(|b: &Bucket| b.count).max().unwrap_or(0);
        Timeline {
            zoom,
            buckets,
            undated,
            peak,
        }
    }

    /// The bar holding `date`, if any.
    pub fn position_of(&self, date: NaiveDate) -> Option<usize> {
        self.buckets
            .iter()
            .position(|b| b.range.contains(Some(date)))
    }
}

/// Months since year 0: one number per month, in order.
fn month_number(date: NaiveDate) -> i32 {
    date.year() * 12 + i32::try_from(date.month0()).unwrap_or(0)
}

/// One bucket per month from the first to the last of `months` (sorted,
/// months since year 0), empty months included when the span is sane.
fn month_buckets(months: &[i32]) -> Vec<Bucket> {
    let (Some(&first), Some(&last)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    let mut runs: Vec<(i32, usize)> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some((month, count)) if *month == m => *count += 1,
            _ => runs.push((m, 1)),
        }
    }
    let filled: Vec<(i32, usize)> = if last - first < MAX_FILLED_MONTHS {
        let mut at = runs.iter().peekable();
        (first..=last)
            .map(|m| match at.peek() {
                Some(&&(month, count)) if month == m => {
                    at.next();
                    (m, count)
                }
                _ => (m, 0),
            })
            .collect()
    } else {
        runs
    };
    filled
        .into_iter()
        .filter_map(|(m, count)| {
            let start = NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)?;
            Some(Bucket {
                range: DateRange {
                    since: Some(start),
                    until: month_end(start),
                },
                count,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::sample as article;

    fn dated(dates: &[Option<(i32, u32, u32)>]) -> Vec<Article> {
        dates
            .iter()
            .map(|d| {
                let mut a = article("t", &[], &[]);
                a.date = d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day));
                a
            })
            .collect()
    }

    #[test]
    fn months_with_gaps_and_undated() {
        let articles = dated(&[
            Some((2019, 11, 3)),
            Some((2020, 1, 31)),
            None,
            Some((2019, 11, 30)),
        ]);
        let all: Vec<usize> = (0..articles.len()).collect();
        let t = Timeline::build(&articles, &all, Zoom::Months);
        let bars: Vec<(String, usize)> = t
            .buckets
            .iter()
            .map(|b| (b.label(t.zoom), b.count))
            .collect();
        assert_eq!(
            bars,
            [
                ("2019-11".to_owned(), 2),
                ("2019-12".to_owned(), 0),
                ("2020-01".to_owned(), 1)
            ]
        );
        assert_eq!((t.undated, t.peak), (1, 2));
        assert_eq!(t.buckets[0].range.label(), "2019-11");
        let day = NaiveDate::from_ymd_opt(2020, 1, 31).unwrap();
        assert_eq!(t.position_of(day), Some(2));
    }

    #[test]
    fn days_of_a_month_and_far_apart_dates() {
        let articles = dated(&[Some((2020, 2, 29)), Some((2020, 2, 1)), Some((2020, 3, 1))]);
        let february = NaiveDate::from_ymd_opt(2020, 2, 1).unwrap();
        let t = Timeline::build(&articles, &[0, 1, 2], Zoom::Days(february));
        assert_eq!(t.buckets.len(), 29);
        assert_eq!((t.buckets[0].count, t.buckets[28].count), (1, 1));
        assert_eq!(t.buckets[28].range.label(), "2020-02-29");

        // A stray date far in the past does not fill thousands of months.
        let articles = dated(&[Some((1, 1, 1)), Some((2020, 2, 1))]);
        let t = Timeline::build(&articles, &[0, 1], Zoom::Months);
        assert_eq!(t.buckets.len(), 2);
    }
}
