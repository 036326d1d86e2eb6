//! Markdown (with raw HTML passed through) to HTML. Jekyll's Markdown
//! posts are often raw HTML; their HTML blocks are read the way kramdown
//! reads them (see [`html_blocks`]). HTML files do not come here.

mod html_blocks;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::shortcode;
use crate::text::width::char_width;

/// The body as HTML: Hugo shortcodes become links, pipe tables become
/// tables, `~~text~~` is struck through, and a line break inside CJK text
/// does not become a space.
pub(super) fn to_html(body: &str) -> String {
    let body = shortcode::replace_all(body);
    let blocks = html_blocks::Blocks::cut(&body);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SUBSCRIPT;
    let parser = Parser::new_ext(&blocks.markdown, options)
        .map(single_tilde_as_text)
        .map(|event| match event {
            Event::Html(html) => match blocks.restore(&html) {
                Some(raw) => Event::Html(CowStr::Borrowed(raw)),
                None => Event::Html(html),
            },
            other => other,
        });
    let mut out = String::with_capacity(body.len() + body.len() / 4);
    html::push_html(&mut out, JoinCjkLines::new(parser));
    out
}

/// Only `~~double~~` tildes strike through: a single tilde is a range in
/// Chinese text (`3~5 人`), so what the parser took for `~subscript~` is
/// given back its tildes.
fn single_tilde_as_text(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Subscript) | Event::End(TagEnd::Subscript) => {
            Event::Text(CowStr::Borrowed("~"))
        }
        other => other,
    }
}

/// Chinese and Japanese are written without spaces, so a source line break
/// between two of their characters is dropped instead of becoming a space
/// (CSS Text 3 segment-break transformation). Korean keeps it: it uses
/// spaces between words.
struct JoinCjkLines<'a, I: Iterator<Item = Event<'a>>> {
    events: std::iter::Peekable<I>,
    last_char: Option<char>,
}

impl<'a, I: Iterator<Item = Event<'a>>> JoinCjkLines<'a, I> {
    fn new(events: I) -> Self {
        JoinCjkLines {
            events: events.peekable(),
            last_char: None,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for JoinCjkLines<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.events.next()?;
            match &event {
                Event::SoftBreak => {
                    let next_is_cjk = matches!(
                        self.events.peek(),
                        Some(Event::Text(t)) if t.chars().next().is_some_and(joins_lines)
                    );
                    if next_is_cjk && self.last_char.is_some_and(joins_lines) {
                        continue;
                    }
                    self.last_char = None;
                }
                Event::Text(t) => self.last_char = t.chars().next_back(),
                _ => self.last_char = None,
            }
            return Some(event);
        }
    }
}

/// Wide characters of scripts written without spaces.
fn joins_lines(c: char) -> bool {
    let hangul =
        matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}');
    char_width(c) == 2 && !hangul
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_line_breaks_vanish_but_latin_and_korean_keep_a_space() {
        assert_eq!(to_html("中文\n句子"), "<p>中文句子</p>\n");
        assert_eq!(to_html("hello\nworld"), "<p>hello\nworld</p>\n");
        assert_eq!(to_html("한국어\n문장"), "<p>한국어\n문장</p>\n");
    }

    #[test]
    fn double_tildes_strike_through_and_single_ones_stay() {
        assert_eq!(
            to_html("這是~~刪除~~的字"),
            "<p>這是<del>刪除</del>的字</p>\n"
        );
        assert_eq!(to_html("每天3~5次，或7~9次"), "<p>每天3~5次，或7~9次</p>\n");
    }

    #[test]
    fn raw_html_and_pipe_tables_pass() {
        let html =
            to_html("<figure><img src=\"a.jpg\"></figure>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<figure><img src=\"a.jpg\"></figure>"));
        assert!(html.contains("<table>") && html.contains("<td>2</td>"));
    }
}
