//! Writing command output: buffered, column-aligned by display width, and
//! quiet when the reader goes away (`inkstone list | head`).

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::text::sanitize::{clean_inline, is_unsafe};

/// Runs `write` on buffered stdout. A closed pipe ends output quietly with
/// `code`; another write error is reported and fails.
pub fn to_stdout(code: ExitCode, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            // The buffer may hold a partial line; dropping it must not retry the write.
            std::mem::forget(out);
            eprintln!("inkstone: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Loads what a scripting command works on (through the config and the
/// cache, see `super::open`) and says on stderr when some files could not
/// be read or parsed (stdout stays the command's output). A bad config is
/// reported and fails the command.
pub fn open_library(
    paths: &[std::path::PathBuf],
    links: bool,
) -> Result<(crate::library::Library, super::open::CacheSaving), ExitCode> {
    let (library, saving) = super::open::library(paths, links)?;
    refuse_missing(&library)?;
    report_errors(&library);
    Ok((library, saving))
}

/// Says on stderr how many of `library`'s files could not be read or
/// parsed (see [`report_broken`]).
pub fn report_errors(library: &crate::library::Library) {
    report_broken(
        library
            .problems
            .iter()
            .filter(|p| p.severity == crate::problem::Severity::Error)
            .count(),
    );
}

/// Says on stderr that `broken` files could not be read or parsed.
pub fn report_broken(broken: usize) {
    if broken > 0 {
        eprintln!(
            "inkstone: {broken} files could not be read or parsed; `inkstone check` lists them"
        );
    }
}

/// Exit status for a path given that does not exist or cannot be read.
pub const MISSING_PATH: u8 = 2;

/// Names every path given that does not exist or cannot be read, and fails
/// with [`MISSING_PATH`]: an empty list would say the folder is empty.
pub fn refuse_missing(library: &crate::library::Library) -> Result<(), ExitCode> {
    let missing = library.missing_roots();
    if missing.is_empty() {
        return Ok(());
    }
    for problem in missing {
        eprintln!("inkstone: {}", problem_line(problem));
    }
    Err(ExitCode::from(MISSING_PATH))
}

/// Appends `s`, which is `s_width` columns wide, padded with spaces to
/// `width` columns; never cut. The width is the caller's, measured once
/// for its column and for this.
pub fn push_padded(out: &mut String, s: &str, s_width: usize, width: usize) {
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(s_width)));
}

/// A path as text that is safe to print (file names can hold escapes too).
pub fn shown_path(path: &Path) -> String {
    clean_inline(&path.to_string_lossy())
}

/// A problem as every command prints it: `path: warning: reason`.
pub fn problem_line(problem: &crate::problem::Problem) -> String {
    let severity = match problem.severity {
        crate::problem::Severity::Error => "error",
        crate::problem::Severity::Warning => "warning",
    };
    format!(
        "{}: {severity}: {}",
        shown_path(&problem.path),
        clean_inline(&problem.reason)
    )
}

/// JSON text with every character a terminal could act on written as a
/// `\u` escape: still the same JSON value, but safe to print.
pub fn terminal_safe_json(json: &str) -> String {
    if !json.chars().any(is_unsafe) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_columns() {
        let padded = |s: &str, width| {
            let mut out = String::new();
            push_padded(&mut out, s, crate::text::width::str_width(s), width);
            out
        };
        assert_eq!(padded("中文", 6), "中文  ");
        assert_eq!(padded("toolong", 3), "toolong");
    }

    #[test]
    fn json_escapes_stay_valid() {
        let raw = serde_json::to_string("a\u{9b}b\u{202E}c\u{E0041}").unwrap();
        let safe = terminal_safe_json(&raw);
        assert!(!safe.chars().any(is_unsafe));
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a\u{9b}b\u{202E}c\u{E0041}"
        );
    }
}
