//! When the marks' changes are due to be saved: a while after the first
//! tick that saw them, one save at a time, and after a failure not before
//! a retry delay. The times come from ticks; the writing itself is an
//! `Effect::SaveMarks`.

use std::time::Instant;

use crate::marks::{RETRY_DELAY, SAVE_DELAY, SaveError, SaveJob, SaveOutcome};

/// The saving schedule of a [`super::MarkState`].
#[derive(Debug, Default)]
pub(super) struct SaveSchedule {
    /// When a tick first saw changes waiting: they are saved
    /// [`SAVE_DELAY`] later.
    unsaved_since: Option<Instant>,
    /// After a failed save, no new one before this.
    retry_at: Option<Instant>,
    /// A save failed since the last tick (which then sets `retry_at`).
    failed: bool,
    /// Saves handed to the writer and not answered yet.
    saving: usize,
}

impl SaveSchedule {
    /// A save failed since the last tick.
    fn failed(&self) -> bool {
        self.failed
    }

    /// Whether changes may go to the writer right away (not while waiting
    /// to retry a failed save).
    fn may_flush(&self) -> bool {
        !self.failed && self.retry_at.is_none()
    }

    /// Whether a save is under way.
    fn under_way(&self) -> bool {
        self.saving > 0
    }

    /// A tick at `now`: `Some` when changes (`pending`) are to be saved,
    /// once they have waited [`SAVE_DELAY`] and no save is under way (nor,
    /// after a failure, before [`RETRY_DELAY`] has passed).
    fn due(&mut self, now: Instant, pending: bool) -> Option<()> {
        if std::mem::take(&mut self.failed) {
            self.retry_at = Some(now + RETRY_DELAY);
        }
        if !pending {
            return None;
        }
        let since = *self.unsaved_since.get_or_insert(now);
        let due = self
            .retry_at
            .map_or(since + SAVE_DELAY, |retry| retry.max(since + SAVE_DELAY));
        (self.saving == 0 && now >= due).then_some(())
    }

    /// The changes are being taken for a save: none wait any more.
    fn handing_over(&mut self) {
        self.unsaved_since = None;
    }

    /// A save went to the writer.
    fn handed_over(&mut self) {
        self.saving += 1;
    }

    /// A save was answered (`ok`), with changes still `pending` or not.
    fn answered(&mut self, ok: bool, pending: bool) {
        self.saving = self.saving.saturating_sub(1);
        if !ok {
            self.failed = true;
        } else if !pending {
            self.retry_at = None;
        }
    }
}

impl super::MarkState {
    /// Whether a tick has work here: changes to save (once due), or a
    /// failure to wait out.
    pub fn needs_tick(&self) -> bool {
        self.marks.has_pending() || self.saving.failed()
    }

    /// Whether there are changes to hand to the writer right away (none
    /// while waiting to retry a failed save): the reader saves each mark
    /// as soon as the action that made it is done (`Action::FlushMarks`),
    /// so a reader that then stalls and is ended by the quit watchdog
    /// still keeps it.
    pub fn wants_flush(&self) -> bool {
        self.marks.has_pending() && self.saving.may_flush()
    }

    /// Whether changes are unsaved or a save is under way.
    pub fn is_dirty(&self) -> bool {
        self.marks.has_pending() || self.saving.under_way()
    }

    /// The changes to write at `now` (a tick's time), when they are due
    /// (see [`SaveSchedule::due`]).
    pub fn save_if_due(&mut self, now: Instant) -> Option<SaveJob> {
        self.saving.due(now, self.marks.has_pending())?;
        self.save_now()
    }

    /// Every change, to write now (at exit).
    pub fn save_now(&mut self) -> Option<SaveJob> {
        self.saving.handing_over();
        let job = self.marks.take_save()?;
        self.saving.handed_over();
        Some(job)
    }

    /// Takes in how a save went; the notices it brought are in
    /// `take_notices`.
    pub fn saved(&mut self, outcome: SaveOutcome) -> Result<(), SaveError> {
        let result = self.marks.finish_save(outcome);
        self.saving
            .answered(result.is_ok(), self.marks.has_pending());
        result
    }

    /// `Action::MarksSaved`: takes in what a save found (another process's
    /// marks, a file that had to be set aside) or why it failed, reading
    /// the flags again when other marks came in. Returns what to show as an
    /// error: why it failed, else the last notice.
    pub(in crate::app) fn answered(
        &mut self,
        outcome: SaveOutcome,
        articles: &[crate::article::Article],
    ) -> Option<String> {
        let saved = self.saved(outcome);
        let notice = self.take_notices().pop();
        if self.is_outdated() {
            self.rebuild(articles);
        }
        match saved {
            Err(e) => Some(format!("{e} (will try again)")),
            Ok(()) => notice,
        }
    }
}
