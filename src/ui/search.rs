//! Search on screen: the `/` prompt in the status line, matches marked in
//! list titles and article lines, the list order and the indexing progress
//! in the header.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Line;

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Context, find_in_lines};
use crate::search::{Query, SortOrder, highlight_styled_ranges, match_ranges};
use crate::text::{cells, width};

/// Appends the list order (when not the default) and, while bodies are
/// still being indexed, how far that has come.
pub fn push_header(b: &mut LineBuilder, app: &App, theme: &Theme) {
    let sort = match app.sort_order() {
        SortOrder::Newest => None,
        SortOrder::Oldest => Some("sorted oldest first"),
        SortOrder::Title => Some("sorted by title"),
        SortOrder::Source => Some("sorted by source"),
    };
    if let Some(sort) = sort {
        b.push("  ", theme.dim);
        b.push(sort, theme.key);
    }
    if let Some(progress) = app.index_progress() {
        b.push(
            &format!(
                "  indexing {}/{}",
                count(progress.indexed),
                count(progress.total)
            ),
            theme.dim,
        );
    }
}

/// After a prompt holding the most a search takes.
const FULL_NOTE: &str = " at most 1,000 characters";

/// `/query█  Enter keep  Esc cancel` in the status line; returns the
/// cursor's column (where an input method shows what is being composed).
pub fn push_prompt(b: &mut LineBuilder, input: &str, app: &App, theme: &Theme) -> u16 {
    let start = b.left();
    b.push("/", theme.key);
    // A full prompt says why typing does nothing more (when there is room).
    let full = input.chars().count() >= crate::search::MAX_QUERY_CHARS;
    let note = if full && b.left() > 2 * FULL_NOTE.len() {
        FULL_NOTE
    } else {
        ""
    };
    // Keep the end of a long query, where the typing happens, in view.
    let room = b.left().saturating_sub(1 + note.len());
    let mut shown = input;
    while width::str_width(shown) > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    b.push(shown, theme.query);
    let cursor = start - b.left();
    b.push(" ", theme.selected);
    b.push(note, theme.dim);
    for hint in &super::hints(app.guide(), Context::Search) {
        let need = 2 + width::str_width(&hint.key) + 1 + width::str_width(&hint.label);
        if need > b.left() {
            break;
        }
        b.push("  ", theme.dim);
        b.push(&hint.key, theme.key);
        b.push(" ", theme.dim);
        b.push(&hint.label, theme.dim);
    }
    u16::try_from(cursor).unwrap_or(u16::MAX)
}

/// Appends a list title (or the tags after it) with what `query` matches
/// in `mark`, cut with an ellipsis like [`LineBuilder::push`] when it does
/// not fit.
pub fn push_title(
    b: &mut LineBuilder,
    title: &str,
    style: Style,
    query: Option<&Query>,
    mark: Style,
) {
    let Some(query) = query else {
        b.push(title, style);
        return;
    };
    let safe = cells::terminal_safe(title);
    let ranges = match_ranges(&safe, query);
    let room = b.left();
    let ellipsis = width::str_width("…");
    let (end, cut) = if width::str_width(&safe) <= room {
        (safe.len(), false)
    } else if room > ellipsis {
        (width::take_columns(&safe, room - ellipsis).len(), true)
    } else {
        (0, false)
    };
    if ranges.is_empty() || end == 0 {
        b.push(&safe, style);
        return;
    }
    let mut at = 0;
    for range in &ranges {
        let from = range.start.clamp(at, end);
        let to = range.end.clamp(from, end);
        if from > at {
            b.push(&safe[at..from], style);
            at = from;
        }
        if to > from {
            b.push(&safe[from..to], mark);
            at = to;
        }
    }
    if at < end {
        b.push(&safe[at..end], style);
    }
    if cut {
        b.push("…", style);
    }
}

