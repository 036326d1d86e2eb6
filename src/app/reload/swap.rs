//! Putting back what the person was looking at once new articles are
//! swapped in: the list computed on the merge worker, the flags of articles
//! marked meanwhile, the selection on the same screen row and the open
//! article, with no work per article.

use std::path::{Path, PathBuf};

use super::super::{App, Effect};
use super::relist::{Relisted, admitted};
use crate::marks::ViewFilter;

/// Articles looked at after the selected one when it disappears.
const FOLLOWERS: usize = 64;

/// What the person was looking at, by index in the old articles (where
/// each went is found by id: [`Relisted`]).
pub(super) struct Anchor {
    /// The selected article, then the ones listed after it: the first
    /// still listed is selected afterwards.
    selected: Vec<usize>,
    row_on_screen: usize,
    open: Option<(usize, PathBuf)>,
}

impl App {
    pub(super) fn anchor(&self) -> Anchor {
        let (selected, row_on_screen) = self.list.anchor(FOLLOWERS);
        let open = self.reading.open().and_then(|detail| {
            self.library
                .articles
                .get(detail.article)
                .map(|a| (detail.article, a.path.to_path_buf()))
        });
        Anchor {
            selected,
            row_on_screen,
            open,
        }
    }

    /// Swaps in the list computed for the new articles, mends the flags
    /// of the articles marked meanwhile (`edits`, old indices) and of the
    /// new ones from the marks, and puts the selection and the open
    /// article back; `changed(path)` says whether a file was touched (its
    /// body is read again if it is open). No work per article: O(changes).
    pub(super) fn rebuild(
        &mut self,
        relisted: Relisted,
        anchor: &Anchor,
        edits: &[usize],
        changed: impl Fn(&Path) -> bool,
    ) -> Vec<Effect> {
        let Relisted {
            catalog,
            read,
            starred,
            sorted,
            listed,
            carried,
            fresh,
            ..
        } = relisted;
        self.catalog = catalog;
        let assumed = |i: usize| admitted(self.marks.view(), &read, &starred, i);
        let touched: Vec<(usize, bool)> = edits
            .iter()
            .filter_map(|&old| carried.get(old))
            .chain(fresh)
            .map(|i| (i, assumed(i)))
            .collect();
        self.marks.take_flags(read, starred);
        for &(i, _) in &touched {
            self.marks.reread(&self.library.articles, i);
        }
        let index = self.renew_search(sorted);
        self.archive.library_changed();
        self.reading.articles_changed();
        self.list.replace(listed);
        self.mend_listing(&touched);
        let position = anchor.selected.iter().find_map(|&old| {
            let article = carried.get(old)?;
            self.listed_position(article)
        });
        let rows = self.size.body_rows();
        self.list
            .place(position.unwrap_or(0), anchor.row_on_screen, rows);

        let mut effects: Vec<Effect> = index.into_iter().collect();
        let Some((old, path)) = &anchor.open else {
            return effects;
        };
        let Some(article) = carried.get(*old) else {
            self.reading.close();
            self.fail("The article you were reading was removed from the library");
            return effects;
        };
        let loading = self.reading.moved_to(article);
        // A body still loading was asked for at the old index: ask again.
        if loading || changed(path) || *self.library.articles[article].path != *path {
            effects.push(Effect::LoadBody { article });
        }
        effects
    }

    /// After flags changed from what the list was computed with
    /// (`touched`: each article with whether it was admitted then), the
    /// articles the view no longer admits leave the list. One it now
    /// admits may belong in it: the list is computed again (O(n); only
    /// when a mark given during a merge, or a new article's, lets an
    /// article into the unread or starred view).
    fn mend_listing(&mut self, touched: &[(usize, bool)]) {
        if self.marks.view() == ViewFilter::All {
            return;
        }
        let mut relist = false;
        for &(article, was) in touched {
            match (was, self.marks.admits(article)) {
                (true, false) => {
                    if let Some(row) = self.listed_position(article) {
                        self.list.remove(row);
                    }
                }
                (false, true) => relist = true,
                _ => {}
            }
        }
        if relist {
            let listed = self.listed();
            self.list.replace(listed);
        }
    }

    /// Where `article` is in the list, found by its rank in the list's
    /// order (the list is in that order).
    fn listed_position(&self, article: usize) -> Option<usize> {
        let order = self.search.list_order(self.catalog.order());
        let row = self.list.position_by_rank(article, order.rank())?;
        (self.list.visible().get(row) == Some(&article)).then_some(row)
    }
}
