//! Stars and unstars the test makes and checks: which article is on
//! screen, getting back to a known state, and the marks file at the end.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use super::run::Run;
use crate::common::home::starred;

/// The id of the article a title on screen belongs to (every version of
/// article `n` has the link `https://chaos.example/n`).
pub(crate) fn id_for_title(title: &str) -> String {
    let link = match title
        .strip_prefix("混沌測試第")
        .and_then(|t| t.strip_suffix('篇'))
    {
        Some(n) => format!("https://chaos.example/{n}"),
        None => "https://chaos.example/newest".to_owned(),
    };
    inkstone::article::stable_id("link", &link)
}

/// The article titles on screen, each once.
pub(crate) fn titles_on(screen: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in screen.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("混沌測試第") {
            let tail = &rest[at..];
            let Some(end) = tail.find('篇') else { break };
            let title = &tail[..end + '篇'.len_utf8()];
            if !found.iter().any(|t| t == title) {
                found.push(title.to_owned());
            }
            rest = &tail[end..];
        }
        if line.contains("最新的文章") && !found.iter().any(|t| t == "最新的文章") {
            found.push("最新的文章".to_owned());
        }
    }
    found
}

/// Esc, then F12 (bound to nothing). A lone Esc byte waits to see whether
/// a sequence follows, so a key sent soon after it is read as Alt+key when
/// the reader's input thread runs late (a loaded machine); a complete
/// sequence after it makes it the Esc key whatever the timing.
pub(crate) fn escape(r: &mut Run) {
    r.send(b"\x1b\x1b[24~");
}

/// Back to the list, where `q` quits: Esc until the status line shows the
/// list's hints (they name `quit`; a status message hides them for a
/// while). Gives up after a few tries; the `q` check then shows the screen.
pub(crate) fn back_to_the_list(r: &mut Run) {
    for _ in 0..6 {
        escape(r);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if r.status_line().contains("quit") {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Brings the reader back to a known state, opens the selected article
/// and stars or unstars it with `s`; when the screen tells which article
/// that was and the status line what became of it, returns its id and
/// whether it is now starred (`None`: `s` was sent, the answer not seen).
///
/// Each step waits to see its key answered before the next: on a loaded
/// machine the screen may still show the last step's article and its
/// "Starred", which must not be taken for this step's article and answer.
pub(crate) fn mark_step(r: &mut Run) -> Option<(String, Option<bool>)> {
    r.resize(100, 30);
    r.send(b"\x1b[201~");
    back_to_the_list(r);
    if !r.status_line().contains("quit") {
        return None;
    }
    r.send(b"\r");
    // The article view: one title on screen and the list's hints gone (a
    // key clears any status message, so none from before can remain).
    let start = Instant::now();
    let title = loop {
        if !r.status_line().contains("quit") {
            if let [title] = titles_on(&r.screen()).as_slice() {
                break title.clone();
            }
        }
        if start.elapsed() > Duration::from_secs(3) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let id = id_for_title(&title);
    r.send(b"s");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        let status = r.status_line();
        if status.contains("Unstarred") {
            return Some((id, Some(false)));
        }
        if status.contains("Starred") {
            return Some((id, Some(true)));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some((id, None))
}

/// What the marks file must say about each article starred or unstarred:
/// the state and when it was set; `None` when a step got no answer (that
/// article is not checked).
pub(crate) type Expected = HashMap<String, Option<(bool, Instant)>>;

/// Checks the marks file against every mark made at least a second before
/// `end`.
pub(crate) fn check_marks(home: &Path, expected: &Expected, end: Instant, run: usize) {
    let starred_ids = starred(home);
    let mut checked = 0;
    for (id, state) in expected {
        let Some((star, at)) = state else { continue };
        if end.saturating_duration_since(*at) < Duration::from_secs(1) {
            continue;
        }
        checked += 1;
        assert_eq!(
            starred_ids.contains(id),
            *star,
            "run {run}: article {id} should be {}starred: {starred_ids:?}",
            if *star { "" } else { "un" }
        );
    }
    println!("run {run}: {checked} marks checked");
}
