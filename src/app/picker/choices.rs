//! What a picker offers: its entries, with the form the fuzzy matcher
//! reads, built once per list.

use std::sync::Arc;

use nucleo_matcher::Utf32String;

use crate::search::fold;

/// One choice: a tag with its article count, or a link with its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerEntry {
    pub label: String,
    pub count: usize,
}

/// A picker's entries with their matcher form, shareable so the
/// unfiltered tag and category lists are built once per library.
/// Labels are matched folded as search folds them (case, width, script),
/// so `国安` finds `國安`.
#[derive(Debug, Clone)]
pub struct Choices {
    pub entries: Arc<[PickerEntry]>,
    pub(super) haystacks: Arc<[Utf32String]>,
    pub(super) folded: Arc<[String]>,
}

impl Choices {
    pub fn new(entries: Vec<PickerEntry>) -> Choices {
        let folded: Vec<String> = entries.iter().map(|e| fold(&e.label)).collect();
        let haystacks = folded
            .iter()
            .map(|f| Utf32String::from(f.as_str()))
            .collect();
        Choices {
            entries: entries.into(),
            haystacks,
            folded: folded.into(),
        }
    }
}
