//! Highlighting search matches in what the reader draws: fixture articles
//! rendered by the real renderer and laid out at several widths, so `n`/`N`
//! and highlights are known to land on the rendered (wrapped) text.

use inkstone::library::{Library, read_body};
use inkstone::render::render_article;
use inkstone::search::{
    Query, SearchIndex, fold, highlight_ranges, match_lines, match_ranges, next_match,
};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

mod common;

fn fixtures() -> Library {
    Library::load(&[common::archive::fixtures("search")])
}

fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn every_body_match_is_visible_in_the_rendered_article_at_every_width() {
    let library = fixtures();
    let index = SearchIndex::build(&library.articles);
    for typed in [
        "习近平",
        "台湾",
        "國家安全",
        "测试图片说明",
        "abc123",
        "カタカナ",
    ] {
        let query = Query::parse(typed);
        for &i in index.matches(&query).indices() {
            let article = &library.articles[i];
            let in_metadata = match_ranges(&article.title, &query).len()
                + article
                    .tags()
                    .iter()
                    .map(|t| match_ranges(t, &query).len())
                    .sum::<usize>();
            let body = read_body(&article.body).expect("fixture body");
            let doc = render_article(article, &body);
            for width in [12, 24, 40, 80] {
                let lines: Vec<String> = doc.layout(width).iter().map(line_text).collect();
                let found = match_lines(lines.iter().map(String::as_str), &query);
                assert!(
                    !found.is_empty() || in_metadata > 0,
                    "{typed:?} matched {:?} but shows nowhere at width {width}:\n{}",
                    article.title,
                    lines.join("\n")
                );
                // What is highlighted, read in order, is the query's text
                // (a match wrapped over lines included).
                let marked: String = found
                    .ranges
                    .iter()
                    .zip(&lines)
                    .flat_map(|(ranges, line)| ranges.iter().map(move |r| &line[r.clone()]))
                    .collect();
                assert!(
                    found.is_empty() || fold(&marked).contains(&query.terms()[0]),
                    "{typed:?} at width {width}: {marked:?}"
                );
            }
        }
    }
}

#[test]
fn highlight_marks_the_traditional_text_for_a_simplified_query() {
    let library = fixtures();
    let article = library
        .articles
        .iter()
        .find(|a| a.title.contains("習近平會見"))
        .expect("the Traditional fixture");
    let query = Query::parse("习近平");
    let title = &article.title;
    let ranges = match_ranges(title, &query);
    assert_eq!(
        ranges.iter().map(|r| &title[r.clone()]).collect::<Vec<_>>(),
        ["習近平"]
    );

    let body = read_body(&article.body).expect("fixture body");
    let lines = render_article(article, &body).layout(40);
    let texts: Vec<String> = lines.iter().map(line_text).collect();
    let found = match_lines(texts.iter().map(String::as_str), &query);
    let first = next_match(&found.starts, 0).expect("a match in the body");
    let mark = Style::default().add_modifier(Modifier::REVERSED);
    let mut highlighted = String::new();
    for (i, line) in lines.iter().enumerate().skip(first.line).take(2) {
        let marked = highlight_ranges(line, &found.ranges[i], mark);
        assert_eq!(line_text(&marked), texts[i], "highlighting keeps the text");
        highlighted.extend(
            marked
                .spans
                .iter()
                .filter(|s| s.style.add_modifier.contains(Modifier::REVERSED))
                .map(|s| s.content.as_ref()),
        );
    }
    assert!(highlighted.starts_with("習近平"), "{highlighted:?}");
}
