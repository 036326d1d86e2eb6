//! Help, mouse, resizes, status messages, edge cases.

use super::*;

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app();
    app.update(Action::Resize {
        width: 80,
        height: 12,
    });
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    let scroll = |app: &App| match app.overlay() {
        Some(Overlay::Help(help)) => help.scroll,
        _ => usize::MAX,
    };
    app.update(Action::MoveDown);
    assert_eq!(scroll(&app), 1);
    app.update(Action::PageDown);
    assert_eq!(scroll(&app), 1 + app.size().help_rows());
    app.update(Action::Last);
    assert_eq!(
        scroll(&app),
        app.guide().help_len(app.help_text_width()) - app.size().help_rows()
    );
    app.update(Action::First);
    app.update(Action::MoveUp);
    assert_eq!(scroll(&app), 0);
    app.update(Action::OpenLink);
    assert_eq!(app.context(), Context::Help, "other keys do nothing");
    app.update(Action::Help);
    assert_eq!(app.context(), Context::List);
    app.update(Action::Help);
    app.update(Action::Back);
    assert_eq!(app.context(), Context::List);
}

#[test]
fn mouse_wheel_and_clicks_in_the_list() {
    let mut app = app();
    app.update(Action::ScrollDown { column: 0, row: 3 });
    assert_eq!(
        app.list_cursor(),
        Cursor {
            selected: 3,
            offset: 3
        }
    );
    app.update(Action::ScrollUp { column: 0, row: 3 });
    assert_eq!(app.list_cursor().offset, 0);
    // Row 0 is the header; row 1 is the first article.
    assert!(app.update(Action::Click { column: 3, row: 5 }).is_empty());
    assert_eq!(title(&app), "第4篇");
    assert_eq!(
        app.update(Action::Click { column: 3, row: 5 }),
        [Effect::LoadBody { article: 4 }]
    );
    app.update(Action::Back);
    assert!(app.update(Action::Click { column: 3, row: 0 }).is_empty());
    assert!(app.update(Action::Click { column: 3, row: 23 }).is_empty());
    assert_eq!(title(&app), "第4篇");
}

#[test]
fn clicks_in_a_picker_select_then_apply() {
    let mut app = app();
    app.update(Action::TagPicker);
    let rows = app.size().picker_rows_area(PickerKind::Tags);
    app.update(Action::Click {
        column: rows.x + 2,
        row: rows.y + 1,
    });
    assert_eq!(picker(&app).cursor.selected, 1);
    app.update(Action::ScrollUp { column: 0, row: 0 });
    assert_eq!(picker(&app).cursor.selected, 0);
    app.update(Action::ScrollDown { column: 0, row: 0 });
    app.update(Action::Click {
        column: rows.x + 2,
        row: rows.y + 1,
    });
    assert_eq!(app.filters().criteria(), [Criterion::Tag("交通".into())]);
}

#[test]
fn resize_relayouts_and_keeps_things_on_screen() {
    let mut app = app();
    app.update(Action::Last);
    app.update(Action::Resize {
        width: 40,
        height: 12,
    });
    let cursor = app.list_cursor();
    assert!(cursor.selected < cursor.offset + 10);
    let body = "長".repeat(500);
    open(&mut app, &body);
    assert_eq!(app.detail().unwrap().width, 38);
    app.update(Action::Resize {
        width: 300,
        height: 100,
    });
    assert_eq!(app.detail().unwrap().width, usize::from(MAX_TEXT_WIDTH));
    assert!(
        app.detail()
            .unwrap()
            .lines
            .iter()
            .all(|l| l.width() <= usize::from(MAX_TEXT_WIDTH))
    );
}

#[test]
fn status_messages_last_until_the_next_key() {
    let mut app = app();
    app.update(Action::Fail("browser broke".into()));
    assert!(app.status().unwrap().error);
    app.update(Action::Resize {
        width: 90,
        height: 30,
    });
    assert!(app.status().is_some(), "a resize is not a key");
    app.update(Action::MoveDown);
    assert!(app.status().is_none());
    app.update(Action::Notify("opened".into()));
    assert!(!app.status().unwrap().error);
}

#[test]
fn an_empty_library_does_not_break_anything() {
    let mut app = App::new(Library::default(), KeyGuide::default(), Options::default());
    for action in [
        Action::MoveDown,
        Action::PageDown,
        Action::Last,
        Action::Open,
        Action::OpenLink,
        Action::TagPicker,
        Action::FilterByTag(1),
        Action::Click { column: 1, row: 1 },
        Action::NextArticle,
    ] {
        assert!(app.update(action).is_empty());
    }
    assert_eq!(app.view(), View::List);
}

#[test]
fn problems_are_announced() {
    let mut library = library();
    library.problems.push(crate::problem::Problem {
        path: "bad.md".into(),
        severity: crate::problem::Severity::Error,
        reason: "no front matter".into(),
    });
    let app = App::new(library, KeyGuide::default(), Options::default());
    assert_eq!(
        app.status().unwrap().text,
        "1 file could not be read; `inkstone check` lists them"
    );
}
