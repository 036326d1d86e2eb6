//! One save under the lock: take in what other processes saved since this
//! one last looked, apply this process's changes, and append them to the
//! journal (or rewrite the marks file when the journal has grown).
//!
//! A writer remembers which marks file and how much of the journal its
//! marks already hold ([`Stamp`]); while no other process has compacted,
//! a save reads only the journal's new lines, so it costs what it writes,
//! not the size of the whole archive's marks.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::file::{self, MarksFile};
use super::journal;
use super::saver::{Saved, set_aside};
use super::{Change, set_member};
use crate::durable::{self, Durability};

/// What a writer's marks hold of the files on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    marks: Option<FileId>,
    /// Bytes of the journal already in the marks.
    journal: u64,
}

impl Stamp {
    /// Whether the journal holds lines not yet in the marks file.
    pub(super) fn has_journal(&self) -> bool {
        self.journal > 0
    }
}

/// Tells one marks file from another: a compaction replaces the file, so
/// its inode (and usually its size and time) changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

fn file_id(path: &Path) -> Option<FileId> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(FileId {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

/// Saves `changes` to the marks at `path`; `known` and `stamp` are what
/// this writer last saw and are brought up to date. With `compact`, the
/// marks file is rewritten with every mark and the journal emptied.
pub(super) fn write_merged(
    path: &Path,
    known: &mut Option<MarksFile>,
    stamp: &mut Option<Stamp>,
    changes: &HashMap<String, Change>,
    compact: bool,
) -> io::Result<Saved> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    // The marks file itself is replaced by rename, so the lock lives on a
    // companion file that is never replaced. Closing it unlocks.
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(path))?;
    fs4::FileExt::lock(&lock)?;
    durable::remove_stale_temps(path);

    let journal_path = journal::path(path);
    let marks_id = file_id(path);
    // Set again once this save is on disk; after an error the next save
    // reads everything.
    let last = stamp.take();
    let mut notices = Vec::new();
    let unchanged =
        last.filter(|s| s.marks == marks_id && journal::len(&journal_path) >= s.journal);
    let (mut base, mut whole, foreign) = match (unchanged, known.take()) {
        (Some(last), Some(mut base)) => {
            let added =
                journal::replay(&journal::read_from(&journal_path, last.journal)?, &mut base);
            (base, last.journal + added, added > 0)
        }
        (_, mine) => {
            *known = mine;
            let mut base = match file::read_marks_file(path) {
                Ok(Some(on_disk)) => on_disk,
                // Missing (first save, or deleted meanwhile): what we know is
                // the best base; starting empty would drop marks loaded
                // earlier.
                Ok(None) => known.clone().unwrap_or_default(),
                Err(bad) => {
                    let (notice, writable) = set_aside(path, bad);
                    notices.push(notice.clone());
                    if !writable {
                        return Ok(Saved {
                            merged: None,
                            notices,
                            read_only: true,
                        });
                    }
                    known.clone().unwrap_or_default()
                }
            };
            let bytes = journal::read_from(&journal_path, 0).unwrap_or_else(|e| {
                // Not a journal (a folder, a FIFO): set aside like a bad
                // marks file, so saving goes on.
                let aside = file::move_aside(&journal_path);
                notices.push(match aside {
                    Ok(to) => format!(
                        "{} was unusable ({e}); moved it to {}",
                        journal_path.display(),
                        to.display()
                    ),
                    Err(_) => format!("{} is unusable ({e})", journal_path.display()),
                });
                Vec::new()
            });
            let whole = journal::replay(&bytes, &mut base);
            // Without a base (a writer started late), the file is taken as
            // known.
            let foreign = known.as_ref().is_some_and(|known| base != *known);
            *known = None;
            (base, whole, foreign)
        }
    };
    for (id, change) in changes {
        if let Some(value) = change.read {
            set_member(&mut base.read, id, value);
        }
        if let Some(value) = change.starred {
            set_member(&mut base.starred, id, value);
        }
    }
    let lines = journal::encode(changes);
    // Looked at again: a bad file was set aside meanwhile.
    let marks_id = file_id(path);
    let marks_len = marks_id.map_or(0, |id| id.len);
    // A missing marks file is written whole (it is small then, or was set
    // aside), so the file is there for anyone who reads it.
    let rewrite = marks_id.is_none()
        || (compact && whole > 0)
        || journal::needs_compacting(whole + lines.len() as u64, marks_len);
    if rewrite {
        durable::write_atomic(path, &base.to_bytes(), Durability::Synced)?;
        if whole > 0 {
            journal::clear(&journal_path)?;
        }
        whole = 0;
    } else if !lines.is_empty() {
        whole = journal::append(&journal_path, whole, &lines)?;
    }
    *stamp = Some(Stamp {
        marks: file_id(path),
        journal: whole,
    });
    drop(lock);
    let merged = foreign.then(|| (base.read.clone(), base.starred.clone()));
    *known = Some(base);
    Ok(Saved {
        merged,
        notices,
        read_only: false,
    })
}

fn lock_path(path: &Path) -> PathBuf {
    super::beside(path, "lock")
}
