//! The start of an html2text line: quote bars, list bullets and numbers,
//! continuation spaces and the heading marker, before the content.

use super::Piece;
use crate::render::decorator::{Mark, marker};
use crate::render::document::Indent;
use crate::render::style::{self, Look, LookSpan};
use crate::text::width::str_width;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Quote,
    Bullet,
    Number(String),
    Space,
}

pub(super) struct Prefix<'a> {
    tokens: Vec<Token>,
    pub heading: Option<u8>,
    /// A bullet or number: the line is a list item even if empty.
    pub has_item_marker: bool,
    pub content: Vec<Piece<'a>>,
}

/// Splits a line into its prefix and its content.
pub(super) fn split<'a>(pieces: &[Piece<'a>]) -> Prefix<'a> {
    let mut tokens = Vec::new();
    let mut heading = None;
    let mut content = Vec::new();
    for (i, &(text, marks)) in pieces.iter().enumerate() {
        // Preformatted text keeps its leading spaces.
        if marks.contains(&Mark::Preformat) {
            content.extend_from_slice(&pieces[i..]);
            break;
        }
        let mut chars = text.char_indices().peekable();
        let mut content_at = None;
        while let Some(&(at, c)) = chars.peek() {
            chars.next();
            match c {
                marker::QUOTE | marker::BULLET => {
                    chars.next_if(|&(_, c)| c == ' ');
                    tokens.push(if c == marker::QUOTE {
                        Token::Quote
                    } else {
                        Token::Bullet
                    });
                }
                marker::NUMBER => {
                    let mut n = String::new();
                    while let Some((_, d)) = chars.next_if(|&(_, c)| c.is_ascii_digit() || c == '-')
                    {
                        n.push(d);
                    }
                    chars.next_if(|&(_, c)| c == '.');
                    chars.next_if(|&(_, c)| c == ' ');
                    tokens.push(Token::Number(n));
                }
                marker::HEADING => {
                    if let Some((_, d)) = chars.next_if(|&(_, c)| c.is_ascii_digit()) {
                        heading = Some(d as u8 - b'0');
                    }
                }
                ' ' => tokens.push(Token::Space),
                _ => {
                    content_at = Some(at);
                    break;
                }
            }
        }
        if let Some(at) = content_at {
            content.push((&text[at..], marks));
            content.extend_from_slice(&pieces[i + 1..]);
            break;
        }
    }
    let has_item_marker = tokens
        .iter()
        .any(|t| matches!(t, Token::Bullet | Token::Number(_)));
    Prefix {
        tokens,
        heading,
        has_item_marker,
        content,
    }
}

impl Prefix<'_> {
    /// Whether the line is inside a blockquote.
    pub fn quoted(&self) -> bool {
        self.tokens.contains(&Token::Quote)
    }

    /// What goes before the first and the following lines of the content.
    pub fn indent(&self) -> Indent {
        let mut first: Vec<LookSpan> = Vec::new();
        let mut rest: Vec<LookSpan> = Vec::new();
        // A bulleted item that opens with a nested list (`- - a`,
        // `<li><ul>`) has no text of its own on this line: only the inner
        // marker is drawn, so it reads as a nested item, not `• • a`. A
        // number is kept: it counts.
        let last_marker = self
            .tokens
            .iter()
            .rposition(|t| matches!(t, Token::Bullet | Token::Number(_)));
        for (i, t) in self.tokens.iter().enumerate() {
            let outer_bullet = *t == Token::Bullet && last_marker.is_some_and(|last| i < last);
            let (text, style, continued) = match t {
                _ if outer_bullet => ("  ".to_owned(), Look::PLAIN, false),
                // Blank, not a bar: a bar between the halves of a wrapped
                // word would break it for anything reading the text back.
                Token::Quote => ("  ".to_owned(), Look::PLAIN, true),
                Token::Bullet => ("• ".to_owned(), style::bullet(), false),
                Token::Number(n) => (format!(" {n}. "), style::bullet(), false),
                Token::Space => (" ".to_owned(), Look::PLAIN, true),
            };
            let blank = " ".repeat(str_width(&text));
            push_span(
                &mut rest,
                if continued { text.clone() } else { blank },
                if continued { style } else { Look::PLAIN },
            );
            push_span(&mut first, text, style);
        }
        let list = self.tokens.iter().any(|t| !matches!(t, Token::Quote));
        Indent::new(first, rest, list)
    }
}

fn push_span(spans: &mut Vec<LookSpan>, text: String, style: Look) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.push_str(&text),
        _ => spans.push(LookSpan::styled(text, style)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &[(&'static str, Vec<Mark>)]) -> (String, String, Vec<String>, Option<u8>) {
        let pieces: Vec<Piece<'_>> = line.iter().map(|(s, m)| (*s, m.as_slice())).collect();
        let p = split(&pieces);
        let indent = p.indent();
        let text =
            |spans: &[LookSpan]| spans.iter().map(|s| s.content.as_str()).collect::<String>();
        (
            text(indent.first_spans()),
            text(indent.rest_spans()),
            p.content.iter().map(|(s, _)| (*s).to_owned()).collect(),
            p.heading,
        )
    }

    #[test]
    fn quote_and_bullet_prefixes() {
        let got = parse(&[("\u{1} ", vec![]), ("\u{2} ", vec![]), ("item", vec![])]);
        assert_eq!(
            got,
            ("  • ".into(), "    ".into(), vec!["item".into()], None)
        );
    }

    #[test]
    fn numbers_keep_their_padding() {
        let got = parse(&[("\u{3}7.  ", vec![]), ("seven", vec![])]);
        assert_eq!(got.0, " 7.  ");
        assert_eq!(got.1, "     ");
    }

    #[test]
    fn an_item_opening_with_a_nested_list_draws_only_the_inner_marker() {
        let got = parse(&[("\u{2} \u{2} ", vec![]), ("Author", vec![])]);
        assert_eq!(got.0, "  • ");
        let got = parse(&[("\u{3}1. \u{2} ", vec![]), ("item", vec![])]);
        assert_eq!(got.0, " 1. • ");
    }

    #[test]
    fn heading_level_and_preformatted_spaces() {
        assert_eq!(parse(&[("\u{4}3", vec![]), ("Title", vec![])]).3, Some(3));
        let pre = parse(&[("\u{1} ", vec![]), ("  code", vec![Mark::Preformat])]);
        assert_eq!(pre.2, ["  code"]);
    }
}
