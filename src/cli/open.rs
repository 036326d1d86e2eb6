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
/// The cache is brought up to date on another thread meanwhile: keep the
/// [`CacheSaving`] until the command's output is written. With `links`,
/// the bodies whose link targets the cache does not hold yet are read for
/// them (before the cache is written, so it keeps them).
pub fn library(paths: &[PathBuf], links: bool) -> Result<(Library, CacheSaving), ExitCode> {
    let paths = self::paths(paths)?;
    let cache_dir = cache::default_dir();
    let mut library = super::progress::with_bar(|progress| {
        Library::load_cached_exact_reporting(&paths, cache_dir.as_deref(), progress)
    });
    if links {
        library.fill_links();
    }
    let saving = CacheSaving::start(&library);
    Ok((library, saving))
}

/// Ends a command that is done with `library`: waits for the cache write,
/// then leaves the library to the end of the process instead of freeing
/// its tens of thousands of articles one by one (a few percent of a cold
/// `list`, spent after the output is written).
pub fn finish(library: Library, saving: CacheSaving) {
    drop(saving);
    std::mem::forget(library);
}

/// The cache being written on its own thread, so a command's output does
/// not wait for it; dropping this waits for the write (the process must
/// not end halfway: the write would be lost, though never half-done).
#[must_use]
pub struct CacheSaving(Option<std::thread::JoinHandle<Option<String>>>);

impl CacheSaving {
    pub fn start(library: &Library) -> CacheSaving {
        let Some(write) = library.cache_write() else {
            return CacheSaving(None);
        };
        // The write is handed over once the thread runs, so that it can be
        // done here instead when no thread can be started.
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("cache write".to_owned())
            .spawn(move || rx.recv().ok().and_then(failure_of));
        if let Ok(handle) = spawned {
            let _ = tx.send(write);
            CacheSaving(Some(handle))
        } else {
            report(failure_of(write));
            CacheSaving(None)
        }
    }
}

impl Drop for CacheSaving {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            report(handle.join().ok().flatten());
        }
    }
}

/// Runs `write`; why it failed, if it did. The command's output stands
/// without the cache, but a cache that is never written makes every later
/// start read every file again (a full disk, a read-only cache folder),
/// and that slowness must not go unexplained.
fn failure_of(write: crate::library::CacheWrite) -> Option<String> {
    let file = write.file().to_owned();
    write.run().err().map(|e| {
        format!(
            "metadata cache not written ({}: {}); the next start reads every file again",
            super::output::shown_path(&file),
            crate::text::sanitize::clean_inline(&e.to_string())
        )
    })
}

fn report(failure: Option<String>) {
    if let Some(message) = failure {
        eprintln!("inkstone: {message}");
    }
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
