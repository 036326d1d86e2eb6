//! The physical floors each figure stands beside: listing every folder
//! with every file's metadata, and reading the first 4 KiB of every file.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// Every folder of the tree with its files, listed in parallel.
fn walk(dir: &Path, files: &Mutex<Vec<PathBuf>>, stat: bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut subdirs = Vec::new();
    let mut mine = Vec::new();
    for entry in entries.flatten() {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            subdirs.push(entry.path());
        } else {
            if stat {
                std::hint::black_box(entry.metadata().ok());
            }
            mine.push(entry.path());
        }
    }
    files.lock().unwrap().extend(mine);
    subdirs.par_iter().for_each(|d| walk(d, files, stat));
}

/// Floor 1: list every folder and stat every file.
pub(crate) fn stat_walk(root: &Path) -> (Duration, usize) {
    let start = Instant::now();
    let files = Mutex::new(Vec::new());
    walk(root, &files, true);
    (start.elapsed(), files.into_inner().unwrap().len())
}

/// Floor 2: list every folder, then read the first 4 KiB of every file on
/// all cores.
pub(crate) fn first_4k(root: &Path) -> Duration {
    let start = Instant::now();
    let files = Mutex::new(Vec::new());
    walk(root, &files, false);
    let files = files.into_inner().unwrap();
    files.par_iter().for_each_init(
        || vec![0u8; 4096],
        |buf, path| {
            if let Ok(mut f) = std::fs::File::open(path) {
                std::hint::black_box(f.read(buf).ok());
            }
        },
    );
    start.elapsed()
}
