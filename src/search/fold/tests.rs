use super::*;

#[test]
fn case_folds() {
    assert_eq!(fold("Xi JINPING"), "xi jinping");
    assert_eq!(fold("ÉCOLE"), "école");
}

#[test]
fn fullwidth_and_halfwidth_meet() {
    assert_eq!(fold("ＡＢＣ１２３"), fold("abc123"));
    assert_eq!(fold("ＨＫ　ｎｅｗｓ"), "hk news");
    assert_eq!(fold("，！？"), ",!?");
    // Halfwidth katakana become fullwidth, voiced marks recombined.
    assert_eq!(fold("ｶﾀｶﾅ"), "カタカナ");
    assert_eq!(fold("ｶﾞｲﾄﾞ"), "ガイド");
    assert_eq!(fold("ﾊﾟﾝ"), "パン");
}

#[test]
fn traditional_and_simplified_meet() {
    assert_eq!(fold("習近平"), fold("习近平"));
    assert_eq!(fold("國安法"), fold("国安法"));
    assert_eq!(fold("臺灣"), fold("台湾"));
    assert_eq!(fold("台灣"), fold("台湾"));
    assert_eq!(fold("香港國家安全法"), "香港国家安全法");
}

#[test]
fn folding_is_per_character() {
    // fast2s keeps 乾 in 乾隆 when it sees the neighbour; search must
    // fold the same character the same way wherever it stands.
    let alone = fold("乾");
    assert!(fold("乾隆").starts_with(&alone));
    assert!(fold("餅乾").ends_with(&alone));
}

#[test]
fn whitespace_collapses_and_invisibles_vanish() {
    assert_eq!(fold("  a \t\n b  "), "a b");
    assert_eq!(fold("習\u{200B}近\u{202E}平"), "习近平");
    assert_eq!(fold("a\u{3}b\u{1b}c"), "abc");
    assert_eq!(fold("\u{FEFF}標題"), "标题");
}

#[test]
fn decomposed_marks_compose() {
    assert_eq!(fold("e\u{301}cole"), fold("école"));
}

#[test]
fn expansions_fold_inside() {
    assert_eq!(fold("㍿"), "株式会社");
    assert_eq!(fold("…"), "...");
}

#[test]
fn astral_characters_pass_through() {
    assert_eq!(fold("𠮷野家👍🏽"), "𠮷野家👍🏽");
}

#[test]
fn table_agrees_with_the_slow_path() {
    for c in ['Ａ', 'ｶ', '臺', '\u{3000}', '\u{200B}', 'a', 'İ', '㍿'] {
        let mut fast = String::new();
        fold_into(&c.to_string(), &mut fast);
        let slow = match Folding::of(c) {
            Folding::Drop | Folding::Space => String::new(),
            Folding::Char(f) => f.to_string(),
            Folding::Expansion(s) => s,
        };
        assert_eq!(fast, slow, "{c:?}");
    }
}

#[test]
fn mapped_fold_points_back_to_the_source() {
    let source = "Ｘｉ　習\u{200B}近平";
    let mapped = MappedFold::new(source);
    assert_eq!(mapped.text, "xi 习近平");
    let at = mapped.text.find("习近平").unwrap();
    let range = mapped.source_range(at..mapped.text.len()).unwrap();
    assert_eq!(&source[range], "習\u{200B}近平");
    let range = mapped.source_range(0..2).unwrap();
    assert_eq!(&source[range], "Ｘｉ");
}

#[test]
fn mapped_fold_covers_composed_marks() {
    let source = "ｶﾞｲﾄﾞ";
    let mapped = MappedFold::new(source);
    let range = mapped.source_range(0.."ガ".len()).unwrap();
    assert_eq!(&source[range], "ｶﾞ");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Text from the scripts the archive mixes, widths and cases included,
    /// without combining marks (they compose with what precedes them, so a
    /// substring cut between base and mark legitimately folds differently).
    fn mixed_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'z'),
                proptest::char::range('A', 'Z'),
                proptest::char::range('Ａ', 'Ｚ'),
                proptest::char::range('０', '９'),
                proptest::char::range('ｦ', 'ﾝ'),
                proptest::char::range('一', '龥'),
                prop::sample::select(vec![
                    '臺', '灣', '習', '國', ' ', '\u{3000}', '\n', '\u{200B}', '，', '「', '」'
                ]),
            ],
            0..40,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn a_substring_folds_to_a_substring(text in mixed_text(), a in 0usize..40, b in 0usize..40) {
            let chars: Vec<char> = text.chars().collect();
            let (a, b) = (a.min(chars.len()), b.min(chars.len()));
            let part: String = chars[a.min(b)..a.max(b)].iter().collect();
            prop_assert!(fold(&text).contains(&fold(&part)), "{text:?} / {part:?}");
        }

        #[test]
        fn folding_is_idempotent(text in mixed_text()) {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn mapped_ranges_land_on_char_boundaries(text in "\\PC{0,40}", from in 0usize..60, len in 1usize..10) {
            let mapped = MappedFold::new(&text);
            let from = from.min(mapped.text.len());
            let to = (from + len).min(mapped.text.len());
            if let Some(range) = mapped.source_range(from..to) {
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                prop_assert!(range.start <= range.end && range.end <= text.len());
            }
        }
    }
}
