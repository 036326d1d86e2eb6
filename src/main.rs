use std::process::ExitCode;

fn main() -> ExitCode {
    inkstone::cli::run()
}
