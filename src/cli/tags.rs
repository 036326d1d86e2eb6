//! `inkstone tags`.

use std::process::ExitCode;

pub fn run(_args: &impl std::fmt::Debug) -> ExitCode {
    eprintln!("inkstone tags: not built yet");
    ExitCode::FAILURE
}
