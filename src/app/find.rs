//! Find in the open article: `/` in the article view types a query, folded
//! as the list's search folds it (case, width, Traditional/Simplified);
//! every match is marked, the view follows the first one from where the
//! reading was while typing, `n` / `N` step, the status line says `3/17`.
//! Without a find, `n` / `N` step through the list search's matches.

use super::search::DetailHits;
use super::{Action, App, Criterion, Effect};
use crate::search::{QUERY_CUT_MESSAGE, Query, append_capped};
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

/// What a key at the find prompt asks of the app.
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
    /// Whether the prompt is open (keys type into it).
    pub(super) fn is_typing(&self) -> bool {
        self.typing
    }

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

impl App {
    /// `/`, `n` and `N` in the article view.
    pub(super) fn update_find(&mut self, action: &Action) {
        match action {
            Action::Search => self.open_find(),
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            _ => {}
        }
    }

    /// `/` in the article view.
    fn open_find(&mut self) {
        let Some(detail) = self.reading.open() else {
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

    /// The query the article view marks: the find's, else the list
    /// search's.
    pub fn article_query(&self) -> Option<&Query> {
        match &self.find {
            Some(find) if !find.query.is_empty() => Some(&find.query),
            _ => self.search_query(),
        }
    }

    /// What is typed at the find prompt, while it is open.
    pub fn find_prompt(&self) -> Option<&str> {
        self.find
            .as_ref()
            .filter(|f| f.typing)
            .map(|f| f.input.as_str())
    }

    /// `(n, total)`: the match `n` / `N` went to last, of how many, in the
    /// open article as laid out now.
    pub fn match_position(&self) -> Option<(usize, usize)> {
        let detail = self.reading.open()?;
        let hits = self.search.hits.as_ref()?;
        if !hits.describe(detail, self.article_query()?) {
            return None;
        }
        Some((hits.focus? + 1, hits.positions.len()))
    }

    /// Routes `action` to the find prompt, then does what it asks.
    pub(super) fn update_find_prompt(&mut self, action: &Action) -> Vec<Effect> {
        let Some(find) = self.find.as_mut() else {
            return Vec::new();
        };
        let rows = self.size.body_rows();
        match find.update(action) {
            FindOutcome::Stay => {}
            FindOutcome::Done => {
                if find.query.is_empty() {
                    self.find = None;
                } else if let Some((n, total)) = self.match_position() {
                    self.notify(format!("match {n}/{total}: n next, N previous"));
                }
            }
            FindOutcome::Cancel => {
                let origin = find.origin;
                self.find = find.restored();
                if let Some(detail) = self.reading.open_mut() {
                    detail.scroll_to(origin, rows);
                }
            }
            FindOutcome::Edited { cut } => {
                let origin = find.origin;
                let empty = find.query.is_empty();
                if cut {
                    self.notify(QUERY_CUT_MESSAGE);
                }
                if let Some(detail) = self.reading.open_mut() {
                    detail.scroll_to(origin, rows);
                }
                self.search.hits = None;
                if !empty {
                    // The first match from where the reading was, as less does.
                    self.jump_to_match(true);
                }
            }
        }
        Vec::new()
    }

    /// `n` (`forward`) / `N` in the article view: scrolls to the next /
    /// previous match of the find (else of the list's search) and says
    /// which it is.
    pub(super) fn jump_to_match(&mut self, forward: bool) {
        let rows = self.size.body_rows();
        let label = match &self.find {
            Some(find) if !find.query.is_empty() => format!("/{}", find.input.trim()),
            _ => self
                .filters
                .search()
                .map(Criterion::label)
                .unwrap_or_default(),
        };
        let Some(query) = self.article_query().cloned() else {
            self.notify("No search or find to step through: / finds in the article");
            return;
        };
        let Some(detail) = self.reading.open_mut() else {
            return;
        };
        let hits = match self.search.hits.take() {
            Some(hits) if hits.describe(detail, &query) => hits,
            _ => DetailHits::new(detail, &query),
        };
        let hits = self.search.hits.insert(hits);
        let total = hits.positions.len();
        if total == 0 {
            self.notify(format!("No match of {label} in the text shown here"));
            return;
        }
        let on_screen = |line: usize| (detail.scroll..detail.scroll + rows.max(1)).contains(&line);
        // Step from the last match while it is on screen, else from the
        // screen's top.
        let focus = hits
            .focus
            .filter(|&k| hits.positions.get(k).is_some_and(|p| on_screen(p.line)));
        let next = match (focus, forward) {
            (Some(k), true) => (k + 1) % total,
            (Some(k), false) => (k + total - 1) % total,
            (None, true) => hits
                .positions
                .iter()
                .position(|p| p.line >= detail.scroll)
                .unwrap_or(0),
            (None, false) => hits
                .positions
                .iter()
                .rposition(|p| p.line < detail.scroll)
                .unwrap_or(total - 1),
        };
        hits.focus = Some(next);
        let line = hits.positions[next].line;
        // The line after too: a match may wrap onto it.
        if !on_screen(line) || !on_screen(line + 1) {
            // A third of a screen of context above the match.
            detail.scroll_to(line.saturating_sub(rows / 3), rows);
        }
        self.notify(format!("match {}/{}", next + 1, total));
    }
}
