//! The `/` prompt's cursor, kept query and history (issue 11 item 5).

use std::path::PathBuf;

use super::*;

/// The 30-article app (see `library`) with every body indexed, at 80x12
/// (the least height): ten list rows, so a match further down is
/// scrolled off.
fn indexed() -> App {
    let mut app = App::new(library(), guide(), Options::default());
    drive(
        &mut app,
        Action::Resize {
            width: 80,
            height: 12,
        },
    );
    build_index(&mut app);
    app
}

#[test]
fn a_new_query_puts_the_cursor_on_the_first_match_at_the_top() {
    let mut app = indexed();
    drive(&mut app, Action::Search);
    // 第2篇, 第12篇, 第20篇..第29篇: go down to the last.
    type_text(&mut app, "2");
    for _ in 0..11 {
        drive(&mut app, Action::MoveDown);
    }
    assert_eq!(title(&app), "第29篇");
    assert!(app.list_cursor().offset > 0);
    // Ctrl-u, then a new query: its first match, scrolled to the top.
    drive(&mut app, Action::ClearQuery);
    type_text(&mut app, "1");
    assert_eq!(title(&app), "第1篇");
    assert_eq!(app.list_cursor().selected, 0);
    assert_eq!(app.list_cursor().offset, 0);
    // Narrowing further stays on the first match too.
    drive(&mut app, Action::MoveDown);
    type_text(&mut app, "9");
    assert_eq!(title(&app), "第19篇");
    assert_eq!(app.list_cursor().selected, 0);
    // Backspace widens: the first match again, not the article selected.
    drive(&mut app, Action::DeleteChar);
    assert_eq!(title(&app), "第1篇");
}

#[test]
fn an_emptied_prompt_goes_back_to_where_the_list_was() {
    let mut app = indexed();
    for _ in 0..4 {
        drive(&mut app, Action::MoveDown);
    }
    drive(&mut app, Action::Search);
    type_text(&mut app, "2");
    assert_eq!(title(&app), "第2篇");
    drive(&mut app, Action::ClearQuery);
    assert_eq!(title(&app), "第4篇");
}

#[test]
fn slash_over_a_kept_search_starts_from_its_query() {
    let mut app = indexed();
    drive(&mut app, Action::Search);
    type_text(&mut app, "2");
    drive(&mut app, Action::Apply);
    drive(&mut app, Action::MoveDown);
    let kept = title(&app);
    drive(&mut app, Action::Search);
    assert_eq!(app.search_prompt(), Some("2"), "the old query, to edit");
    assert_eq!(title(&app), kept, "opening it moves nothing");
    type_text(&mut app, "5");
    assert_eq!(app.search_prompt(), Some("25"));
    assert_eq!(title(&app), "第25篇");
    // Esc: the kept search as it was.
    drive(&mut app, Action::Back);
    assert_eq!(
        app.filters().search().map(Criterion::label).as_deref(),
        Some("/2")
    );
    assert_eq!(title(&app), kept);
}

#[test]
fn up_and_down_walk_the_history_and_give_back_the_draft() {
    let mut app = indexed();
    for query in ["香港", "交通", "香港"] {
        drive(&mut app, Action::Search);
        drive(&mut app, Action::ClearQuery);
        type_text(&mut app, query);
        drive(&mut app, Action::Apply);
    }
    assert_eq!(app.search_history().entries(), ["交通", "香港"]);
    drive(&mut app, Action::ClearFilters);
    drive(&mut app, Action::Search);
    type_text(&mut app, "第");
    drive(&mut app, Action::HistoryPrev);
    assert_eq!(app.search_prompt(), Some("香港"));
    assert_eq!(title(&app), "第0篇", "the recalled search runs");
    drive(&mut app, Action::HistoryPrev);
    assert_eq!(app.search_prompt(), Some("交通"));
    drive(&mut app, Action::HistoryPrev);
    assert_eq!(app.search_prompt(), Some("交通"), "the oldest stays");
    drive(&mut app, Action::HistoryNext);
    assert_eq!(app.search_prompt(), Some("香港"));
    drive(&mut app, Action::HistoryNext);
    assert_eq!(
        app.search_prompt(),
        Some("第"),
        "past the newest: the draft"
    );
    drive(&mut app, Action::HistoryNext);
    assert_eq!(app.search_prompt(), Some("第"));
    // Editing a recalled search makes it the draft.
    drive(&mut app, Action::HistoryPrev);
    type_text(&mut app, "3");
    drive(&mut app, Action::HistoryPrev);
    drive(&mut app, Action::HistoryNext);
    assert_eq!(app.search_prompt(), Some("香港3"));
}

#[test]
fn a_kept_search_is_saved_through_an_effect_only_when_there_is_a_file() {
    let mut app = indexed();
    drive(&mut app, Action::Search);
    type_text(&mut app, "香港");
    assert!(
        drive(&mut app, Action::Apply).is_empty(),
        "no file: nothing to do"
    );

    let file = PathBuf::from("state/search-history.txt");
    let options = Options {
        search_history_file: Some(file.clone()),
        ..Options::default()
    };
    let mut app = App::new(library(), guide(), options);
    drive(&mut app, Action::Search);
    type_text(&mut app, "香港");
    let effects = app.update(Action::Apply);
    let [Effect::SaveSearchHistory { path, history }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &file);
    assert_eq!(history.entries(), ["香港"]);
    drive(&mut app, Action::Search);
    assert!(
        drive(&mut app, Action::Apply).is_empty(),
        "the same search again changes nothing"
    );
}
