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

/// A web link that names something before an `@` in its address
/// (`https://example.com@evil.com/`): the browser goes to `host`, while a
/// reader sees `shown_as` first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenHost {
    /// What stands before the `@` (user name and password), safe to show.
    pub shown_as: String,
    /// The host the link really goes to (IDNs in their ASCII form, so
    /// look-alike letters cannot pass for others).
    pub host: String,
}

/// The real host of a web link with user information in it, `None` for
/// any other link (or no web link at all).
pub fn hidden_host(raw: &str) -> Option<HiddenHost> {
    let url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    if url.username().is_empty() && url.password().is_none() {
        return None;
    }
    let mut shown_as = url.username().to_owned();
    if let Some(password) = url.password() {
        shown_as.push(':');
        shown_as.push_str(password);
    }
    let shown_as = crate::render::readable_url(&shown_as);
    Some(HiddenHost {
        shown_as: width::truncate(&sanitize::clean_inline(&shown_as), 40),
        host: sanitize::clean_inline(url.host_str()?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_information_is_told_apart_from_the_host() {
        let hidden = hidden_host("https://example.com@evil.com/login").unwrap();
        assert_eq!(hidden.host, "evil.com");
        assert_eq!(hidden.shown_as, "example.com");
        let hidden = hidden_host("http://bank.hk:secret@xn--80ak6aa92e.com/").unwrap();
        assert_eq!(hidden.host, "xn--80ak6aa92e.com");
        assert_eq!(hidden.shown_as, "bank.hk:secret");
        let hidden = hidden_host("https://:pw@evil.com/").unwrap();
        assert_eq!(hidden.host, "evil.com");
        for plain in [
            "https://example.com/a@b",
            "https://example.com/?to=a@b.c",
            "https://example.com/#x@y",
            "mailto:a@evil.com",
            "not a link",
            "",
        ] {
            assert_eq!(hidden_host(plain), None, "{plain}");
        }
        // Still a web link: it is opened, after asking.
        assert!(check_url("https://example.com@evil.com/").is_ok());
    }

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
