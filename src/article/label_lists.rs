//! An article's authors, categories and tags in one allocation. Three
//! lists cost three 24-byte `Vec`s and three heap blocks an article; one
//! list with two lengths saves ~80 bytes an article (~78 MB at a million).

use std::fmt;

use super::Label;

/// The authors, categories and tags of one article, in that order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LabelLists {
    /// The authors, then the categories, then the tags.
    all: Box<[Label]>,
    authors: u32,
    categories: u32,
}

impl LabelLists {
    /// The three lists as given. (No list is ever 2^32 labels long: each
    /// takes 16 bytes. One that were would be cut, never misread.)
    pub fn new(authors: Vec<Label>, categories: Vec<Label>, tags: Vec<Label>) -> LabelLists {
        let mut all = Vec::with_capacity(authors.len() + categories.len() + tags.len());
        let authors = take(&mut all, authors);
        let categories = take(&mut all, categories);
        take(&mut all, tags);
        LabelLists {
            all: all.into_boxed_slice(),
            authors,
            categories,
        }
    }

    /// From one list already in order (authors, categories, tags) and the
    /// lengths of the first two; `None` when they do not fit it.
    pub fn from_parts(all: Vec<Label>, authors: u32, categories: u32) -> Option<LabelLists> {
        let start_of_tags = (authors as usize).checked_add(categories as usize)?;
        (start_of_tags <= all.len()).then(|| LabelLists {
            all: all.into_boxed_slice(),
            authors,
            categories,
        })
    }

    pub fn authors(&self) -> &[Label] {
        &self.all[..self.authors as usize]
    }

    pub fn categories(&self) -> &[Label] {
        let start = self.authors as usize;
        &self.all[start..start + self.categories as usize]
    }

    pub fn tags(&self) -> &[Label] {
        &self.all[self.authors as usize + self.categories as usize..]
    }

    /// The same authors and categories with these tags.
    #[must_use]
    pub fn with_tags(&self, tags: Vec<Label>) -> LabelLists {
        LabelLists::new(self.authors().to_vec(), self.categories().to_vec(), tags)
    }
}

/// Moves `list` to the end of `all`; its length (at most `u32::MAX`).
fn take(all: &mut Vec<Label>, mut list: Vec<Label>) -> u32 {
    list.truncate(u32::MAX as usize);
    let len = list.len() as u32;
    all.append(&mut list);
    len
}

impl fmt::Debug for LabelLists {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LabelLists")
            .field("authors", &self.authors())
            .field("categories", &self.categories())
            .field("tags", &self.tags())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::LabelLists;
    use crate::article::labels;

    #[test]
    fn each_list_reads_back_as_given() {
        let lists = LabelLists::new(labels(["a"]), labels(["b", "c"]), labels(["d"]));
        assert_eq!(lists.authors(), ["a"]);
        assert_eq!(lists.categories(), ["b", "c"]);
        assert_eq!(lists.tags(), ["d"]);
        let retagged = lists.with_tags(labels(["e", "f"]));
        assert_eq!(retagged.categories(), ["b", "c"]);
        assert_eq!(retagged.tags(), ["e", "f"]);
        assert_eq!(LabelLists::default().tags(), <[&str; 0]>::default());
        let parts = LabelLists::from_parts(labels(["a", "b", "c", "d"]), 1, 2);
        assert_eq!(parts, Some(lists));
        assert_eq!(LabelLists::from_parts(labels(["a"]), 1, 1), None);
        assert_eq!(
            LabelLists::from_parts(labels(["a"]), u32::MAX, u32::MAX),
            None
        );
    }
}
