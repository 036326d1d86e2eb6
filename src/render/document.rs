//! The parsed body: blocks of prepared paragraphs, laid out per width.

mod indent;

use ratatui::text::{Line, Span};

use super::convert::{Cell, RawBlock, Run};
use super::links::{Numbering, readable_url};
use super::style::{self, ArticleStyles, Look, LookSpan};
use super::table::{Table, TableCell};
use crate::text::width::{str_width, take_columns};
use crate::text::wrap::{Paragraph, ParagraphBuilder};

/// A paragraph of article text, styled by role.
type Para = Paragraph<Look>;

pub use indent::Indent;

/// Narrowest text column an indent may leave; deeper indents are dropped.
const MIN_TEXT_COLUMNS: usize = 12;

#[derive(Debug, Clone)]
enum Block {
    Text { indent: Indent, para: Para },
    Blank { indent: Indent },
    Rule { indent: Indent },
    Table { indent: Indent, table: Table },
}

/// A parsed body, ready to be laid out at any width.
#[derive(Debug, Clone, Default)]
pub struct Document {
    blocks: Vec<Block>,
    links: Vec<String>,
    /// Each link's text (the first that named it; an image's alt text).
    link_texts: Vec<String>,
    /// Whether each link leads to another article of the library (`↩`).
    in_archive: Vec<bool>,
}

impl Document {
    /// Numbers the links and prepares every paragraph.
    /// `in_archive` says which links lead to another article of the
    /// library: they are numbered `[n↩]`.
    pub(super) fn assemble(raw: Vec<RawBlock>, in_archive: &dyn Fn(&str) -> bool) -> Self {
        let mut numbering = Numbering::new(in_archive);
        let mut blocks: Vec<Block> = Vec::with_capacity(raw.len());
        let mut raw = raw.into_iter().peekable();
        while let Some(block) = raw.next() {
            match block {
                RawBlock::Text { indent, runs, .. } => {
                    blocks.push(Block::Text {
                        indent,
                        para: paragraph(&runs, &mut numbering),
                    });
                }
                RawBlock::Blank { indent } => {
                    // html2text separates a table's row paragraphs with blanks.
                    let in_table = matches!(blocks.last(), Some(Block::Table { .. }));
                    let row_follows = matches!(
                        raw.peek(),
                        Some(RawBlock::Row {
                            starts_table: false,
                            ..
                        })
                    );
                    if !(in_table && row_follows) {
                        blocks.push(Block::Blank { indent });
                    }
                }
                RawBlock::Rule { indent } => blocks.push(Block::Rule { indent }),
                RawBlock::Row {
                    indent,
                    starts_table,
                    cells,
                } => {
                    let cells: Vec<TableCell> = cells
                        .iter()
                        .map(|Cell { head, align, runs }| TableCell {
                            head: *head,
                            align: *align,
                            para: paragraph(runs, &mut numbering),
                        })
                        .collect();
                    match blocks.last_mut() {
                        Some(Block::Table { table, .. }) if !starts_table => table.push_row(cells),
                        _ => {
                            let mut table = Table::default();
                            table.push_row(cells);
                            blocks.push(Block::Table { indent, table });
                        }
                    }
                }
            }
        }
        let (links, link_texts, in_archive) = numbering.into_links();
        Document {
            blocks,
            links,
            link_texts,
            in_archive,
        }
    }

    /// Appends plain paragraphs (the tail of an oversized body).
    pub(super) fn push_plain(&mut self, paragraphs: impl IntoIterator<Item = Para>) {
        for para in paragraphs {
            if !self.blocks.is_empty() {
                self.blocks.push(Block::Blank {
                    indent: Indent::default(),
                });
            }
            self.blocks.push(Block::Text {
                indent: Indent::default(),
                para,
            });
        }
    }

    /// The numbered links, in order: link `[n]` in the text is `links()[n-1]`.
    /// All are absolute http(s) addresses.
    pub fn links(&self) -> &[String] {
        &self.links
    }

