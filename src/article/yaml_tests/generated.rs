//! Generated front matter, good and hostile: the fast parser agrees with
//! `serde_yaml` on it, and titles taken from bodies never panic.

use proptest::prelude::*;

use super::parse;
use crate::article::title;

/// Pieces of front matter, good and bad, in any order.
const TOKENS: &[&str] = &[
    "title",
    "date",
    "tags",
    "url",
    "from",
    "layout",
    "category",
    "categories",
    "author",
    ": ",
    ":",
    "\n",
    "\r\n",
    "  - ",
    "- ",
    "-",
    "[",
    "]",
    ", ",
    ",",
    "\"",
    "'",
    "''",
    "#",
    " #",
    " ",
    "  ",
    "\\",
    "\\e",
    "\\u00",
    "\\x4",
    "&a ",
    "*a",
    "~",
    "null",
    "True",
    "false",
    "1.5",
    "0x1F",
    "-7",
    ".inf",
    "2020-01-01",
    "2020-11-12T09:56:17.000Z",
    "中文",
    "標題",
    "\t",
    "{",
    "}",
    "!",
    "!!str ",
    "|",
    ">",
    "%",
    "@",
    "`",
    "?",
    "\u{3}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{feff}",
    "é",
    "x",
    "y1",
];

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..48).prop_map(|t| t.concat())
}

/// Scalar pieces: plain words, YAML's special words and characters.
const SCALAR: &[&str] = &[
    "a",
    "中文",
    " ",
    "  ",
    "-",
    "#",
    " #",
    ":",
    ": ",
    ",",
    "[",
    "]",
    "'",
    "\"",
    "\\",
    "\\n",
    "\\e",
    "\\u4E2D",
    "~",
    "null",
    "true",
    "False",
    "12",
    "1.5",
    "-3",
    "+4",
    "0o7",
    "1e3",
    ".nan",
    "2020-01-01",
    "\u{3}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "é",
    "{",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "?",
    "@",
];

fn scalar() -> impl Strategy<Value = String> {
    let text = prop::collection::vec(prop::sample::select(SCALAR), 0..5).prop_map(|t| t.concat());
    (text, 0..3u8).prop_map(|(text, quote)| match quote {
        0 => text,
        1 => format!("\"{text}\""),
        _ => format!("'{text}'"),
    })
}

/// `key: value` lines whose values are scalars, flow lists or block lists.
fn front_matter() -> impl Strategy<Value = String> {
    let key =
        prop::sample::select(&["title", "date", "tags", "author", "categories", "url", "x"][..]);
    let value = prop_oneof![
        scalar().prop_map(|s| format!(" {s}")),
        prop::collection::vec(scalar(), 0..4).prop_map(|v| format!(" [{}]", v.join(", "))),
        (prop::collection::vec(scalar(), 0..4), 0..3usize).prop_map(|(v, indent)| {
            let prefix = format!("\n{}- ", " ".repeat(indent));
            v.iter().map(|s| prefix.clone() + s).collect()
        }),
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|lines| {
        lines
            .iter()
            .map(|(k, v)| [k, ":", v.as_str(), "\n"].concat())
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn fast_path_agrees_on_structured_front_matter(yaml in front_matter()) {
        parse(&yaml);
    }

    /// `parse` asserts that the fast path and serde_yaml agree; any
    /// input must also load without panicking.
    #[test]
    fn fast_path_agrees_with_serde_yaml(yaml in yamlish()) {
        let (article, _) = parse(&yaml);
        prop_assert!(!article.title.chars().any(crate::text::sanitize::is_unsafe));
    }

    #[test]
    fn body_titles_never_panic(body in yamlish()) {
        let _ = title::from_body(&body);
    }
}
