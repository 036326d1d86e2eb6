//! Issue 9: archives as their site generators publish them
//! (tests/fixtures/formats, written by scripts/make-format-fixtures.py):
//! Jekyll `_posts` mixing Markdown and HTML, Hugo TOML and JSON front
//! matter, date-times, legacy encodings.

use std::path::PathBuf;

use inkstone::article::{Article, BodyFormat};
use inkstone::library::{self, Library, Severity};
use inkstone::render::render_article;

mod common;
mod formats {
    mod command_line;
}
use common::archive::file_name as name;

fn fixtures(sub: &str) -> PathBuf {
    common::archive::fixtures("formats").join(sub)
}

fn article<'a>(library: &'a Library, file: &str) -> &'a Article {
    common::archive::by_file_name(library, file)
}

/// The article's body as the detail view and `show` lay it out.
fn shown(article: &Article, width: usize) -> String {
    let body = library::read_body(&article.body).expect("body reads");
    render_article(article, &body)
        .layout(width)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_no_markup(file: &str, text: &str) {
    for markup in [
        "<p>", "<div", "<dl>", "<dt>", "<img", "<!--", "-->", "&#", "</",
    ] {
        assert!(!text.contains(markup), "{file} shows {markup:?}:\n{text}");
    }
}

/// One post, loaded as `show` does.
fn post(file: &str) -> Article {
    let path = fixtures("_posts").join(file);
    let (article, problems) = library::load_file(&path, &fixtures("_posts")).expect("loads");
    assert!(problems.is_empty(), "{file}: {problems:?}");
    article
}

#[test]
fn posts_keep_date_time_offset_and_format() {
    let typhoon = post("2025-11-01-typhoon.md");
    assert_eq!(typhoon.title, "颱風逼近　天文台考慮改發八號風球");
    assert_eq!(
        typhoon.datetime.map(|t| t.to_rfc3339()).as_deref(),
        Some("2025-11-01T11:18:23+08:00")
    );
    assert_eq!(typhoon.format, BodyFormat::Markdown);
    let harbour = post("2025-11-01-harbour.html");
    assert_eq!(harbour.title, "維港夜景重現燈光匯演");
    assert_eq!(harbour.format, BodyFormat::Html);
    assert_eq!(post("2025-10-30-ferry.HTM").format, BodyFormat::Html);
    assert_eq!(
        post("2025-10-31-rain.MARKDOWN").format,
        BodyFormat::Markdown
    );
}

#[test]
fn html_blocks_never_show_markup_in_markdown_posts() {
    let typhoon = &post("2025-11-01-typhoon.md");
    for width in [24, 40, 80] {
        let text = shown(typhoon, width);
        assert_no_markup("typhoon.md", &text.replace("文中的 <p> 是", ""));
        assert!(text.contains("衛星雲圖顯示風眼清晰。"), "{text}");
        assert!(text.contains("渡輪服務或會暫停。"), "{text}");
        assert!(text.contains('%'), "the entity decoded: {text}");
        assert!(!text.contains("廣告"), "a comment's text: {text}");
    }
    let text = shown(typhoon, 80);
    assert!(
        text.contains("文中的 <p> 是段落標籤。"),
        "a code span keeps `<p>` as written: {text}"
    );
}

#[test]
fn html_files_render_as_html_not_markdown() {
    let harbour = &post("2025-11-01-harbour.html");
    let text = shown(harbour, 80);
    assert_no_markup("harbour.html", &text);
    assert!(text.contains("*星號*"), "no Markdown emphasis: {text}");
    assert!(text.contains("縮排的段落不是程式碼。"), "{text}");
    assert!(text.contains("票價元免費。"), "entity decoded: {text}");
    assert!(!text.contains("評論"), "{text}");
}

#[test]
fn hugo_toml_and_json_front_matter() {
    let library = Library::load(&[fixtures("hugo")]);
    let toml = article(&library, "toml-post.md");
    assert_eq!(toml.title, "山頂纜車延長服務時間");
    assert_eq!(
        toml.datetime.map(|t| t.to_rfc3339()).as_deref(),
        Some("2024-03-01T08:30:00+08:00")
    );
    assert_eq!(
        toml.updated.map(|t| t.to_string()).as_deref(),
        Some("2024-03-02 10:00:00"),
        "lastmod"
    );
    assert_eq!(toml.tags(), ["交通", "旅遊"]);
    assert_eq!(toml.categories(), ["本地"]);
    assert_eq!(toml.authors(), ["陳記者", "李記者"]);
    assert!(!toml.draft);
    assert!(shown(toml, 40).contains("纜車公司宣布延長服務時間。"));

    let json = article(&library, "json-post.md");
    assert_eq!(json.title, "圖書館增設自修室");
    assert_eq!(json.authors(), ["王記者"]);
    assert_eq!(json.tags(), ["教育"]);
    assert_eq!(
        library::read_body(&json.body).unwrap().trim(),
        "公共圖書館將增設自修室。"
    );

    let draft = article(&library, "draft.md");
    assert!(draft.draft);
    assert_eq!(
        draft.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-03")
    );
    assert!(library.problems.is_empty(), "{:?}", library.problems);
}

#[test]
fn legacy_encodings_are_decoded_and_named() {
    let library = Library::load(&[fixtures("encodings")]);
    let expected = [
        ("big5.md", "大五碼編碼的新聞", Some("Big5")),
        ("gb18030.md", "国标编码的新闻𠀀", Some("gb18030")),
        ("gbk.md", "汉字内码扩展的新闻", Some("GBK")),
        ("shift_jis.md", "シフトJISのニュース", Some("Shift_JIS")),
        ("euc-kr.md", "완성형 인코딩 뉴스", Some("EUC-KR")),
        ("utf16le.md", "小端序的新聞", Some("UTF-16LE")),
        ("utf16be.md", "大端序的新聞", Some("UTF-16BE")),
        ("utf8-bom.md", "帶位元組順序記號的新聞", None),
    ];
    assert_eq!(library.articles.len(), expected.len());
    for (file, title, encoding) in expected {
        let a = article(&library, file);
        assert_eq!(a.title, title, "{file}");
        assert!(a.date.is_some(), "{file}");
        let body = library::read_body(&a.body).unwrap();
        assert!(!body.contains('\u{FFFD}'), "{file}: {body}");
        assert!(
            ["市民", "시민"].iter().any(|w| body.contains(w)),
            "{file}: {body}"
        );
        let warnings: Vec<&str> = library
            .problems
            .iter()
            .filter(|p| name(&p.path) == file)
            .map(|p| {
                assert_eq!(p.severity, Severity::Warning);
                p.reason.as_str()
            })
            .collect();
        match encoding {
            // GB18030 text (a supplementary-plane character in the title)
            // is detected as GBK, whose decoder is GB18030's.
            Some("gb18030") => assert_eq!(warnings, ["not UTF-8: decoded as GBK"]),
            Some(encoding) => {
                assert_eq!(warnings, [format!("not UTF-8: decoded as {encoding}")]);
            }
            None => assert!(warnings.is_empty(), "{file}: {warnings:?}"),
        }
    }
}

#[test]
fn jekyll_posts_in_every_extension_are_listed_newest_first_by_instant() {
    let library = Library::load(&[fixtures("_posts")]);
    let files: Vec<&str> = library.articles.iter().map(|a| name(&a.path)).collect();
    // 20:05 +08 (12:05Z), 11:18:23 +08 (03:18Z), Oct 31 23:40 +08, Oct 30 08:00Z.
    assert_eq!(
        files,
        [
            "2025-11-01-harbour.html",
            "2025-11-01-typhoon.md",
            "2025-10-31-rain.MARKDOWN",
            "2025-10-30-ferry.HTM",
        ]
    );
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    assert_eq!(library.skipped.site_pages, 1, "index.html");
    assert_eq!(library.skipped.other_files, 1, "notes.txt");
}
