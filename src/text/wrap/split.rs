//! Splitting text that is wider than a whole line: at grapheme boundaries,
//! and only inside a grapheme (at code points) when one grapheme alone is
//! wider than the line.

use unicode_segmentation::UnicodeSegmentation;

use super::punct::{never_ends_line, never_starts_line};
use crate::text::width::str_width;

/// Byte length of the longest prefix of `text` that fits in `max` columns,
/// cut at a grapheme boundary, avoiding (when it can) a cut that would start
/// the next line with closing punctuation or end this one with an opening
/// bracket. `None` when not even the first grapheme fits.
pub(super) fn fitting_prefix(text: &str, max: usize) -> Option<(usize, usize)> {
    let mut used = 0;
    // Every cut that fits, as (end, columns); at most `max` of them.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, g) in text.grapheme_indices(true) {
        let w = str_width(g);
        if used + w > max {
            break;
        }
        used += w;
        cuts.push((i + g.len(), used));
    }
    let &last = cuts.last()?;
    if last.0 == text.len() {
        return Some(last);
    }
    let good = cuts
        .iter()
        .rev()
        .take(MAX_BACK_OFF)
        .find(|&&(end, _)| !bad_cut(text, end));
    Some(good.copied().unwrap_or(last))
}

/// How many graphemes a cut may move back to respect punctuation rules.
const MAX_BACK_OFF: usize = 8;

fn bad_cut(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(never_starts_line)
        || text[..at].chars().next_back().is_some_and(never_ends_line)
}

/// For a grapheme wider than a whole line: as many of its code points as
/// fit in `max` columns, but at least one, so callers always progress (the
/// result is wider than `max` only when one code point is).
pub(super) fn first_code_points(text: &str, max: usize) -> (usize, usize) {
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = str_width(&text[i..i + c.len_utf8()]);
        if end > 0 && used + w > max {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    (end, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_long_words_at_the_width() {
        assert_eq!(fitting_prefix("abcdefgh", 3), Some((3, 3)));
        assert_eq!(fitting_prefix("中文字", 5), Some((6, 4)));
        assert_eq!(fitting_prefix("中文字", 1), None);
    }

    #[test]
    fn keeps_graphemes_whole() {
        assert_eq!(fitting_prefix("e\u{301}e\u{301}", 1), Some((3, 1)));
    }

    #[test]
    fn backs_off_before_closing_punctuation() {
        // "abcd" + "，" would leave the comma to start the next line.
        assert_eq!(fitting_prefix("abcd，ef", 4), Some((3, 3)));
    }

    #[test]
    fn a_too_wide_grapheme_falls_apart_but_progresses() {
        let (end, _) = first_code_points("中", 1);
        assert_eq!(end, "中".len());
        let family = "👩\u{200D}💻x";
        let (end, used) = first_code_points(family, 2);
        assert!(end > 0 && used <= 2);
    }
}
