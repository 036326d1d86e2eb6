//! Marks without a second writer: a corrupt or unreadable file is set
//! aside with a message, and marks given to the reader at start show and are
//! saved by a tick.

use std::fs;
use std::path::PathBuf;

use inkstone::app::{Action, App, Options};
use inkstone::keymap::Keymap;
use inkstone::marks::{Marks, SAVE_DELAY};

use crate::{common, state_file};

#[test]
fn corrupt_file_is_set_aside_with_a_message() {
    let (_dir, file) = state_file();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    for garbage in [
        &b"{\"inkstone_marks\": 1, \"read\": [\"a\", "[..],
        b"\x00\x01\x02",
        b"",
    ] {
        fs::write(&file, garbage).unwrap();
        let (mut marks, message) = Marks::open(&file);
        let message = message.expect("a message for the user");
        assert!(
            message.contains(&file.display().to_string()) && message.contains("moved it to"),
            "{message}"
        );
        assert!(!file.exists(), "moved, not left to be overwritten");
        let aside: Vec<PathBuf> = fs::read_dir(file.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("marks.json.corrupt-")
            })
            .collect();
        assert!(
            aside.iter().any(|p| fs::read(p).unwrap() == garbage),
            "the bad file is kept as it was"
        );
        marks.set_read("fresh", true);
        marks.save().unwrap();
        let (again, message) = Marks::open(&file);
        assert!(message.is_none() && again.is_read("fresh"));
        fs::remove_file(&file).unwrap();
    }
}

#[test]
fn unreadable_file_is_set_aside_too() {
    let (_dir, file) = state_file();
    // A folder where the file should be: reading fails.
    fs::create_dir_all(file.join("x")).unwrap();
    let (mut marks, message) = Marks::open(&file);
    assert!(message.unwrap().contains("moved it to"));
    marks.set_read("a", true);
    marks.save().unwrap();
    assert!(file.is_file());
}

/// Marks given to the reader at start show, a tick a save delay after a
/// change saves them, and the session has nothing left to save at its end.
#[test]
fn marks_given_at_start_show_and_tick_saves_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("marks.json");
    let (mut marks, _) = Marks::open(&file);
    marks.set_read("第3篇", true);
    marks.set_starred("第4篇", true);
    let mut app = App::new(
        common::library::thirty(),
        Keymap::defaults().guide(),
        Options::default(),
    )
    .with_marks(marks);
    assert!(app.marks().is_read(3) && app.marks().is_starred(4));
    assert_eq!(app.unread_listed(), 29);
    app.update(Action::ToggleStar); // 第0篇
    // The first tick sees the change, the one a save delay later saves it.
    let now = std::time::Instant::now();
    common::drive::drive(&mut app, Action::Tick { now });
    assert!(app.marks().is_dirty(), "not due yet");
    common::drive::drive(
        &mut app,
        Action::Tick {
            now: now + SAVE_DELAY,
        },
    );
    assert!(!app.marks().is_dirty());
    let (again, _) = Marks::open(&file);
    assert!(again.is_starred("第0篇") && again.is_read("第3篇"));
    let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let session = inkstone::tui::Session::new(app, Keymap::defaults(), terminal).unwrap();
    assert!(session.finish().is_empty());
}
