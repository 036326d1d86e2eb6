//! `inkstone tags` answered from the metadata cache says exactly what the
//! loaded library says, and never answers from a cache that is out of date.

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

mod common;
mod cache_tags {
    mod snapshot_counts;
}
use common::archive::age;
use common::home::{Home, stderr, stdout};

fn article(title: &str, date: &str, tags: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\n---\n\n正文。\n")
}

/// Two years of tagged articles and one broken file, a minute old (the
/// cache trusts nothing from its last seconds).
fn archive(root: &Path) {
    for (year, tags) in [("2019", "香港, 選舉"), ("2020", "香港, 疫情")] {
        fs::create_dir_all(root.join(year)).unwrap();
        for n in 0..3 {
            fs::write(
                root.join(year).join(format!("{n}.md")),
                article(
                    &format!("{year}-{n}"),
                    &format!("{year}-05-0{}", n + 1),
                    tags,
                ),
            )
            .unwrap();
        }
    }
    fs::write(root.join("2020/broken.md"), "---\ntitle: [\n---\n").unwrap();
    age(root, Duration::from_secs(60));
}

/// Stdout and stderr of a run that succeeded.
fn said(output: &Output) -> (String, String) {
    assert!(output.status.success(), "{}", stderr(output));
    (stdout(output), stderr(output))
}

#[test]
fn tags_from_the_cache_match_the_library_and_follow_edits() {
    let home = Home::new();
    let root = home.path("news");
    archive(&root);
    let root = root.to_str().unwrap();
    let cold = said(&home.run(&["tags", root]));
    assert_eq!(cold.0, "6  香港\n3  疫情\n3  選舉\n");
    assert!(cold.1.contains("1 files could not be read"), "{}", cold.1);
    assert!(
        fs::read_dir(home.path("cache/inkstone")).unwrap().count() > 0,
        "cache written"
    );
    assert_eq!(said(&home.run(&["tags", root])), cold, "warm, same words");
    let since = said(&home.run(&["tags", root, "--since", "2020-05-02"]));
    assert_eq!(since.0, "2  疫情\n2  香港\n");

    // An edit in place keeps the folder's time: only the file's own size
    // and time tell.
    let edited = Path::new(root).join("2019/1.md");
    fs::write(&edited, article("2019-1", "2019-05-02", "澳門")).unwrap();
    age(&edited, Duration::from_secs(30));
    let after = said(&home.run(&["tags", root]));
    assert_eq!(after.0, "5  香港\n3  疫情\n2  選舉\n1  澳門\n");
    assert_eq!(said(&home.run(&["tags", root])), after);
}
