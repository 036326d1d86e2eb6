//! A progress bar on stderr (indicatif) while a command loads a library:
//! only on a terminal, and only once the load has taken a second.

use std::io::IsTerminal;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::library::Progress;

/// How long a load goes without a bar.
const QUIET: Duration = Duration::from_secs(1);
/// How often the bar is brought up to date.
const STEP: Duration = Duration::from_millis(100);

/// Runs `load`, showing its progress on stderr if it is a terminal and the
/// load takes longer than [`QUIET`]. The bar is cleared before returning.
pub fn with_bar<T>(load: impl FnOnce(&Progress) -> T) -> T {
    let progress = Progress::new();
    if !std::io::stderr().is_terminal() {
        return load(&progress);
    }
    let (done, wait) = channel::<()>();
    std::thread::scope(|scope| {
        let shown = &progress;
        scope.spawn(move || {
            // Ends at once when the load is done (the sender is dropped).
            if wait.recv_timeout(QUIET) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} reading articles {pos}/{len} {wide_bar}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            loop {
                let (read, total) = shown.get();
                bar.set_length(total as u64);
                bar.set_position(read as u64);
                if wait.recv_timeout(STEP) != Err(RecvTimeoutError::Timeout) {
                    break;
                }
            }
            bar.finish_and_clear();
        });
        let out = load(&progress);
        drop(done);
        out
    })
}
