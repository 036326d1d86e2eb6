//! Handing a checked http(s) URL to a browser.
//!
//! Graphical browsers are started through the webbrowser crate (which
//! honours `$BROWSER`, then xdg-open and friends) on a helper thread, so a
//! slow launcher never freezes the screen. Browsers that draw in this
//! terminal (w3m, lynx, links, elinks..., or any `$BROWSER` when
//! `INKSTONE_BROWSER_TERMINAL=1`) need the terminal to themselves: the
//! caller gives it up, runs them, and takes it back.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use webbrowser::{Browser, BrowserOptions};

use crate::app::Action;
use crate::text::{sanitize, width};

mod command;

use command::browser_command;

/// Browsers that take over the terminal they run in (the list webbrowser
/// runs in the foreground, which it only does for `$BROWSER`).
const TERMINAL_BROWSERS: [&str; 9] = [
    "lynx", "links", "links2", "elinks", "w3m", "eww", "netrik", "retawq", "curl",
];

/// How to open a URL.
#[derive(Debug, PartialEq, Eq)]
pub enum Launch {
    /// A graphical browser: start it and carry on.
    Background,
    /// A browser that uses this terminal: this command line, or (`None`)
    /// whatever webbrowser finds, e.g. xdg-open falling back to a text
    /// browser on a console without a display.
    Terminal(Option<Vec<String>>),
}

/// Decides how `url` will be opened, from `$BROWSER`,
/// `INKSTONE_BROWSER_TERMINAL` and whether there is a display.
pub fn plan(url: &str) -> Launch {
    let flagged =
        std::env::var("INKSTONE_BROWSER_TERMINAL").is_ok_and(|v| !v.is_empty() && v != "0");
    let browser = std::env::var("BROWSER").unwrap_or_default();
    if let Some(command) = browser_command(&browser, url) {
        let program = Path::new(&command[0])
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        if flagged || TERMINAL_BROWSERS.contains(&program) {
            return Launch::Terminal(Some(command));
        }
        return Launch::Background;
    }
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    if flagged || (cfg!(all(unix, not(target_os = "macos"))) && !has_display) {
        Launch::Terminal(None)
    } else {
        Launch::Background
    }
}

/// How long a `$BROWSER` command is watched for failing: one still running
/// after this has opened the page (a browser that stays open).
const BROWSER_GRACE: Duration = Duration::from_secs(3);

/// The most of a failing browser's error output shown.
const STDERR_KEPT: u64 = 4096;

/// Starts a graphical browser on a helper thread; the outcome arrives on
/// `report` as a status message. A `$BROWSER` command is run here and
/// watched, so one that fails says so with its exit status and message.
pub fn open_in_background(url: String, report: Sender<Action>) {
    // Kept to say so in the status line if the thread cannot start:
    // standard error is the reader's screen.
    let (unstarted, unstarted_url) = (report.clone(), url.clone());
    let spawned = std::thread::Builder::new()
        .name("browser".into())
        .spawn(move || {
            let browser = std::env::var("BROWSER").unwrap_or_default();
            let result = match browser_command(&browser, &url) {
                Some(command) => run_watched(&command),
                None => webbrowser::open_browser_with_options(
                    Browser::Default,
                    &url,
                    &BrowserOptions::new(),
                )
                .map_err(|e| e.to_string()),
            };
            let _ = report.send(outcome(&url, result));
        });
    if let Err(e) = spawned {
        let failed = Err(format!("could not start the browser thread: {e}"));
        let _ = unstarted.send(outcome(&unstarted_url, failed));
    }
}

