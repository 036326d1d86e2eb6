//! `inkstone tags`: every tag with its article count, most used first.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{open_library, to_stdout};
use crate::library::Library;
use crate::overview::DateRange;
use crate::text::width::pad_left;

pub fn run(paths: &[PathBuf], dates: DateRange) -> ExitCode {
    // The cache is written meanwhile; `saving` waits for it at the end.
    let (library, saving) = match open_library(paths, false) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let counts = tag_counts(&library, dates);
    let code = to_stdout(ExitCode::SUCCESS, |out| write(out, &counts));
    drop(counts);
    super::open::finish(library, saving);
    code
}

/// Tags with how many articles (dated in `dates`) carry each, most used
/// first, ties by name.
pub fn tag_counts(library: &Library, dates: DateRange) -> Vec<(&str, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let articles = library.articles.iter().filter(|a| dates.contains(a.date));
    for tag in articles.flat_map(|a| &a.tags) {
        *counts.entry(tag.as_str()).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    counts
}

fn write(out: &mut dyn Write, counts: &[(&str, usize)]) -> io::Result<()> {
    let width = counts.first().map_or(1, |(_, n)| n.to_string().len());
    for (tag, count) in counts {
        writeln!(out, "{}  {tag}", pad_left(&count.to_string(), width))?;
    }
    Ok(())
}
