//! Finding any of a few short byte strings (the forms of a character or of
//! a term) in raw bodies, vectorised where it can be.
//!
//! `AhoCorasick` picks its prefilter by how rare bytes are in English text:
//! for CJK forms it takes their lead bytes as rare and stops at nearly
//! every character (the raw filter was a fifth of `list --search 鯨`'s
//! time). The packed searcher (Teddy) looks at the first three bytes of
//! every pattern at once, 32 bytes a step, whatever the text.

use aho_corasick::{AhoCorasick, Match, MatchKind, packed};

/// A searcher for a set of byte strings, leftmost first.
#[derive(Debug)]
pub(crate) enum Forms {
    Packed(packed::Searcher),
    /// Where the packed searcher cannot be used: no vector instructions,
    /// too many or too short patterns, or ASCII case to ignore.
    Automaton(AhoCorasick),
}

impl Forms {
    /// A searcher for `patterns`; with `ascii_case`, ASCII letters match
    /// in either case. `None` when none can be built.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P], ascii_case: bool) -> Option<Forms> {
        if patterns.is_empty() {
            return None;
        }
        let has_letters = patterns
            .iter()
            .any(|p| p.as_ref().iter().any(u8::is_ascii_alphabetic));
        if !(ascii_case && has_letters) {
            let packed = packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(patterns)
                .build();
            if let Some(searcher) = packed {
                return Some(Forms::Packed(searcher));
            }
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .ascii_case_insensitive(ascii_case)
            .build(patterns)
            .ok()
            .map(Forms::Automaton)
    }

    /// Every match in `haystack`, leftmost first, not overlapping.
    pub(crate) fn find_iter<'f, 'h>(&'f self, haystack: &'h [u8]) -> FindIter<'f, 'h> {
        match self {
            Forms::Packed(searcher) => FindIter::Packed(searcher.find_iter(haystack)),
            Forms::Automaton(automaton) => FindIter::Automaton(automaton.find_iter(haystack)),
        }
    }

    pub(crate) fn is_match(&self, haystack: &[u8]) -> bool {
        self.find_iter(haystack).next().is_some()
    }
}

/// The matches of [`Forms::find_iter`].
pub(crate) enum FindIter<'f, 'h> {
    Packed(packed::FindIter<'f, 'h>),
    Automaton(aho_corasick::FindIter<'f, 'h>),
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        match self {
            FindIter::Packed(matches) => matches.next(),
            FindIter::Automaton(matches) => matches.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(forms: &Forms, haystack: &str) -> Vec<(usize, usize)> {
        forms
            .find_iter(haystack.as_bytes())
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect()
    }

    #[test]
    fn finds_every_form_leftmost_first_in_short_and_long_text() {
        let forms = Forms::new(&["鯨", "鲸"], false).unwrap();
        assert_eq!(found(&forms, "鲸a鯨"), [(1, 0), (0, 4)]);
        let long = format!("{}鯨{}鲸", "字".repeat(500), "x".repeat(500));
        assert_eq!(found(&forms, &long), [(0, 1500), (1, 2003)]);
        assert!(!forms.is_match("字".repeat(100).as_bytes()));
    }

    #[test]
    fn ascii_case_is_ignored_when_asked() {
        let forms = Forms::new(&["police"], true).unwrap();
        assert_eq!(found(&forms, "The POLICE and police"), [(0, 4), (0, 15)]);
        let exact = Forms::new(&["police"], false).unwrap();
        assert_eq!(found(&exact, "The POLICE and police"), [(0, 15)]);
        assert!(Forms::new::<&str>(&[], false).is_none());
    }
}
