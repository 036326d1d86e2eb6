//! The marks journal, `<marks file>.journal`: a save appends this
//! process's changes to it as JSON lines instead of rewriting the whole
//! marks file (tens of megabytes for a whole archive), so a save writes a
//! few hundred bytes and one `fsync` of them. The marks file holds
//! everything up to the last compaction; reading replays the journal over
//! it. Compacting (rewriting the marks file with every mark, then emptying
//! the journal) happens when the journal grows past a share of the file,
//! and when a process's saving thread ends (at exit).
//!
//! Every line sets a state (not a toggle), so replaying lines twice, as
//! after a crash between the rewrite and the emptying, changes nothing. A
//! line cut short by a killed writer has no line end: it is ignored, and
//! cut off before the next append.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::file::MarksFile;
use super::{Change, set_member};

/// The journal beside the marks file at `marks`.
pub(super) fn path(marks: &Path) -> PathBuf {
    super::beside(marks, "journal")
}

/// A journal larger than this share of the marks file (or than
/// [`COMPACT_FLOOR`]) is compacted at the next save.
const COMPACT_SHARE: u64 = 4;
const COMPACT_FLOOR: u64 = 64 << 10;

/// Whether a journal of `journal_len` bytes should be folded into a marks
/// file of `marks_len` bytes.
pub(super) fn needs_compacting(journal_len: u64, marks_len: u64) -> bool {
    journal_len > COMPACT_FLOOR.max(marks_len / COMPACT_SHARE)
}

/// One line: an id and what changed about it.
#[derive(Debug, Serialize, Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    read: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    starred: Option<bool>,
}

/// `changes` as journal lines, in id order (deterministic).
pub(super) fn encode(changes: &HashMap<String, Change>) -> Vec<u8> {
    let mut ids: Vec<&String> = changes.keys().collect();
    ids.sort_unstable();
    let mut out = Vec::new();
    for id in ids {
        let change = changes[id];
        let entry = Entry {
            id: id.as_str().into(),
            read: change.read,
            starred: change.starred,
        };
        // Serialising a string and two flags cannot fail.
        if serde_json::to_writer(&mut out, &entry).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// Applies the whole lines of `bytes` to `file`, in order, and returns
/// how many bytes they take: a last line without its end (a writer killed
/// mid-append) is left out. Lines that do not parse are skipped.
pub(super) fn replay(bytes: &[u8], file: &mut MarksFile) -> u64 {
    let whole = bytes
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    for line in bytes[..whole].split(|&b| b == b'\n') {
        let Ok(entry) = serde_json::from_slice::<Entry<'_>>(line) else {
            continue;
        };
        if let Some(read) = entry.read {
            set_member(&mut file.read, &entry.id, read);
        }
        if let Some(starred) = entry.starred {
            set_member(&mut file.starred, &entry.id, starred);
        }
    }
    whole as u64
}

/// The journal's bytes from `offset` on (none when there is no journal).
/// Bounded like the marks file: a journal is compacted long before.
pub(super) fn read_from(path: &Path, offset: u64) -> io::Result<Vec<u8>> {
    let file = match crate::regular_file::open_at(path, offset) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::new();
    file.take(super::file::MARKS_LIMIT)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Appends `lines` after the first `whole` bytes of the journal (cutting a
/// torn line a killed writer left), waits for the disk, and returns the
/// journal's new length.
pub(super) fn append(path: &Path, whole: u64, lines: &[u8]) -> io::Result<u64> {
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    if file.metadata()?.len() != whole {
        file.set_len(whole)?;
    }
    file.seek(SeekFrom::Start(whole))?;
    file.write_all(lines)?;
    file.sync_data()?;
    Ok(whole + lines.len() as u64)
}

/// Empties the journal once its lines are in the marks file. Emptied, not
/// removed: its length is how other writers notice a compaction.
pub(super) fn clear(path: &Path) -> io::Result<()> {
    match OpenOptions::new().write(true).open(path) {
        Ok(file) => {
            file.set_len(0)?;
            file.sync_data()
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// The journal's length, 0 when there is none.
pub(super) fn len(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(read: Option<bool>, starred: Option<bool>) -> Change {
        Change { read, starred }
    }

    #[test]
    fn replaying_what_was_encoded_sets_each_state() {
        let mut changes = HashMap::new();
        changes.insert("新聞/1".to_owned(), change(Some(true), Some(true)));
        changes.insert("a\nb\"c".to_owned(), change(Some(true), None));
        changes.insert("gone".to_owned(), change(Some(false), Some(false)));
        let mut file = MarksFile::default();
        file.read.insert("gone".to_owned());
        file.starred.insert("gone".to_owned());
        let lines = encode(&changes);
        assert_eq!(replay(&lines, &mut file), lines.len() as u64);
        let read: Vec<&str> = file.read.iter().map(String::as_str).collect();
        assert_eq!(read, ["a\nb\"c", "新聞/1"]);
        let starred: Vec<&str> = file.starred.iter().map(String::as_str).collect();
        assert_eq!(starred, ["新聞/1"]);
        // Twice changes nothing (a crash between compaction and emptying).
        let again = file.clone();
        replay(&lines, &mut file);
        assert_eq!(file, again);
    }

    #[test]
    fn a_torn_last_line_is_ignored_and_cut_before_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("marks.json.journal");
        let mut changes = HashMap::new();
        changes.insert("one".to_owned(), change(Some(true), None));
        let first = encode(&changes);
        let len = append(&journal, 0, &first).unwrap();
        // A killed writer's half line.
        let mut torn = fs::read(&journal).unwrap();
        torn.extend_from_slice(br#"{"id":"tw"#);
        fs::write(&journal, &torn).unwrap();
        let mut file = MarksFile::default();
        let whole = replay(&read_from(&journal, 0).unwrap(), &mut file);
        assert_eq!(whole, len);
        assert!(file.read.contains("one") && file.read.len() == 1);
        changes.clear();
        changes.insert("two".to_owned(), change(Some(true), None));
        append(&journal, whole, &encode(&changes)).unwrap();
        let mut file = MarksFile::default();
        let bytes = read_from(&journal, 0).unwrap();
        assert_eq!(replay(&bytes, &mut file), bytes.len() as u64);
        let read: Vec<&str> = file.read.iter().map(String::as_str).collect();
        assert_eq!(read, ["one", "two"]);
    }

    #[test]
    fn compacting_waits_for_a_share_of_the_file() {
        assert!(!needs_compacting(1000, 0));
        assert!(needs_compacting(COMPACT_FLOOR + 1, 0));
        assert!(!needs_compacting(1 << 20, 40 << 20));
        assert!(needs_compacting(11 << 20, 40 << 20));
    }
}
