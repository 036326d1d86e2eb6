//! Keymap and config.yaml: what they set, and bad ones refused (with file,
//! line and key) before the terminal is touched.

use crate::common::archive::{fixtures, write};
use crate::{TIMEOUT, start_plain, start_plain_sized};

#[test]
fn a_bad_keymap_is_refused_before_the_terminal_is_touched() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/keymap.yaml"),
        "list:\n  j: move_down\n  x: fly_away\n",
    );
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    let status = r.wait_for_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 2);
    r.wait_for(&["keymap.yaml: line 3: unknown action `fly_away`"]);
    assert!(!r.bytes().windows(8).any(|w| w == b"\x1b[?1049h"));
}

/// The reader refuses bad `keys:` in config.yaml with the message
/// `inkstone config` prints (`cli_state::config_runs_the_readers_checks_of_keys`).
#[test]
fn bad_config_keys_are_refused_with_the_config_commands_message() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/config.yaml"),
        "mouse: true\nkeys:\n  lst:\n    j: quit\n",
    );
    let archive = fixtures("reader");
    // Wide, so the message (after a long temporary path) is on one row.
    let mut r = start_plain_sized(&archive, temp.path(), (400, 24));
    let status = r.wait_for_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 2);
    r.wait_for(&[
        "config.yaml:4: keys.lst.j: unknown section `lst` (known: global, list, detail, picker, help, search, sources, timeline, prompt)",
    ]);
    assert!(!r.bytes().windows(8).any(|w| w == b"\x1b[?1049h"));
}

#[test]
fn config_yaml_sets_keys_dates_and_mouse() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/config.yaml"),
        "date_format: \"%d %b %Y\"\nmouse: false\ntheme: mono\nkeys:\n  list:\n    x: toggle_star\n",
    );
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    r.wait_for(&["reader  7 articles", "10 Jan 2024", "31 Dec 2023"]);
    r.press("x", &["Starred", "★ 10 Jan 2024"]);
    r.quit_with("q");
    let wire = r.bytes();
    let contains = |needle: &[u8]| wire.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"\x1b[?1000h"), "mouse capture stays off");
    assert!(contains(b"\x1b[?1049h"), "the reader did run");
}

#[test]
fn a_bad_config_names_file_line_and_key_before_the_terminal_is_touched() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/config.yaml"),
        "theme: default\nkeys:\n  list:\n    j: fly_away\n",
    );
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    assert_eq!(r.wait_for_exit(TIMEOUT).exit_code(), 2);
    r.wait_for(&["config.yaml:4: keys.list.j: unknown action `fly_away`"]);
    assert!(!r.bytes().windows(8).any(|w| w == b"\x1b[?1049h"));
}
