//! Libraries built in memory (no files), for tests that drive `App`.
//! `thirty` is the library `app`'s unit tests use (`app::tests::library`),
//! which integration tests cannot reach: a test moved out of `app` keeps
//! its data.

use chrono::NaiveDate;
use inkstone::article::{Article, BodySource, LabelLists, Urls, labels};
use inkstone::library::Library;

/// An article with the given title, categories and tags, by a reporter,
/// with a site address (as `article::sample`).
pub fn sample(title: &str, categories: &[&str], tags: &[&str]) -> Article {
    Article {
        labels: LabelLists::new(labels(["記者"]), labels(categories), labels(tags)),
        urls: Urls::new(
            Some(&format!("https://news.example.hk/{}", title.len())),
            None,
        ),
        ..Article::bare(
            title.to_owned(),
            format!("{title}.md").into(),
            title.to_owned(),
            BodySource::Embedded {
                bytes: b"body",
                offset: 0,
            },
        )
    }
}

/// 30 articles, newest first on 2021-01-30 .. 2021-01-01: even ones tagged
/// 香港, every third 交通, all in 港聞 except every fifth (國際).
pub fn thirty() -> Library {
    let articles: Vec<_> = (0..30)
        .map(|i| {
            let mut tags = Vec::new();
            if i % 2 == 0 {
                tags.push("香港");
            }
            if i % 3 == 0 {
                tags.push("交通");
            }
            let category = if i % 5 == 0 { "國際" } else { "港聞" };
            let mut a = sample(&format!("第{i}篇"), &[category], &tags);
            a.date = NaiveDate::from_ymd_opt(2021, 1, 30 - i);
            a
        })
        .collect();
    Library {
        name: "test".into(),
        articles: articles.into(),
        problems: Vec::new(),
        ..Library::default()
    }
}
