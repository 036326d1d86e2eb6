//! `inkstone config`: check the config file (and the keymap) exactly as
//! the reader does before it starts, print the default, or say where the
//! file is looked for.

use std::io::Write;
use std::process::ExitCode;

use super::ConfigArgs;
use crate::config::{Config, DEFAULT_YAML};
use crate::keymap::{Keymap, user_keymap_path};

pub fn run(args: &ConfigArgs) -> ExitCode {
    if args.default {
        return print(DEFAULT_YAML);
    }
    let Some(path) = Config::default_path() else {
        eprintln!("inkstone config: no home folder, so no config folder; defaults apply");
        return ExitCode::FAILURE;
    };
    if args.path {
        return print(&format!("{}\n", path.display()));
    }
    // The reader's checks, in its order and with its messages: config.yaml,
    // then keymap.yaml, then config.yaml's `keys:` over the keymap.
    let config = match Config::load(&path) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("inkstone: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = Keymap::for_config(&config) {
        eprintln!("inkstone: {e}");
        return ExitCode::FAILURE;
    }
    let mut report = if path.exists() {
        format!("{}: ok\n", path.display())
    } else {
        format!(
            "{}: no such file; defaults apply (`inkstone config --default` prints a commented one)\n",
            path.display()
        )
    };
    if let Some(keymap) = user_keymap_path().filter(|p| p.exists()) {
        report = format!("{}: ok\n{report}", keymap.display());
    }
    print(&report)
}

/// Prints to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("inkstone config: {e}");
            ExitCode::FAILURE
        }
    }
}
