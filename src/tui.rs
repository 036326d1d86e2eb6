//! The reader on a real terminal: taking it over, running the event loop
//! (`event_loop`), and giving it back and exiting with the marks saved.

mod browser;
mod effects;
mod event_loop;
mod input;
mod live;
mod loading;
mod pipe;
mod session;
mod signals;
mod terminal;

use std::io;
use std::process::ExitCode;

pub use browser::{Launch, plan as browser_plan};
pub use effects::{Runner, Workers};
pub use live::{Live, app_for};
pub use pipe::{osc52, plain_text};
pub use session::{Outside, Session, load_body, load_body_marking};

use crate::config::Config;
use crate::keymap::Keymap;
use crate::startup::{Locations, Startup};
use event_loop::{Ended, Loop};

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
