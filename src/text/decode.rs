//! Article files' bytes to text. Nearly every file is UTF-8 (with or
//! without a BOM) and is read as it is, after one validity check. UTF-16
//! is recognised by its BOM. Anything else is guessed with chardetng
//! (Big5, GBK/GB18030, `Shift_JIS`, EUC-KR and the other legacy encodings a
//! browser knows) and decoded with `encoding_rs`, so replacement characters
//! appear only where no encoding fits the bytes.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
pub use encoding_rs::Encoding;

/// How much of a file chardetng looks at: plenty for a confident guess.
const GUESS_BYTES: usize = 64 * 1024;

/// Whether a file starting with `head` is read as UTF-8. `head` may end
/// in the middle of a character. True for valid UTF-8, and for UTF-8 with
/// a few damaged sequences among many good multi-byte characters (a cut
/// or corrupted file is not a legacy one); false for a UTF-16 BOM and for
/// bytes that are mostly not UTF-8.
pub fn is_utf8(head: &[u8]) -> bool {
    if utf16_bom(head).is_some() {
        return false;
    }
    if std::str::from_utf8(head).is_ok() {
        return true;
    }
    let mut good_multibyte = 0usize;
    let mut bad = 0usize;
    let mut chunks = head.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        good_multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        // The last chunk's invalid tail may be a character cut by the end of `head`.
        let cut = chunks.peek().is_none() && chunk.invalid().len() < 4;
        if !chunk.invalid().is_empty() && !cut {
            bad += 1;
        }
    }
    bad * 8 <= good_multibyte
}

/// A whole file that [`is_utf8`] refused, decoded.
#[derive(Debug)]
pub struct Decoded {
    pub encoding: &'static Encoding,
    pub text: String,
    /// Whether some bytes fit no character of `encoding` (shown as U+FFFD).
    pub replaced: bool,
}

/// Decodes `bytes`, a whole file: by its UTF-16 BOM, else in the encoding
/// chardetng finds most likely.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, body) = match utf16_bom(bytes) {
        Some(encoding) => (encoding, &bytes[2..]),
        None => (guess(bytes), bytes),
    };
    decode_with(encoding, body)
}

/// Decodes `bytes` in `encoding` (a UTF-16 BOM at the start is skipped).
pub fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let bytes = match utf16_bom(bytes) {
        Some(bom) if bom == encoding => &bytes[2..],
        _ => bytes,
    };
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        encoding,
        text: text.into_owned(),
        replaced,
    }
}

/// The text of `bytes`, a whole file or a part of one starting at a
/// character boundary, in `encoding` (`None`: UTF-8, invalid sequences
/// replaced).
pub fn text_in<'a>(encoding: Option<&'static Encoding>, bytes: &'a [u8]) -> Cow<'a, str> {
    match encoding {
        None => String::from_utf8_lossy(bytes),
        Some(encoding) => Cow::Owned(decode_with(encoding, bytes).text),
    }
}

/// An article's body from its whole file: from byte `offset` of the file
/// (UTF-8, `encoding` `None`) or of the file decoded from `encoding`.
pub fn body_text<'a>(
    encoding: Option<&'static Encoding>,
    file: &'a [u8],
    offset: u64,
) -> Cow<'a, str> {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    match encoding {
        None => String::from_utf8_lossy(&file[offset.min(file.len())..]),
        Some(encoding) => {
            let mut text = decode_with(encoding, file).text;
            if text.is_char_boundary(offset.min(text.len())) {
                text.drain(..offset.min(text.len()));
            }
            Cow::Owned(text)
        }
    }
}

/// chardetng's guess for the start of `bytes`: never UTF-8 (already ruled out).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(GUESS_BYTES)];
    detector.feed(head, head.len() == bytes.len());
    detector.guess(None, Utf8Detection::Deny)
}

/// Whether `bytes` opens with a UTF-16 byte order mark.
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    utf16_bom(bytes).is_some()
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes.get(..2)? {
        [0xFF, 0xFE] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "香港新聞：今日天氣晴朗，市民外出遊玩。政府宣布新的交通安排，\
        將於下月開始實施。記者在現場訪問了多位市民，他們大多表示支持。";

    fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} cannot hold the text", encoding.name());
        bytes.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom_and_cut_tails_are_utf8() {
        assert!(is_utf8(TEXT.as_bytes()));
        assert!(is_utf8(format!("\u{FEFF}{TEXT}").as_bytes()));
        let bytes = TEXT.as_bytes();
        assert!(is_utf8(&bytes[..bytes.len() - 1]), "a cut last character");
        assert!(is_utf8(b""));
    }

    #[test]
    fn utf8_with_a_damaged_character_stays_utf8() {
        let mut bytes = TEXT.as_bytes().to_vec();
        bytes[10] = 0xFF;
        assert!(is_utf8(&bytes));
    }

    #[test]
    fn legacy_cjk_encodings_are_found_and_decoded() {
        let simplified = "香港新闻：今日天气晴朗，市民外出游玩。政府宣布新的交通安排，\
            将于下月开始实施。记者在现场访问了多位市民，他们大多表示支持。";
        let japanese = "東京のニュース：今日は晴れで、多くの市民が外出しました。\
            政府は新しい交通計画を発表し、来月から実施する予定です。";
        let korean = "서울 뉴스: 오늘 날씨가 맑아서 많은 시민들이 외출했습니다. \
            정부는 새로운 교통 계획을 발표했으며 다음 달부터 시행할 예정입니다.";
        for (encoding, text) in [
            (encoding_rs::BIG5, TEXT),
            (encoding_rs::GBK, simplified),
            (encoding_rs::GB18030, simplified),
            (encoding_rs::SHIFT_JIS, japanese),
            (encoding_rs::EUC_KR, korean),
        ] {
            let bytes = encoded(encoding, text);
            assert!(!is_utf8(&bytes), "{}", encoding.name());
            let decoded = decode(&bytes);
            assert_eq!(decoded.text, text, "{}", encoding.name());
            assert!(!decoded.replaced);
            // GB18030 text is guessed as GBK, whose decoder is GB18030's.
            let expected = if encoding == encoding_rs::GB18030 {
                encoding_rs::GBK
            } else {
                encoding
            };
            assert_eq!(decoded.encoding, expected);
        }
    }

    #[test]
    fn utf16_needs_its_bom() {
        for (encoding, bom) in [
            (encoding_rs::UTF_16LE, [0xFF, 0xFE]),
            (encoding_rs::UTF_16BE, [0xFE, 0xFF]),
        ] {
            let units: Vec<u16> = TEXT.encode_utf16().collect();
            let mut bytes = bom.to_vec();
            for unit in units {
                let pair = if encoding == encoding_rs::UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            assert!(!is_utf8(&bytes));
            let decoded = decode(&bytes);
            assert_eq!((decoded.encoding, decoded.text.as_str()), (encoding, TEXT));
            assert_eq!(text_in(Some(encoding), &bytes), TEXT, "BOM skipped");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes: Vec<u8>) {
            let _ = is_utf8(&bytes);
            let decoded = decode(&bytes);
            // Bounded: a character per byte at most, each at most 3 bytes of UTF-8.
            proptest::prop_assert!(decoded.text.len() <= bytes.len() * 3 + 3);
        }
    }
}
