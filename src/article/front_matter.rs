//! Where front matter ends. A `---` first line (after an optional BOM)
//! opens YAML, closed by the next `---` or `...` line; `+++` opens TOML
//! (Hugo), closed by the next `+++`; a first line `{` (alone or followed
//! by a `"`) opens a JSON object (Hugo), which ends at its matching `}`.
//! Works on a prefix of the file so the loader can stop reading as soon as
//! the end is seen.

use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The language front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontKind {
    Yaml,
    Toml,
    Json,
}

impl FrontKind {
    /// How the closing line is named in messages.
    pub fn closing(self) -> &'static str {
        match self {
            FrontKind::Yaml => "`---` line",
            FrontKind::Toml => "`+++` line",
            FrontKind::Json => "`}`",
        }
    }
}

/// How a file (or a prefix of one) divides into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// The file opens with no front matter: all of it is body.
    NoFrontMatter { body_start: usize },
    /// Front matter in `front` (for JSON, the object with its braces); the
    /// body starts at `body_start`.
    Closed {
        kind: FrontKind,
        front: Range<usize>,
        body_start: usize,
    },
    /// The prefix ends before the front matter does; read more and ask again.
    NeedMore,
    /// The whole file was seen and the front matter never ends.
    Unclosed { kind: FrontKind, body_start: usize },
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
    let kind = match lines.next() {
        None if complete => return Split::NoFrontMatter { body_start: start },
        None => {
            // An unfinished first line can only matter if it could still open.
            let head = &bytes[start..];
            return if is_marker_prefix(head) || head == b"{" {
                Split::NeedMore
            } else if opens_json(head) {
                json(bytes, start, complete)
            } else {
                Split::NoFrontMatter { body_start: start }
            };
        }
        Some(first) => match &bytes[first] {
            line if is_marker(line, b"---") => FrontKind::Yaml,
            line if is_marker(line, b"+++") => FrontKind::Toml,
            line if opens_json(line) => return json(bytes, start, complete),
            _ => return Split::NoFrontMatter { body_start: start },
        },
    };
    let front_start = lines.pos;
    while let Some(line) = lines.next() {
        let text = &bytes[line.clone()];
        let closes = match kind {
            FrontKind::Yaml => is_marker(text, b"---") || is_marker(text, b"..."),
            _ => is_marker(text, b"+++"),
        };
        if closes {
            return Split::Closed {
                kind,
                front: front_start..line.start,
                body_start: lines.pos,
            };
        }
    }
    if complete {
        Split::Unclosed {
            kind,
            body_start: start,
        }
    } else {
        Split::NeedMore
    }
}

/// A first line `{`, or `{` then blanks and a `"` (a key on the same line):
/// not `{{< shortcode >}}` or `{% liquid %}`, which start many bodies.
fn opens_json(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"{") else {
        return false;
    };
    let rest = rest.trim_ascii_start();
    rest.is_empty() || rest.starts_with(b"\"")
}

/// The JSON object opening at `start`: up to its matching `}` (strings and
/// their escapes skipped); the body starts on the next line.
fn json(bytes: &[u8], start: usize, complete: bool) -> Split {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let end = i + 1;
                    let rest = &bytes[end..];
                    let body_start = match memchr::memchr(b'\n', rest) {
                        Some(n) if rest[..n].trim_ascii().is_empty() => end + n + 1,
                        None if complete && rest.trim_ascii().is_empty() => bytes.len(),
                        None if !complete => return Split::NeedMore,
                        _ => end,
                    };
                    return Split::Closed {
                        kind: FrontKind::Json,
                        front: start..end,
                        body_start,
                    };
                }
            }
            _ => {}
        }
    }
    if complete {
        Split::Unclosed {
            kind: FrontKind::Json,
            body_start: start,
        }
    } else {
        Split::NeedMore
    }
}

/// A line that is exactly `marker`, allowing trailing blanks and a CR.
fn is_marker(line: &[u8], marker: &[u8]) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
}

/// Whether an unfinished first line may still become `---` or `+++`.
fn is_marker_prefix(head: &[u8]) -> bool {
    [b'-', b'+'].iter().any(|&c| {
        if head.len() <= 3 {
            head.iter().all(|&b| b == c)
        } else {
            is_marker(head, &[c; 3])
        }
    })
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
            Split::Closed {
                front, body_start, ..
            } => (text[front].to_owned(), text[body_start..].to_owned()),
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
            Split::Unclosed {
                kind: FrontKind::Yaml,
                body_start: 0
            }
        );
        assert_eq!(
            split(b"---", true),
            Split::Unclosed {
                kind: FrontKind::Yaml,
                body_start: 0
            }
        );
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

    fn kind_of(text: &str) -> Option<FrontKind> {
        match split(text.as_bytes(), true) {
            Split::Closed { kind, .. } => Some(kind),
            _ => None,
        }
    }

    #[test]
    fn toml_between_plus_lines() {
        let text = "+++\ntitle = \"a\"\n+++\nbody\n";
        assert_eq!(kind_of(text), Some(FrontKind::Toml));
        assert_eq!(closed(text), ("title = \"a\"\n".into(), "body\n".into()));
        assert_eq!(
            closed("+++\r\na = 1\r\n---\r\n+++\r\nb"),
            ("a = 1\r\n---\r\n".into(), "b".into()),
            "`---` does not close TOML"
        );
    }

    #[test]
    fn json_object_up_to_its_matching_brace() {
        let text = "{\n  \"title\": \"a } b\",\n  \"tags\": [\"x\", \"{\"],\n  \"q\": \"\\\"}\"\n}\nbody {}\n";
        assert_eq!(kind_of(text), Some(FrontKind::Json));
        let (front, body) = closed(text);
        assert!(front.starts_with('{') && front.ends_with('}'), "{front}");
        assert_eq!(body, "body {}\n");
        assert_eq!(closed("{ \"title\": \"x\" }").1, "");
        assert_eq!(closed("{\"a\":1}body").1, "body");
    }

    #[test]
    fn braces_that_are_not_json_front_matter() {
        for body in ["{{< figure src=\"a\" >}}\n", "{% raw %}\n", "{x}\n"] {
            assert_eq!(
                split(body.as_bytes(), true),
                Split::NoFrontMatter { body_start: 0 },
                "{body}"
            );
        }
        assert_eq!(
            split(b"{\n\"a\": [1,\n", true),
            Split::Unclosed {
                kind: FrontKind::Json,
                body_start: 0
            }
        );
        assert_eq!(split(b"{\n\"a\": 1", false), Split::NeedMore);
        assert_eq!(split(b"{", false), Split::NeedMore);
        assert_eq!(split(b"{\"a\":1}", false), Split::NeedMore);
        assert_eq!(split(b"++", false), Split::NeedMore);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_split_without_panic_inside_the_input(
            bytes in proptest::collection::vec(proptest::sample::select(
                b"{}[]\"\\+-.\n\r ax".to_vec()), 0..200),
            complete: bool,
        ) {
            match split(&bytes, complete) {
                Split::Closed { front, body_start, .. } => {
                    proptest::prop_assert!(front.end <= body_start && body_start <= bytes.len());
                }
                Split::NoFrontMatter { body_start } | Split::Unclosed { body_start, .. } => {
                    proptest::prop_assert!(body_start <= bytes.len());
                }
                Split::NeedMore => proptest::prop_assert!(!complete),
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes: Vec<u8>, complete: bool) {
            let _ = split(&bytes, complete);
        }
    }
}
