//! How far a load has come, shared with whoever shows it (the reader's
//! loading screen, the command line's progress bar). Loading only counts;
//! it knows nothing of how, or whether, the count is shown.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Files read so far, of how many.
#[derive(Debug, Default)]
pub struct Progress {
    read: AtomicUsize,
    /// Files found so far by a walk that reads as it lists.
    found: AtomicUsize,
    /// Files to read, when listed before reading (0: not known).
    total: AtomicUsize,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// All the files to read are known: `files` of them.
    pub fn set_total(&self, files: usize) {
        self.total.store(files, Ordering::Relaxed);
    }

    /// One more file found by a walk still going on.
    pub fn found(&self, files: usize) {
        self.found.fetch_add(files, Ordering::Relaxed);
    }

    /// Files read (or taken from the cache).
    pub fn read(&self, files: usize) {
        self.read.fetch_add(files, Ordering::Relaxed);
    }

    /// (read, total) now: the total set, else the files found so far; never
    /// less than what was read.
    pub fn get(&self) -> (usize, usize) {
        let read = self.read.load(Ordering::Relaxed);
        let total = match self.total.load(Ordering::Relaxed) {
            0 => self.found.load(Ordering::Relaxed),
            total => total,
        };
        (read, total.max(read))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_never_shows_more_read_than_total() {
        let p = Progress::new();
        assert_eq!(p.get(), (0, 0));
        p.found(4);
        p.read(3);
        assert_eq!(p.get(), (3, 4), "no total yet: the files found");
        p.set_total(10);
        p.read(2);
        assert_eq!(p.get(), (5, 10));
        p.read(9);
        assert_eq!(p.get(), (14, 14));
    }
}
