//! The matches of the active query in the open article, for `n` / `N`.

use ratatui::text::Line;

use crate::app::Detail;
use crate::search::{LineMatches, MatchPosition, Query, match_lines};

/// The matches of one query in one article as laid out at one width.
#[derive(Debug)]
pub(in crate::app) struct DetailHits {
    article: usize,
    width: usize,
    lines: usize,
    query: Query,
    /// Where each match starts (a match wrapped over two lines starts on
    /// the first).
    pub(in crate::app) positions: Vec<MatchPosition>,
    /// The match `n` / `N` went to last.
    pub(in crate::app) focus: Option<usize>,
}

impl DetailHits {
    pub(in crate::app) fn new(detail: &Detail, query: &Query) -> Self {
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
    pub(in crate::app) fn describe(&self, detail: &Detail, query: &Query) -> bool {
        self.article == detail.article
            && self.width == detail.width
            && self.lines == detail.lines.len()
            && self.query == *query
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
