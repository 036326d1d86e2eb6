//! Quitting while the search index is still being built (issue 10): the
//! reader ends without waiting for the build, the marks given before are
//! kept, and the next start removes the temporary files left behind.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy.
const PATIENCE: Duration = Duration::from_secs(60);

/// Articles with enough body text that a debug build takes seconds to
/// index them: the build is still going when the test quits.
const ARTICLES: usize = 2_500;

/// A body of about 9 KB of varied Chinese text, different per article.
fn body(n: usize) -> String {
    use std::fmt::Write;
    const WORDS: [&str; 8] = [
        "維港晚風",
        "電車叮叮",
        "街市早上",
        "山頂纜車",
        "渡輪碼頭",
        "舊區茶樓",
        "海旁長椅",
        "夜市燈火",
    ];
    let mut text = String::new();
    for line in 0..60 {
        for word in 0..6 {
            text.push_str(WORDS[(n + line * 7 + word * 3) % WORDS.len()]);
            let _ = write!(text, "第{n}篇第{line}段");
        }
        text.push_str("。\n\n");
    }
    text
}

fn archive(root: &Path) -> PathBuf {
    for n in 1..=ARTICLES {
        let folder = root.join(format!("{}", n / 500));
        fs::create_dir_all(&folder).unwrap();
        fs::write(
            folder.join(format!("{n}.md")),
            format!(
                "---\ntitle: 第{n}篇報道\ndate: 2024-03-01\nurl: https://example.org/{n}\n---\n\n{}",
                body(n)
            ),
        )
        .unwrap();
    }
    root.to_path_buf()
}

/// The names in the cache folder of temporary files (`.<file>.tmp-<pid>-<n>`).
fn temporary_files(cache: &Path) -> Vec<String> {
    fs::read_dir(cache)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with('.') && name.contains(".tmp-"))
                .collect()
        })
        .unwrap_or_default()
}

fn search_index(cache: &Path) -> Option<String> {
    fs::read_dir(cache).ok()?.flatten().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        (name.starts_with("library-") && name.ends_with(".search")).then_some(name)
    })
}

#[test]
fn quitting_mid_build_ends_at_once_keeps_marks_and_the_next_start_cleans_up() {
    let home = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let archive = archive(root.path());
    let cache = home.path().join("cache/inkstone");
    let start = || {
        let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home.path());
        cmd.arg(&archive);
        Pty::spawn(cmd, (100, 30)).patience(PATIENCE)
    };

    let mut first = start();
    first.wait_for(&["篇報道"]);
    // The index is being written to its temporary file.
    let building = common::wait::until(PATIENCE, "the index build to begin", || {
        temporary_files(&cache)
            .into_iter()
            .find(|name| name.contains(".search.tmp-"))
    });
    first.send("s");
    assert!(
        first.poll(PATIENCE, Duration::from_millis(20), |screen| screen
            .contains('★')),
        "the star never showed:\n{}",
        first.screen()
    );
    first.quit_with("q");
    // The build was cut short, not waited for: no index was put in place
    // and its temporary file is still there.
    assert_eq!(search_index(&cache), None, "the build was finished first");
    assert!(
        temporary_files(&cache).contains(&building),
        "{:?}",
        temporary_files(&cache)
    );
    // The mark given before quitting was saved.
    assert_eq!(common::home::starred(home.path()).len(), 1);

    // And what a metadata cache write cut short would leave (a process
    // that is gone: no pid is this high).
    let library = building
        .trim_start_matches('.')
        .split(".search.")
        .next()
        .unwrap()
        .to_owned();
    let cut_cache_write = format!(".{library}.bin.tmp-99999999-0");
    fs::write(cache.join(&cut_cache_write), "half a cache").unwrap();

    // The next start removes what was left, and has the mark.
    let mut second = start();
    second.wait_for(&["篇報道", "★"]);
    common::wait::until(PATIENCE, "the leftover files to be removed", || {
        let left = temporary_files(&cache);
        (!left.contains(&building) && !left.contains(&cut_cache_write)).then_some(())
    });
    second.quit_with("q");
    assert_eq!(common::home::starred(home.path()).len(), 1);
}
