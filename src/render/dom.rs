//! Rewrites the parsed HTML before html2text lays it out: figures, rules,
//! embedded media and tables become paragraphs that carry our markers, so
//! each comes out as one recognisable line (or one line per table row).
//!
//! One pass over the tree with an explicit stack (no recursion: the tree may
//! be deep), editing children lists in place.

mod table;

use std::rc::Rc;

use html2text::{Element, Handle, RcDom};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, TreeSink};
use html5ever::{Attribute, LocalName, QualName, ns};

use super::decorator::marker;
use super::shortcode::short_address;
use crate::text::sanitize::clean_inline;

/// Rewrites `dom` in place.
pub(super) fn rewrite(dom: &RcDom) {
    let mut stack = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        let mut children = node.children.borrow_mut();
        for child in children.iter_mut() {
            let replacement = match tag(child).as_deref() {
                Some("figure") if find(child, &["img"]).is_some() => Some(figure(dom, child)),
                Some("hr") => Some(paragraph_with(dom, &marker::RULE.to_string())),
                Some("iframe" | "video" | "audio" | "embed" | "object") => Some(media(dom, child)),
                Some("table") => Some(table::rows(dom, child)),
                Some("script" | "style" | "template" | "noscript") | None => None,
                Some(_) => {
                    stack.push(child.clone());
                    None
                }
            };
            if let Some(new) = replacement {
                new.parent.set(Some(Rc::downgrade(&node)));
                child.parent.set(None);
                *child = new;
            }
        }
        separate_adjacent_links(dom, &node, &mut children);
    }
}

/// Links set directly side by side (a "read more" list styled by CSS we do
/// not have) would run together: each goes on its own line.
fn separate_adjacent_links(dom: &RcDom, parent: &Handle, children: &mut Vec<Handle>) {
    let is_link = |n: &Handle| tag(n).as_deref() == Some("a");
    if !children
        .windows(2)
        .any(|w| is_link(&w[0]) && is_link(&w[1]))
    {
        return;
    }
    let old = std::mem::take(children);
    for (i, child) in old.into_iter().enumerate() {
        if i > 0 && is_link(&child) && children.last().is_some_and(is_link) {
            let br = element(dom, "br");
            br.parent.set(Some(Rc::downgrade(parent)));
            children.push(br);
        }
        children.push(child);
    }
}

/// The lower-case tag name of an element.
fn tag(node: &Handle) -> Option<String> {
    match &node.data {
        Element { name, .. } => Some((*name.local).to_ascii_lowercase()),
        _ => None,
    }
}

fn attribute(node: &Handle, key: &str) -> Option<String> {
    match &node.data {
        Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| (*a.name.local).eq_ignore_ascii_case(key))
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

/// The first element below `node` (in document order) named one of `names`.
fn find(node: &Handle, names: &[&str]) -> Option<Handle> {
    let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
    while let Some(n) = stack.pop() {
        if tag(&n).is_some_and(|t| names.contains(&t.as_str())) {
            return Some(n);
        }
        stack.extend(n.children.borrow().iter().rev().cloned());
    }
    None
}

fn element(dom: &RcDom, name: &str) -> Handle {
    dom.create_element(
        QualName::new(None, ns!(html), LocalName::from(name)),
        Vec::new(),
        ElementFlags::default(),
    )
}

fn append_text(dom: &RcDom, parent: &Handle, text: &str) {
    dom.append(parent, NodeOrText::AppendText(StrTendril::from_slice(text)));
}

/// Moves `child` (detached from wherever it was) to the end of `parent`.
fn adopt(dom: &RcDom, parent: &Handle, child: Handle) {
    child.parent.set(None);
    dom.append(parent, NodeOrText::AppendNode(child));
}

fn paragraph_with(dom: &RcDom, text: &str) -> Handle {
    let p = element(dom, "p");
    append_text(dom, &p, text);
    p
}

/// `<figure><img src alt><figcaption>..</figcaption></figure>` becomes
/// `<p>FIGURE src SRC_END alt ALT_END caption..</p>`; the converter shows
/// the caption, or the alt text when the caption is empty.
fn figure(dom: &RcDom, figure: &Handle) -> Handle {
    let img = find(figure, &["img"]);
    let alt = img
        .as_ref()
        .and_then(|img| attribute(img, "alt"))
        .map(|a| clean_inline(&a))
        .unwrap_or_default();
    let src = img
        .as_ref()
        .and_then(|img| attribute(img, "src"))
        .map(|s| clean_inline(&s))
        .unwrap_or_default();
    let p = element(dom, "p");
    append_text(
        dom,
        &p,
        &format!(
            "{}{src}{}{alt}{}",
            marker::FIGURE,
            marker::SRC_END,
            marker::ALT_END
        ),
    );
    if let Some(caption) = find(figure, &["figcaption"]) {
        let kids = std::mem::take(&mut *caption.children.borrow_mut());
        for kid in kids {
            adopt(dom, &p, kid);
        }
    }
    p
}

/// An embedded player becomes a paragraph holding a link to what it plays.
fn media(dom: &RcDom, node: &Handle) -> Handle {
    let src = attribute(node, "src")
        .or_else(|| attribute(node, "data"))
        .or_else(|| find(node, &["source"]).and_then(|s| attribute(&s, "src")))
        .filter(|s| !s.trim().is_empty());
    let p = element(dom, "p");
    let Some(src) = src else {
        return p;
    };
    let link = dom.create_element(
        QualName::new(None, ns!(html), LocalName::from("a")),
        vec![Attribute {
            name: QualName::new(None, ns!(), LocalName::from("href")),
            value: StrTendril::from_slice(src.trim()),
        }],
        ElementFlags::default(),
    );
    append_text(dom, &link, &format!("[影片] {}", short_address(src.trim())));
    adopt(dom, &p, link);
    p
}
