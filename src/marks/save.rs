//! When [`Marks`] are saved on their own: the debounce, handing jobs to
//! the saving thread, and taking its outcomes back into the book.

use std::sync::mpsc;
use std::time::Instant;

use super::{Marks, RETRY_DELAY, SaveError, SaveOutcome, Writer};

impl Marks {
    /// Starts a save when a change has waited [`super::SAVE_DELAY`] and
    /// takes in finished ones; cheap, never waits for the disk. Returns
    /// whether a save finished. After an error it waits a few seconds
    /// before trying again, so a full disk does not spin the loop.
    pub fn save_if_due(&mut self, now: Instant) -> Result<bool, SaveError> {
        let finished = self.take_finished(false)?;
        if self.in_flight == 0 && self.save_due_at().is_some_and(|due| now >= due) {
            self.start_save()?;
        }
        Ok(finished)
    }

    /// Writes every change now and waits until it is on disk (at exit).
    /// Marks another process saved meanwhile are merged in, and become
    /// visible here too. The saving thread then ends, folding the journal
    /// into the marks file (a later save starts another).
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.take_finished(false)?;
        if self.book.has_pending() {
            self.start_save()?;
        }
        let result = self.take_finished(true).map(|_| ());
        if let Some((saver, _)) = self.saver.take() {
            saver.finish();
            self.book.forget_writer();
        }
        result
    }

    fn start_save(&mut self) -> Result<(), SaveError> {
        self.first_unsaved = None;
        let Some(job) = self.book.take_save() else {
            return Ok(());
        };
        if self.saver.is_none() {
            let (done_tx, done_rx) = mpsc::channel();
            match Writer::spawn(move |outcome| done_tx.send(outcome).is_ok()) {
                Ok(saver) => self.saver = Some((saver, done_rx)),
                Err(e) => {
                    let outcome = SaveOutcome::not_taken(job, &e.to_string());
                    return self.finish(outcome);
                }
            }
        }
        let sent = self.saver.as_ref().map(|(saver, _)| saver.send(job));
        match sent {
            Some(Ok(())) => {
                self.in_flight += 1;
                Ok(())
            }
            Some(Err(job)) => {
                self.saver = None;
                self.finish(SaveOutcome::not_taken(*job, "the saving thread stopped"))
            }
            None => Ok(()),
        }
    }

    /// Applies finished saves; with `wait`, until none is in flight.
    pub(super) fn take_finished(&mut self, wait: bool) -> Result<bool, SaveError> {
        let mut finished = false;
        let mut error = None;
        while self.in_flight > 0 {
            let Some((_, done)) = &self.saver else { break };
            let outcome = if wait {
                done.recv().ok()
            } else {
                done.try_recv().ok()
            };
            let Some(outcome) = outcome else { break };
            self.in_flight -= 1;
            finished = true;
            if let Err(e) = self.finish(outcome) {
                error = Some(e);
            }
        }
        if wait && self.in_flight > 0 {
            self.in_flight = 0;
            self.saver = None;
            self.book.forget_writer();
            error = Some(self.failed(std::io::Error::other("the saving thread stopped")));
        }
        error.map_or(Ok(finished), Err)
    }

    /// Takes in one outcome; after a failure, tries again a little later.
    fn finish(&mut self, outcome: SaveOutcome) -> Result<(), SaveError> {
        let result = self.book.finish_save(outcome);
        if result.is_err() {
            self.retry_at = Some(Instant::now() + RETRY_DELAY);
            if self.book.has_pending() {
                self.first_unsaved.get_or_insert_with(Instant::now);
            }
        } else if !self.book.has_pending() {
            self.retry_at = None;
        }
        result
    }

    fn failed(&mut self, source: std::io::Error) -> SaveError {
        self.retry_at = Some(Instant::now() + RETRY_DELAY);
        SaveError {
            path: self.book.path().to_path_buf(),
            source,
        }
    }
}
