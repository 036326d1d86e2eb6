use proptest::prelude::*;

use super::*;
use crate::search::{fold, searchable_text};

/// What the filter must never contradict: the body's visible text, folded,
/// holds the term.
fn holds(body: &str, term: &str) -> bool {
    fold(&searchable_text(body)).contains(term)
}

fn passes(body: &str, term: &str) -> bool {
    let term = fold(term);
    RawFilter::new(&[&term]).may_hold(body.as_bytes(), 1)
}

#[test]
fn bodies_without_the_characters_are_ruled_out() {
    assert!(!passes("台灣新聞", "香港"));
    assert!(!passes("香 港", "香港"));
    assert!(!passes("港香", "香港"));
    assert!(!passes("香\n港", "香港"));
    assert!(!passes("the police", "zebra"));
}

#[test]
fn every_form_of_a_character_passes() {
    assert!(passes("國家安全", "国家安全"));
    assert!(passes("国家安全", "國家安全"));
    assert!(passes("ＰＯＬＩＣＥ", "police"));
    assert!(passes("Police", "POLICE"));
    assert!(passes("ｶﾞ", "ガ"));
}

#[test]
fn what_stripping_removes_between_characters_passes() {
    for body in [
        "香<b>港</b>",
        "**香**港",
        "[香](https://x.hk)港",
        "香<!-- > -->港",
        "香\u{200B}港",
        "香https://example.com港",
        "香`港`",
        "香~~港~~",
        "香&#28207;",
        "&#39321;港",
        "香\u{1F600}港",
    ] {
        assert!(passes(body, "香港"), "{body}");
    }
}

#[test]
fn named_references_and_compositions_are_not_looked_for() {
    assert!(passes("a &lt; b", "a < b"));
    assert!(passes("x&trade;", "xtm"));
    assert!(passes("cafe\u{301}", "café"));
}

#[test]
fn a_character_that_folds_to_several_is_a_form_of_each() {
    assert!(passes("!İoop", "i\u{307}"));
    assert!(passes("!İoop", "!i\u{307}o"));
}

#[test]
fn latin_words_are_followed_letter_by_letter() {
    assert!(passes("The Police said", "police"));
    assert!(passes("po<b>lice</b>", "police"));
    assert!(passes("po**lice**", "police"));
    assert!(passes("pol&shy;ice", "police"));
    assert!(passes("pol\u{AD}ice", "police"));
    assert!(passes("poli[ce](http://x.y)", "police"));
    assert!(passes("polihttps://x.y ce", "police"));
    assert!(passes("ＰＯＬＩＣＥ", "police"));
    assert!(passes("Ｐolice", "police"));
    assert!(passes("poLIＣＥ", "police"));
    assert!(passes("&#112;olice", "police"));
    // Every pair of letters is there, never the word.
    assert!(!passes("<p>pole, lice, policy, ice, place</p>", "police"));
    assert!(!passes("poli\nce", "police"));
    assert!(!passes("poli|ce", "police"));
    assert!(!passes("poli ce", "police"));
    assert!(!passes("polihce", "police"));
    assert!(!passes("poli!ce", "police"));
}

#[test]
fn characters_beyond_the_bmp_count_only_when_they_fold_to_a_term_character() {
    // Emoji fold to themselves: the scan judges as without them.
    assert!(!passes("警察 \u{1F600}", "police"));
    assert!(!passes("\u{1F600}台灣", "香港"));
    // Mathematical bold `𝐩` folds to `p`; U+2F800 to `丽`.
    assert!(passes("\u{1D429}olice", "police"));
    assert!(passes("\u{2F800}人", "丽人"));
    // Broken four-byte sequences read as U+FFFD.
    let filter = RawFilter::new(&["police"]);
    assert!(!filter.may_hold(b"\xF0\x9F abc \xF8", 1));
    // Past a few different ones, a body passes unjudged.
    let many: String = (0x1F600..0x1F640).filter_map(char::from_u32).collect();
    assert!(passes(&many, "police"));
}

#[test]
fn bytes_that_are_not_utf8_do_not_panic() {
    let filter = RawFilter::new(&["香港"]);
    assert!(!filter.may_hold(b"\xE9\xA6", 1));
    assert!(!filter.may_hold(b"\xE9\xA6\x99\xC0\xE6", 1));
    assert!(!filter.may_hold(b"\xE9\xA6\x99\xE6\xB8", 1));
    assert!(filter.may_hold(b"\xE9\xA6\x99\xE6\xB8\xAF\xC0", 1));
}

