//! Where a stored index is written: a temporary file beside its target,
//! renamed over it when done, or a file of its own in the system's
//! temporary folder when the target's folder cannot be written.

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::Writer;
use super::batch::Side;
use super::spill::Spill;

/// A stored index being written to a temporary file, renamed over its
/// target when done (if it has one); removed if dropped before.
pub(crate) struct FileOutput {
    file: BufWriter<File>,
    temp: TempFile,
    target: Option<PathBuf>,
}

impl Writer<FileOutput> {
    /// A writer for the index at `target` (its folder is created).
    pub(crate) fn to_file(target: &Path) -> io::Result<Self> {
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        // A reader that quits mid-build does not wait to clean up.
        crate::durable::remove_orphan_temps(target);
        Self::with_temps(TempFile::beside(target, "tmp")?, target, Some(target))
    }

    /// A writer for an index that lives only while it is open: its file
    /// is in the system's temporary folder and (where the system allows)
    /// has no name, so nothing is left behind however the process ends.
    pub(crate) fn to_unnamed_file() -> io::Result<Self> {
        let near = std::env::temp_dir().join("inkstone-search");
        let mut temp = TempFile::beside(&near, "tmp")?;
        temp.unlink_while_open();
        Self::with_temps(temp, &near, None)
    }

    fn with_temps(temp: TempFile, near: &Path, target: Option<&Path>) -> io::Result<Self> {
        let [mut side, mut records, mut paths] = [
            TempFile::beside(near, "side")?,
            TempFile::beside(near, "docs")?,
            TempFile::beside(near, "paths")?,
        ];
        for temp in [&mut side, &mut records, &mut paths] {
            temp.unlink_while_open();
        }
        let file = BufWriter::with_capacity(1 << 20, temp.file.try_clone()?);
        let out = FileOutput {
            file,
            temp,
            target: target.map(Path::to_path_buf),
        };
        let spills = [Spill::in_file(records), Spill::in_file(paths)];
        Ok(Writer::new(out, Side::in_file(side), spills))
    }

    /// Finishes the index and puts it in place atomically; returns the
    /// file it was written to (open for reading).
    pub(crate) fn commit(self) -> io::Result<File> {
        let mut out = self.finish()?;
        out.file.flush()?;
        drop(out.file);
        if let Some(target) = &out.target {
            fs::rename(&out.temp.path, target)?;
            out.temp.keep();
        }
        out.temp.file.try_clone()
    }
}

impl Write for FileOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Seek for FileOutput {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.file.seek(pos)
    }
}

/// A temporary file, removed on drop unless kept.
pub(super) struct TempFile {
    path: PathBuf,
    pub(super) file: File,
    keep: bool,
}

impl TempFile {
    fn beside(target: &Path, what: &str) -> io::Result<Self> {
        // Named by process and writer: a reader that starts a new index
        // (its library changed) while the old one is still being written
        // must not truncate, or on drop remove, the other's files.
        let path = crate::durable::unique_temp_path(target, what);
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        Ok(TempFile {
            path,
            file,
            keep: false,
        })
    }

    /// On Unix, removes the name now: the open file stays usable and its
    /// room is freed when it is closed, even by a process that ends
    /// without cleaning up. Elsewhere the name goes on drop.
    fn unlink_while_open(&mut self) {
        if cfg!(unix) && fs::remove_file(&self.path).is_ok() {
            self.keep = true;
        }
    }

    fn keep(&mut self) {
        self.keep = true;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(&self.path);
        }
    }
}
