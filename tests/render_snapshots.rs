//! What a reader sees: each fixture (both archive formats; Chinese,
//! Japanese, Korean, English, mixed) rendered as `inkstone show --plain`
//! prints it, at three widths.

use std::path::Path;

use inkstone::app::dates::{DEFAULT_FORMAT, DEFAULT_TIME_FORMAT, stamp};
use inkstone::library::{load_file, read_body};
use inkstone::render::{ArticleStyles, Page, PageBody, article_lines, render_article};
use inkstone::text::width::str_width;
use ratatui::style::Modifier;
use ratatui::text::Line;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/render");

fn lines(name: &str, width: usize) -> Vec<Line<'static>> {
    let path = Path::new(FIXTURES).join(name);
    let (article, problems) = load_file(&path, Path::new(FIXTURES)).expect("fixture loads");
    assert!(problems.is_empty(), "{problems:?}");
    let body = read_body(&article.body).expect("fixture body");
    let doc = render_article(&article, &body);
    let page = Page {
        article: &article,
        date: stamp(&article, DEFAULT_FORMAT, Some(DEFAULT_TIME_FORMAT)),
        copies: &[],
        body: PageBody::Loaded(&doc),
    };
    article_lines(&page, width, &ArticleStyles::default())
}

fn plain(lines: &[Line<'_>]) -> String {
    let mut s = String::new();
    for line in lines {
        s.extend(line.spans.iter().map(|sp| sp.content.as_ref()));
        s.push('\n');
    }
    s
}

fn snapshot(name: &str) {
    for width in [24, 40, 80] {
        let text = plain(&lines(name, width));
        for line in text.lines() {
            assert!(str_width(line) <= width, "{name} at {width}: {line:?}");
        }
        let stem = name.trim_end_matches(".md");
        insta::assert_snapshot!(format!("{stem}_{width}"), text);
    }
}

#[test]
fn feed_traditional_chinese() {
    snapshot("feed-zh-hant.md");
}

#[test]
fn archive_simplified_chinese() {
    snapshot("archive-zh-hans.md");
}

#[test]
fn archive_japanese() {
    snapshot("archive-ja.md");
}

#[test]
fn feed_korean() {
    snapshot("feed-ko.md");
}

#[test]
fn archive_english() {
    snapshot("archive-en.md");
}

#[test]
fn mixed_scripts_and_emoji() {
    snapshot("mixed.md");
}

fn spans_with(lines: &[Line<'_>], modifier: Modifier) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| l.spans.iter())
        .filter(|s| s.style.add_modifier.contains(modifier))
        .map(|s| s.content.to_string())
        .collect()
}

#[test]
fn styles_mark_headings_emphasis_and_links() {
    let lines = lines("archive-zh-hans.md", 80);
    let bold = spans_with(&lines, Modifier::BOLD);
    assert!(bold.iter().any(|s| s == "高峰时段限流"), "{bold:?}");
    assert!(bold.iter().any(|s| s == "十二万人次"), "{bold:?}");
    assert!(
        spans_with(&lines, Modifier::ITALIC)
            .iter()
            .any(|s| s == "市民中心")
    );
    let underlined = spans_with(&lines, Modifier::UNDERLINED);
    assert!(
        underlined.iter().any(|s| s == "七号线二期工程动工"),
        "{underlined:?}"
    );
}

#[test]
fn links_are_numbered_and_resolved() {
    let path = Path::new(FIXTURES).join("archive-zh-hans.md");
    let (article, _) = load_file(&path, Path::new(FIXTURES)).unwrap();
    let doc = render_article(&article, &read_body(&article.body).unwrap());
    assert_eq!(
        doc.links(),
        [
            "https://web.archive.org/web/20210712015219im_/https://city.example.cn/images/metro.jpg",
            "https://web.archive.org/web/20210712034151if_/https://www.youtube.com/embed/Xy7_metro01",
            "https://web.archive.org/web/20210712015219/https://city.example.cn/article/3/phase-two",
            "https://web.archive.org/web/20210712015219/https://city.example.cn/subscribe",
        ]
    );
}

#[test]
fn nested_lists_strikethrough_and_tables() {
    snapshot("markup.md");
}

#[test]
fn double_tildes_strike_through() {
    let lines = lines("markup.md", 80);
    let struck = spans_with(&lines, Modifier::CROSSED_OUT);
    assert_eq!(struck, ["刪除"]);
    let text = plain(&lines);
    assert!(!text.contains("~~"), "{text}");
    assert!(text.contains("每區3~5人"), "{text}");
}

#[test]
fn nested_list_items_show_one_bullet() {
    let text = plain(&lines("markup.md", 40));
    assert!(!text.contains("• •"), "{text}");
    assert!(text.contains("  • Author, 陳大文"), "{text}");
}

#[test]
fn right_aligned_columns_are_right_aligned() {
    let text = plain(&lines("markup.md", 80));
    assert!(text.contains("中西區 │  1,234 │ 12%"), "{text}");
    assert!(text.contains("灣仔   │ 98,765 │  8%"), "{text}");
}

#[test]
fn a_table_too_wide_becomes_one_record_per_block() {
    let text = plain(&lines("markup.md", 40));
    assert!(text.contains("\n日期: 2011 年 11 月 24 日\n"), "{text}");
    assert!(
        text.contains("\n備註: 票站延長開放\n\n日期: 2015 年"),
        "{text}"
    );
    assert!(!text.contains("2011 年 11 月 24 日 │"), "{text}");
}

#[test]
fn images_and_bare_addresses_are_numbered_and_links_shown_decoded() {
    let doc = inkstone::render::render_body(
        "看[報道](https://a.hk/article/1/%E9%87%91%E6%AD%A3%E6%81%A9)和 https://fb.com/34dot。\n\n\
         ![示威現場](https://img.a.hk/p1.jpg)\n\n<img src=\"/p2.png\" alt=\"第二張\">\n",
        Some("https://a.hk/x"),
    );
    assert_eq!(
        doc.links(),
        [
            "https://a.hk/article/1/%E9%87%91%E6%AD%A3%E6%81%A9",
            "https://fb.com/34dot",
            "https://img.a.hk/p1.jpg",
            "https://a.hk/p2.png",
        ]
    );
    assert_eq!(doc.link_text(1), "報道");
    assert_eq!(doc.link_text(3), "示威現場");
    for width in [24, 40, 80] {
        let text = plain(&doc.layout(width));
        assert!(text.contains("[圖 3]") && text.contains("[圖 4]"), "{text}");
        assert!(!text.contains("%E9"), "{text}");
    }
    let text = plain(&doc.layout(80));
    assert!(
        text.contains("報道[1]和 https://fb.com/34dot[2]。"),
        "{text}"
    );
    assert!(text.contains("[1] https://a.hk/article/1/金正恩"), "{text}");
}
