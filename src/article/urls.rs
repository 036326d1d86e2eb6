//! An article's two addresses in one allocation. Archived articles carry a
//! link to the archive's copy and the original address, and the first
//! usually ends with the second (`https://web.archive.org/web/<time>/`
//! then the original): the original is then kept as that tail, not a
//! second copy. At a million articles that is ~200 MB.

/// `url` and `original_url` (see [`super::Article::url`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Urls {
    /// The link, then the original link when it is not the link's tail.
    text: Box<str>,
    /// `text[..url_end]` is the link, when there is one.
    url_end: Option<usize>,
    /// `text[start..end]` is the original link, when there is one.
    original: Option<(usize, usize)>,
}

impl Urls {
    /// Both urls, as given.
    pub fn new(url: Option<&str>, original: Option<&str>) -> Urls {
        let url_end = url.map(str::len);
        let url = url.unwrap_or("");
        let Some(original) = original else {
            return Urls {
                text: url.into(),
                url_end,
                original: None,
            };
        };
        if url_end.is_some() && url.ends_with(original) {
            return Urls {
                text: url.into(),
                url_end,
                original: Some((url.len() - original.len(), url.len())),
            };
        }
        let mut text = String::with_capacity(url.len() + original.len());
        text.push_str(url);
        text.push_str(original);
        Urls {
            text: text.into_boxed_str(),
            url_end,
            original: Some((url.len(), url.len() + original.len())),
        }
    }

    pub fn url(&self) -> Option<&str> {
        self.url_end.map(|end| &self.text[..end])
    }

    pub fn original_url(&self) -> Option<&str> {
        self.original.map(|(start, end)| &self.text[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::Urls;

    #[test]
    fn each_link_reads_back_as_given() {
        let cases = [
            (None, None),
            (Some("https://a.example/1"), None),
            (None, Some("https://o.example/1")),
            (Some(""), Some("")),
            (Some("https://a.example/1"), Some("https://o.example/1")),
            (
                Some("https://archive.example/2020/https://o.example/新聞"),
                Some("https://o.example/新聞"),
            ),
            (Some("x"), Some("x")),
        ];
        for (url, original) in cases {
            let urls = Urls::new(url, original);
            assert_eq!(urls.url(), url);
            assert_eq!(urls.original_url(), original);
            assert_eq!(urls, Urls::new(url, original));
        }
    }

    #[test]
    fn an_original_at_the_end_of_the_link_is_not_stored_twice() {
        let url = "https://archive.example/web/1/https://o.example/a";
        let urls = Urls::new(Some(url), Some("https://o.example/a"));
        assert_eq!(urls.text.len(), url.len());
    }
}