/// Per line from `top`, for `rows` rows, the byte ranges the active search
/// matches (a few lines around are read too, for matches wrapping broke
/// across the window's edge).
pub fn visible_matches(
    app: &App,
    lines: &[Line<'static>],
    top: usize,
    rows: usize,
) -> Vec<Vec<Range<usize>>> {
    let Some(query) = app.article_query() else {
        return Vec::new();
    };
    let from = top.saturating_sub(2).min(lines.len());
    let to = top.saturating_add(rows).saturating_add(2).min(lines.len());
    let mut ranges = find_in_lines(&lines[from..to], query).ranges;
    ranges.drain(..(top - from).min(ranges.len()));
    ranges
}

/// Line `number` of the open article with `ranges` of it marked (the
/// match `n` / `N` went to in its own style).
pub fn article_line(
    app: &App,
    number: usize,
    line: &Line<'static>,
    ranges: Option<&Vec<Range<usize>>>,
    theme: &Theme,
) -> Line<'static> {
    let Some(ranges) = ranges.filter(|r| !r.is_empty()) else {
        return line.clone();
    };
    let focus = app
        .search_focus()
        .filter(|p| p.line == number)
        .map(|p| p.range.start);
    let marks: Vec<(Range<usize>, Style)> = ranges
        .iter()
        .map(|range| {
            let style = if focus.is_some_and(|start| range.contains(&start)) {
                theme.found_focus
            } else {
                theme.found
            };
            (range.clone(), style)
        })
        .collect();
    highlight_styled_ranges(line, &marks)
}

#[cfg(test)]
mod tests {
    use ratatui::style::Color;

    use super::*;

    fn pieces(line: &Line<'static>) -> Vec<(String, bool)> {
        line.spans
            .iter()
            .map(|s| (s.content.to_string(), s.style.bg == Some(Color::Yellow)))
            .collect()
    }

    fn title(text: &str, query: &str, width: usize) -> Vec<(String, bool)> {
        let mut b = LineBuilder::new(width);
        let mark = Style::new().bg(Color::Yellow);
        push_title(&mut b, text, Style::new(), Some(&Query::parse(query)), mark);
        let line = b.build();
        assert!(line.width() <= width);
        pieces(&line)
    }

    fn owned(parts: &[(&str, bool)]) -> Vec<(String, bool)> {
        parts.iter().map(|&(s, m)| (s.to_owned(), m)).collect()
    }

    #[test]
    fn the_header_shows_indexing_progress_and_the_order() {
        use crate::app::{Action, App, Options};
        use crate::keymap::Keymap;
        use crate::library::Library;

        let articles: Vec<_> = ["甲", "乙", "丙"]
            .iter()
            .map(|t| crate::app::tests::article(t, &[], &[]))
            .collect();
        let library = Library {
            name: "test".into(),
            articles: articles.into(),
            ..Library::default()
        };
        let mut app = App::new(library, Keymap::defaults().guide(), Options::default());
        crate::app::tests::with_bodies_pending(&mut app);
        app.update(Action::CycleSort);
        app.update(Action::CycleSort);
        let header = |app: &App| {
            let mut b = LineBuilder::new(80);
            push_header(&mut b, app, &Theme::new(false));
            b.build().to_string()
        };
        assert_eq!(header(&app), "  sorted by title  indexing 0/3");
        app.update(Action::CycleSort);
        app.update(Action::CycleSort);
        assert_eq!(header(&app), "  indexing 0/3", "newest first goes unsaid");
    }

    #[test]
    fn titles_mark_matches_across_scripts() {
        assert_eq!(
            title("臺灣海峽 台湾", "台湾", 40),
            owned(&[("臺灣", true), ("海峽 ", false), ("台湾", true)])
        );
        assert_eq!(
            title("no match here", "台湾", 40),
            owned(&[("no match here", false)])
        );
    }

    #[test]
    fn a_cut_title_keeps_its_marks_and_ellipsis() {
        // 10 columns: 4 wide characters (8) and the ellipsis; 灣 straddles.
        assert_eq!(
            title("海峽兩岸臺灣關係", "台湾", 10),
            owned(&[("海峽兩岸", false), ("…", false)])
        );
        assert_eq!(
            title("海峽臺灣兩岸關係", "台湾", 7),
            owned(&[("海峽", false), ("臺", true), ("…", false)])
        );
        assert_eq!(title("臺灣", "台湾", 0), owned(&[]));
    }
}
