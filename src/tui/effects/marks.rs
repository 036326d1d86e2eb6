//! The marks writer of the effect runner: `Effect::SaveMarks` inline, or
//! on the writer thread started at the first save, and the wait for every
//! save at exit.

use super::{Runner, Workers};
use crate::app::Action;
use crate::marks::{SaveJob, SaveOutcome, Saver, Writer};

/// Writes marks: inline, or on a thread started at the first save.
pub(super) enum MarksWriter {
    Inline(Writer),
    Thread(Option<Saver>),
}

impl Runner {
    /// `Effect::SaveMarks`: writes the changes, inline or on the writer
    /// thread (whose outcome comes through the inbound channel).
    pub fn save_marks(&mut self, job: SaveJob) -> Option<Action> {
        match &mut self.marks {
            MarksWriter::Inline(writer) => Some(Action::MarksSaved(writer.write(job))),
            MarksWriter::Thread(saver) => {
                if saver.is_none() {
                    let tx = self.inbound_tx.clone();
                    match Writer::spawn(move |outcome| tx.send(Action::MarksSaved(outcome)).is_ok())
                    {
                        Ok(started) => *saver = Some(started),
                        Err(e) => {
                            let why = format!("cannot start the marks writer: {e}");
                            return Some(Action::MarksSaved(SaveOutcome::not_taken(job, &why)));
                        }
                    }
                }
                let sent = saver.as_ref().map(|s| s.send(job));
                match sent {
                    Some(Err(job)) => {
                        *saver = None;
                        let why = "the saving thread stopped";
                        Some(Action::MarksSaved(SaveOutcome::not_taken(*job, why)))
                    }
                    _ => None,
                }
            }
        }
    }

    /// At exit: waits until every save handed to the writer thread is
    /// written (and the journal folded into the marks file) and returns
    /// their outcomes, taken from the inbound channel (anything else there
    /// is dropped: the session is ending).
    pub fn finish_marks(&mut self) -> Vec<SaveOutcome> {
        match &mut self.marks {
            MarksWriter::Thread(saver) => {
                if let Some(saver) = saver.take() {
                    saver.finish();
                }
            }
            MarksWriter::Inline(writer) => writer.compact(),
        }
        let mut outcomes = Vec::new();
        while let Some(action) = self.try_recv() {
            if let Action::MarksSaved(outcome) = action {
                outcomes.push(outcome);
            }
        }
        outcomes
    }
}

impl MarksWriter {
    pub(super) fn new(workers: Workers) -> MarksWriter {
        match workers {
            Workers::Inline => MarksWriter::Inline(Writer::new()),
            Workers::Threads => MarksWriter::Thread(None),
        }
    }
}
