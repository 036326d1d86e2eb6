//! `$BROWSER` read as webbrowser reads it: `:`-separated entries, the
//! first whose program is found on `PATH`, with `%s`, `%c` and `%%`
//! expanded.

use std::path::{Path, PathBuf};

/// The first `$BROWSER` entry (`:`-separated) whose program exists, as a
/// command line with `%s` replaced by the URL (or the URL appended), the
/// same rules webbrowser applies.
pub(super) fn browser_command(browser: &str, url: &str) -> Option<Vec<String>> {
    browser
        .split(':')
        .filter(|e| !e.trim().is_empty())
        .find_map(|entry| {
            let mut has_url = false;
            let mut words: Vec<String> = entry
                .split_ascii_whitespace()
                .map(|word| {
                    let (word, with_url) = expand(word, url);
                    has_url |= with_url;
                    word
                })
                .collect();
            if !has_url {
                words.push(url.to_owned());
            }
            let program = find_program(&words[0])?;
            words[0] = program.to_string_lossy().into_owned();
            Some(words)
        })
}

/// `%s` -> the URL, `%c` -> `:`, `%%` -> `%`, in one pass so the URL is
/// never scanned for codes; says whether `%s` occurred.
fn expand(word: &str, url: &str) -> (String, bool) {
    let mut out = String::with_capacity(word.len());
    let mut has_url = false;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => {
                out.push_str(url);
                has_url = true;
            }
            Some('c') => out.push(':'),
            Some('%') | None => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
        }
    }
    (out, has_url)
}

fn find_program(name: &str) -> Option<PathBuf> {
    let executable = |p: &Path| {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if name.contains('/') {
        let path = PathBuf::from(name);
        return executable(&path).then_some(path);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| executable(p))
}
