//! The real binary in a pseudo-terminal (portable-pty), its output kept as
//! raw bytes and played on a vt100 screen: start it, type, wait for text,
//! resize, signal, wait for the exit. Shared by the pty tests and the
//! benches (which include this file by path).

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

// By path: the benches include this file by path, where a plain `mod`
// would look beside it rather than in `pty/`.
#[path = "pty/process.rs"]
mod process;

/// The program's side of the terminal: what it wrote and the screen it made.
pub struct Wire {
    pub screen: vt100::Parser,
    /// Every byte written, or only the tail once there are more than
    /// `keep` (see `Pty::keep_only_tail`).
    pub bytes: Vec<u8>,
    keep: usize,
    /// Bytes written in all (`bytes` may hold only the tail).
    pub received: usize,
    /// When the last of them arrived (key-to-frame timings).
    pub last_byte: Option<Instant>,
}

/// Where typed bytes go.
enum Input {
    /// Straight to the terminal, as a person types (what key timings need).
    Direct(Box<dyn Write + Send>),
    /// Through a thread: a program that stopped reading must fail the
    /// test's checks, not hang the test (see `Pty::queue_input`).
    Queued(Sender<Vec<u8>>),
    Closed,
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    input: Input,
    master: Box<dyn MasterPty + Send>,
    wire: Arc<Mutex<Wire>>,
    /// How long `wait_for` waits before failing the test.
    patience: Duration,
}

/// `TERM` and the XDG folders and `HOME` all inside `home`, for a program
/// that must read and write only a test's own files. The layout is
/// `home/config/inkstone/config.yaml`, `home/state/inkstone/marks.json`,
/// `home/cache/inkstone/`.
pub fn isolated(program: impl AsRef<OsStr>, home: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.env("TERM", "xterm-256color");
    for (name, value) in home_env(home) {
        cmd.env(name, value);
    }
    cmd.env_remove("NO_COLOR");
    cmd
}

/// The environment that keeps a program's folders inside `home`.
pub fn home_env(home: &Path) -> [(&'static str, std::path::PathBuf); 5] {
    [
        ("HOME", home.to_path_buf()),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CACHE_HOME", home.join("cache")),
        ("XDG_DATA_HOME", home.join("data")),
    ]
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    /// Starts `cmd` on a `cols` x `rows` terminal.
    pub fn spawn(cmd: CommandBuilder, (cols, rows): (u16, u16)) -> Pty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pty");
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let mut output = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let wire = Arc::new(Mutex::new(Wire {
            screen: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            bytes: Vec::new(),
            keep: usize::MAX,
            received: 0,
            last_byte: None,
        }));
        let sink = Arc::clone(&wire);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = output.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut wire = sink.lock().unwrap();
                wire.last_byte = Some(Instant::now());
                wire.received += n;
                wire.screen.process(&buf[..n]);
                wire.bytes.extend_from_slice(&buf[..n]);
                let len = wire.bytes.len();
                if len > wire.keep {
                    let cut = len - wire.keep / 16;
                    wire.bytes.drain(..cut);
                }
            }
        });
        Pty {
            child,
            input: Input::Direct(writer),
            master: pair.master,
            wire,
            patience: Duration::from_secs(60),
        }
    }

    /// How long `wait_for` waits (default 60 s: CI machines are small and
    /// busy).
    #[must_use]
    pub fn patience(mut self, patience: Duration) -> Pty {
        self.patience = patience;
        self
    }

    /// Keeps only the tail of the output's bytes once there are more than
    /// `bytes` (for long runs, where only a panic message at the end
    /// matters); the screen still sees every byte.
    pub fn keep_only_tail(&self, bytes: usize) {
        self.wire().keep = bytes;
    }

    /// Types `bytes`. A program that has gone makes later writes fail
    /// quietly: the test's checks on the screen or the exit say so.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        let bytes = bytes.as_ref();
        match &mut self.input {
            Input::Direct(writer) => {
                let _ = writer.write_all(bytes).and_then(|()| writer.flush());
            }
            Input::Queued(queue) => {
                let _ = queue.send(bytes.to_vec());
            }
            Input::Closed => {}
        }
    }

    /// From now on typed bytes go through a thread, so a program that stops
    /// reading cannot block the test in `send`.
    pub fn queue_input(&mut self) {
        let Input::Direct(mut writer) = std::mem::replace(&mut self.input, Input::Closed) else {
            return;
        };
        let (queue, to_write) = std::sync::mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            for bytes in to_write {
                if writer
                    .write_all(&bytes)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    return;
                }
            }
        });
        self.input = Input::Queued(queue);
    }

    pub fn wire(&self) -> MutexGuard<'_, Wire> {
        self.wire.lock().unwrap()
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.wire().screen.screen().contents()
    }

    /// The bytes the program wrote (see `Wire::bytes`).
    pub fn bytes(&self) -> Vec<u8> {
        self.wire().bytes.clone()
    }

    /// The bytes as text, for failure messages.
    pub fn tail(&self) -> String {
        String::from_utf8_lossy(&self.wire().bytes).into_owned()
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the screen.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.wire()
            .screen
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        let _ = self.master.resize(size(cols, rows));
    }

    /// Waits until the screen shows every one of `texts`; fails the test
    /// after the patience, showing the screen.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < self.patience,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys`, then waits until the screen shows every one of
    /// `texts` (see `wait_for`).
    pub fn press(&mut self, keys: impl AsRef<[u8]>, texts: &[&str]) -> String {
        self.send(keys);
        self.wait_for(texts)
    }

    /// Waits until the screen no longer shows `text`; fails the test after
    /// the patience, showing the screen.
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < self.patience,
                "{text:?} stays; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys` (what quits from where the program is, such as `q` or
    /// `qq`) and fails the test unless it then ends with success within the
    /// patience.
    pub fn quit_with(&mut self, keys: &str) {
        self.send(keys);
        let status = self.wait_for_exit(self.patience);
        assert!(status.success(), "{status:?}");
    }

    /// Polls `done` on the screen's text until it holds (true) or `within`
    /// has passed (false), every `every`.
    pub fn poll(
        &self,
        within: Duration,
        every: Duration,
        mut done: impl FnMut(&str) -> bool,
    ) -> bool {
        let start = Instant::now();
        loop {
            if done(&self.screen()) {
                return true;
            }
            if start.elapsed() >= within {
                return false;
            }
            std::thread::sleep(every);
        }
    }

    /// Rows the program wrote past the right edge (the terminal wrapped).
    pub fn wrapped_rows(&self) -> Vec<u16> {
        let wire = self.wire();
        let screen = wire.screen.screen();
        let (rows, _) = screen.size();
        (0..rows.get()).filter(|&r| screen.row_wrapped(r)).collect()
    }
}
