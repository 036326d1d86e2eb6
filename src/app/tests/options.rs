//! Settings from config.yaml that reach the app: the date format.

use super::*;

#[test]
fn the_date_format_reaches_the_list_and_the_article() {
    let options = Options {
        date_format: "%d %b %Y".into(),
        ..Options::default()
    };
    let mut app = App::new(library(), guide(), options);
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let first = &app.articles()[app.selected_article().unwrap()];
    assert_eq!(app.date_text(first), "30 Jan 2021");
    assert_eq!(app.date_width(), 11);
    open(&mut app, "body");
    let header: Vec<String> = app.detail().unwrap().lines[..4]
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        header.iter().any(|l| l.starts_with("30 Jan 2021")),
        "{header:?}"
    );
}

/// The library with articles 1 and 2 exact copies of article 0 (same
/// title, date and body hash), and article 3 the same but for its body.
fn with_duplicates() -> Library {
    let mut library = library();
    let articles = std::sync::Arc::make_mut(&mut library.articles);
    for (i, hash) in [(0, 7), (1, 7), (2, 7), (3, 8)] {
        let a = &mut articles[i];
        a.title = "告別讀者".into();
        a.date = NaiveDate::from_ymd_opt(2022, 1, 3);
        a.path = std::path::Path::new(&format!("copy-{i}.md")).into();
        a.body_hash = Some(hash);
    }
    library
}

#[test]
fn exact_duplicates_collapse_into_one_row_unless_switched_off() {
    let options = Options {
        collapse_duplicates: true,
        ..Options::default()
    };
    let mut app = App::new(with_duplicates(), guide(), options);
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.visible().len(), 28, "two copies hidden");
    let first = app.selected_article().unwrap();
    assert_eq!(
        *app.articles()[first].path,
        *std::path::Path::new("copy-0.md")
    );
    assert_eq!(app.copy_count(first), 3);
    open(&mut app, "body");
    let lines: Vec<String> = app.detail().unwrap().lines[..10]
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l == "×3 — the same article is also at:"),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l == "  copy-1.md"), "{lines:?}");
    assert!(lines.iter().any(|l| l == "  copy-2.md"), "{lines:?}");

    let mut app = App::new(with_duplicates(), guide(), Options::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.visible().len(), 30, "collapsing off");
    assert_eq!(app.copy_count(0), 1);
}
