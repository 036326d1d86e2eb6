//! An article's title as one boxed `str`: a `String`'s capacity word is
//! never used once the article is made (~8 MB at a million articles).

use std::cmp::Ordering;

use super::reads_as_str::reads_as_str;

/// An article's title: reads as `&str`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Title(Box<str>);

impl Title {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

reads_as_str!(Title);

impl From<String> for Title {
    fn from(text: String) -> Title {
        Title(text.into_boxed_str())
    }
}

impl From<&str> for Title {
    fn from(text: &str) -> Title {
        Title(text.into())
    }
}

impl From<Title> for String {
    fn from(title: Title) -> String {
        title.0.into_string()
    }
}

impl PartialOrd for Title {
    fn partial_cmp(&self, other: &Title) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Title {
    fn cmp(&self, other: &Title) -> Ordering {
        self.0.cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Title;

    #[test]
    fn titles_read_back_as_given_in_two_words() {
        for text in ["", "標題", "a title"] {
            let title = Title::from(text);
            assert_eq!(title.as_str(), text);
            assert_eq!(title, text);
            assert_eq!(title, Title::from(text.to_owned()));
        }
        assert_eq!(std::mem::size_of::<Title>(), 16);
    }
}
