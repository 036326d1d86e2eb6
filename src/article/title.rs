//! A title from the body, for articles whose front matter has none: the
//! first Markdown `# ` heading or HTML `<h1>`, whichever comes first.

use crate::text::sanitize::clean_inline;

/// How far past `<h1` to look for the end of the tag and `</h1>`.
const MAX_H1_LEN: usize = 4096;
/// `<h1` tags tried before giving up: each costs up to `MAX_H1_LEN`, and a
/// hostile body could hold thousands of empty ones.
const MAX_H1_ATTEMPTS: usize = 64;

/// The first level-one heading's text, cleaned, if there is a non-empty one.
pub fn from_body(body: &str) -> Option<String> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    let mut attempts = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end_matches(['\n', '\r']);
        let indented = trimmed.trim_start_matches(' ');
        let code_block = trimmed.len() - indented.len() > 3;
        if let Some(marker) = fence {
            if !code_block && indented.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if !code_block {
            if let Some(marker) = ["```", "~~~"].into_iter().find(|m| indented.starts_with(m)) {
                fence = Some(marker);
                continue;
            }
            if let Some(text) = atx_h1(indented) {
                let title = clean_inline(&strip_markup(text));
                if !title.is_empty() {
                    return Some(title);
                }
                continue;
            }
        }
        let mut from = 0;
        while let Some(at) = find_ascii_ci(&trimmed[from..], "<h1") {
            if attempts == MAX_H1_ATTEMPTS {
                return None;
            }
            attempts += 1;
            if let Some(title) = html_h1(&body[start + from + at..]) {
                return Some(title);
            }
            from += at + 3;
        }
    }
    None
}

/// The text of `# Heading #` (an ATX level-one heading line).
fn atx_h1(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('#')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    // A closing run of `#` is decoration when a space separates it.
    let without_closing = text.trim_end_matches('#');
    Some(
        if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
            without_closing.trim_end()
        } else {
            text
        },
    )
}

/// The text inside `<h1 ...>...</h1>` at the start of `s`.
fn html_h1(s: &str) -> Option<String> {
    let after_name = s.get(3..)?;
    if !after_name.starts_with(['>', ' ', '\t', '\n', '\r', '/']) {
        return None;
    }
    let open_end = after_name
        .as_bytes()
        .iter()
        .take(MAX_H1_LEN)
        .position(|&b| b == b'>')?
        + 4;
    let window = &s[open_end..];
    let window = &window[..floor_char_boundary(window, MAX_H1_LEN)];
    let close = find_ascii_ci(window, "</h1").unwrap_or(window.len());
    let title = clean_inline(&strip_markup(&window[..close]));
    (!title.is_empty()).then_some(title)
}

/// Removes HTML tags, Markdown links/emphasis/code marks, and decodes the
/// common HTML entities.
pub fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut links_possible = true;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' if rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
            {
                rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
                continue;
            }
            '&' => {
                if let Some((decoded, len)) = entity(rest) {
                    out.push(decoded);
                    rest = &rest[len..];
                    continue;
                }
                out.push('&');
            }
            '[' if links_possible => {
                // `[text](url)` keeps its text.
                let link = rest
                    .find("](")
                    .and_then(|close| Some((close, rest[close..].find(')')?)));
                if let Some((close, end)) = link {
                    out.push_str(&strip_markup(&rest[1..close]));
                    rest = &rest[close + end + 1..];
                    continue;
                }
                // No later `[` can complete a link either: stop looking, so
                // a run of brackets costs linear time, not quadratic.
                links_possible = false;
                out.push('[');
            }
            '*' | '`' => {}
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Decodes an entity at the start of `s` (`&amp;`, `&#39;`, `&#x4E2D;`),
/// returning the character and the entity's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_heading() {
        assert_eq!(
            from_body("\n# 相隔一月　金正恩再訪華\n\ntext").as_deref(),
            Some("相隔一月　金正恩再訪華")
        );
        assert_eq!(
            from_body("## not h1\n#nospace\n# Real #\n").as_deref(),
            Some("Real")
        );
        assert_eq!(
            from_body("#  C# in practice").as_deref(),
            Some("C# in practice")
        );
    }

    #[test]
    fn html_heading_anywhere_in_line() {
        let body =
            "<div><div class=\"x\"><H1 class=\"t\">東京<b>マラソン</b> &amp; 2024</h1></div>";
        assert_eq!(from_body(body).as_deref(), Some("東京マラソン & 2024"));
        assert_eq!(
            from_body("<h1>\n  split\n  line\n</h1>").as_deref(),
            Some("split line")
        );
        assert_eq!(from_body("<h1x>no</h1x>"), None);
    }

    #[test]
    fn first_heading_wins_and_empty_ones_are_skipped() {
        assert_eq!(
            from_body("#\n<h1> </h1>\n<h1>Second</h1>\n# Third").as_deref(),
            Some("Second")
        );
    }

    #[test]
    fn headings_in_code_are_not_titles() {
        assert_eq!(
            from_body("```\n# comment\n```\n# Title").as_deref(),
            Some("Title")
        );
        assert_eq!(from_body("    # indented code\n"), None);
    }

    #[test]
    fn markup_is_removed_from_heading() {
        assert_eq!(
            from_body("# **粗體** [連結](http://e.x) `code` &#x4E2D;&#25991;").as_deref(),
            Some("粗體 連結 code 中文")
        );
    }

    #[test]
    fn controls_and_escapes_are_stripped() {
        assert_eq!(
            from_body("# a\u{1b}[31mb\u{202E}c\u{7}").as_deref(),
            Some("abc")
        );
    }

    #[test]
    fn later_h1_on_the_same_line_is_found() {
        assert_eq!(
            from_body("<h1x>no</h1x><H1>yes</H1>").as_deref(),
            Some("yes")
        );
    }

    #[test]
    fn hostile_runs_stay_linear() {
        let brackets = format!("# {}x", "[".repeat(200_000));
        assert_eq!(from_body(&brackets).map(|t| t.len()), Some(200_001));
        let opens = "<h1 ".repeat(100_000);
        assert_eq!(from_body(&opens), None);
    }

    #[test]
    fn deep_html_does_not_recurse() {
        let body = format!(
            "{}<h1>Deep</h1>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert_eq!(from_body(&body).as_deref(), Some("Deep"));
    }
}
