//! Showing matches: where a query occurs in a displayed string, a styled
//! line with its matches marked, and the match positions of a laid-out
//! document for `n` / `N`.

use std::ops::Range;

use memchr::memmem;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Query;
use super::fold::MappedFold;

/// Byte ranges of `text` (as displayed, not folded) where any of the query's
/// terms occurs, sorted, overlaps merged. Always on char boundaries.
pub fn match_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let mapped = MappedFold::new(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in query.terms() {
        for at in memmem::find_iter(mapped.text.as_bytes(), term.as_bytes()) {
            if let Some(range) = mapped.source_range(at..at + term.len()) {
                ranges.push(range);
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// `line` with `style` patched onto every match of `query` (spans split at
/// match edges). Lines without a match come back unchanged.
pub fn highlight_line(line: &Line<'static>, query: &Query, style: Style) -> Line<'static> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let ranges = match_ranges(&text, query);
    if ranges.is_empty() {
        return line.clone();
    }
    let mut spans = Vec::with_capacity(line.spans.len() + 2 * ranges.len());
    let mut span_start = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        let span_end = span_start + content.len();
        let mut at = span_start;
        for range in &ranges {
            let (from, to) = (range.start.max(at), range.end.min(span_end));
            if from >= to {
                continue;
            }
            if from > at {
                spans.push(Span::styled(text[at..from].to_owned(), span.style));
            }
            spans.push(Span::styled(
                text[from..to].to_owned(),
                span.style.patch(style),
            ));
            at = to;
        }
        if at < span_end {
            spans.push(Span::styled(text[at..span_end].to_owned(), span.style));
        }
        span_start = span_end;
    }
    Line {
        spans,
        ..line.clone()
    }
}

/// One match in a laid-out document: its line and byte range in that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchPosition {
    pub line: usize,
    pub range: Range<usize>,
}

/// Every match of `query` in `lines` (the detail view's laid-out body, one
/// string per line), in reading order. A phrase broken across two lines by
/// wrapping is not found here, though the article matched.
pub fn match_positions<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    query: &Query,
) -> Vec<MatchPosition> {
    lines
        .into_iter()
        .enumerate()
        .flat_map(|(line, text)| {
            match_ranges(text, query)
                .into_iter()
                .map(move |range| MatchPosition { line, range })
        })
        .collect()
}

/// For `n`: the first match on a line after `line`, wrapping to the first.
pub fn next_match(positions: &[MatchPosition], line: usize) -> Option<&MatchPosition> {
    positions
        .iter()
        .find(|p| p.line > line)
        .or_else(|| positions.first())
}

/// For `N`: the last match on a line before `line`, wrapping to the last.
pub fn previous_match(positions: &[MatchPosition], line: usize) -> Option<&MatchPosition> {
    positions
        .iter()
        .rev()
        .find(|p| p.line < line)
        .or_else(|| positions.last())
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;

    fn shown<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        match_ranges(text, &Query::parse(query))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn ranges_are_in_the_original_text() {
        assert_eq!(shown("北京：中國推動習近平訪韓", "习近平"), ["習近平"]);
        assert_eq!(
            shown("ＡＢＣ１２３ and abc123", "abc123"),
            ["ＡＢＣ１２３", "abc123"]
        );
        assert_eq!(shown("Hong Kong 香港", "\"hong kong\""), ["Hong Kong"]);
        assert_eq!(shown("臺灣與台湾", "台灣"), ["臺灣", "台湾"]);
    }

    #[test]
    fn several_terms_and_overlaps_merge() {
        assert_eq!(shown("香港國安法", "香港 国安 安法"), ["香港國安法"]);
        assert_eq!(shown("a b a", "a"), ["a", "a"]);
    }

    #[test]
    fn nothing_for_an_empty_query_or_no_match() {
        assert!(shown("anything", "").is_empty());
        assert!(shown("anything", "zzz").is_empty());
    }

    #[test]
    fn highlight_splits_spans_and_keeps_their_style() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![
            Span::styled("相隔一月　金正", bold),
            Span::raw("恩再訪華"),
        ]);
        let mark = Style::default().bg(Color::Yellow);
        let out = highlight_line(&line, &Query::parse("金正恩"), mark);
        let parts: Vec<(&str, Style)> = out
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(
            parts,
            [
                ("相隔一月　", bold),
                ("金正", bold.patch(mark)),
                ("恩", mark),
                ("再訪華", Style::default()),
            ]
        );
    }

    #[test]
    fn n_and_shift_n_wrap_around() {
        let lines = ["香港", "none", "台灣 香港", "香港"];
        let positions = match_positions(lines, &Query::parse("香港"));
        let lines_of: Vec<usize> = positions.iter().map(|p| p.line).collect();
        assert_eq!(lines_of, [0, 2, 3]);
        assert_eq!(positions[1].range, 7..13);
        assert_eq!(next_match(&positions, 0).map(|p| p.line), Some(2));
        assert_eq!(next_match(&positions, 3).map(|p| p.line), Some(0));
        assert_eq!(previous_match(&positions, 2).map(|p| p.line), Some(0));
        assert_eq!(previous_match(&positions, 0).map(|p| p.line), Some(3));
    }
}
