//! A merge built on a worker meets an app that moved on meanwhile.

use std::sync::Arc;

use super::*;
use crate::tui::{Runner, Workers};

/// Runs the one `Effect::ScanChanges` in `effects` (inline), returning
/// its answer.
fn run_scan(effects: Vec<Effect>) -> Action {
    let mut jobs = effects.into_iter().filter_map(|e| match e {
        Effect::ScanChanges(job) => Some(job),
        _ => None,
    });
    let job = jobs.next().expect("a scan is asked for");
    assert!(jobs.next().is_none(), "one scan at a time");
    Runner::new(Workers::Inline)
        .scan_changes(job)
        .expect("inline")
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
    one.update(
        Runner::new(Workers::Inline)
            .scan_changes(first)
            .expect("inline"),
    );
    assert_eq!(one.articles().len(), 21);
    assert_ne!(ask(&mut one), other, "asked of the merged articles");
}
