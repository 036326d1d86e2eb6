use std::collections::HashMap;

use memchr::memmem;

use super::*;

/// Characters no test text uses (CJK extension B).
fn filler_char(n: u32) -> char {
    char::from_u32(0x2_0000 + n).unwrap()
}

/// Codes where `'的'` is frequent, `'港'` two bytes away and characters
/// past the two-byte range are escaped.
fn codes() -> Codes {
    let mut counts = HashMap::new();
    counts.insert('的', 100);
    counts.insert('a', 90);
    let mut codes = Codes::by_frequency(&counts);
    // Fill the one- and two-byte numbers so later characters are escaped.
    let mut filler = Vec::new();
    for n in 0..FIRST_ESCAPED - 2 {
        codes.pack_extending(&filler_char(n).to_string(), &mut filler);
    }
    codes
}

#[test]
fn text_round_trips_through_every_code_length() {
    let mut codes = codes();
    let text = "的a香港\u{1F600}的\u{2FFFF} x";
    let mut packed = Vec::new();
    codes.pack_extending(text, &mut packed);
    let mut back = String::new();
    codes.unpack(&packed, &mut back);
    assert_eq!(back, text);
    assert!(packed.len() < text.len() + 8);
    // 的 and a: one byte each; 香 and 港 came after the filler: escaped.
    assert_eq!(codes.pack("香港").as_deref(), Some(&packed[2..10]));
    assert_eq!(codes.pack("not here ☃"), None);
}

#[test]
fn frequent_characters_take_one_byte() {
    let codes = codes();
    assert_eq!(codes.pack("的a").unwrap().len(), 2);
    assert_eq!(codes.pack(&filler_char(0).to_string()).unwrap().len(), 1);
    assert_eq!(codes.pack(&filler_char(200).to_string()).unwrap().len(), 2);
}

/// Every hit of `term` in `text` that [`is_aligned`] keeps.
fn hits(text: &[u8], term: &[u8]) -> Vec<usize> {
    memmem::find_iter(text, term)
        .filter(|&at| is_aligned(text, at))
        .collect()
}

#[test]
fn hits_inside_a_character_are_thrown_out() {
    let mut codes = codes();
    let mut text = Vec::new();
    // Characters whose pairs, read one byte off, spell another character.
    let a = filler_char(300);
    let b = filler_char(301);
    codes.pack_extending(&format!("{a}{b}{a}"), &mut text);
    // The pair made of a's second byte and b's first byte.
    let inner = [text[1], text[2]];
    assert!(memmem::find(&text, &inner).is_some());
    assert!(hits(&text, &inner).is_empty());
    assert_eq!(hits(&text, &codes.pack(&b.to_string()).unwrap()), [2]);
    // An escape's low pair is not the two-byte character of that value.
    let mut escaped = Vec::new();
    codes.pack_extending("的\u{1F600}", &mut escaped);
    let low = [escaped[3], escaped[4]];
    assert!(hits(&escaped, &low).is_empty());
    assert_eq!(hits(&escaped, &codes.pack("\u{1F600}").unwrap()), [1]);
}

#[test]
fn damaged_bytes_end_the_text_without_panicking() {
    let codes = codes();
    let mut out = String::new();
    codes.unpack(&[0x80], &mut out);
    codes.unpack(&[0xFF, 0xFF, 0x01], &mut out);
    assert!(out.is_empty());
    assert!(Codes::from_chars(vec!['a', 'a']).is_none());
}
