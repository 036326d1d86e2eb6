//! An article's body read from its file: decoded, and cut at [`BODY_LIMIT`].

use super::read;
use crate::article::BodySource;

/// The most of a body that is read, rendered and searched: 40 times the
/// largest real article (about 100 KB), and small enough that a huge file
/// (a 2 GB sparse file, a log) costs about a second and 60 MB to show, not
/// minutes and gigabytes.
pub const BODY_LIMIT: u64 = 4 << 20;

/// An article's body as read: at most [`BODY_LIMIT`] bytes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub text: String,
    /// The body went on past [`BODY_LIMIT`]; `text` is its start.
    pub cut: bool,
}

/// Reads an article's body (everything after the front matter), decoded
/// from the file's encoding (invalid UTF-8 lossily); a body over
/// [`BODY_LIMIT`] is cut there.
pub fn read_body(source: &BodySource) -> Result<String, String> {
    read_body_bounded(source).map(|body| body.text)
}

/// [`read_body`], saying whether the body was cut.
pub fn read_body_bounded(source: &BodySource) -> Result<Body, String> {
    match source {
        BodySource::File {
            path,
            offset,
            encoding: None,
        } => {
            let fail = |e: std::io::Error| format!("{}: {e}", path.display());
            let file = crate::regular_file::open_at(path, *offset).map_err(fail)?;
            let (bytes, complete) =
                crate::regular_file::read_prefix(file, BODY_LIMIT).map_err(fail)?;
            Ok(Body {
                text: decode_start(&bytes, complete),
                cut: !complete,
            })
        }
        BodySource::File {
            path,
            offset,
            encoding: Some(encoding),
        } => {
            // The offset counts decoded bytes: the file is decoded from its start.
            let fail = |e: std::io::Error| format!("{}: {e}", path.display());
            let file = crate::regular_file::open(path).map_err(fail)?;
            let (bytes, complete) =
                crate::regular_file::read_prefix(file, BODY_LIMIT).map_err(fail)?;
            Ok(Body {
                text: crate::text::decode::body_text(Some(encoding), &bytes, *offset).into_owned(),
                cut: !complete,
            })
        }
        BodySource::Embedded { bytes, offset } => {
            let start = (*offset).min(bytes.len());
            Ok(Body {
                text: String::from_utf8_lossy(&bytes[start..]).into_owned(),
                cut: false,
            })
        }
    }
}

/// Lossy UTF-8, without the replacement character a cut through the last
/// character would leave.
fn decode_start(bytes: &[u8], complete: bool) -> String {
    let end = if complete {
        bytes.len()
    } else {
        bytes.len() - read::cut_tail(bytes)
    };
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}
