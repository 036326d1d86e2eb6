//! `list --json`'s `links_in_archive`: found through every address of an
//! article, and on a warm start taken from the metadata cache without
//! reading the bodies again.

use std::fs;
use std::time::Duration;

mod common;
use common::archive::{age, write};
use common::home::{Home, json_lines};

/// The ids each listed article links to, by title.
fn links_by_title(home: &Home, dir: &str) -> Vec<(String, Vec<String>)> {
    let output = home.run(&["list", dir, "--json"]);
    assert!(output.status.success(), "{output:?}");
    let ids: Vec<(String, String)> = json_lines(&output)
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let title_of = |id: &str| ids.iter().find(|(i, _)| i == id).unwrap().1.clone();
    let mut rows: Vec<(String, Vec<String>)> = json_lines(&output)
        .iter()
        .map(|r| {
            let links = r["links_in_archive"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| title_of(id.as_str().unwrap()))
                .collect();
            (r["title"].as_str().unwrap().to_owned(), links)
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn links_reach_every_address_and_warm_starts_take_them_from_the_cache() {
    let home = Home::new();
    let dir = home.path("archive");
    // 乙 is known by `url` and also by `from` and `link`.
    write(
        &dir.join("b.md"),
        "---\ntitle: 乙\ndate: 2024-01-02\nurl: https://news.example/article/202/乙\n\
         from: https://feeds.example/item/乙\nlink: https://old.example/乙.html\n---\n\n乙文。\n",
    );
    write(
        &dir.join("a.md"),
        "---\ntitle: 甲\ndate: 2024-01-01\nurl: https://news.example/article/101/甲\n---\n\n\
         見[乙](https://web.archive.org/web/2021/https://feeds.example/item/%E4%B9%99)。\n",
    );
    let c_body =
        "見<a href=\"http://www.old.example/乙.html\">乙</a>和[丁](https://else.example/)。\n";
    write(
        &dir.join("c.md"),
        &format!("---\ntitle: 丙\ndate: 2024-01-03\n---\n\n{c_body}"),
    );
    // Old enough for the cache to trust the files as they are.
    age(&dir, Duration::from_secs(60));
    let dir = dir.to_str().unwrap();
    let want = vec![
        ("丙".to_owned(), vec!["乙".to_owned()]),
        ("乙".to_owned(), vec![]),
        ("甲".to_owned(), vec!["乙".to_owned()]),
    ];
    let mut sorted = want.clone();
    sorted.sort();
    assert_eq!(links_by_title(&home, dir), sorted, "cold");

    // A warm start reads no body for its links: 丙's body, rewritten to the
    // same length and given back its time, still links as the cache says.
    let c = home.path("archive/c.md");
    let before = fs::metadata(&c).unwrap();
    let text = fs::read_to_string(&c).unwrap();
    let unlinked = text.replace("www.old.example", "www.new.example");
    assert_eq!(unlinked.len(), text.len());
    fs::write(&c, unlinked).unwrap();
    fs::File::options()
        .write(true)
        .open(&c)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    assert_eq!(links_by_title(&home, dir), sorted, "warm, from the cache");

    // A changed file is read again (its size differs).
    fs::write(&c, "---\ntitle: 丙\ndate: 2024-01-03\n---\n\n無連結。\n").unwrap();
    age(home.path("archive").as_path(), Duration::from_secs(60));
    let now = links_by_title(&home, dir);
    assert!(now.contains(&("丙".to_owned(), vec![])), "{now:?}");
}
