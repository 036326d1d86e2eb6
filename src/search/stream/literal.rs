//! Sure hits: a body that shows a term written out as it is (in any ASCII
//! case, in either script: `國家安全` for `国家安全`) holds it, and saying
//! so costs a look for the term's forms and a strip up to the first one
//! shown, with no folding and no check of the folded text. Most matching
//! bodies have one (`香港` is written `香港`), so `list --search` folds
//! mostly the bodies the raw filter cannot rule out and that show no form
//! of the term as it is.
//!
//! Sure, not a guess: a form is a run of characters each folding, alone, to
//! the term's character at its place, so where the stripper shows it whole
//! the folded text holds the term there. Two things of folding reach across
//! characters, and a form is not taken where they could: a combining mark
//! composes with the character before it (terms holding one have no form;
//! a form must be followed by a character that cannot compose, a space, or
//! the end), and spaces collapse (a form's only space is one ASCII space
//! between two other characters, as in the folded term).

use crate::search::fold::{CharFold, bmp_sources_of, char_fold, fold};
use crate::search::forms::{FindIter, Forms};
use crate::search::strip::visible_spans_while;

/// Forms of one term looked for at once, at most: its characters' other
/// forms are dropped past this (fewer forms is always sound).
const MAX_FORMS: usize = 64;

/// The forms of a query's terms.
#[derive(Debug)]
pub(super) struct Literals {
    /// Per term: a finder for its forms, when it has some.
    finders: Vec<Option<Forms>>,
}

impl Literals {
    /// The forms of `terms` (folded).
    pub(super) fn new(terms: &[&str]) -> Self {
        Literals {
            finders: terms.iter().map(|t| finder(t)).collect(),
        }
    }

    /// Which of the terms whose bit is set in `asked` (bit `t` for term
    /// `t`) `body` surely holds in its visible text, as bits; a term not
    /// said may still be held.
    pub(super) fn surely_held(&self, body: &str, asked: u64) -> u64 {
        let mut hits = Hits {
            terms: self
                .finders
                .iter()
                .enumerate()
                .take(64)
                .filter(|&(t, _)| asked & (1 << t) != 0)
                .filter_map(|(t, finder)| {
                    Some((
                        1 << t,
                        finder.as_ref()?.find_iter(body.as_bytes()).peekable(),
                    ))
                })
                .collect(),
        };
        hits.terms.retain_mut(|(_, forms)| forms.peek().is_some());
        let wanted = hits.terms.iter().fold(0, |wanted, (bit, _)| wanted | bit);
        if wanted == 0 {
            return 0;
        }
        let mut held = 0u64;
        // Forms shown whole at the end of a piece: sure once what comes
        // next cannot compose with their last character.
        let mut pending = 0u64;
        visible_spans_while(body, &mut |piece, start| {
            if pending != 0 {
                if let Some(c) = piece.chars().next() {
                    if ends_a_form(c) {
                        held |= pending;
                        hits.forget(pending);
                    }
                    pending = 0;
                }
            }
            if let Some(start) = start {
                let end = start + piece.len();
                while let Some((from, to, bit)) = hits.first().filter(|hit| hit.0 < end) {
                    hits.pass(bit);
                    // Only a form shown whole, in this piece, counts.
                    if from < start || to > end {
                        continue;
                    }
                    match body[to..end].chars().next() {
                        None => pending |= bit,
                        Some(c) if ends_a_form(c) => {
                            held |= bit;
                            hits.forget(bit);
                        }
                        Some(_) => {}
                    }
                }
            }
            let undecided = wanted & !held;
            undecided != 0 && (!hits.terms.is_empty() || pending & undecided != 0)
        });
        // Still pending only when the text ended right after the form.
        held | pending
    }
}

/// The forms found in a body, term by term, found as they are asked for:
/// a body is mostly searched only up to the first one shown.
struct Hits<'f, 'b> {
    /// Per term still looked for: its bit, and its forms from here on.
    terms: Vec<(u64, std::iter::Peekable<FindIter<'f, 'b>>)>,
}

impl Hits<'_, '_> {
    /// The next form of any term: its start, its end and its term's bit.
    fn first(&mut self) -> Option<(usize, usize, u64)> {
        self.terms.retain_mut(|(_, forms)| forms.peek().is_some());
        self.terms
            .iter_mut()
            .filter_map(|(bit, forms)| forms.peek().map(|m| (m.start(), m.end(), *bit)))
            .min()
    }

    /// Moves past the next form of the term `bit`.
    fn pass(&mut self, bit: u64) {
        if let Some((_, forms)) = self.terms.iter_mut().find(|(b, _)| *b == bit) {
            forms.next();
        }
    }

    /// Stops looking for the terms in `bits`.
    fn forget(&mut self, bits: u64) {
        self.terms.retain(|(bit, _)| bits & bit == 0);
    }
}

/// Whether a character after a form leaves the form's folding as it is:
/// one that folds to characters of its own or to a space, not one that may
/// compose with the form's last character or vanish before one that does.
fn ends_a_form(c: char) -> bool {
    matches!(
        char_fold(c),
        CharFold::Char(_, false) | CharFold::Space | CharFold::Expansion(_)
    )
}

/// A finder for the forms of `term`, ASCII letters in either case; `None`
/// when the term holds a character with no form of its own (a combining
/// mark, one only an expansion gives) or a space at an end.
fn finder(term: &str) -> Option<Forms> {
    if term.starts_with(' ') || term.ends_with(' ') || term.contains("  ") {
        return None;
    }
    let mut choices: Vec<Vec<char>> = term.chars().map(forms_of).collect::<Option<_>>()?;
    // Fewer forms for the characters with most, until few enough.
    while choices.iter().map(Vec::len).product::<usize>() > MAX_FORMS {
        let most = choices
            .iter_mut()
            .max_by_key(|forms| forms.len())
            .filter(|forms| forms.len() > 1)?;
        most.pop();
    }
    let mut forms = vec![String::new()];
    for options in &choices {
        forms = forms
            .iter()
            .flat_map(|form| {
                options.iter().map(move |&c| {
                    let mut longer = form.clone();
                    longer.push(c);
                    longer
                })
            })
            .collect();
    }
    // Each form folds to the term by construction; checked all the same,
    // since a wrong form would list an article that does not match.
    forms.retain(|form| fold(form) == term);
    if forms.is_empty() {
        return None;
    }
    Forms::new(&forms, true)
}

/// The forms of one character of a folded term: itself, then the other
/// ideographs that fold to it (Traditional forms of a Simplified one).
/// ASCII capitals are found by the finder's case folding; other forms
/// (fullwidth letters, compatibility characters) are left to the full
/// check. `None` when the character has no form of its own.
fn forms_of(c: char) -> Option<Vec<char>> {
    if c == ' ' {
        return Some(vec![' ']);
    }
    if char_fold(c) != CharFold::Char(c, false) {
        return None;
    }
    let mut forms = vec![c];
    if is_ideograph(c) {
        forms.extend(
            bmp_sources_of(c)
                .into_iter()
                .filter(|&(source, expands)| {
                    !expands
                        && source != c
                        && is_ideograph(source)
                        && char_fold(source) == CharFold::Char(c, false)
                })
                .map(|(source, _)| source),
        );
    }
    Some(forms)
}

/// CJK Unified Ideographs and their first extension: where Traditional
/// and Simplified forms both live.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

#[cfg(test)]
mod tests;
