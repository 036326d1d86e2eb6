//! Hostile bodies render without panicking, overflowing or freezing. Sizes
//! are scaled down so debug builds stay quick; full sizes run in the bench.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use inkstone::render::render_body;
use inkstone::text::width::str_width;

fn check(name: &str, body: &str, widths: &[usize]) {
    let start = Instant::now();
    let doc = render_body(body, Some("https://example.org/a/b"));
    for &w in widths {
        for line in doc.layout(w) {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(str_width(&text) <= w, "{name}: {text:?} wider than {w}");
            assert!(
                !text.chars().any(char::is_control),
                "{name}: control char in {text:?}"
            );
        }
    }
    eprintln!("{name}: {:?}", start.elapsed());
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{name} took {:?}",
        start.elapsed()
    );
}

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn nested_divs_on_a_small_stack() {
    on_small_stack(|| {
        let body = format!(
            "{}深處的字{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        check("divs", &body, &[1, 10, 40]);
    });
}

#[test]
fn nested_quotes_and_lists() {
    on_small_stack(|| {
        check(
            "md quotes",
            &format!("{} 引文", ">".repeat(5_000)),
            &[5, 20, 80],
        );
        check(
            "html quotes",
            &format!(
                "{}q{}",
                "<blockquote>".repeat(5_000),
                "</blockquote>".repeat(5_000)
            ),
            &[5, 20, 80],
        );
        let list = (0..2_000).fold(String::new(), |mut list, i| {
            let _ = writeln!(list, "{}- item {i}", "  ".repeat(i));
            list
        });
        check("md lists", &list, &[5, 20, 80]);
        check(
            "html lists",
            &format!(
                "{}li{}",
                "<ul><li>".repeat(3_000),
                "</li></ul>".repeat(3_000)
            ),
            &[5, 20, 80],
        );
        check(
            "tables",
            &format!(
                "{}x{}",
                "<table><tr><td>".repeat(2_000),
                "</td></tr></table>".repeat(2_000)
            ),
            &[5, 20, 80],
        );
    });
}

#[test]
fn pathological_markdown() {
    for (name, body) in [
        ("brackets", "[".repeat(50_000)),
        ("emphasis", "*a".repeat(50_000)),
        ("angles", "<".repeat(50_000)),
        ("backticks", "`".repeat(50_000)),
        ("links", "[a](".repeat(20_000)),
        ("entities", "&#27;&#x202e;&#xF0001;".repeat(10_000)),
        ("shortcodes", "{{< video src=\"".repeat(10_000)),
    ] {
        check(name, &body, &[10, 80]);
    }
}

#[test]
fn long_line_and_wide_table() {
    let line = "很長的一行沒有換行符號，".repeat(1_100);
    check("long line", &line, &[1, 2, 10, 40, 80]);
    let cells = (0..60).fold(String::new(), |mut cells, i| {
        let _ = write!(cells, "<td>column-{i}-has-a-long-unbreakable-name</td>");
        cells
    });
    check(
        "wide table",
        &format!("<table><tr>{cells}</tr><tr>{cells}</tr></table>"),
        &[10, 24, 80],
    );
}

#[test]
fn binary_garbage() {
    let mut state = 0x2545_f491_u32;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    check("garbage", &String::from_utf8_lossy(&bytes), &[1, 7, 40, 80]);
}

#[test]
fn escapes_never_come_out() {
    let body = "a\u{1b}[31mred\u{1b}]0;title\u{7} &#27;[2J <b>x\u{202e}y</b> \u{9b}31m";
    let doc = render_body(body, None);
    for line in doc.layout(40) {
        for span in &line.spans {
            assert!(
                !span
                    .content
                    .chars()
                    .any(|c| c.is_control() || c == '\u{202e}'),
                "{span:?}"
            );
        }
    }
}

/// Pieces of Markdown and HTML that stress the pipeline when shuffled.
const SOUP: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "<th>",
    "<thead>",
    "<caption>",
    "<li>",
    "<ul>",
    "<ol start=-5>",
    "</ol>",
    "<blockquote>",
    "</blockquote>",
    "&amp;",
    "&#x1;",
    "&#0;",
    "<hr>",
    "<br>",
    "<img src=x alt=y>",
    "<img src=x>",
    "<a href=/x>",
    "</a>",
    "中文",
    "word ",
    "\n\n",
    "\n",
    "> ",
    "- ",
    "1. ",
    "# ",
    "|a|b|\n|-|-|\n",
    "```\n",
    "<pre>",
    "</pre>",
    "\t",
    "<figure>",
    "<figcaption>",
    "</figure>",
    "<iframe src=//y.com/v>",
    "{{< video src=\"x\" >}}",
    "<h1>",
    "</h1>",
    "<dl><dt>t<dd>d",
    "<sup>2</sup>",
    "<s>s</s>",
    "<code>c</code>",
    "<svg><title>t</title></svg>",
    "<template>",
    "<textarea>",
    "<script>",
    "<!--",
    "-->",
    "  ",
    "　",
    "👩\u{200D}💻",
    "🇭🇰",
    "e\u{301}",
    "\u{202e}",
    "\u{200b}",
    "**",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "![a](b)",
    "[l](u)",
    "\\",
    "***\n",
    "---\n",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn shuffled_markup_never_breaks_the_rules(
        picks in proptest::collection::vec(0..SOUP.len(), 0..300),
        width in 1usize..100,
    ) {
        let body: String = picks.iter().map(|&i| SOUP[i]).collect();
        let doc = render_body(&body, Some("https://example.org/a/b"));
        for line in doc.layout(width) {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            proptest::prop_assert!(str_width(&text) <= width, "{:?} at {}", text, width);
            proptest::prop_assert!(!text.chars().any(char::is_control), "{:?}", text);
        }
    }
}
