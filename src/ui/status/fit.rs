//! Fitting a long message into the status line without losing what it
//! says. Messages name files and links, which can be hundreds of columns
//! long, and put the point around them ("… moved it to X and started
//! afresh", "Could not open X: browser exited with status 3"). Cutting the
//! end would drop the point, so the addresses and paths give up their
//! middle first (the site and the distinguishing end stay); only if the
//! message is still too long does its own middle go, so both its start
//! (what happened) and its end (the outcome) stay in view, or its end, when
//! that is just the address the message is about.

use crate::text::width;

/// The fewest columns an address or path is cut down to.
const MIN_KEPT: usize = 10;

/// `text` in at most `max` columns: first the middle of its longest
/// addresses and paths is elided, then, if still too long, the middle of
/// the message.
pub fn fit_message(text: &str, max: usize) -> String {
    let total = width::str_width(text);
    if total <= max {
        return text.to_owned();
    }
    let mut excess = total - max;
    let mut words: Vec<Word> = words(text);
    // Longest first: one long URL gives up its middle before a short path.
    let mut order: Vec<usize> = (0..words.len()).filter(|&i| words[i].elidable).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(words[i].columns));
    for i in order {
        if excess == 0 {
            break;
        }
        let columns = words[i].columns;
        if columns <= MIN_KEPT {
            continue;
        }
        let keep = columns.saturating_sub(excess).max(MIN_KEPT);
        words[i].text = width::elide_middle(&words[i].text, keep);
        let now = width::str_width(&words[i].text);
        excess = excess.saturating_sub(columns - now);
        words[i].columns = now;
    }
    // Still too long. A message ending in an address ("Could not open
    // the link (reason): URL") has said its point before it: cut the end.
    // One ending in words ("… moved it to X and started afresh") keeps
    // its start and end, and loses its middle.
    let ends_in_address = words
        .iter()
        .rev()
        .find(|w| !w.text.trim().is_empty())
        .is_some_and(|w| w.elidable);
    let joined: String = words.into_iter().map(|w| w.text).collect();
    if ends_in_address {
        width::truncate(&joined, max)
    } else {
        width::elide_middle(&joined, max)
    }
}

struct Word {
    text: String,
    columns: usize,
    /// An address or a path (its middle may go).
    elidable: bool,
}

/// `text` in pieces: runs of spaces, and the words between, with the
/// punctuation a sentence puts around an address (`(`, `):`, `,`, `;`)
/// split off so it stays whole.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest.starts_with(char::is_whitespace);
        let end = rest
            .find(|c: char| c.is_whitespace() != space)
            .unwrap_or(rest.len());
        let (piece, after) = rest.split_at(end);
        rest = after;
        if space {
            out.push(plain(piece));
            continue;
        }
        let core_start = piece.len() - piece.trim_start_matches(['(', '"', '\'', '[']).len();
        let trimmed = piece.trim_end_matches([')', ':', ',', ';', '.', '"', '\'', ']']);
        let core_end = trimmed.len().max(core_start);
        let (head, core, tail) = (
            &piece[..core_start],
            &piece[core_start..core_end],
            &piece[core_end..],
        );
        out.push(plain(head));
        out.push(Word {
            text: core.to_owned(),
            columns: width::str_width(core),
            elidable: is_address(core),
        });
        out.push(plain(tail));
    }
    out
}

fn plain(text: &str) -> Word {
    Word {
        text: text.to_owned(),
        columns: width::str_width(text),
        elidable: false,
    }
}

/// A link or a file path: something with a `/` in it that is long enough
/// to be worth cutting.
fn is_address(word: &str) -> bool {
    word.contains('/') && width::str_width(word) > MIN_KEPT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_messages_are_untouched() {
        assert_eq!(fit_message("Starred", 40), "Starred");
        assert_eq!(fit_message("", 0), "");
    }

    #[test]
    fn a_long_path_gives_up_its_middle_so_the_point_stays() {
        let message = "/home/someone/.local/state/inkstone/marks.json was unusable \
                       (not JSON at line 1); moved it to /home/someone/.local/state/\
                       inkstone/marks.json.corrupt-20261203-140000 and started afresh";
        for max in [40, 60, 80, 100, 120, 200] {
            let fitted = fit_message(message, max);
            assert!(width::str_width(&fitted) <= max, "{max}: {fitted}");
            assert!(fitted.ends_with("and started afresh"), "{max}: {fitted}");
            if max >= 80 {
                assert!(fitted.contains("moved it to /"), "{max}: {fitted}");
                assert!(fitted.contains("140000 and"), "{max}: {fitted}");
                assert!(fitted.starts_with("/ho"), "{max}: {fitted}");
            }
        }
        assert_eq!(fit_message(message, 200), message, "room for all of it");
    }

    #[test]
    fn the_reason_after_a_long_url_stays() {
        let url = format!(
            "https://news.example.hk/{}/article.html",
            "很長的路徑/".repeat(30)
        );
        let message = format!("Could not open {url}: browser exited with status 3");
        for max in [30, 40, 60, 80] {
            let fitted = fit_message(&message, max);
            assert!(width::str_width(&fitted) <= max, "{max}: {fitted}");
            assert!(fitted.ends_with("with status 3"), "{max}: {fitted}");
            if max >= 60 {
                assert!(fitted.starts_with("Could not open http"), "{max}: {fitted}");
                assert!(
                    fitted.ends_with("html: browser exited with status 3"),
                    "{max}: {fitted}"
                );
            }
        }
        // The browser message as the reader words it: reason first.
        let message = format!("Could not open the link (sh exited with status 3): {url}");
        let fitted = fit_message(&message, 70);
        assert!(
            fitted.contains("(sh exited with status 3): https:"),
            "{fitted}"
        );
        assert!(fitted.ends_with("article.html"), "{fitted}");
        // Too narrow even so: the reason stays, the address goes.
        let fitted = fit_message(&message, 45);
        assert!(
            fitted.starts_with("Could not open the link (sh exited"),
            "{fitted}"
        );
    }

    #[test]
    fn what_cannot_fit_loses_its_middle() {
        let fitted = fit_message("words without any path in them at all, end", 20);
        assert_eq!(width::str_width(&fitted), 20);
        assert!(fitted.starts_with("words"), "{fitted}");
        assert!(fitted.ends_with("end"), "{fitted}");
        assert!(width::str_width(&fit_message("https://a.example/very/long/path", 3)) <= 3);
    }
}
