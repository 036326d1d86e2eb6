//! Where a search matches in laid-out lines (the open article), including
//! the matches wrapping broke across lines: `臺` at the end of one line and
//! `灣` at the start of the next is still `台湾`.

use std::ops::Range;

use ratatui::text::Line;

use crate::search::{Query, match_ranges};
use crate::text::width;

/// A place in the lines: a line number and a byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub line: usize,
    pub byte: usize,
}

/// One match, from `start` up to (not including) `end`; they are on
/// different lines when wrapping broke the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMatch {
    pub start: Spot,
    pub end: Spot,
}

impl LineMatch {
    /// The bytes of line `line` (`len` bytes long) this match covers.
    pub fn on_line(&self, line: usize, len: usize) -> Option<Range<usize>> {
        if line < self.start.line || line > self.end.line {
            return None;
        }
        let from = if line == self.start.line {
            self.start.byte
        } else {
            0
        };
        let to = if line == self.end.line {
            self.end.byte
        } else {
            len
        };
        (from < to.min(len)).then(|| from..to.min(len))
    }
}

/// The text of a line, as drawn.
pub fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Every match of `query` in `lines`, whose first is line number `first`,
/// in reading order. Lines are read as one text: a wrap next to a wide
/// character (CJK, where the text had no space) joins with nothing, any
/// other wrap with a space; a blank line ends the text.
pub fn find_in_lines(lines: &[Line<'_>], first: usize, query: &Query) -> Vec<LineMatch> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut joined = String::new();
    // Where each line's text starts in `joined`.
    let mut starts: Vec<usize> = Vec::with_capacity(lines.len());
    for line in lines {
        let text = line_text(line);
        let blank = text.trim().is_empty();
        if let (false, Some(end), Some(start)) =
            (blank, joined.chars().next_back(), text.chars().next())
        {
            let tight = end == '\n'
                || end.is_whitespace()
                || start.is_whitespace()
                || width::char_width(end) > 1
                || width::char_width(start) > 1;
            if !tight {
                joined.push(' ');
            }
        }
        starts.push(joined.len());
        joined.push_str(&text);
        if blank {
            // A paragraph break: no match runs across it.
            joined.push('\n');
        }
    }
    let ends: Vec<usize> = (0..starts.len())
        .map(|i| {
            starts
                .get(i + 1)
                .map_or(joined.len(), |&next| next.min(joined.len()))
        })
        .collect();
    // The line holding byte `at` of `joined` (a separator belongs to the
    // line before it).
    let spot = |at: usize, is_end: bool| {
        let i = starts
            .partition_point(|&s| if is_end { s < at } else { s <= at })
            .saturating_sub(1);
        let line_end = ends[i].min(starts[i] + line_len(&lines[i]));
        Spot {
            line: first + i,
            byte: at.min(line_end) - starts[i],
        }
    };
    match_ranges(&joined, query)
        .into_iter()
        .map(|range| LineMatch {
            start: spot(range.start, false),
            end: spot(range.end, true),
        })
        .filter(|m| m.start < m.end)
        .collect()
}

fn line_len(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| s.content.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(lines: &[&str], query: &str) -> Vec<Vec<(usize, String)>> {
        let lines: Vec<Line<'static>> = lines.iter().map(|l| Line::from(l.to_string())).collect();
        find_in_lines(&lines, 10, &Query::parse(query))
            .into_iter()
            .map(|m| {
                (m.start.line..=m.end.line)
                    .filter_map(|n| {
                        let text = line_text(&lines[n - 10]);
                        let range = m.on_line(n, text.len())?;
                        Some((n, text[range].to_owned()))
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_match_broken_by_wrapping_is_found_on_both_lines() {
        assert_eq!(
            found(&["多次提及臺", "灣問題。台灣"], "台湾"),
            [
                vec![(10, "臺".to_owned()), (11, "灣".to_owned())],
                vec![(11, "台灣".to_owned())]
            ]
        );
    }

    #[test]
    fn latin_lines_join_with_a_space() {
        assert_eq!(
            found(&["the Hong", "Kong team"], "\"hong kong\""),
            [vec![(10, "Hong".to_owned()), (11, "Kong".to_owned())]]
        );
        assert!(found(&["hong", "kong"], "hongkong").is_empty());
    }

    #[test]
    fn blank_lines_and_no_query_find_nothing() {
        assert!(found(&["", "台", "", "湾"], "台湾").is_empty());
        assert!(found(&["台湾"], "").is_empty());
        assert_eq!(
            found(&["", "台湾"], "台湾"),
            [vec![(11, "台湾".to_owned())]]
        );
    }
}
