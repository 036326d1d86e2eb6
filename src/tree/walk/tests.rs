use super::*;

fn write(path: &Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, "x").unwrap();
}

#[test]
fn walks_nested_folders_skipping_hidden_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/b")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    for f in [
        "x.md",
        "a/y.md",
        "a/b/z.md",
        "a/notes.txt",
        ".git/h.md",
        "a/.swp.md",
    ] {
        write(&root.join(f));
    }
    let walked = walk(root, Keys::Read);
    assert!(walked.unreadable.is_empty() && walked.scans.iter().all(|s| !s.unusual));
    let mut files: Vec<_> = walked.files().map(|(p, _)| p.clone()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            root.join("a/b/z.md"),
            root.join("a/y.md"),
            root.join("x.md")
        ]
    );
    assert_eq!(walked.scans.len(), 3);
    assert_eq!(walked.scans.iter().map(|s| s.skipped).sum::<usize>(), 1);
    assert!(walked.files().all(|(_, key)| key.size == 1));
}

#[test]
fn keys_are_left_out_when_not_wanted() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("x.md"));
    let walked = walk(dir.path(), Keys::Skip);
    assert_eq!(walked.files().next().unwrap().1, FileKey::default());
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_and_unusual() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("x.md"));
    std::os::unix::fs::symlink(dir.path().join("x.md"), dir.path().join("y.md")).unwrap();
    let scan = list_dir(dir.path(), Keys::Read).unwrap();
    assert!(scan.unusual && scan.links);
    assert_eq!(scan.files.len(), 2);
    assert_eq!(scan.followed, [dir.path().join("y.md")]);
}

#[cfg(unix)]
#[test]
fn a_folder_listed_inside_its_root_sees_loops_to_any_folder_above() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a/b/story.md"));
    std::os::unix::fs::symlink(root, root.join("a/b/up")).unwrap();
    let alone = list_dir(&root.join("a/b"), Keys::Read).unwrap();
    assert_eq!(
        alone.subdirs,
        [root.join("a/b/up")],
        "alone, it cannot tell"
    );
    let inside = list_dir_inside(&root.join("a/b"), root, Keys::Read).unwrap();
    assert!(inside.subdirs.is_empty() && inside.followed.is_empty());
    assert!(inside.problems[0].reason.contains("loops back to"));
    let walked = walk_inside(&root.join("a"), root, Keys::Read);
    assert_eq!(walked.files().count(), 1);
    assert_eq!(walked.problems().count(), 1);
}

#[cfg(unix)]
#[test]
fn loops_are_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a/story.md"));
    std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
    let walked = walk(root, Keys::Skip);
    let problems: Vec<&Problem> = walked.problems().collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, root.join("a/up"));
    assert!(problems[0].reason.contains("loops back to"));
    assert_eq!(walked.files().count(), 1);
}

#[test]
fn missing_folder_is_a_problem_not_a_panic() {
    let walked = walk(Path::new("/no/such/folder/here"), Keys::Read);
    assert!(walked.scans.is_empty());
    assert_eq!(walked.unreadable.len(), 1);
}

#[test]
fn given_paths_are_classified() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("a.md");
    let txt = dir.path().join("b.txt");
    write(&md);
    write(&txt);
    assert!(matches!(find(&md, Keys::Read), Found::File(k) if k.size == 1));
    assert!(
        matches!(find(&txt, Keys::Read), Found::Problem(p) if p.reason.contains("not an article file"))
    );
    assert!(
        matches!(find(&dir.path().join("gone"), Keys::Read), Found::Problem(p) if p.reason.starts_with("cannot read"))
    );
    assert!(matches!(find(dir.path(), Keys::Read), Found::Folder(w) if w.files().count() == 1));
}
