//! The list and article views: moving, opening, scrolling, stepping,
//! leaving, and the links of an article.

use super::*;

#[test]
fn move_page_first_last_in_the_list() {
    let mut app = app();
    assert_eq!(title(&app), "第0篇");
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!(title(&app), "第2篇");
    app.update(Action::MoveUp);
    assert_eq!(title(&app), "第1篇");
    app.update(Action::PageDown);
    assert_eq!(title(&app), "第23篇");
    assert_eq!(app.list_cursor().offset, 2, "selection stays on screen");
    app.update(Action::PageUp);
    assert_eq!(title(&app), "第1篇");
    app.update(Action::Last);
    assert_eq!(title(&app), "第29篇");
    app.update(Action::MoveDown);
    assert_eq!(title(&app), "第29篇");
    app.update(Action::First);
    assert_eq!(title(&app), "第0篇");
    app.update(Action::MoveUp);
    assert_eq!(title(&app), "第0篇");
}

#[test]
fn open_loads_the_body_and_back_returns() {
    let mut app = app();
    app.update(Action::MoveDown);
    let effects = app.update(Action::Open);
    assert_eq!(effects, [Effect::LoadBody { article: 1 }]);
    assert_eq!(app.view(), View::Detail);
    assert!(matches!(app.detail().unwrap().body, Body::Loading));
    app.update(Action::BodyLoaded {
        article: 1,
        path: app.articles()[1].path.to_path_buf(),
        result: Err("gone".into()),
    });
    assert!(matches!(app.detail().unwrap().body, Body::Failed(_)));
    assert!(
        app.detail()
            .unwrap()
            .lines
            .iter()
            .any(|l| l.to_string().contains("gone"))
    );
    app.update(Action::Back);
    assert_eq!(app.view(), View::List);
    assert_eq!(title(&app), "第1篇");
}

#[test]
fn a_late_body_for_another_article_is_ignored() {
    let mut app = app();
    app.update(Action::Open);
    app.update(Action::BodyLoaded {
        article: 5,
        path: app.articles()[5].path.to_path_buf(),
        result: Ok(render::render_body("x", None)),
    });
    assert!(matches!(app.detail().unwrap().body, Body::Loading));
}

#[test]
fn scrolling_the_article() {
    let mut app = app();
    let body: String = (0..100)
        .map(|i| ["line ", &i.to_string(), "\n\n"].concat())
        .collect();
    open(&mut app, &body);
    let rows = app.size().body_rows();
    let scroll = |app: &App| app.detail().unwrap().scroll;
    app.update(Action::MoveDown);
    assert_eq!(scroll(&app), 1);
    app.update(Action::MoveUp);
    app.update(Action::MoveUp);
    assert_eq!(scroll(&app), 0);
    app.update(Action::PageDown);
    assert_eq!(scroll(&app), rows);
    app.update(Action::PageUp);
    assert_eq!(scroll(&app), 0);
    app.update(Action::Last);
    let max = app.detail().unwrap().max_scroll(rows);
    assert!(max > rows);
    assert_eq!(scroll(&app), max);
    app.update(Action::PageDown);
    assert_eq!(scroll(&app), max);
    app.update(Action::First);
    assert_eq!(scroll(&app), 0);
    app.update(Action::ScrollDown { column: 5, row: 5 });
    assert_eq!(scroll(&app), 3);
    app.update(Action::ScrollUp { column: 5, row: 5 });
    assert_eq!(scroll(&app), 0);
}

#[test]
fn next_and_previous_article_stay_in_the_article_view() {
    let mut app = app();
    open(&mut app, "a");
    assert_eq!(
        app.update(Action::NextArticle),
        [Effect::LoadBody { article: 1 }]
    );
    assert_eq!(app.detail().unwrap().article, 1);
    assert_eq!(app.view(), View::Detail);
    assert_eq!(
        app.update(Action::PrevArticle),
        [Effect::LoadBody { article: 0 }]
    );
    assert!(app.update(Action::PrevArticle).is_empty());
    assert_eq!(app.status().unwrap().text, "This is the first article");
    assert_eq!(app.detail().unwrap().article, 0);
}

#[test]
fn quit_suspend_redraw_are_effects() {
    let mut app = app();
    assert_eq!(app.update(Action::Quit), [Effect::Quit]);
    assert_eq!(app.update(Action::Suspend), [Effect::Suspend]);
    assert_eq!(app.update(Action::Redraw), [Effect::Redraw]);
    open(&mut app, "a");
    app.update(Action::TagPicker);
    assert_eq!(
        app.update(Action::Quit),
        [Effect::Quit],
        "quits from a picker too"
    );
}

#[test]
fn open_link_and_original_check_the_url() {
    let mut app = app();
    assert_eq!(
        app.update(Action::OpenLink),
        [Effect::OpenUrl("https://news.example.hk/7".into())]
    );
    assert!(
        app.status()
            .unwrap()
            .text
            .starts_with("Opening https://news.example.hk/7")
    );
    assert!(app.update(Action::OpenOriginal).is_empty());
    assert!(app.status().unwrap().error);
    std::sync::Arc::make_mut(&mut app.library.articles)[0]
        .set_links(Some("javascript:alert(1)"), Some("-oProxyCommand=x"));
    assert!(app.update(Action::OpenLink).is_empty());
    assert!(app.status().unwrap().text.contains("only http and https"));
    assert!(app.update(Action::OpenOriginal).is_empty());
    assert!(app.status().unwrap().text.contains("not a web link"));
    std::sync::Arc::make_mut(&mut app.library.articles)[0]
        .set_links(Some("javascript:alert(1)"), Some("http://orig.example/a"));
    open(&mut app, "x");
    assert_eq!(
        app.update(Action::OpenOriginal),
        [Effect::OpenUrl("http://orig.example/a".into())]
    );
}

#[test]
fn links_picker_opens_the_chosen_link() {
    let mut app = app();
    app.update(Action::ShowLinks);
    assert!(
        app.status()
            .unwrap()
            .text
            .starts_with("Open an article first")
    );
    open(
        &mut app,
        "see [one](https://a.example/1) and [two](https://b.example/2)",
    );
    let links = app.detail().unwrap().links().to_vec();
    app.update(Action::ShowLinks);
    if links.is_empty() {
        // The placeholder renderer finds no links.
        assert_eq!(app.status().unwrap().text, "This article has no links");
        return;
    }
    assert_eq!(picker(&app).kind, PickerKind::Links);
    app.update(Action::MoveDown);
    let effects = app.update(Action::Apply);
    assert_eq!(effects, [Effect::OpenUrl(check_url(&links[1]).unwrap())]);
    assert!(app.overlay().is_none());
}
