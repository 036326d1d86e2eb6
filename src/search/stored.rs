//! The stored body index: every article body's folded text, packed, with
//! posting lists of the characters and adjacent character pairs it holds,
//! in one file beside the metadata cache. Built once in the background,
//! rebuilt when files change (only the changed bodies are read again), and
//! read with positioned reads: opening it reads a few small tables, a query
//! reads the lists of its keys and the text of the articles it must check,
//! so the reader's memory does not grow with the archive's text (the
//! kernel's page cache keeps what is hot).
//!
//! A term of one or two characters is answered by its list alone; a longer
//! one by intersecting the lists of its pairs, then a substring search of
//! each candidate's packed text (see [`codes`]).
//!
//! # File layout (little-endian)
//! A fixed [`Header`], then the packed texts, the posting lists, the key
//! dictionary (blocks of [`DICT_BLOCK`] keys), its sample (the first key of
//! each block), the character codes, the document table and the paths. The
//! header records where each part starts and a CRC-32 of everything read
//! at opening (header, sample, codes, documents, paths); lists and texts
//! are checked as they are read (a damaged one yields wrong matches, never
//! a panic or a read out of bounds). A file that is short, foreign, of
//! another version or folded another way is ignored and rebuilt.

mod codes;
mod format;
mod postings;
mod read;
mod write;

pub(crate) use self::read::{DocTable, StoredIndex};
pub(crate) use self::write::{DocSource, Writer};

/// Keys per dictionary block.
pub(crate) const DICT_BLOCK: usize = 64;

/// The key of a character.
pub(crate) fn char_key(c: char) -> u64 {
    u64::from(c)
}

/// The key of two adjacent characters.
pub(crate) fn pair_key(a: char, b: char) -> u64 {
    1 << 42 | u64::from(a) << 21 | u64::from(b)
}

/// The keys of a folded body: each character and each adjacent pair,
/// sorted, without repeats.
pub(crate) fn text_keys(text: &str, keys: &mut Vec<u64>) {
    keys.clear();
    let mut previous = None;
    for c in text.chars() {
        keys.push(char_key(c));
        if let Some(p) = previous {
            keys.push(pair_key(p, c));
        }
        previous = Some(c);
    }
    keys.sort_unstable();
    keys.dedup();
}

/// The keys a text must hold to contain `term`, and whether holding them
/// means containing it (one or two characters).
pub(crate) fn term_keys(term: &str) -> (Vec<u64>, bool) {
    let chars: Vec<char> = term.chars().collect();
    if let [c] = chars[..] {
        return (vec![char_key(c)], true);
    }
    let mut keys: Vec<u64> = chars.windows(2).map(|w| pair_key(w[0], w[1])).collect();
    keys.sort_unstable();
    keys.dedup();
    (keys, chars.len() <= 2)
}

#[cfg(test)]
mod tests;
