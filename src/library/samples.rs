//! The sample articles of `data/`, compiled in so the commands work from
//! any folder.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::{Problem, read};
use crate::article::{Article, YamlParser};

static SAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// Every sample article (with its problems, which there should be none of).
pub fn load(parser: YamlParser) -> Vec<Result<(Article, Vec<Problem>), Problem>> {
    let mut out = Vec::new();
    collect(&SAMPLES, parser, &mut out);
    out
}

fn collect(
    dir: &'static Dir<'static>,
    parser: YamlParser,
    out: &mut Vec<Result<(Article, Vec<Problem>), Problem>>,
) {
    for file in dir.files() {
        if !super::walk::is_markdown(file.path()) {
            continue;
        }
        let archive_path = super::walk::archive_path(file.path(), Path::new(""));
        let path = PathBuf::from("data").join(file.path());
        out.push(read::parse_embedded(
            file.contents(),
            &path,
            &archive_path,
            parser,
        ));
    }
    for sub in dir.dirs() {
        collect(sub, parser, out);
    }
}
