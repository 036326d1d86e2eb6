//! Whole archives through the cache: the bundled samples, the real
//! 3,000-article sample when it is there, and one folder named two ways.

use std::fs;
use std::path::{Path, PathBuf};

use inkstone::library::Library;

use crate::common::archive::article;
use crate::same;

#[test]
fn the_sample_archives_load_the_same_through_the_cache() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let cache = tempfile::tempdir().unwrap();
    for roots in [
        vec![data.clone()],
        vec![data.join("feeds"), data.join("archive")],
    ] {
        let cold = Library::load(&roots);
        assert!(!cold.articles.is_empty());
        same(
            &Library::load_cached_checked(&roots, Some(cache.path())),
            &cold,
        );
        same(
            &Library::load_cached_checked(&roots, Some(cache.path())),
            &cold,
        );
        same(&Library::load_cached(&roots, Some(cache.path())), &cold);
    }
}

/// The 3,000-article sample with every oddity of the real archive:
/// `target/corpus` when unpacked there, else unpacked from
/// `../shared/corpus`; `None` (test skipped) when neither exists.
fn sample_corpus(scratch: &Path) -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let unpacked = manifest.join("target/corpus/articles");
    if unpacked.is_dir() {
        return Some(unpacked);
    }
    let archive = manifest.join("../shared/corpus/hkcnews-sample.tar.zst");
    if !archive.is_file() {
        return None;
    }
    let status = std::process::Command::new("tar")
        .args(["-I", "zstd", "-xf"])
        .arg(&archive)
        .arg("-C")
        .arg(scratch)
        .status()
        .ok()?;
    status.success().then(|| scratch.join("articles"))
}

#[test]
fn the_real_sample_corpus_loads_the_same_through_the_cache() {
    let scratch = tempfile::tempdir().unwrap();
    let Some(corpus) = sample_corpus(scratch.path()) else {
        eprintln!("sample corpus not found; skipped");
        return;
    };
    let roots = vec![corpus];
    let cache = tempfile::tempdir().unwrap();
    let cold = Library::load(&roots);
    assert!(cold.articles.len() >= 2900);
    let mut first = Library::load_cached(&roots, Some(cache.path()));
    same(&first, &cold);
    first.save_cache().unwrap();
    same(&Library::load_cached(&roots, Some(cache.path())), &cold);
}

#[test]
fn the_same_folder_spelled_another_way_never_shows_articles_twice() {
    // Under the working folder, so it can be named relatively too.
    let scratch = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    fs::create_dir_all(&scratch).unwrap();
    let dir = tempfile::tempdir_in(&scratch).unwrap();
    let absolute = dir.path().join("archive");
    fs::create_dir_all(&absolute).unwrap();
    for n in 0..3 {
        fs::write(
            absolute.join(format!("{n}.md")),
            article(&n.to_string(), "2020-01-01"),
        )
        .unwrap();
    }
    let cwd = std::env::current_dir().unwrap();
    let relative = absolute
        .strip_prefix(&cwd)
        .expect("under the working folder");
    let cache = dir.path().join("cache");
    for roots in [&absolute, &relative.to_path_buf(), &absolute] {
        let mut library = Library::load_cached(std::slice::from_ref(roots), Some(&cache));
        assert_eq!(library.articles.len(), 3, "{}", roots.display());
        library.save_cache().unwrap();
    }
}
