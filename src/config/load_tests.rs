//! `Config::load` on files: a missing one is the default; an unreadable,
//! non-UTF-8 or special one is an error; errors point into the file.

use super::*;

#[test]
fn error_at_points_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    std::fs::write(
        &path,
        "mouse: true\nkeys:\n  list:\n    q: quit\n    Ctrl-q: quitt\n",
    )
    .unwrap();
    let c = Config::load(&path).unwrap();
    assert_eq!(c.keys[1].line, Some(5));
    let e = c.error_at(&["keys", "list", "Ctrl-q"], "unknown action `quitt`");
    assert_eq!(
        e.to_string(),
        format!(
            "{}:5: keys.list.Ctrl-q: unknown action `quitt`",
            path.display()
        )
    );
}

#[test]
fn missing_file_is_the_default_but_unreadable_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Config::load(&dir.path().join("none.yaml")).unwrap(),
        Config::default()
    );
    let e = Config::load(dir.path()).unwrap_err();
    assert!(e.message.contains("cannot read"), "{e}");
    std::fs::write(dir.path().join("bin.yaml"), b"mouse: \xff\n").unwrap();
    assert!(
        Config::load(&dir.path().join("bin.yaml"))
            .unwrap_err()
            .message
            .contains("UTF-8")
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_as_config_is_an_error_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let e = Config::load(&fifo).unwrap_err();
    assert_eq!(e.message, "cannot read it: not a regular file (a FIFO)");
    let zero = dir.path().join("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    assert!(
        Config::load(&zero)
            .unwrap_err()
            .message
            .contains("not a regular file")
    );
}
