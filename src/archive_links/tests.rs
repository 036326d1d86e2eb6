use super::*;
use crate::article::Article;
use std::path::Path;

fn article(path: &str, url: Option<&str>, original: Option<&str>) -> Article {
    Article {
        urls: crate::article::Urls::new(url, original),
        ..Article::at_path(path)
    }
}

fn archive() -> Vec<Article> {
    vec![
        article(
            "arc/1-1000/a1.md",
            Some(
                "https://web.archive.org/web/20210101000000/https://www.news.hk/article/101/%E7%94%B2",
            ),
            Some("https://www.news.hk/article/101/%E7%94%B2"),
        ),
        article(
            "arc/1-1000/a2.md",
            Some("https://news.hk/article/202/乙/"),
            None,
        ),
        article(
            "arc/blog/post.md",
            Some("https://blog.hk/2021/05/post"),
            None,
        ),
        article(
            "arc/blog/other.md",
            Some("https://blog.hk/2021/05/other"),
            None,
        ),
        article("arc/notes/三.md", None, None),
    ]
}

#[test]
fn links_find_articles_by_address_id_and_path() {
    let links = ArchiveLinks::new(&archive());
    // Original address, archive copy, no scheme or www, other archive stamp.
    assert_eq!(links.resolve("http://news.hk/article/101/甲/"), Some(0));
    assert_eq!(
        links.resolve(
            "https://web.archive.org/web/2019id_/http://www.news.hk/article/202/%E4%B9%99"
        ),
        Some(1)
    );
    // The slug after the numeric id may differ.
    assert_eq!(
        links.resolve("https://www.news.hk/article/202/new-slug"),
        Some(1)
    );
    assert_eq!(links.resolve("https://www.news.hk/article/203/乙"), None);
    // Not on a blog whose numbers are dates.
    assert_eq!(links.resolve("https://blog.hk/2021/05/post/"), Some(2));
    assert_eq!(links.resolve("https://blog.hk/2021/05/third"), None);
    // By path.
    assert_eq!(links.resolve("arc/blog/../notes/三.md"), Some(4));
    assert_eq!(links.resolve("arc/notes/四.md"), None);
}

#[test]
fn link_targets_are_absolute_addresses_or_article_files() {
    let a = &archive()[0];
    let base = LinkBase::of(a);
    assert_eq!(
        link_target(&base, "/web/2021/https://www.news.hk/article/202/x").as_deref(),
        Some("https://web.archive.org/web/2021/https://www.news.hk/article/202/x")
    );
    assert_eq!(
        link_target(&base, "../notes/%E4%B8%89.md#top").as_deref(),
        Some("arc/notes/三.md")
    );
    assert_eq!(link_target(&base, "mailto:x@y.hk"), None);
    // A control character never becomes part of a path.
    assert_eq!(
        link_target(
            &LinkBase::new(Some("https://a.hk/x/y"), Some(Path::new("arc/y.md"))),
            "b%0A.md"
        )
        .as_deref(),
        Some("https://a.hk/x/b%0A.md")
    );
    assert_eq!(link_target(&base, "#top"), None);
    let no_url = LinkBase::new(None, Some(std::path::Path::new("arc/x/y.md")));
    assert_eq!(link_target(&no_url, "page/"), None);
    assert_eq!(
        link_target(&no_url, "z.html").as_deref(),
        Some("arc/x/z.html")
    );
    assert_eq!(link_target(&no_url, "z%0A.html"), None);
    assert_eq!(link_target(&no_url, "z%09%E4%B8%89.md"), None);
}

