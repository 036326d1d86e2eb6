//! Rendering time: every article of the 3,000-article sample at width 80
//! (parse once + layout), the same articles as `.html` posts (their bodies
//! as the HTML a site generator publishes from the Markdown, rendered as an
//! `.html` file's body is), the largest real article, and the hostile
//! bodies at full size. Run: `cargo bench --bench render`.
//!
//! The sample is read from `target/corpus/articles`, unpacked there from
//! `../shared/corpus/hkcnews-sample.tar.zst` when missing; without either,
//! the corpus part is skipped.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use inkstone::article::BodyFormat;
use inkstone::library::{load_file, read_body};
use inkstone::render::{render_article, render_body};

mod support;

const WIDTH: usize = 80;

fn main() {
    match support::corpus::sample() {
        Some(dir) => bench_corpus(&dir),
        None => println!("corpus: not found, skipped"),
    }
    bench_hostile();
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Best of `runs` timings of parsing and laying out at `WIDTH`.
fn time_render(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn bench_corpus(dir: &Path) {
    let files = markdown_files(dir);
    let mut times = Vec::with_capacity(files.len());
    let mut largest: Option<(usize, PathBuf)> = None;
    for path in &files {
        let Ok((article, _)) = load_file(path, dir) else {
            continue;
        };
        let Ok(body) = read_body(&article.body) else {
            continue;
        };
        let t = time_render(3, || render_article(&article, &body).layout(WIDTH).len());
        times.push((t, path.clone()));
        if largest.as_ref().is_none_or(|(n, _)| body.len() > *n) {
            largest = Some((body.len(), path.clone()));
        }
    }
    times.sort();
    let pct = |percent: usize| times[(times.len() - 1) * percent / 100].0;
    let total: Duration = times.iter().map(|(t, _)| *t).sum();
    println!(
        "corpus: {} articles at width {WIDTH} (best of 3 each)",
        times.len()
    );
    println!(
        "  median {:?}  p99 {:?}  max {:?} ({})",
        pct(50),
        pct(99),
        pct(100),
        times.last().map_or(String::new(), |(_, p)| shown(p, dir))
    );
    println!("  all articles one after another: {total:?}");
    bench_html_against_markdown(&files, dir);
    if let Some((bytes, path)) = largest {
        let (article, _) = load_file(&path, dir).expect("loaded above");
        let body = read_body(&article.body).expect("read above");
        let parse = time_render(20, || render_article(&article, &body).links().len());
        let doc = render_article(&article, &body);
        let layout = time_render(20, || doc.layout(WIDTH).len());
        let both = time_render(20, || render_article(&article, &body).layout(WIDTH).len());
        println!(
            "largest article: {} ({bytes} bytes of body): parse+layout {both:?} (parse {parse:?}, layout alone {layout:?}), best of 20",
            shown(&path, dir)
        );
    }
}

/// Each article rendered from its Markdown, and again as an `.html` post
/// whose body is that Markdown turned into HTML (what Jekyll publishes):
/// issue 9's budget is that `.html` bodies cost no more than `.md` ones.
fn bench_html_against_markdown(files: &[PathBuf], dir: &Path) {
    let mut markdown = Vec::with_capacity(files.len());
    let mut html = Vec::with_capacity(files.len());
    for path in files {
        let Ok((article, _)) = load_file(path, dir) else {
            continue;
        };
        let Ok(body) = read_body(&article.body) else {
            continue;
        };
        let mut html_body = String::with_capacity(body.len() * 2);
        pulldown_cmark::html::push_html(&mut html_body, pulldown_cmark::Parser::new(&body));
        let mut as_html = article.clone();
        as_html.format = BodyFormat::Html;
        markdown.push(time_render(3, || {
            render_article(&article, &body).layout(WIDTH).len()
        }));
        html.push(time_render(3, || {
            render_article(&as_html, &html_body).layout(WIDTH).len()
        }));
    }
    let summary = |times: &mut Vec<Duration>| {
        times.sort();
        let total: Duration = times.iter().sum();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        let p99 = times
            .get((times.len().saturating_sub(1)) * 99 / 100)
            .copied()
            .unwrap_or_default();
        format!("median {median:?}  p99 {p99:?}  all {total:?}")
    };
    println!(
        "same {} articles, best of 3 each: as .md {}; as .html {}",
        markdown.len(),
        summary(&mut markdown),
        summary(&mut html)
    );
}

fn bench_hostile() {
    let paragraph = "地铁七号线今天早上六点正式开通，首班列车从滨江站开出。**十二万人次**，见[相关新闻](/web/2021/https://a.example/b)。Tech Expo 2022 with *English* words.\n\n";
    let cases: Vec<(&str, String)> = vec![
        (
            "20 MB Markdown body",
            paragraph.repeat(20_000_000 / paragraph.len()),
        ),
        (
            "20 MB single line",
            "很長的一行沒有換行符號，".repeat(20_000_000 / 36),
        ),
        (
            "13,000-character line",
            "很長的一行沒有換行符號，".repeat(13_000 / 12),
        ),
        (
            "20,000 nested <div>",
            format!("{}深處{}", "<div>".repeat(20_000), "</div>".repeat(20_000)),
        ),
        ("table of 60 wide columns", {
            let row = (0..60).fold(String::new(), |mut row, i| {
                let _ = write!(row, "<td>column-{i}-long-name</td>");
                row
            });
            format!("<table>{}</table>", format!("<tr>{row}</tr>").repeat(200))
        }),
    ];
    println!("hostile bodies (render_body + layout at {WIDTH}, best of 3):");
    for (name, body) in &cases {
        let t = time_render(3, || {
            render_body(body, Some("https://example.org/a"))
                .layout(WIDTH)
                .len()
        });
        println!("  {name}: {t:?}");
    }
}

fn shown(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}
