//! Bodies the scan cannot rule out: numeric character references, and
//! characters beyond the Basic Multilingual Plane that fold to a term's.

use super::RawFilter;
use crate::search::fold::fold;

impl RawFilter {
    /// Whether a body the scan ruled out must pass all the same: it holds
    /// a numeric character reference, or a character beyond the Basic
    /// Multilingual Plane (a lead byte from 0xF0: emoji, mostly) whose
    /// folding the table does not hold and that folds to a character of a
    /// term (`𝐩` to `p`). Looked for only after the scan, so that its
    /// patterns stay long enough for the vectorised search to skip most
    /// bytes.
    pub(super) fn cannot_judge(&self, body: &[u8]) -> bool {
        if memchr::memmem::find(body, b"&#").is_some() {
            return true;
        }
        // `max` is vectorised; `any` with its early exit is not.
        if body.iter().copied().max().unwrap_or(0) < 0xF0 {
            return false;
        }
        // Each different one is folded; past a few, the body just passes.
        let mut folded: Vec<char> = Vec::new();
        let mut at = 0;
        while let Some(i) = body[at..].iter().position(|&b| b >= 0xF0) {
            at += i;
            let c = body
                .get(at..at + 4)
                .and_then(|b| std::str::from_utf8(b).ok())
                .and_then(|s| s.chars().next());
            at += 1;
            // Invalid bytes read as U+FFFD, which no term asks for.
            let Some(c) = c else { continue };
            if folded.contains(&c) {
                continue;
            }
            if folded.len() == MAX_ASTRAL_FOLDED {
                return true;
            }
            folded.push(c);
            if fold(c.encode_utf8(&mut [0; 4]))
                .chars()
                .any(|f| self.term_chars.binary_search(&f).is_ok())
            {
                return true;
            }
        }
        false
    }
}

/// Different characters beyond the Basic Multilingual Plane folded for one
/// body at most: a body holding more always passes.
const MAX_ASTRAL_FOLDED: usize = 32;
