//! Signals that end the reader: SIGTERM, SIGHUP and SIGINT set a flag the
//! event loop checks, so the terminal is restored before exiting.
//!
//! A watchdog thread also sees SIGTERM and SIGHUP: if the process is still
//! running a moment later it restores what it can and exits. The loop may
//! be stuck where it cannot look at the flag: crossterm spins reading a
//! terminal that hung up, and a terminal browser may be running.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// How long the event loop gets to exit by itself.
const GRACE: Duration = Duration::from_secs(1);

/// The last terminating signal received, if any.
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        let flag = |signal: i32| signal.unsigned_abs() as usize;
        signal_hook::flag::register_usize(SIGINT, Arc::clone(&received), flag(SIGINT))?;
        let mut fatal = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
        let seen = Arc::clone(&received);
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = fatal.forever().next() {
                    seen.store(flag(signal), Ordering::SeqCst);
                    std::thread::sleep(GRACE);
                    let _ = super::terminal::leave();
                    std::process::exit(128 + signal);
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
