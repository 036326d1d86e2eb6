use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::*;

fn lines(text: &str, width: usize) -> Vec<String> {
    wrap_str(text, width)
}

fn assert_fits(lines: &[String], width: usize) {
    for l in lines {
        assert!(str_width(l) <= width, "{l:?} wider than {width}");
    }
}

#[test]
fn latin_wraps_at_spaces_and_keeps_words_whole() {
    assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
    assert_eq!(lines("a 12,345.67 b", 9), ["a", "12,345.67", "b"]);
}

#[test]
fn long_words_split_only_when_wider_than_the_line() {
    let got = lines("x abcdefghijklmnop", 10);
    assert_fits(&got, 10);
    assert_eq!(got.concat().replace(' ', ""), "xabcdefghijklmnop");
    assert_eq!(got[0], "x abcdefgh");
}

#[test]
fn chinese_breaks_between_any_two_ideographs_and_fills_lines() {
    let text = "繼三月底在北京會面中國國家主席習近平與北韓領袖金正恩本周一至周二在遼寧大連會晤";
    let got = lines(text, 10);
    for l in &got[..got.len() - 1] {
        assert_eq!(str_width(l), 10, "{l}");
    }
    assert_eq!(got.concat(), text);
}

#[test]
fn odd_width_leaves_one_column() {
    let got = lines("一二三四五六七八", 9);
    assert_eq!(got, ["一二三四", "五六七八"]);
}

#[test]
fn closing_punctuation_never_starts_a_line() {
    // Width 10 ends exactly before "。": it moves down with the ideograph before it.
    let got = lines("一二三四五。六七八九十", 10);
    assert_eq!(got, ["一二三四", "五。六七八", "九十"]);
    for width in 10..30 {
        let text = "他說：「我們會研究，但不保證。」其後（在會上）表示《條例》〈附件〉『必須』遵守；是嗎？是！";
        for l in lines(text, width) {
            let first = l.chars().next().unwrap();
            assert!(
                !"。，、；：？！」』）》〉".contains(first),
                "{l:?} at {width}"
            );
        }
    }
}

#[test]
fn opening_brackets_never_end_a_line() {
    for width in 10..30 {
        let text = "他說：「我們會研究，但不保證。」其後（在會上）表示《條例》〈附件〉『必須』遵守；是嗎？是！";
        for l in lines(text, width) {
            let last = l.chars().next_back().unwrap();
            assert!(!"「『（《〈".contains(last), "{l:?} at {width}");
        }
    }
}

#[test]
fn each_named_closing_mark_stays_off_line_starts() {
    for mark in "。，、；：？！」』）》〉".chars() {
        let text = format!("一二三四{mark}五六");
        // Width 8 would fit exactly "一二三四" and leave the mark to lead.
        let got = lines(&text, 8);
        assert!(got.iter().all(|l| !l.starts_with(mark)), "{mark}: {got:?}");
    }
}

#[test]
fn each_named_opening_bracket_stays_off_line_ends() {
    for mark in "「『（《〈".chars() {
        let text = format!("一二三{mark}四五六");
        let got = lines(&text, 8);
        assert!(got.iter().all(|l| !l.ends_with(mark)), "{mark}: {got:?}");
    }
}

#[test]
fn non_starter_after_a_space_stays_with_the_word() {
    let got = lines("abcdef ：中文", 8);
    assert!(got.iter().all(|l| !l.starts_with('：')), "{got:?}");
}

#[test]
fn graphemes_are_never_split() {
    let text = "👩\u{200D}💻👩\u{200D}💻 🇭🇰🇭🇰 e\u{301}e\u{301}e\u{301}";
    for width in 4..12 {
        let got = lines(text, width);
        assert_fits(&got, width);
        let rejoined: Vec<&str> = got.iter().flat_map(|l| l.graphemes(true)).collect();
        let expected: Vec<&str> = text.graphemes(true).filter(|g| *g != " ").collect();
        assert_eq!(
            rejoined
                .into_iter()
                .filter(|g| *g != " ")
                .collect::<Vec<_>>(),
            expected
        );
    }
}

#[test]
fn tabs_expand_to_four_column_stops() {
    assert_eq!(lines("a\tb", 20), ["a   b"]);
    assert_eq!(lines("中\tb", 20), ["中  b"]);
}

#[test]
fn newlines_force_breaks_and_controls_vanish() {
    assert_eq!(lines("ab\ncd\n\nef", 10), ["ab", "cd", "", "ef"]);
    assert_eq!(lines("a\u{1b}[31mb\u{7}c\u{202e}d", 10), ["a[31mbcd"]);
}

