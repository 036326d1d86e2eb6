//! `inkstone tags`: every tag with its article count, most used first.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{open_library, report_broken, to_stdout};
use crate::cache;
use crate::library::Library;
use crate::overview::DateRange;
use crate::text::width::pad_left;

pub fn run(paths: &[PathBuf], dates: DateRange) -> ExitCode {
    let paths = match super::open::paths(paths) {
        Ok(paths) => paths,
        Err(code) => return code,
    };
    if let Some(code) = from_cache(&paths, dates) {
        return code;
    }
    // The cache is written meanwhile; `saving` waits for it at the end.
    let (library, saving) = match open_library(&paths, false) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let counts = tag_counts(&library, dates);
    let code = to_stdout(ExitCode::SUCCESS, |out| write(out, &counts));
    drop(counts);
    super::open::finish(library, saving);
    code
}

/// The counts straight from the metadata cache's records when it vouches
/// for every file as it is now: building a million articles to count their
/// tags takes many seconds, reading the records in place well under one.
/// `None` when the library must be loaded (no cache, or anything changed).
fn from_cache(paths: &[PathBuf], dates: DateRange) -> Option<ExitCode> {
    let snapshot = Library::cache_snapshot(paths, &cache::default_dir()?)?;
    let counted = snapshot.current_tag_counts(&|date| dates.contains(date))?;
    report_broken(counted.errors);
    let counts = most_used_first(counted.tags.iter().map(|(t, n)| (t.as_str(), *n)).collect());
    Some(to_stdout(ExitCode::SUCCESS, |out| write(out, &counts)))
}

/// Tags with how many articles (dated in `dates`) carry each, most used
/// first, ties by name.
pub fn tag_counts(library: &Library, dates: DateRange) -> Vec<(&str, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let articles = library.articles.iter().filter(|a| dates.contains(a.date));
    for tag in articles.flat_map(crate::article::Article::tags) {
        *counts.entry(tag.as_str()).or_default() += 1;
    }
    most_used_first(counts.into_iter().collect())
}

fn most_used_first(mut counts: Vec<(&str, usize)>) -> Vec<(&str, usize)> {
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
