//! Building a [`Paragraph`] from pieces of styled text: tabs expanded,
//! line breaks and invisible controls handled, the size capped.

use ratatui::style::Style;

use super::Paragraph;
use super::atoms::atoms;
use crate::text::sanitize::is_unsafe;
use crate::text::width::str_width;

/// Columns between tab stops when a tab is expanded.
const TAB_STOP: usize = 4;

/// Largest paragraph kept (atoms store 31-bit offsets); more is dropped.
const MAX_TEXT: usize = 1 << 30;

/// The longest prefix of `text` of at most `max` bytes (a tab may expand a
/// little past it; the cap keeps ample margin).
fn within_cap(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Characters taken as they are: no tab, line break or invisible control.
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_control();
    }
    !is_unsafe(c) && !matches!(c, '\u{2028}' | '\u{2029}')
}

/// Builds a [`Paragraph`] from pieces of styled text. `S` is how a piece
/// is styled: a terminal `Style`, or anything a caller turns into one when
/// it lays the paragraph out (article text carries its role).
#[derive(Debug, Default, Clone)]
pub struct ParagraphBuilder<S = Style> {
    text: String,
    styles: Vec<(usize, S)>,
    glued: Vec<usize>,
    /// Where the current line starts, and a byte offset with the column it
    /// is at, for tab stops.
    line_start: usize,
    column_cache: (usize, usize),
}

impl<S: Copy + PartialEq + Default> ParagraphBuilder<S> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `text` in `style`. Tabs are expanded, `\n` (and U+2028/9)
    /// forces a line break, and control or invisible characters are dropped.
    pub fn push(&mut self, text: &str, style: S) {
        let text = within_cap(text, MAX_TEXT.saturating_sub(self.text.len()));
        if text.is_empty() {
            return;
        }
        if self.styles.last().is_none_or(|&(_, s)| s != style) {
            self.styles.push((self.text.len(), style));
        }
        if text.chars().all(is_plain) {
            self.text.push_str(text);
        } else {
            for c in text.chars() {
                self.push_special(c);
            }
        }
        // A style run that produced no text (all controls) is dropped.
        if let Some(&(start, _)) = self.styles.last() {
            if start == self.text.len() {
                self.styles.pop();
            }
        }
    }

    fn push_special(&mut self, c: char) {
        match c {
            '\t' => {
                let n = TAB_STOP - self.column() % TAB_STOP;
                self.text.extend(std::iter::repeat_n(' ', n));
            }
            '\n' | '\u{2028}' | '\u{2029}' => {
                self.text.push('\n');
                self.line_start = self.text.len();
            }
            // The joiner inside an emoji sequence is the one invisible
            // character sanitising keeps; it changes what is drawn.
            '\u{200D}' => self.text.push(c),
            c if is_unsafe(c) => {}
            c => self.text.push(c),
        }
    }

    /// The column the text has reached on its current line; remembers where
    /// it measured so a line of many tabs stays linear.
    fn column(&mut self) -> usize {
        let (at, col) = self.column_cache;
        let (from, base) = if at >= self.line_start {
            (at, col)
        } else {
            (self.line_start, 0)
        };
        let column = base + str_width(&self.text[from..]);
        self.column_cache = (self.text.len(), column);
        column
    }

    /// Appends `text` with no break allowed before it (a link's number
    /// stays with the link text).
    pub fn push_glued(&mut self, text: &str, style: S) {
        if !self.text.is_empty() && !text.is_empty() {
            self.glued.push(self.text.len());
        }
        self.push(text, style);
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends a whole paragraph, keeping its styles and glued places.
    pub fn push_paragraph(&mut self, p: &Paragraph<S>) {
        let offset = self.text.len();
        let mut glued = p.glued.iter().peekable();
        for (i, &(start, style)) in p.styles.iter().enumerate() {
            let end = p.styles.get(i + 1).map_or(p.text.len(), |&(s, _)| s);
            let mut at = start;
            // Re-split at glued offsets so each keeps its place.
            while let Some(&&g) = glued.peek() {
                if g >= end {
                    break;
                }
                if g > at {
                    self.push(&p.text[at..g], style);
                }
                if g > 0 || offset > 0 {
                    self.glued.push(self.text.len());
                }
                at = g.max(at);
                glued.next();
            }
            self.push(&p.text[at..end], style);
        }
    }

    /// The text so far, without styles.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Finds the break opportunities once.
    pub fn finish(self) -> Paragraph<S> {
        let atoms = atoms(&self.text, &self.glued);
        Paragraph {
            text: self.text,
            styles: self.styles,
            glued: self.glued,
            atoms,
        }
    }
}
