//! Find in the open article: `/` in the article view types a query, folded
//! as the list's search folds it (case, width, Traditional/Simplified);
//! every match is marked, the view follows the first one from where the
//! reading was while typing, `n` / `N` step, the status line says `3/17`.
//! Without a find, `n` / `N` step through the list search's matches.
//! The find and the matches belong to the open article ([`Reading`]);
//! each step returns the message for the status line, which `App` shows.

use super::Reading;
use super::hits::DetailHits;
use crate::app::{Action, Criterion, Filters};
use crate::search::{MatchPosition, QUERY_CUT_MESSAGE, Query, append_capped};
use crate::text::sanitize;

/// The find of the open article.
#[derive(Debug)]
pub(super) struct Find {
    input: String,
    query: Query,
    /// The prompt is open (keys type into it).
    typing: bool,
    /// What Esc restores: the find before `/` and the scroll position.
    previous: Option<(String, Query)>,
    origin: usize,
}

/// What a key at the find prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FindOutcome {
    Stay,
    /// The query changed (`cut` to the length limit): back to where the
    /// reading was, then to the first match from there.
    Edited {
        cut: bool,
    },
    /// Enter: the prompt closed, the find stays (unless it is empty).
    Done,
    /// Esc: the find before `/` comes back, and the reading position.
    Cancel,
}

impl Find {
    /// Edits the query for `action`.
    fn update(&mut self, action: &Action) -> FindOutcome {
        let mut cut = false;
        let before = self.input.clone();
        match action {
            Action::Insert(c) if !c.is_control() => {
                cut = append_capped(&mut self.input, c.encode_utf8(&mut [0; 4]));
            }
            Action::InsertText(text) => {
                cut = append_capped(&mut self.input, &sanitize::clean_inline(text));
            }
            Action::DeleteChar => {
                self.input.pop();
            }
            Action::ClearQuery => self.input.clear(),
            Action::Apply | Action::Open => {
                self.typing = false;
                return FindOutcome::Done;
            }
            Action::Back => return FindOutcome::Cancel,
            _ => return FindOutcome::Stay,
        }
        if self.input == before && !cut {
            return FindOutcome::Stay;
        }
        self.query = Query::parse(self.input.trim());
        FindOutcome::Edited { cut }
    }

    /// The find there was before `/`, kept (Esc).
    fn restored(&mut self) -> Option<Find> {
        let origin = self.origin;
        self.previous.take().map(|(input, query)| Find {
            input,
            query,
            typing: false,
            previous: None,
            origin,
        })
    }
}

impl Reading {
    /// Whether the find prompt is open (keys type into it).
    pub(in crate::app) fn find_typing(&self) -> bool {
        self.find.as_ref().is_some_and(|f| f.typing)
    }

    /// What is typed at the find prompt, while it is open.
    pub(in crate::app) fn find_prompt(&self) -> Option<&str> {
        self.find
            .as_ref()
            .filter(|f| f.typing)
            .map(|f| f.input.as_str())
    }

    /// The query the article view marks: the find's, else the list
    /// search's (`filters`).
    pub(in crate::app) fn article_query<'a>(&'a self, filters: &'a Filters) -> Option<&'a Query> {
        match &self.find {
            Some(find) if !find.query.is_empty() => Some(&find.query),
            _ => filters.search_query(),
        }
    }

    /// The matches of the open article as laid out now, for `query`.
    fn current_hits(&self, filters: &Filters) -> Option<&DetailHits> {
        let detail = self.open.as_ref()?;
        let hits = self.hits.as_ref()?;
        hits.describe(detail, self.article_query(filters)?)
            .then_some(hits)
    }

    /// `(n, total)`: the match `n` / `N` went to last, of how many, in the
    /// open article as laid out now.
    pub(in crate::app) fn match_position(&self, filters: &Filters) -> Option<(usize, usize)> {
        let hits = self.current_hits(filters)?;
        let (k, _) = hits.focused()?;
        Some((k + 1, hits.len()))
    }

