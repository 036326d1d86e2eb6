//! Characters YAML refuses, found fast and removed before parsing.

use std::borrow::Cow;
use std::sync::LazyLock;

/// YAML refuses control characters anywhere (libyaml's "control characters
/// are not allowed"); 12 real articles have them inside a quoted title, so
/// they are removed before parsing, whole escape sequences at a time (the
/// printable tail of `ESC ] 0 ; …` must not end up in a title). Display
/// cleaning would drop the rest anyway.
pub(super) fn strip_unprintable(yaml: &str) -> Cow<'_, str> {
    if !has_unprintable(yaml.as_bytes()) {
        return Cow::Borrowed(yaml);
    }
    Cow::Owned(crate::text::sanitize::strip_keeping_layout(yaml))
}

/// What libyaml refuses, found in the UTF-8 bytes: C0 controls but tab and
/// line ends, DEL, C1 controls (`C2 80..9F` but NEL) and U+FFFE/U+FFFF.
/// Runs over every front matter at start-up, so the common case (none of
/// these) is a branch-free pass the compiler vectorises, plus two memchr scans.
pub(super) fn has_unprintable(bytes: &[u8]) -> bool {
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    static NONCHARACTER_LEAD: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"\xef\xbf"));
    // Integer flags rather than `&&`, so the loop has no branches.
    let c0_or_del = |b: u8| {
        u8::from(b < 0x20) & u8::from(b != b'\t') & u8::from(b != b'\n') & u8::from(b != b'\r')
            | u8::from(b == 0x7f)
    };
    if bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(0, |found, &b| found | c0_or_del(b)) != 0)
    {
        return true;
    }
    let c1 = memchr::memchr_iter(0xc2, bytes).any(|i| {
        bytes
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85)
    });
    c1 || NONCHARACTER_LEAD
        .find_iter(bytes)
        .any(|i| bytes.get(i + 2).is_some_and(|&n| n >= 0xbe))
}
