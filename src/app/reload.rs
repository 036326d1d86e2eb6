//! Live updates: files changed on disk (reported by the watcher or the
//! cache recheck) or a whole reload, applied to the reader while keeping
//! what the person was looking at: the selected article on the same screen
//! row, and the open article. The files are read and parsed outside
//! `update`, and merged into a new article list there too, with the list's
//! catalog for it (`Effect::ScanChanges`, answered by
//! `Action::ChangesMerged`); here they are swapped in.

use std::path::PathBuf;
use std::sync::Arc;

use super::catalog::{Catalog, ListOrder};
use super::{App, Effect};
use crate::library::Library;

mod job;
mod relist;
mod swap;

use crate::watch::LibraryEvent;
pub use job::{ChangeJob, MergedChanges};
use relist::{ListingInputs, Relisted};
pub(super) use relist::{admitted, listing, unknown};

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
        // Marks given from now on are mended in the merge's flags by id.
        self.marks.track_edits();
        let paths = std::mem::take(&mut self.changes.queued);
        Some(Effect::ScanChanges(Box::new(ChangeJob::new(
            self.library.roots.clone(),
            paths,
            self.library.merge_base(),
            self.changes.generation,
            self.options.clone(),
            ListingInputs::of(self),
        ))))
    }

    /// `Action::ChangesMerged`: the changed files, read and merged into a
    /// new article list on a worker, with the list computed for it there;
    /// swapped in (no copy of the articles, no work per article here),
    /// then the paths reported meanwhile are asked for. A merge built from
    /// articles replaced meanwhile (a reload), or listed for other
    /// criteria, view, sort or marks revision than the app has now, is
    /// dropped and its paths asked for again. Marks are kept by article
    /// id: those given while the merge was out are read again, so none is
    /// lost.
    pub(super) fn changes_merged(&mut self, changes: MergedChanges) -> Vec<Effect> {
        self.changes.scanning = false;
        let edits = self.marks.take_edits();
        let MergedChanges {
            paths,
            merged,
            relisted,
        } = changes;
        let listed_for_now = relisted.as_ref().is_none_or(|r| r.inputs.hold_for(self));
        if !self.library.is_base_of(&merged) || !listed_for_now {
            let later = std::mem::replace(&mut self.changes.queued, paths);
            self.changes.queued.extend(later);
            return self.scan_queued().into_iter().collect();
        }
        let anchor = self.anchor();
        let before = Arc::clone(&self.library.articles);
        let summary = self.library.take_merged(merged);
        let mut effects = Vec::new();
        if !Arc::ptr_eq(&before, &self.library.articles) {
            self.changes.generation += 1;
            effects.push(Effect::Release(Arc::clone(&before)));
        }
        if !summary.is_empty() {
            let relisted = match relisted {
                Some(relisted) => *relisted,
                None => self.relist_here(&before),
            };
            effects.extend(self.rebuild(relisted, &anchor, &edits, |path| {
                paths.iter().any(|changed| path.starts_with(changed))
            }));
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

    /// `Action::LibraryReloaded`: the whole library, loaded again (its
    /// list computed here: a reload is O(n) anyway).
    pub(super) fn library_reloaded(&mut self, mut library: Library) -> Vec<Effect> {
        let anchor = self.anchor();
        library.name = std::mem::take(&mut self.library.name);
        let before = std::mem::replace(&mut self.library, library).articles;
        self.changes.generation += 1;
        let relisted = self.relist_here(&before);
        let mut effects = self.rebuild(relisted, &anchor, &[], |_| true);
        effects.push(Effect::Release(before));
        self.notify("Library reloaded");
        effects
    }

    /// The list of the library's articles, which replaced `before`,
    /// computed here (O(n)).
    fn relist_here(&self, before: &[crate::article::Article]) -> Relisted {
        let articles = &self.library.articles;
        let mut catalog = Catalog::build(articles, &self.options);
        catalog.index_labels(articles);
        Relisted::compute(before, articles, catalog, ListingInputs::of(self))
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

    /// Search indexes articles by position: a new index and list order
    /// (`SearchState::library_changed`). An active search is asked a new
    /// index at once, and until it arrives matches nothing (its matches
    /// were of the old articles), all pending: the list never shows matches
    /// of the old articles, and fills in as bodies are indexed.
    /// The search Esc would go back to at the prompt is emptied the same
    /// way (`SearchState::library_changed_to`).
    fn renew_search(&mut self, sorted: Option<ListOrder>) -> Option<Effect> {
        let pending = self.library.articles.len();
        self.search.library_changed_to(sorted, pending);
        let active = unknown(self.filters.search()?, pending);
        self.filters.set_search(Some(active));
        self.request_index()
    }
}

#[cfg(test)]
mod tests;
