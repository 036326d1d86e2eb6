//! The program's life in the pty: waiting for its exit, signalling it,
//! and killing it when the `Pty` is dropped.

use std::time::{Duration, Instant};

use portable_pty::ExitStatus;

use super::Pty;

impl Pty {
    /// The exit status once the program has ended within `within`, else
    /// `None` (the program is left running).
    pub fn exit_within(&mut self, within: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if start.elapsed() >= within {
                return None;
            }
            // Fine enough for the benches' time-to-quit.
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// The exit code once the program has ended within `within`, else
    /// `None`.
    pub fn exit_code_within(&mut self, within: Duration) -> Option<u32> {
        self.exit_within(within).map(|status| status.exit_code())
    }

    /// The exit status, failing the test (and killing the program) if it
    /// does not end within `within`.
    pub fn wait_for_exit(&mut self, within: Duration) -> ExitStatus {
        self.exit_within(within).unwrap_or_else(|| {
            let _ = self.child.kill();
            panic!(
                "inkstone did not quit in {within:?}; the screen shows:\n{}",
                self.screen()
            )
        })
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends signal `name` (`HUP`, `TERM`, …) to the running program.
    pub fn signal(&self, name: &str) {
        assert!(self.try_signal(name), "kill -{name} failed");
    }

    /// Sends signal `name` if the program may still run; whether `kill`
    /// succeeded.
    pub fn try_signal(&self, name: &str) -> bool {
        self.pid().is_some_and(|pid| {
            std::process::Command::new("kill")
                .args([&format!("-{name}"), &pid.to_string()])
                .status()
                .is_ok_and(|s| s.success())
        })
    }

    pub fn kill(&mut self) {
        self.child.kill().unwrap();
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