#[test]
fn tiny_widths_never_overflow_or_hang() {
    let text = "中文 abc 👩\u{200D}💻 「書」。 🇭🇰 x";
    for width in 1..10 {
        let got = lines(text, width);
        assert_fits(&got, width);
    }
    assert!(lines("中", 1).iter().all(String::is_empty));
}

#[test]
fn hanging_layout_uses_both_widths() {
    let p = Paragraph::<Style>::plain("一二三四五六七八九十");
    let got = p.wrap_hanging(4, 8);
    let widths: Vec<usize> = got.iter().map(spans_width).collect();
    assert_eq!(widths, [4, 8, 8]);
}

#[test]
fn glued_text_does_not_start_a_line() {
    let mut b = ParagraphBuilder::new();
    b.push("一二三四", Style::default());
    b.push_glued("[12]", Style::default());
    let got = b.finish().wrap_plain(9);
    assert_eq!(got, ["一二三", "四[12]"]);
}

#[test]
fn styles_survive_wrapping() {
    let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
    let mut b = ParagraphBuilder::new();
    b.push("plain ", Style::default());
    b.push("bold words", bold);
    let got = b.finish().wrap(8);
    assert_eq!(got.len(), 3);
    assert_eq!(got[1].spans[0].content, "bold");
    assert_eq!(got[1].spans[0].style, bold);
}

#[test]
fn widths_for_tables() {
    let p = Paragraph::<Style>::plain("ab cdef 中文");
    assert_eq!(p.width(), 12);
    assert_eq!(p.min_width(), 4);
}

#[test]
fn long_single_line_is_linear() {
    // A quadratic wrapper would take seconds here even in a debug build.
    let text = "中文字abc, ".repeat(20_000);
    let got = lines(&text, 40);
    assert!(got.len() > 5_000);
    assert_fits(&got, 40);
}

fn visible(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The graphemes of `lines` as they show, the blank ones left out: a
/// grapheme split over two lines shows as two. Compared by what shows,
/// because a line's trailing space may go where a grapheme ends in one (a
/// prepended mark glued to the space after it).
fn visible_graphemes<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    lines
        .into_iter()
        .flat_map(|l| l.graphemes(true))
        .map(visible)
        .filter(|g| !g.is_empty())
        .collect()
}

#[test]
fn a_prepended_mark_before_a_space_keeps_its_place() {
    // U+1193F is a Prepend mark: with the space after it, one grapheme,
    // which ends where the line may break and lose its trailing space.
    let text = "00?#\"\u{1193F} 0!a";
    let got = lines(text, 2);
    assert_fits(&got, 2);
    assert_eq!(visible(&got.concat()), visible(text));
    assert_eq!(
        visible_graphemes(got.iter().map(String::as_str)),
        visible_graphemes([text])
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_line_is_too_wide(text in any::<String>(), width in 1usize..60) {
        let text = crate::text::sanitize::clean_block(&text);
        for l in lines(&text, width) {
            prop_assert!(str_width(&l) <= width, "{:?} at {}", l, width);
        }
    }

    #[test]
    fn nothing_is_lost_reordered_or_split(text in any::<String>(), width in 1usize..60) {
        let text = crate::text::sanitize::clean_block(&text);
        let widest = text.graphemes(true).map(str_width).max().unwrap_or(0);
        prop_assume!(widest <= width);
        let got = lines(&text, width);
        prop_assert_eq!(visible(&got.concat()), visible(&text));
        prop_assert_eq!(visible_graphemes(got.iter().map(String::as_str)), visible_graphemes([text.as_ref()]));
    }

    #[test]
    fn cjk_mixes_hold_the_rules(
        tokens in prop::collection::vec(prop_oneof![
            6 => "[一-龥]{1,3}",
            2 => "[「『（《〈][一-龥]{1,3}[」』）》〉]?",
            2 => "[一-龥][。，、；：？！]",
            1 => " [a-z0-9]{1,8} ",
        ], 0..80),
        width in 10usize..50,
    ) {
        let text = tokens.concat();
        let got = lines(&text, width);
        for (i, l) in got.iter().enumerate() {
            prop_assert!(str_width(l) <= width);
            if i > 0 {
                let c = l.chars().next().unwrap();
                prop_assert!(!punct::never_starts_line(c), "{:?} starts a line", l);
            }
            if i + 1 < got.len() {
                let c = l.chars().next_back().unwrap();
                prop_assert!(!punct::never_ends_line(c), "{:?} ends a line", l);
                // Only a Latin word or a bracketed pair (three glued wide
                // characters and a space) can fail to fit the end of a line.
                let next_is_latin = got[i + 1].starts_with(|c: char| c.is_ascii());
                prop_assert!(str_width(l) + 7 >= width || next_is_latin, "{:?} underfilled", l);
            }
        }
        prop_assert_eq!(visible(&got.concat()), visible(&text));
    }
}
