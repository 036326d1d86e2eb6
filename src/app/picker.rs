//! The pop-up that picks tags, categories or links, narrowed by fuzzy
//! matching as the person types.

use std::sync::Arc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use super::cursor::Cursor;
use crate::search::fold;

/// What a picker offers, and so what applying it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// Filter by tags (several marked: all of them).
    Tags,
    /// Filter by categories (several marked: all of them).
    Categories,
    /// Open one of the article's links.
    Links,
    /// Open one of the articles that link to the open one (`count` is
    /// its index).
    Backlinks,
}

impl PickerKind {
    pub fn title(self) -> &'static str {
        match self {
            PickerKind::Tags => "Tags",
            PickerKind::Categories => "Categories",
            PickerKind::Links => "Links",
            PickerKind::Backlinks => "Articles linking here",
        }
    }
}

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
    haystacks: Arc<[Utf32String]>,
    folded: Arc<[String]>,
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

pub struct Picker {
    pub kind: PickerKind,
    pub entries: Arc<[PickerEntry]>,
    pub query: String,
    /// Indices into `entries` that match the query, best first.
    pub matches: Vec<usize>,
    /// Position in `matches`.
    pub cursor: Cursor,
    /// Indices into `entries`, in the order they were marked.
    pub marked: Vec<usize>,
    matcher: Box<Matcher>,
    /// The folded labels as the matcher reads them, converted once.
    haystacks: Arc<[Utf32String]>,
    folded: Arc<[String]>,
    /// The query `matches` was ranked for.
    ranked_for: String,
}

impl std::fmt::Debug for Picker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picker")
            .field("kind", &self.kind)
            .field("entries", &self.entries.len())
            .field("query", &self.query)
            .field("matches", &self.matches.len())
            .field("cursor", &self.cursor)
            .field("marked", &self.marked)
            .finish_non_exhaustive()
    }
}

impl Picker {
    pub fn new(kind: PickerKind, choices: Choices) -> Self {
        let matches = (0..choices.entries.len()).collect();
        Picker {
            kind,
            haystacks: choices.haystacks,
            folded: choices.folded,
            ranked_for: String::new(),
            entries: choices.entries,
            query: String::new(),
            matches,
            cursor: Cursor::default(),
            marked: Vec::new(),
            matcher: Box::new(Matcher::new(Config::DEFAULT)),
        }
    }

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

    /// The highlighted entry's index in `entries`.
    pub fn highlighted(&self) -> Option<usize> {
        self.matches.get(self.cursor.selected).copied()
    }

    /// Marks the highlighted entry, or unmarks it; says which happened.
    pub fn toggle_mark(&mut self) -> Option<bool> {
        let entry = self.highlighted()?;
        if let Some(pos) = self.marked.iter().position(|&m| m == entry) {
            self.marked.remove(pos);
            Some(false)
        } else {
            self.marked.push(entry);
            Some(true)
        }
    }

    /// What applying would use: the marked entries, else the highlighted one.
    pub fn chosen(&self) -> Vec<&PickerEntry> {
        if self.marked.is_empty() {
            self.highlighted()
                .and_then(|i| self.entries.get(i))
                .into_iter()
                .collect()
        } else {
            self.marked
                .iter()
                .filter_map(|&i| self.entries.get(i))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::LabelIndex;
    use crate::app::tests::article;

    fn tags_picker() -> Picker {
        let articles = vec![
            article("a", &[], &["香港", "交通", "Tokyo"]),
            article("b", &[], &["香港", "東京", "交通"]),
            article("c", &[], &["香港", "서울", "香港"]),
        ];
        let index = LabelIndex::build(&articles, &[0, 1, 2], |a| &a.tags);
        let entries = index
            .all_counts()
            .into_iter()
            .map(|(label, count)| PickerEntry {
                label: label.into(),
                count,
            });
        Picker::new(PickerKind::Tags, Choices::new(entries.collect()))
    }

    fn labels(p: &Picker) -> Vec<&str> {
        p.matches
            .iter()
            .map(|&i| p.entries[i].label.as_str())
            .collect()
    }

    #[test]
    fn counts_most_used_first() {
        let p = tags_picker();
        assert_eq!(
            p.entries[0],
            PickerEntry {
                label: "香港".into(),
                count: 3
            }
        );
        assert_eq!(
            p.entries[1],
            PickerEntry {
                label: "交通".into(),
                count: 2
            }
        );
        assert_eq!(p.entries.len(), 5);
    }

    #[test]
    fn fuzzy_matching_works_for_cjk_and_latin() {
        let mut p = tags_picker();
        p.set_query("東".into(), 5);
        assert_eq!(labels(&p), ["東京"]);
        p.set_query("서".into(), 5);
        assert_eq!(labels(&p), ["서울"]);
        p.set_query("t".into(), 5);
        assert_eq!(labels(&p), ["Tokyo"]);
        p.set_query("tky".into(), 5);
        assert_eq!(labels(&p), ["Tokyo"]);
        p.set_query("tkx".into(), 5);
        assert!(labels(&p).is_empty());
        p.set_query("香".into(), 5);
        assert_eq!(labels(&p), ["香港"]);
        p.set_query("香 !港".into(), 5);
        assert!(labels(&p).is_empty());
        p.set_query("!港".into(), 5);
        assert_eq!(labels(&p).len(), 4);
        p.set_query("zzz".into(), 5);
        assert!(labels(&p).is_empty());
        assert!(p.chosen().is_empty());
        p.set_query(String::new(), 5);
        assert_eq!(labels(&p).len(), 5);
    }

    #[test]
    fn the_exact_tag_then_prefixes_rank_first_and_queries_fold_like_search() {
        let entries = [
            ("港區國安法", 900),
            ("國安法", 537),
            ("維護國安", 40),
            ("國安", 10),
        ]
        .map(|(label, count)| PickerEntry {
            label: label.into(),
            count,
        });
        let mut p = Picker::new(PickerKind::Tags, Choices::new(entries.to_vec()));
        p.set_query("國安".into(), 5);
        assert_eq!(labels(&p), ["國安", "國安法", "港區國安法", "維護國安"]);
        p.set_query("国安".into(), 5);
        assert_eq!(labels(&p)[..2], ["國安", "國安法"]);
        let entries = ["Stand News", "standard"].map(|label| PickerEntry {
            label: label.into(),
            count: 1,
        });
        let mut p = Picker::new(PickerKind::Tags, Choices::new(entries.to_vec()));
        p.set_query("ＳＴＡＮＤ news".into(), 5);
        assert_eq!(labels(&p), ["Stand News"]);
    }

    #[test]
    fn marks_toggle_and_win_over_the_highlight() {
        let mut p = tags_picker();
        assert_eq!(p.chosen()[0].label, "香港");
        assert_eq!(p.toggle_mark(), Some(true));
        p.cursor.move_by(1, p.matches.len(), 5);
        p.toggle_mark();
        p.cursor.move_by(1, p.matches.len(), 5);
        let chosen: Vec<_> = p.chosen().iter().map(|e| e.label.as_str()).collect();
        assert_eq!(chosen, ["香港", "交通"]);
        p.cursor.select(0, p.matches.len(), 5);
        assert_eq!(p.toggle_mark(), Some(false));
        assert_eq!(p.chosen()[0].label, "交通");
    }
}
