//! Signals that end the reader (SIGTERM, SIGHUP, SIGINT) and the watchdog
//! that makes sure it does end.
//!
//! A signal sets a flag the event loop checks every tick; the loop then
//! leaves like on `q`: terminal restored, marks and cache saved. The loop
//! may be unable to look (a slow frame, a terminal that stopped reading our
//! output), so the signal, and Ctrl-c seen by the input thread, also arm a
//! [`Watchdog`]: if the loop has not begun to exit within [`GRACE`], the
//! watchdog waits briefly for the marks' saving thread ([`SAVES`]) and
//! exits, within a second of the Ctrl-c or signal. The reader hands every
//! mark to that thread right after the action that made it (see
//! `Session::dispatch`), so marks made before the loop got stuck are kept.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// How long the event loop gets to begin exiting by itself.
const GRACE: Duration = Duration::from_millis(700);
/// How long a stuck reader's exit waits for marks already handed to the
/// saving thread to reach the disk (GRACE + SAVES stays under a second).
const SAVES: Duration = Duration::from_millis(250);
/// How long an orderly exit (saving marks) may take before the watchdog
/// ends it anyway: a marks folder on a hung network disk must not keep a
/// closed terminal's reader alive forever.
const EXIT_GRACE: Duration = Duration::from_secs(20);

/// The last terminating signal received, if any.
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    pub fn register(watchdog: &Watchdog) -> io::Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        let flag = |signal: i32| signal.unsigned_abs() as usize;
        let mut fatal = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let seen = Arc::clone(&received);
        let watchdog = watchdog.clone();
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in fatal.forever() {
                    seen.store(flag(signal), Ordering::SeqCst);
                    watchdog.arm(128 + signal);
                }
            })?;
        Ok(Signals { received })
    }

    /// The signal number, once; `None` if nothing arrived.
    pub fn take(&self) -> Option<i32> {
        match self.received.swap(0, Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

/// Ends the process if the event loop does not end it in time.
#[derive(Clone)]
pub struct Watchdog {
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    /// The exit code and when it was asked for.
    armed: Mutex<Option<(Instant, i32)>>,
    wake: Condvar,
    /// The loop has begun to exit (restoring, saving).
    exiting: AtomicBool,
    /// A program run in the terminal has it: Ctrl-c is theirs.
    lent: AtomicBool,
}

impl Watchdog {
    pub fn start() -> io::Result<Watchdog> {
        let shared = Arc::new(Shared::default());
        let watching = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("inkstone-watchdog".into())
            .spawn(move || watch(&watching))?;
        Ok(Watchdog { shared })
    }

    /// Asks for the process to end with `code` unless the loop begins to
    /// exit within [`GRACE`]. The first request counts.
    pub fn arm(&self, code: i32) {
        if self.shared.lent.load(Ordering::SeqCst) && code == 130 {
            return;
        }
        let mut armed = self
            .shared
            .armed
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if armed.is_none() {
            *armed = Some((Instant::now(), code));
            self.shared.wake.notify_all();
        }
    }

    /// The loop is exiting in order: it gets [`EXIT_GRACE`] to finish.
    pub fn exiting(&self) {
        self.shared.exiting.store(true, Ordering::SeqCst);
        self.arm(1);
    }

    /// A program run in the terminal has it (or has given it back): a
    /// Ctrl-c meant for it must not end the reader.
    pub fn lend(&self, lent: bool) {
        self.shared.lent.store(lent, Ordering::SeqCst);
    }
}

fn watch(shared: &Shared) {
    let mut armed = shared.armed.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        let Some((at, code)) = *armed else {
            armed = shared
                .wake
                .wait(armed)
                .unwrap_or_else(PoisonError::into_inner);
            continue;
        };
        let exiting = shared.exiting.load(Ordering::SeqCst);
        let limit = if exiting { EXIT_GRACE } else { GRACE };
        let elapsed = at.elapsed();
        if elapsed < limit {
            armed = shared
                .wake
                .wait_timeout(armed, limit.saturating_sub(elapsed))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            continue;
        }
        // Standard error may be a terminal that is gone: printing must not
        // panic here.
        let say = |message: &str| {
            use std::io::Write;
            let _ = writeln!(io::stderr(), "inkstone: {message}");
        };
        if exiting {
            say("saving took too long; stopped");
        } else {
            let saved = crate::marks::settle(SAVES);
            let _ = super::terminal::leave();
            say(if saved {
                "the reader did not respond in time; stopped (marks made before were saved)"
            } else {
                "the reader did not respond in time; stopped without saving the last marks"
            });
        }
        std::process::exit(code);
    }
}
