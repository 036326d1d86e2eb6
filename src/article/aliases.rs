//! An article's other addresses (`Article::aliases`), one pointer wide:
//! almost every article has none, and an empty `Vec` took 24 bytes of
//! each (~16 MB more at a million articles).

use std::fmt;
use std::ops::Deref;

/// The other addresses, in the order found; reads as `&[String]`.
// A box around the `Vec`: one pointer in the article, not the `Vec`'s three
// words (the rare article with aliases pays one small block more).
#[allow(clippy::box_collection)]
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Aliases(Option<Box<Vec<String>>>);

impl From<Vec<String>> for Aliases {
    fn from(list: Vec<String>) -> Aliases {
        Aliases((!list.is_empty()).then(|| Box::new(list)))
    }
}

impl Deref for Aliases {
    type Target = [String];
    fn deref(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl fmt::Debug for Aliases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Aliases {
    fn eq(&self, other: &[&str; N]) -> bool {
        **self == *other
    }
}

impl PartialEq<Vec<String>> for Aliases {
    fn eq(&self, other: &Vec<String>) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::Aliases;

    #[test]
    fn aliases_read_back_and_none_take_no_block() {
        let two = Aliases::from(vec!["a".to_owned(), "b".to_owned()]);
        assert_eq!(two, ["a", "b"]);
        assert_eq!(Aliases::from(Vec::new()), Aliases::default());
        assert!(Aliases::from(Vec::new()).0.is_none());
        assert!(Aliases::default().is_empty());
        assert_eq!(std::mem::size_of::<Aliases>(), 8);
    }
}
