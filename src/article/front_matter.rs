//! Where front matter ends: a `---` first line (after an optional BOM) opens
//! it, and the next `---` or `...` line closes it. Works on a prefix of the
//! file so the loader can stop reading as soon as the closing line is seen.

use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a file (or a prefix of one) divides into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// The file does not open with `---`: all of it is body.
    NoFrontMatter { body_start: usize },
    /// Front matter in `yaml`; the body starts at `body_start`.
    Closed {
        yaml: Range<usize>,
        body_start: usize,
    },
    /// The prefix ends before a closing line; read more and ask again.
    NeedMore,
    /// The whole file was seen and no closing line exists.
    Unclosed { body_start: usize },
}

/// Splits `bytes`, the start of a file; `complete` says whether it is the
/// whole file.
pub fn split(bytes: &[u8], complete: bool) -> Split {
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut lines = Lines {
        bytes,
        pos: start,
        complete,
    };
    match lines.next() {
        None if complete => return Split::NoFrontMatter { body_start: start },
        None => {
            // An unfinished first line can only matter if it could still be `---`.
            let head = &bytes[start..];
            return if is_marker_prefix(head) {
                Split::NeedMore
            } else {
                Split::NoFrontMatter { body_start: start }
            };
        }
        Some(first) if !is_marker(&bytes[first.clone()], b"---") => {
            return Split::NoFrontMatter { body_start: start };
        }
        Some(_) => {}
    }
    let yaml_start = lines.pos;
    while let Some(line) = lines.next() {
        let text = &bytes[line.clone()];
        if is_marker(text, b"---") || is_marker(text, b"...") {
            return Split::Closed {
                yaml: yaml_start..line.start,
                body_start: lines.pos,
            };
        }
    }
    if complete {
        Split::Unclosed { body_start: start }
    } else {
        Split::NeedMore
    }
}

/// A line that is exactly `marker`, allowing trailing blanks and a CR.
fn is_marker(line: &[u8], marker: &[u8]) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
}

fn is_marker_prefix(head: &[u8]) -> bool {
    if head.len() <= 3 {
        head.iter().all(|&b| b == b'-')
    } else {
        is_marker(head, b"---")
    }
}

/// Complete lines of a prefix, as ranges without their `\n`. The last,
/// unterminated line counts only when the prefix is the whole file.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    complete: bool,
}

impl Iterator for Lines<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = self.bytes.get(self.pos..)?;
        if let Some(n) = memchr::memchr(b'\n', rest) {
            let line = self.pos..self.pos + n;
            self.pos += n + 1;
            Some(line)
        } else if self.complete && !rest.is_empty() {
            let line = self.pos..self.bytes.len();
            self.pos = self.bytes.len();
            Some(line)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(text: &str) -> (String, String) {
        match split(text.as_bytes(), true) {
            Split::Closed { yaml, body_start } => {
                (text[yaml].to_owned(), text[body_start..].to_owned())
            }
            other => panic!("not closed: {other:?}"),
        }
    }

    #[test]
    fn dashes_open_and_close() {
        assert_eq!(
            closed("---\ntitle: a\n---\nbody\n"),
            ("title: a\n".into(), "body\n".into())
        );
    }

    #[test]
    fn dots_close_too() {
        assert_eq!(
            closed("---\ntitle: a\n...\nbody"),
            ("title: a\n".into(), "body".into())
        );
    }

    #[test]
    fn later_dashes_are_a_thematic_break_in_the_body() {
        assert_eq!(
            closed("---\na: 1\n---\ntext\n---\nfooter\n").1,
            "text\n---\nfooter\n"
        );
    }

    #[test]
    fn bom_and_crlf_are_fine() {
        let (yaml, body) = closed("\u{FEFF}---\r\ntitle: a\r\n---\r\nbody\r\n");
        assert_eq!(yaml, "title: a\r\n");
        assert_eq!(body, "body\r\n");
    }

    #[test]
    fn trailing_blanks_on_markers_are_fine() {
        assert_eq!(closed("--- \ntitle: a\n---\t\n").0, "title: a\n");
    }

    #[test]
    fn closing_line_at_end_without_newline() {
        assert_eq!(
            closed("---\ntitle: a\n---"),
            ("title: a\n".into(), String::new())
        );
    }

    #[test]
    fn empty_front_matter() {
        assert_eq!(closed("---\n---\nbody").0, "");
    }

    #[test]
    fn no_opening_line_means_all_body() {
        assert_eq!(
            split(b"# Title\n---\n", true),
            Split::NoFrontMatter { body_start: 0 }
        );
        assert_eq!(
            split(b"----\na: 1\n----\n", true),
            Split::NoFrontMatter { body_start: 0 }
        );
        assert_eq!(
            split("\u{FEFF}# T".as_bytes(), true),
            Split::NoFrontMatter { body_start: 3 }
        );
        assert_eq!(split(b"", true), Split::NoFrontMatter { body_start: 0 });
    }

    #[test]
    fn no_closing_line() {
        assert_eq!(
            split(b"---\ntitle: a\n\n# Body\n", true),
            Split::Unclosed { body_start: 0 }
        );
        assert_eq!(split(b"---", true), Split::Unclosed { body_start: 0 });
    }

    #[test]
    fn partial_prefix_asks_for_more() {
        assert_eq!(split(b"---\ntitle: a\n", false), Split::NeedMore);
        assert_eq!(split(b"---\ntitle: a\n--", false), Split::NeedMore);
        assert_eq!(split(b"--", false), Split::NeedMore);
        assert_eq!(
            split(b"# no", false),
            Split::NoFrontMatter { body_start: 0 }
        );
        assert!(matches!(
            split(b"---\na: 1\n---\nbo", false),
            Split::Closed { .. }
        ));
    }
}
