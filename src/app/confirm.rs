//! The yes/no questions asked in the status line before doing something
//! that cannot be taken back (or that goes somewhere unexpected), as the
//! parts ask them; the router (`update`) keeps the one pending and acts on
//! the answer.

use super::HiddenHost;
use crate::text::thousands::thousands;

/// A yes/no question waiting in the status line; any other key cancels it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Mark the `listed` articles read; `unread` of them are not yet.
    MarkAllRead { listed: usize, unread: usize },
    /// Open `url`, whose address names `hidden.shown_as` before an `@`
    /// while it goes to `hidden.host`.
    OpenLink { url: String, hidden: HiddenHost },
    /// Mark the `total` articles of `source` read (sources view).
    MarkSourceRead {
        source: String,
        total: usize,
        unread: usize,
    },
}

impl Confirm {
    /// The question as the status line asks it (for a link, the real host
    /// first, so a narrow status line still shows it).
    pub fn question(&self) -> String {
        match self {
            Confirm::OpenLink { hidden, .. } => format!(
                "This link goes to {}, not {} (named before @). Open it? y/n",
                hidden.host, hidden.shown_as
            ),
            Confirm::MarkSourceRead {
                source,
                total,
                unread,
            } => format!(
                "Mark all {} of {} read ({} unread)? y/n",
                plural(*total, "article", "articles"),
                crate::overview::source_shown(source),
                thousands(*unread)
            ),
            Confirm::MarkAllRead { listed, unread } => format!(
                "Mark {} read ({} unread)? y/n",
                if *listed == 1 {
                    "the listed article".to_owned()
                } else {
                    format!("all {} listed articles", thousands(*listed))
                },
                thousands(*unread)
            ),
        }
    }
}

/// `3 articles`, `1 article`, `49,118 articles`.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_counts_read_well() {
        assert_eq!(plural(1, "article", "articles"), "1 article");
        assert_eq!(plural(49_118, "article", "articles"), "49,118 articles");
        assert_eq!(
            Confirm::MarkAllRead {
                listed: 49_118,
                unread: 1_234
            }
            .question(),
            "Mark all 49,118 listed articles read (1,234 unread)? y/n"
        );
        assert_eq!(
            Confirm::MarkAllRead {
                listed: 1,
                unread: 1
            }
            .question(),
            "Mark the listed article read (1 unread)? y/n"
        );
    }
}