#[test]
fn only_the_terms_asked_for_count() {
    let filter = RawFilter::new(&["香港", "台灣"]);
    assert!(filter.may_hold("香港".as_bytes(), 0b01));
    assert!(!filter.may_hold("香港".as_bytes(), 0b11));
    assert!(filter.may_hold("no terms asked".as_bytes(), 0));
}

/// Pieces chosen to meet at awkward places: markup, syntax, references,
/// invisible characters, variant forms.
const PIECES: &[&str] = &[
    "香",
    "港",
    "國",
    "国",
    "家",
    "<b>",
    "</b>",
    "<p>",
    "**",
    "`",
    "[",
    "](http://a.b)",
    "![",
    "&amp;",
    "&lt;",
    "&#x9999;",
    "\u{200B}",
    " ",
    "\n",
    "|",
    "A",
    "a",
    "Ａ",
    "b",
    "\\*",
    "*",
    "e",
    "\u{301}",
    "é",
    "™",
    "http://x ",
    "ｶ",
    "ﾞ",
    "ガ",
    "<!--",
    "-->",
    "~~",
    "\u{1F600}",
    // Beyond the Basic Multilingual Plane, folding to 丽.
    "\u{2F800}",
    "丽",
];

/// Pieces of Latin words, with what may stand between their letters.
const LATIN_PIECES: &[&str] = &[
    "p",
    "o",
    "l",
    "i",
    "P",
    "O",
    "ｏ",
    "Ｐ",
    "h",
    "H",
    "ph",
    "ﬁ",
    "f",
    "\u{AD}",
    "\u{200B}",
    "<b>",
    "</b>",
    "<p>",
    "*",
    "`",
    "!",
    "![",
    "~",
    "~~",
    "\\",
    "\\*",
    "|",
    "\n",
    " ",
    "[",
    "](http://a.b)",
    "http://x ",
    "https://y.z/p ",
    "&amp;",
    "&#x70;",
    "&shy;",
    "1",
    "\u{301}",
    "İ",
    "K",
    "\u{212A}",
    "k",
    // Mathematical bold small p and o, beyond the Basic Multilingual Plane.
    "\u{1D429}",
    "\u{1D428}",
    "\u{1F600}",
];

/// The body made of `pieces[parts]`, and the term cut from its visible,
/// folded text at `from` (`len` characters), when there is one.
fn body_and_term(
    pieces: &[&str],
    parts: &[usize],
    from: usize,
    len: usize,
) -> Option<(String, String)> {
    let body: String = parts.iter().map(|&p| pieces[p]).collect();
    let visible = fold(&searchable_text(&body));
    let chars: Vec<char> = visible.chars().collect();
    if chars.is_empty() {
        return None;
    }
    let from = from % chars.len();
    let term: String = chars[from..(from + len).min(chars.len())].iter().collect();
    let term = term.trim();
    (!term.is_empty()).then(|| (body.clone(), term.to_owned()))
}

/// The filter keeps the body made of `pieces[parts]` for a term cut from
/// it (see [`body_and_term`]).
fn never_rules_out(
    pieces: &[&str],
    parts: &[usize],
    from: usize,
    len: usize,
) -> Result<(), proptest::test_runner::TestCaseError> {
    let cut = body_and_term(pieces, parts, from, len);
    prop_assume!(cut.is_some());
    let (body, term) = cut.unwrap();
    prop_assert!(holds(&body, &term));
    prop_assert!(
        RawFilter::new(&[&term]).may_hold(body.as_bytes(), 1),
        "body {:?} term {:?}",
        body,
        term
    );
    Ok(())
}

proptest! {
    #[test]
    fn never_rules_out_a_body_that_holds_the_term(
        parts in proptest::collection::vec(0..PIECES.len(), 1..24),
        from in 0usize..40,
        len in 1usize..6,
    ) {
        never_rules_out(PIECES, &parts, from, len)?;
    }

    #[test]
    fn never_rules_out_a_body_that_holds_a_latin_word(
        parts in proptest::collection::vec(0..LATIN_PIECES.len(), 1..24),
        from in 0usize..40,
        len in 2usize..6,
    ) {
        never_rules_out(LATIN_PIECES, &parts, from, len)?;
    }
}
