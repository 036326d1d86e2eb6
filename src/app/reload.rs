//! Live updates: files changed on disk (reported by the watcher or the
//! cache recheck) or a whole reload, applied to the reader while keeping
//! what the person was looking at: the selected article on the same screen
//! row, and the open article. The files are read and parsed outside
//! `update`, and merged into a new article list there too, with the list's
//! catalog for it (`Effect::ScanChanges`, answered by
//! `Action::ChangesMerged`); here they are swapped in.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::catalog::Catalog;
use super::{App, Criterion, Effect, View};
use crate::library::Library;

mod job;

use crate::search::Matches;
use crate::watch::LibraryEvent;
pub use job::{ChangeJob, MergedChanges};

/// Articles looked at after the selected one when it disappears.
const FOLLOWERS: usize = 64;

/// How the status line starts when files changed.
const UPDATED: &str = "Library updated: ";

/// Changed paths on their way to be read: one scan at a time, so that an
/// older scan never lands after a newer one.
#[derive(Debug, Default)]
pub(super) struct PendingChanges {
    /// A scan is out (`Effect::ScanChanges`).
    scanning: bool,
    /// Paths reported meanwhile, for the next scan.
    queued: Vec<PathBuf>,
    /// How many times the article list was replaced (merges, reloads).
    generation: u64,
}

/// What the person was looking at, by article id (indices change).
struct Anchor {
    /// The selected article, then the ones listed after it: the first
    /// still listed is selected afterwards.
    selected: Vec<String>,
    row_on_screen: usize,
    open: Option<(String, PathBuf)>,
}

impl App {
    /// `Action::Library`: a batch of changed paths, a request to reload, or
    /// a watcher error.
    pub(super) fn library_event(&mut self, event: LibraryEvent) -> Vec<Effect> {
        match event {
            LibraryEvent::Changed(paths) => {
                self.changes.queued.extend(paths);
                self.scan_queued().into_iter().collect()
            }
            LibraryEvent::Rescan => {
                self.notify("Reloading the library (some changes were missed)…");
                Vec::new()
            }
            LibraryEvent::Error(message) => {
                self.fail(message);
                Vec::new()
            }
        }
    }

    /// Asks for the queued paths to be read and merged, unless a scan is
    /// out.
    fn scan_queued(&mut self) -> Option<Effect> {
        if self.changes.scanning || self.changes.queued.is_empty() {
            return None;
        }
        self.changes.scanning = true;
        Some(Effect::ScanChanges(Box::new(ChangeJob {
            roots: self.library.roots.clone(),
            paths: std::mem::take(&mut self.changes.queued),
            base: self.library.merge_base(),
            generation: self.changes.generation,
            options: self.options.clone(),
        })))
    }

    /// `Action::ChangesMerged`: the changed files, read and merged into a
    /// new article list on a worker; swapped in (no copy of the articles
    /// here), then the paths reported meanwhile are asked for. A merge
    /// built from articles replaced meanwhile (a reload) is dropped and
    /// its paths asked for again. Marks are kept by article id, and the
    /// flags read from them again, so none is lost.
    pub(super) fn changes_merged(&mut self, changes: MergedChanges) -> Vec<Effect> {
        self.changes.scanning = false;
        let MergedChanges {
            paths,
            merged,
            catalog,
        } = changes;
        if !self.library.is_base_of(&merged) {
            let later = std::mem::replace(&mut self.changes.queued, paths);
            self.changes.queued.extend(later);
            return self.scan_queued().into_iter().collect();
        }
        let anchor = self.anchor();
        let before = Arc::clone(&self.library.articles);
        let summary = self.library.take_merged(merged);
        if !Arc::ptr_eq(&before, &self.library.articles) {
            self.changes.generation += 1;
        }
        let mut effects = Vec::new();
        if !summary.is_empty() {
            match catalog {
                Some(catalog) => {
                    self.catalog = catalog;
                    self.marks.rebuild(&self.library.articles);
                }
                None => self.index_library(),
            }
            effects = self.rebuild(&anchor, |path| {
                paths.iter().any(|changed| path.starts_with(changed))
            });
            // A message about the person's own action wins over this
            // one; an earlier update's does not.
            let replaceable = self
                .status
                .as_ref()
                .is_none_or(|s| !s.error && s.text.starts_with(UPDATED));
            if replaceable {
                self.notify(format!("{UPDATED}{summary}"));
            }
        }
        effects.extend(self.scan_queued());
        effects
    }

