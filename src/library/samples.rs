//! The sample articles of `data/`, compiled in so the commands work from
//! any folder.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::read;
use super::{LoadOptions, LoadResult};

static SAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// Every sample article (with its problems, which there should be none of).
pub fn load(options: LoadOptions) -> Vec<LoadResult> {
    let mut out = Vec::new();
    collect(&SAMPLES, options, &mut out);
    out
}

fn collect(dir: &'static Dir<'static>, options: LoadOptions, out: &mut Vec<LoadResult>) {
    for file in dir.files() {
        if !crate::tree::is_article_file(file.path()) {
            continue;
        }
        let archive_path = crate::tree::archive_path(file.path(), Path::new(""));
        let path = PathBuf::from("data").join(file.path());
        out.push(read::parse_embedded(
            file.contents(),
            &path,
            &archive_path,
            options,
        ));
    }
    for sub in dir.dirs() {
        collect(sub, options, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::YamlParser;
    use crate::article::{Split, fast_path_accepts, split};

    #[test]
    fn every_sample_loads_cleanly_with_a_title() {
        let loaded = load(LoadOptions::default());
        assert!(loaded.len() >= 30);
        for result in &loaded {
            let (article, problems) = result.as_ref().expect("sample loads");
            assert!(!article.title.is_empty(), "{}", article.path.display());
            assert!(
                article.date.is_some() || !problems.is_empty(),
                "{}",
                article.path.display()
            );
            assert!(
                problems
                    .iter()
                    .all(|p| p.severity == crate::problem::Severity::Warning)
            );
            crate::library::read_body(&article.body).expect("embedded body");
        }
    }

    #[test]
    fn both_yaml_paths_give_the_same_samples() {
        assert_eq!(
            load(LoadOptions::default()),
            load(LoadOptions {
                parser: YamlParser::SerdeOnly,
                ..LoadOptions::default()
            })
        );
    }

    #[test]
    fn every_sample_takes_the_fast_path() {
        let mut files = Vec::new();
        let mut dirs = vec![&SAMPLES];
        while let Some(dir) = dirs.pop() {
            files.extend(dir.files());
            dirs.extend(dir.dirs());
        }
        assert!(files.len() >= 30);
        for file in files {
            let bytes = file.contents();
            let Split::Closed { front: yaml, .. } = split(bytes, true) else {
                panic!("{} has no front matter", file.path().display());
            };
            let yaml = std::str::from_utf8(&bytes[yaml]).expect("UTF-8 sample");
            assert!(
                fast_path_accepts(yaml),
                "{} needs serde_yaml",
                file.path().display()
            );
        }
    }
}
