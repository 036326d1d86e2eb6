//! The marks file on disk: its JSON format, reading it without ever
//! trusting it, and setting a bad one aside.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::journal;

/// The format version this build reads and writes.
const FORMAT: u32 = 1;

/// What the file holds: sorted so that saves are deterministic and diffable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarksFile {
    pub inkstone_marks: u32,
    pub read: BTreeSet<String>,
    pub starred: BTreeSet<String>,
}

/// Why the file on disk could not be used.
#[derive(Debug)]
pub enum Unusable {
    /// Garbage, truncated, or not readable: safe to move aside.
    Corrupt(String),
    /// A well-formed file from a newer inkstone: neither read nor replaced.
    NewerFormat(u32),
}

impl Default for MarksFile {
    fn default() -> Self {
        MarksFile::new(BTreeSet::new(), BTreeSet::new())
    }
}

impl MarksFile {
    pub fn new(read: BTreeSet<String>, starred: BTreeSet<String>) -> Self {
        MarksFile {
            inkstone_marks: FORMAT,
            read,
            starred,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising sets of strings cannot fail.
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// The largest marks file read: millions of marks. A bigger one (or a FIFO,
/// or a link to a device) is not a marks file and is moved aside.
pub(super) const MARKS_LIMIT: u64 = 256 << 20;

/// Reads the marks: the marks file with its journal replayed over it
/// (see [`super::journal`]); `Ok(None)` when there is neither yet.
pub fn read(path: &Path) -> Result<Option<MarksFile>, Unusable> {
    let marks = read_marks_file(path)?;
    // An unreadable journal holds nothing usable; the marks file still does.
    let journal = journal::read_from(&journal::path(path), 0).unwrap_or_default();
    if marks.is_none() && journal.is_empty() {
        return Ok(None);
    }
    let mut marks = marks.unwrap_or_default();
    journal::replay(&journal, &mut marks);
    Ok(Some(marks))
}

/// Reads the marks file alone: `Ok(None)` when there is none yet.
pub(super) fn read_marks_file(path: &Path) -> Result<Option<MarksFile>, Unusable> {
    let bytes = match crate::regular_file::read(path, MARKS_LIMIT) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Unusable::Corrupt(format!("cannot read it: {e}"))),
    };
    parse(&bytes).map(Some)
}

fn parse(bytes: &[u8]) -> Result<MarksFile, Unusable> {
    #[derive(Deserialize)]
    struct VersionOnly {
        inkstone_marks: u32,
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unusable::Corrupt("it is empty".into()));
    }
    // Look at the version first so a newer format is not called corrupt.
    if let Ok(v) = serde_json::from_slice::<VersionOnly>(bytes)
        && v.inkstone_marks > FORMAT
    {
        return Err(Unusable::NewerFormat(v.inkstone_marks));
    }
    let file: MarksFile =
        serde_json::from_slice(bytes).map_err(|e| Unusable::Corrupt(format!("{e}")))?;
    if file.inkstone_marks != FORMAT {
        return Err(Unusable::Corrupt(format!(
            "unknown format version {}",
            file.inkstone_marks
        )));
    }
    Ok(file)
}

/// Renames a bad marks file to `<name>.corrupt-<local time>` (with a counter
/// if that exists) and returns the new path.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut target = dir.join(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn round_trips() {
        let file = MarksFile::new(set(&["a", "新聞/1"]), set(&["b"]));
        assert_eq!(parse(&file.to_bytes()).unwrap(), file);
    }

    #[test]
    fn rejects_garbage_truncation_and_emptiness() {
        let bytes = MarksFile::new(set(&["a", "b"]), set(&[])).to_bytes();
        for bad in [
            &b""[..],
            b"  \n",
            b"\x00\xff",
            &bytes[..bytes.len() / 2],
            b"[1,2]",
            b"{\"read\":[]}",
        ] {
            assert!(matches!(parse(bad), Err(Unusable::Corrupt(_))), "{bad:?}");
        }
    }

    #[test]
    fn newer_format_is_not_corrupt() {
        let bytes = br#"{"inkstone_marks": 7, "read": [], "starred": [], "notes": {}}"#;
        assert!(matches!(parse(bytes), Err(Unusable::NewerFormat(7))));
    }

    #[test]
    fn move_aside_never_overwrites_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        fs::write(&path, "x").unwrap();
        let first = move_aside(&path).unwrap();
        fs::write(&path, "y").unwrap();
        let second = move_aside(&path).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "x");
        assert_eq!(fs::read_to_string(second).unwrap(), "y");
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_unusable_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("marks.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // A FIFO with no writer: reading it used to wait forever.
        let Err(Unusable::Corrupt(why)) = read(&fifo) else {
            panic!("a FIFO is no marks file");
        };
        assert_eq!(why, "cannot read it: not a regular file (a FIFO)");
        let zero = dir.path().join("zero.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(read(&zero), Err(Unusable::Corrupt(_))));
    }
}
