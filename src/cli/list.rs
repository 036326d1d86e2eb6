//! `inkstone list`.

use std::process::ExitCode;

pub fn run(_args: &impl std::fmt::Debug) -> ExitCode {
    eprintln!("inkstone list: not built yet");
    ExitCode::FAILURE
}
