//! `inkstone config`: the default config and its path, and the reader's own
//! checks of a config and keymap file, with file, line and key named.

use std::fs;

use crate::common::home::{Home, stderr, stdout};

#[test]
fn config_default_and_path() {
    let home = Home::new();
    let out = home.run(&["config", "--default"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), inkstone::config::DEFAULT_YAML);
    let out = home.run(&["config", "--path"]);
    assert_eq!(
        stdout(&out).trim_end(),
        home.config_file().to_str().unwrap()
    );
    // The printed default is a valid config.
    home.write_config(inkstone::config::DEFAULT_YAML);
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with(": ok\n"));
}

#[test]
fn bad_config_names_file_line_and_key() {
    let home = Home::new();
    home.write_config("mouse: true\ncolors:\n  unread: bold\n  titel: red\n");
    for args in [&["config"][..], &["list"]] {
        let out = home.run(args);
        assert!(!out.status.success());
        let expected = format!(
            "{}:4: colors.titel: unknown key `titel`",
            home.config_file().display()
        );
        assert!(
            stderr(&out).contains(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"));
    }
}

/// What the reader prints before refusing to start on these bindings in
/// config.yaml (see `reader_e2e::bad_config_keys_are_refused_...`).
fn refused_keys(home: &Home, line: usize, key: &str, message: &str) -> String {
    format!(
        "inkstone: {}:{line}: keys.{key}: {message}",
        home.config_file().display()
    )
}

#[test]
fn config_runs_the_readers_checks_of_keys() {
    let home = Home::new();
    for (text, line, key, message) in [
        (
            "keys:\n  list:\n    j: fly_away\n",
            3,
            "list.j",
            "unknown action `fly_away` (known: move_down,",
        ),
        (
            "mouse: true\nkeys:\n  lst:\n    j: quit\n",
            4,
            "lst.j",
            "unknown section `lst` (known: global, list, detail, picker, help, search, sources, timeline, prompt)",
        ),
        (
            "keys:\n  global:\n    Ctlr-q: quit\n",
            3,
            "global.Ctlr-q",
            "unknown key `Ctlr-q`",
        ),
    ] {
        home.write_config(text);
        let out = home.run(&["config"]);
        assert!(!out.status.success(), "{text:?}");
        let expected = refused_keys(&home, line, key, message);
        assert!(
            stderr(&out).starts_with(&expected),
            "{text:?}: {}",
            stderr(&out)
        );
        assert!(!stdout(&out).contains("ok"), "{}", stdout(&out));
    }
}

#[test]
fn config_checks_the_keymap_file_too() {
    let home = Home::new();
    home.write_config("mouse: true\n");
    let keymap = home.path("config/inkstone/keymap.yaml");
    fs::write(&keymap, "list:\n  j: move_down\n  x: fly_away\n").unwrap();
    let out = home.run(&["config"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).starts_with(&format!(
            "inkstone: {}: line 3: unknown action `fly_away`",
            keymap.display()
        )),
        "{}",
        stderr(&out)
    );
    fs::write(&keymap, "list:\n  x: [toggle_read\n").unwrap();
    let out = home.run(&["config"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        format!(
            "inkstone: {}: line 2: not valid YAML: a list opened with `[` is not closed with `]`\n",
            keymap.display()
        )
    );
    fs::write(&keymap, "list:\n  x: toggle_read\n").unwrap();
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: ok\n{}: ok\n",
            keymap.display(),
            home.config_file().display()
        )
    );
}

#[test]
fn every_example_of_the_default_config_is_accepted() {
    let home = Home::new();
    let examples: Vec<&str> = inkstone::config::DEFAULT_YAML
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(example) if example.starts_with("  ") => example,
            _ => line,
        })
        .collect();
    home.write_config(&examples.join("\n"));
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with(": ok\n"));
}

#[test]
fn yaml_mistakes_in_config_are_said_plainly() {
    let home = Home::new();
    home.write_config("mouse: true\ntheme: [unclosed\n");
    for args in [&["config"][..], &["list"]] {
        let out = home.run(args);
        assert!(!out.status.success());
        let expected = format!(
            "{}:2: not valid YAML: a list opened with `[` is not closed with `]`\n",
            home.config_file().display()
        );
        assert!(
            stderr(&out).ends_with(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("invalid type"), "{}", stderr(&out));
    }
}
