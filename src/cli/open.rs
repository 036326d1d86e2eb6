//! Which library a command reads, and reading it through the cache.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cache;
use crate::config::Config;
use crate::library::Library;
use crate::marks::Marks;

/// The library for `paths` (see [`paths`]), loaded through the metadata
/// cache and checked file by file, so scripts always see the files as they
/// are; a progress bar on a terminal's stderr when that takes a while.
pub fn library(paths: &[PathBuf]) -> Result<Library, ExitCode> {
    let paths = self::paths(paths)?;
    let cache_dir = cache::default_dir();
    Ok(super::progress::with_bar(|progress| {
        Library::load_cached_checked_reporting(&paths, cache_dir.as_deref(), progress)
    }))
}

/// The paths a command reads: those given; with none, the config's
/// `library:` paths (none there either: the built-in samples). A bad config
/// file is reported and fails the command.
pub fn paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExitCode> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    Config::load_default()
        .map(|config| config.library)
        .map_err(|e| {
            eprintln!("inkstone: {e}");
            ExitCode::FAILURE
        })
}

/// Whether lists show exact duplicates once (config.yaml's
/// `collapse_duplicates`; on when the config cannot be read).
pub fn collapse_duplicates() -> bool {
    Config::load_default().map_or(true, |config| config.collapse_duplicates)
}

/// The user's marks, as the reader sees them. A message about a bad marks
/// file goes to stderr.
pub fn marks() -> Marks {
    let Some(path) = Marks::default_path() else {
        return Marks::in_memory();
    };
    let (marks, message) = Marks::open(&path);
    if let Some(message) = message {
        eprintln!("inkstone: {message}");
    }
    marks
}
