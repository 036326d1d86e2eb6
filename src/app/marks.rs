//! Read and starred marks as the reader uses them: the person's [`Marks`]
//! (kept and saved by `crate::marks`), a flag per article so drawing,
//! counting and the unread/starred views never look ids up, and the view.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::article::Article;
use crate::marks::{Marks, ViewFilter};

/// The marks, with flags indexed like the library's articles.
#[derive(Debug)]
pub struct MarkState {
    marks: Marks,
    read: Vec<bool>,
    starred: Vec<bool>,
    view: ViewFilter,
    /// The `Marks::revision` the flags were built from: another process's
    /// marks merged in by a save show up as a new revision.
    revision: u64,
}

impl MarkState {
    pub fn new(marks: Marks, articles: &[Article]) -> MarkState {
        let mut state = MarkState {
            revision: marks.revision(),
            marks,
            read: Vec::new(),
            starred: Vec::new(),
            view: ViewFilter::All,
        };
        state.rebuild(articles);
        state
    }

    /// Reads every article's flags from the marks again (after the library
    /// or the marks changed underneath).
    pub fn rebuild(&mut self, articles: &[Article]) {
        self.read = flags(articles, self.marks.read_ids());
        self.starred = flags(articles, self.marks.starred_ids());
        self.revision = self.marks.revision();
    }

    /// Whether saving merged in marks from another process since the flags
    /// were built.
    pub fn is_outdated(&self) -> bool {
        self.revision != self.marks.revision()
    }

    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    pub fn marks_mut(&mut self) -> &mut Marks {
        &mut self.marks
    }

    pub fn view(&self) -> ViewFilter {
        self.view
    }

    pub fn set_view(&mut self, view: ViewFilter) {
        self.view = view;
    }

    pub fn is_read(&self, article: usize) -> bool {
        self.read.get(article).copied().unwrap_or(false)
    }

    pub fn is_starred(&self, article: usize) -> bool {
        self.starred.get(article).copied().unwrap_or(false)
    }

    /// Marks `articles[article]` read or unread; says whether it changed.
    pub fn set_read(&mut self, articles: &[Article], article: usize, read: bool) -> bool {
        let (Some(meta), Some(flag)) = (articles.get(article), self.read.get_mut(article)) else {
            return false;
        };
        *flag = read;
        self.marks.set_read(&meta.id, read)
    }

    /// Stars or unstars `articles[article]`; returns the new state.
    pub fn toggle_star(&mut self, articles: &[Article], article: usize) -> bool {
        let (Some(meta), Some(flag)) = (articles.get(article), self.starred.get_mut(article))
        else {
            return false;
        };
        *flag = self.marks.toggle_star(&meta.id);
        *flag
    }

    /// Whether the view lets `article` be listed.
    pub fn admits(&self, article: usize) -> bool {
        match self.view {
            ViewFilter::All => true,
            ViewFilter::Unread => !self.is_read(article),
            ViewFilter::Starred => self.is_starred(article),
        }
    }

    /// How many of `articles` (indices) are unread.
    pub fn count_unread(&self, articles: &[usize]) -> usize {
        articles.iter().filter(|&&i| !self.is_read(i)).count()
    }
}

/// Whether each article's id is among `ids`. A hash set of the marked ids
/// (tens of thousands on a well-read archive) with a cheap hash, looked up
/// on all cores, answers 50,000 articles in a few milliseconds, where the
/// sorted set the marks keep takes 25 (this is on the way to the first
/// frame).
fn flags<'a>(articles: &[Article], ids: impl ExactSizeIterator<Item = &'a str>) -> Vec<bool> {
    if ids.len() == 0 {
        return vec![false; articles.len()];
    }
    let mut set: HashSet<&str, BuildHasherDefault<IdHasher>> =
        HashSet::with_capacity_and_hasher(ids.len(), BuildHasherDefault::default());
    set.extend(ids);
    articles
        .par_iter()
        .map(|a| set.contains(a.id.as_str()))
        .collect()
}

/// Ids are already hashes (16 hex digits); mixing eight bytes at a time
/// is plenty. Not resistant to chosen collisions, which the person's own
/// marks file has no reason to hold.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    #[test]
    fn flags_follow_the_marks_and_the_view() {
        let articles = vec![article("a", &[], &[]), article("b", &[], &[])];
        let mut marks = Marks::in_memory();
        marks.set_read("b", true);
        let mut state = MarkState::new(marks, &articles);
        assert!(!state.is_read(0) && state.is_read(1));
        assert_eq!(state.count_unread(&[0, 1]), 1);
        assert!(state.set_read(&articles, 0, true));
        assert!(!state.set_read(&articles, 0, true));
        assert!(state.marks().is_read("a"));
        assert!(state.toggle_star(&articles, 1));
        state.set_view(ViewFilter::Starred);
        assert!(!state.admits(0) && state.admits(1));
        state.set_view(ViewFilter::Unread);
        assert!(!state.admits(0) && !state.admits(1));
        assert!(
            !state.set_read(&articles, 7, true),
            "out of range is ignored"
        );
    }
}
