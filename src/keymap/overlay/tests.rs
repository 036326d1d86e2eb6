use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::Context;

fn config(text: &str) -> Config {
    Config::parse(text, Path::new("/home/me/.config/inkstone/config.yaml")).unwrap()
}

fn resolve(keymap: &Keymap, context: Context, code: KeyCode) -> String {
    format!(
        "{:?}",
        keymap.resolve(context, &KeyEvent::new(code, KeyModifiers::NONE))
    )
}

/// A user keymap.yaml's first mistake, as the reader prints it.
fn error_of(text: &str) -> String {
    Keymap::from_texts(
        super::super::DEFAULT_KEYMAP,
        Some((Path::new("keymap.yaml"), text)),
    )
    .unwrap_err()
    .to_string()
}

#[test]
fn overrides_replace_add_and_remove() {
    let keymap = Keymap::defaults()
        .with_config(&config(
            "keys:\n  list:\n    x: toggle_read\n    j: none\n  detail:\n    n: next_article\n",
        ))
        .unwrap();
    assert_eq!(
        resolve(&keymap, Context::List, KeyCode::Char('x')),
        "Some(ToggleRead)"
    );
    assert_eq!(resolve(&keymap, Context::List, KeyCode::Char('j')), "None");
    assert_eq!(
        resolve(&keymap, Context::List, KeyCode::Down),
        "Some(MoveDown)"
    );
    assert_eq!(
        resolve(&keymap, Context::Detail, KeyCode::Char('n')),
        "Some(NextArticle)"
    );
    let help = keymap.guide().help;
    assert!(
        help[0]
            .entries
            .iter()
            .any(|e| e.keys.starts_with('x') && e.description.contains("read")),
        "the help follows the overrides: {help:?}"
    );
}

#[test]
fn config_mistakes_name_file_line_and_key() {
    let error = |text: &str| {
        Keymap::defaults()
            .with_config(&config(text))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error("mouse: true\nkeys:\n  list:\n    j: fly_away\n"),
        "/home/me/.config/inkstone/config.yaml:4: keys.list.j: unknown action `fly_away` (known: "
            .to_owned()
            + &Command::names().join(", ")
            + ", none)"
    );
    assert!(
        error("keys:\n  list:\n    Hyper-j: quit\n")
            .starts_with("/home/me/.config/inkstone/config.yaml:3: keys.list.Hyper-j: unknown key")
    );
    assert_eq!(
        error("keys:\n  lists:\n    j: quit\n"),
        "/home/me/.config/inkstone/config.yaml:3: keys.lists.j: unknown section `lists` (known: global, list, detail, picker, help, search, sources, timeline, prompt)"
    );
    assert!(
        error("keys:\n  list:\n    Ctrl-d: first\n    ctrl-D: last\n").starts_with(
            "/home/me/.config/inkstone/config.yaml:4: keys.list.ctrl-D: `Ctrl-d` is bound twice in this section (also line 3)"
        )
    );
}

#[test]
fn keymap_file_mistakes_name_the_line() {
    assert!(
        error_of("list:\n  j: move_dwn\n")
            .starts_with("keymap.yaml: line 2: unknown action `move_dwn` (known: move_down,")
    );
    assert!(
        error_of("list:\n\n  Hyper-j: quit\n")
            .starts_with("keymap.yaml: line 3: unknown key `Hyper-j`")
    );
    assert_eq!(
        error_of("lists:\n  j: quit\n"),
        "keymap.yaml: line 2: unknown section `lists` (known: global, list, detail, picker, help, search, sources, timeline, prompt)"
    );
    assert_eq!(
        error_of("list:\n  g: first\n  Ctrl-d: quit\n  ctrl-D: help\n"),
        "keymap.yaml: line 4: `Ctrl-d` is bound twice in this section (also line 3)"
    );
}

#[test]
fn keymap_file_syntax_mistakes_are_said_plainly() {
    for (text, expected) in [
        (
            "  j: quit\n",
            "keymap.yaml: line 1: j: expected a section such as `list:` with `key: action` lines under it, found `quit`",
        ),
        (
            "list:\n  j quit\n",
            "keymap.yaml: line 2: list: expected a section such as `list:` with `key: action` lines under it, found `j quit`",
        ),
        (
            "list:\n  j:\n",
            "keymap.yaml: line 2: list: missing action after `j:`",
        ),
        (
            "list:\n  j: quit\n  j: help\n",
            "keymap.yaml: line 2: list: `j` is bound twice in this section",
        ),
        (
            "list:\n\tj: quit\n",
            "keymap.yaml: line 2: not valid YAML: indent with spaces, not tabs",
        ),
    ] {
        assert_eq!(error_of(text), expected, "{text:?}");
    }
    assert!(
        error_of("list:\n  \"j: quit\n")
            .starts_with("keymap.yaml: line 2: not valid YAML: a quote is not closed"),
        "{}",
        error_of("list:\n  \"j: quit\n")
    );
}

#[test]
fn a_failed_overlay_changes_nothing() {
    let mut keymap = Keymap::defaults();
    let table =
        crate::config::read_keymap_file("list:\n  j: help\n  x: fly_away\n", Path::new("k"))
            .unwrap();
    assert!(keymap.overlay(&table).is_err());
    assert_eq!(
        resolve(&keymap, Context::List, KeyCode::Char('j')),
        "Some(MoveDown)"
    );
}
