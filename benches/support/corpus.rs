//! Where the benches find their trees, one way for all: the 49k-article
//! archive is `$INKSTONE_CORPUS`, else `target/corpus-full/articles`,
//! unpacked there from `../shared/corpus/hkcnews-full.tar.zst` when that is
//! at hand; the 3,000-article sample is `target/corpus/articles` (from
//! `hkcnews-sample.tar.zst`); the 1M tree is `target/corpus-million`, built
//! by `scripts/build-million-tree.sh`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable naming another folder for the full archive.
pub const ENV: &str = "INKSTONE_CORPUS";

/// How to get the full archive, for a bench that skips without it.
pub const HOW: &str = "mkdir -p target/corpus-full && \
     tar -I zstd -xf ../shared/corpus/hkcnews-full.tar.zst -C target/corpus-full \
     (or INKSTONE_CORPUS=<folder>)";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The 49k-article archive (see the module doc), or `None`.
pub fn full() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(ENV) {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    unpacked("corpus-full", "hkcnews-full.tar.zst")
}

/// The 3,000-article sample, or `None`.
pub fn sample() -> Option<PathBuf> {
    unpacked("corpus", "hkcnews-sample.tar.zst")
}

/// The 1M-file tree, when `scripts/build-million-tree.sh` has finished it.
pub fn million() -> Option<PathBuf> {
    let tree = repo().join("target/corpus-million");
    tree.join(".complete").is_file().then_some(tree)
}

/// Prints that `bench` is skipped for want of the full archive.
pub fn skipped(bench: &str) {
    println!("{bench} bench: no corpus; skipped. Unpack it with\n  {HOW}");
}

/// `target/<folder>/articles`, unpacked from `../shared/corpus/<tarball>`
/// when missing and the tarball is there.
fn unpacked(folder: &str, tarball: &str) -> Option<PathBuf> {
    let into = repo().join("target").join(folder);
    let articles = into.join("articles");
    if articles.is_dir() {
        return Some(articles);
    }
    let archive = ["../shared/corpus", "../../shared/corpus"]
        .iter()
        .map(|shared| repo().join(shared).join(tarball))
        .find(|archive| archive.is_file())?;
    std::fs::create_dir_all(&into).ok()?;
    let unpacked = Command::new("tar")
        .arg("-I")
        .arg("zstd")
        .arg("-xf")
        .arg(&archive)
        .arg("-C")
        .arg(&into)
        .status()
        .is_ok_and(|s| s.success());
    (unpacked && articles.is_dir()).then_some(articles)
}
