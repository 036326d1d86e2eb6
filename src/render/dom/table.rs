//! A `<table>` becomes one paragraph per row: `ROW` (or `TABLE_START`),
//! then per cell `CELL`/`HEAD_CELL` and the cell's content flattened to
//! inline text, so html2text keeps each row on one line and the document
//! lays the table out itself at each width.

use html2text::{Handle, RcDom};

use super::{adopt, append_text, attribute, element, tag};
use crate::render::decorator::marker;

/// Elements kept (with their content flattened) inside a cell.
const INLINE: &[&str] = &[
    "a", "b", "strong", "em", "i", "code", "s", "del", "sup", "sub", "img", "span", "u", "small",
    "font", "mark", "abbr", "time", "q", "cite",
];

/// Elements whose content is a separate block: flattened with a space.
const DROPPED: &[&str] = &["script", "style", "template"];

/// The rows of `table` as a `<div>` of marked paragraphs.
pub(super) fn rows(dom: &RcDom, table: &Handle) -> Handle {
    let out = element(dom, "div");
    if let Some(caption) = direct_children(table, &["caption"]).next() {
        let p = element(dom, "p");
        for piece in flatten(dom, &caption) {
            adopt(dom, &p, piece);
        }
        adopt(dom, &out, p);
    }
    for (i, (row, head)) in table_rows(table).into_iter().enumerate() {
        let p = element(dom, "p");
        let start = if i == 0 {
            marker::TABLE_START
        } else {
            marker::ROW
        };
        append_text(dom, &p, &start.to_string());
        for cell in direct_children(&row, &["td", "th"]) {
            let is_head = head || tag(&cell).as_deref() == Some("th");
            let cell_marker = if is_head {
                marker::HEAD_CELL
            } else {
                marker::CELL
            };
            append_text(dom, &p, &cell_marker.to_string());
            match alignment(&cell) {
                Some("right") => append_text(dom, &p, &marker::ALIGN_RIGHT.to_string()),
                Some("center") => append_text(dom, &p, &marker::ALIGN_CENTER.to_string()),
                _ => {}
            }
            for piece in flatten(dom, &cell) {
                adopt(dom, &p, piece);
            }
        }
        adopt(dom, &out, p);
    }
    out
}

/// `right` or `center` from a cell's `align` attribute or its
/// `text-align` style (which is how Markdown tables say `---:`).
fn alignment(cell: &Handle) -> Option<&'static str> {
    let align = attribute(cell, "align").unwrap_or_default();
    let style = attribute(cell, "style").unwrap_or_default();
    let text_align = style.split(';').find_map(|decl| {
        let (key, value) = decl.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case("text-align")
            .then(|| value.trim().to_owned())
    });
    let value = text_align.unwrap_or(align).to_ascii_lowercase();
    match value.as_str() {
        "right" | "end" => Some("right"),
        "center" | "middle" => Some("center"),
        _ => None,
    }
}

fn direct_children<'a>(node: &Handle, names: &'a [&str]) -> impl Iterator<Item = Handle> + 'a {
    let kids: Vec<Handle> = node.children.borrow().clone();
    kids.into_iter()
        .filter(move |k| tag(k).is_some_and(|t| names.contains(&t.as_str())))
}

/// Every `<tr>` of this table (not of tables nested in its cells), with
/// whether it sits in `<thead>`.
fn table_rows(table: &Handle) -> Vec<(Handle, bool)> {
    let mut rows = Vec::new();
    let mut stack: Vec<(Handle, bool)> = table
        .children
        .borrow()
        .iter()
        .rev()
        .map(|k| (k.clone(), false))
        .collect();
    while let Some((node, in_head)) = stack.pop() {
        match tag(&node).as_deref() {
            Some("tr") => rows.push((node, in_head)),
            Some(t @ ("thead" | "tbody" | "tfoot")) => {
                let head = t == "thead";
                stack.extend(
                    node.children
                        .borrow()
                        .iter()
                        .rev()
                        .map(|k| (k.clone(), head)),
                );
            }
            _ => {}
        }
    }
    rows
}

/// The content of `cell`, detached, with every block element unwrapped
/// (a space in its place) and inline elements kept but flattened too.
/// Iterative: one frame per open element.
fn flatten(dom: &RcDom, cell: &Handle) -> Vec<Handle> {
    struct Frame {
        /// The inline element being rebuilt, or `None` for a spliced block.
        keep: Option<Handle>,
        rest: std::vec::IntoIter<Handle>,
        out: Vec<Handle>,
    }
    let take = |n: &Handle| std::mem::take(&mut *n.children.borrow_mut()).into_iter();
    let mut frames = vec![Frame {
        keep: None,
        rest: take(cell),
        out: Vec::new(),
    }];
    loop {
        let Some(frame) = frames.last_mut() else {
            return Vec::new();
        };
        if let Some(node) = frame.rest.next() {
            match tag(&node) {
                None => frame.out.push(node),
                Some(t) if DROPPED.contains(&t.as_str()) => {}
                Some(t) if INLINE.contains(&t.as_str()) => {
                    let rest = take(&node);
                    frames.push(Frame {
                        keep: Some(node),
                        rest,
                        out: Vec::new(),
                    });
                }
                Some(_) => {
                    let rest = take(&node);
                    frames.push(Frame {
                        keep: None,
                        rest,
                        out: Vec::new(),
                    });
                }
            }
            continue;
        }
        let Some(done) = frames.pop() else {
            return Vec::new();
        };
        let Some(parent) = frames.last_mut() else {
            return done.out;
        };
        if let Some(inline) = done.keep {
            for piece in done.out {
                adopt(dom, &inline, piece);
            }
            parent.out.push(inline);
        } else {
            parent.out.extend(done.out);
            let space = element(dom, "span");
            append_text(dom, &space, " ");
            parent.out.push(space);
        }
    }
}
