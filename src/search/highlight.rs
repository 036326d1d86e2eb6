//! Showing matches: where a query occurs in a displayed string and a styled
//! line with its matches marked. [`document`] finds them in a laid-out body,
//! across wrapped lines, for highlighting and `n` / `N`.

pub(super) mod document;

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
/// match edges). Lines without a match come back unchanged. For a laid-out
/// body, where a match may be wrapped over two lines, use
/// [`document::LineMatches`]'s `ranges` with [`highlight_ranges`] instead.
pub fn highlight_line(line: &Line<'static>, query: &Query, style: Style) -> Line<'static> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    highlight_ranges(line, &match_ranges(&text, query), style)
}

/// `line` with `style` patched onto the byte ranges `ranges` of its text
/// (sorted and apart, as this module gives them).
pub fn highlight_ranges(
    line: &Line<'static>,
    ranges: &[Range<usize>],
    style: Style,
) -> Line<'static> {
    if ranges.is_empty() {
        return line.clone();
    }
    let marks: Vec<(Range<usize>, Style)> = ranges.iter().map(|r| (r.clone(), style)).collect();
    highlight_styled_ranges(line, &marks)
}

/// `line` with each range's own style patched onto those bytes of its text
/// (ranges sorted and apart), splitting spans at the ranges' edges. A range
/// that is not on character boundaries is left unmarked.
pub fn highlight_styled_ranges(
    line: &Line<'static>,
    marks: &[(Range<usize>, Style)],
) -> Line<'static> {
    let mut spans = Vec::with_capacity(line.spans.len() + 2 * marks.len());
    let mut span_start = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        let mut at = 0;
        for (range, style) in marks {
            // The range in this span's own bytes.
            let from = range
                .start
                .saturating_sub(span_start)
                .clamp(at, content.len());
            let to = range
                .end
                .saturating_sub(span_start)
                .clamp(from, content.len());
            if from == to {
                continue;
            }
            let (Some(before), Some(marked)) = (content.get(at..from), content.get(from..to))
            else {
                continue;
            };
            if !before.is_empty() {
                spans.push(Span::styled(before.to_owned(), span.style));
            }
            spans.push(Span::styled(marked.to_owned(), span.style.patch(*style)));
            at = to;
        }
        if let Some(rest) = content.get(at..).filter(|rest| !rest.is_empty()) {
            spans.push(Span::styled(rest.to_owned(), span.style));
        }
        span_start += content.len();
    }
    Line {
        spans,
        ..line.clone()
    }
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
    fn marks_split_spans_and_keep_their_style() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![Span::styled("國家主席習", bold), Span::raw("近平說")]);
        let text = line.to_string();
        let red = Style::new().bg(Color::Red);
        let ranges = match_ranges(&text, &Query::parse("习近平"));
        assert_eq!(ranges.len(), 1);
        let out = highlight_styled_ranges(&line, &[(ranges[0].clone(), red), (100..200, red)]);
        let parts: Vec<(&str, Style)> = out
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(
            parts,
            [
                ("國家主席", bold),
                ("習", bold.patch(red)),
                ("近平", red),
                ("說", Style::new()),
            ]
        );
        // Not on a character boundary: left alone rather than cut.
        let out = highlight_styled_ranges(&line, &[(1..2, red)]);
        assert_eq!(out.to_string(), text);
        assert!(out.spans.iter().all(|s| s.style.bg.is_none()));
    }
}
