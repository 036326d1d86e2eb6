//! Symbolic links (followed, never round a loop, broken ones reported)
//! and special or unreadable files met while loading a folder.

use std::fs;

use inkstone::library::{Library, Severity};

use crate::article_text;
use crate::common::archive::write;

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_without_loops() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    write(
        &root.join("a/story.md"),
        &article_text("Story", "2020-02-02"),
    );
    write(
        &dir.path().join("outside/extra.md"),
        &article_text("Extra", "2020-03-03"),
    );
    symlink(&root, root.join("a/loop")).unwrap();
    symlink(root.join("a"), root.join("a/self")).unwrap();
    symlink(root.join("a/story.md"), root.join("alias.md")).unwrap();
    symlink(dir.path().join("outside"), root.join("linked")).unwrap();
    symlink(root.join("gone.md"), root.join("dangling.md")).unwrap();

    let library = Library::load(std::slice::from_ref(&root));
    let titles: Vec<&str> = library.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Extra", "Story"]);
    let loops = library
        .problems
        .iter()
        .filter(|p| p.reason.contains("loops back"))
        .count();
    assert_eq!(loops, 2, "{:?}", library.problems);
    let dangling = library
        .problems
        .iter()
        .find(|p| p.path.ends_with("dangling.md"))
        .unwrap();
    assert_eq!(dangling.severity, Severity::Error);
    assert!(
        dangling.reason.contains("broken symbolic link"),
        "{}",
        dangling.reason
    );
}

#[cfg(unix)]
#[test]
fn special_and_unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("ok.md"),
        &article_text("Fine", "2020-02-02"),
    );
    let fifo = dir.path().join("pipe.md");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let locked = dir.path().join("locked.md");
    write(&locked, &article_text("Locked", "2020-02-02"));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; then the file simply loads.
    let can_read_locked = fs::read(&locked).is_ok();

    let library = Library::load(&[dir.path().to_path_buf()]);
    if made_fifo {
        let p = library
            .problems
            .iter()
            .find(|p| p.path == fifo)
            .expect("fifo reported");
        assert_eq!(
            (p.severity, p.reason.as_str()),
            (Severity::Warning, "not a regular file; skipped")
        );
    }
    if can_read_locked {
        assert!(library.articles.iter().any(|a| a.title == "Locked"));
    } else {
        let p = library
            .problems
            .iter()
            .find(|p| p.path == locked)
            .expect("unreadable reported");
        assert_eq!(p.severity, Severity::Error);
        assert!(p.reason.starts_with("cannot read:"), "{}", p.reason);
    }
    assert!(library.articles.iter().any(|a| a.title == "Fine"));
}
