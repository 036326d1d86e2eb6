//! html2text's annotated lines (rendered very wide, so one line is one
//! paragraph or one hard-broken line) become raw blocks: prefixes parsed
//! into an indent, markers into images, rules and table rows, annotations
//! into styles and resolved links.

mod prefix;

use super::style::Look;
use crate::archive_links::LinkBase;
use html2text::render::TaggedLine;

use super::decorator::{Mark, marker};
use super::document::Indent;
use super::{links, style};

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

fn plain_run(text: &str, style: Look) -> Run {
    Run {
        text: text.to_owned(),
        style,
        link: None,
        image: false,
    }
}

/// Strips spaces at both ends of a run list.
fn trim_runs(runs: &mut Vec<Run>) {
    while let Some(first) = runs.first_mut() {
        first.text = first.text.trim_start().to_owned();
        if !first.text.is_empty() {
            break;
        }
        runs.remove(0);
    }
    while let Some(last) = runs.last_mut() {
        last.text.truncate(last.text.trim_end().len());
        if !last.text.is_empty() {
            break;
        }
        runs.pop();
    }
}

/// Collects runs from annotated pieces, turning inline images
/// (`IMAGE alt ALT_END`) into `[圖] alt` and dropping stray markers.
struct Runs<'b> {
    base: &'b LinkBase,
    done: Vec<Run>,
    alt: Option<String>,
    /// The address of the image whose alt text is being read.
    src: Option<String>,
}

impl<'b> Runs<'b> {
    fn new(base: &'b LinkBase) -> Self {
        Runs {
            base,
            done: Vec::new(),
            alt: None,
            src: None,
        }
    }

    fn push(&mut self, text: &str, marks: &[Mark]) {
        let href = marks.iter().rev().find_map(|m| match m {
            Mark::Link(h) => Some(h.as_str()),
            _ => None,
        });
        let link = href.and_then(|h| links::resolve(self.base, h));
        // A link that cannot be opened is shown as plain text.
        let unlinked: Vec<Mark>;
        let marks = if href.is_some() && link.is_none() {
            unlinked = marks
                .iter()
                .filter(|m| !matches!(m, Mark::Link(_)))
                .cloned()
                .collect();
            &unlinked[..]
        } else {
            marks
        };
        let style = style::for_marks(marks);
        let mut plain = String::new();
        for c in text.chars() {
            if let Some(alt) = self.alt.as_mut() {
                if c == marker::ALT_END {
                    let alt = self.alt.take().unwrap_or_default();
                    let src = self.src.take();
                    self.image(alt.trim(), src.as_deref(), style, link.as_ref());
                } else {
                    alt.push(c);
                }
                continue;
            }
            match c {
                marker::IMAGE => {
                    self.add(std::mem::take(&mut plain), style, link.as_ref());
                    self.alt = Some(String::new());
                    self.src = marks.iter().find_map(|m| match m {
                        Mark::Image(src) => Some(src.clone()),
                        _ => None,
                    });
                }
                c if marker::is_marker(c) => {}
                c => plain.push(c),
            }
        }
        self.add(plain, style, link.as_ref());
    }

    /// `[圖] alt`. An image with an address of its own gets its own
    /// number (its label run carries the address), so it can be opened,
    /// also inside a link: `[圖 2] alt[1]`, the link's number after its
    /// text (`連結` when the image was all the link showed).
    fn image(&mut self, alt: &str, src: Option<&str>, style: Look, link: Option<&String>) {
        let label = style::media_label().patch(style);
        let own = src.and_then(|s| links::resolve(self.base, s));
        let numbered = own.is_some();
        match own {
            Some(own) => self.done.push(Run {
                text: alt.to_owned(),
                style: label,
                link: Some(own),
                image: true,
            }),
            None => self.add("[圖]".to_owned(), label, link),
        }
        if !alt.is_empty() {
            self.add(format!(" {alt}"), style::caption().patch(style), link);
        } else if numbered && link.is_some() {
            self.add(" 連結".to_owned(), style, link);
        }
    }

    /// Appends text; addresses written out in unlinked text (`see
    /// https://a.b/c`) become links, so they are numbered too.
    fn add(&mut self, text: String, style: Look, link: Option<&String>) {
        if link.is_some() || !links::may_hold_bare(&text) {
            self.add_run(text, style, link);
            return;
        }
        let mut rest = text.as_str();
        while let Some((before, address, after)) = links::find_bare(rest) {
            self.add_run(before.to_owned(), style, None);
            let linked = links::resolve(&LinkBase::default(), &links::with_scheme(address));
            let link_style = if linked.is_some() {
                style.patch(style::link())
            } else {
                style
            };
            self.add_run(address.to_owned(), link_style, linked.as_ref());
            rest = after;
        }
        self.add_run(rest.to_owned(), style, None);
    }

    fn add_run(&mut self, text: String, style: Look, link: Option<&String>) {
        if text.is_empty() {
            return;
        }
        match self.done.last_mut() {
            Some(last) if !last.image && last.style == style && last.link.as_ref() == link => {
                last.text.push_str(&text);
            }
            _ => self.done.push(Run {
                text,
                style,
                link: link.cloned(),
                image: false,
            }),
        }
    }

    fn finish(self) -> Vec<Run> {
        self.done
    }
}
