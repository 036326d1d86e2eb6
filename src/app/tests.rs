//! `App::update`, one test per action or behaviour.

use chrono::NaiveDate;

use super::*;
use crate::article::BodySource;
use crate::render;

/// An article with the given title, categories and tags, dated by its
/// title's length so tests can predict the order.
pub(crate) fn article(title: &str, categories: &[&str], tags: &[&str]) -> Article {
    Article {
        id: title.to_owned(),
        path: format!("{title}.md").into(),
        title: title.to_owned(),
        date: None,
        updated: None,
        authors: vec!["記者".to_owned()],
        categories: categories.iter().map(|s| (*s).to_owned()).collect(),
        tags: tags.iter().map(|s| (*s).to_owned()).collect(),
        url: Some(format!("https://news.example.hk/{}", title.len())),
        original_url: None,
        body: BodySource::Embedded { bytes: b"body", offset: 0 },
    }
}
