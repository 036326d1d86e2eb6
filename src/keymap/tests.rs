use crossterm::event::{KeyCode, KeyModifiers};

use super::*;
use crate::app::Hint;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    press(KeyCode::Char(c))
}

#[test]
fn defaults_give_the_documented_keys() {
    let keymap = Keymap::defaults();
    let name = |context, event: KeyEvent| format!("{:?}", keymap.resolve(context, &event));
    assert_eq!(name(Context::List, ch('j')), "Some(MoveDown)");
    assert_eq!(name(Context::List, ch('q')), "Some(Quit)");
    assert_eq!(name(Context::Detail, ch('q')), "Some(Back)");
    assert_eq!(name(Context::Detail, ch('3')), "Some(FilterByTag(3))");
    // In the list, digits make a count for the next movement.
    assert_eq!(name(Context::List, ch('3')), "Some(Count(3))");
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    for context in [Context::List, Context::Detail] {
        assert_eq!(name(context, ctrl('f')), "Some(PageDown)");
        assert_eq!(name(context, ctrl('b')), "Some(PageUp)");
        assert_eq!(name(context, ctrl('d')), "Some(HalfPageDown)");
        assert_eq!(name(context, ctrl('u')), "Some(HalfPageUp)");
        assert_eq!(name(context, press(KeyCode::Tab)), "Some(NextUnread)");
        assert_eq!(name(context, ch('n')), "Some(NextMatch)");
        assert_eq!(name(context, ch('/')), "Some(Search)");
    }
    assert_eq!(name(Context::Detail, ch(' ')), "Some(PageOrNextUnread)");
    assert_eq!(name(Context::Detail, ch('B')), "Some(Backlinks)");
    assert_eq!(
        name(Context::Detail, press(KeyCode::Backspace)),
        "Some(Back)"
    );
    assert_eq!(name(Context::Detail, ch('h')), "Some(Back)");
    assert_eq!(name(Context::Detail, ch('t')), "Some(TagPicker)");
    assert_eq!(
        name(Context::List, press(KeyCode::Backspace)),
        "Some(ClearFilters)"
    );
    assert_eq!(
        name(Context::Picker, press(KeyCode::Backspace)),
        "Some(DeleteChar)"
    );
    assert_eq!(name(Context::Picker, ch('j')), "Some(Insert('j'))");
    assert_eq!(name(Context::Picker, ch('香')), "Some(Insert('香'))");
    // Space types (tags have spaces); Tab and Ctrl-Space mark.
    assert_eq!(name(Context::Picker, ch(' ')), "Some(Insert(' '))");
    assert_eq!(
        name(Context::Picker, press(KeyCode::Tab)),
        "Some(ToggleMark)"
    );
    let ctrl_space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::CONTROL);
    assert_eq!(name(Context::Picker, ctrl_space), "Some(ToggleMark)");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in [
        Context::List,
        Context::Detail,
        Context::Picker,
        Context::Help,
    ] {
        assert_eq!(name(context, ctrl_c), "Some(Quit)");
    }
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(name(Context::List, shift_g), "Some(Last)");
}

#[test]
fn a_user_file_overrides_and_unbinds() {
    let user = "list:\n  j: none\n  n: move_down\n  q: help\nglobal:\n  t: none\n";
    let keymap =
        Keymap::from_texts(DEFAULT_KEYMAP, Some((Path::new("/x/keymap.yaml"), user))).unwrap();
    let name = |context, c| format!("{:?}", keymap.resolve(context, &ch(c)));
    assert_eq!(name(Context::List, 'j'), "None");
    assert_eq!(name(Context::List, 'n'), "Some(MoveDown)");
    assert_eq!(name(Context::List, 'q'), "Some(Help)");
    assert_eq!(name(Context::Detail, 't'), "None");
    assert_eq!(name(Context::Detail, 'j'), "Some(MoveDown)");
    let keys: Vec<String> = keymap
        .keys_for(Context::List, Command::MoveDown)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(keys, ["Down", "n"]);
}

#[test]
fn a_bad_user_file_is_refused_with_its_line() {
    let user = "list:\n  j: move_down\n  x: explode\n";
    let err =
        Keymap::from_texts(DEFAULT_KEYMAP, Some((Path::new("/x/keymap.yaml"), user))).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/x/keymap.yaml: line 3: unknown action `explode`"),
        "{err}"
    );
}

#[test]
fn help_and_hints_follow_the_bindings() {
    let user = "list:\n  Enter: none\n  l: none\n  Right: none\n  x: open\n";
    let keymap = Keymap::from_texts(DEFAULT_KEYMAP, Some((Path::new("k"), user))).unwrap();
    let guide = keymap.guide();
    let list = &guide.help[0];
    assert_eq!(list.title, "List");
    let open = list
        .entries
        .iter()
        .find(|e| e.description == "open the article")
        .unwrap();
    assert_eq!(open.keys, "x");
    let move_down = list
        .entries
        .iter()
        .find(|e| e.description == "next article")
        .unwrap();
    assert_eq!(move_down.keys, "j Down");
    assert_eq!(
        crate::ui::hints(&guide, Context::List)[0],
        Hint {
            key: "x".into(),
            label: "open".into()
        }
    );
    let detail = &guide.help[1];
    assert!(
        detail
            .entries
            .iter()
            .any(|e| e.keys == "t" && e.description.starts_with("filter by tag"))
    );
    assert!(
        crate::ui::hints(&guide, Context::Detail)
            .iter()
            .any(|h| h.key == "1-9")
    );
    // Global `q` is shadowed by detail's `q: back`, so quit is not listed there.
    assert!(!detail.entries.iter().any(|e| e.description == "quit"));
    assert_eq!(guide.help.last().unwrap().entries[0].keys, "Ctrl-c");
}
