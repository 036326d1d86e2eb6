//! Links inside the archive, `App::update` driven with actions: following
//! them, the back stack, backlinks. Bodies are read by the reader's own
//! body loader (`tui::load_body_marking`), which is why these tests live
//! here and not beside `app` (which sits below `tui`).

use inkstone::app::{Action, App, Effect, Options, Overlay, Picker, View};
use inkstone::article::{Article, BodySource, Urls};
use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::tui::load_body_marking;

/// An article at `path` with this link and body.
fn linked(title: &str, path: &str, url: &str, body: &'static str) -> Article {
    Article {
        urls: Urls::new(Some(url), None),
        ..Article::bare(
            title.to_owned(),
            path.into(),
            title.to_owned(),
            BodySource::Embedded {
                bytes: body.as_bytes(),
                offset: 0,
            },
        )
    }
}

/// Three articles: 甲 links to 乙 (through the web archive, other slug)
/// and to 丙 (by path); 乙 links to 丙 and out of the archive. Its links
/// are not resolved yet (the first tick asks for that).
fn archive_app_before_links() -> App {
    let long = "甲文第一段。\n\n".repeat(40);
    let body_a: &'static str = Box::leak(
        format!(
            "{long}見[乙文](https://web.archive.org/web/2021/https://www.news.hk/article/202/old-slug)\
             和[丙文](../c/丙.md)。\n"
        )
        .into_boxed_str(),
    );
    let articles = vec![
        linked(
            "甲",
            "lib/a/甲.md",
            "https://news.hk/article/101/甲",
            body_a,
        ),
        linked(
            "乙",
            "lib/b/乙.md",
            "https://news.hk/article/202/乙",
            "[丙](https://news.hk/article/303) [外](https://else.hk/x)\n",
        ),
        linked(
            "丙",
            "lib/c/丙.md",
            "https://news.hk/article/303/丙",
            "丙文。\n",
        ),
    ];
    let library = Library {
        name: "test".into(),
        articles: articles.into(),
        ..Library::default()
    };
    let mut app = App::new(library, Keymap::defaults().guide(), Options::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app
}

/// [`archive_app_before_links`] once the links are resolved.
fn archive_app() -> App {
    let mut app = archive_app_before_links();
    run(
        &mut app,
        Action::Tick {
            now: std::time::Instant::now(),
        },
    );
    app
}

/// Applies `action` and every effect it leads to, inline, as `tui` does.
fn run(app: &mut App, action: Action) {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in app.update(action) {
            match effect {
                Effect::LoadBody { article } => {
                    let meta = app.articles()[article].clone();
                    let links = app.archive_links();
                    queue.push(load_body_marking(article, &meta, links.as_deref()));
                }
                Effect::ScanLinks {
                    articles,
                    generation,
                } => {
                    let (links, graph, found) = inkstone::library::scan_links(&articles);
                    queue.push(Action::LinksResolved {
                        generation,
                        links: links.into(),
                        graph: graph.into(),
                        found,
                    });
                }
                _ => {}
            }
        }
    }
}

fn picker(app: &App) -> &Picker {
    match app.overlay() {
        Some(Overlay::Picker(p)) => p,
        other => panic!("{other:?}"),
    }
}

fn open_title(app: &App) -> String {
    app.detail()
        .map(|d| app.articles()[d.article].title.as_str().to_owned())
        .unwrap_or_default()
}

