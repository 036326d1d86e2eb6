//! Replacing a file so that readers and crashes only ever see the old or the
//! new contents, never a mix: write a temporary file beside it, flush it to
//! disk, rename it over the target, then flush the folder so the rename
//! itself survives a power cut.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How hard to try to make a write survive a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// fsync the file and its folder: for the user's marks.
    Synced,
    /// Atomic rename only: for caches that are rebuilt when lost.
    RenameOnly,
}

/// Writes `bytes` to `path` atomically (see the module comment). The
/// temporary file is named `.<name>.tmp-<pid>-<n>` so that concurrent
/// writers never share one, and is removed if anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    write_atomic_parts(path, &[bytes], durability)
}

/// [`write_atomic`] of `parts` one after the other, without joining them
/// in memory first.
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]], durability: Durability) -> io::Result<()> {
    write_atomic_with(path, durability, |out| {
        parts.iter().try_for_each(|part| out.write_all(part))
    })
}

/// [`write_atomic`] of what `write` writes into the (buffered) temporary
/// file as it goes: nothing is held whole in memory. `write` may seek, to
/// fill in a header last.
pub fn write_atomic_with(
    path: &Path,
    durability: Durability,
    write: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_dir(path);
    let tmp = temp_path(path);
    let result = write_then_rename(&tmp, path, write, durability);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    if durability == Durability::Synced {
        sync_dir(dir)?;
    }
    Ok(())
}

/// The write buffer of [`write_atomic_with`].
const WRITE_BUFFER: usize = 1 << 20;

fn write_then_rename(
    tmp: &Path,
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<()>,
    durability: Durability,
) -> io::Result<()> {
    // Buffered: what is written can be many small pieces (the cache's
    // strings); a piece larger than the buffer is written from its place.
    let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, File::create(tmp)?);
    write(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    if durability == Durability::Synced {
        file.sync_all()?;
    }
    drop(file);
    fs::rename(tmp, path)
}

/// The prefix every temporary file for `path` starts with, so leftovers of a
/// killed writer can be recognised and removed.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    format!(".{name}.tmp-")
}

fn temp_path(path: &Path) -> PathBuf {
    unique_temp_path(path, "tmp")
}

/// A name beside `path` for a temporary file (`.<name>.<what>-<pid>-<n>`)
/// that no other writer, in this process or another, is using.
pub fn unique_temp_path(path: &Path, what: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    parent_dir(path).join(format!(".{name}.{what}-{}-{n}", std::process::id()))
}

/// Removes temporary files left beside `path` by writers that were killed
/// mid-write. Only call this while holding the lock that every writer of
/// `path` takes, or a live writer's file could vanish under it.
pub fn remove_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Removes the temporary files (`.<name>.<what>-<pid>-<n>`, see
/// [`unique_temp_path`]) that writers of `path` left behind when their
/// process ended mid-write: a reader that quits does not wait for its
/// background writes, and at a million articles such a file holds
/// hundreds of megabytes (the metadata cache) or gigabytes (the search
/// index). Needs no lock: a file is removed only when the process named in
/// it is gone, so a live writer's, in this process or another, is left
/// alone. Linux only (whether a process lives is read from `/proc`).
pub fn remove_orphan_temps(path: &Path) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let Some(name) = path.file_name() else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(what, rest)| what.bytes().all(|b| b.is_ascii_lowercase()).then_some(rest))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes a rename inside `dir` durable. Folders cannot be opened as files on
/// Windows, where the rename is already journalled by NTFS.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        write_atomic(&path, b"one", Durability::Synced).unwrap();
        write_atomic(&path, b"two", Durability::RenameOnly).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        write_atomic_parts(&path, &[b"th", b"", b"ree"], Durability::RenameOnly).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
    }

    #[test]
    fn stale_temps_are_removed_but_other_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        fs::write(dir.path().join(".marks.json.tmp-99-0"), b"half").unwrap();
        fs::write(dir.path().join("other.json"), b"keep").unwrap();
        remove_stale_temps(&path);
        assert!(!dir.path().join(".marks.json.tmp-99-0").exists());
        assert!(dir.path().join("other.json").exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temps_of_writers_that_are_gone_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library-1.bin");
        let me = std::process::id();
        // No process has a pid this high (the kernel's limit is 2^22).
        let gone = [
            ".library-1.bin.tmp-99999999-0",
            ".library-1.bin.side-99999999-3",
        ];
        let kept = [
            format!(".library-1.bin.tmp-{me}-0"),
            ".library-2.bin.tmp-99999999-0".to_owned(),
            ".library-1.bin.tmp-x-0".to_owned(),
            "library-1.bin".to_owned(),
        ];
        for name in gone.iter().copied().chain(kept.iter().map(String::as_str)) {
            fs::write(dir.path().join(name), b"half").unwrap();
        }
        remove_orphan_temps(&path);
        for name in gone {
            assert!(!dir.path().join(name).exists(), "{name}");
        }
        for name in &kept {
            assert!(dir.path().join(name).exists(), "{name}");
        }
    }

    #[test]
    fn failure_leaves_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("x.json");
        assert!(write_atomic(&missing, b"x", Durability::Synced).is_err());
    }
}
