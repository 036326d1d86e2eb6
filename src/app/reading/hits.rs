//! The matches of the active query in the open article, for `n` / `N`.

use ratatui::text::Line;

use crate::app::Detail;
use crate::search::{LineMatches, MatchPosition, Query, match_lines};

/// The matches of one query in one article as laid out at one width.
#[derive(Debug)]
pub(super) struct DetailHits {
    article: usize,
    width: usize,
    lines: usize,
    query: Query,
    /// Where each match starts (a match wrapped over two lines starts on
    /// the first).
    positions: Vec<MatchPosition>,
    /// The match `n` / `N` went to last.
    focus: Option<usize>,
}

impl DetailHits {
    pub(super) fn new(detail: &Detail, query: &Query) -> Self {
        DetailHits {
            article: detail.article,
            width: detail.width,
            lines: detail.lines.len(),
            query: query.clone(),
            positions: find_in_lines(&detail.lines, query).starts,
            focus: None,
        }
    }

    /// Whether these are the matches of `query` in `detail` as it is now
    /// (same article, same layout).
    pub(super) fn describe(&self, detail: &Detail, query: &Query) -> bool {
        self.article == detail.article
            && self.width == detail.width
            && self.lines == detail.lines.len()
            && self.query == *query
    }

    /// How many matches there are.
    pub(super) fn len(&self) -> usize {
        self.positions.len()
    }

    /// The match `n` / `N` went to last, and its number (from 0).
    pub(super) fn focused(&self) -> Option<(usize, &MatchPosition)> {
        let k = self.focus?;
        Some((k, self.positions.get(k)?))
    }

    /// `n` (`forward`) / `N` over an article scrolled to `scroll` with
    /// `on_screen(line)` saying whether a line is shown: from the last
    /// match while it is on screen, else from the screen's top. The
    /// match gone to, by number, and its line; none without matches.
    pub(super) fn step(
        &mut self,
        forward: bool,
        scroll: usize,
        on_screen: impl Fn(usize) -> bool,
    ) -> Option<(usize, usize)> {
        let total = self.positions.len();
        if total == 0 {
            return None;
        }
        let positions = &self.positions;
        let focus = self
            .focus
            .filter(|&k| positions.get(k).is_some_and(|p| on_screen(p.line)));
        let next = match (focus, forward) {
            (Some(k), true) => (k + 1) % total,
            (Some(k), false) => (k + total - 1) % total,
            (None, true) => positions.iter().position(|p| p.line >= scroll).unwrap_or(0),
            (None, false) => positions
                .iter()
                .rposition(|p| p.line < scroll)
                .unwrap_or(total - 1),
        };
        self.focus = Some(next);
        Some((next, positions[next].line))
    }
}

/// The matches of `query` in laid-out lines, read across wrapped lines
/// (see [`match_lines`]).
pub fn find_in_lines(lines: &[Line<'_>], query: &Query) -> LineMatches {
    let texts: Vec<String> = lines.iter().map(line_text).collect();
    match_lines(texts.iter().map(String::as_str), query)
}

/// The text of a line, as drawn.
fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}
