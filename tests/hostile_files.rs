//! Files that are not what they claim: FIFOs, devices, huge and sparse
//! files where an article, the cache or the marks file should be. Each
//! command must come back quickly, bounded, and say what is wrong.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

mod common;
mod hostile_files {
    mod cache_file;
}

/// Generous: each case takes well under a second when it works, and hung
/// forever (or for minutes) before.
const PATIENCE: Duration = Duration::from_secs(60);

/// Runs inkstone with `args` and a private home, failing the test if it
/// does not finish in time.
fn inkstone(home: &Path, args: &[&str]) -> Output {
    common::home::output_within(common::home::command(home, args), PATIENCE)
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn show_on_a_fifo_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("news.md");
    mkfifo(&fifo);
    let output = inkstone(dir.path(), &["show", fifo.to_str().unwrap()]);
    assert!(!output.status.success());
    let err = text(&output.stderr);
    assert!(err.contains("not a regular file (a FIFO)"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn show_on_a_link_to_dev_zero_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("zero.md");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let output = inkstone(dir.path(), &["show", link.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("not a regular file"));
}

#[test]
fn show_on_a_huge_sparse_file_shows_its_start_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sparse.md");
    let file = fs::File::create(&path).unwrap();
    file.set_len(2 << 30).unwrap();
    drop(file);
    let output = inkstone(
        dir.path(),
        &["show", "--width", "100", path.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.contains("The rest of this article is not shown: only its first 4 MiB are read."),
        "{}",
        &out[..out.len().min(2000)]
    );
    // Nothing like the 2 GB file reached the output.
    assert!(output.stdout.len() < 64 << 20);
}

#[test]
fn show_on_a_huge_article_cuts_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    let line = "這是一段很長的中文測試文字，用來檢查大小限制。\n";
    let mut body = String::from("---\ntitle: 巨大的文章\n---\n\n");
    while body.len() < 6 << 20 {
        body.push_str(line);
    }
    body.push_str("THE-END-MARKER\n");
    fs::write(&path, body).unwrap();
    let output = inkstone(
        dir.path(),
        &["show", "--width", "80", path.to_str().unwrap()],
    );
    assert!(output.status.success());
    let out = text(&output.stdout);
    assert!(out.starts_with("巨大的文章"));
    assert!(!out.contains("THE-END-MARKER"));
    assert!(out.trim_end().ends_with("only its first 4 MiB are read.]"));
    // The cut falls between characters: no replacement character.
    assert!(!out.contains('\u{FFFD}'));
}

#[test]
fn show_on_an_unreadable_file_says_so_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // Files that cannot be read whoever runs the test (root included): a
    // folder and a link to nothing, both named like articles.
    let folder = dir.path().join("folder.md");
    fs::create_dir(&folder).unwrap();
    let dangling = dir.path().join("gone.md");
    std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &dangling).unwrap();
    let mut cases = vec![(folder, "not a regular file"), (dangling, "No such file")];
    // And one only a user without root's powers cannot read.
    let secret = dir.path().join("secret.md");
    fs::write(&secret, "---\ntitle: t\n---\nbody\n").unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&secret).is_err() {
        cases.push((secret, "Permission denied"));
    }
    for (path, reason) in cases {
        let output = inkstone(dir.path(), &["show", path.to_str().unwrap()]);
        assert!(!output.status.success(), "{}", path.display());
        let err = text(&output.stderr);
        assert_eq!(err.lines().count(), 1, "said once: {err}");
        assert!(err.contains(reason), "{reason}: {err}");
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
    }
}

#[test]
fn list_search_over_a_huge_file_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    let mut body = String::from("---\ntitle: 大文件\n---\n\n");
    while body.len() < 8 << 20 {
        body.push_str("填充文字填充文字。\n");
    }
    body.push_str("藏在最後的詞\n");
    fs::write(root.join("big.md"), body).unwrap();
    fs::write(root.join("small.md"), "---\ntitle: 小\n---\n填充文字\n").unwrap();
    let root = root.to_str().unwrap();
    let found = inkstone(dir.path(), &["list", "--search", "填充", root]);
    assert!(found.status.success());
    assert_eq!(text(&found.stdout).lines().count(), 2);
    // Past the body limit: not searched, as it is not shown.
    let hidden = inkstone(dir.path(), &["list", "--search", "藏在最後的詞", root]);
    assert_eq!(text(&hidden.stdout).lines().count(), 0);
}

