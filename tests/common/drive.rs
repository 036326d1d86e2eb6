//! Running an app as the reader's session does, with the real effect
//! runner (`tui::Runner`) and inline workers, for tests of effects and
//! their outcomes.

use std::collections::VecDeque;

use inkstone::app::{Action, App, Effect};
use inkstone::search::SearchIndex;
use inkstone::tui::{Runner, Workers};

/// Applies `action` as the reader's session does with inline workers: the
/// effects that read changed files, open the search index, run a query or
/// save marks are performed at once by the effect runner and their
/// outcomes applied in turn. Returns the other effects (body loads, browsers, quitting).
pub fn drive(app: &mut App, action: Action) -> Vec<Effect> {
    let mut runner = Runner::new(Workers::Inline);
    let mut queue = VecDeque::from([action]);
    let mut left = Vec::new();
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action) {
            match effect {
                Effect::ScanChanges(job) => queue.extend(runner.scan_changes(job)),
                Effect::StartIndex {
                    generation,
                    articles,
                    store,
                } => queue.extend(runner.start_index(generation, articles, store)),
                Effect::SaveMarks(job) => queue.extend(runner.save_marks(job)),
                Effect::Search(job) => queue.extend(runner.search(job)),
                Effect::ScanLinks {
                    articles,
                    generation,
                } => queue.extend(runner.scan_links(articles, generation)),
                Effect::Release(articles) => queue.extend(runner.release(articles)),
                other => left.push(other),
            }
        }
    }
    left
}

/// Ticks `app` so it starts its search index, waits until the index is
/// built and reports it, as the session does once the build is done.
pub fn build_index(app: &mut App) {
    let now = std::time::Instant::now();
    drive(app, Action::Tick { now });
    app.search_index()
        .expect("the tick starts the index")
        .wait();
    report_progress(app);
}

/// Reports how far the search index has come, as the session does on
/// each turn of the event loop.
pub fn report_progress(app: &mut App) {
    if let Some(view) = app.search_index().and_then(SearchIndex::view) {
        let generation = app.index_generation();
        drive(app, Action::IndexProgress { generation, view });
    }
}
