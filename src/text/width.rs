//! The one place that decides how many terminal columns text takes.
//!
//! Widths are per code point (as terminals and Python's `wcwidth` count them)
//! with two corrections that make a glyph wider, never narrower: an emoji
//! presentation selector (U+FE0F) widens a narrow base to two columns, and a
//! regional indicator counts two (a flag pair counts two in all). Emoji ZWJ
//! sequences are counted as the sum of their parts: terminals differ, and an
//! overestimate only leaves a line a little short, while an underestimate
//! would let it overflow.

use std::sync::atomic::{AtomicBool, Ordering};

use unicode_width::UnicodeWidthChar;

static AMBIGUOUS_WIDE: AtomicBool = AtomicBool::new(false);

/// Chooses whether East Asian ambiguous characters (— … “ ” ─ ·) take two
/// columns. Set once at start-up from the configuration; default is one.
pub fn set_ambiguous_wide(wide: bool) {
    AMBIGUOUS_WIDE.store(wide, Ordering::Relaxed);
}

/// Whether ambiguous-width characters currently count as two columns.
pub fn ambiguous_wide() -> bool {
    AMBIGUOUS_WIDE.load(Ordering::Relaxed)
}

/// Whether `c` takes two columns only because ambiguous characters are set
/// to be wide. ratatui counts such a character as one column, so the cell
/// after it must be reserved (see `text::cells::widen_ambiguous`).
pub fn widened_by_ambiguous(c: char) -> bool {
    ambiguous_wide() && c.width_cjk() == Some(2) && c.width() == Some(1)
}

const EMOJI_PRESENTATION: char = '\u{FE0F}';

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Columns one code point takes on its own. Control characters take none
/// (they must never reach the terminal anyway).
pub fn char_width(c: char) -> usize {
    if is_regional_indicator(c) {
        return 2;
    }
    // Prepended concatenation marks that some terminals draw one column wide.
    if c == '\u{AD}' || ('\u{600}'..='\u{605}').contains(&c) || c == '\u{70F}' {
        return 1;
    }
    let w = if ambiguous_wide() {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0)
}

/// Adds up columns code point by code point, applying the corrections that
/// depend on the previous code point.
#[derive(Default)]
struct Counter {
    prev_width: usize,
    flag_half_open: bool,
}

impl Counter {
    /// Columns `c` adds after what was fed before.
    fn feed(&mut self, c: char) -> usize {
        let w = if c == EMOJI_PRESENTATION && self.prev_width == 1 {
            1
        } else if is_regional_indicator(c) {
            self.flag_half_open = !self.flag_half_open;
            if self.flag_half_open { 2 } else { 0 }
        } else {
            char_width(c)
        };
        if !is_regional_indicator(c) {
            self.flag_half_open = false;
        }
        self.prev_width = if c == EMOJI_PRESENTATION { 2 } else { w };
        w
    }
}

/// Columns a string takes.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| (0x20..0x7f).contains(b)).count();
    }
    let mut counter = Counter::default();
    s.chars().map(|c| counter.feed(c)).sum()
}

/// Cuts `s` to at most `max` columns, ending in `…` when anything was cut.
/// Never splits a character; a wide character that would straddle the limit
/// is dropped whole.
pub fn truncate(s: &str, max: usize) -> String {
    if str_width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let ellipsis_width = str_width("…");
    if max < ellipsis_width {
        return " ".repeat(max);
    }
    let mut out = take_columns(s, max - ellipsis_width).to_owned();
    out.push('…');
    out
}

/// The longest prefix of `s` that fits in `max` columns, cut between
/// characters (a base character keeps the combining marks that follow it).
pub fn take_columns(s: &str, max: usize) -> &str {
    let mut counter = Counter::default();
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = counter.feed(c);
        if w > 0 && used + w > max {
            return &s[..i];
        }
        used += w;
    }
    s
}

/// `s` cut or padded with spaces to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let w = str_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// `s` padded on the left with spaces to `width` columns (numbers, counts).
pub fn pad_left(s: &str, width: usize) -> String {
    let w = str_width(s);
    let mut out = " ".repeat(width.saturating_sub(w));
    out.push_str(s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_counts_printable_bytes() {
        assert_eq!(str_width("hello"), 5);
        assert_eq!(str_width("a\tb"), 2);
    }

    #[test]
    fn cjk_is_two_columns() {
        assert_eq!(str_width("中文"), 4);
        assert_eq!(str_width("한국어"), 6);
        assert_eq!(str_width("カタカナ"), 8);
        assert_eq!(str_width("，。"), 4);
    }

    #[test]
    fn ambiguous_defaults_to_one_column() {
        assert_eq!(str_width("—…“”─·"), 6);
    }

    #[test]
    fn emoji_forms_never_undercount() {
        assert_eq!(str_width("🇭🇰"), 2);
        assert_eq!(str_width("\u{1F1ED}"), 2);
        assert_eq!(str_width("☺\u{FE0F}"), 2);
        assert!(str_width("👩\u{200D}💻") >= 2);
        assert_eq!(str_width("e\u{301}"), 1);
    }

    #[test]
    fn control_characters_take_no_columns() {
        assert_eq!(char_width('\u{1b}'), 0);
        assert_eq!(str_width("a\u{1b}b"), 2);
    }

    #[test]
    fn truncate_adds_ellipsis_without_splitting_wide_chars() {
        assert_eq!(truncate("中文標題", 8), "中文標題");
        assert_eq!(truncate("中文標題", 7), "中文標…");
        assert_eq!(truncate("中文標題", 6), "中文…");
        assert_eq!(truncate("abc", 0), "");
        assert!(str_width(&truncate("中文標題", 4)) <= 4);
    }

    #[test]
    fn take_columns_keeps_combining_marks() {
        assert_eq!(take_columns("e\u{301}x", 1), "e\u{301}");
        assert_eq!(take_columns("a中b", 2), "a");
    }

    #[test]
    fn fit_pads_in_columns_not_chars() {
        assert_eq!(fit("中", 4), "中  ");
        assert_eq!(str_width(&fit("中文標題很長", 5)), 5);
        assert_eq!(pad_left("12", 4), "  12");
    }
}
