//! Paths of the archive's files spelled one way.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

/// [`lexical`], without its cost for a path that has no `.` or `..` part
/// (the walk's paths, mostly).
pub fn tidy_path(path: &Path) -> Cow<'_, Path> {
    let bytes = path.as_os_str().as_encoded_bytes();
    let dotted = bytes.first() == Some(&b'.')
        || bytes.last() == Some(&b'/')
        || memchr::memmem::find(bytes, b"/.").is_some()
        || memchr::memmem::find(bytes, b"//").is_some();
    if dotted {
        Cow::Owned(lexical(path))
    } else {
        Cow::Borrowed(path)
    }
}

/// `path` with `.` and `..` taken out without asking the file system, so
/// `a/b/../c.md` and `a/c.md` are one file.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_lose_dots_lexically() {
        assert_eq!(lexical(Path::new("a/b/../c/./d.md")), Path::new("a/c/d.md"));
        assert_eq!(lexical(Path::new("../x.md")), Path::new("../x.md"));
        assert_eq!(tidy_path(Path::new("a/./b//c.md")), Path::new("a/b/c.md"));
        assert_eq!(tidy_path(Path::new("a/b/c.md")), Path::new("a/b/c.md"));
    }
}
