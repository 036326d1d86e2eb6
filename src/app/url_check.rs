//! Which links may be handed to a browser: http(s) only.

use url::Url;

use crate::text::{sanitize, width};

/// The link as the browser should get it, or why it is refused. Only
/// absolute `http`/`https` URLs with a host pass: `javascript:`, `file:`,
/// `data:` and the like could run code or read local files, and text
/// starting with `-` could be taken for a command-line option.
pub fn check_url(raw: &str) -> Result<String, String> {
    let text = raw.trim();
    let shown = width::truncate(&sanitize::clean_inline(text), 60);
    if text.is_empty() {
        return Err("This article has no link".to_owned());
    }
    if text.starts_with('-') {
        return Err(format!("Refused to open {shown}: not a web link"));
    }
    let url = Url::parse(text).map_err(|e| format!("Refused to open {shown}: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "Refused to open {shown}: only http and https links are opened"
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("Refused to open {shown}: no host"));
    }
    Ok(url.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_pass() {
        assert_eq!(
            check_url(" https://news.example.hk/a/1?x=2#y ").unwrap(),
            "https://news.example.hk/a/1?x=2#y"
        );
        assert_eq!(
            check_url("http://例子.測試/路").unwrap(),
            "http://xn--fsqu00a.xn--g6w251d/%E8%B7%AF"
        );
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "file:///etc/passwd",
            "-a https://x.example",
            "--help",
            "data:text/html,hi",
            "mailto:a@b.c",
            "/relative/path",
            "",
            "http://",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
