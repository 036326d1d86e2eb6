//! A merge built on a worker meets an app that moved on meanwhile.

use std::sync::Arc;

use super::*;

/// Runs the one `Effect::ScanChanges` in `effects` (inline), returning
/// its answer.
fn run_scan(effects: Vec<Effect>) -> Action {
    let mut jobs = effects.into_iter().filter_map(|e| match e {
        Effect::ScanChanges(job) => Some(job),
        _ => None,
    });
    let job = jobs.next().expect("a scan is asked for");
    assert!(jobs.next().is_none(), "one scan at a time");
    // As the effect runner's worker does (`tui` sits above `app`).
    job.run()
}

fn starred(app: &App, title: &str) -> bool {
    let i = app
        .articles()
        .iter()
        .position(|a| a.title == title)
        .unwrap();
    app.marks().is_starred(i)
}

/// The list is reloaded and a star is given while a merge is out: the
/// merge, built from the old articles, is dropped and asked for again,
/// and the new one is swapped in (not copied); the star stays.
#[test]
fn a_merge_of_replaced_articles_is_asked_again_and_no_mark_is_lost() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    let reloaded = Library::load(std::slice::from_ref(&root));
    let new = write(&root, "b.md", "b", 25, "新");

    let asked = app.update(Action::Library(LibraryEvent::Changed(vec![new.clone()])));
    let answer = run_scan(asked);
    // Meanwhile: a star, then the whole library loaded again.
    app.update(Action::MoveDown);
    app.update(Action::ToggleStar);
    assert!(starred(&app, "a01"));
    app.update(Action::LibraryReloaded(Box::new(reloaded)));
    assert!(starred(&app, "a01"));
    assert!(!app.articles().iter().any(|a| a.title == "b"));

    let again = app.update(answer);
    assert!(!app.articles().iter().any(|a| a.title == "b"), "dropped");
    let Action::ChangesMerged(merged) = run_scan(again) else {
        panic!("a merge");
    };
    assert_eq!(merged.paths, [new]);
    let built = Arc::clone(&merged.merged.articles);
    app.update(Action::ChangesMerged(merged));
    assert!(Arc::ptr_eq(&app.library.articles, &built), "swapped in");
    assert_eq!(app.articles().len(), 21);
    assert_eq!(selected_title(&app), "a01", "the selection stays");
    assert!(starred(&app, "a01"), "the star is kept");
    assert!(!starred(&app, "b"));
}

/// Two apps over equal libraries ask equal scans; once the article list
/// is replaced, the same paths make another scan (of other articles).
#[test]
fn scans_are_equal_when_they_ask_the_same_of_the_same_articles() {
    let (_dir, root) = archive();
    let (mut one, mut two) = (app_on(&root), app_on(&root));
    let path = write(&root, "b.md", "b", 25, "新");
    let ask = |app: &mut App| {
        let effects = app.update(Action::Library(LibraryEvent::Changed(vec![path.clone()])));
        let mut jobs = effects.into_iter().filter_map(|e| match e {
            Effect::ScanChanges(job) => Some(job),
            _ => None,
        });
        jobs.next().expect("a scan")
    };
    let (first, other) = (ask(&mut one), ask(&mut two));
    assert!(!Arc::ptr_eq(&first.base.articles, &other.base.articles));
    assert_eq!(first, other);
    one.update(first.run());
    assert_eq!(one.articles().len(), 21);
    assert_ne!(ask(&mut one), other, "asked of the merged articles");
}

/// The ids of the listed articles, in order.
fn listed_titles(app: &App) -> Vec<String> {
    app.visible()
        .iter()
        .map(|&i| app.articles()[i].title.as_str().to_owned())
        .collect()
}

