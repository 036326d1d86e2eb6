//! Saving marks: lock, re-read, merge this process's changes, replace
//! atomically.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::file::{self, MarksFile};
use super::{Marks, RETRY_DELAY, set_member};
use crate::durable::{self, Durability};

/// Marks could not be written; they stay in memory and the next save
/// tries again.
#[derive(Debug, thiserror::Error)]
#[error("cannot save marks to {}: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

impl Marks {
    /// Writes this process's unsaved changes now (at exit, or when due).
    /// Marks another process saved meanwhile are merged in, and become
    /// visible here too.
    pub fn save(&mut self) -> Result<(), SaveError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        if !self.writable {
            // The user was told when the file was opened; keep the session
            // usable without retrying forever.
            self.mark_saved();
            return Ok(());
        }
        match self.write_merged() {
            Ok(()) => {
                self.mark_saved();
                Ok(())
            }
            Err(source) => {
                self.retry_at = Some(Instant::now() + RETRY_DELAY);
                Err(SaveError {
                    path: self.path.clone(),
                    source,
                })
            }
        }
    }

    fn mark_saved(&mut self) {
        self.pending.clear();
        self.first_unsaved = None;
        self.retry_at = None;
    }

    fn write_merged(&mut self) -> io::Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        // The marks file itself is replaced by rename, so the lock lives on
        // a companion file that is never replaced. Closing it unlocks.
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(&self.path))?;
        fs4::FileExt::lock(&lock)?;
        durable::remove_stale_temps(&self.path);

        let (mut read, mut starred) = match file::read(&self.path) {
            Ok(Some(on_disk)) => (on_disk.read, on_disk.starred),
            // Missing (first save, or deleted meanwhile): what we know is
            // the best base; starting empty would drop marks loaded earlier.
            Ok(None) => (self.read.clone(), self.starred.clone()),
            Err(bad) => {
                let notice = self.set_aside(bad);
                self.notices.push(notice.clone());
                if !self.writable {
                    return Err(io::Error::other(notice));
                }
                (self.read.clone(), self.starred.clone())
            }
        };
        for (id, change) in &self.pending {
            if let Some(value) = change.read {
                set_member(&mut read, id, value);
            }
            if let Some(value) = change.starred {
                set_member(&mut starred, id, value);
            }
        }
        let merged = MarksFile::new(read, starred);
        durable::write_atomic(&self.path, &merged.to_bytes(), Durability::Synced)?;
        self.read = merged.read;
        self.starred = merged.starred;
        drop(lock);
        Ok(())
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{name}.lock"))
}