    /// Whether link `[n]` (from 1) leads to another article of the library.
    pub fn is_in_archive(&self, n: usize) -> bool {
        n.checked_sub(1)
            .and_then(|i| self.in_archive.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// The text of link `[n]` (from 1) as the body shows it; empty when
    /// the link has none (a bare address).
    pub fn link_text(&self, n: usize) -> &str {
        n.checked_sub(1)
            .and_then(|i| self.link_texts.get(i))
            .map_or("", String::as_str)
    }

    /// The body wrapped to `width` columns, followed by the numbered link
    /// list, in the built-in look; no line is wider than `width`.
    pub fn layout(&self, width: usize) -> Vec<Line<'static>> {
        self.layout_in(width, &ArticleStyles::default())
    }

    /// [`Self::layout`], each role in the look `styles` gives it.
    pub fn layout_in(&self, width: usize, styles: &ArticleStyles) -> Vec<Line<'static>> {
        let width = width.max(1);
        let look = |look: Look| styles.style(look);
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Text { indent, para } => {
                    let fitted = indent.fit(width);
                    let lines = para.wrap_hanging_in(fitted.first_room, fitted.rest_room, &look);
                    for (i, line) in lines.into_iter().enumerate() {
                        out.push(fitted.apply(i == 0, line, styles));
                    }
                }
                Block::Blank { indent } => {
                    out.push(indent.fit(width).apply(false, Line::default(), styles));
                }
                Block::Rule { indent } => {
                    let fitted = indent.fit(width);
                    out.push(fitted.apply(false, rule(fitted.rest_room, styles), styles));
                }
                Block::Table { indent, table } => {
                    let fitted = indent.fit(width);
                    for line in table.layout(fitted.rest_room, styles) {
                        out.push(fitted.apply(false, line, styles));
                    }
                }
            }
        }
        self.layout_links(width, styles, &mut out);
        out
    }

    fn layout_links(&self, width: usize, styles: &ArticleStyles, out: &mut Vec<Line<'static>>) {
        if self.links.is_empty() {
            return;
        }
        let look = |look: Look| styles.style(look);
        let number = look(style::link_number());
        out.push(Line::default());
        out.push(rule(width, styles));
        for (i, url) in self.links.iter().enumerate() {
            let label = format!("[{}] ", link_label(i + 1, self.is_in_archive(i + 1)));
            let label_width = str_width(&label);
            let para = Para::styled(&readable_url(url), style::link());
            if label_width + MIN_TEXT_COLUMNS > width {
                out.push(Line::styled(take_columns(&label, width).to_owned(), number));
                out.extend(para.wrap_in(width, &look));
                continue;
            }
            for (j, line) in para
                .wrap_in(width - label_width, &look)
                .into_iter()
                .enumerate()
            {
                let lead = if j == 0 {
                    label.clone()
                } else {
                    " ".repeat(label_width)
                };
                let mut spans = vec![Span::styled(lead, number)];
                spans.extend(line.spans);
                out.push(Line::from(spans));
            }
        }
    }
}

fn paragraph(runs: &[Run], numbering: &mut Numbering) -> Para {
    let mut b = ParagraphBuilder::new();
    let mut open: Option<&str> = None;
    let mut text = String::new();
    for run in runs {
        if let (Some(src), true) = (run.link.as_deref(), run.image) {
            // An image's own number sits in its label: `[圖 3]`.
            close_link(&mut b, open.take(), &mut text, numbering);
            let n = numbering.number(src);
            numbering.name(n, run.text.trim());
            b.push(&format!("[圖 {n}]"), style::media_label().patch(run.style));
            continue;
        }
        if run.link.as_deref() != open {
            close_link(&mut b, open, &mut text, numbering);
            open = run.link.as_deref();
        }
        if open.is_some() {
            text.push_str(&run.text);
        }
        b.push(&run.text, run.style);
    }
    close_link(&mut b, open, &mut text, numbering);
    b.finish()
}

fn close_link(
    b: &mut ParagraphBuilder<Look>,
    link: Option<&str>,
    text: &mut String,
    numbering: &mut Numbering,
) {
    if let Some(url) = link {
        let n = numbering.number(url);
        numbering.name(n, text);
        let label = link_label(n, numbering.is_in_archive(n));
        b.push_glued(&format!("[{label}]"), style::link_number());
    }
    text.clear();
}

/// A link's number as the text shows it: `3`, or `3↩` when it leads to
/// another article of the library.
fn link_label(n: usize, in_archive: bool) -> String {
    if in_archive {
        format!("{n}↩")
    } else {
        n.to_string()
    }
}

/// Spans without trailing spaces (an indent on an otherwise empty line).
fn trimmed(spans: &[LookSpan]) -> Vec<LookSpan> {
    let mut out = spans.to_vec();
    while let Some(last) = out.last_mut() {
        let t = last.content.trim_end().to_owned();
        if t.is_empty() {
            out.pop();
        } else {
            last.content = t;
            break;
        }
    }
    out
}

fn rule(width: usize, styles: &ArticleStyles) -> Line<'static> {
    let unit = str_width("─").max(1);
    Line::styled("─".repeat(width / unit), styles.style(style::rule()))
}
