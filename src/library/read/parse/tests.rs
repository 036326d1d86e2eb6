use crate::library::read::load_file;

/// What a file is taken for depends on its start only, not on how much
/// of it was read (a body hashed for duplicates is read whole): a NUL or
/// a Latin-1 byte past the first 8 KiB of the body makes it neither a
/// binary file nor one in another encoding.
#[test]
fn a_file_read_whole_is_judged_by_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut late_nul = "---\ntitle: 新聞\n---\n".as_bytes().to_vec();
    late_nul.extend(std::iter::repeat_n(b'x', 10_000));
    late_nul.extend(b"\xe9\n\0");
    let mut no_front = "# 標題\n".as_bytes().to_vec();
    no_front.extend(std::iter::repeat_n(b'y', 10_000));
    no_front.extend(b" caf\xe9\n");
    for (name, text, title) in [("a.md", late_nul, "新聞"), ("b.md", no_front, "標題")] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (article, problems) = load_file(&path, dir.path()).unwrap();
        assert_eq!(article.title, title);
        assert!(
            problems.iter().all(|p| !p.reason.starts_with("not UTF-8")),
            "{problems:?}"
        );
    }
}
