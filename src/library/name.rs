//! The archive's name in the header: its folder's name, or for several
//! folders a few names joined, each the shortest end of its path that tells
//! it from the others (`feed-a/_posts, feed-b/_posts`).

use std::path::{Component, Path, PathBuf};

/// How many names are shown before `and N more`.
const SHOWN: usize = 3;

/// The name for the folders or files opened.
pub(super) fn library_name(paths: &[PathBuf]) -> String {
    let full: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let names = distinct_suffixes(&full);
    let shown: Vec<&str> = names.iter().take(SHOWN).map(String::as_str).collect();
    match paths.len().saturating_sub(SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Each path's last component, or as many last components as it takes to
/// differ from every other path's (the same path twice stays the same).
fn distinct_suffixes(paths: &[PathBuf]) -> Vec<String> {
    let parts: Vec<Vec<String>> = paths.iter().map(|p| components(p)).collect();
    let mut take = vec![1usize; parts.len()];
    let suffix = |i: usize, n: usize| {
        let p = &parts[i];
        p[p.len().saturating_sub(n)..].join("/")
    };
    // Each round lengthens every name that still equals another one; at
    // most as many rounds as the deepest path has components.
    loop {
        let names: Vec<String> = (0..parts.len()).map(|i| suffix(i, take[i])).collect();
        let mut grew = false;
        for i in 0..parts.len() {
            let clash = (0..parts.len()).any(|j| j != i && names[j] == names[i]);
            if clash && take[i] < parts[i].len() {
                take[i] += 1;
                grew = true;
            }
        }
        if !grew {
            return names;
        }
    }
}

/// The path's components as text; the root alone for `/`.
fn components(path: &Path) -> Vec<String> {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        vec![path.display().to_string()]
    } else {
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[&str]) -> Vec<String> {
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        distinct_suffixes(&paths)
    }

    #[test]
    fn two_posts_folders_are_told_apart_by_the_shortest_end() {
        assert_eq!(
            names(&["/srv/feeds/rfa/_posts", "/srv/feeds/voa/_posts"]),
            ["rfa/_posts", "voa/_posts"]
        );
        assert_eq!(
            names(&["/a/x/news/_posts", "/b/x/news/_posts", "/c/blog"]),
            ["a/x/news/_posts", "b/x/news/_posts", "blog"]
        );
    }

    #[test]
    fn distinct_names_stay_short_and_the_root_has_a_name() {
        assert_eq!(names(&["/a/one", "/b/two"]), ["one", "two"]);
        assert_eq!(names(&["/x/a", "/x/a"]), ["x/a", "x/a"]);
        assert_eq!(names(&["/"]), ["/"]);
        assert_eq!(names(&["/a/_posts", "/_posts"]), ["a/_posts", "_posts"]);
    }
}
