//! Tests of the keys and the address parts they are made of.

use super::*;

#[test]
fn archive_wrappers_schemes_and_www_do_not_matter() {
    let want = Some("hkcnews.com/article/12345/標題".to_owned());
    for url in [
        "https://www.hkcnews.com/article/12345/%E6%A8%99%E9%A1%8C",
        "http://hkcnews.com/article/12345/標題/",
        "https://web.archive.org/web/20210712015219/https://www.hkcnews.com/article/12345/%E6%A8%99%E9%A1%8C",
        "https://web.archive.org/web/20210712015219id_/http://hkcnews.com/article/12345/標題#top",
        "http://web.archive.org/web/2021im_/https:/www.hkcnews.com/article/12345/標題",
        "HTTPS://WWW.HKCNEWS.COM/article/12345/%E6%A8%99%E9%A1%8C",
    ] {
        assert_eq!(url_key(url), want, "{url}");
    }
    assert_eq!(url_key("mailto:a@b.c"), None);
    assert_eq!(url_key("../2021/post.md"), None);
    assert_eq!(
        url_key("https://web.archive.org/web/").as_deref(),
        Some("web.archive.org/web")
    );
    assert_eq!(
        url_key("https://a.hk/x?id=3").as_deref(),
        Some("a.hk/x?id=3")
    );
    assert_eq!(
        rest_host("web.archive.org/web/2021/https://WWW.News.hk:443/a"),
        "News.hk"
    );
    assert_eq!(rest_host("a.hk?x"), "a.hk");
    assert_eq!(
        raw_id_key("web.archive.org/web/1/https://WWW.A.hk/article/123/%E7%94%B2").as_deref(),
        Some("a.hk/article/123")
    );
    assert_eq!(raw_id_key("a.hk/%E7%94%B2/123/x"), None);
}

#[test]
fn ids_are_numbers_of_three_digits_or_more_after_the_first_segment() {
    assert_eq!(
        id_key("a.hk/article/12345/slug"),
        Some("a.hk/article/12345")
    );
    assert_eq!(id_key("a.hk/article/12345"), Some("a.hk/article/12345"));
    assert_eq!(id_key("a.hk/article/12345/x/y"), Some("a.hk/article/12345"));
    assert_eq!(id_key("a.hk/2021/05/post"), None);
    assert_eq!(id_key("a.hk/news/05/post"), None);
    assert_eq!(id_key("a.hk/p?id=123"), None);
    assert_eq!(
        id_key("a.hk/article/123/x?page=2"),
        Some("a.hk/article/123")
    );
    assert_eq!(id_key("a.hk"), None);
    assert_eq!(host("a.hk/x/1"), "a.hk");
}
