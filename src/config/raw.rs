//! config.yaml as written, checked value by value while it is read so that
//! `serde_yaml` can point at the line of a bad value.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::keys::KeyTable;
use super::theme::{ColorOverrides, ThemeName};

pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d";
pub const DEFAULT_TIME_FORMAT: &str = "%H:%M";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawConfig {
    pub library: PathList,
    pub keys: KeyTable,
    pub theme: ThemeName,
    #[serde(deserialize_with = "null_is_default")]
    pub colors: ColorOverrides,
    pub date_format: DateFormat,
    pub time_format: TimeFormat,
    pub ambiguous_width: AmbiguousWidth,
    pub mouse: bool,
    pub collapse_duplicates: bool,
}

impl Default for RawConfig {
    fn default() -> Self {
        RawConfig {
            library: PathList::default(),
            keys: KeyTable::default(),
            theme: ThemeName::default(),
            colors: ColorOverrides::default(),
            date_format: DateFormat(DEFAULT_DATE_FORMAT.to_string()),
            time_format: TimeFormat(DEFAULT_TIME_FORMAT.to_string()),
            ambiguous_width: AmbiguousWidth(1),
            mouse: true,
            collapse_duplicates: true,
        }
    }
}

/// `colors:` with nothing after it (how the default file leaves it, with
/// its examples commented out below) is the default.
fn null_is_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// `library:` as a list of paths, or one path on its own.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PathList(pub Vec<String>);

impl<'de> Deserialize<'de> for PathList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PathsVisitor;
        impl<'de> Visitor<'de> for PathsVisitor {
            type Value = PathList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a path or a list of paths")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PathList, E> {
                Ok(PathList(vec![v.to_string()]))
            }
            fn visit_unit<E: de::Error>(self) -> Result<PathList, E> {
                Ok(PathList::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PathList, A::Error> {
                let mut paths = Vec::new();
                while let Some(p) = seq.next_element::<String>()? {
                    paths.push(p);
                }
                Ok(PathList(paths))
            }
        }
        deserializer.deserialize_any(PathsVisitor)
    }
}

/// A strftime pattern that is known to format every date without error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat(pub String);

impl FromStr for DateFormat {
    type Err = String;
    fn from_str(pattern: &str) -> Result<Self, String> {
        check_date_format(pattern)?;
        Ok(DateFormat(pattern.to_string()))
    }
}

impl<'de> Deserialize<'de> for DateFormat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParsedStr::<DateFormat>::new("a strftime pattern"))
    }
}

/// A strftime pattern that is known to format every time of day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeFormat(pub String);

impl FromStr for TimeFormat {
    type Err = String;
    fn from_str(pattern: &str) -> Result<Self, String> {
        check_time_format(pattern)?;
        Ok(TimeFormat(pattern.to_string()))
    }
}

impl<'de> Deserialize<'de> for TimeFormat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParsedStr::<TimeFormat>::new("a strftime pattern"))
    }
}

/// Like [`check_date_format`], for a time of day (no date fields).
pub fn check_time_format(pattern: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    if pattern.trim().is_empty() {
        return Err("the time format is empty".into());
    }
    if StrftimeItems::new(pattern).any(|item| matches!(item, Item::Error)) {
        return Err(format!("`{pattern}` is not a valid strftime pattern"));
    }
    let sample = chrono::NaiveTime::from_hms_opt(23, 59, 58).unwrap_or_default();
    let mut out = String::new();
    write!(out, "{}", sample.format(pattern)).map_err(|_| {
        format!("`{pattern}` asks for a date or time zone, but this is the time of day")
    })
}

/// Parses a string with `FromStr` inside the visitor: errors raised there
/// carry `serde_yaml`'s key path and line, errors raised after it do not.
pub struct ParsedStr<T> {
    expecting: &'static str,
    target: PhantomData<T>,
}

impl<T> ParsedStr<T> {
    pub fn new(expecting: &'static str) -> Self {
        ParsedStr {
            expecting,
            target: PhantomData,
        }
    }
}

impl<T: FromStr<Err = String>> Visitor<'_> for ParsedStr<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

/// chrono panics in `to_string` on a bad pattern or on a time field for a
/// date, so every pattern is tried once here instead.
pub fn check_date_format(pattern: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    if pattern.trim().is_empty() {
        return Err("the date format is empty".into());
    }
    if StrftimeItems::new(pattern).any(|item| matches!(item, Item::Error)) {
        return Err(format!("`{pattern}` is not a valid strftime pattern"));
    }
    let sample = chrono::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap_or_default();
    let mut out = String::new();
    write!(out, "{}", sample.format(pattern)).map_err(|_| {
        format!("`{pattern}` asks for a time or time zone, but articles have only a date")
    })
}

/// `ambiguous_width`: 1 or 2 columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmbiguousWidth(pub u8);

impl<'de> Deserialize<'de> for AmbiguousWidth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WidthVisitor;
        impl Visitor<'_> for WidthVisitor {
            type Value = AmbiguousWidth;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("1 or 2")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<AmbiguousWidth, E> {
                match n {
                    1 | 2 => Ok(AmbiguousWidth(n as u8)),
                    _ => Err(E::custom(format!("must be 1 or 2 (columns), not {n}"))),
                }
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<AmbiguousWidth, E> {
                Err(E::custom(format!("must be 1 or 2 (columns), not {n}")))
            }
        }
        deserializer.deserialize_u64(WidthVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_tried() {
        assert!(check_date_format("%Y-%m-%d").is_ok());
        assert!(check_date_format("%d %b %Y (%a)").is_ok());
        assert!(
            check_date_format("%Y-%m-%d %H:%M")
                .unwrap_err()
                .contains("time")
        );
        assert!(check_date_format("%Q").is_err());
        assert!(check_date_format("%").is_err());
        assert!(check_date_format(" ").is_err());
    }

    #[test]
    fn library_may_be_one_path() {
        let raw: RawConfig = serde_yaml::from_str("library: ~/news\n").unwrap();
        assert_eq!(raw.library.0, ["~/news"]);
        let raw: RawConfig = serde_yaml::from_str("library:\n").unwrap();
        assert!(raw.library.0.is_empty());
    }
}
