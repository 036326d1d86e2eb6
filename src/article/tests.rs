//! Normalisation rules, one test each, through the same entry point the
//! loader uses; every case also runs through `serde_yaml` alone to prove the
//! fast parser agrees with it.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::problem::{Problem, Severity};

/// Parses `yaml` both ways, asserts the results agree, and returns one.
pub(super) fn parse(yaml: &str) -> (Article, Vec<Problem>) {
    let run = |parser| {
        let mut problems = Vec::new();
        let origin = Origin {
            path: Path::new("archive/2020/story.md").into(),
            archive_path: "2020/story.md",
            body: BodySource::Embedded {
                bytes: b"",
                offset: 0,
            },
        };
        let article = from_front_matter_with(parser, Some(yaml), origin, &mut problems);
        (article, problems)
    };
    let fast = run(YamlParser::Auto);
    let slow = run(YamlParser::SerdeOnly);
    assert_eq!(fast, slow, "fast and serde_yaml paths differ on:\n{yaml}");
    fast
}

pub(super) fn reasons(problems: &[Problem]) -> Vec<(Severity, &str)> {
    problems
        .iter()
        .map(|p| (p.severity, p.reason.as_str()))
        .collect()
}

pub(super) fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn title_is_cleaned_and_collapsed() {
    let (a, _) = parse("title: \"  相隔一月\\n\\t金正恩\\e[31m再訪\\u202E華\\u200B  \"");
    assert_eq!(a.title, "相隔一月 金正恩再訪華");
}

#[test]
fn missing_or_empty_title_asks_for_the_body() {
    assert!(parse("title: \"\"").0.needs_title());
    assert!(parse("date: 2020-01-01").0.needs_title());
    assert!(parse("title: \"\\u200B\\e[0m\"").0.needs_title());
}

#[test]
fn title_falls_back_to_body_heading_then_file_name() {
    let (mut a, _) = parse("title:");
    a.set_title_from_body(Some("intro\n\n# 標題\n"));
    assert_eq!(a.title, "標題");
    a.set_title_from_body(Some("<p>x</p><h1>HTML 標題</h1>"));
    assert_eq!(a.title, "HTML 標題");
    a.set_title_from_body(Some("no heading"));
    assert_eq!(a.title, "story.md");
    a.set_title_from_body(None);
    assert_eq!(a.title, "story.md");
}

#[test]
fn numbers_as_titles_are_text() {
    assert_eq!(parse("title: 2047").0.title, "2047");
}

#[test]
fn date_forms() {
    for (yaml, want) in [
        ("date: 2018-05-08", day(2018, 5, 8)),
        ("date: \"2018-05-08\"", day(2018, 5, 8)),
        ("date: '2018-05-08 09:41:27'", day(2018, 5, 8)),
        ("date: 2020-11-12T09:56:17.000Z", day(2020, 11, 12)),
        ("date: 2022-01-10T23:25:00.000+08:00", day(2022, 1, 10)),
        ("date: 2020-11-12T23:30:00-05:00", day(2020, 11, 12)),
        ("date: 2019/07/08", day(2019, 7, 8)),
        ("date: 2019-03-01 08:00:00 +0800", day(2019, 3, 1)),
    ] {
        let (a, problems) = parse(yaml);
        assert_eq!(a.date, want, "{yaml}");
        assert!(problems.is_empty(), "{yaml}: {problems:?}");
    }
}

#[test]
fn empty_date_is_a_warning() {
    for yaml in ["date: \"\"", "date:", "date: ~"] {
        let (a, problems) = parse(yaml);
        assert_eq!(a.date, None);
        assert_eq!(
            reasons(&problems),
            [(Severity::Warning, "empty date")],
            "{yaml}"
        );
    }
}

#[test]
fn unreadable_date_is_a_warning() {
    let (a, problems) = parse("date: \"next tuesday\"");
    assert_eq!(a.date, None);
    assert_eq!(
        reasons(&problems),
        [(Severity::Warning, "unreadable date \"next tuesday\"")]
    );
    assert_eq!(
        reasons(&parse("date: [2020-01-01]").1),
        [(Severity::Warning, "date is not a single value")]
    );
}

#[test]
fn absent_date_is_silent() {
    let (a, problems) = parse("title: x");
    assert_eq!(a.date, None);
    assert!(problems.is_empty());
}

#[test]
fn last_updated_is_the_update_time() {
    let (a, _) = parse("last_updated: \"2017-05-13 09:41:27\"");
    assert_eq!(
        a.updated,
        NaiveDateTime::parse_from_str("2017-05-13 09:41:27", "%Y-%m-%d %H:%M:%S").ok()
    );
    assert_eq!(parse("last_updated: \"\"").0.updated, None);
    assert_eq!(parse("last_updated: later").1.len(), 1);
}

