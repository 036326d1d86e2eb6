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

use unicode_normalization::char::decompose_canonical;

use self::chain::Chain;
use super::fold::{CharFold, bmp_sources_of, char_fold, fold};
use super::forms::Forms;
use super::strip::{NAMED_ENTITIES, SPECIAL};

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

/// The characters of `terms` to look for, each with the characters that
/// fold to it: every one that can be, rarest first (CJK before Latin
/// letters, rare letters before common ones), as long as their forms stay
/// few enough for the vectorised search. Asking for fewer is always sound.
fn chosen_chars(terms: &[&str]) -> Vec<(char, Vec<(char, bool)>)> {
    let mut wanted: Vec<char> = terms.iter().flat_map(|t| t.chars()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    wanted.retain(|&c| can_look_for(c));
    wanted.sort_by_key(|&c| commonness(c));
    let mut chosen = Vec::new();
    let mut forms = 0;
    for c in wanted {
        let sources = bmp_sources_of(c);
        if forms + sources.len() > MAX_FORMS {
            continue;
        }
        forms += sources.len();
        chosen.push((c, sources));
    }
    chosen
}

/// The most character forms searched for at once: the vectorised search
/// takes up to 64 patterns.
const MAX_FORMS: usize = 64;

/// How common a character is in text, roughly: 0 for anything not ASCII.
fn commonness(c: char) -> usize {
    const LETTERS_RAREST_FIRST: &str = "zqxjkvbpygfwmucldrhsnioate";
    if !c.is_ascii() {
        return 0;
    }
    LETTERS_RAREST_FIRST
        .find(c)
        .map_or(LETTERS_RAREST_FIRST.len() / 2, |rank| rank + 1)
}

impl RawFilter {
    /// Whether a body the scan ruled out must pass all the same: it holds
    /// a numeric character reference, or a character beyond the Basic
    /// Multilingual Plane (a lead byte from 0xF0: emoji, mostly) whose
    /// folding the table does not hold and that folds to a character of a
    /// term (`𝐩` to `p`). Looked for only after the scan, so that its
    /// patterns stay long enough for the vectorised search to skip most
    /// bytes.
    fn cannot_judge(&self, body: &[u8]) -> bool {
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

/// Whether a character of a term can be looked for in raw bytes: only
/// what folds from characters written as they are.
fn can_look_for(c: char) -> bool {
    can_follow(c) && !NAMED_ENTITIES.iter().any(|&(_, named)| folds_to(named, c))
}

/// Whether a character of a term can be asked to follow another at once
/// (or after removable bytes): not whitespace, not the replacement
/// character invalid bytes decode to, not composed from two characters.
fn can_follow(c: char) -> bool {
    let mut parts = 0;
    decompose_canonical(c, |_| parts += 1);
    !c.is_whitespace() && c != char::REPLACEMENT_CHARACTER && parts == 1
}

fn folds_to(source: char, folded: char) -> bool {
    match char_fold(source) {
        CharFold::Char(f, _) => f == folded,
        CharFold::Expansion(s) => s.contains(folded),
        CharFold::Drop | CharFold::Space => false,
        CharFold::Astral => true,
    }
}

/// Whether the bytes `rest` after a form of one character may continue,
/// once stripped and folded, with `next`: a form of `next`, or something
/// the stripper may remove (markup, Markdown syntax, a URL) or folding may
/// drop. Unreadable bytes may.
fn may_join(rest: &[u8], next: char) -> bool {
    let Some(&first) = rest.first() else {
        return false;
    };
    if first.is_ascii() {
        // `\n` and `|` always leave a space; other special bytes may vanish.
        if SPECIAL[first as usize] && !matches!(first, b'\n' | b'|') {
            return true;
        }
        return folds_to(char::from(first), next) || char_fold(char::from(first)) == CharFold::Drop;
    }
    let len = match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => return true,
    };
    let Some(c) = rest
        .get(..len)
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|s| s.chars().next())
    else {
        return true;
    };
    char_fold(c) == CharFold::Drop || folds_to(c, next)
}

mod chain;
#[cfg(test)]
mod tests;
