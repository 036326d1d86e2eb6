//! Matches in a laid-out body: the detail view's lines, where wrapping may
//! have cut a match in two (`習` at the end of one line, `近平` on the next).
//!
//! The lines are read as one text: a wrap between two characters of a
//! script written without spaces (Chinese, Japanese) joins them directly;
//! any other line end reads as a space, so a blank line still parts
//! paragraphs and wrapped Latin words stay apart.

use std::ops::Range;

use memchr::memmem;

use crate::search::Query;
use crate::search::fold::{Folder, MappedFold};

/// Where a match starts in a laid-out document: its line, and its byte
/// range on that line (up to the line's end if it wraps on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchPosition {
    pub line: usize,
    pub range: Range<usize>,
}

/// The matches of a query in a laid-out document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineMatches {
    /// Where each match starts, in reading order: what `n` / `N` jump to.
    pub starts: Vec<MatchPosition>,
    /// Per line, the byte ranges to highlight (sorted, apart); a match
    /// wrapped over two lines has a piece on each.
    pub ranges: Vec<Vec<Range<usize>>>,
}

impl LineMatches {
    /// Whether any match was found.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// Every match of `query` in `lines` (one string per laid-out line).
pub fn match_lines<'a>(lines: impl IntoIterator<Item = &'a str>, query: &Query) -> LineMatches {
    let lines: Vec<&str> = lines.into_iter().collect();
    let mut found = LineMatches {
        starts: Vec::new(),
        ranges: vec![Vec::new(); lines.len()],
    };
    if query.is_empty() {
        return found;
    }
    // Line `i` sits at `base[i]` of a virtual text with one byte between
    // lines, so a position there names a line and a byte in it.
    let mut base = Vec::with_capacity(lines.len());
    let mut mapped = MappedFold::default();
    let mut folder = Folder::new(&mut mapped);
    let mut at: usize = 0;
    let mut previous_end: Option<char> = None;
    for line in &lines {
        base.push(at);
        let start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if let (Some(end), Some(first)) = (previous_end, trimmed.chars().next()) {
            if !(written_without_spaces(end) && written_without_spaces(first)) {
                folder.feed(" ", at.saturating_sub(1));
            }
        } else if previous_end.is_some() {
            folder.feed(" ", at.saturating_sub(1));
        }
        folder.feed(trimmed, at + start);
        previous_end = trimmed.chars().next_back();
        at += line.len() + 1;
    }
    folder.finish();
    let mut starts: Vec<(usize, usize, usize)> = Vec::new();
    for term in query.terms() {
        for hit in memmem::find_iter(mapped.text.as_bytes(), term.as_bytes()) {
            let Some(source) = mapped.source_range(hit..hit + term.len()) else {
                continue;
            };
            let first = base
                .partition_point(|&b| b <= source.start)
                .saturating_sub(1);
            let last = base.partition_point(|&b| b < source.end).saturating_sub(1);
            for line in first..=last.min(lines.len().saturating_sub(1)) {
                // Clipped to the line's text: the indentation and line end
                // a wrapped match runs through are not highlighted.
                let text = lines[line];
                let lead = text.len() - text.trim_start().len();
                let end = text.trim_end().len().max(lead);
                let from = source.start.saturating_sub(base[line]).clamp(lead, end);
                let to = source.end.saturating_sub(base[line]).clamp(from, end);
                if from < to {
                    found.ranges[line].push(from..to);
                    if line == first {
                        starts.push((line, from, to));
                    }
                }
            }
        }
    }
    for ranges in &mut found.ranges {
        *ranges = merged(std::mem::take(ranges));
    }
    starts.sort_unstable();
    starts.dedup_by_key(|(line, from, _)| (*line, *from));
    found.starts = starts
        .into_iter()
        .map(|(line, from, to)| MatchPosition {
            line,
            range: from..to,
        })
        .collect();
    found
}

/// Where each match of `query` in `lines` starts ([`match_lines`]'s
/// `starts`).
pub fn match_positions<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    query: &Query,
) -> Vec<MatchPosition> {
    match_lines(lines, query).starts
}

/// For `n`: the first match starting on a line after `line`, wrapping
/// round to the first.
pub fn next_match(positions: &[MatchPosition], line: usize) -> Option<&MatchPosition> {
    positions
        .iter()
        .find(|p| p.line > line)
        .or_else(|| positions.first())
}

/// For `N`: the last match starting on a line before `line`, wrapping
/// round to the last.
pub fn previous_match(positions: &[MatchPosition], line: usize) -> Option<&MatchPosition> {
    positions
        .iter()
        .rev()
        .find(|p| p.line < line)
        .or_else(|| positions.last())
}

/// Scripts whose words run on without spaces, so a wrap between two of
/// their characters is no word break: CJK punctuation, kana, ideographs,
/// fullwidth forms.
fn written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}'
    )
}

/// Sorted ranges with overlapping or touching ones joined.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

#[cfg(test)]
mod tests;
