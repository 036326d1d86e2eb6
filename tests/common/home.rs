//! A private home for the binary: every folder it keeps things in is
//! inside the test's temporary folder (see `pty::home_env` for the layout).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn config_file(&self) -> PathBuf {
        self.path("config/inkstone/config.yaml")
    }

    pub fn write_config(&self, text: &str) {
        super::archive::write(&self.config_file(), text);
    }

    pub fn write_keymap(&self, text: &str) {
        super::archive::write(&self.path("config/inkstone/keymap.yaml"), text);
    }

    pub fn marks_file(&self) -> PathBuf {
        marks_file(self.root())
    }

    /// `inkstone <args>` with this home.
    pub fn command(&self, args: &[&str]) -> Command {
        command(self.root(), args)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run inkstone")
    }
}

/// `inkstone <args>` with its folders inside `home`.
pub fn command(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_inkstone"));
    cmd.args(args);
    for (name, value) in super::pty::home_env(home) {
        cmd.env(name, value);
    }
    cmd
}

/// Runs `cmd` without input, failing the test (and killing the process) if
/// it does not finish within `patience`.
pub fn output_within(mut cmd: Command, patience: Duration) -> Output {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run inkstone");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    if let Ok(output) = rx.recv_timeout(patience) {
        output.expect("inkstone output")
    } else {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        panic!("{cmd:?} did not finish in {patience:?}");
    }
}

pub fn marks_file(home: &Path) -> PathBuf {
    home.join("state/inkstone/marks.json")
}

/// The marks file in `home`, parsed; fails the test if it is missing or
/// not JSON.
pub fn marks(home: &Path) -> serde_json::Value {
    let path = marks_file(home);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("marks file {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("marks file not valid JSON: {e}"))
}

/// The ids starred in `home`'s marks as the next start reads them: the
/// marks file with the journal beside it (a reader that could not exit in
/// order leaves its last saves there). Fails the test if the marks are
/// unusable.
pub fn starred(home: &Path) -> Vec<String> {
    let (marks, message) = inkstone::marks::Marks::open(&marks_file(home));
    assert!(message.is_none(), "marks unusable: {message:?}");
    marks.starred_ids().map(str::to_owned).collect()
}

/// Standard output as UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as JSON lines.
pub fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}
