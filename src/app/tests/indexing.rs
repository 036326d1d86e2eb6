//! What a search finds while the index is built: the view of it last
//! reported (`Action::IndexProgress`), never the index growing underneath,
//! so results change only when a report arrives.

use super::searching::search_app;
use super::*;
use crate::search::{Progress, SearchIndex};

#[test]
fn a_search_runs_over_the_last_view_until_the_next_report() {
    let mut app = search_app();
    let index = SearchIndex::metadata_only(&app.library.articles);
    let first = index.view().expect("the metadata is in");
    let generation = app.index_generation();
    drive(
        &mut app,
        Action::IndexStarted {
            generation,
            view: first.clone(),
        },
    );
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    assert_eq!(app.visible(), [0, 1], "titles and tags only so far");
    drive(
        &mut app,
        Action::IndexProgress {
            generation,
            view: first.clone(),
        },
    );
    assert_eq!(app.visible(), [0, 1]);
    let pending = Some(Progress {
        indexed: 0,
        total: 6,
    });
    assert_eq!(app.index_progress(), pending);

    // Every body is indexed underneath; until that is reported, keys
    // search what the last view had.
    index.index_bodies_now(&app.library.articles);
    assert!(index.progress().is_complete());
    drive(&mut app, Action::DeleteChar);
    type_text(&mut app, "湾");
    assert_eq!(app.visible(), [0, 1], "the same as before");
    assert_eq!(app.index_progress(), pending);
    // The same view again changes nothing.
    drive(
        &mut app,
        Action::IndexProgress {
            generation,
            view: first,
        },
    );
    assert_eq!(app.visible(), [0, 1]);

    // The report brings the bodies in: the search is asked for once more,
    // and the list changes when its result comes back.
    let effects = app.update(Action::IndexProgress {
        generation,
        view: index.view().unwrap(),
    });
    let [Effect::Search(job)] = effects.as_slice() else {
        panic!("one query asked for: {effects:?}");
    };
    assert_eq!(app.visible(), [0, 1], "until the result comes");
    let result = Action::SearchDone {
        generation: job.generation,
        matches: job.run(),
    };
    assert!(app.update(result).is_empty());
    assert_eq!(app.visible(), [0, 1, 2]);
    assert_eq!(app.index_progress(), None);
    // A view for articles since replaced is dropped.
    app.update(Action::IndexProgress {
        generation: generation + 1,
        view: SearchIndex::metadata_only(&app.library.articles)
            .view()
            .unwrap(),
    });
    assert_eq!(app.visible(), [0, 1, 2]);
}
