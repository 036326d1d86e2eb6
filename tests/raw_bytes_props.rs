//! Property tests over raw bytes: whatever a file or a search holds, the
//! front-matter splitter, the YAML/TOML/JSON readers (through the loader's
//! public entry point), the HTML/Markdown renderer and the query parser do
//! not panic, finish in bounded time, and give bounded output.

use std::time::{Duration, Instant};

use inkstone::article::{Split, split};
use inkstone::library::{load_file, read_body};
use inkstone::render::render_article;
use inkstone::search::Query;
use inkstone::text::width::str_width;
use proptest::prelude::*;

/// Very generous: each case takes milliseconds; a quadratic or endless
/// path takes far longer on these sizes.
const PATIENCE: Duration = Duration::from_secs(20);

/// Pieces that make the parsers take their interesting paths.
const PIECES: &[&[u8]] = &[
    b"---\n",
    b"+++\n",
    b"{\n",
    b"}\n",
    b"\xEF\xBB\xBF",
    b"title: ",
    b"title = \"",
    b"\"title\": ",
    b"date: 2024-01-02T03:04:05+08:00\n",
    b"tags: [a, b, ",
    b"- item\n",
    b"&anchor ",
    b"*anchor ",
    b"[table]\n",
    b"[[array]]\n",
    b"\"\\u00",
    b"<div><p>",
    b"</p></div>",
    b"<table><tr><td>",
    b"<script>",
    b"<!--",
    b"# \xE6\x96\xB0\xE8\x81\x9E\n",
    b"**",
    b"```\n",
    b"> ",
    b"| a | b |\n|---|---|\n",
    b"[link](https://a.example/",
    b"\x1B[31m",
    b"\xE2\x80\xAE",
    b"\xFF\xFE",
    b"\r\n",
    b"\n\n",
    b"\t",
    b"\0",
];

fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..3000),
        proptest::collection::vec(proptest::sample::select(PIECES), 0..120)
            .prop_map(|pieces| pieces.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_splitter_stays_inside_any_input(bytes in file_bytes(), complete: bool) {
        let started = Instant::now();
        match split(&bytes, complete) {
            Split::Closed { front, body_start, .. } => {
                prop_assert!(front.end <= body_start && body_start <= bytes.len());
            }
            Split::NoFrontMatter { body_start } | Split::Unclosed { body_start, .. } => {
                prop_assert!(body_start <= bytes.len());
            }
            Split::NeedMore => prop_assert!(!complete),
        }
        prop_assert!(started.elapsed() < PATIENCE);
    }

    #[test]
    fn any_file_loads_and_renders_within_bounds(
        bytes in file_bytes(),
        extension in proptest::sample::select(vec!["md", "html"]),
        width in 10usize..120,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("a.{extension}"));
        std::fs::write(&path, &bytes).unwrap();
        let started = Instant::now();
        // An error (binary, unreadable front matter) is an answer too.
        if let Ok((article, _problems)) = load_file(&path, dir.path()) {
            prop_assert!(str_width(&article.title) <= 4 * bytes.len() + 100);
            let body = read_body(&article.body).unwrap();
            prop_assert!(body.len() <= 3 * bytes.len() + 4);
            let lines = render_article(&article, &body).layout(width);
            // Bounded output: lines no wider than asked, and not more of
            // them than the input could make.
            prop_assert!(lines.len() <= 4 * bytes.len() + 50, "{} lines", lines.len());
            for line in &lines {
                prop_assert!(line.width() <= width, "{} > {width}: {line:?}", line.width());
            }
        }
        prop_assert!(started.elapsed() < PATIENCE);
    }

    #[test]
    fn any_query_parses_within_bounds(
        bytes in proptest::collection::vec(any::<u8>(), 0..3000),
        older in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let text = String::from_utf8_lossy(&bytes);
        let started = Instant::now();
        let query = Query::parse(&text);
        let held: usize = query.terms().iter().map(String::len).sum();
        // Folding may expand a character (NFKC) but not without bound.
        prop_assert!(held <= 8 * text.len());
        prop_assert!(query.terms().iter().all(|t| !t.is_empty()));
        let previous = Query::parse(&String::from_utf8_lossy(&older));
        let _ = query.narrows(&previous);
        prop_assert!(query.narrows(&Query::parse("")));
        prop_assert!(started.elapsed() < PATIENCE);
    }
}
