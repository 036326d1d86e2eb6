use crossterm::event::{KeyCode, KeyModifiers};

use super::*;

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

/// Whether `?` shows `command`'s help in `context` beside `key`.
fn help_shows(guide: &KeyGuide, command: Command, context: Context, key: &str) -> bool {
    let description = command.help(context);
    guide
        .help
        .iter()
        .flat_map(|s| &s.entries)
        .any(|e| e.description == description && e.keys.split(' ').any(|k| k == key))
}

/// Whether `text` has a range of digits written as `` `a`–`b` `` holding `key`.
fn in_digit_range(text: &str, key: &str) -> bool {
    let Some(d) = key.chars().next().filter(char::is_ascii_digit) else {
        return false;
    };
    text.match_indices("`–`").any(|(at, _)| {
        let low = text[..at].chars().next_back();
        let high = text[at + "`–`".len()..].chars().next();
        matches!((low, high), (Some(low), Some(high)) if low <= d && d <= high)
    })
}

#[test]
fn help_lists_every_command_with_its_keys() {
    let guide = Keymap::defaults().guide();
    for command in Command::all() {
        // Ctrl-c and Ctrl-z, the same everywhere, are listed once.
        if let Some((c, _)) = FIXED.iter().find(|(_, fixed)| *fixed == command) {
            let key = Key::ctrl(*c).to_string();
            assert!(help_shows(&guide, command, Context::List, &key), "{key}");
            continue;
        }
        let bound: Vec<_> = guide
            .keys
            .iter()
            .filter(|((_, c), _)| *c == command)
            .collect();
        assert!(
            !bound.is_empty(),
            "{command:?} has no key in the default keymap"
        );
        for ((context, _), keys) in bound {
            for key in keys {
                assert!(
                    help_shows(&guide, command, *context, key),
                    "{command:?} ({context:?}): help does not show it with {key}"
                );
            }
        }
    }
}

#[test]
fn the_readme_mentions_every_key_of_the_default_keymap() {
    let readme = include_str!("../../README.md");
    let start = readme.find("## Reading").unwrap();
    let end = readme.find("## Configuration").unwrap();
    let keys_section = &readme[start..end];
    let guide = Keymap::defaults().guide();
    let fixed = FIXED.iter().map(|(c, _)| Key::ctrl(*c).to_string());
    let mut missing: Vec<String> = guide
        .keys
        .values()
        .flatten()
        .cloned()
        .chain(fixed)
        .filter(|key| {
            // One character is written as code (`j`, `\|` in a table);
            // named keys and chords as they are shown (PgDn, Ctrl-f).
            let mentioned = if key.chars().count() == 1 {
                keys_section.contains(&format!("`{key}`"))
                    || keys_section.contains(&format!("`\\{key}`"))
                    || in_digit_range(keys_section, key)
            } else {
                keys_section.contains(key.as_str())
            };
            !mentioned
        })
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "README's keys do not mention {missing:?}"
    );
}
