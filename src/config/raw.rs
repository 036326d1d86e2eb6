//! config.yaml as written, checked value by value while it is read so that
//! `serde_yaml` can point at the line of a bad value.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::theme::{ColorOverrides, ThemeName};

pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d";
pub const DEFAULT_TIME_FORMAT: &str = "%H:%M";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawConfig {
    pub library: PathList,
    pub keys: KeyOverrides,
    pub theme: ThemeName,
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
            keys: KeyOverrides::default(),
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

/// `keys:` in file order, as `section -> key -> action` (the sections of
/// the reader's keymap: `global`, `list`, `detail`, ...). Kept as data: the
/// reader's keymap decides which sections, keys and actions exist, and
/// reports bad ones with `Config::error_at`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct KeyOverrides(pub Vec<(String, String, String)>);

impl<'de> Deserialize<'de> for KeyOverrides {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SectionsVisitor;
        impl<'de> Visitor<'de> for SectionsVisitor {
            type Value = KeyOverrides;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("sections (global, list, detail, ...) of key: action")
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyOverrides, E> {
                Ok(KeyOverrides::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOverrides, A::Error> {
                let mut all: Vec<(String, String, String)> = Vec::new();
                while let Some((section, Section(pairs))) = map.next_entry::<String, Section>()? {
                    if all.iter().any(|(s, _, _)| *s == section) {
                        return Err(de::Error::custom(format!(
                            "section `{section}` appears twice"
                        )));
                    }
                    all.extend(
                        pairs
                            .into_iter()
                            .map(|(key, action)| (section.clone(), key, action)),
                    );
                }
                Ok(KeyOverrides(all))
            }
        }
        deserializer.deserialize_any(SectionsVisitor)
    }
}

/// One section of `keys:`: `key: action` in file order.
struct Section(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Section;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of key: action")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Section, E> {
                Ok(Section(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Section, A::Error> {
                let mut pairs: Vec<(String, String)> = Vec::new();
                while let Some((key, action)) = map.next_entry::<KeyName, String>()? {
                    if pairs.iter().any(|(k, _)| *k == key.0) {
                        return Err(de::Error::custom(format!("key `{}` is bound twice", key.0)));
                    }
                    pairs.push((key.0, action));
                }
                Ok(Section(pairs))
            }
        }
        deserializer.deserialize_any(KeysVisitor)
    }
}

/// A key name; YAML reads `1:` or `true:` as a number or boolean, which are
/// still fine key names.
struct KeyName(String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::String(s) => Ok(KeyName(s)),
            serde_yaml::Value::Number(n) => Ok(KeyName(n.to_string())),
            serde_yaml::Value::Bool(b) => Ok(KeyName(b.to_string())),
            _ => Err(de::Error::custom(
                "a key name must be plain text such as `j` or `ctrl-d`",
            )),
        }
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
    fn keys_accept_numbers_and_keep_order() {
        let raw: RawConfig = serde_yaml::from_str(
            "keys:\n  list:\n    z: quit\n    1: first\n  detail:\n    Ctrl-d: page_down\n",
        )
        .unwrap();
        let keys: Vec<_> = raw
            .keys
            .0
            .iter()
            .map(|(s, k, _)| format!("{s}.{k}"))
            .collect();
        assert_eq!(keys, ["list.z", "list.1", "detail.Ctrl-d"]);
        assert!(serde_yaml::from_str::<RawConfig>("keys:\n  list:\n    a: x\n    a: y\n").is_err());
        assert!(
            serde_yaml::from_str::<RawConfig>("keys:\n  j: down\n").is_err(),
            "a section is needed"
        );
    }

    #[test]
    fn library_may_be_one_path() {
        let raw: RawConfig = serde_yaml::from_str("library: ~/news\n").unwrap();
        assert_eq!(raw.library.0, ["~/news"]);
        let raw: RawConfig = serde_yaml::from_str("library:\n").unwrap();
        assert!(raw.library.0.is_empty());
    }
}
