//! Start-up behind a loading screen: the library is opened on a thread
//! while the terminal, already taken, shows how far it has come once the
//! load has lasted [`QUIET`], so a slow start is never a blank terminal.
//! `q` or Ctrl-c quits at once, without waiting for the load.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{TryRecvError, channel};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use super::input::{Input, Reader};
use super::signals::Signals;
use super::terminal::Tty;
use crate::config::Config;
use crate::library::{Library, Progress};
use crate::startup::{Locations, Startup};
use crate::ui;

/// A load shorter than this shows no loading screen (it would only flash).
const QUIET: Duration = Duration::from_millis(300);
/// How often the loading screen is redrawn (the load's end wakes the
/// wait at once: see `Reader::waker`).
const STEP: Duration = Duration::from_millis(50);

/// How the loading ended.
pub enum Loaded {
    Ready(Box<Startup>),
    /// The person quit, a signal came or the terminal closed: exit with
    /// this status.
    Quit(i32),
}

/// Opens the library for `paths` on a thread (see [`Startup::open`]),
/// drawing the loading screen on `tty` while it takes longer than [`QUIET`].
pub fn open(
    tty: &mut Tty,
    signals: &Signals,
    input: &Reader,
    config: Config,
    paths: &[PathBuf],
    at: &Locations,
) -> std::io::Result<Loaded> {
    // Widths are measured the configured way from the first frame on.
    config.apply_globals();
    let paths = Startup::paths(&config, paths);
    let name = Library::name_for(&paths);
    let progress = Arc::new(Progress::new());
    let (send, receive) = channel();
    let (counter, at) = (Arc::clone(&progress), at.clone());
    let waker = input.waker();
    std::thread::Builder::new()
        .name("inkstone-load".into())
        .spawn(move || {
            let startup = Startup::open_reporting(config, &paths, &at, &counter);
            let _ = send.send(startup);
            waker.wake();
        })?;
    let started = Instant::now();
    loop {
        match receive.try_recv() {
            Ok(startup) => return Ok(Loaded::Ready(Box::new(startup))),
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                return Err(std::io::Error::other("loading the library failed"));
            }
        }
        if let Some(signal) = signals.take() {
            return Ok(Loaded::Quit(128 + signal));
        }
        // Waits for input (or the load's end) at most a step; keys other
        // than quitting ones are dropped while loading.
        match input.next(STEP) {
            Some(Input::Closed) => return Ok(Loaded::Quit(129)),
            Some(Input::Event(event)) if quits(&event) => return Ok(Loaded::Quit(0)),
            // The load ended: take it without drawing the screen again.
            Some(Input::Wake) => continue,
            _ => {}
        }
        if started.elapsed() >= QUIET {
            let (read, total) = progress.get();
            tty.draw(|frame| ui::draw_loading(frame, &name, read, total))?;
        }
    }
}

/// `q` or Ctrl-c; other keys are dropped while loading.
fn quits(event: &Event) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    key.kind != KeyEventKind::Release
        && (key.code == KeyCode::Char('q')
            || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)))
}
