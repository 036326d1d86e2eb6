//! Which library a command reads, and reading it through the cache.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cache;
use crate::config::Config;
use crate::library::Library;
use crate::marks::Marks;

/// The library for `paths`; with none, the config's `library:` paths; with
/// none there either, the built-in samples. Loaded through the metadata
/// cache and checked file by file, so scripts always see the files as they
/// are. A bad config file is reported and fails the command.
pub fn library(paths: &[PathBuf]) -> Result<Library, ExitCode> {
    let paths = if paths.is_empty() {
        match Config::load_default() {
            Ok(config) => config.library,
            Err(e) => {
                eprintln!("inkstone: {e}");
                return Err(ExitCode::FAILURE);
            }
        }
    } else {
        paths.to_vec()
    };
    Ok(Library::load_cached_checked(
        &paths,
        cache::default_dir().as_deref(),
    ))
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
