//! Read and starred marks, the view, the question before `R`, saving.

use super::*;
use crate::marks::ViewFilter;

fn read(app: &App, title: &str) -> bool {
    let i = app
        .articles()
        .iter()
        .position(|a| a.title == title)
        .unwrap();
    app.marks().is_read(i)
}

#[test]
fn opening_an_article_marks_it_read() {
    let mut app = app();
    assert_eq!(app.unread_listed(), 30);
    assert!(!read(&app, "第0篇"));
    open(&mut app, "x");
    assert!(read(&app, "第0篇"));
    assert!(
        app.marks().marks().is_read("第0篇"),
        "the marks to be saved"
    );
    app.update(Action::NextArticle);
    assert!(read(&app, "第1篇"), "next article too");
    app.update(Action::Back);
    assert_eq!(app.unread_listed(), 28);
}

#[test]
fn r_toggles_read_in_the_list_and_the_article() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::ToggleRead);
    assert!(read(&app, "第1篇"));
    assert_eq!(app.status().unwrap().text, "Marked read");
    app.update(Action::ToggleRead);
    assert!(!read(&app, "第1篇"));
    assert_eq!(app.status().unwrap().text, "Marked unread");
    open(&mut app, "x");
    assert!(read(&app, "第1篇"));
    app.update(Action::ToggleRead);
    assert!(!read(&app, "第1篇"), "unread again from the article view");
    assert_eq!(app.view(), View::Detail);
}

#[test]
fn s_stars_and_unstars() {
    let mut app = app();
    app.update(Action::ToggleStar);
    assert!(app.marks().is_starred(0));
    assert!(app.marks().marks().is_starred("第0篇"));
    assert_eq!(app.status().unwrap().text, "Starred");
    app.update(Action::ToggleStar);
    assert!(!app.marks().is_starred(0));
    assert_eq!(app.status().unwrap().text, "Unstarred");
}

#[test]
fn capital_r_asks_then_marks_every_listed_article() {
    let mut app = app();
    // Only the 香港 ones are listed (15 of 30).
    app.update(Action::FilterByTag(1));
    open(&mut app, "x");
    app.update(Action::Back);
    let listed = app.visible().len();
    app.update(Action::MarkAllRead);
    assert_eq!(
        app.confirm(),
        Some(Confirm::MarkAllRead {
            listed,
            unread: listed - 1
        })
    );
    app.update(Action::Answer(false));
    assert!(app.confirm().is_none());
    assert_eq!(app.unread_listed(), listed - 1, "no means nothing");
    app.update(Action::MarkAllRead);
    app.update(Action::MoveDown);
    assert!(app.confirm().is_none(), "another key cancels the question");
    app.update(Action::MarkAllRead);
    app.update(Action::Answer(true));
    assert_eq!(app.unread_listed(), 0);
    assert_eq!(
        app.status().unwrap().text,
        format!("Marked {} articles read", listed - 1)
    );
    app.update(Action::ClearFilters);
    assert_eq!(app.unread_listed(), 30 - listed, "only the listed ones");
    app.update(Action::ClearFilters);
    app.update(Action::FilterByTag(1));
    app.update(Action::MarkAllRead);
    assert!(app.confirm().is_none(), "nothing left to mark");
}

#[test]
fn v_cycles_all_unread_starred_and_combines_with_filters() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::ToggleRead); // 第1篇 read
    app.update(Action::MoveDown);
    app.update(Action::ToggleStar); // 第2篇 starred
    app.update(Action::CycleView);
    assert_eq!(app.view_filter(), ViewFilter::Unread);
    assert_eq!(app.visible().len(), 29);
    assert_eq!(title(&app), "第2篇", "the selection stays");
    assert!(app.status().unwrap().text.starts_with("Showing unread"));
    app.update(Action::CycleView);
    assert_eq!(app.view_filter(), ViewFilter::Starred);
    assert_eq!(app.visible().len(), 1);
    app.update(Action::CycleView);
    assert_eq!(app.view_filter(), ViewFilter::All);
    assert_eq!(app.visible().len(), 30);
    // Unread and tagged 香港 (the even ones but 第0篇 ... all unread).
    app.update(Action::CycleView);
    app.update(Action::FilterByTag(1));
    assert_eq!(app.visible().len(), 15);
    app.update(Action::First);
    app.update(Action::ToggleRead);
    assert_eq!(
        app.visible().len(),
        15,
        "a row read in the unread view stays until the view is applied again"
    );
    app.update(Action::CycleView);
    app.update(Action::CycleView);
    app.update(Action::CycleView);
    assert_eq!(app.visible().len(), 14);
}

#[test]
fn a_marks_file_that_cannot_be_written_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let (marks, _) = crate::marks::Marks::open(&state.join("marks.json"));
    // The marks file's folder became a file: every save fails.
    std::fs::write(&state, "not a folder").unwrap();
    let mut app = app().with_marks(marks);
    app.update(Action::ToggleStar);
    let start = std::time::Instant::now();
    let mut now = start;
    loop {
        drive(&mut app, Action::Tick { now });
        if app.status().is_some_and(|s| s.error) {
            break;
        }
        assert!(
            now - start < crate::marks::SAVE_DELAY * 10,
            "no error shown"
        );
        now += std::time::Duration::from_millis(100);
    }
    assert!(
        app.status().unwrap().text.starts_with("cannot save marks"),
        "{:?}",
        app.status()
    );
}