#[test]
fn author_string_or_list() {
    assert_eq!(parse("author: \"眾新聞記者\"").0.authors(), ["眾新聞記者"]);
    assert_eq!(
        parse("author: [甲, \"乙\", 甲, \"\"]").0.authors(),
        ["甲", "乙"]
    );
    assert_eq!(parse("author:\n  - 甲\n  - 乙").0.authors(), ["甲", "乙"]);
    assert!(parse("author: \"\"").0.authors().is_empty());
}

#[test]
fn categories_or_category_string_or_list() {
    assert_eq!(
        parse("categories: [ (臺)中央社CNA ]").0.categories(),
        ["(臺)中央社CNA"]
    );
    assert_eq!(parse("category: \"眾聞\"").0.categories(), ["眾聞"]);
    assert_eq!(parse("categories: 科技").0.categories(), ["科技"]);
    assert_eq!(
        parse("category: 眾聞\ncategories:\n- 科技\n- 經濟")
            .0
            .categories(),
        ["科技", "經濟"]
    );
    assert_eq!(
        parse("categories: []\ncategory: 眾聞").0.categories(),
        ["眾聞"]
    );
}

#[test]
fn tags_list_numbers_trim_dedup_and_drop_empty() {
    let (a, _) = parse(
        "tags:\n  - \" 香港 \"\n  - 2047\n  - \"\"\n  - 香港\n  - xi  jinping\n  - 3.5\n  - true",
    );
    assert_eq!(a.tags(), ["香港", "2047", "xi jinping", "3.5", "true"]);
}

#[test]
fn tags_flow_list_and_single_string() {
    assert_eq!(
        parse("tags: [ 颱風, 天氣, \"台灣\" , 'a, b' ]").0.tags(),
        ["颱風", "天氣", "台灣", "a, b"]
    );
    assert_eq!(parse("tags: \"文化\"").0.tags(), ["文化"]);
    assert!(parse("tags:").0.tags().is_empty());
    assert!(parse("tags: []").0.tags().is_empty());
}

#[test]
fn tags_are_sanitised() {
    let (a, _) = parse("tags: [\"a\\e[2Jb\", \"\\u202Eevil\", \"\\u0007\"]");
    assert_eq!(a.tags(), ["ab", "evil"]);
}

#[test]
fn link_precedence() {
    let all = "url: u\nfrom: f\nlink: l\noriginal_url: o";
    assert_eq!(parse(all).0.url(), Some("u"));
    assert_eq!(
        parse("from: f\nlink: l\noriginal_url: o").0.url(),
        Some("f")
    );
    assert_eq!(parse("link: l\noriginal_url: o").0.url(), Some("l"));
    assert_eq!(parse("original_url: o").0.url(), Some("o"));
    assert_eq!(parse("url: \"\"\nfrom: f").0.url(), Some("f"));
}

#[test]
fn from_and_link_beside_url_are_kept_as_aliases() {
    let all = parse("url: u\nfrom: f\nlink: l\noriginal_url: o").0;
    assert_eq!(all.aliases, ["f", "l"]);
    // Repeats of the url, the original or each other are kept once.
    let repeats = parse("url: u\nfrom: o\nlink: u\noriginal_url: o").0;
    assert!(repeats.aliases.is_empty(), "{:?}", repeats.aliases);
    assert_eq!(parse("from: f\nlink: f").0.aliases, Vec::<String>::new());
    assert_eq!(parse("from: f\nlink: l").0.aliases, ["l"]);
    assert!(parse("url: u").0.aliases.is_empty());
}

#[test]
fn original_url_kept_only_when_different() {
    assert_eq!(parse("url: u\noriginal_url: o").0.original_url(), Some("o"));
    assert_eq!(parse("url: o\noriginal_url: o").0.original_url(), None);
    assert_eq!(parse("original_url: o").0.original_url(), None);
}

#[test]
fn id_from_link_else_archive_path() {
    assert_eq!(
        parse("url: https://e.x/1").0.id,
        stable_id("link", "https://e.x/1")
    );
    assert_eq!(
        parse("from: https://e.x/1").0.id,
        stable_id("link", "https://e.x/1")
    );
    assert_eq!(parse("title: t").0.id, stable_id("path", "2020/story.md"));
    assert_ne!(
        parse("url: https://e.x/2").0.id,
        parse("url: https://e.x/1").0.id
    );
}

#[test]
fn unknown_keys_are_ignored() {
    let (a, problems) =
        parse("layout: post\ntitle: t\nextra:\n  nested: map\n  list: [1, 2]\nother: [x, y]\n");
    assert_eq!(a.title, "t");
    assert!(problems.is_empty());
}

#[test]
fn huge_tag_lists_dedup_in_order() {
    let items: Vec<String> = (0..50_000).map(|i| format!("\"t{}\"", i % 1000)).collect();
    let (a, _) = parse(&format!("tags: [{}]", items.join(", ")));
    assert_eq!(a.tags().len(), 1000);
    assert_eq!(a.tags()[..3], ["t0", "t1", "t2"]);
}
