//! The article the list, overview and search tests share.

use super::{Article, LabelLists, Urls, labels};

/// A test article with the given title, categories and tags, by a
/// reporter, with a site address: the one the list, overview and search
/// tests share.
pub(crate) fn sample(title: &str, categories: &[&str], tags: &[&str]) -> Article {
    Article {
        labels: LabelLists::new(vec!["記者".into()], labels(categories), labels(tags)),
        urls: Urls::new(
            Some(&format!("https://news.example.hk/{}", title.len())),
            None,
        ),
        ..Article::with_body(title, "body")
    }
}
