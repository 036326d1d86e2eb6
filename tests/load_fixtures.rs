//! The hostile fixtures in tests/fixtures/hostile: what becomes of each.

use std::path::PathBuf;

use inkstone::article::{Article, YamlParser};
use inkstone::library::{self, Library, LoadOptions, Severity};
use inkstone::text::sanitize::is_unsafe;

mod common;
use common::archive::file_name;

fn fixtures() -> PathBuf {
    common::archive::fixtures("hostile")
}

fn article<'a>(library: &'a Library, name: &str) -> &'a Article {
    common::archive::by_file_name(library, name)
}

fn problems<'a>(library: &'a Library, name: &str) -> Vec<(Severity, &'a str)> {
    library
        .problems
        .iter()
        .filter(|p| file_name(&p.path) == name)
        .map(|p| (p.severity, p.reason.as_str()))
        .collect()
}

fn hostile() -> Library {
    Library::load(&[fixtures()])
}

#[test]
fn hostile_fixtures_that_are_not_articles_are_skipped() {
    let library = hostile();
    let names: Vec<&str> = library
        .articles
        .iter()
        .map(|a| file_name(&a.path))
        .collect();
    assert_eq!(library.articles.len(), 10, "{names:?}");
    assert!(!names.contains(&"binary.md"));
    assert!(!names.contains(&"secret.md"), "hidden folder walked");
    assert!(!names.contains(&"notes.txt"));
    assert_eq!(
        problems(&library, "binary.md"),
        [(
            Severity::Error,
            "binary file (contains NUL bytes), not an article"
        )]
    );
    assert_eq!(
        article(&library, "LOUD.MARKDOWN").title,
        "Upper-case extension"
    );
    assert!(library.has_errors());
}

#[test]
fn escape_sequences_and_controls_never_survive() {
    let library = hostile();
    let escapes = article(&library, "escapes-in-title-and-tags.md");
    assert_eq!(escapes.title, "Breaking red news today");
    assert_eq!(escapes.authors(), ["Reporter One"]);
    assert_eq!(escapes.categories(), ["World"]);
    assert_eq!(escapes.tags(), ["tagblink", "spaced out", "42"]);
    for a in library.articles.iter() {
        for text in std::iter::once(a.title.as_str()).chain(
            a.authors()
                .iter()
                .chain(a.tags())
                .chain(a.categories())
                .map(inkstone::article::Label::as_str),
        ) {
            assert!(
                !text.chars().any(is_unsafe),
                "{text:?} in {}",
                a.path.display()
            );
        }
    }
}

#[test]
fn control_characters_in_a_quoted_title() {
    let library = hostile();
    assert_eq!(
        article(&library, "control-chars-in-quoted-title.md").title,
        "市場開市前急跌"
    );
    assert_eq!(
        problems(&library, "control-chars-in-quoted-title.md"),
        [(
            Severity::Warning,
            "control characters in front matter were removed"
        )]
    );
}

#[test]
fn broken_yaml_and_alias_bombs_keep_a_body_title() {
    let library = hostile();
    assert_eq!(article(&library, "broken-yaml.md").title, "標題來自正文");
    let broken = problems(&library, "broken-yaml.md");
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0].0, Severity::Error);
    assert!(broken[0].1.starts_with("front matter is not valid YAML"));
    assert!(
        broken[0].1.contains("line 2 column 8"),
        "file line numbers: {}",
        broken[0].1
    );

    assert_eq!(
        article(&library, "alias-bomb.md").title,
        "Alias bomb survivor"
    );
    assert_eq!(
        problems(&library, "alias-bomb.md"),
        [(
            Severity::Error,
            "front matter refused: its aliases expand too far (an alias bomb?)"
        )]
    );
}

#[test]
fn latin1_is_detected_and_decoded_not_replaced() {
    // The file's bytes are Latin-1 (`Caf\xe9 \xff\xfe menu`): issue 9 asks
    // for a detected encoding rather than replacement characters.
    let library = hostile();
    let latin1 = article(&library, "invalid-utf8.md");
    assert_eq!(latin1.title, "Café ÿþ menu");
    assert_eq!(latin1.tags(), ["food"]);
    assert_eq!(
        problems(&library, "invalid-utf8.md"),
        [(Severity::Warning, "not UTF-8: decoded as windows-1252")]
    );
    let body = library::read_body(&latin1.body).unwrap();
    assert_eq!(body.trim(), "Latin-1 bytes é in the body too.");
}

#[test]
fn front_matter_without_closing_line_is_body() {
    let library = hostile();
    let unclosed = article(&library, "no-closing-line.md");
    assert_eq!(unclosed.title, "Heading From Body");
    assert_eq!(unclosed.date, None);
    assert_eq!(problems(&library, "no-closing-line.md").len(), 1);
}

#[test]
fn bom_and_crlf() {
    let library = hostile();
    let crlf = article(&library, "bom-crlf.md");
    assert_eq!(crlf.title, "BOM and CRLF 換行");
    assert_eq!(
        crlf.date.map(|d| d.to_string()).as_deref(),
        Some("2018-05-08")
    );
    assert_eq!(
        crlf.updated.map(|d| d.to_string()).as_deref(),
        Some("2018-05-09 10:11:12")
    );
    assert_eq!(crlf.tags(), ["crlf", "bom"]);
    assert_eq!(
        crlf.original_url(),
        Some("https://example.org/crlf-original")
    );
    assert!(problems(&library, "bom-crlf.md").is_empty());
    let body = library::read_body(&crlf.body).unwrap();
    assert!(body.trim_start().starts_with("Body with CRLF"), "{body:?}");
}

#[test]
fn empty_date_and_deep_html() {
    let library = hostile();
    let undated = article(&library, "empty-date.md");
    assert_eq!(undated.date, None);
    assert!(undated.authors().is_empty());
    assert_eq!(
        problems(&library, "empty-date.md"),
        [(Severity::Warning, "empty date")]
    );

    let deep = article(&library, "deep-html.md");
    assert_eq!(deep.title, "Deep HTML & survived");
    assert_eq!(deep.url(), Some("https://example.org/deep"));
}

#[test]
fn both_yaml_paths_agree_on_the_fixtures() {
    let fast = Library::load_with(&[fixtures()], LoadOptions::default());
    let slow = Library::load_with(
        &[fixtures()],
        LoadOptions {
            parser: YamlParser::SerdeOnly,
            ..LoadOptions::default()
        },
    );
    assert_eq!(fast.articles, slow.articles);
    assert_eq!(fast.problems, slow.problems);
}

#[test]
fn samples_are_compiled_in() {
    let library = Library::open(&[]);
    assert_eq!(library.name, "samples");
    assert!(library.articles.len() >= 30);
    assert!(
        library
            .problems
            .iter()
            .all(|p| p.severity == Severity::Warning)
    );
}
