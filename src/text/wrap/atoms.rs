//! Cuts a paragraph into atoms: the pieces between two places where a line
//! may end. Found once per paragraph; every width reuses them.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use super::punct::{never_ends_line, never_starts_line};
use crate::text::width::str_width;

/// Text between two break opportunities: it ends at `end()` (it starts
/// where the previous atom ends), `width()` counts its columns without the
/// spaces at its end, which take `space()` columns and vanish at a line end.
/// Stored in 32-bit fields (paragraphs are capped below 4 GiB): a long CJK
/// body has an atom per character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Atom {
    end: u32,
    /// Bytes of spaces (and a final newline) after the visible part.
    trail: u32,
    width: u32,
    /// Columns of trailing spaces; the top bit marks a hard break.
    space: u32,
}

const HARD: u32 = 1 << 31;

impl Atom {
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Where the visible part stops: `end` minus trailing spaces/newline.
    pub fn content_end(self) -> usize {
        (self.end - self.trail) as usize
    }

    pub fn width(self) -> usize {
        self.width as usize
    }

    pub fn space(self) -> usize {
        (self.space & !HARD) as usize
    }

    /// A line must end after this atom (a newline in the text).
    pub fn hard_break(self) -> bool {
        self.space & HARD != 0
    }
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX >> 1).min(u32::MAX >> 1)
}

/// Atoms of `text`. `glued` holds byte offsets (ascending) where the caller
/// forbids a break, e.g. between a link and its number.
pub(super) fn atoms(text: &str, glued: &[usize]) -> Vec<Atom> {
    let mut out = Vec::new();
    let simple = text.chars().all(stands_alone);
    let mut boundaries = text.grapheme_indices(true).map(|(i, _)| i).peekable();
    let mut glued = glued.iter().copied().peekable();
    let mut start = 0;
    for (pos, opportunity) in linebreaks(text) {
        let hard = opportunity == BreakOpportunity::Mandatory && pos < text.len();
        if pos < text.len() && !hard {
            if !simple {
                while boundaries.next_if(|&b| b < pos).is_some() {}
            }
            while glued.next_if(|&g| g < pos).is_some() {}
            let inside_grapheme = !simple && boundaries.peek() != Some(&pos);
            if inside_grapheme || glued.peek() == Some(&pos) || forbidden(text, pos) {
                continue;
            }
        }
        out.push(measure(text, start, pos, hard));
        start = pos;
    }
    out
}

/// Characters that never join a neighbour into one grapheme: Latin-1 and
/// spacing letters below the combining marks, CJK punctuation, kana,
/// ideographs, Hangul syllables and full-width forms (minus the few
/// combining marks among them). Text made only of these needs no grapheme
/// segmentation, which is the costliest step here.
fn stands_alone(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0x2FF
        | 0x3000..=0x3029
        | 0x3030..=0x3098
        | 0x309B..=0x9FFF
        | 0xAC00..=0xD7A3
        | 0xFF01..=0xFF9D
    ) || c == '\n'
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
        end: small(end),
        trail: small(end - content_end),
        width: small(str_width(visible)),
        space: small(str_width(&text[content_end..end])) | if hard_break { HARD } else { 0 },
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
                let s = &text[start..a.end()];
                start = a.end();
                s
            })
            .collect()
    }

    #[test]
    fn latin_words_keep_their_spaces() {
        assert_eq!(pieces("hello big world"), ["hello ", "big ", "world"]);
        let a = atoms("hello big", &[]);
        assert_eq!((a[0].width(), a[0].space()), (5, 1));
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
                let s = &text[start..a.end()];
                start = a.end();
                s
            })
            .collect();
        assert_eq!(got, ["中", "文[1]"]);
    }

    #[test]
    fn newline_is_a_hard_break_of_no_width() {
        let a = atoms("ab\ncd", &[]);
        assert!(a[0].hard_break());
        assert_eq!((a[0].width(), a[0].space(), a[0].content_end()), (2, 0, 2));
        assert!(!a[1].hard_break());
    }
}