#[test]
fn list_search_cuts_a_huge_query_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.md"), "---\ntitle: 新聞\n---\n新聞\n").unwrap();
    let query = "新聞 ".repeat(5_000);
    let output = inkstone(
        dir.path(),
        &["list", "--search", &query, root.to_str().unwrap()],
    );
    assert!(output.status.success());
    assert_eq!(text(&output.stdout).lines().count(), 1);
    assert_eq!(
        text(&output.stderr).trim(),
        "inkstone: A search holds at most 1,000 characters: the rest was dropped"
    );
}

/// `levels` folders named `name` one inside the other under `root`, with
/// an article at the bottom; made relative to each open folder, since the
/// whole path may be longer than the system opens.
fn nest(root: &Path, name: &str, levels: usize) {
    use rustix::fs::{CWD, Mode, OFlags, mkdirat, openat};
    let mut dir = openat(CWD, root, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).unwrap();
    for _ in 0..levels {
        mkdirat(&dir, name, Mode::from_raw_mode(0o755)).unwrap();
        dir = openat(
            &dir,
            name,
            OFlags::DIRECTORY | OFlags::RDONLY,
            Mode::empty(),
        )
        .unwrap();
    }
    let file = openat(
        &dir,
        "deep.md",
        OFlags::CREATE | OFlags::WRONLY,
        Mode::from_raw_mode(0o644),
    )
    .unwrap();
    let mut file = fs::File::from(file);
    std::io::Write::write_all(&mut file, "---\ntitle: 深處\n---\n正文\n".as_bytes()).unwrap();
}

#[test]
fn check_reports_folders_nested_2500_deep() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("top.md"), "---\ntitle: 頂\n---\n正文\n").unwrap();
    nest(&root, "d", 2500);
    let output = inkstone(dir.path(), &["check", root.to_str().unwrap()]);
    let err = text(&output.stderr);
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        out.contains("error: folder nested more than 128 levels deep; not read"),
        "{out}{err}"
    );
    assert!(out.contains("1 errors"), "{out}");
}

#[test]
fn check_reports_a_path_longer_than_the_system_opens() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    // 20 folders of 250 bytes: a path of over 5,000 bytes.
    nest(&root, &"長".repeat(83), 20);
    let output = inkstone(dir.path(), &["check", root.to_str().unwrap()]);
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("path longer than 4096 bytes; not read"),
        "{out}"
    );
}

#[test]
fn show_refuses_widths_below_the_minimum() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\ntitle: 新聞\n---\n中文正文\n").unwrap();
    for width in ["0", "1", "9"] {
        let output = inkstone(
            dir.path(),
            &["show", "--width", width, path.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(2));
        let err = text(&output.stderr);
        assert!(err.contains("is not in 10..=65535"), "{err}");
        assert!(output.stdout.is_empty());
    }
    let output = inkstone(
        dir.path(),
        &["show", "--width", "10", path.to_str().unwrap()],
    );
    assert!(text(&output.stdout).contains("中文正文"));
}

#[test]
fn list_json_gives_a_non_utf8_path_losslessly() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"bad\xff\xfe.md");
    fs::write(root.join(name), "---\ntitle: 亂碼\n---\n正文\n").unwrap();
    fs::write(root.join("good.md"), "---\ntitle: 好\n---\n正文\n").unwrap();
    let output = inkstone(dir.path(), &["list", "--json", root.to_str().unwrap()]);
    assert!(output.status.success());
    let rows: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    let bad = rows.iter().find(|r| r["title"] == "亂碼").unwrap();
    let good = rows.iter().find(|r| r["title"] == "好").unwrap();
    assert!(good.get("path_bytes").is_none(), "only when needed");
    let hex = bad["path_bytes"].as_str().expect("path_bytes");
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(&bytes));
    assert_eq!(path, root.join(name));
    assert!(path.is_file(), "the file opens from path_bytes");
}
