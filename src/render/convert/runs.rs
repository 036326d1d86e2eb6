//! Runs of styled text collected from html2text's annotated pieces: links
//! resolved, inline images labelled, spaces trimmed at the ends.

use super::Run;
use crate::archive_links::LinkBase;
use crate::render::decorator::{Mark, marker};
use crate::render::links;
use crate::render::style::{self, Look};

pub(super) fn plain_run(text: &str, style: Look) -> Run {
    Run {
        text: text.to_owned(),
        style,
        link: None,
        image: false,
    }
}

/// Strips spaces at both ends of a run list.
pub(super) fn trim_runs(runs: &mut Vec<Run>) {
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
pub(super) struct Runs<'b> {
    base: &'b LinkBase,
    done: Vec<Run>,
    alt: Option<String>,
    /// The address of the image whose alt text is being read.
    src: Option<String>,
}

impl<'b> Runs<'b> {
    pub(super) fn new(base: &'b LinkBase) -> Self {
        Runs {
            base,
            done: Vec::new(),
            alt: None,
            src: None,
        }
    }

    pub(super) fn push(&mut self, text: &str, marks: &[Mark]) {
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

    pub(super) fn finish(self) -> Vec<Run> {
        self.done
    }
}
