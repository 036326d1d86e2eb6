//! A block's indent (quote bars, bullets, numbers) and how it is fitted to
//! the width a body is laid out at.

use ratatui::text::{Line, Span};

use super::{MIN_TEXT_COLUMNS, trimmed};
use crate::render::style::{ArticleStyles, LookSpan};
use crate::text::width::str_width;

/// What goes before a block's lines: quote bars, bullets, numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Indent {
    first: Vec<LookSpan>,
    rest: Vec<LookSpan>,
    width: usize,
    list: bool,
}

impl Indent {
    /// `list`: the line is a list item or continues one.
    pub(in crate::render) fn new(first: Vec<LookSpan>, rest: Vec<LookSpan>, list: bool) -> Self {
        let width = first.iter().map(|s| str_width(&s.content)).sum();
        Indent {
            first,
            rest,
            width,
            list,
        }
    }

    pub(in crate::render) fn in_list(&self) -> bool {
        self.list
    }

    #[cfg(test)]
    pub(in crate::render) fn first_spans(&self) -> &[LookSpan] {
        &self.first
    }

    #[cfg(test)]
    pub(in crate::render) fn rest_spans(&self) -> &[LookSpan] {
        &self.rest
    }

    /// The indent to use at `width`. An indent that would leave the text
    /// too little room is dropped, except for the innermost list marker,
    /// which then leads the first line unindented.
    pub(super) fn fit(&self, width: usize) -> Fitted<'_> {
        if self.width + MIN_TEXT_COLUMNS <= width {
            return Fitted {
                first: self.first.clone(),
                rest: &self.rest,
                first_room: width - self.width,
                rest_room: width - self.width,
            };
        }
        let marker: Vec<LookSpan> = self
            .first
            .iter()
            .rev()
            .find(|s| !s.content.trim().is_empty())
            .map(|s| LookSpan::styled(s.content.trim_start(), s.style))
            .into_iter()
            .collect();
        let marker_width: usize = marker.iter().map(|s| str_width(&s.content)).sum();
        if marker_width == 0 || marker_width * 2 > width {
            return Fitted {
                first: Vec::new(),
                rest: &[],
                first_room: width,
                rest_room: width,
            };
        }
        Fitted {
            first: marker,
            rest: &[],
            first_room: width - marker_width,
            rest_room: width,
        }
    }
}

/// An indent fitted to a width, and the room it leaves on each line.
pub(super) struct Fitted<'a> {
    first: Vec<LookSpan>,
    rest: &'a [LookSpan],
    pub(super) first_room: usize,
    pub(super) rest_room: usize,
}

impl Fitted<'_> {
    /// `line` with the first-line or following-line indent before it, in
    /// `styles`.
    pub(super) fn apply(
        &self,
        first: bool,
        line: Line<'static>,
        styles: &ArticleStyles,
    ) -> Line<'static> {
        let indent = if first { &self.first[..] } else { self.rest };
        if indent.is_empty() {
            return line;
        }
        let in_styles = |spans: &[LookSpan]| -> Vec<Span<'static>> {
            spans
                .iter()
                .map(|s| Span::styled(s.content.clone(), styles.style(s.style)))
                .collect()
        };
        if line.spans.is_empty() {
            return Line::from(in_styles(&trimmed(indent)));
        }
        let mut spans = in_styles(indent);
        spans.extend(line.spans);
        Line::from(spans)
    }
}
