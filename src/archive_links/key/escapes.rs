//! Percent-escapes decoded, for keys and for showing addresses.

/// `text` with its `%XX` escapes decoded into `out` (cleared first); a `%`
/// not followed by two hex digits is kept as it is. Copies the runs
/// between escapes whole (decoding byte by byte was most of the cost of
/// indexing an archive's long escaped addresses).
pub fn percent_decode_into(text: &[u8], out: &mut Vec<u8>) {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    out.clear();
    out.reserve(text.len());
    let mut rest = text;
    while let Some(at) = memchr::memchr(b'%', rest) {
        out.extend_from_slice(&rest[..at]);
        let high = rest.get(at + 1).copied().and_then(hex);
        let low = rest.get(at + 2).copied().and_then(hex);
        if let (Some(high), Some(low)) = (high, low) {
            out.push(high << 4 | low);
            rest = &rest[at + 3..];
        } else {
            out.push(b'%');
            rest = &rest[at + 1..];
        }
    }
    out.extend_from_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;

    #[test]
    fn escapes_decode_like_percent_encoding() {
        for text in ["a%E7%94%B2b", "%", "%4", "%zz%41", "100%", "%%41", "無%20"] {
            let mut out = Vec::new();
            percent_decode_into(text.as_bytes(), &mut out);
            let want: Vec<u8> = percent_decode_str(text).collect();
            assert_eq!(out, want, "{text}");
        }
    }
}