    /// The match `n` / `N` went to in the open article, if it is still
    /// the article and layout on screen.
    pub(in crate::app) fn search_focus(&self, filters: &Filters) -> Option<&MatchPosition> {
        let (_, position) = self.current_hits(filters)?.focused()?;
        Some(position)
    }

    /// `/`, `n` and `N` in the article view, with `rows` rows on screen;
    /// returns what the status line is to say.
    pub(in crate::app) fn update_find(
        &mut self,
        action: &Action,
        rows: usize,
        filters: &Filters,
    ) -> Option<String> {
        match action {
            Action::Search => {
                self.open_find();
                None
            }
            Action::NextMatch => self.jump_to_match(true, rows, filters),
            Action::PrevMatch => self.jump_to_match(false, rows, filters),
            _ => None,
        }
    }

    /// `/` in the article view.
    fn open_find(&mut self) {
        let Some(detail) = self.open.as_ref() else {
            return;
        };
        let previous = self
            .find
            .take()
            .map(|f| (f.input, f.query))
            .filter(|(input, _)| !input.is_empty());
        self.find = Some(Find {
            input: String::new(),
            query: Query::parse(""),
            typing: true,
            previous,
            origin: detail.scroll,
        });
    }

    /// A key at the find prompt; returns what the status line is to say.
    pub(in crate::app) fn update_find_prompt(
        &mut self,
        action: &Action,
        rows: usize,
        filters: &Filters,
    ) -> Option<String> {
        let find = self.find.as_mut()?;
        match find.update(action) {
            FindOutcome::Stay => None,
            FindOutcome::Done => {
                if find.query.is_empty() {
                    self.find = None;
                    return None;
                }
                let (n, total) = self.match_position(filters)?;
                Some(format!("match {n}/{total}: n next, N previous"))
            }
            FindOutcome::Cancel => {
                let origin = find.origin;
                self.find = find.restored();
                if let Some(detail) = self.open.as_mut() {
                    detail.scroll_to(origin, rows);
                }
                None
            }
            FindOutcome::Edited { cut } => {
                let origin = find.origin;
                let empty = find.query.is_empty();
                if let Some(detail) = self.open.as_mut() {
                    detail.scroll_to(origin, rows);
                }
                self.hits = None;
                let cut = cut.then(|| QUERY_CUT_MESSAGE.to_owned());
                if empty {
                    return cut;
                }
                // The first match from where the reading was, as less does.
                self.jump_to_match(true, rows, filters).or(cut)
            }
        }
    }

    /// `n` (`forward`) / `N` in the article view: scrolls to the next /
    /// previous match of the find (else of the list's search in
    /// `filters`) and says which it is (nothing with no article open).
    pub(in crate::app) fn jump_to_match(
        &mut self,
        forward: bool,
        rows: usize,
        filters: &Filters,
    ) -> Option<String> {
        let label = match &self.find {
            Some(find) if !find.query.is_empty() => format!("/{}", find.input.trim()),
            _ => filters.search().map(Criterion::label).unwrap_or_default(),
        };
        let Some(query) = self.article_query(filters).cloned() else {
            return Some("No search or find to step through: / finds in the article".to_owned());
        };
        let detail = self.open.as_mut()?;
        let hits = match self.hits.take() {
            Some(hits) if hits.describe(detail, &query) => hits,
            _ => DetailHits::new(detail, &query),
        };
        let hits = self.hits.insert(hits);
        let total = hits.len();
        let on_screen = |line: usize| (detail.scroll..detail.scroll + rows.max(1)).contains(&line);
        let Some((next, line)) = hits.step(forward, detail.scroll, on_screen) else {
            return Some(format!("No match of {label} in the text shown here"));
        };
        // The line after too: a match may wrap onto it.
        if !on_screen(line) || !on_screen(line + 1) {
            // A third of a screen of context above the match.
            detail.scroll_to(line.saturating_sub(rows / 3), rows);
        }
        Some(format!("match {}/{}", next + 1, total))
    }
}
