use super::*;

#[test]
fn ascii_counts_printable_bytes() {
    assert_eq!(str_width("hello"), 5);
    assert_eq!(str_width("a\tb"), 2);
}

#[test]
fn cjk_is_two_columns() {
    assert_eq!(str_width("中文"), 4);
    assert_eq!(str_width("한국어"), 6);
    assert_eq!(str_width("カタカナ"), 8);
    assert_eq!(str_width("，。"), 4);
}

#[test]
fn ambiguous_defaults_to_one_column() {
    assert_eq!(str_width("—…“”─·"), 6);
}

#[test]
fn emoji_forms_never_undercount() {
    assert_eq!(str_width("🇭🇰"), 2);
    assert_eq!(str_width("\u{1F1ED}"), 2);
    assert_eq!(str_width("☺\u{FE0F}"), 2);
    assert!(str_width("👩\u{200D}💻") >= 2);
    assert_eq!(str_width("e\u{301}"), 1);
}

#[test]
fn spacing_marks_take_a_column() {
    assert_eq!(str_width("\u{0B9A}\u{0BBE}"), 2);
    assert_eq!(char_width('\u{0890}'), 1);
    assert_eq!(char_width('\u{0301}'), 0);
}

#[test]
fn control_characters_take_no_columns() {
    assert_eq!(char_width('\u{1b}'), 0);
    assert_eq!(str_width("a\u{1b}b"), 2);
}

#[test]
fn truncate_adds_ellipsis_without_splitting_wide_chars() {
    assert_eq!(truncate("中文標題", 8), "中文標題");
    assert_eq!(truncate("中文標題", 7), "中文標…");
    assert_eq!(truncate("中文標題", 6), "中文…");
    assert_eq!(truncate("abc", 0), "");
    assert!(str_width(&truncate("中文標題", 4)) <= 4);
}

#[test]
fn elide_middle_keeps_both_ends() {
    let url =
        "https://web.archive.org/web/20220519053245if_/https://www.example.com/news/華盛頓為何取消";
    let cut = elide_middle(url, 40);
    assert!(str_width(&cut) <= 40, "{cut}");
    assert!(cut.starts_with("https://web."), "{cut}");
    assert!(cut.ends_with("/news/華盛頓為何取消"), "{cut}");
    assert_eq!(elide_middle("short", 40), "short");
    assert_eq!(elide_middle("abcdef", 1), "…");
}

#[test]
fn truncate_never_doubles_an_ellipsis() {
    assert_eq!(truncate("ab…cdef", 4), "ab…");
    assert_eq!(truncate("標題……內文", 6), "標題…");
}

#[test]
fn take_columns_keeps_combining_marks() {
    assert_eq!(take_columns("e\u{301}x", 1), "e\u{301}");
    assert_eq!(take_columns("a中b", 2), "a");
}

#[test]
fn fit_pads_in_columns_not_chars() {
    assert_eq!(fit("中", 4), "中  ");
    assert_eq!(str_width(&fit("中文標題很長", 5)), 5);
    assert_eq!(pad_left("12", 4), "  12");
}

/// `char_width` answers the commonest characters without the tables; for
/// every code point, in both ambiguous settings, it must say what the
/// tables say.
#[test]
fn quick_widths_agree_with_the_tables() {
    for c in '\0'..=char::MAX {
        let quick = char_width(c);
        if quick == looked_up_width(c, ambiguous_wide()) {
            let other = looked_up_width(c, !ambiguous_wide());
            let in_quick_ranges = matches!(c,
                ' '..='~' | '\u{3000}'..='\u{3029}' | '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{FF01}'..='\u{FF60}');
            assert!(!in_quick_ranges || other == quick, "{:?}", c as u32);
        } else {
            panic!("{:?}: {quick}", c as u32);
        }
    }
}
