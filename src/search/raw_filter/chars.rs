//! Which characters of a term the scan asks for, the forms it looks for
//! them in, and whether the bytes after one may continue with the next.

use unicode_normalization::char::decompose_canonical;

use crate::search::fold::{CharFold, bmp_sources_of, char_fold};
use crate::search::strip::{NAMED_ENTITIES, SPECIAL};

/// The characters of `terms` to look for, each with the characters that
/// fold to it: every one that can be, rarest first (CJK before Latin
/// letters, rare letters before common ones), as long as their forms stay
/// few enough for the vectorised search. Asking for fewer is always sound.
pub(super) fn chosen_chars(terms: &[&str]) -> Vec<(char, Vec<(char, bool)>)> {
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

/// Whether a character of a term can be looked for in raw bytes: only
/// what folds from characters written as they are.
pub(super) fn can_look_for(c: char) -> bool {
    can_follow(c) && !NAMED_ENTITIES.iter().any(|&(_, named)| folds_to(named, c))
}

/// Whether a character of a term can be asked to follow another at once
/// (or after removable bytes): not whitespace, not the replacement
/// character invalid bytes decode to, not composed from two characters.
pub(super) fn can_follow(c: char) -> bool {
    let mut parts = 0;
    decompose_canonical(c, |_| parts += 1);
    !c.is_whitespace() && c != char::REPLACEMENT_CHARACTER && parts == 1
}

pub(super) fn folds_to(source: char, folded: char) -> bool {
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
pub(super) fn may_join(rest: &[u8], next: char) -> bool {
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
