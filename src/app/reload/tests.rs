//! Live changes applied to a running app: the list follows the files, the
//! selection and the open article stay put.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::app::tests::{drive, guide, report_progress};
use crate::app::{Action, Options, View};
use crate::render;

fn write(root: &Path, name: &str, title: &str, day: u32, tags: &str) -> PathBuf {
    let path = root.join(name);
    fs::write(
        &path,
        format!(
            "---\ntitle: \"{title}\"\ndate: \"2021-01-{day:02}\"\ncategories: [港聞]\ntags: [{tags}]\n---\n\n{title} body\n"
        ),
    )
    .unwrap();
    path
}

/// 20 articles, `a00` (newest, 2021-01-20) .. `a19`, in a temporary folder.
fn archive() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("news");
    fs::create_dir_all(&root).unwrap();
    for i in 0..20u32 {
        write(
            &root,
            &format!("a{i:02}.md"),
            &format!("a{i:02}"),
            20 - i,
            "舊",
        );
    }
    (dir, root)
}

fn app_on(root: &Path) -> App {
    let library = Library::load(&[root.to_path_buf()]);
    let mut app = App::new(library, guide(), Options::default());
    drive(
        &mut app,
        Action::Resize {
            width: 80,
            height: 12,
        },
    );
    app
}

fn selected_title(app: &App) -> String {
    app.selected_article()
        .map(|i| app.articles()[i].title.as_str().to_owned())
        .unwrap_or_default()
}

/// The watcher reports `paths`; the files are read (inline) and merged.
fn changed(app: &mut App, paths: Vec<PathBuf>) -> Vec<Effect> {
    drive(app, Action::Library(LibraryEvent::Changed(paths)))
}

#[test]
fn new_files_appear_keeping_the_selection_on_its_row() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    for _ in 0..12 {
        drive(&mut app, Action::MoveDown);
    }
    assert_eq!(selected_title(&app), "a12");
    let row = app.list_cursor().selected - app.list_cursor().offset;
    // Two newer articles arrive at the top of the list.
    let new = vec![
        write(&root, "b1.md", "b1", 25, "新"),
        write(&root, "b2.md", "b2", 26, "新"),
    ];
    changed(&mut app, new);
    assert_eq!(app.articles().len(), 22);
    assert_eq!(app.visible().len(), 22);
    assert_eq!(selected_title(&app), "a12", "same article");
    assert_eq!(
        app.list_cursor().selected - app.list_cursor().offset,
        row,
        "on the same screen row"
    );
    assert_eq!(app.status().unwrap().text, "Library updated: 2 new");
    // The tag index follows: the new tag can be filtered on.
    drive(&mut app, Action::TagPicker);
    drive(&mut app, Action::Insert('新'));
    drive(&mut app, Action::Apply);
    assert_eq!(app.visible().len(), 2);
}

#[test]
fn a_removed_selection_moves_to_the_next_article() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    drive(&mut app, Action::MoveDown);
    drive(&mut app, Action::MoveDown);
    assert_eq!(selected_title(&app), "a02");
    fs::remove_file(root.join("a02.md")).unwrap();
    changed(&mut app, vec![root.join("a02.md")]);
    assert_eq!(app.articles().len(), 19);
    assert_eq!(selected_title(&app), "a03");
    assert!(app.articles().iter().all(|a| a.title != "a02"));
}

#[test]
fn the_open_article_is_reread_when_its_file_changes_and_closed_when_removed() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    drive(&mut app, Action::MoveDown);
    drive(&mut app, Action::Open);
    let open = app.detail().unwrap().article;
    app.update(Action::BodyLoaded {
        article: open,
        path: app.articles()[open].path.to_path_buf(),
        result: Ok(render::render_body("old", None)),
    });
    // A newer article arrives: indices shift, the open one stays open.
    let effects = changed(&mut app, vec![write(&root, "z.md", "z", 28, "新")]);
    assert!(effects.is_empty(), "{effects:?}");
    let open = app.detail().unwrap().article;
    assert_eq!(app.articles()[open].title, "a01");
    assert_eq!(app.view(), View::Detail);
    // Its own file changes: the body is read again.
    let path = write(&root, "a01.md", "a01 改", 19, "舊");
    let effects = changed(&mut app, vec![path.clone()]);
    let open = app.detail().unwrap().article;
    assert_eq!(effects, [Effect::LoadBody { article: open }]);
    assert_eq!(app.articles()[open].title, "a01 改");
    // Removed: back to the list, with a word about it.
    fs::remove_file(&path).unwrap();
    changed(&mut app, vec![path]);
    assert_eq!(app.view(), View::List);
    assert!(app.detail().is_none());
    assert!(app.status().unwrap().error);
}

#[test]
fn marks_and_the_view_survive_changes() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    drive(&mut app, Action::ToggleRead); // a00 read
    drive(&mut app, Action::CycleView); // unread only
    assert_eq!(app.visible().len(), 19);
    changed(&mut app, vec![write(&root, "c.md", "c", 27, "新")]);
    assert_eq!(app.visible().len(), 20, "the new article is unread");
    let a00 = app
        .articles()
        .iter()
        .position(|a| a.title == "a00")
        .unwrap();
    assert!(app.marks().is_read(a00), "flags follow the new indices");
    assert!(!app.visible().contains(&a00));
}

#[test]
fn nothing_relevant_changes_nothing_and_errors_are_shown() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    assert!(changed(&mut app, vec![root.join("notes.txt")]).is_empty());
    assert!(app.status().is_none());
    drive(
        &mut app,
        Action::Library(LibraryEvent::Error("live updates: too many files".into())),
    );
    assert!(app.status().unwrap().error);
}

#[test]
fn a_full_reload_replaces_the_library() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    drive(&mut app, Action::Last);
    fs::remove_file(root.join("a00.md")).unwrap();
    let reload = || Box::new(Library::load(std::slice::from_ref(&root)));
    drive(&mut app, Action::LibraryReloaded(reload()));
    assert_eq!(app.articles().len(), 19);
    assert_eq!(selected_title(&app), "a19");
    assert_eq!(app.library().name, "news");
    // The same library again changes nothing.
    drive(&mut app, Action::LibraryReloaded(reload()));
    assert_eq!(app.articles().len(), 19);
}

#[test]
fn an_active_search_is_run_again_on_the_new_articles() {
    let (_dir, root) = archive();
    let mut app = app_on(&root);
    drive(&mut app, Action::Search);
    app.search_index().unwrap().wait();
    report_progress(&mut app);
    for c in "新聞".chars() {
        drive(&mut app, Action::Insert(c));
    }
    drive(&mut app, Action::Apply);
    assert!(app.visible().is_empty());
    // A new article whose body matches; indices of the old ones shift.
    let path = root.join("n.md");
    fs::write(
        &path,
        "---\ntitle: \"n\"\ndate: \"2021-02-01\"\n---\n\n今日新聞\n",
    )
    .unwrap();
    changed(&mut app, vec![path]);
    let start = std::time::Instant::now();
    while app.visible().is_empty() {
        assert!(start.elapsed().as_secs() < 20, "the search never filled in");
        if let Some(index) = app.search_index() {
            index.wait();
        }
        report_progress(&mut app);
        drive(
            &mut app,
            Action::Tick {
                now: std::time::Instant::now(),
            },
        );
    }
    assert_eq!(selected_title(&app), "n");
    assert_eq!(app.visible().len(), 1);
}

mod race;
