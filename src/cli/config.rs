//! `inkstone config`: check the config file, print the default, or say
//! where the file is looked for.

use std::io::Write;
use std::process::ExitCode;

use super::ConfigArgs;
use crate::config::{Config, DEFAULT_YAML};

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
    if !path.exists() {
        return print(&format!(
            "{}: no such file; defaults apply (`inkstone config --default` prints a commented one)\n",
            path.display()
        ));
    }
    match Config::load(&path) {
        Ok(_) => print(&format!("{}: ok\n", path.display())),
        Err(e) => {
            eprintln!("inkstone: {e}");
            ExitCode::FAILURE
        }
    }
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
