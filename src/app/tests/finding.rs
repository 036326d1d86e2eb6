//! Find in the article (`/` in the article view) and the first match of
//! the list's search when an article opens.

use super::*;

fn body() -> String {
    let filler = "無關的一段文字。\n\n".repeat(30);
    format!("{filler}這裏說到臺灣。\n\n{filler}再說台灣一次。\n\n{filler}最後的TAIWAN 臺灣。\n")
}

#[test]
fn find_marks_every_match_and_steps_with_n() {
    let mut app = app();
    open(&mut app, &body());
    app.update(Action::Search);
    assert_eq!(app.context(), Context::Search);
    assert_eq!(app.search_prompt(), Some(""));
    // Folded as the list search folds: 台 finds 臺.
    type_text(&mut app, "台湾");
    assert_eq!(app.match_position(), Some((1, 3)));
    let first = app.detail().unwrap().scroll;
    assert!(first > 0, "the view follows the first match while typing");
    app.update(Action::Apply);
    assert_eq!(app.context(), Context::Detail);
    app.update(Action::NextMatch);
    assert_eq!(app.match_position(), Some((2, 3)));
    assert!(app.detail().unwrap().scroll > first);
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(app.match_position(), Some((1, 3)), "n goes round");
    app.update(Action::PrevMatch);
    assert_eq!(app.match_position(), Some((3, 3)));
}

#[test]
fn esc_puts_the_find_and_the_place_back() {
    let mut app = app();
    open(&mut app, &body());
    app.update(Action::Search);
    type_text(&mut app, "臺灣");
    assert!(app.detail().unwrap().scroll > 0);
    app.update(Action::Back);
    assert_eq!(app.detail().unwrap().scroll, 0);
    assert_eq!(app.context(), Context::Detail);
    assert!(app.article_query().is_none());
    app.update(Action::NextMatch);
    assert!(app.status().unwrap().text.starts_with("No search or find"));
}

#[test]
fn opening_from_a_list_search_shows_its_first_match() {
    let mut app = searchable_app();
    app.update(Action::Search);
    type_text(&mut app, "篇");
    app.update(Action::Apply);
    open(&mut app, &body());
    // The title matches: the first match is at the top.
    assert_eq!(app.match_position(), Some((1, 1)));
    assert_eq!(app.detail().unwrap().scroll, 0);
    app.update(Action::Back);
    app.update(Action::Search);
    app.update(Action::ClearQuery);
    type_text(&mut app, "第1篇");
    app.update(Action::Apply);
    open(&mut app, &body());
    assert!(app.match_position().is_some());
}
