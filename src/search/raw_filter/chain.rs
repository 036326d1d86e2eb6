//! The raw-bytes test for a Latin word (`police`, `covid19`): the pair test
//! is weak there, since every pair of letters is somewhere in a page of
//! HTML, and its scan for one-byte patterns is not vectorised. Instead the
//! word is followed from each place its first letter is: one letter after
//! another, in either case, until it is whole or something stands between
//! two letters that stripping may remove or folding may drop (then the
//! body passes). A body holding another form of the first letter
//! (`Ｐ`, a ligature) passes, like one the pair test cannot judge.
//!
//! Sound for the same reason as the pair test: the stripper reads forward
//! and only its special bytes (see `strip::SPECIAL`) start anything it
//! drops, so the raw bytes of a visible `police` are its letters with,
//! between two of them, nothing or something starting with such a byte.

use super::{can_look_for, may_join};
use crate::search::fold::bmp_sources_of;
use crate::search::forms::Forms;
use crate::search::strip::starts_with_ignore_case;

/// Other forms of the first letter searched for at once, at most.
const MAX_OTHER_FORMS: usize = 64;

/// The test for one folded word of ASCII letters and digits.
#[derive(Debug)]
pub(super) struct Chain {
    letters: Vec<u8>,
    /// Forms of the first letter that are not ASCII.
    other_forms: Option<Forms>,
}

impl Chain {
    /// The test for `term`, if it is a word this test is for: two or more
    /// ASCII lower-case letters or digits, whose first one is never written
    /// as a reference and whose other ASCII forms are only its capital.
    pub(super) fn new(term: &str) -> Option<Chain> {
        let letters = term.as_bytes();
        if letters.len() < 2
            || !letters
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return None;
        }
        let first = char::from(letters[0]);
        if !can_look_for(first) {
            return None;
        }
        let mut others: Vec<String> = Vec::new();
        for (source, _) in bmp_sources_of(first) {
            if source.is_ascii() {
                if source != first && source != first.to_ascii_uppercase() {
                    return None;
                }
            } else {
                others.push(source.to_string());
            }
        }
        if others.len() > MAX_OTHER_FORMS {
            return None;
        }
        let other_forms = if others.is_empty() {
            None
        } else {
            Some(Forms::new(&others, false)?)
        };
        Some(Chain {
            letters: letters.to_vec(),
            other_forms,
        })
    }

    /// Whether `body` may hold the word (see the module's comment; the
    /// caller checks for what no raw test can judge).
    pub(super) fn may_hold(&self, body: &[u8]) -> bool {
        let first = self.letters[0];
        let upper = first.to_ascii_uppercase();
        let rest = &self.letters[1..];
        for at in memchr::memchr2_iter(first, upper, body) {
            if Self::follows(&body[at + 1..], rest) {
                return true;
            }
        }
        self.other_forms
            .as_ref()
            .is_some_and(|forms| forms.is_match(body))
    }

    /// Whether `rest` of the word may follow from the start of `bytes`.
    fn follows(bytes: &[u8], rest: &[u8]) -> bool {
        for (i, &letter) in rest.iter().enumerate() {
            let Some(&b) = bytes.get(i) else {
                return false;
            };
            if b.eq_ignore_ascii_case(&letter) {
                continue;
            }
            return may_vanish_before(&bytes[i..], char::from(letter));
        }
        true
    }
}

/// Whether `bytes`, which do not start with `next` in ASCII, may still
/// read, once stripped and folded, as `next` after what came before: only
/// the bytes the stripper acts on when they start what it drops, or what
/// `may_join` allows.
fn may_vanish_before(bytes: &[u8], next: char) -> bool {
    let second = bytes.get(1).copied();
    match bytes[0] {
        // Tags, references, links, emphasis, code: may vanish or stand for
        // another character.
        b'<' | b'&' | b'[' | b']' | b'*' | b'`' => true,
        b'!' => second == Some(b'['),
        b'~' => second == Some(b'~'),
        b'h' | b'H' => {
            starts_with_ignore_case(bytes, b"http://")
                || starts_with_ignore_case(bytes, b"https://")
        }
        // A line break or a table bar leaves a space; an escape a
        // punctuation mark: neither is a letter of the word.
        b'\n' | b'|' | b'\\' => false,
        _ => may_join(bytes, next),
    }
}
