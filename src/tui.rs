//! The reader on a real terminal: set-up, the event loop, and the effects
//! that need the terminal (suspend, terminal browsers).

mod browser;
mod session;
mod signals;
mod terminal;

use std::io;
use std::process::ExitCode;
use std::time::Duration;

use crossterm::event;

pub use browser::{Launch, plan as browser_plan};
pub use session::{Outside, Session, load_body};

use crate::app::{App, Options};
use crate::keymap::Keymap;
use crate::library::Library;

/// How long to wait for input before checking signals and browser outcomes.
const TICK: Duration = Duration::from_millis(100);

/// Whether `NO_COLOR` asks for a monochrome screen (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the reader until the person quits or a signal ends it.
pub fn run(library: Library, keymap: Keymap) -> io::Result<ExitCode> {
    let app = App::new(
        library,
        keymap.guide(),
        Options {
            monochrome: no_color(),
        },
    );
    let signals = signals::Signals::register()?;
    let tty = terminal::init()?;
    let result = Session::new(app, keymap, tty).and_then(|session| event_loop(session, &signals));
    let restored = terminal::leave();
    let code = result?;
    restored?;
    Ok(code)
}

fn event_loop(
    mut session: Session<terminal::TtyBackend>,
    signals: &signals::Signals,
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
