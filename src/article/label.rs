//! Interned labels: an author, category or tag is kept once however many
//! articles carry it. A million articles name a few thousand distinct
//! labels; one heap string per label per article cost ~150 bytes an
//! article.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use super::reads_as_str::reads_as_str;

/// One author, category or tag: a shared, immutable string that reads as
/// `&str`. One pointer wide (an `Arc<str>` is two, and an article holds
/// about six labels: ~47 MB more at a million articles), and cloned
/// without touching a reference count: the text lives as long as the
/// process (see [`LABELS`]).
// `&Box<str>`, not `&str`: the box is what makes the pointer thin.
#[allow(clippy::borrowed_box)]
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Label(&'static Box<str>);

/// Every label made so far. It only grows, by distinct labels (not by
/// articles): an archive's whole vocabulary is a few hundred kilobytes,
/// kept for the life of the process.
/// foldhash (randomly seeded), not `SipHash`: every author, category and tag
/// of every article loaded is looked up here, under one lock.
static LABELS: LazyLock<Mutex<HashSet<Label, foldhash::fast::RandomState>>> =
    LazyLock::new(Mutex::default);

thread_local! {
    /// The labels this thread has met, looked up before [`LABELS`]: a
    /// cold load looks up ~300,000 labels on every core at once, and
    /// each lock of the shared set moved its cache line between cores.
    /// Holds only labels of [`LABELS`] (so no more than it does), and
    /// goes with its thread.
    static MET: RefCell<HashSet<Label, foldhash::fast::RandomState>> = RefCell::default();
}

impl Label {
    /// The shared copy of `text`.
    pub fn new(text: &str) -> Label {
        // The shared set alone while this thread's is being dropped.
        MET.try_with(|met| {
            // Never borrowed elsewhere: `shared` makes no other label.
            let Ok(mut met) = met.try_borrow_mut() else {
                return Label::shared(text);
            };
            if let Some(label) = met.get(text) {
                return label.clone();
            }
            let label = Label::shared(text);
            met.insert(label.clone());
            label
        })
        .unwrap_or_else(|_| Label::shared(text))
    }

    /// The copy of `text` in [`LABELS`], made there if it is new.
    fn shared(text: &str) -> Label {
        // A poisoned lock only means another thread panicked mid-insert;
        // the set itself is still whole.
        let mut labels = LABELS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(shared) = labels.get(text) {
            return shared.clone();
        }
        let shared = Label(Box::leak(Box::new(Box::from(text))));
        labels.insert(shared.clone());
        shared
    }

    pub fn as_str(&self) -> &str {
        self.0
    }
}

reads_as_str!(Label);

impl From<&str> for Label {
    fn from(text: &str) -> Label {
        Label::new(text)
    }
}

impl From<String> for Label {
    fn from(text: String) -> Label {
        Label::new(&text)
    }
}

impl From<&String> for Label {
    fn from(text: &String) -> Label {
        Label::new(text)
    }
}

impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// Labels from strings, for building articles by hand.
pub fn labels<S: AsRef<str>>(texts: impl IntoIterator<Item = S>) -> Vec<Label> {
    texts.into_iter().map(|t| Label::new(t.as_ref())).collect()
}

#[cfg(test)]
mod tests {
    use super::Label;

    #[test]
    fn one_copy_of_each_label() {
        let a = Label::new("香港");
        let b = Label::from("香港".to_owned());
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.0, b.0));
        assert_eq!(a, "香港");
        assert_eq!(&*a, "香港");
        assert_ne!(Label::new("新聞"), a);
        assert_eq!([a.clone(), Label::new("x")].join(", "), "香港, x");
    }
}
