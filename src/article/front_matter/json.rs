//! JSON front matter (Hugo): a first line `{` opens an object that ends at
//! its matching `}`.

use super::{FrontKind, Split};

/// A first line `{`, or `{` then blanks and a `"` (a key on the same line):
/// not `{{< shortcode >}}` or `{% liquid %}`, which start many bodies.
pub(super) fn opens_json(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"{") else {
        return false;
    };
    let rest = rest.trim_ascii_start();
    rest.is_empty() || rest.starts_with(b"\"")
}

/// The JSON object opening at `start`: up to its matching `}` (strings and
/// their escapes skipped); the body starts on the next line.
pub(super) fn json(bytes: &[u8], start: usize, complete: bool) -> Split {
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
