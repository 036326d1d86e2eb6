//! Folded text laid out for scanning, chunk by chunk.

use crate::search::presence::CharPresence;

/// Folded text of a run of articles laid end to end. Article `i` is
/// `text[ends[i - 1]..ends[i]]`; each field ends with `'\n'`, which folding
/// never produces and no term contains, so no match spans two fields.
#[derive(Debug, Default)]
pub(crate) struct Arena {
    pub(crate) text: String,
    pub(crate) ends: Vec<u32>,
}

impl Arena {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Article `i`'s text, without its closing `'\n'`.
    pub(crate) fn article_text(&self, i: usize) -> &str {
        let end = (self.ends[i] as usize).saturating_sub(1);
        self.text.get(self.start(i)..end).unwrap_or("")
    }

    /// Where article `i` starts (`i == len()` gives the end of the text).
    pub(crate) fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] as usize }
    }

    /// Appends one article written by `write` (which may call
    /// [`Arena::end_field`] between fields).
    pub(crate) fn push_article(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.text);
        self.text.push('\n');
        // A chunk is far below 4 GiB; saturate rather than wrap if not.
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    pub(crate) fn bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * size_of::<u32>()
    }

    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// A copy of exactly the size needed, the scratch arena it was
    /// built in emptied for reuse. Growing each chunk's own text by
    /// doubling would leave freed blocks of every size behind, which an
    /// allocator keeps (mimalloc kept 390 MiB for a 244 MiB index).
    pub(crate) fn take_exact(&mut self) -> Self {
        let exact = Arena {
            text: self.text.as_str().to_owned(),
            ends: self.ends.clone(),
        };
        self.clear();
        exact
    }
}

/// One chunk's folded text and which characters each article holds.
#[derive(Debug, Default)]
pub(crate) struct Chunk {
    pub(crate) arena: Arena,
    pub(crate) presence: CharPresence,
}