/// Runs `command` (no terminal input or output); fails with its exit status
/// and the first line of its error output when it exits unsuccessfully
/// within [`BROWSER_GRACE`].
fn run_watched(command: &[String]) -> Result<(), String> {
    let [program, args @ ..] = command else {
        return Err("empty browser command".to_owned());
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    // Read the error output as it comes, so a chatty browser never blocks.
    let stderr = child.stderr.take().map(|pipe| {
        std::thread::spawn(move || {
            let mut kept = Vec::new();
            let mut pipe = pipe;
            let _ = (&mut pipe).take(STDERR_KEPT).read_to_end(&mut kept);
            let _ = std::io::copy(&mut pipe, &mut std::io::sink());
            String::from_utf8_lossy(&kept).into_owned()
        })
    });
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let said = stderr
                    .and_then(|t| t.join().ok())
                    .and_then(|text| {
                        text.lines()
                            .find(|l| !l.trim().is_empty())
                            .map(str::to_owned)
                    })
                    .map(|line| format!(": {}", line.trim()))
                    .unwrap_or_default();
                return Err(format!(
                    "{} {}{said}",
                    program_name(program),
                    exit_text(status)
                ));
            }
            Ok(None) if started.elapsed() < BROWSER_GRACE => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(None) => {
                // Still running: it is showing the page. Reap it later.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => return Err(format!("{program}: {e}")),
        }
    }
}

/// `exited with status 3` / `was killed by signal 9`.
fn exit_text(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with status {code}"),
        (None, Some(signal)) => format!("was killed by signal {signal}"),
        (None, None) => format!("failed ({status})"),
    }
}

fn program_name(program: &str) -> &str {
    Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program)
}

/// Runs a terminal browser in the foreground and waits for it. The caller
/// must have given up the terminal first.
pub fn open_in_terminal(url: &str, command: Option<&[String]>) -> Action {
    let result = if let Some([program, args @ ..]) = command {
        match Command::new(program).args(args).status() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(format!("{} {}", program_name(program), exit_text(status))),
            Err(e) => Err(format!("{program}: {e}")),
        }
    } else {
        let mut options = BrowserOptions::new();
        options.with_suppress_output(false);
        webbrowser::open_browser_with_options(Browser::Default, url, &options)
            .map_err(|e| e.to_string())
    };
    outcome(url, result)
}

/// The status message; a failure's reason comes before the (long) address
/// so the status line shows it.
fn outcome(url: &str, result: Result<(), String>) -> Action {
    let url = width::truncate(url, 200);
    match result {
        Ok(()) => Action::Notify(format!("Opened {url}")),
        Err(e) => {
            let reason = sanitize::clean_inline(&e);
            let reason = if reason.trim().is_empty() {
                "no reason given".to_owned()
            } else {
                width::truncate(&reason, 200)
            };
            Action::Fail(format!("Could not open the link ({reason}): {url}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_browser_reports_its_status_and_message() {
        let command = ["sh", "-c", "echo 'no display here' >&2; exit 3"].map(String::from);
        assert_eq!(
            run_watched(&command),
            Err("sh exited with status 3: no display here".to_owned())
        );
        assert_eq!(run_watched(&["true".to_owned()]), Ok(()));
        let missing = run_watched(&["/no/such/browser".to_owned()]).unwrap_err();
        assert!(missing.starts_with("/no/such/browser: "), "{missing}");
        let Action::Fail(message) = outcome("https://a.example/x", Err(missing)) else {
            panic!("a failure");
        };
        assert!(
            message.starts_with("Could not open the link (/no/such/browser: "),
            "{message}"
        );
    }

    #[test]
    fn browser_commands_follow_webbrowser_rules() {
        let url = "https://a.example/x";
        assert_eq!(browser_command("sh", url).unwrap()[1..], [url.to_owned()]);
        assert_eq!(
            browser_command("sh -c 'echo %s' %%", url).unwrap()[1..],
            ["-c", "'echo", &format!("{url}'"), "%"]
        );
        assert_eq!(
            browser_command("no-such-browser-here:sh", url).unwrap()[1],
            url
        );
        assert!(browser_command("no-such-browser-here", url).is_none());
        assert!(browser_command("", url).is_none());
    }
}
