//! Handing the article to the outside: its plain text to a command or
//! `$PAGER` on the normal screen, its link to the terminal's clipboard
//! (OSC 52), and the pipe history in the state folder.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::Engine;

use crate::app::dates::{DEFAULT_FORMAT, DEFAULT_TIME_FORMAT, stamp};
use crate::app::{Action, HISTORY_LIMIT};
use crate::article::Article;
use crate::library::{BODY_LIMIT, read_body_bounded};
use crate::render::{
    ArticleStyles, Page, PageBody, article_lines, push_cut_notice, render_article,
};
use crate::text::{sanitize, width};

/// The history's file name, beside the marks in the state folder.
const HISTORY_FILE: &str = "pipe-history";
/// The most of a history file read (a bigger one is someone else's).
const HISTORY_READ_LIMIT: u64 = 256 * 1024;
/// The longest command line kept.
const COMMAND_LIMIT: usize = 4096;

/// Where the pipe history lives: beside `marks_file`.
pub fn history_file(marks_file: &Path) -> Option<PathBuf> {
    let dir = marks_file.parent()?;
    (!dir.as_os_str().is_empty()).then(|| dir.join(HISTORY_FILE))
}

/// The commands in the history file, oldest first (none when there is no
/// file or it cannot be read: a lost history is no reason to stop).
pub fn load_history(path: &Path) -> Vec<String> {
    let Ok(text) = crate::regular_file::read_to_string(path, HISTORY_READ_LIMIT) else {
        return Vec::new();
    };
    let mut commands: Vec<String> = text
        .lines()
        .map(|l| sanitize::clean_inline(l).trim().to_owned())
        .filter(|l| !l.is_empty() && l.len() <= COMMAND_LIMIT)
        .collect();
    let extra = commands.len().saturating_sub(HISTORY_LIMIT);
    commands.drain(..extra);
    commands
}

/// Replaces the history file with `commands` (one a line).
pub fn save_history(path: &Path, commands: &[String]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = String::new();
    for command in commands {
        // One line each: a command never holds a newline (the prompt takes
        // none), but a hand-edited file might.
        text.push_str(&command.replace(['\n', '\r'], " "));
        text.push('\n');
    }
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path)
}

/// The article as plain text at `width` columns: the header the article
/// view shows, a blank line, the body. Everything in it went through the
/// renderer, so it holds no control characters.
pub fn plain_text(article: &Article, width: usize) -> Result<String, String> {
    let body = read_body_bounded(&article.body)?;
    let mut doc = render_article(article, &body.text);
    if body.cut {
        push_cut_notice(&mut doc, BODY_LIMIT);
    }
    // The page as `inkstone show` prints it, without styles.
    let page = Page {
        article,
        date: stamp(article, DEFAULT_FORMAT, Some(DEFAULT_TIME_FORMAT)),
        copies: &[],
        body: PageBody::Loaded(&doc),
    };
    let lines = article_lines(&page, width.max(20), &ArticleStyles::new(true));
    let mut text = String::new();
    for line in &lines {
        for span in &line.spans {
            text.push_str(&span.content);
        }
        // Lines are padded to the width in places; a pipe wants none.
        let kept = text.trim_end_matches(' ').len();
        text.truncate(kept);
        text.push('\n');
    }
    Ok(text)
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard
/// (`c`), base64-encoded, so nothing in it can act on the terminal.
pub fn osc52(text: &str) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

/// Runs `command` through `sh -c` (or `$PAGER`, default `less`, when
/// `None`) with `text` on its standard input and the terminal for its
/// output. The caller has given up the terminal. After a command (not a
/// pager) it waits for Enter, so its output can be read.
pub fn run(text: &str, command: Option<&str>) -> Action {
    let pager = std::env::var("PAGER")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "less".to_owned());
    let line = command.unwrap_or(&pager);
    let shown = width::truncate(&sanitize::clean_inline(line), 60);
    let result = Command::new("sh")
        .arg("-c")
        .arg(line)
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            if let Some(mut stdin) = child.stdin.take() {
                let text = text.to_owned();
                // Written on a thread: a command that does not read its
                // input (or reads it slowly) must not block the reader.
                let writer = std::thread::spawn(move || {
                    // A command that stops reading early is not an error.
                    let _ = stdin.write_all(text.as_bytes());
                });
                let status = child.wait();
                let _ = writer.join();
                status
            } else {
                child.wait()
            }
        });
    // A command that ran leaves its output on the screen until Enter (one
    // that could not start has nothing to show).
    if command.is_some() && result.is_ok() {
        let mut out = io::stdout();
        let _ = write!(out, "\r\n[inkstone] press Enter to return to the reader ");
        let _ = out.flush();
        let mut answer = String::new();
        let _ = io::stdin().lock().read_line(&mut answer);
    }
    let what = if command.is_some() {
        format!("`{shown}`")
    } else {
        format!("the pager (`{shown}`)")
    };
    match result {
        Ok(status) if status.success() => Action::Notify(format!(
            "Piped {} bytes to {what}",
            crate::text::thousands::thousands(text.len())
        )),
        Ok(status) => Action::Fail(format!("{what} failed ({status})")),
        Err(e) => Action::Fail(format!("Could not run {what}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_link_in_base64_only() {
        let bytes = osc52("https://news.example.hk/a?x=1");
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\x1b]52;c;aHR0cHM6Ly9uZXdzLmV4YW1wbGUuaGsvYT94PTE=\x07"
        );
    }

    #[test]
    fn history_round_trips_and_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = history_file(&dir.path().join("state/marks.json")).unwrap();
        assert!(load_history(&path).is_empty());
        let many: Vec<String> = (0..150).map(|n| format!("wc -c # {n}")).collect();
        save_history(&path, &many).unwrap();
        let loaded = load_history(&path);
        assert_eq!(loaded.len(), HISTORY_LIMIT);
        assert_eq!(loaded.last().map(String::as_str), Some("wc -c # 149"));
        std::fs::write(&path, "less\n\x1b[2Jevil\n\n").unwrap();
        let loaded = load_history(&path);
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[0], "less");
        assert!(!loaded[1].contains('\x1b'), "{loaded:?}");
    }
}
