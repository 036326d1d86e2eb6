//! `App::update`, one test per action or behaviour.

use chrono::NaiveDate;

use super::*;
use crate::article::BodySource;
use crate::keymap::Keymap;
use crate::render;

/// An article with the given title, categories and tags.
pub(crate) fn article(title: &str, categories: &[&str], tags: &[&str]) -> Article {
    Article {
        id: title.to_owned(),
        path: format!("{title}.md").into(),
        title: title.to_owned(),
        date: None,
        updated: None,
        authors: vec!["記者".to_owned()],
        categories: categories.iter().map(|s| (*s).to_owned()).collect(),
        tags: tags.iter().map(|s| (*s).to_owned()).collect(),
        url: Some(format!("https://news.example.hk/{}", title.len())),
        original_url: None,
        body: BodySource::Embedded {
            bytes: b"body",
            offset: 0,
        },
    }
}

/// 30 articles, newest first on 2021-01-30 .. 2021-01-01: even ones tagged
/// 香港, every third 交通, all in 港聞 except every fifth (國際).
fn library() -> Library {
    let articles = (0..30)
        .map(|i| {
            let mut tags = Vec::new();
            if i % 2 == 0 {
                tags.push("香港");
            }
            if i % 3 == 0 {
                tags.push("交通");
            }
            let category = if i % 5 == 0 { "國際" } else { "港聞" };
            let mut a = article(&format!("第{i}篇"), &[category], &tags);
            a.date = NaiveDate::from_ymd_opt(2021, 1, 30 - i);
            a
        })
        .collect();
    Library {
        name: "test".into(),
        articles,
        problems: Vec::new(),
    }
}

/// An app at 80x24 (22 list rows).
fn app() -> App {
    let mut app = App::new(library(), Keymap::defaults().guide(), Options::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app
}

fn title(app: &App) -> String {
    app.selected_article()
        .map(|i| app.articles()[i].title.clone())
        .unwrap_or_default()
}

/// Opens the selected article and delivers its body like `tui` would.
fn open(app: &mut App, body: &str) {
    let effects = app.update(Action::Open);
    let Some(Effect::LoadBody { article }) = effects.first() else {
        panic!("{effects:?}")
    };
    app.update(Action::BodyLoaded {
        article: *article,
        result: Ok(render::render_body(body, None)),
    });
}

fn picker(app: &App) -> &Picker {
    match app.overlay() {
        Some(Overlay::Picker(p)) => p,
        other => panic!("{other:?}"),
    }
}

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
    app.library.articles[0].url = Some("javascript:alert(1)".into());
    app.library.articles[0].original_url = Some("-oProxyCommand=x".into());
    assert!(app.update(Action::OpenLink).is_empty());
    assert!(app.status().unwrap().text.contains("only http and https"));
    assert!(app.update(Action::OpenOriginal).is_empty());
    assert!(app.status().unwrap().text.contains("not a web link"));
    app.library.articles[0].original_url = Some("http://orig.example/a".into());
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
fn help_opens_scrolls_and_closes() {
    let mut app = app();
    app.update(Action::Resize {
        width: 80,
        height: 12,
    });
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    let scroll = |app: &App| match app.overlay() {
        Some(Overlay::Help { scroll }) => *scroll,
        _ => usize::MAX,
    };
    app.update(Action::MoveDown);
    assert_eq!(scroll(&app), 1);
    app.update(Action::PageDown);
    assert_eq!(scroll(&app), 1 + app.size().help_rows());
    app.update(Action::Last);
    assert_eq!(
        scroll(&app),
        app.guide().help_len() - app.size().help_rows()
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
    let rows = app.size().picker_rows_area();
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
    library.problems.push(crate::library::Problem {
        path: "bad.md".into(),
        severity: crate::library::Severity::Error,
        reason: "no front matter".into(),
    });
    let app = App::new(library, KeyGuide::default(), Options::default());
    assert_eq!(
        app.status().unwrap().text,
        "1 file could not be read; `inkstone check` lists them"
    );
}
