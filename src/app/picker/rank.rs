//! Narrowing a picker as the person types: fuzzy matching on folded
//! labels, or link numbers.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};

use super::Picker;
use crate::app::cursor::Cursor;
use crate::search::fold;

impl Picker {
    /// Link picker: `digits` typed, the entries whose number starts with
    /// them, that number itself first.
    pub fn show_numbers(&mut self, digits: String, rows: usize) {
        self.matches = (0..self.entries.len())
            .filter(|&i| self.entries[i].count.to_string().starts_with(&digits))
            .collect();
        self.matches
            .sort_by_key(|&i| self.entries[i].count.to_string() != digits);
        self.query = digits;
        // The next typed letter ranks from scratch.
        self.ranked_for = String::new();
        self.cursor = Cursor::default();
        self.cursor.reveal(self.matches.len(), rows);
    }

    /// Replaces the query and re-ranks the entries; the highlight goes to the
    /// best match.
    pub fn set_query(&mut self, query: String, rows: usize) {
        self.query = query;
        self.matches = self.rank();
        self.cursor = Cursor::default();
        self.cursor.reveal(self.matches.len(), rows);
    }

    /// Entries matching the query: the entry that is the query, then those
    /// starting with it, then the rest; best score first in each, ties in
    /// entry order (most used first). Matching is per character, so CJK
    /// works, on folded text (case, width and script ignored).
    fn rank(&mut self) -> Vec<usize> {
        let previous = std::mem::replace(&mut self.ranked_for, self.query.clone());
        if self.query.trim().is_empty() {
            return (0..self.entries.len()).collect();
        }
        // Typing more only removes matches, so only the current matches
        // need scoring again (not with `!` negation or a `$` anchor).
        let narrows = !previous.trim().is_empty()
            && self.query.starts_with(&previous)
            && !self.query.contains('!')
            && !previous.ends_with('$');
        let candidates: Vec<usize> = if narrows {
            std::mem::take(&mut self.matches)
        } else {
            (0..self.entries.len()).collect()
        };
        let query = fold(&self.query);
        let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
        let whole = query.trim();
        let mut scored: Vec<(u8, u32, usize)> = candidates
            .into_iter()
            .filter_map(|i| {
                let haystack = self.haystacks.get(i)?.slice(..);
                let label = self.folded.get(i).map_or("", String::as_str);
                let tier = if label == whole {
                    0
                } else if label.starts_with(whole) {
                    1
                } else {
                    2
                };
                pattern
                    .score(haystack, &mut self.matcher)
                    .map(|score| (tier, score, i))
            })
            .collect();
        scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        scored.into_iter().map(|(_, _, i)| i).collect()
    }
}
