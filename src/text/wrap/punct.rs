//! Line-edge rules for punctuation (kinsoku): what may not start or end a
//! line. UAX #14 already forbids most of these breaks; these sets also cover
//! the cases it leaves open (a non-starter after a space, splits inside
//! over-long words).

use unicode_linebreak::{BreakClass, break_property};

/// Whether `c` may not be the first character of a line: closing
/// punctuation, and what UAX #14 says must not start one.
pub(super) fn never_starts_line(c: char) -> bool {
    use BreakClass::{
        CloseParenthesis, ClosePunctuation, ConditionalJapaneseStarter, Exclamation,
        InfixSeparator, NonStarter,
    };
    if c.is_ascii_alphanumeric() {
        return false;
    }
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '｝'
            | '］'
            | '．'
            | '・'
            | '…'
            | '‥'
            | '％'
            | '‰'
            | '℃'
            | '〜'
            | '～'
            | 'ー'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '’'
            | '”'
    ) || matches!(
        break_property(c as u32),
        ClosePunctuation
            | CloseParenthesis
            | Exclamation
            | InfixSeparator
            | NonStarter
            | ConditionalJapaneseStarter
    )
}

/// Whether `c` may not be the last character of a line: opening brackets.
pub(super) fn never_ends_line(c: char) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    matches!(
        c,
        '「' | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '｛'
            | '［'
            | '‘'
            | '“'
    ) || break_property(c as u32) == BreakClass::OpenPunctuation
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
