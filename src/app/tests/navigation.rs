//! Counts, half pages, `n` / `N` in the list, next unread.

use super::*;

#[test]
fn counts_repeat_the_movement_and_go_to_a_row() {
    let mut app = app();
    drive(&mut app, Action::Count(5));
    drive(&mut app, Action::MoveDown);
    assert_eq!(title(&app), "第5篇");
    // The count was used up.
    drive(&mut app, Action::MoveDown);
    assert_eq!(title(&app), "第6篇");
    drive(&mut app, Action::Count(1));
    drive(&mut app, Action::Count(2));
    drive(&mut app, Action::Last);
    assert_eq!(title(&app), "第11篇");
    drive(&mut app, Action::Last);
    assert_eq!(title(&app), "第29篇");
    drive(&mut app, Action::Count(3));
    drive(&mut app, Action::MoveUp);
    assert_eq!(title(&app), "第26篇");
    // Anything but a movement drops the count.
    drive(&mut app, Action::Count(9));
    drive(&mut app, Action::ToggleStar);
    drive(&mut app, Action::MoveUp);
    assert_eq!(title(&app), "第25篇");
    // Ten thousand pages stop at the end.
    for _ in 0..5 {
        drive(&mut app, Action::Count(9));
    }
    drive(&mut app, Action::PageDown);
    assert_eq!(title(&app), "第29篇");
}

#[test]
fn half_pages_move_half_the_rows() {
    let mut app = app();
    let rows = app.size().body_rows();
    drive(&mut app, Action::HalfPageDown);
    assert_eq!(app.list_cursor().selected, rows / 2);
    drive(&mut app, Action::HalfPageUp);
    assert_eq!(app.list_cursor().selected, 0);
    open(&mut app, &"一二三四五六七八九十。\n\n".repeat(60));
    drive(&mut app, Action::HalfPageDown);
    assert_eq!(app.detail().unwrap().scroll, rows / 2);
}

#[test]
fn n_in_the_list_steps_through_the_kept_search() {
    let mut app = searchable_app();
    drive(&mut app, Action::NextMatch);
    assert!(app.status().unwrap().text.contains("No search"));
    drive(&mut app, Action::Search);
    for c in "篇".chars() {
        drive(&mut app, Action::Insert(c));
    }
    drive(&mut app, Action::Apply);
    drive(&mut app, Action::NextMatch);
    assert_eq!(title(&app), "第1篇");
    assert_eq!(app.status().unwrap().text, "2/30 with /篇");
    drive(&mut app, Action::PrevMatch);
    drive(&mut app, Action::PrevMatch);
    assert_eq!(title(&app), "第29篇", "N goes round");
}

/// Marks the articles at these list rows read.
fn read_rows(app: &mut App, rows: &[usize]) {
    for &row in rows {
        app.update(Action::First);
        app.update(Action::Count(u8::try_from(row).unwrap()));
        app.update(Action::MoveDown);
        app.update(Action::ToggleRead);
    }
    app.update(Action::First);
}

#[test]
fn next_unread_skips_read_articles_and_goes_round() {
    let mut app = app();
    read_rows(&mut app, &[1, 2]);
    open(&mut app, "正文");
    drive(&mut app, Action::NextUnread);
    assert_eq!(title(&app), "第3篇");
    assert_eq!(
        app.detail().unwrap().article,
        app.selected_article().unwrap()
    );
    // From the list too.
    drive(&mut app, Action::Back);
    drive(&mut app, Action::NextUnread);
    assert_eq!(title(&app), "第4篇");
    assert_eq!(app.view(), View::Detail);
}

#[test]
fn space_pages_then_opens_the_next_unread_at_the_end() {
    let mut app = app();
    read_rows(&mut app, &[1]);
    open(&mut app, &"一二三四五六七八九十。\n\n".repeat(30));
    let rows = app.size().body_rows();
    drive(&mut app, Action::PageOrNextUnread);
    assert_eq!(app.detail().unwrap().scroll, rows);
    assert_eq!(title(&app), "第0篇");
    let first = app.detail().unwrap().article;
    let mut presses = 1;
    while app.detail().unwrap().article == first && presses < 20 {
        drive(&mut app, Action::PageOrNextUnread);
        presses += 1;
    }
    assert!(presses >= 3, "paged to the end first");
    assert_eq!(title(&app), "第2篇", "the read 第1篇 is skipped");
    assert_eq!(
        app.detail().unwrap().article,
        app.selected_article().unwrap()
    );
}
