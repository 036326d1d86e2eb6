//! A test on a body's raw bytes, before any decoding, stripping or folding,
//! that every body whose visible text holds the query's terms passes: most
//! bodies that cannot match are thrown out by one vectorised scan, and only
//! the rest are stripped and folded (`stream`).
//!
//! For each term it asks that every character of the term be there in some
//! form that folds to it (case, width, script: `國` and `国` for `国`), and
//! that each pair of adjacent characters be found together: a form of the
//! first followed at once by a form of the second, or by something the
//! stripper may remove or folding may drop (a tag, Markdown syntax, a URL,
//! an invisible character), since `香<b>港</b>` reads `香港`. A character is
//! only asked for when nothing else can produce it: not whitespace, not one
//! a character reference names (`&lt;`), not a composition of two others
//! (`e` + U+0301). A body that holds a numeric character reference (`&#`)
//! always passes, as does one holding a character beyond the Basic
//! Multilingual Plane (whose folding the table does not hold) that folds to
//! a character of a term, and one in another encoding.
//! A Latin word (`police`) is followed letter by letter instead (see
//! [`chain`]): its pairs of letters are in every page.

use self::chain::Chain;
use self::chars::{can_follow, can_look_for, chosen_chars, may_join};
use super::forms::Forms;

/// Requirements tracked per body: one bit each; more are not asked.
const MAX_SLOTS: usize = 64;

/// What a pattern found in the raw bytes means: a form of the character
/// with this number; `expands` when its folding is several characters (it
/// may hold a pair on its own).
#[derive(Debug, Clone, Copy)]
struct Found {
    id: usize,
    expands: bool,
}

/// The raw-bytes test for a query's terms.
#[derive(Debug)]
pub(crate) struct RawFilter {
    finder: Option<Forms>,
    /// Per pattern: what finding it means (a character folding to several
    /// is a form of each of them: `İ` of `i` and of U+0307).
    found: Vec<Vec<Found>>,
    /// Per character number: the bits it sets when found.
    char_bits: Vec<u64>,
    /// Per character number: the pairs it starts, as (bit, next character).
    pairs: Vec<Vec<(u64, char)>>,
    /// Per term: the bits a body must set to hold it.
    term_bits: Vec<u64>,
    /// Per term: the test of a Latin word, which then has no bits.
    chains: Vec<Option<Chain>>,
    /// Every character of the terms, sorted: what a character beyond the
    /// Basic Multilingual Plane must fold to for the scan to miss a form.
    term_chars: Vec<char>,
}

impl RawFilter {
    /// The test for `terms` (folded).
    pub(crate) fn new(terms: &[&str]) -> Self {
        let chains: Vec<Option<Chain>> = terms.iter().map(|t| Chain::new(t)).collect();
        let paired: Vec<&str> = terms
            .iter()
            .zip(&chains)
            .filter(|(_, chain)| chain.is_none())
            .map(|(t, _)| *t)
            .collect();
        let chars = chosen_chars(&paired);
        let mut filter = RawFilter {
            finder: None,
            found: Vec::new(),
            char_bits: vec![0; chars.len()],
            pairs: vec![Vec::new(); chars.len()],
            term_bits: Vec::with_capacity(terms.len()),
            chains: Vec::new(),
            term_chars: terms.iter().flat_map(|t| t.chars()).collect(),
        };
        filter.term_chars.sort_unstable();
        filter.term_chars.dedup();
        let mut slots = 0;
        for (term, chain) in terms.iter().zip(&chains) {
            let mut bits = 0u64;
            if chain.is_some() {
                filter.term_bits.push(bits);
                continue;
            }
            let folded: Vec<char> = term.chars().collect();
            for (i, c) in folded.iter().enumerate() {
                let Some(id) = chars.iter().position(|(k, _)| k == c) else {
                    continue;
                };
                if slots == MAX_SLOTS {
                    break;
                }
                let bit = 1u64 << slots;
                slots += 1;
                bits |= bit;
                // A pair implies its first character; a last character (or
                // one followed by what cannot be asked for) stands alone.
                match folded.get(i + 1).copied().filter(|&n| can_follow(n)) {
                    Some(next) => filter.pairs[id].push((bit, next)),
                    None => filter.char_bits[id] |= bit,
                }
            }
            filter.term_bits.push(bits);
        }
        filter.chains = chains;
        if chars.is_empty() {
            return filter;
        }
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        for (id, (_, sources)) in chars.into_iter().enumerate() {
            for (source, expands) in sources {
                let pattern = source.to_string().into_bytes();
                let found = Found { id, expands };
                if let Some(known) = patterns.iter().position(|p| *p == pattern) {
                    filter.found[known].push(found);
                } else {
                    patterns.push(pattern);
                    filter.found.push(vec![found]);
                }
            }
        }
        // No pattern overlaps another (each is a whole character, and each
        // is there once), so leftmost-first finds what the standard
        // semantics would, and allows the vectorised search.
        filter.finder = Forms::new(&patterns, false);
        filter
    }

    /// Whether `body` (raw UTF-8, perhaps invalid) may hold every term
    /// whose bit is set in `terms` (bit `t` for term `t`; terms past 63
    /// are always taken as held).
    pub(crate) fn may_hold(&self, body: &[u8], terms: u64) -> bool {
        let asked = |t: usize| t < 64 && terms & (1 << t) != 0;
        let words_missing = self
            .chains
            .iter()
            .enumerate()
            .any(|(t, chain)| asked(t) && chain.as_ref().is_some_and(|c| !c.may_hold(body)));
        if words_missing {
            return self.cannot_judge(body);
        }
        let need = self
            .term_bits
            .iter()
            .enumerate()
            .filter(|&(t, _)| asked(t))
            .fold(0, |need, (_, bits)| need | bits);
        let Some(finder) = &self.finder else {
            return true;
        };
        if need == 0 {
            return true;
        }
        let mut seen = 0u64;
        for hit in finder.find_iter(body) {
            for &Found { id, expands } in &self.found[hit.pattern().as_usize()] {
                seen |= self.char_bits[id];
                for &(bit, next) in &self.pairs[id] {
                    if seen & bit == 0 && (expands || may_join(&body[hit.end()..], next)) {
                        seen |= bit;
                    }
                }
            }
            if seen & need == need {
                return true;
            }
        }
        self.cannot_judge(body)
    }
}

mod chain;
mod chars;
#[cfg(test)]
mod tests;
mod unjudged;
