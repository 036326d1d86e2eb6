//! Front matter YAML: refused control characters, broken and hostile YAML,
//! and the fast parser agreeing with `serde_yaml` on every shape.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::simple_front;
use super::tests::{day, parse, reasons};
use super::unprintable::{has_unprintable, strip_unprintable};
use crate::problem::Severity;

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
    assert_eq!(a.tags(), ["a"]);
    assert_eq!(a.authors(), ["123"]);
    assert_eq!(a.categories(), ["x"]);
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
fn fast_path_borrows_values_that_need_no_decoding() {
    use super::fields::Raw;
    let yaml = "title: 新聞\nurl: \"https://e.x/1\"\nauthor: '記者'\ntags: [甲, \"乙\"]\n\
                category: \"a\\tb\"\noriginal_url: 'it''s'\n";
    let fields = simple_front::parse(yaml).expect("the simple shape");
    let borrowed = |raw: &Option<Raw>| match raw {
        Some(Raw::Text(text)) => Some((matches!(text, Cow::Borrowed(_)), text.to_string())),
        _ => None,
    };
    assert_eq!(borrowed(&fields.title), Some((true, "新聞".to_owned())));
    assert_eq!(
        borrowed(&fields.url),
        Some((true, "https://e.x/1".to_owned()))
    );
    assert_eq!(borrowed(&fields.author), Some((true, "記者".to_owned())));
    // Escapes and doubled quotes are decoded into a copy.
    assert_eq!(borrowed(&fields.category), Some((false, "a\tb".to_owned())));
    assert_eq!(
        borrowed(&fields.original_url),
        Some((false, "it's".to_owned()))
    );
    let Some(Raw::List(tags)) = &fields.tags else {
        panic!("a list");
    };
    assert!(tags.iter().all(|t| matches!(t, Cow::Borrowed(_))));
    assert_eq!(tags, &["甲", "乙"]);
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
        "tags: [\u{85}&]",
        "date:\n- null\ntags:\n- ~\n- a",
        "tags: [?x, a:b, :c, -]",
        "title: ?x\nauthor: :y\ncategory: -z",
        "title: a\u{2028}b",
        "title: \"a\u{2029}b\"",
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

mod generated;