    /// `Action::LibraryReloaded`: the whole library, loaded again.
    pub(super) fn library_reloaded(&mut self, mut library: Library) -> Vec<Effect> {
        let anchor = self.anchor();
        library.name = std::mem::take(&mut self.library.name);
        self.library = library;
        self.changes.generation += 1;
        self.index_library();
        let effects = self.rebuild(&anchor, |_| true);
        self.notify("Library reloaded");
        effects
    }

    /// Derives what the list needs from the articles (the [`Catalog`]:
    /// order, column widths) and the mark flags. The label indexes wait for
    /// [`App::index_labels`].
    pub(super) fn index_library(&mut self) {
        self.catalog = Catalog::build(&self.library.articles, &self.options);
        self.marks.rebuild(&self.library.articles);
    }

    /// Builds the tag and category indexes and the pickers' lists once per
    /// library: after the first frame (the first `Tick`), or before the
    /// first action that needs them.
    pub(super) fn index_labels(&mut self) {
        self.catalog.index_labels(&self.library.articles);
    }

    fn anchor(&self) -> Anchor {
        let selected = self
            .list
            .visible
            .iter()
            .skip(self.list.cursor.selected)
            .take(FOLLOWERS)
            .filter_map(|&i| self.library.articles.get(i))
            .map(|a| a.id.clone())
            .collect();
        let open = match (&self.detail, self.view) {
            (Some(detail), View::Detail) => self
                .library
                .articles
                .get(detail.article)
                .map(|a| (a.id.clone(), a.path.to_path_buf())),
            _ => None,
        };
        Anchor {
            selected,
            row_on_screen: self
                .list
                .cursor
                .selected
                .saturating_sub(self.list.cursor.offset),
            open,
        }
    }

    /// Rebuilds what the catalog and flags (already rebuilt) do not hold
    /// after the articles changed, and puts the selection and the open
    /// article back; `changed(path)` says whether a file was touched (its
    /// body is read again if it is open).
    fn rebuild(&mut self, anchor: &Anchor, changed: impl Fn(&Path) -> bool) -> Vec<Effect> {
        self.index_labels();
        let index = self.renew_search();
        self.archive.library_changed();
        self.history.clear();
        self.list.visible = self.listed();
        let position = anchor.selected.iter().find_map(|id| {
            let article = self.find(id)?;
            self.list.visible.iter().position(|&i| i == article)
        });
        let rows = self.size.body_rows();
        self.list.cursor.selected = position.unwrap_or(0);
        self.list.cursor.offset = self
            .list
            .cursor
            .selected
            .saturating_sub(anchor.row_on_screen);
        self.list.cursor.reveal(self.list.visible.len(), rows);

        let mut effects: Vec<Effect> = index.into_iter().collect();
        let Some((id, path)) = &anchor.open else {
            return effects;
        };
        let Some(article) = self.find(id) else {
            self.close_article();
            self.fail("The article you were reading was removed from the library");
            return effects;
        };
        let mut loading = false;
        if let Some(detail) = self.detail.as_mut() {
            detail.article = article;
            loading = matches!(detail.body, super::Body::Loading);
        }
        // A body still loading was asked for at the old index: ask again.
        if loading || changed(path) || *self.library.articles[article].path != *path {
            effects.push(Effect::LoadBody { article });
        }
        effects
    }

    /// Search indexes articles by position: a new index and list order
    /// (`SearchState::library_changed`). An active search is asked a new
    /// index at once, and until it arrives matches nothing (its matches
    /// were of the old articles), all pending: the list never shows matches
    /// of the old articles, and fills in as bodies are indexed.
    /// The search Esc would go back to at the prompt is emptied the same
    /// way, and asked for again when Esc restores it.
    fn renew_search(&mut self) -> Option<Effect> {
        self.search.library_changed(&self.library.articles);
        let pending = self.library.articles.len();
        let unknown = |criterion: &mut Criterion| {
            if let Criterion::Search { matches, .. } = criterion {
                *matches = Matches::new(matches.query().clone(), Vec::new(), pending);
            }
        };
        if let Some(previous) = self
            .search
            .prompt
            .as_mut()
            .and_then(|p| p.previous.as_mut())
        {
            unknown(previous);
        }
        let mut active = self.filters.search().cloned()?;
        unknown(&mut active);
        self.filters.set_search(Some(active));
        self.request_index()
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.library.articles.iter().position(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests;
