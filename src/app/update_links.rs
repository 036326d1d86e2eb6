//! `App::update` for links: the article's own, and those in its body.

use super::{App, Body, Choices, Effect, PickerEntry, PickerKind, check_url, hidden_host};

impl App {
    pub(super) fn open_link(&mut self, original: bool) -> Vec<Effect> {
        let Some(article) = self
            .current_article()
            .and_then(|i| self.library.articles.get(i))
        else {
            return Vec::new();
        };
        let link = if original {
            article.original_url()
        } else {
            article.url()
        };
        let Some(link) = link else {
            self.fail(if original {
                "This article has no separate original link"
            } else {
                "This article has no link"
            });
            return Vec::new();
        };
        let link = link.to_owned();
        self.open_url(&link)
    }

    /// Checks a link and, if it is a web link, asks for it to be opened.
    fn open_url(&mut self, link: &str) -> Vec<Effect> {
        match check_url(link) {
            Ok(url) if hidden_host(&url).is_some() => {
                let hidden = hidden_host(&url).expect("checked above");
                self.confirm = Some(super::Confirm::OpenLink { url, hidden });
                Vec::new()
            }
            Ok(url) => {
                self.notify(format!(
                    "Opening {}",
                    crate::text::width::truncate(&url, 200)
                ));
                vec![Effect::OpenUrl(url)]
            }
            Err(reason) => {
                self.fail(reason);
                Vec::new()
            }
        }
    }

    pub(super) fn show_links(&mut self) {
        let Some(detail) = self.reading.open() else {
            return;
        };
        let links = detail.links();
        if links.is_empty() {
            let message = match detail.body {
                Body::Loading => "The article is still loading",
                _ => "This article has no links",
            };
            self.notify(message);
            return;
        }
        // The label is what typing matches: the link's text and its address
        // as shown; the number (`count`) says which link it is.
        let entries = links
            .iter()
            .enumerate()
            .map(|(i, link)| PickerEntry {
                label: crate::text::sanitize::clean_inline(&format!(
                    "{}{} {}",
                    if self.link_in_archive(i + 1).is_some() {
                        "↩ "
                    } else {
                        ""
                    },
                    detail.link_text(i + 1),
                    crate::render::readable_url(link)
                )),
                count: i + 1,
            })
            .collect();
        self.show_picker(PickerKind::Links, Choices::new(entries));
    }

    /// Closes the link picker and opens body link `[n]`: in the reader
    /// when it leads to another article of the library, else in the
    /// browser, exactly as written.
    pub(super) fn open_link_number(&mut self, n: usize) -> Vec<Effect> {
        self.overlay = None;
        if let Some(target) = self.link_in_archive(n) {
            return self.follow(target);
        }
        let link = self
            .reading
            .open()
            .and_then(|d| n.checked_sub(1).and_then(|i| d.links().get(i)))
            .cloned();
        if let Some(link) = link {
            self.open_url(&link)
        } else {
            self.fail(format!("There is no link [{n}]"));
            Vec::new()
        }
    }
}
