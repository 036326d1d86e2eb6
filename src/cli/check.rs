//! `inkstone check`.

use std::process::ExitCode;

pub fn run(_args: &impl std::fmt::Debug) -> ExitCode {
    eprintln!("inkstone check: not built yet");
    ExitCode::FAILURE
}
