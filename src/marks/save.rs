//! When marks are saved: the debounce, handing changes to the saving
//! thread, and taking its reports back into memory.

use std::collections::HashMap;
use std::time::Instant;

use super::{Change, Marks, RETRY_DELAY, file, saver, set_member};
use crate::marks::SaveError;

impl Marks {
    /// Starts a save when a change has waited [`SAVE_DELAY`] and takes in
    /// finished ones; cheap, never waits for the disk. Returns whether a
    /// save finished. After an error it waits a few seconds before trying
    /// again, so a full disk does not spin the loop.
    pub fn save_if_due(&mut self, now: Instant) -> Result<bool, SaveError> {
        let finished = self.take_finished(false)?;
        if self.in_flight == 0 && self.save_due_at().is_some_and(|due| now >= due) {
            self.start_save()?;
        }
        Ok(finished)
    }

    /// Hands every change made so far to the saving thread now, without
    /// waiting for the disk or for [`super::SAVE_DELAY`]: the reader does
    /// this after each action, so a mark is on its way to the disk before
    /// whatever the next key does, and a reader that then stalls and is
    /// ended by the watchdog still keeps it (see [`settle`]). The thread
    /// writes changes that queue up while it is busy in one go. Errors
    /// wait for the next [`Marks::save_if_due`].
    pub fn hand_over(&mut self) {
        if self.pending.is_empty() || self.retry_at.is_some() {
            return;
        }
        if let Err(e) = self.start_save() {
            // Reported by the next tick's save, which retries.
            self.notices.push(e.to_string());
        }
    }

    /// Writes every change now and waits until it is on disk (at exit).
    /// Marks another process saved meanwhile are merged in, and become
    /// visible here too.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.take_finished(false)?;
        if !self.pending.is_empty() {
            self.start_save()?;
        }
        self.take_finished(true).map(|_| ())
    }

    fn start_save(&mut self) -> Result<(), SaveError> {
        if !self.writable {
            // The user was told when the file was found unusable; keep the
            // session usable without retrying forever.
            self.pending.clear();
            self.first_unsaved = None;
            return Ok(());
        }
        if self.saver.is_none() {
            // Once per session: the saving thread keeps its own copy.
            let known = file::MarksFile::new(self.read.clone(), self.starred.clone());
            let saver =
                saver::Saver::start(self.path.clone(), known).map_err(|e| self.failed(e))?;
            self.saver = Some(saver);
        }
        let changes = std::mem::take(&mut self.pending);
        self.first_unsaved = None;
        let sent = self.saver.as_ref().map(|s| s.send(saver::Job { changes }));
        match sent {
            Some(Ok(())) => {
                self.in_flight += 1;
                Ok(())
            }
            Some(Err(job)) => {
                self.saver = None;
                self.give_back(job.changes);
                Err(self.failed(std::io::Error::other("the saving thread stopped")))
            }
            None => Ok(()),
        }
    }

    /// Applies finished saves; with `wait`, until none is in flight.
    fn take_finished(&mut self, wait: bool) -> Result<bool, SaveError> {
        let mut finished = false;
        let mut error = None;
        while self.in_flight > 0 {
            let Some(saver) = &self.saver else { break };
            let done = if wait {
                saver.done.recv().ok()
            } else {
                saver.done.try_recv().ok()
            };
            let Some(done) = done else { break };
            self.in_flight -= 1;
            finished = true;
            match done.result {
                Ok(report) => self.apply_saved(report),
                Err(e) => {
                    self.give_back(done.changes);
                    error = Some(self.failed(e));
                }
            }
        }
        if wait && self.in_flight > 0 {
            self.in_flight = 0;
            self.saver = None;
            error = Some(self.failed(std::io::Error::other("the saving thread stopped")));
        }
        error.map_or(Ok(finished), Err)
    }

    fn apply_saved(&mut self, saved: saver::Saved) {
        self.notices.extend(saved.notices);
        if saved.read_only {
            self.writable = false;
        }
        if let Some((read, starred)) = saved.merged {
            // Another process's marks, with this one's newer changes on top.
            self.read = read;
            self.starred = starred;
            self.revision += 1;
            for (id, change) in &self.pending {
                if let Some(value) = change.read {
                    set_member(&mut self.read, id, value);
                }
                if let Some(value) = change.starred {
                    set_member(&mut self.starred, id, value);
                }
            }
        }
        if self.pending.is_empty() {
            self.retry_at = None;
        }
    }

    /// Puts back the changes of a failed save under any made since.
    fn give_back(&mut self, changes: HashMap<String, Change>) {
        for (id, old) in changes {
            let now = self.pending.entry(id).or_default();
            now.read = now.read.or(old.read);
            now.starred = now.starred.or(old.starred);
        }
        self.first_unsaved.get_or_insert_with(Instant::now);
    }

    fn failed(&mut self, source: std::io::Error) -> SaveError {
        self.retry_at = Some(Instant::now() + RETRY_DELAY);
        SaveError {
            path: self.path.clone(),
            source,
        }
    }
}
