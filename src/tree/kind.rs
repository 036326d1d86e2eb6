//! Which entries of a folder matter: article files by extension, and the
//! one rule for hidden entries that the walk, live changes and the watcher
//! share.

use std::ffi::OsStr;
use std::path::Path;

/// File name extensions (compared in any case) of the files read as
/// articles. A new format is added here and to the loader's parser.
/// HTML files are articles only when they open with front matter (the
/// loader counts the others as site pages).
const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "html", "htm"];

/// Whether `path` names an article file, by its extension alone.
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Names starting with a dot: `.git`, `.obsidian`, editor backups. Hidden
/// entries below a root are never walked, loaded or followed.
pub fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Whether a path relative to a root passes through a hidden entry (or
/// through `..`, which leaves the root).
pub fn has_hidden_part(rel: &Path) -> bool {
    rel.components().any(|c| is_hidden(c.as_os_str()))
}

/// `path` relative to `root`, `/`-separated; the file name when it is not
/// under `root`.
pub fn archive_path(path: &Path, root: &Path) -> String {
    // Walked paths are `root` joined with more: a byte prefix, cheaper than
    // comparing components.
    let bytes = path.as_os_str().as_encoded_bytes();
    let rel = match bytes.strip_prefix(root.as_os_str().as_encoded_bytes()) {
        Some(rest)
            if !root.as_os_str().is_empty()
                && (rest.first() == Some(&(std::path::MAIN_SEPARATOR as u8))
                    || root
                        .as_os_str()
                        .as_encoded_bytes()
                        .ends_with(std::path::MAIN_SEPARATOR_STR.as_bytes())) =>
        {
            let rest = rest
                .strip_prefix(std::path::MAIN_SEPARATOR_STR.as_bytes())
                .unwrap_or(rest);
            (!rest.is_empty()).then(|| String::from_utf8_lossy(rest))
        }
        _ => path
            .strip_prefix(root)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .map(|r| r.to_string_lossy()),
    };
    match rel {
        Some(rel) if std::path::MAIN_SEPARATOR == '/' => rel.into_owned(),
        Some(rel) => rel.replace(std::path::MAIN_SEPARATOR, "/"),
        None => path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_paths_are_relative_and_slashed() {
        let root = Path::new("arch");
        assert_eq!(archive_path(Path::new("arch/2020/a.md"), root), "2020/a.md");
        assert_eq!(archive_path(Path::new("archive/a.md"), root), "a.md");
        assert_eq!(archive_path(Path::new("elsewhere/b.md"), root), "b.md");
        assert_eq!(archive_path(Path::new("c.md"), Path::new("")), "c.md");
        assert_eq!(
            archive_path(Path::new("arch/d.md"), Path::new("arch/")),
            "d.md"
        );
    }

    #[test]
    fn markdown_extensions_in_any_case() {
        for name in [
            "a.md",
            "b.MD",
            "c.markdown",
            "d.MarkDown",
            "e.html",
            "f.HTM",
        ] {
            assert!(is_article_file(Path::new(name)), "{name}");
        }
        for name in ["e.txt", "f.mdx", "md", ".md.bak", "g.xhtml", "h.html.bak"] {
            assert!(!is_article_file(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn hidden_parts_anywhere_below_the_root() {
        assert!(has_hidden_part(Path::new(".git/x.md")));
        assert!(has_hidden_part(Path::new("a/.obsidian/b.md")));
        assert!(has_hidden_part(Path::new("a/.swp.md")));
        assert!(!has_hidden_part(Path::new("a/b.md")));
        assert!(!has_hidden_part(Path::new("")));
    }
}
