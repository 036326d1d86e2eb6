//! Tag and category pickers, digits, clearing.

use super::*;

#[test]
fn tag_picker_filters_and_keeps_the_selection() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::MoveDown); // 第2篇: 香港
    app.update(Action::TagPicker);
    let p = picker(&app);
    assert_eq!(
        p.entries[0],
        PickerEntry {
            label: "香港".into(),
            count: 15
        }
    );
    assert_eq!(
        p.entries[1],
        PickerEntry {
            label: "交通".into(),
            count: 10
        }
    );
    app.update(Action::Insert('香'));
    assert_eq!(picker(&app).matches.len(), 1);
    app.update(Action::Apply);
    assert!(app.overlay().is_none());
    assert_eq!(app.visible().len(), 15);
    assert_eq!(app.filters().criteria(), [Criterion::Tag("香港".into())]);
    assert_eq!(title(&app), "第2篇");
    assert_eq!(app.status().unwrap().text, "15 articles with #香港");
    // The picker now counts only what is listed.
    app.update(Action::TagPicker);
    assert_eq!(
        picker(&app).entries[1],
        PickerEntry {
            label: "交通".into(),
            count: 5
        }
    );
    app.update(Action::Back);
    assert!(app.overlay().is_none());
    assert_eq!(app.visible().len(), 15);
}

#[test]
fn marked_tags_combine_with_and() {
    let mut app = app();
    app.update(Action::TagPicker);
    app.update(Action::ToggleMark); // 香港, moves to 交通
    app.update(Action::ToggleMark); // 交通
    assert_eq!(picker(&app).marked.len(), 2);
    app.update(Action::Apply);
    assert_eq!(app.visible().len(), 5, "multiples of 6");
    assert!(app.visible().iter().all(|&i| i % 6 == 0));
}

#[test]
fn picker_query_editing_and_movement() {
    let mut app = app();
    app.update(Action::TagPicker);
    app.update(Action::Insert('x'));
    assert!(picker(&app).matches.is_empty());
    app.update(Action::Apply);
    assert!(app.overlay().is_some(), "nothing to apply");
    assert!(app.status().unwrap().text.starts_with("Nothing matches"));
    app.update(Action::DeleteChar);
    assert_eq!(picker(&app).matches.len(), 2);
    app.update(Action::Insert('交'));
    app.update(Action::ClearQuery);
    assert_eq!(picker(&app).query, "");
    app.update(Action::MoveDown);
    assert_eq!(picker(&app).cursor.selected, 1);
    app.update(Action::MoveUp);
    app.update(Action::Last);
    assert_eq!(picker(&app).cursor.selected, 1);
    app.update(Action::First);
    app.update(Action::PageDown);
    assert_eq!(picker(&app).cursor.selected, 1);
    app.update(Action::PageUp);
    assert_eq!(picker(&app).cursor.selected, 0);
    app.update(Action::Open);
    assert_eq!(app.filters().criteria(), [Criterion::Tag("香港".into())]);
}

#[test]
fn category_picker_filters() {
    let mut app = app();
    app.update(Action::CategoryPicker);
    assert_eq!(picker(&app).kind, PickerKind::Categories);
    assert_eq!(
        picker(&app).entries[0],
        PickerEntry {
            label: "港聞".into(),
            count: 24
        }
    );
    app.update(Action::MoveDown);
    app.update(Action::Apply);
    assert_eq!(app.visible().len(), 6);
    assert_eq!(
        app.filters().criteria(),
        [Criterion::Category("國際".into())]
    );
}

#[test]
fn digits_filter_by_the_open_articles_tag() {
    let mut app = app();
    open(&mut app, "a"); // 第0篇: 香港, 交通
    app.update(Action::FilterByTag(2));
    assert_eq!(app.view(), View::List);
    assert_eq!(app.filters().criteria(), [Criterion::Tag("交通".into())]);
    assert_eq!(app.visible().len(), 10);
    assert_eq!(title(&app), "第0篇");
    open(&mut app, "a");
    app.update(Action::FilterByTag(3));
    assert_eq!(app.status().unwrap().text, "This article has no tag 3");
    assert_eq!(app.view(), View::Detail);
}

#[test]
fn clearing_filters_keeps_the_selected_article() {
    let mut app = app();
    app.update(Action::ClearFilters);
    assert_eq!(app.status().unwrap().text, "No filters to clear");
    app.update(Action::TagPicker);
    app.update(Action::Apply); // 香港
    app.update(Action::Last); // 第28篇
    app.update(Action::ClearFilters);
    assert!(app.filters().is_empty());
    assert_eq!(app.visible().len(), 30);
    assert_eq!(title(&app), "第28篇");
    let cursor = app.list_cursor();
    assert!(cursor.selected >= cursor.offset && cursor.selected < cursor.offset + 22);
}

#[test]
fn a_filter_that_drops_the_selection_selects_the_next_article() {
    let mut app = app();
    app.update(Action::MoveDown); // 第1篇 has no tag
    app.apply_criteria(vec![Criterion::Tag("香港".into())]);
    assert_eq!(title(&app), "第2篇");
}

#[test]
fn a_huge_paste_into_a_picker_is_cut_to_the_query_limit() {
    use crate::search::{MAX_QUERY_CHARS, QUERY_CUT_MESSAGE};
    let mut app = app();
    app.update(Action::TagPicker);
    app.update(Action::InsertText("標籤".repeat(40_000)));
    assert_eq!(picker(&app).query.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(app.status().unwrap().text, QUERY_CUT_MESSAGE);
}
