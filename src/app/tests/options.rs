//! Settings from config.yaml that reach the app: the date format.

use super::*;

#[test]
fn the_date_format_reaches_the_list_and_the_article() {
    let options = Options {
        date_format: "%d %b %Y".into(),
        ..Options::default()
    };
    let mut app = App::new(library(), Keymap::defaults().guide(), options);
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
