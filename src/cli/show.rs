//! `inkstone show`.

use std::process::ExitCode;

pub fn run(_args: &impl std::fmt::Debug) -> ExitCode {
    eprintln!("inkstone show: not built yet");
    ExitCode::FAILURE
}
