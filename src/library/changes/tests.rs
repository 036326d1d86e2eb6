use super::*;
use std::fs;

fn article_text(title: &str, date: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: \"{date}\"\nurl: \"https://example.org/{title}\"\ntags: [\"t\"]\n---\n\n# {title}\n\nbody\n"
    )
}

fn titles(library: &Library) -> Vec<&str> {
    library.articles.iter().map(|a| a.title.as_str()).collect()
}

fn setup() -> (tempfile::TempDir, PathBuf, Library) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir_all(root.join("2019")).unwrap();
    fs::write(root.join("2019/a.md"), article_text("a", "2019-01-01")).unwrap();
    fs::write(root.join("2019/c.md"), article_text("c", "2019-03-01")).unwrap();
    fs::write(root.join("b.md"), article_text("b", "2019-02-01")).unwrap();
    let library = Library::load(std::slice::from_ref(&root));
    (dir, root, library)
}

#[test]
fn adds_changes_and_removes_keeping_order() {
    let (_dir, root, mut library) = setup();
    assert_eq!(titles(&library), ["c", "b", "a"]);
    fs::write(root.join("2019/d.md"), article_text("d", "2019-02-15")).unwrap();
    fs::write(root.join("b.md"), article_text("b2", "2018-01-01")).unwrap();
    fs::remove_file(root.join("2019/a.md")).unwrap();
    let summary = library.apply_changes(&[
        root.join("2019/d.md"),
        root.join("b.md"),
        root.join("2019/a.md"),
    ]);
    assert_eq!(
        summary,
        ChangeSummary {
            added: 1,
            updated: 1,
            removed: 1,
            failed: 0
        }
    );
    assert_eq!(summary.to_string(), "1 new, 1 changed, 1 removed");
    assert_eq!(titles(&library), ["c", "d", "b2"]);
}

#[test]
fn a_folder_stands_for_everything_under_it() {
    let (_dir, root, mut library) = setup();
    let moved = root.parent().unwrap().join("elsewhere");
    fs::rename(root.join("2019"), &moved).unwrap();
    let summary = library.apply_changes(&[root.join("2019")]);
    assert_eq!(summary.removed, 2);
    assert_eq!(titles(&library), ["b"]);
    fs::rename(&moved, root.join("2020")).unwrap();
    let summary = library.apply_changes(&[root.join("2020")]);
    assert_eq!(summary.added, 2);
    assert_eq!(titles(&library), ["c", "b", "a"]);
}

#[test]
fn ignores_outside_hidden_and_other_files() {
    let (dir, root, mut library) = setup();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/x.md"), article_text("x", "2020-01-01")).unwrap();
    fs::write(root.join("notes.txt"), "x").unwrap();
    fs::write(dir.path().join("out.md"), article_text("o", "2020-01-01")).unwrap();
    let paths = [
        root.join(".git/x.md"),
        root.join("notes.txt"),
        dir.path().join("out.md"),
    ];
    assert!(library.apply_changes(&paths).is_empty());
    assert_eq!(titles(&library), ["c", "b", "a"]);
}

#[test]
fn a_broken_file_becomes_a_problem_and_recovers() {
    let (_dir, root, mut library) = setup();
    fs::write(root.join("b.md"), b"\xff\xfe\x00garbage").unwrap();
    library.apply_changes(&[root.join("b.md")]);
    assert!(
        library.problems.iter().any(|p| p.path.ends_with("b.md")),
        "{:?}",
        library.problems
    );
    fs::write(root.join("b.md"), article_text("b", "2019-02-01")).unwrap();
    library.apply_changes(&[root.join("b.md")]);
    assert_eq!(titles(&library), ["c", "b", "a"], "{:?}", library.articles);
    assert!(
        library.problems.iter().all(|p| !p.path.ends_with("b.md")),
        "{:?}",
        library.problems
    );
}

#[test]
fn a_new_copy_of_a_listed_article_is_found_a_duplicate() {
    let (_dir, root, mut library) = setup();
    // Same title, date and body as 2019/a.md, under another name.
    fs::write(root.join("a-copy.md"), article_text("a", "2019-01-01")).unwrap();
    let scan = ChangeScan::run(
        &library.roots,
        vec![root.join("a-copy.md")],
        &library.articles,
    );
    library.merge_changes(scan);
    let hashes: Vec<Option<u64>> = library
        .articles
        .iter()
        .filter(|a| a.title == "a")
        .map(|a| a.body_hash)
        .collect();
    assert_eq!(hashes.len(), 2);
    assert!(hashes[0].is_some() && hashes[0] == hashes[1], "{hashes:?}");
    assert_eq!(
        super::super::Duplicates::find(&library.articles).copy_count(),
        1
    );
}

#[test]
fn many_new_articles_are_merged_in_list_order() {
    let (_dir, root, mut library) = setup();
    // More than INSERT_LIMIT: sorted and merged rather than inserted.
    let paths: Vec<PathBuf> = (0..INSERT_LIMIT + 10)
        .map(|n| {
            let path = root.join(format!("n{n:03}.md"));
            let date = format!("2019-{:02}-{:02}", 1 + n % 4, 1 + n % 28);
            fs::write(&path, article_text(&format!("n{n:03}"), &date)).unwrap();
            path
        })
        .collect();
    let summary = library.apply_changes(&paths);
    assert_eq!(summary.added, INSERT_LIMIT + 10);
    let mut expected = library.articles.to_vec();
    crate::library::sort_articles(&mut expected);
    let order = |articles: &[Article]| -> Vec<PathBuf> {
        articles.iter().map(|a| a.path.to_path_buf()).collect()
    };
    assert_eq!(order(&library.articles), order(&expected));
    assert_eq!(library.articles.len(), INSERT_LIMIT + 13);
}
