//! html2text decorator: the rich annotations (links, emphasis, code...)
//! plus structure markers, so the converter can tell a blockquote prefix or
//! a list bullet from text that merely looks like one.
//!
//! Prefix markers (quote, bullet, number, heading) are ASCII control
//! characters: html2text inserts prefixes verbatim and measures them both in
//! bytes and in columns, which agree only for one-byte, one-column text.
//! Markers inside text (rules, images, table cells) are private-use
//! characters from plane 15, because html2text drops control characters
//! from text. Bodies are sanitised before parsing (no raw controls), our
//! private-use markers are stripped from them, and [`super::charref`] drops
//! character references to either kind, so a marker in html2text's output
//! was put there by us.

use html2text::render::TaggedLine;
use html2text::render::TextDecorator;

/// Structure markers placed in the text by the decorator and the DOM rewrite.
pub(super) mod marker {
    /// Prefix of each line inside a blockquote (followed by a space).
    pub const QUOTE: char = '\u{1}';
    /// First-line prefix of an unordered list item (followed by a space).
    pub const BULLET: char = '\u{2}';
    /// First-line prefix of an ordered list item: marker, number, ". ".
    pub const NUMBER: char = '\u{3}';
    /// Prefix of a heading line, followed by its level digit.
    pub const HEADING: char = '\u{4}';
    /// A thematic break (`<hr>`), alone in its paragraph.
    pub const RULE: char = '\u{F0001}';
    /// Starts an image's alt text (ends at `ALT_END`).
    pub const IMAGE: char = '\u{F0002}';
    pub const ALT_END: char = '\u{F0003}';
    /// Starts a figure paragraph: `FIGURE alt ALT_END caption`.
    pub const FIGURE: char = '\u{F0004}';
    /// Starts a table row paragraph; `TABLE_START` on a table's first row.
    pub const ROW: char = '\u{F0005}';
    pub const TABLE_START: char = '\u{F0006}';
    /// Starts each cell of a row; `HEAD_CELL` for header cells.
    pub const CELL: char = '\u{F0007}';
    pub const HEAD_CELL: char = '\u{F0008}';
    /// Right after a cell marker: the cell is right-aligned or centred
    /// (`---:`, `:---:`, `align="right"`).
    pub const ALIGN_RIGHT: char = '\u{F0009}';
    pub const ALIGN_CENTER: char = '\u{F000A}';
    /// Names a raw HTML block cut out of Markdown before parsing (see
    /// `markdown::html_blocks`); never reaches html2text.
    pub const RAW_BLOCK: char = '\u{F000B}';
    /// In a figure, after `FIGURE`: the image's address ends here.
    pub const SRC_END: char = '\u{F000C}';

    /// Whether `c` is one of the markers used inside text.
    pub fn is_text_marker(c: char) -> bool {
        ('\u{F0001}'..='\u{F000C}').contains(&c)
    }

    /// Whether `c` is one of our markers.
    pub fn is_marker(c: char) -> bool {
        matches!(c, '\u{1}'..='\u{4}') || is_text_marker(c)
    }
}

/// What html2text attaches to a piece of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) enum Mark {
    #[default]
    Plain,
    Link(String),
    /// An image, with its address.
    Image(String),
    Emphasis,
    Strong,
    Strikeout,
    Code,
    Preformat,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Decorator;

impl TextDecorator for Decorator {
    type Annotation = Mark;

    fn decorate_link_start(&mut self, url: &str) -> (String, Mark) {
        (String::new(), Mark::Link(url.to_owned()))
    }

    fn decorate_link_end(&mut self) -> String {
        String::new()
    }

    fn decorate_em_start(&self) -> (String, Mark) {
        (String::new(), Mark::Emphasis)
    }

    fn decorate_em_end(&self) -> String {
        String::new()
    }

    fn decorate_strong_start(&self) -> (String, Mark) {
        (String::new(), Mark::Strong)
    }

    fn decorate_strong_end(&self) -> String {
        String::new()
    }

    fn decorate_strikeout_start(&self) -> (String, Mark) {
        (String::new(), Mark::Strikeout)
    }

    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }

    fn decorate_code_start(&self) -> (String, Mark) {
        (String::new(), Mark::Code)
    }

    fn decorate_code_end(&self) -> String {
        String::new()
    }

    fn decorate_preformat_first(&self) -> Mark {
        Mark::Preformat
    }

    fn decorate_preformat_cont(&self) -> Mark {
        Mark::Preformat
    }

    fn decorate_image(&mut self, src: &str, title: &str) -> (String, Mark) {
        let mut s = String::with_capacity(title.len() + 4);
        s.push(marker::IMAGE);
        s.push_str(title);
        s.push(marker::ALT_END);
        (s, Mark::Image(src.to_owned()))
    }

    fn header_prefix(&self, level: usize) -> String {
        let digit = char::from_digit(level.min(9) as u32, 10).unwrap_or('1');
        [marker::HEADING, digit].iter().collect()
    }

    fn quote_prefix(&self) -> String {
        format!("{} ", marker::QUOTE)
    }

    // html2text indents an item's later lines by one space per byte of its
    // prefix; the converter draws each marker one column wide ("• ",
    // " 12. "), so both line up.
    fn unordered_item_prefix(&self) -> String {
        format!("{} ", marker::BULLET)
    }

    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{}{i}. ", marker::NUMBER)
    }

    fn make_subblock_decorator(&self) -> Self {
        *self
    }

    fn decorate_superscript_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_superscript_end(&self) -> String {
        String::new()
    }

    fn finalise(&mut self, _links: Vec<String>) -> Vec<TaggedLine<Mark>> {
        Vec::new()
    }
}