/// Marks given while a merge is out are kept: the merge's flags were
/// computed from the marks before them, and `update` reads the marks of
/// the articles marked meanwhile again by id (in the unread view, a read
/// article leaves the list), so the result is what a merge asked for
/// after the marks would give.
#[test]
fn marks_given_while_a_merge_is_out_are_in_its_result() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    drive(&mut app, Action::CycleView); // unread only
    drive(&mut app, Action::MoveDown);
    drive(&mut app, Action::ToggleStar); // a01, before the merge
    let new = write(&root, "b.md", "b", 25, "新");
    let asked = app.update(Action::Library(LibraryEvent::Changed(vec![new])));
    let answer = run_scan(asked);
    // Meanwhile: a01 unstarred and read, a03 read, a05 starred.
    app.update(Action::ToggleStar);
    app.update(Action::ToggleRead);
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    app.update(Action::ToggleRead);
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    app.update(Action::ToggleStar);
    assert_eq!(selected_title(&app), "a05");

    let effects = app.update(answer);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::ScanChanges(_))),
        "taken, not asked again: {effects:?}"
    );
    assert!(app.articles().iter().any(|a| a.title == "b"), "swapped in");
    let is = |title: &str| {
        let i = app
            .articles()
            .iter()
            .position(|a| a.title == title)
            .unwrap();
        (app.marks().is_read(i), app.marks().is_starred(i))
    };
    assert_eq!(is("a01"), (true, false));
    assert_eq!(is("a03"), (true, false));
    assert_eq!(is("a05"), (false, true));
    assert_eq!(is("b"), (false, false));
    let listed = listed_titles(&app);
    assert_eq!(listed.len(), 19, "{listed:?}");
    assert!(!listed.contains(&"a01".to_owned()) && !listed.contains(&"a03".to_owned()));
    assert_eq!(listed[0], "b");
    assert_eq!(selected_title(&app), "a05", "the selection stays");

    // The same as the list computed from scratch.
    let swapped = app.visible().to_vec();
    drive(&mut app, Action::CycleView);
    drive(&mut app, Action::CycleView);
    drive(&mut app, Action::CycleView);
    assert_eq!(app.visible(), swapped);
}

/// The merge's answer carries where every old article went (by id) and
/// the list computed for the new articles: `update` finds the selection,
/// even one moved while the merge was out, without looking at every
/// article.
#[test]
fn the_merge_result_carries_the_selection() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    for _ in 0..3 {
        drive(&mut app, Action::MoveDown);
    }
    let selected = app.selected_article().unwrap();
    let new = write(&root, "b.md", "b", 25, "新");
    let asked = app.update(Action::Library(LibraryEvent::Changed(vec![new])));
    let Action::ChangesMerged(answer) = run_scan(asked) else {
        panic!("a merge");
    };
    let relisted = answer.relisted.as_ref().expect("computed on the worker");
    let moved = relisted.carried.get(selected).expect("still there");
    assert_eq!(answer.merged.articles[moved].title, "a03");
    assert_eq!(relisted.listed.len(), 21);
    assert_eq!(relisted.listed[relisted.listed.len() - 1], 20);
    // Meanwhile the selection moves on: it is found in the answer too.
    app.update(Action::MoveDown);
    let old = Arc::clone(&app.library.articles);
    let effects = app.update(Action::ChangesMerged(answer));
    assert_eq!(selected_title(&app), "a04");
    // The replaced list is let go of on a worker, not freed here.
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Release(list) if Arc::ptr_eq(list, &old))),
        "{effects:?}"
    );
    assert_eq!(app.list_cursor().selected, 5);
}

/// A merge listed for other criteria than the app has when it answers
/// (a tag picked meanwhile) is dropped and asked again; the next one is
/// listed for them.
#[test]
fn a_merge_listed_for_other_criteria_is_asked_again() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    let new = write(&root, "b.md", "b", 25, "新");
    let asked = app.update(Action::Library(LibraryEvent::Changed(vec![new.clone()])));
    let answer = run_scan(asked);
    drive(&mut app, Action::TagPicker);
    drive(&mut app, Action::Insert('舊'));
    drive(&mut app, Action::Apply);
    assert_eq!(app.visible().len(), 20);

    let again = app.update(answer);
    assert!(!app.articles().iter().any(|a| a.title == "b"), "dropped");
    let Action::ChangesMerged(merged) = run_scan(again) else {
        panic!("a merge");
    };
    assert_eq!(merged.paths, [new]);
    app.update(Action::ChangesMerged(merged));
    assert_eq!(app.articles().len(), 21);
    assert_eq!(app.visible().len(), 20, "b has no 舊 tag");
}
