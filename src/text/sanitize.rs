//! The one gate between article text and the terminal.
//!
//! Articles are hostile: they may carry terminal escape sequences, C0/C1
//! controls, bidi overrides that reorder what is drawn, and invisible
//! zero-width characters. Every article string passes through here before
//! it is measured or drawn.

mod block_check;

/// How far an unterminated OSC/DCS string may run before we decide it was
/// not an escape sequence after all and keep the text that follows.
const MAX_STRING_SEQUENCE: usize = 512;

/// Characters that are never shown: bidi controls, zero-width spaces and
/// joiners outside emoji, byte-order marks, soft hyphens, tag characters.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{AD}'
        | '\u{61C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

/// Control characters and the invisible format characters above.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// One line of text (a title, a tag, an author): escape sequences and unsafe
/// characters removed, runs of whitespace (including newlines) collapsed to
/// one space, ends trimmed. A lone ideographic space stays: CJK headlines use
/// it as a separator.
pub fn clean_inline(s: &str) -> String {
    if is_clean_line(s) {
        return s.to_owned();
    }
    clean_unclean_line(s)
}

/// [`clean_inline`]'s work on a line [`is_clean_line`] refused.
fn clean_unclean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space: Option<char> = None;
    let mut run_len = 0;
    for c in Stripped::new(s) {
        if c.is_whitespace() {
            run_len += 1;
            pending_space = Some(if run_len == 1 && c == '\u{3000}' {
                c
            } else {
                ' '
            });
            continue;
        }
        if let Some(space) = pending_space.take() {
            if !out.is_empty() {
                out.push(space);
            }
        }
        run_len = 0;
        out.push(c);
    }
    out
}

/// [`clean_inline`] that keeps a string already clean as it is, borrowed
/// or owned (front matter values borrowed from the file's text are then
/// copied once, into the article).
pub fn clean_inline_cow(s: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if is_clean_line(&s) {
        s
    } else {
        std::borrow::Cow::Owned(clean_unclean_line(&s))
    }
}

/// Whether [`clean_inline`] would return `s` unchanged: nothing unsafe, no
/// whitespace but single spaces (or a lone ideographic space) between words.
/// Loading 50,000 articles cleans hundreds of thousands of strings, nearly
/// all already clean; this check is several times faster than cleaning.
fn is_clean_line(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Branch-free over each chunk, so the compiler vectorises it: links
    // are hundreds of bytes, and every article has one or two.
    let printable_ascii = bytes.chunks(32).all(|chunk| {
        chunk
            .iter()
            .fold(true, |all, &b| all & (b' '..=b'~').contains(&b))
    });
    if printable_ascii {
        // Printable ASCII (links, most tags): only the spaces can be wrong.
        return memchr::memchr(b' ', bytes).is_none()
            || (bytes.first() != Some(&b' ')
                && bytes.last() != Some(&b' ')
                && !bytes.windows(2).any(|w| w == b"  "));
    }
    let mut prev_space = true;
    for c in s.chars() {
        let space = match c {
            ' ' | '\u{3000}' => true,
            // Printable ASCII, then kana, CJK ideographs and Hangul syllables:
            // the bulk of titles, decided without table lookups.
            '!'..='~' | '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' => false,
            c if c.is_whitespace() || is_unsafe(c) => return false,
            _ => false,
        };
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    !prev_space || s.is_empty()
}

/// A block of text (a body): the same removals as [`clean_inline`], but line
/// breaks are kept (CRLF and lone CR become LF) and tabs become spaces up to
/// the next multiple of four columns.
pub fn clean_block(s: &str) -> String {
    if block_check::is_clean_block(s) {
        return s.to_owned();
    }
    // Line by line, each ending with its `\n`: cleaning one line never
    // depends on another (a `\r` is settled by the `\n` after it, in the
    // same line; tab stops and escape sequences stop at the line end), so
    // only the lines with something to change are cleaned.
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        if block_check::is_clean_block(line) {
            out.push_str(line);
        } else {
            out.push_str(&clean_block_slowly(line));
        }
    }
    out
}

