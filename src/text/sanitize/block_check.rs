//! Whether [`super::clean_block`] would return a body unchanged. Nearly
//! every body is already clean, and cleaning copies it a character at a
//! time twice over (tabs and line ends, then each line stripped): it was
//! an eighth of rendering an article. This check looks at bytes instead.

/// Bytes that may start something `clean_block` changes: ASCII controls
/// other than `\n` (tab, CR, escape...), DEL, and the lead bytes of the
/// changed non-ASCII characters (C1 controls and U+AD after `C2`, U+61C
/// after `D8`, U+180E after `E1`, U+200B-F, U+2028-E and U+2060-F after
/// `E2`, U+FEFF and U+FFF9-B after `EF`, tags U+E0000-7F after `F3`).
/// Continuation bytes (`80`-`BF`) never match, so a match is always the
/// start of a character.
fn may_start_change(b: u8) -> bool {
    matches!(
        b,
        0x00..=0x09 | 0x0B..=0x1F | 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3
    )
}

/// Whether the character starting at `at` (where [`may_start_change`]
/// matched) is one `clean_block` changes: the exact UTF-8 forms of the
/// characters listed there.
fn changed_at(bytes: &[u8], at: usize) -> bool {
    let next = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
    match bytes[at] {
        0xC2 => matches!(next(1), 0x80..=0x9F | 0xAD),
        0xD8 => next(1) == 0x9C,
        0xE1 => next(1) == 0xA0 && next(2) == 0x8E,
        0xE2 => match next(1) {
            0x80 => matches!(next(2), 0x8B..=0x8F | 0xA8..=0xAE),
            0x81 => matches!(next(2), 0xA0..=0xAF),
            _ => false,
        },
        0xEF => match next(1) {
            0xBB => next(2) == 0xBF,
            0xBF => matches!(next(2), 0xB9..=0xBB),
            _ => false,
        },
        0xF3 => next(1) == 0xA0 && matches!(next(2), 0x80 | 0x81),
        _ => true,
    }
}

/// Whether `s` holds nothing `clean_block` changes: no control but `\n`,
/// no invisible format character, no U+2028/9. Chunks without a suspect
/// byte are passed over branch-free (the compiler vectorises the test);
/// only a chunk with one is looked at character by character.
pub(super) fn is_clean_block(s: &str) -> bool {
    const CHUNK: usize = 32;
    let bytes = s.as_bytes();
    bytes.chunks(CHUNK).enumerate().all(|(n, chunk)| {
        let suspect = chunk
            .iter()
            .fold(false, |any, &b| any | may_start_change(b));
        !suspect
            || chunk
                .iter()
                .enumerate()
                .all(|(i, &b)| !may_start_change(b) || !changed_at(bytes, n * CHUNK + i))
    })
}

#[cfg(test)]
mod tests {
    use super::super::clean_block_slowly;
    use super::is_clean_block;

    /// Every code point whose lead byte is a suspect one (U+0-2FFF,
    /// U+F000-FFFF, the tag block and after), and every 97th of the rest,
    /// alone and between text, on a chunk boundary and at the very end: the
    /// check says clean exactly when cleaning changes nothing (an emoji's
    /// joiner, which cleaning keeps, is left to cleaning; see below).
    #[test]
    fn agrees_with_cleaning_for_every_character() {
        let chars = ('\0'..='\u{2FFF}')
            .chain('\u{F000}'..='\u{FFFF}')
            .chain('\u{E0000}'..='\u{E0FFF}')
            .chain(('\0'..=char::MAX).step_by(97));
        for c in chars {
            for text in [
                format!("{c}"),
                format!("中文 text{c}more\n"),
                format!("{}{c}{}", "a".repeat(31), "字"),
                format!("{}{c}", "b".repeat(30)),
            ] {
                let unchanged = clean_block_slowly(&text) == text;
                assert_eq!(is_clean_block(&text), unchanged, "{:?}", c as u32);
            }
        }
    }

    /// Always cleaned the slow way: line ends, tabs, escape sequences, and
    /// an emoji's joiner (kept, but only cleaning can tell).
    #[test]
    fn sequences_and_line_ends() {
        for text in [
            "a\r\nb",
            "a\tb",
            "\u{1b}[31mx",
            "a\u{2028}b",
            "👩\u{200D}💻",
        ] {
            assert!(!is_clean_block(text), "{text:?}");
        }
        assert!(is_clean_block("中文，“好”——書。\n\nplain text…\n"));
    }
}