#[test]
fn the_graph_has_each_target_once_without_the_article_itself() {
    let articles = archive();
    let links = ArchiveLinks::new(&articles);
    let hrefs: Vec<String> = [
        "https://news.hk/article/101/self",
        "https://news.hk/article/202/x",
        "/web/2020/https://news.hk/article/202/y",
        "../notes/三.md",
        "https://elsewhere.hk/",
    ]
    .map(str::to_owned)
    .to_vec();
    let keys = link_keys(&articles[0], &hrefs);
    assert_eq!(
        &*keys,
        "news.hk/article/101/self\nnews.hk/article/202/x\nnews.hk/article/202/y\n\tarc/notes/三.md\nelsewhere.hk"
    );
    let out = links.targets(0, &keys);
    assert_eq!(out, [1, 4]);
    let graph = LinkGraph::from_targets(vec![out, vec![0], vec![], vec![], vec![]]);
    assert_eq!(graph.back(1), [0]);
    assert_eq!(graph.back(0), [1]);
    assert_eq!(graph.counts(), (2, 3));
}

#[test]
fn every_address_of_an_article_finds_it() {
    // `from` and `link` beside `url`: the loader keeps them as aliases.
    let mut articles = archive();
    let original = articles[4].original_url().map(str::to_owned);
    articles[4].set_links(Some("https://mirror.hk/p/三"), original.as_deref());
    articles[4].aliases = vec![
        "https://feeds.hk/item/甲乙".to_owned(),
        "http://www.old.hk/notes?id=3".to_owned(),
    ]
    .into();
    let links = ArchiveLinks::new(&articles);
    assert_eq!(links.resolve("https://mirror.hk/p/%E4%B8%89"), Some(4));
    assert_eq!(links.resolve("https://feeds.hk/item/甲乙/"), Some(4));
    assert_eq!(
        links.resolve("https://web.archive.org/web/2020/http://old.hk/notes?id=3"),
        Some(4)
    );
    let hrefs = [
        "https://feeds.hk/item/%E7%94%B2%E4%B9%99",
        "https://old.hk/notes?id=3",
    ]
    .map(str::to_owned);
    assert_eq!(links.targets(0, &link_keys(&articles[0], &hrefs)), [4]);
}

#[test]
fn stored_targets_are_one_a_line_without_control_characters() {
    let articles = archive();
    let hrefs = [
        "https://news.hk/article/202/%0Abad",
        "https://news.hk/article/202/x",
        "https://NEWS.hk/article/202/x/",
        "mailto:x@y.hk",
        "../notes/%0A.md",
    ]
    .map(str::to_owned);
    // A decoded line feed is no file of the archive (nor, in the site's
    // address the file link then is, a key).
    assert_eq!(&*link_keys(&articles[0], &hrefs), "news.hk/article/202/x");
    assert_eq!(&*link_keys(&articles[0], &[]), "");
}

#[test]
fn known_address_keys_find_what_decoding_them_finds() {
    let cold = archive();
    let warm: Vec<Article> = archive()
        .into_iter()
        .inspect(|a| {
            let _ = a.addresses.set(address_keys(a));
        })
        .collect();
    // A web archive copy of its `original_url` is one address.
    assert_eq!(warm[0].addresses.get().map(|k| k.len()), Some(1));
    assert_eq!(warm[4].addresses.get().map(|k| k.len()), Some(0));
    let (cold, warm) = (ArchiveLinks::new(&cold), ArchiveLinks::new(&warm));
    for link in [
        "http://news.hk/article/101/甲/",
        "https://www.news.hk/article/202/new-slug",
        "https://www.news.hk/article/203/乙",
        "https://blog.hk/2021/05/post/",
        "https://blog.hk/2021/05/third",
        "arc/blog/../notes/三.md",
        "arc/notes/四.md",
        "https://elsewhere.hk/",
    ] {
        assert_eq!(warm.resolve(link), cold.resolve(link), "{link}");
    }
    let keys = "news.hk/article/101/x\n\tarc/notes/三.md\nblog.hk/2021/05/other";
    assert_eq!(warm.targets(1, keys), [0, 4, 3]);
    assert_eq!(cold.targets(1, keys), [0, 4, 3]);
}
