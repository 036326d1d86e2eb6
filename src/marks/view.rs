//! Which articles the list shows, by their marks.

use super::MarkBook;
#[cfg(test)]
use super::Marks;

/// The list's view: cycled with `v` in the reader, chosen with
/// `--unread`/`--starred` on the command line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewFilter {
    #[default]
    All,
    Unread,
    Starred,
}

impl ViewFilter {
    /// The next view in the cycle all -> unread -> starred -> all.
    #[must_use]
    pub fn cycle(self) -> ViewFilter {
        match self {
            ViewFilter::All => ViewFilter::Unread,
            ViewFilter::Unread => ViewFilter::Starred,
            ViewFilter::Starred => ViewFilter::All,
        }
    }

    /// A short word for the list header.
    pub fn label(self) -> &'static str {
        match self {
            ViewFilter::All => "all",
            ViewFilter::Unread => "unread",
            ViewFilter::Starred => "starred",
        }
    }

    /// Whether an article with this id belongs in the view.
    pub fn admits(self, marks: &MarkBook, id: &str) -> bool {
        match self {
            ViewFilter::All => true,
            ViewFilter::Unread => !marks.is_read(id),
            ViewFilter::Starred => marks.is_starred(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_through_all_three() {
        let v = ViewFilter::default();
        assert_eq!(v, ViewFilter::All);
        assert_eq!(v.cycle(), ViewFilter::Unread);
        assert_eq!(v.cycle().cycle(), ViewFilter::Starred);
        assert_eq!(v.cycle().cycle().cycle(), ViewFilter::All);
    }

    #[test]
    fn admits_by_marks() {
        let mut marks = Marks::in_memory();
        marks.set_read("a", true);
        marks.toggle_star("b");
        assert!(!ViewFilter::Unread.admits(&marks, "a"));
        assert!(ViewFilter::Unread.admits(&marks, "b"));
        assert!(ViewFilter::Starred.admits(&marks, "b"));
        assert!(!ViewFilter::Starred.admits(&marks, "a"));
        assert!(ViewFilter::All.admits(&marks, "zzz"));
    }
}
