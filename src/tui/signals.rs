//! Signals that end the reader: SIGTERM, SIGHUP and SIGINT set a flag the
//! event loop checks, so the terminal is restored before exiting.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The last terminating signal received, if any.
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register_usize(
                signal,
                Arc::clone(&received),
                signal.unsigned_abs() as usize,
            )?;
        }
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
