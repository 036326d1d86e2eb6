//! What the index says about itself: how far its build has come, the
//! memory it holds, and why bodies are not searchable when they are not.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::{OnceLock, PoisonError};

use super::SearchIndex;

/// Bytes held by the index in memory (text and article offsets; character
/// presence). The stored bodies are read from their file as needed:
/// `body_text` counts what of them is held (its tables).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexMemory {
    pub metadata_text: usize,
    pub body_text: usize,
    pub char_presence: usize,
}

impl IndexMemory {
    pub fn total(&self) -> usize {
        self.metadata_text + self.body_text + self.char_presence
    }
}

/// How far the background build has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Articles whose bodies are searchable.
    pub indexed: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.indexed >= self.total
    }
}

impl SearchIndex {
    pub fn progress(&self) -> Progress {
        let total = self.shared.total;
        let read = self.shared.indexed.load(Ordering::Relaxed).min(total);
        // Every body read is not every body searchable: the new stored
        // index is still to be written and opened. Complete only once the
        // build is over, so the reader runs its search again then.
        let covered = self.bodies().map_or(0, |b| b.covered);
        let indexed = if covered == total || self.is_finished() {
            total
        } else {
            read.min(total - 1)
        };
        Progress { indexed, total }
    }

    pub(super) fn is_finished(&self) -> bool {
        *self
            .shared
            .finished
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Why bodies are not searchable as they should be, if they are not.
    pub fn problem(&self) -> Option<Arc<str>> {
        self.shared
            .problem
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether every article's metadata is searchable (shortly after start).
    pub fn metadata_ready(&self) -> bool {
        self.shared.meta.iter().all(|chunk| chunk.get().is_some())
    }

    /// Number of articles indexed (searchable or pending).
    pub fn len(&self) -> usize {
        self.shared.total
    }

    pub fn is_empty(&self) -> bool {
        self.shared.total == 0
    }

    /// Memory held by the index, by part.
    pub fn memory(&self) -> IndexMemory {
        let mut memory = IndexMemory::default();
        for chunk in self.shared.meta.iter().filter_map(OnceLock::get) {
            memory.metadata_text += chunk.arena.bytes();
            memory.char_presence += chunk.presence.bytes();
        }
        if let Some(bodies) = self.bodies() {
            memory.body_text = bodies.stored.memory()
                + bodies.article_doc.capacity() * 4
                + bodies.doc_article.capacity() * 4;
        }
        memory
    }

    /// The stored index's file parts in bytes (packed text, lists, the
    /// rest), once there is one.
    pub fn stored_sizes(&self) -> Option<(u64, u64, u64)> {
        self.bodies().map(|b| b.stored.sizes())
    }
}
