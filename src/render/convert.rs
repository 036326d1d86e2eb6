//! html2text's annotated lines (rendered very wide, so one line is one
//! paragraph or one hard-broken line) become raw blocks: prefixes parsed
//! into an indent, markers into images, rules and table rows, annotations
//! into styles and resolved links.

mod prefix;
mod runs;

use super::style::Look;
use crate::archive_links::LinkBase;
use html2text::render::TaggedLine;

use super::decorator::{Mark, marker};
use super::document::Indent;
use super::{links, style};
use runs::{Runs, plain_run, trim_runs};

/// Text in one style; `link` is the resolved http(s) address it points to.
/// An `image` run is an image's label (its text is the alt text) and
/// `link` the image's own address.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Run {
    pub text: String,
    pub style: Look,
    pub link: Option<String>,
    pub image: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Body,
    Heading(u8),
    /// An image line; holds the caption shown, to spot a repeated caption.
    Image(String),
    Pre,
}

/// How a table cell sits in its column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Align {
    #[default]
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub head: bool,
    pub align: Align,
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone)]
pub(super) enum RawBlock {
    Text {
        indent: Indent,
        kind: Kind,
        runs: Vec<Run>,
    },
    Blank {
        indent: Indent,
    },
    Rule {
        indent: Indent,
    },
    Row {
        indent: Indent,
        starts_table: bool,
        cells: Vec<Cell>,
    },
}

type Piece<'a> = (&'a str, &'a [Mark]);

/// Converts every line.
pub(super) fn convert(lines: &[TaggedLine<Vec<Mark>>], base: &LinkBase) -> Vec<RawBlock> {
    lines
        .iter()
        .map(|line| {
            let pieces: Vec<Piece<'_>> = line
                .tagged_strings()
                .map(|t| (t.s.as_str(), t.tag.as_slice()))
                .collect();
            block(&pieces, base)
        })
        .collect()
}

fn block(pieces: &[Piece<'_>], base: &LinkBase) -> RawBlock {
    let prefix = prefix::split(pieces);
    let indent = prefix.indent();
    let quoted = prefix.quoted();
    let content = prefix.content;
    let first = content
        .iter()
        .flat_map(|(s, _)| s.chars())
        .find(|c| *c != ' ');
    match first {
        Some(marker::RULE) => RawBlock::Rule { indent },
        Some(m @ (marker::TABLE_START | marker::ROW)) => RawBlock::Row {
            indent,
            starts_table: m == marker::TABLE_START,
            cells: cells(&content, base),
        },
        Some(marker::FIGURE) => figure(indent, &content, base),
        None if !prefix.has_item_marker => RawBlock::Blank { indent },
        _ => {
            let pre = content.iter().any(|(_, m)| m.contains(&Mark::Preformat));
            let mut runs = Runs::new(base);
            for (s, m) in &content {
                runs.push(s, m);
            }
            let kind = if let Some(level) = prefix.heading {
                Kind::Heading(level)
            } else if pre {
                Kind::Pre
            } else if let Some(caption) = lone_image(&content) {
                Kind::Image(caption)
            } else {
                Kind::Body
            };
            let mut runs = runs.finish();
            let base_style = match kind {
                Kind::Heading(level) => Some(style::heading(level)),
                _ if quoted => Some(style::quote()),
                _ => None,
            };
            if let Some(base_style) = base_style {
                for r in &mut runs {
                    r.style = base_style.patch(r.style);
                }
            }
            RawBlock::Text { indent, kind, runs }
        }
    }
}

/// The alt text when the line is nothing but one inline image.
fn lone_image(content: &[Piece<'_>]) -> Option<String> {
    let text: String = content.iter().map(|(s, _)| *s).collect();
    let inner = text
        .trim()
        .strip_prefix(marker::IMAGE)?
        .strip_suffix(marker::ALT_END)?;
    (!inner.contains(marker::IMAGE)).then(|| inner.trim().to_owned())
}

/// `FIGURE src SRC_END alt ALT_END caption`: the caption, or the alt text
/// without one.
fn figure(indent: Indent, content: &[Piece<'_>], base: &LinkBase) -> RawBlock {
    let mut alt = String::new();
    let mut src = String::new();
    let mut caption = Runs::new(base);
    let mut in_alt = false;
    let mut in_src = false;
    for (s, m) in content {
        let mut rest = *s;
        if !in_alt && !in_src {
            if let Some((_, after)) = rest.split_once(marker::FIGURE) {
                in_src = true;
                rest = after;
            }
        }
        if in_src {
            if let Some((a, after)) = rest.split_once(marker::SRC_END) {
                src.push_str(a);
                in_src = false;
                in_alt = true;
                rest = after;
            } else {
                src.push_str(rest);
                continue;
            }
        }
        if in_alt {
            if let Some((a, after)) = rest.split_once(marker::ALT_END) {
                alt.push_str(a);
                in_alt = false;
                rest = after;
            } else {
                alt.push_str(rest);
                continue;
            }
        }
        caption.push(rest, m);
    }
    let mut caption = caption.finish();
    trim_runs(&mut caption);
    let mut shown: String = caption.iter().map(|r| r.text.as_str()).collect();
    if shown.trim().is_empty() {
        alt.trim().clone_into(&mut shown);
        caption = vec![plain_run(&shown, style::caption())];
    }
    let mut label = plain_run("[圖]", style::media_label());
    if let Some(link) = links::resolve(base, &src) {
        label.text.clone_from(&shown);
        label.link = Some(link);
        label.image = true;
    }
    let mut runs = vec![label];
    if !shown.is_empty() {
        runs.push(plain_run(" ", Look::PLAIN));
        for r in &mut caption {
            r.style = style::caption().patch(r.style);
        }
        runs.extend(caption);
    }
    RawBlock::Text {
        indent,
        kind: Kind::Image(shown),
        runs,
    }
}

fn cells(content: &[Piece<'_>], base: &LinkBase) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    let mut current: Option<(bool, Align, Runs<'_>)> = None;
    for (s, m) in content {
        let mut rest = *s;
        while let Some(at) = rest.find([marker::CELL, marker::HEAD_CELL]) {
            if let Some((_, _, runs)) = current.as_mut() {
                runs.push(&rest[..at], m);
            }
            if let Some((head, align, runs)) = current.take() {
                cells.push(finish_cell(head, align, runs));
            }
            let head = rest[at..].starts_with(marker::HEAD_CELL);
            rest = &rest[at + marker::CELL.len_utf8()..];
            let align = match rest.chars().next() {
                Some(marker::ALIGN_RIGHT) => Align::Right,
                Some(marker::ALIGN_CENTER) => Align::Center,
                _ => Align::Left,
            };
            if align != Align::Left {
                rest = &rest[marker::ALIGN_RIGHT.len_utf8()..];
            }
            current = Some((head, align, Runs::new(base)));
        }
        if let Some((_, _, runs)) = current.as_mut() {
            runs.push(rest, m);
        }
    }
    if let Some((head, align, runs)) = current {
        cells.push(finish_cell(head, align, runs));
    }
    cells
}

fn finish_cell(head: bool, align: Align, runs: Runs<'_>) -> Cell {
    let mut runs = runs.finish();
    trim_runs(&mut runs);
    if head {
        for r in &mut runs {
            r.style = style::table_head().patch(r.style);
        }
    }
    Cell { head, align, runs }
}
