//! An article's title as one boxed `str`: a `String`'s capacity word is
//! never used once the article is made (~8 MB at a million articles).

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// An article's title: reads as `&str`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Title(Box<str>);

impl Title {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Title {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Title {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Title {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

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

impl PartialEq<str> for Title {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Title {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Title {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Title> for &str {
    fn eq(&self, other: &Title) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Title> for String {
    fn eq(&self, other: &Title) -> bool {
        **self == *other.0
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

/// As `str` hashes, so a map keyed by titles can be asked with a `&str`.
impl Hash for Title {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
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
