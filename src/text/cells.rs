//! Text as terminal cells: rewrites the few emoji sequences whose width
//! terminals disagree on, so what the screen model (ratatui) believes and
//! what the terminal draws are the same.
//!
//! A ZWJ family, a skin-tone modifier, a VS16 heart or a flag is one glyph
//! of two columns to ratatui, but several glyphs (up to eight columns) to
//! many terminals (xterm, VTE, tmux). Every later character of the row
//! then lands in the wrong place and erased cells leave debris. Splitting
//! such sequences into single code points, whose widths everyone agrees
//! on, keeps the screen intact everywhere; the emoji still show, only not
//! fused. The result is never wider than the input by
//! [`crate::text::width::str_width`], so text already wrapped to a width
//! still fits.

use std::borrow::Cow;

use super::width;

const ZERO_WIDTH_JOINER: char = '\u{200d}';

/// Holds the second cell of a character that counts two columns only
/// because ambiguous characters are wide (`ambiguous_width: 2`): ratatui
/// counts it as one, so without this everything after it on the row would
/// be drawn one column too far left of where the terminal puts it. The
/// reader turns these cells into the covered half of the wide character
/// before the frame goes out; a private-use character, so never text.
pub const SPACER: char = '\u{E000}';

/// `s` with a [`SPACER`] after each character that only ambiguous-width
/// mode makes wide; `s` itself when there is none (always, in the default
/// mode). Apply to finished text, after all measuring.
pub fn widen_ambiguous(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(width::widened_by_ambiguous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        out.push(c);
        if width::widened_by_ambiguous(c) {
            out.push(SPACER);
        }
    }
    Cow::Owned(out)
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

fn is_variation_selector(c: char) -> bool {
    c == '\u{fe0e}' || c == '\u{fe0f}'
}

/// The ASCII capital a regional indicator stands for (🇭 -> H).
fn regional_letter(c: char) -> Option<char> {
    let offset = u32::from(c).checked_sub(0x1f1e6)?;
    (offset < 26).then(|| char::from(b'A' + offset as u8))
}

fn needs_rewrite(c: char) -> bool {
    c == ZERO_WIDTH_JOINER
        || is_skin_tone(c)
        || is_variation_selector(c)
        || regional_letter(c).is_some()
}

/// `s` with ZWJ, skin-tone modifiers and variation selectors removed and
/// regional indicators turned into their letters (🇭🇰 -> HK).
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(needs_rewrite) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(letter) = regional_letter(c) {
            out.push(letter);
        } else if !needs_rewrite(c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::str_width;

    #[test]
    fn fused_emoji_come_apart() {
        assert_eq!(
            terminal_safe("家👨\u{200d}👩\u{200d}👧\u{200d}👦"),
            "家👨👩👧👦"
        );
        assert_eq!(terminal_safe("👍🏽 ok"), "👍 ok");
        assert_eq!(terminal_safe("❤\u{fe0f}"), "❤");
        assert_eq!(terminal_safe("🇭🇰 香港"), "HK 香港");
        assert_eq!(terminal_safe("1\u{fe0f}\u{20e3}"), "1\u{20e3}");
        assert!(matches!(terminal_safe("香港 plain ✨"), Cow::Borrowed(_)));
    }

    #[test]
    fn never_wider_than_before() {
        for s in [
            "👨\u{200d}👩\u{200d}👧\u{200d}👦",
            "👍🏽",
            "❤\u{fe0f}",
            "🇭🇰",
            "🇭",
            "🏳\u{fe0f}\u{200d}🌈",
            "a\u{fe0f}",
        ] {
            assert!(str_width(&terminal_safe(s)) <= str_width(s), "{s:?}");
        }
    }
}