fn text(app: &App) -> String {
    app.detail()
        .unwrap()
        .lines
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn links_inside_the_archive_are_marked_and_open_here_with_a_way_back() {
    let mut app = archive_app();
    let graph = app.link_graph().unwrap();
    assert_eq!(
        (0..graph.len()).map(|i| graph.out(i)).collect::<Vec<_>>(),
        [&[1, 2][..], &[2], &[]]
    );
    assert_eq!(graph.back(2), [0, 1]);

    run(&mut app, Action::Open);
    assert_eq!(open_title(&app), "甲");
    let shown = text(&app);
    assert!(shown.contains("乙文[1↩]"), "{shown}");
    assert!(shown.contains("丙文[2↩]"), "{shown}");
    run(&mut app, Action::Last);
    let scroll = app.detail().unwrap().scroll;
    assert!(scroll > 0);

    // Follow [1] through the link picker: 乙 opens in the reader.
    run(&mut app, Action::ShowLinks);
    assert!(picker(&app).entries[0].label.starts_with("↩ 乙文"));
    run(&mut app, Action::Insert('1'));
    assert_eq!(open_title(&app), "乙");
    assert_eq!(app.history().len(), 1);
    let shown = text(&app);
    assert!(
        shown.contains("丙[1↩]") && shown.contains("外[2]"),
        "{shown}"
    );
    // And on to 丙: a chain of two.
    run(&mut app, Action::ShowLinks);
    run(&mut app, Action::Apply);
    assert_eq!(open_title(&app), "丙");

    // Back twice: 乙, then 甲 where the reading was.
    run(&mut app, Action::Back);
    assert_eq!(open_title(&app), "乙");
    run(&mut app, Action::Back);
    assert_eq!(open_title(&app), "甲");
    assert_eq!(app.detail().unwrap().scroll, scroll);
    run(&mut app, Action::Back);
    assert_eq!(app.view(), View::List);
}

#[test]
fn a_link_out_of_the_archive_still_goes_to_the_browser() {
    let mut app = archive_app();
    run(&mut app, Action::MoveDown);
    run(&mut app, Action::Open);
    assert_eq!(open_title(&app), "乙");
    run(&mut app, Action::ShowLinks);
    let effects = app.update(Action::Insert('2'));
    assert_eq!(effects, [Effect::OpenUrl("https://else.hk/x".into())]);
}

#[test]
fn backlinks_list_the_articles_linking_here() {
    let mut app = archive_app();
    run(&mut app, Action::Last);
    run(&mut app, Action::Open);
    assert_eq!(open_title(&app), "丙");
    run(&mut app, Action::Backlinks);
    let labels: Vec<&str> = picker(&app)
        .entries
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(labels.len(), 2);
    assert!(
        labels[0].ends_with('甲') && labels[1].ends_with('乙'),
        "{labels:?}"
    );
    run(&mut app, Action::MoveDown);
    run(&mut app, Action::Apply);
    assert_eq!(open_title(&app), "乙");
    run(&mut app, Action::Back);
    assert_eq!(open_title(&app), "丙");

    run(&mut app, Action::Back);
    run(&mut app, Action::First);
    run(&mut app, Action::Open);
    run(&mut app, Action::Backlinks);
    assert_eq!(
        app.status().unwrap().text,
        "No article of the archive links here"
    );
}

#[test]
fn a_body_read_before_the_links_were_known_is_read_again_with_its_marks() {
    let mut app = archive_app_before_links();
    // 甲 opens; its body is read by a job that knows no links yet …
    let effects = app.update(Action::Open);
    assert_eq!(effects, [Effect::LoadBody { article: 0 }]);
    let meta = app.articles()[0].clone();
    let unmarked = load_body_marking(0, &meta, None);
    // … while the links are resolved.
    run(
        &mut app,
        Action::Tick {
            now: std::time::Instant::now(),
        },
    );
    assert!(app.link_graph().is_some());
    // The unmarked body is shown meanwhile and read again.
    let again = app.update(unmarked);
    assert_eq!(again, [Effect::LoadBody { article: 0 }]);
    assert!(text(&app).contains("乙文[1]"), "{}", text(&app));
    let marked = load_body_marking(0, &meta, app.archive_links().as_deref());
    run(&mut app, marked);
    let shown = text(&app);
    assert!(
        shown.contains("乙文[1↩]") && shown.contains("丙文[2↩]"),
        "{shown}"
    );
}

/// The link scan reads targets without touching the articles; `update`
/// stores them when its answer comes (for the cache), and drops an answer
/// for articles since replaced.
#[test]
fn link_targets_read_are_stored_by_update_only() {
    let mut app = archive_app_before_links();
    let effects = app.update(Action::Tick {
        now: std::time::Instant::now(),
    });
    let Some(Effect::ScanLinks {
        articles,
        generation,
    }) = effects
        .into_iter()
        .find(|e| matches!(e, Effect::ScanLinks { .. }))
    else {
        panic!("the tick asks for the links");
    };
    let (links, graph, found) = inkstone::library::scan_links(&articles);
    let (links, graph) = (std::sync::Arc::new(links), std::sync::Arc::new(graph));
    assert_eq!(found.len(), 3, "every body read");
    assert!(app.articles().iter().all(|a| a.link_targets().is_none()));
    let answer = |generation, found| Action::LinksResolved {
        generation,
        links: std::sync::Arc::clone(&links),
        graph: std::sync::Arc::clone(&graph),
        found,
    };
    app.update(answer(generation + 1, found.clone()));
    assert!(app.articles().iter().all(|a| a.link_targets().is_none()));
    app.update(answer(generation, found));
    assert!(app.articles().iter().all(|a| a.link_targets().is_some()));
    assert_eq!(app.link_graph().unwrap().back(2).len(), 2, "丙 from 甲, 乙");
}