/// [`clean_block`]'s work on a body that holds something to change.
fn clean_block_slowly(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut line_start = 0;
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                    line_start = out.len();
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                out.push('\n');
                line_start = out.len();
            }
            '\t' => {
                let column = super::width::str_width(&out[line_start..]);
                out.extend(std::iter::repeat_n(' ', 4 - column % 4));
            }
            _ => out.push(c),
        }
    }
    // Tabs and line breaks are settled; strip everything else unsafe.
    out.split('\n')
        .map(|line| Stripped::new(line).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escape sequences and unsafe characters removed, but tabs and line ends
/// kept as they are: for structured text (front matter) that is parsed
/// before it is displayed, so an escape sequence does not leave its
/// printable tail (`]0;title`, `[2J`) behind as text.
pub fn strip_keeping_layout(s: &str) -> String {
    let mut stripped = Stripped::new(s);
    stripped.keep_layout = true;
    stripped.collect()
}

/// Whether `s` holds nothing that [`clean_inline`] would remove or change
/// apart from whitespace; lets hot paths skip an allocation.
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(is_unsafe)
}

/// Iterator over the characters of `s` with escape sequences and unsafe
/// characters dropped. Whitespace controls (tab, newline) come out as spaces
/// so callers decide how to collapse them.
struct Stripped<'a> {
    rest: std::str::Chars<'a>,
    prev: Option<char>,
    /// Pass tab, LF and CR through as they are instead of as spaces.
    keep_layout: bool,
}

impl<'a> Stripped<'a> {
    fn new(s: &'a str) -> Self {
        Stripped {
            rest: s.chars(),
            prev: None,
            keep_layout: false,
        }
    }

    /// Skips the body of a CSI sequence: parameters, intermediates, final.
    fn skip_csi(&mut self) {
        for c in self.rest.by_ref() {
            if ('\u{40}'..='\u{7e}').contains(&c) || !c.is_ascii() {
                break;
            }
        }
    }

    /// Skips an OSC/DCS/APC/PM/SOS string up to BEL or ST, unless it runs on
    /// too long, in which case only the introducer is dropped.
    fn skip_string_sequence(&mut self) {
        let mut probe = self.rest.clone();
        for _ in 0..MAX_STRING_SEQUENCE {
            match probe.next() {
                None | Some('\u{7}' | '\u{9c}') => {
                    self.rest = probe;
                    return;
                }
                Some('\u{1b}') => {
                    let mut after = probe.clone();
                    if after.next() == Some('\\') {
                        self.rest = after;
                    } else {
                        self.rest = probe;
                    }
                    return;
                }
                Some('\n') => return,
                Some(_) => {}
            }
        }
    }
}

impl Iterator for Stripped<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            let c = self.rest.next()?;
            match c {
                '\u{1b}' => match self.rest.clone().next() {
                    Some('[') => {
                        self.rest.next();
                        self.skip_csi();
                    }
                    Some(']' | 'P' | '_' | '^' | 'X') => {
                        self.rest.next();
                        self.skip_string_sequence();
                    }
                    Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
                        self.rest.next();
                    }
                    _ => {}
                },
                '\u{9b}' => self.skip_csi(),
                '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' | '\u{98}' => self.skip_string_sequence(),
                '\t' | '\n' | '\r' if self.keep_layout => {
                    self.prev = Some(c);
                    return Some(c);
                }
                '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => {
                    self.prev = Some(' ');
                    return Some(' ');
                }
                '\u{200D}' if self.keeps_joiner() => {
                    self.prev = Some(c);
                    return Some(c);
                }
                c if is_unsafe(c) => {}
                c => {
                    self.prev = Some(c);
                    return Some(c);
                }
            }
        }
    }
}

impl Stripped<'_> {
    /// A zero-width joiner is kept only inside an emoji sequence, where it
    /// changes what is drawn; elsewhere it is invisible noise.
    fn keeps_joiner(&self) -> bool {
        let is_emoji_side = |c: char| !c.is_ascii() && c as u32 >= 0x2000 && !is_unsafe(c);
        self.prev.is_some_and(is_emoji_side) && self.rest.clone().next().is_some_and(is_emoji_side)
    }
}

#[cfg(test)]
mod tests;
