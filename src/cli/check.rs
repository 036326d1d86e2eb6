//! `inkstone check`: every problem as `path: reason`, then a summary.
//! Exits 1 when any file could not be read or parsed. Unlike start-up it
//! reads bodies in full, so invalid UTF-8 anywhere in a file is reported.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{problem_line, to_stdout};
use crate::library::{Library, LoadOptions, Skipped};
use crate::problem::Severity;
use crate::text::sanitize::clean_inline;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let options = LoadOptions {
        verify_bodies: true,
        ..LoadOptions::default()
    };
    // Not through the cache: check reads every body in full.
    let paths = match super::open::paths(paths) {
        Ok(paths) => paths,
        Err(code) => return code,
    };
    let library =
        super::progress::with_bar(|progress| Library::open_reporting(&paths, options, progress));
    if let Err(code) = super::output::refuse_missing(&library) {
        return code;
    }
    let code = if library.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    to_stdout(code, |out| write(out, &library))
}

fn write(out: &mut dyn Write, library: &Library) -> io::Result<()> {
    for problem in &library.problems {
        writeln!(out, "{}", problem_line(problem))?;
    }
    let count = |severity| {
        library
            .problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    };
    let files: HashSet<_> = library.problems.iter().map(|p| &p.path).collect();
    writeln!(
        out,
        "{} articles loaded from {}; {} errors, {} warnings in {} files",
        library.articles.len(),
        clean_inline(&library.name),
        count(Severity::Error),
        count(Severity::Warning),
        files.len(),
    )?;
    write_skipped(out, &library.skipped)
}

/// What was passed over, and why, by kind; nothing when nothing was.
fn write_skipped(out: &mut dyn Write, skipped: &Skipped) -> io::Result<()> {
    let kinds = [
        (skipped.other_files, "files with other extensions"),
        (
            skipped.site_pages,
            "site pages (.html/.htm without front matter)",
        ),
        (
            skipped.hidden,
            "hidden files and folders (names starting with .)",
        ),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if parts.is_empty() {
        return Ok(());
    }
    writeln!(out, "skipped: {}", parts.join(", "))
}
