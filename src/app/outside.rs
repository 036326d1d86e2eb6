//! Handing the article to the outside: its text to a pager, its link to
//! the terminal's clipboard or the browser (checked first). Piping to a
//! command is in `line_input`, which asks for the command. Each handler
//! takes the article it is for and answers with a [`Reply`].

use super::{Confirm, Effect, Reply, check_url, hidden_host};
use crate::article::Article;

/// Shows `current`'s plain text at `width` columns in `$PAGER`.
pub(super) fn page(current: Option<usize>, width: usize) -> Reply {
    let Some(article) = current else {
        return Reply::say("No article to page");
    };
    Reply::effect(Effect::Pipe {
        article,
        command: None,
        width,
    })
}

/// `y`: copies the article's link (checked, so only a web address goes
/// out) through the terminal's clipboard.
pub(super) fn copy_link(article: Option<&Article>) -> Reply {
    let Some(article) = article else {
        return Reply::done();
    };
    let Some(link) = article.url().or(article.original_url()) else {
        return Reply::fail("This article has no link to copy");
    };
    match check_url(link) {
        Ok(url) => Reply::say(format!(
            "Copied {} (OSC 52)",
            crate::text::width::truncate(&url, 200)
        ))
        .and(Effect::CopyToClipboard(url)),
        Err(reason) => Reply::fail(reason.replace("Refused to open", "Refused to copy")),
    }
}

/// `o` / `O`: opens the article's own link, or its original one.
pub(super) fn open_link(article: Option<&Article>, original: bool) -> Reply {
    let Some(article) = article else {
        return Reply::done();
    };
    let link = if original {
        article.original_url()
    } else {
        article.url()
    };
    match link {
        Some(link) => open_url(link),
        None => Reply::fail(if original {
            "This article has no separate original link"
        } else {
            "This article has no link"
        }),
    }
}

/// Checks a link and, if it is a web link, asks for it to be opened (after
/// a question when its address hides where it goes).
pub(super) fn open_url(link: &str) -> Reply {
    match check_url(link) {
        Ok(url) => match hidden_host(&url) {
            Some(hidden) => Reply::ask(Confirm::OpenLink { url, hidden }),
            None => Reply::say(format!(
                "Opening {}",
                crate::text::width::truncate(&url, 200)
            ))
            .and(Effect::OpenUrl(url)),
        },
        Err(reason) => Reply::fail(reason),
    }
}
