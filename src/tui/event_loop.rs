//! The event loop: input, workers' outcomes, ticks and live changes in,
//! frames out; and the requests that need the terminal itself (suspend,
//! terminal browsers, pipes, the clipboard).

use std::io;
use std::time::{Duration, Instant};

use super::{Live, Outside, Session, browser, input, pipe, signals, terminal};

/// How long to wait for input before checking signals and browser outcomes.
const TICK: Duration = Duration::from_millis(100);
/// How long to wait for input while a worker runs (a body being read).
const BUSY_TICK: Duration = Duration::from_millis(10);
/// How long a frame waits for a worker's outcome (a body that reads
/// quickly), so the article appears whole rather than "Loading…" first;
/// a slower one is drawn when it arrives, and keys work meanwhile.
const SETTLE: Duration = Duration::from_millis(150);

/// How the loop ended.
pub(super) enum Ended {
    /// With this exit status.
    With(i32),
    TerminalLost,
}

/// What the event loop listens to.
pub(super) struct Loop<'a> {
    pub(super) signals: &'a signals::Signals,
    pub(super) input: &'a input::Reader,
    pub(super) watchdog: &'a signals::Watchdog,
}

impl Loop<'_> {
    /// Runs `work` (a text browser, a piped command, the pager) on the
    /// normal screen, then takes the terminal back. A Ctrl-C meant for
    /// that program must not end the reader, so signals caught meanwhile
    /// are dropped.
    fn outside_the_terminal<T>(&self, work: impl FnOnce() -> T) -> io::Result<T> {
        self.input.pause();
        self.watchdog.lend(true);
        terminal::leave()?;
        let outcome = work();
        terminal::enter()?;
        let _ = self.signals.take();
        self.watchdog.lend(false);
        self.input.resume();
        Ok(outcome)
    }

    pub(super) fn run(
        &self,
        session: &mut Session<terminal::TtyBackend>,
        live: &mut Live,
    ) -> io::Result<Ended> {
        session.draw()?;
        // Starts the search index right after the first frame.
        session.tick();
        loop {
            if let Some(signal) = self.signals.take() {
                return Ok(Ended::With(128 + signal));
            }
            let mut outside = Vec::new();
            // Take everything already typed before drawing, so a held key
            // or a burst of wheel events costs one frame, not one each.
            // While a worker runs, look often, so its outcome is drawn soon.
            let wait = if session.awaits_answers() {
                BUSY_TICK
            } else {
                TICK
            };
            let mut next = self.input.next(wait);
            while let Some(input) = next {
                match input {
                    input::Input::Event(event) => outside.extend(session.handle_event(&event)),
                    input::Input::Closed => return Ok(Ended::TerminalLost),
                    input::Input::Wake => {}
                }
                // A key that opened an article waits for its body (briefly,
                // see SETTLE) before the next key acts on it.
                next = if outside.is_empty() && !session.is_busy() {
                    self.input.try_next()
                } else {
                    None
                };
            }
            // Quitting waits for nothing in flight: no settling for a
            // worker, no reports, ticks or live changes to apply first (at
            // a million articles applying one can take longer than the
            // whole quit may). Requests before the quit still run.
            if !outside.contains(&Outside::Quit) {
                outside.extend(session.settle(Instant::now() + SETTLE));
                outside.extend(session.poll_reports());
                outside.extend(session.tick());
                outside.extend(live.poll(session));
            }
            for request in outside {
                match request {
                    Outside::Quit => return Ok(Ended::With(0)),
                    Outside::Suspend => {
                        self.input.pause();
                        terminal::suspend()?;
                        self.input.resume();
                        session.redraw_all()?;
                    }
                    Outside::Redraw => session.redraw_all()?,
                    Outside::RunInTerminal { url, command } => {
                        let outcome = self.outside_the_terminal(|| {
                            browser::open_in_terminal(&url, command.as_deref())
                        })?;
                        session.dispatch(outcome);
                        session.redraw_all()?;
                    }
                    Outside::Pipe { text, command } => {
                        let outcome =
                            self.outside_the_terminal(|| pipe::run(&text, command.as_deref()))?;
                        session.dispatch(outcome);
                        session.redraw_all()?;
                    }
                    Outside::Clipboard(bytes) => terminal::write_raw(&bytes)?,
                }
            }
            session.draw_if_needed()?;
        }
    }
}
