//! Line-edge rules for punctuation (kinsoku): what may not start or end a
//! line. UAX #14 already forbids most of these breaks; these sets also cover
//! the cases it leaves open (a non-starter after a space, splits inside
//! over-long words).

use unicode_linebreak::{BreakClass, break_property};

/// Closing punctuation that must never begin a line.
const CLOSING: &str = "。，、；：？！」』）》〉】〕〗〙〛｝］．・…‥％‰℃〜～ー々ゝゞヽヾ’”";

/// Opening brackets that must never end a line.
const OPENING: &str = "「『（《〈【〔〖〘〚｛［‘“";

/// Whether `c` may not be the first character of a line.
pub(super) fn never_starts_line(c: char) -> bool {
    use BreakClass::{
        CloseParenthesis, ClosePunctuation, ConditionalJapaneseStarter, Exclamation,
        InfixSeparator, NonStarter,
    };
    matches!(
        break_property(c as u32),
        ClosePunctuation
            | CloseParenthesis
            | Exclamation
            | InfixSeparator
            | NonStarter
            | ConditionalJapaneseStarter
    ) || CLOSING.contains(c)
}

/// Whether `c` may not be the last character of a line.
pub(super) fn never_ends_line(c: char) -> bool {
    break_property(c as u32) == BreakClass::OpenPunctuation || OPENING.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_closing_punctuation_never_starts() {
        for c in "。，、；：？！」』）》〉".chars() {
            assert!(never_starts_line(c), "{c}");
            assert!(!never_ends_line(c), "{c}");
        }
    }

    #[test]
    fn opening_brackets_never_end() {
        for c in "「『（《〈【“‘([".chars() {
            assert!(never_ends_line(c), "{c}");
            assert!(!never_starts_line(c), "{c}");
        }
    }

    #[test]
    fn ideographs_and_letters_are_free() {
        for c in "中文한글かなAa1".chars() {
            assert!(!never_starts_line(c), "{c}");
            assert!(!never_ends_line(c), "{c}");
        }
    }
}
