use proptest::prelude::*;

use super::*;
use crate::search::searchable_text;

/// What a sure hit must never contradict: the body's visible text, folded,
/// holds the term.
fn holds(body: &str, term: &str) -> bool {
    fold(&searchable_text(body)).contains(term)
}

fn sure(body: &str, term: &str) -> bool {
    let term = fold(term);
    Literals::new(&[&term]).surely_held(body, 1) == 1
}

#[test]
fn a_term_written_out_in_the_text_is_sure() {
    assert!(sure("<p>今日香港天晴</p>", "香港"));
    assert!(sure("國家安全", "国家安全"));
    assert!(sure("国家安全", "國家安全"));
    assert!(sure("The POLICE said", "police"));
    assert!(sure("in Hong Kong today", "hong kong"));
    assert!(sure("**香港**", "香港"));
    assert!(sure("香港", "香港"));
    assert!(sure("![香港](x.jpg)", "香港"));
    assert!(sure("<img src=\"a.jpg\" alt=\"香港\">", "香港"));
}

#[test]
fn a_term_not_shown_as_written_is_left_to_the_full_check() {
    // Inside markup, a link target or a URL: not shown.
    assert!(!sure("<a href=\"/香港\">連結</a>", "香港"));
    assert!(!sure("[連結](https://x.example/香港)", "香港"));
    assert!(!sure("https://x.example/police", "police"));
    assert!(!sure("<script>香港</script>", "香港"));
    assert!(!sure("<!-- 香港 -->", "香港"));
    // Shown, but not as written: split by markup or in another width.
    assert!(!sure("香<b>港</b>", "香港"));
    assert!(!sure("ＰＯＬＩＣＥ", "police"));
    // A mark after it composes with its last letter.
    assert!(!sure("police\u{301}", "police"));
    assert!(!sure("police\u{200B}\u{301}", "police"));
    assert!(!sure("police<b>\u{301}</b>", "police"));
    // A mark in the term: no form.
    assert!(!sure("e\u{301}", "e\u{301}"));
}

#[test]
fn a_later_form_counts_when_the_first_is_hidden() {
    assert!(sure("<a href=\"/香港\">連結</a>香港", "香港"));
    assert!(sure("police\u{301} police.", "police"));
}

#[test]
fn only_the_terms_asked_for_are_said() {
    let literals = Literals::new(&["香港", "台湾"]);
    assert_eq!(literals.surely_held("香港 臺灣", 0b11), 0b11);
    assert_eq!(literals.surely_held("香港 臺灣", 0b10), 0b10);
    assert_eq!(literals.surely_held("香港", 0b11), 0b01);
    assert_eq!(literals.surely_held("香港", 0), 0);
}

/// Pieces that meet at awkward places: markup, syntax, references, URLs,
/// invisible characters, marks, variant forms.
const PIECES: &[&str] = &[
    "香",
    "港",
    "國",
    "国",
    "家",
    "p",
    "o",
    "P",
    "Ｐ",
    "e",
    "é",
    "\u{301}",
    "\u{200B}",
    "ｶ",
    "ﾞ",
    "ガ",
    "İ",
    "i",
    "<b>",
    "</b>",
    "<p>",
    "<a href=\"",
    "\">",
    "</a>",
    "<img alt=\"",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "**",
    "`",
    "[",
    "](",
    ")",
    "![",
    "]",
    "&amp;",
    "&lt;",
    "&#x9999;",
    "&#x301;",
    " ",
    "  ",
    "\n",
    "\n# ",
    "\n---\n",
    "|",
    "\\",
    "~~",
    "http://",
    "https://x/",
    "\u{1F600}",
];

fn text(parts: &[usize]) -> String {
    parts.iter().map(|&p| PIECES[p]).collect()
}

proptest! {
    #[test]
    fn never_sure_of_a_body_that_does_not_hold_the_term(
        body in proptest::collection::vec(0..PIECES.len(), 1..24),
        term in proptest::collection::vec(0..PIECES.len(), 1..4),
    ) {
        let body = text(&body);
        let term = fold(text(&term).trim());
        if !term.is_empty() && Literals::new(&[&term]).surely_held(&body, 1) != 0 {
            prop_assert!(holds(&body, &term), "body {:?} term {:?}", body, term);
        }
    }

    #[test]
    fn never_sure_of_a_term_cut_from_another_body(
        body in proptest::collection::vec(0..PIECES.len(), 1..24),
        other in proptest::collection::vec(0..PIECES.len(), 1..24),
        from in 0usize..40,
        len in 1usize..6,
    ) {
        let body = text(&body);
        let visible: Vec<char> = fold(&searchable_text(&text(&other))).chars().collect();
        let from = from % visible.len().max(1);
        let term: String = visible.iter().skip(from).take(len).collect();
        let term = term.trim();
        if !term.is_empty() && Literals::new(&[term]).surely_held(&body, 1) != 0 {
            prop_assert!(holds(&body, term), "body {:?} term {:?}", body, term);
        }
    }
}
