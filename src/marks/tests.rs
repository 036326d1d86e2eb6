use super::*;

fn temp_marks() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state").join(FILE_NAME);
    (dir, path)
}

#[test]
fn changes_survive_a_reopen() {
    let (_dir, path) = temp_marks();
    let (mut marks, msg) = Marks::open(&path);
    assert!(msg.is_none());
    assert!(marks.set_read("a", true));
    assert!(!marks.set_read("a", true), "no change, nothing recorded");
    assert!(marks.toggle_star("b"));
    assert_eq!(marks.mark_all_read(["a", "b", "c"]), 2);
    marks.save().unwrap();
    assert!(!marks.is_dirty());
    let (again, _) = Marks::open(&path);
    assert!(again.is_read("a") && again.is_read("b") && again.is_read("c"));
    assert!(again.is_starred("b") && !again.is_starred("a"));
    assert_eq!(again.count_unread(["a", "x", "y"]), 2);
}

#[test]
fn save_waits_for_the_delay() {
    let (_dir, path) = temp_marks();
    let (mut marks, _) = Marks::open(&path);
    assert_eq!(marks.save_due_at(), None);
    marks.set_read("a", true);
    let due = marks.save_due_at().unwrap();
    assert!(
        !marks
            .save_if_due(due.checked_sub(Duration::from_millis(1)).unwrap())
            .unwrap()
    );
    assert!(!path.exists());
    // Due: handed to the saving thread, which reports back on a later call.
    assert!(!marks.save_if_due(due).unwrap());
    assert_eq!(marks.save_due_at(), None);
    let start = Instant::now();
    while !marks.save_if_due(Instant::now()).unwrap() {
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(path.exists() && !marks.is_dirty());
}

#[test]
fn two_instances_merge_instead_of_erasing() {
    let (_dir, path) = temp_marks();
    let (mut one, _) = Marks::open(&path);
    let (mut two, _) = Marks::open(&path);
    one.set_read("from-one", true);
    one.save().unwrap();
    two.set_read("from-two", true);
    two.toggle_star("from-one");
    two.save().unwrap();
    assert!(
        two.is_read("from-one"),
        "the merge brings in the other's marks"
    );
    one.set_read("from-one", false);
    one.save().unwrap();
    let (seen, _) = Marks::open(&path);
    assert!(!seen.is_read("from-one"), "the latest explicit change wins");
    assert!(seen.is_read("from-two"));
    assert!(seen.is_starred("from-one"));
}

#[test]
fn a_file_corrupted_while_running_is_set_aside_not_lost() {
    let (_dir, path) = temp_marks();
    let (mut marks, _) = Marks::open(&path);
    marks.set_read("a", true);
    marks.save().unwrap();
    std::fs::write(&path, b"{ broken").unwrap();
    marks.set_read("b", true);
    marks.save().unwrap();
    let notices = marks.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("moved it to"), "{}", notices[0]);
    let (again, msg) = Marks::open(&path);
    assert!(msg.is_none());
    assert!(again.is_read("a") && again.is_read("b"));
}

#[test]
fn in_memory_marks_are_never_written() {
    let mut marks = Marks::in_memory();
    marks.set_read("a", true);
    marks.save().unwrap();
    assert!(marks.is_read("a"));
    assert!(!marks.is_dirty());
}

/// A save appends its changes to the journal and leaves the marks file as
/// it was (a save costs what it writes, not the size of every mark); the
/// writer folds the journal into the file at its end.
#[test]
fn a_save_appends_to_the_journal_and_the_writer_compacts_at_its_end() {
    let (_dir, path) = temp_marks();
    let (mut book, _) = MarkBook::open(&path);
    let mut writer = Writer::new();
    book.set_read("first", true);
    let outcome = writer.write(book.take_save().unwrap());
    book.finish_save(outcome).unwrap();
    let whole = std::fs::read(&path).expect("a missing file is written whole");
    book.set_read("second", true);
    book.set_starred("second", true);
    let outcome = writer.write(book.take_save().unwrap());
    book.finish_save(outcome).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), whole, "not rewritten");
    let journal = std::fs::read_to_string(journal::path(&path)).unwrap();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    let (seen, _) = Marks::open(&path);
    assert!(seen.is_read("first") && seen.is_read("second") && seen.is_starred("second"));

    writer.compact();
    assert_eq!(std::fs::read(journal::path(&path)).unwrap(), b"");
    let file = file::read_marks_file(&path).unwrap().unwrap();
    assert!(file.read.contains("second") && file.starred.contains("second"));
}

/// A journal that is not a file (a folder here) is set aside with a
/// notice, and saving goes on.
#[test]
fn an_unusable_journal_is_set_aside_and_saving_goes_on() {
    let (_dir, path) = temp_marks();
    let (mut marks, _) = Marks::open(&path);
    marks.set_read("a", true);
    marks.save().unwrap();
    std::fs::create_dir(journal::path(&path)).unwrap();
    marks.set_read("b", true);
    marks.save().unwrap();
    let notices = marks.take_notices();
    assert!(
        notices.iter().any(|n| n.contains("journal was unusable")),
        "{notices:?}"
    );
    let (again, msg) = Marks::open(&path);
    assert!(msg.is_none());
    assert!(again.is_read("a") && again.is_read("b"));
}
