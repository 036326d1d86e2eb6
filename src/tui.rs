//! The reader on a real terminal: set-up, the event loop, and the effects
//! that need the terminal (suspend, terminal browsers).

mod browser;
mod live;
mod loading;
mod session;
mod signals;
mod terminal;

use std::io;
use std::process::ExitCode;
use std::time::Duration;

use crossterm::event;

pub use browser::{Launch, plan as browser_plan};
pub use live::{Live, app_for};
pub use session::{Outside, Session, load_body};

use crate::config::Config;
use crate::keymap::Keymap;
use crate::startup::{Locations, Startup};

/// How long to wait for input before checking signals and browser outcomes.
const TICK: Duration = Duration::from_millis(100);

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
) -> io::Result<ExitCode> {
    let signals = signals::Signals::register()?;
    let mut tty = terminal::init(config.mouse)?;
    match loading::open(&mut tty, &signals, config, paths, at) {
        Ok(loading::Loaded::Ready(startup)) => run_on(tty, &signals, *startup, keymap),
        Ok(loading::Loaded::Quit(code)) => {
            terminal::leave()?;
            Ok(ExitCode::from(code))
        }
        Err(e) => {
            let _ = terminal::leave();
            Err(e)
        }
    }
}

/// Runs the reader until the person quits or a signal ends it, then saves
/// the marks and prints what went wrong doing so. Nothing else holds the
/// exit: background work (the cache write, search, rechecks) just stops.
pub fn run(startup: Startup, keymap: Keymap) -> io::Result<ExitCode> {
    let signals = signals::Signals::register()?;
    let tty = terminal::init(startup.config.mouse)?;
    run_on(tty, &signals, startup, keymap)
}

fn run_on(
    tty: terminal::Tty,
    signals: &signals::Signals,
    startup: Startup,
    keymap: Keymap,
) -> io::Result<ExitCode> {
    let (app, mut live) = app_for(startup, &keymap);
    let mut session = match Session::new(app, keymap, tty) {
        Ok(session) => session,
        Err(e) => {
            let _ = terminal::leave();
            return Err(e);
        }
    };
    let result = event_loop(&mut session, signals, &mut live);
    let restored = terminal::leave();
    let mut app = session.into_app();
    for message in app.finish() {
        eprintln!("inkstone: {message}");
    }
    // Freeing a million articles one by one takes longer than the whole
    // quit may; the system takes the memory back at once when we exit.
    std::mem::forget(app);
    std::mem::forget(live);
    let code = result?;
    restored?;
    Ok(code)
}

fn event_loop(
    session: &mut Session<terminal::TtyBackend>,
    signals: &signals::Signals,
    live: &mut Live,
) -> io::Result<ExitCode> {
    session.draw()?;
    // Starts the search index right after the first frame.
    session.tick();
    loop {
        if let Some(signal) = signals.take() {
            return Ok(ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)));
        }
        let mut outside = Vec::new();
        if event::poll(TICK)? {
            // Take everything already typed before drawing, so a held key
            // or a burst of wheel events costs one frame, not one each.
            loop {
                outside.extend(session.handle_event(&event::read()?));
                if !outside.is_empty() || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        outside.extend(session.poll_reports());
        outside.extend(session.tick());
        outside.extend(live.poll(session));
        for request in outside {
            match request {
                Outside::Quit => return Ok(ExitCode::SUCCESS),
                Outside::Suspend => {
                    terminal::suspend()?;
                    session.redraw_all()?;
                }
                Outside::Redraw => session.redraw_all()?,
                Outside::RunInTerminal { url, command } => {
                    terminal::leave()?;
                    let outcome = browser::open_in_terminal(&url, command.as_deref());
                    terminal::enter()?;
                    // A Ctrl-C meant for the browser must not end the reader.
                    let _ = signals.take();
                    session.dispatch(outcome);
                    session.redraw_all()?;
                }
            }
        }
        session.draw_if_needed()?;
    }
}
