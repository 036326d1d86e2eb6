//! Fixture folders and archives written at test time.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use inkstone::article::Article;
use inkstone::library::Library;

/// `tests/fixtures/<sub>`.
pub fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

/// Writes `text` to `path`, making its folders.
pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, text).unwrap();
}

/// A Markdown article with title, date, a url made of the title, and a
/// heading and one line of body.
pub fn article(title: &str, date: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: \"{date}\"\nurl: \"https://example.org/{title}\"\n---\n\n# {title}\n\nbody\n"
    )
}

/// `root/1.md` … `root/<count>.md`: `第N篇新聞` dated 2024-01-0N with url
/// `https://example.org/N`, so the last is listed first.
pub fn numbered(root: &Path, count: usize) -> PathBuf {
    fs::create_dir_all(root).unwrap();
    for n in 1..=count {
        fs::write(
            root.join(format!("{n}.md")),
            format!(
                "---\ntitle: 第{n}篇新聞\ndate: 2024-01-0{n}\nurl: https://example.org/{n}\n---\n\n正文{n}。\n"
            ),
        )
        .unwrap();
    }
    root.to_path_buf()
}

/// Sets the modification time of `root` and everything below it `ago`
/// into the past (the cache trusts only entries older than a few seconds).
pub fn age(root: &Path, ago: Duration) {
    let old = SystemTime::now() - ago;
    for entry in walkdir::WalkDir::new(root) {
        let path = entry.unwrap().into_path();
        fs::File::open(&path).unwrap().set_modified(old).unwrap();
    }
}

/// The file name of `path`, or "".
pub fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

/// The article loaded from the file named `name`.
pub fn by_file_name<'a>(library: &'a Library, name: &str) -> &'a Article {
    library
        .articles
        .iter()
        .find(|a| file_name(&a.path) == name)
        .unwrap_or_else(|| panic!("{name} not loaded"))
}

/// The titles, in the library's order.
pub fn titles(library: &Library) -> Vec<String> {
    library
        .articles
        .iter()
        .map(|a| a.title.as_str().to_owned())
        .collect()
}
