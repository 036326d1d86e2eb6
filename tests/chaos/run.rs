//! The reader on a pty whose master only the test holds: keys in through
//! a writer thread, the screen out on vt100, resizes, signals and closing
//! the terminal.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::pty::home_env;

pub(crate) struct Run {
    child: std::process::Child,
    /// Writes go through a thread: a reader that stopped reading must fail
    /// the checks, not hang the test.
    writer: Option<Sender<Vec<u8>>>,
    /// The master side kept for resizing; every copy of it is dropped to
    /// close the terminal.
    control: Option<File>,
    closing: Arc<AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
    wire: Arc<Mutex<(vt100::Parser, Vec<u8>)>>,
}

impl Run {
    /// The reader on a pty whose master only this test holds (so closing
    /// it really closes the terminal), as its session's controlling
    /// terminal (so resizes send SIGWINCH and closing sends SIGHUP), via
    /// `setsid --ctty`.
    pub(crate) fn start(home: &Path, archive: &Path, (cols, rows): (u16, u16)) -> Run {
        use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let master = File::from(master);
        set_size(&master, cols, rows);
        // Writes must not block when the reader stops reading.
        let flags = rustix::fs::fcntl_getfl(&master).unwrap();
        rustix::fs::fcntl_setfl(&master, flags | rustix::fs::OFlags::NONBLOCK).unwrap();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        // Random bytes can type `|`, a command and Enter: with only `true`
        // on the PATH nothing they spell can run, and `P` finds no pager.
        let setsid = ["/usr/bin/setsid", "/bin/setsid"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("setsid (util-linux)");
        let child = std::process::Command::new(setsid)
            .arg("--ctty")
            .arg(env!("CARGO_BIN_EXE_inkstone"))
            .arg(archive)
            .env("TERM", "xterm-256color")
            .envs(home_env(home))
            .env("BROWSER", "true")
            .env("PATH", only_true(home))
            .env("RUST_BACKTRACE", "1")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave)
            .spawn()
            .expect("setsid and inkstone start");
        let closing = Arc::new(AtomicBool::new(false));
        let (writer, to_write) = std::sync::mpsc::channel::<Vec<u8>>();
        let mut pty_writer = master.try_clone().unwrap();
        let stop = Arc::clone(&closing);
        let writing = std::thread::spawn(move || {
            for bytes in to_write {
                let mut rest = &bytes[..];
                while !rest.is_empty() {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    match pty_writer.write(rest) {
                        Ok(n) => rest = &rest[n..],
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(_) => return,
                    }
                }
            }
        });
        let wire = Arc::new(Mutex::new((
            vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            Vec::new(),
        )));
        let sink = Arc::clone(&wire);
        let mut output = master.try_clone().unwrap();
        let stop = Arc::clone(&closing);
        let reading = std::thread::spawn(move || {
            use rustix::event::{PollFd, PollFlags, Timespec, poll};
            let mut buf = [0u8; 16384];
            while !stop.load(Ordering::SeqCst) {
                let mut fds = [PollFd::new(&output, PollFlags::IN)];
                let timeout = Timespec {
                    tv_sec: 0,
                    tv_nsec: 20_000_000,
                };
                if poll(&mut fds, Some(&timeout)).unwrap_or(0) == 0 {
                    continue;
                }
                let n = match output.read(&mut buf) {
                    Ok(0) => return,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                    // EIO: the reader ended and the slave side is closed.
                    Err(_) => return,
                };
                let mut wire = sink.lock().unwrap();
                wire.0.process(&buf[..n]);
                // Only the tail matters (a panic message at the end).
                wire.1.extend_from_slice(&buf[..n]);
                let len = wire.1.len();
                if len > 1 << 20 {
                    wire.1.drain(..len - (1 << 16));
                }
            }
        });
        Run {
            child,
            writer: Some(writer),
            control: Some(master),
            closing,
            threads: vec![writing, reading],
            wire,
        }
    }

    pub(crate) fn send(&mut self, bytes: &[u8]) {
        // The reader may have gone (a signal): later writes just fail.
        if let Some(writer) = &self.writer {
            let _ = writer.send(bytes.to_vec());
        }
    }

    pub(crate) fn resize(&mut self, cols: u16, rows: u16) {
        self.wire
            .lock()
            .unwrap()
            .0
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        if let Some(master) = &self.control {
            set_size(master, cols, rows);
        }
    }

    /// Closes the terminal: every copy of the master side is dropped.
    pub(crate) fn close(&mut self) {
        self.closing.store(true, Ordering::SeqCst);
        self.writer = None;
        self.control = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }

    pub(crate) fn screen(&self) -> String {
        self.wire.lock().unwrap().0.screen().contents()
    }

    /// The bottom row (the status line).
    pub(crate) fn status_line(&self) -> String {
        let wire = self.wire.lock().unwrap();
        let screen = wire.0.screen();
        let (rows, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .nth(usize::from(rows.get() - 1))
            .unwrap_or_default()
    }

    pub(crate) fn tail(&self) -> String {
        String::from_utf8_lossy(&self.wire.lock().unwrap().1).into_owned()
    }

    pub(crate) fn wait_exit(&mut self, within: Duration) -> Option<u32> {
        use std::os::unix::process::ExitStatusExt;
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let code = status
                    .code()
                    .or_else(|| status.signal().map(|s| 128 + s))
                    .unwrap_or(255);
                return Some(code.unsigned_abs());
            }
            if start.elapsed() >= within {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub(crate) fn signal(&self, name: &str) {
        let _ = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status();
    }

    /// Rows the program wrote past the right edge (the terminal wrapped).
    pub(crate) fn wrapped_rows(&self) -> Vec<u16> {
        let wire = self.wire.lock().unwrap();
        let screen = wire.0.screen();
        let (rows, _) = screen.size();
        (0..rows.get()).filter(|&r| screen.row_wrapped(r)).collect()
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close();
    }
}

/// A folder holding only a link to `true`, for the PATH.
fn only_true(home: &Path) -> PathBuf {
    let bin = home.join("only-true");
    if !bin.exists() {
        std::fs::create_dir_all(&bin).unwrap();
        let real = ["/bin/true", "/usr/bin/true"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("true");
        std::os::unix::fs::symlink(real, bin.join("true")).unwrap();
    }
    bin
}

fn set_size(master: &File, cols: u16, rows: u16) {
    let _ = rustix::termios::tcsetwinsize(
        master,
        rustix::termios::Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    );
}
