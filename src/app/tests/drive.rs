//! Running an app with its slow effects answered at once, for tests of
//! effects and their outcomes. `app` sits below the terminal layer, so
//! these tests do not use its effect runner (`tui::Runner`): each effect
//! is answered here by the same calls the runner's inline workers make
//! (tests in `tests/` run the real one, `tests/common/drive.rs`).

use std::collections::VecDeque;
use std::sync::Arc;

use crate::app::{Action, App, Effect};
use crate::marks::Writer;
use crate::search::SearchIndex;

/// Applies `action` as the reader's session does with inline workers: the
/// effects that read changed files, open the search index, run a query,
/// find the links or save marks are performed at once and their outcomes
/// applied in turn. Returns the other effects (body loads, browsers,
/// quitting).
pub(crate) fn drive(app: &mut App, action: Action) -> Vec<Effect> {
    let mut marks = Writer::new();
    let mut queue = VecDeque::from([action]);
    let mut left = Vec::new();
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action) {
            match effect {
                Effect::ScanChanges(job) => queue.push_back(job.run()),
                Effect::StartIndex {
                    generation,
                    articles,
                    store,
                } => queue.push_back(Action::IndexStarted {
                    generation,
                    view: SearchIndex::open_or_build(&articles, store.as_deref()).wait_metadata(),
                }),
                Effect::SaveMarks(job) => queue.push_back(Action::MarksSaved(marks.write(job))),
                Effect::Search(job) => queue.push_back(Action::SearchDone {
                    generation: job.generation,
                    matches: job.run(),
                }),
                Effect::ScanLinks {
                    articles,
                    generation,
                } => {
                    let (links, graph, found) = crate::library::scan_links(&articles);
                    queue.push_back(Action::LinksResolved {
                        generation,
                        links: Arc::new(links),
                        graph: Arc::new(graph),
                        found,
                    });
                }
                // Freed here, at once (the runner frees it on a worker).
                Effect::Release(articles) => drop(articles),
                other => left.push(other),
            }
        }
    }
    left
}

/// Ticks `app` so it starts its search index, waits until the index is
/// built and reports it, as the session does once the build is done.
pub(crate) fn build_index(app: &mut App) {
    let now = std::time::Instant::now();
    drive(app, Action::Tick { now });
    app.search_index()
        .expect("the tick starts the index")
        .wait();
    report_progress(app);
}

/// Reports how far the search index has come, as the session does on
/// each turn of the event loop.
pub(crate) fn report_progress(app: &mut App) {
    if let Some(view) = app.search_index().and_then(SearchIndex::view) {
        let generation = app.index_generation();
        drive(app, Action::IndexProgress { generation, view });
    }
}

/// Search as it is shortly after start-up on a large archive: titles,
/// tags, authors and categories searchable, every body pending.
pub(crate) fn with_bodies_pending(app: &mut App) {
    let index = SearchIndex::metadata_only(app.articles());
    let view = index.view().expect("the metadata is in");
    let generation = app.index_generation();
    app.update(Action::IndexStarted {
        generation,
        view: view.clone(),
    });
    app.update(Action::IndexProgress { generation, view });
}
