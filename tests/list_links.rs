//! `list --json`'s `links_in_archive`: found through every address of an
//! article, and on a warm start taken from the metadata cache without
//! reading the bodies again; the index of the articles' own addresses,
//! taken from the cache, finds exactly what it finds on a cold start.

use std::fs;
use std::path::Path;
use std::time::Duration;

use inkstone::archive_links::{ArchiveLinks, LinkBase, hrefs, link_target};
use inkstone::article::Article;
use inkstone::library::{Library, link_graph, read_body};

mod common;
use common::archive::{age, fixtures, write};
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

/// Copies the tree at `from` into `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every link of every body, as the reader follows it, and the article
/// `links` finds for it.
fn every_link(articles: &[Article], links: &ArchiveLinks) -> Vec<(String, Option<usize>)> {
    articles
        .iter()
        .flat_map(|a| {
            let body = read_body(&a.body).unwrap();
            let base = LinkBase::of(a);
            hrefs(&body, a.format)
                .into_iter()
                .filter_map(move |h| link_target(&base, &h))
        })
        .map(|target| {
            let to = links.resolve(&target);
            (target, to)
        })
        .collect()
}

#[test]
fn a_warm_start_resolves_exactly_the_links_a_cold_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let cache = dir.path().join("cache");
    copy_tree(&fixtures("in-archive"), &root.join("in-archive"));
    // A site with numeric ids, one whose "ids" are shared (so only whole
    // addresses count), aliases, wrappers and escapes.
    write(
        &root.join("more/a.md"),
        "---\ntitle: 甲\nurl: https://web.archive.org/web/2021/https://www.site.hk/article/301/%E7%94%B2\n\
         original_url: https://www.site.hk/article/301/%E7%94%B2\nfrom: https://feeds.hk/甲\n---\n\n\
         [乙](https://SITE.hk/article/302/new-slug) [丙](../more/c.md) [自己](http://site.hk/article/301/)\n",
    );
    write(
        &root.join("more/b.md"),
        "---\ntitle: 乙\nurl: http://site.hk/article/302/乙/\n---\n\n\
         [甲](/web/2020/https://feeds.hk/%E7%94%B2) [丁](https://shared.hk/news/999/a)\n",
    );
    write(
        &root.join("more/c.md"),
        "---\ntitle: 丙\nurl: https://shared.hk/news/999/a\nlink: https://shared.hk/p?id=3\n---\n\n\
         [戊](https://shared.hk/news/999/b) [己](https://shared.hk/p?id=3) \
         <a href=\"https://web.archive.org/web/1id_/http://www.site.hk/article/302\">乙</a>\n",
    );
    write(
        &root.join("more/d.md"),
        "---\ntitle: 丁\nurl: https://shared.hk/news/999/b\n---\n\n[丙](https://shared.hk/news/999/a/)\n",
    );
    age(&root, Duration::from_secs(60));
    let roots = vec![root];

    // Cold: the first start finds every link and caches the keys.
    let mut first = Library::load_cached_checked(&roots, Some(&cache));
    assert!(first.articles.iter().all(|a| a.addresses.get().is_none()));
    first.fill_links();
    first.save_cache().unwrap();
    // The same articles with no keys known: the index decodes every address.
    let unkeyed: Vec<Article> = first
        .articles
        .iter()
        .map(|a| Article {
            addresses: inkstone::article::KnownAddresses::default(),
            ..a.clone()
        })
        .collect();
    let (cold_links, cold) = link_graph(&unkeyed);

    // Warm: keys and link targets come from the cache.
    let warm_library = Library::load_cached(&roots, Some(&cache));
    assert!(
        warm_library
            .articles
            .iter()
            .all(|a| a.addresses.get().is_some() && a.link_targets().is_some()),
        "every key from the cache"
    );
    let (warm_links, warm) = link_graph(&warm_library.articles);
    assert_eq!(warm, cold);
    assert_eq!(cold.counts(), (8, 8), "{cold:?}");
    let every = every_link(&unkeyed, &cold_links);
    assert!(every.iter().filter(|(_, to)| to.is_some()).count() >= 15);
    assert_eq!(every_link(&warm_library.articles, &warm_links), every);
}
