use super::*;

#[test]
fn inline_strips_controls_and_collapses_whitespace() {
    assert_eq!(clean_inline("  a\u{3}b\u{8}\u{1c}c \n\t d  "), "abc d");
}

#[test]
fn inline_strips_escape_sequences() {
    assert_eq!(clean_inline("x\u{1b}[31mred\u{1b}[0m y"), "xred y");
    assert_eq!(clean_inline("\u{1b}]0;pwned\u{7}title"), "title");
    assert_eq!(
        clean_inline("\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
        "link"
    );
    assert_eq!(clean_inline("a\u{9b}2Jb"), "ab");
    assert_eq!(clean_inline("a\u{1b}cb"), "ab");
}

#[test]
fn unterminated_osc_keeps_following_text() {
    let s = format!("\u{1b}]{}", "字".repeat(600));
    assert_eq!(clean_inline(&s).chars().count(), 600);
}

#[test]
fn inline_strips_bidi_and_zero_width() {
    assert_eq!(
        clean_inline("\u{202E}abc\u{202C}\u{200B}d\u{FEFF}e\u{2066}"),
        "abcde"
    );
}

#[test]
fn inline_keeps_emoji_joiner_and_ideographic_space() {
    assert_eq!(clean_inline("👩\u{200D}💻"), "👩\u{200D}💻");
    assert_eq!(clean_inline("a\u{200D}b"), "ab");
    assert_eq!(
        clean_inline("相隔一月\u{3000}金正恩"),
        "相隔一月\u{3000}金正恩"
    );
}

#[test]
fn block_keeps_lines_and_expands_tabs() {
    assert_eq!(clean_block("a\r\nb\rc\n\td\u{1b}[1m!"), "a\nb\nc\n    d!");
    assert_eq!(clean_block("中\tx"), "中  x");
    assert_eq!(clean_block("a\u{2028}b\u{2029}c"), "a\nb\nc");
}

#[test]
fn clean_line_check_agrees_with_cleaning() {
    for s in [
        "",
        " ",
        "a",
        "a b",
        "a  b",
        " a",
        "a ",
        "中\u{3000}文",
        "中\u{3000}\u{3000}文",
        "\u{3000}中",
        "中\u{3000}",
        "a\tb",
        "a\u{a0}b",
        "a\u{1b}[1mb",
        "👩\u{200D}💻",
        "x\u{202E}",
        "e\u{301}",
        "https://web.archive.org/web/2021/https://e.x/%E9%87%91",
        "a\u{7f}",
        "中 文 ",
    ] {
        assert_eq!(
            is_clean_line(s),
            clean_inline(s) == s && !s.chars().any(is_unsafe),
            "{s:?}"
        );
    }
}

#[test]
fn strip_keeping_layout_drops_whole_sequences_but_keeps_lines() {
    assert_eq!(
        strip_keeping_layout("title: \"a\u{1b}]0;pwn\u{7}b\u{1b}[2Jc\u{3}\"\n\tx\r\n"),
        "title: \"abc\"\n\tx\r\n"
    );
}

#[test]
fn is_clean_detects_unsafe() {
    assert!(is_clean("中文 title"));
    assert!(!is_clean("a\u{1b}b"));
    assert!(!is_clean("a\u{202E}b"));
}

/// A body is cleaned line by line; the whole cleaned at once gives the same.
#[test]
fn block_cleaned_by_lines_as_at_once() {
    for body in [
        "clean\na\r\nb\rc\n\td\u{1b}[2Je\u{1b}]0;t\u{7}f\n",
        "x\n\u{1b}]unterminated\nnext\t\u{200B}\n\u{2028}y\u{85}z\r",
        "👩\u{200D}💻\n中文\t，\u{FEFF}\n\n\r\n\r",
        "\u{1b}\n[not an escape\n\u{9b}\n1m",
    ] {
        assert_eq!(clean_block(body), clean_block_slowly(body), "{body:?}");
    }
}
