//! Normalisation rules, one test each, through the same entry point the
//! loader uses; every case also runs through `serde_yaml` alone to prove the
//! fast parser agrees with it.

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::library::{Problem, Severity};

/// Parses `yaml` both ways, asserts the results agree, and returns one.
fn parse(yaml: &str) -> (Article, Vec<Problem>) {
    let run = |parser| {
        let mut problems = Vec::new();
        let origin = Origin {
            path: PathBuf::from("archive/2020/story.md"),
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

fn reasons(problems: &[Problem]) -> Vec<(Severity, &str)> {
    problems
        .iter()
        .map(|p| (p.severity, p.reason.as_str()))
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
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
    assert_eq!(a.title, "story");
    a.set_title_from_body(None);
    assert_eq!(a.title, "story");
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
    assert_eq!(parse("author: \"眾新聞記者\"").0.authors, ["眾新聞記者"]);
    assert_eq!(
        parse("author: [甲, \"乙\", 甲, \"\"]").0.authors,
        ["甲", "乙"]
    );
    assert_eq!(parse("author:\n  - 甲\n  - 乙").0.authors, ["甲", "乙"]);
    assert!(parse("author: \"\"").0.authors.is_empty());
}

#[test]
fn categories_or_category_string_or_list() {
    assert_eq!(
        parse("categories: [ (臺)中央社CNA ]").0.categories,
        ["(臺)中央社CNA"]
    );
    assert_eq!(parse("category: \"眾聞\"").0.categories, ["眾聞"]);
    assert_eq!(parse("categories: 科技").0.categories, ["科技"]);
    assert_eq!(
        parse("category: 眾聞\ncategories:\n- 科技\n- 經濟")
            .0
            .categories,
        ["科技", "經濟"]
    );
    assert_eq!(
        parse("categories: []\ncategory: 眾聞").0.categories,
        ["眾聞"]
    );
}

#[test]
fn tags_list_numbers_trim_dedup_and_drop_empty() {
    let (a, _) = parse(
        "tags:\n  - \" 香港 \"\n  - 2047\n  - \"\"\n  - 香港\n  - xi  jinping\n  - 3.5\n  - true",
    );
    assert_eq!(a.tags, ["香港", "2047", "xi jinping", "3.5", "true"]);
}

#[test]
fn tags_flow_list_and_single_string() {
    assert_eq!(
        parse("tags: [ 颱風, 天氣, \"台灣\" , 'a, b' ]").0.tags,
        ["颱風", "天氣", "台灣", "a, b"]
    );
    assert_eq!(parse("tags: \"文化\"").0.tags, ["文化"]);
    assert!(parse("tags:").0.tags.is_empty());
    assert!(parse("tags: []").0.tags.is_empty());
}

#[test]
fn tags_are_sanitised() {
    let (a, _) = parse("tags: [\"a\\e[2Jb\", \"\\u202Eevil\", \"\\u0007\"]");
    assert_eq!(a.tags, ["ab", "evil"]);
}

#[test]
fn link_precedence() {
    let all = "url: u\nfrom: f\nlink: l\noriginal_url: o";
    assert_eq!(parse(all).0.url.as_deref(), Some("u"));
    assert_eq!(
        parse("from: f\nlink: l\noriginal_url: o").0.url.as_deref(),
        Some("f")
    );
    assert_eq!(
        parse("link: l\noriginal_url: o").0.url.as_deref(),
        Some("l")
    );
    assert_eq!(parse("original_url: o").0.url.as_deref(), Some("o"));
    assert_eq!(parse("url: \"\"\nfrom: f").0.url.as_deref(), Some("f"));
}

#[test]
fn original_url_kept_only_when_different() {
    assert_eq!(
        parse("url: u\noriginal_url: o").0.original_url.as_deref(),
        Some("o")
    );
    assert_eq!(parse("url: o\noriginal_url: o").0.original_url, None);
    assert_eq!(parse("original_url: o").0.original_url, None);
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
fn control_characters_in_quoted_title_are_removed_before_parsing() {
    let (a, problems) = parse("title: \"市場\u{3}開市\u{8}前\u{1c}急跌\"\ndate: \"2019-06-04\"");
    assert_eq!(a.title, "市場開市前急跌");
    assert_eq!(a.date, day(2019, 6, 4));
    assert_eq!(
        reasons(&problems),
        [(
            Severity::Warning,
            "control characters in front matter were removed"
        )]
    );
}

#[test]
fn broken_yaml_is_an_error_and_leaves_the_title_to_the_body() {
    let (a, problems) = parse("title: \"unterminated\ntags: [a, b\n");
    assert!(a.needs_title());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(
        problems[0]
            .reason
            .starts_with("front matter is not valid YAML"),
        "{}",
        problems[0].reason
    );
}

#[test]
fn front_matter_that_is_not_a_mapping_is_an_error() {
    let (_, problems) = parse("- a\n- b\n");
    assert_eq!(
        reasons(&problems),
        [(
            Severity::Error,
            "front matter is not a YAML mapping of keys to values"
        )]
    );
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let mut yaml = String::from(
        "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for level in 1..10 {
        let prev = format!("*a{}", level - 1);
        let items = vec![prev; 9].join(", ");
        let _ = writeln!(yaml, "a{level}: &a{level} [{items}]");
    }
    yaml.push_str("title: \"bomb\"\n");
    let start = std::time::Instant::now();
    let (a, problems) = parse(&yaml);
    // A hang guard, not a budget: expanding this bomb would take minutes and gigabytes.
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert!(a.needs_title());
    assert_eq!(
        reasons(&problems),
        [(
            Severity::Error,
            "front matter refused: its aliases expand too far (an alias bomb?)"
        )]
    );
}

#[test]
fn deep_nesting_is_refused() {
    for depth in [65, 200, 100_000] {
        let yaml = format!("title: t\nx: {}{}", "[".repeat(depth), "]".repeat(depth));
        let (_, problems) = parse(&yaml);
        assert_eq!(
            reasons(&problems),
            [(
                Severity::Error,
                "front matter nests lists or maps deeper than 64 levels"
            )]
        );
    }
    let yaml = format!("title: t\nx: {}{}", "[".repeat(60), "]".repeat(60));
    assert!(parse(&yaml).1.is_empty());
}

#[test]
fn yaml_forms_the_fast_path_declines_still_work() {
    let (a, _) = parse(
        "title: >\n  folded\n  title\ntags: &t [a]\nauthor: !!str 123\n# comment\ncategory: x # note",
    );
    assert_eq!(a.title, "folded title");
    assert_eq!(a.tags, ["a"]);
    assert_eq!(a.authors, ["123"]);
    assert_eq!(a.categories, ["x"]);
}

#[test]
fn fast_path_reads_both_seed_shapes() {
    let jekyll = "layout: post\ntitle: \"北京\"\ndate: 2020-11-12T09:56:17.000Z\nauthor: (臺)中央社CNA\nfrom: https://e.x/a.aspx\ntags: [ (臺)中央社CNA ]\ncategories: [ (臺)中央社CNA ]\n";
    let archive = "title: \"相隔一月　金正恩\"\ndate: \"2018-05-08\"\nauthor: \"眾新聞記者\"\ncategory: \"眾聞\"\ntags:\n  - \"金正恩訪華\"\n  - \"xi jinping\"\nurl: \"https://w.a/1\"\noriginal_url: \"https://h.c/1\"\n";
    for yaml in [jekyll, archive] {
        assert!(simple_front::parse(yaml).is_some(), "{yaml}");
        parse(yaml);
    }
}

#[test]
fn fast_and_serde_paths_agree_on_tricky_scalars() {
    for yaml in [
        "title: 0x1F\ntags: [1e3, -5, +7, .5, 0o17, 1_000, .inf, ~, null, Yes, no, 007]",
        "title: 'it''s'\nauthor: \"say \\\"hi\\\" \\x41\\u4E2D\\U0001F600\"",
        "title: a[b]{c}\ncategory: C#\ntags:\n- a\n-  b\n",
        "title: trailing   \ntags:\n\n  - a\n\n  - b\n",
        "title: x\ntitle: y",
        "title: \"a\" junk",
        "tags: [a, [b]]",
        "tags:\n  - a\n - b",
        "tags:\n- a:\n- b",
        "key without colon",
        "title: \u{FEFF}x",
        "url: https://e.x/a?b=c#frag",
        "date: 2020-01-01\ntitle: -x\nauthor: '-'\n",
    ] {
        parse(yaml);
    }
}

#[test]
fn unprintable_scan_matches_yaml_rules() {
    for (text, bad) in [
        ("plain 中文，全形", false),
        ("tab\tand\r\nlines", false),
        ("nel\u{85}", false),
        ("bom\u{FEFF}", false),
        ("etx\u{3}", true),
        ("del\u{7f}", true),
        ("csi\u{9b}", true),
        ("nonchar\u{FFFE}", true),
        ("nonchar\u{FFFF}", true),
        ("replacement\u{FFFD}", false),
    ] {
        assert_eq!(has_unprintable(text.as_bytes()), bad, "{text:?}");
        assert_eq!(
            matches!(strip_unprintable(text), Cow::Owned(_)),
            bad,
            "{text:?}"
        );
    }
}
