//! The reader on a real terminal: set-up, the event loop, and the effects
//! that need the terminal (suspend, terminal browsers).

mod browser;
mod effects;
mod input;
mod live;
mod loading;
mod pipe;
mod session;
mod signals;
mod terminal;

use std::io;
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub use browser::{Launch, plan as browser_plan};
pub use effects::{Runner, Workers};
pub use live::{Live, app_for};
pub use pipe::{osc52, plain_text};
pub use session::{Outside, Session, load_body, load_body_marking};

use crate::config::Config;
use crate::keymap::Keymap;
use crate::startup::{Locations, Startup};

/// How long to wait for input before checking signals and browser outcomes.
const TICK: Duration = Duration::from_millis(100);
/// How long to wait for input while a worker runs (a body being read).
const BUSY_TICK: Duration = Duration::from_millis(10);
/// How long a frame waits for a worker's outcome (a body that reads
/// quickly), so the article appears whole rather than "Loading…" first;
/// a slower one is drawn when it arrives, and keys work meanwhile.
const SETTLE: Duration = Duration::from_millis(150);

/// Whether `NO_COLOR` asks for a monochrome screen (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Takes the terminal, opens the library for `paths` behind a loading
/// screen (see `loading`), then runs the reader as [`run`] does.
pub fn open_and_run(
    config: Config,
    paths: &[std::path::PathBuf],
    at: &Locations,
    keymap: Keymap,
    dates: crate::overview::DateRange,
) -> io::Result<ExitCode> {
    let watchdog = signals::Watchdog::start()?;
    let signals = signals::Signals::register(&watchdog)?;
    let mut tty = terminal::init(config.mouse)?;
    let input = match input::Reader::start(watchdog.clone()) {
        Ok(input) => input,
        Err(e) => {
            let _ = terminal::leave();
            return Err(e);
        }
    };
    match loading::open(&mut tty, &signals, &input, config, paths, at) {
        Ok(loading::Loaded::Ready(startup)) => {
            let taken = Taken {
                watchdog,
                signals,
                tty,
                input,
            };
            run_on(taken, *startup, keymap, dates)
        }
        Ok(loading::Loaded::Quit(code)) => {
            watchdog.exiting();
            terminal::release(tty);
            terminal::leave()?;
            // The load goes on on its thread: nothing waits for it.
            end_now(code)
        }
        Err(e) => {
            terminal::release(tty);
            let _ = terminal::leave();
            Err(e)
        }
    }
}

/// Runs the reader until the person quits or a signal ends it, then saves
/// the marks and prints what went wrong doing so. Nothing else holds the
/// exit: background work (the cache write, search, rechecks) just stops.
pub fn run(startup: Startup, keymap: Keymap) -> io::Result<ExitCode> {
    let watchdog = signals::Watchdog::start()?;
    let signals = signals::Signals::register(&watchdog)?;
    let tty = terminal::init(startup.config.mouse)?;
    let input = match input::Reader::start(watchdog.clone()) {
        Ok(input) => input,
        Err(e) => {
            let _ = terminal::leave();
            return Err(e);
        }
    };
    let taken = Taken {
        watchdog,
        signals,
        tty,
        input,
    };
    run_on(
        taken,
        startup,
        keymap,
        crate::overview::DateRange::default(),
    )
}

/// The terminal taken over, with what listens to it.
struct Taken {
    watchdog: signals::Watchdog,
    signals: signals::Signals,
    tty: terminal::Tty,
    input: input::Reader,
}

fn run_on(
    taken: Taken,
    startup: Startup,
    keymap: Keymap,
    dates: crate::overview::DateRange,
) -> io::Result<ExitCode> {
    let Taken {
        watchdog,
        signals,
        tty,
        input,
    } = taken;
    let (mut app, mut live) = app_for(startup, &keymap);
    if dates.is_set() {
        app.update(crate::app::Action::FilterDates(dates));
    }
    let mut session = match Session::new(app, keymap, tty) {
        Ok(session) => session.on_workers(),
        Err(e) => {
            let _ = terminal::leave();
            return Err(e);
        }
    };
    let loops = Loop {
        signals: &signals,
        input: &input,
        watchdog: &watchdog,
    };
    let result = match loops.run(&mut session, &mut live) {
        // A closed terminal shows up as a failed write as often as a
        // hang-up or the input's end: the same end, the same status.
        Err(e) if terminal::gone(&e) => Ok(Ended::TerminalLost),
        other => other,
    };
    watchdog.exiting();
    let lost = matches!(result, Ok(Ended::TerminalLost));
    let restored = if lost { Ok(()) } else { terminal::leave() };
    let (messages, saved) = session.finish_saving();
    let (app, tty) = session.into_parts();
    terminal::release(tty);
    for message in &messages {
        say(message);
    }
    if !saved {
        say("marks could not be saved (see above); exiting with status 1");
    }
    // Freeing a million articles one by one takes longer than the whole
    // quit may; the system takes the memory back at once when we exit.
    std::mem::forget(app);
    std::mem::forget(live);
    let code = match result {
        Ok(Ended::TerminalLost) => 129,
        Ok(Ended::With(code)) => code,
        Err(e) => return Err(e),
    };
    restored?;
    end_now(if saved { code } else { 1 })
}

/// Ends the process here, the terminal given back and the marks saved:
/// returning through the callers would drop the session and what listens
/// to the terminal, and dropping waits for nothing useful (the runner's
/// channels and their queued answers, the search thread, the index being
/// built). Work in flight just stops: the metadata cache and the search
/// index are written to temporary files renamed into place only when
/// whole, so a write cut short leaves the old file, the next start
/// removes the temporary ones (`durable::remove_orphan_temps`) and does
/// the work again.
fn end_now(code: i32) -> ! {
    use std::io::Write;
    let _ = io::stdout().flush();
    std::process::exit(code)
}

/// A message on standard error, which may be a terminal that is gone:
/// failing to print must not crash the exit that saves marks.
fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "inkstone: {message}");
}

/// How the loop ended.
enum Ended {
    /// With this exit status.
    With(i32),
    TerminalLost,
}

/// What the event loop listens to.
struct Loop<'a> {
    signals: &'a signals::Signals,
    input: &'a input::Reader,
    watchdog: &'a signals::Watchdog,
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

    fn run(
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
