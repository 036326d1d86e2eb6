//! Cuts a paragraph into atoms: the pieces between two places where a line
//! may end. Found once per paragraph; every width reuses them.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use super::punct::{never_ends_line, never_starts_line};
use crate::text::width::str_width;

/// Text between two break opportunities: `end` is where it stops (its start
/// is the previous atom's end), `width` counts its columns without the spaces
/// at its end, which take `space` columns and vanish at a line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Atom {
    pub end: usize,
    /// Where the visible part stops: `end` minus trailing spaces/newline.
    pub content_end: usize,
    pub width: usize,
    pub space: usize,
    /// A line must end after this atom (a newline in the text).
    pub hard_break: bool,
}

/// Atoms of `text`. `glued` holds byte offsets (ascending) where the caller
/// forbids a break, e.g. between a link and its number.
pub(super) fn atoms(text: &str, glued: &[usize]) -> Vec<Atom> {
    let mut out = Vec::new();
    let mut boundaries = text.grapheme_indices(true).map(|(i, _)| i).peekable();
    let mut glued = glued.iter().copied().peekable();
    let mut start = 0;
    for (pos, opportunity) in linebreaks(text) {
        let hard = opportunity == BreakOpportunity::Mandatory && pos < text.len();
        if pos < text.len() && !hard {
            while boundaries.next_if(|&b| b < pos).is_some() {}
            while glued.next_if(|&g| g < pos).is_some() {}
            if boundaries.peek() != Some(&pos) || glued.peek() == Some(&pos) || forbidden(text, pos)
            {
                continue;
            }
        }
        out.push(measure(text, start, pos, hard));
        start = pos;
    }
    out
}

/// Whether breaking before `pos` would start a line with closing punctuation
/// or end one with an opening bracket.
fn forbidden(text: &str, pos: usize) -> bool {
    let starts = text[pos..].chars().next().is_some_and(never_starts_line);
    starts
        || text[..pos]
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_some_and(never_ends_line)
}

fn measure(text: &str, start: usize, end: usize, hard_break: bool) -> Atom {
    let piece = &text[start..end];
    let visible = piece.trim_end_matches([' ', '\n']);
    let content_end = start + visible.len();
    Atom {
        end,
        content_end,
        width: str_width(visible),
        space: str_width(&text[content_end..end]),
        hard_break,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut start = 0;
        atoms(text, &[])
            .into_iter()
            .map(|a| {
                let s = &text[start..a.end];
                start = a.end;
                s
            })
            .collect()
    }

    #[test]
    fn latin_words_keep_their_spaces() {
        assert_eq!(pieces("hello big world"), ["hello ", "big ", "world"]);
        let a = atoms("hello big", &[]);
        assert_eq!((a[0].width, a[0].space), (5, 1));
    }

    #[test]
    fn every_ideograph_is_an_atom_but_punctuation_sticks() {
        assert_eq!(pieces("中文，好「書」"), ["中", "文，", "好", "「書」"]);
    }

    #[test]
    fn non_starter_after_space_sticks_to_the_space() {
        assert_eq!(pieces("ab ：cd"), ["ab ：", "cd"]);
    }

    #[test]
    fn glue_forbids_a_break() {
        let text = "中文[1]";
        let mut start = 0;
        let got: Vec<&str> = atoms(text, &[6])
            .into_iter()
            .map(|a| {
                let s = &text[start..a.end];
                start = a.end;
                s
            })
            .collect();
        assert_eq!(got, ["中", "文[1]"]);
    }

    #[test]
    fn newline_is_a_hard_break_of_no_width() {
        let a = atoms("ab\ncd", &[]);
        assert!(a[0].hard_break);
        assert_eq!((a[0].width, a[0].space, a[0].content_end), (2, 0, 2));
        assert!(!a[1].hard_break);
    }
}
