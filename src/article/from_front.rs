//! Building an article from its front matter: the fields parsed in the
//! front matter's language, then normalised.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::unprintable::strip_unprintable;
use super::{
    Article, BodySource, FrontKind, fields, hugo_front, normalise, serde_front, simple_front,
};
use crate::problem::{Problem, Severity};

/// Which YAML parser reads front matter. `Auto` uses the fast parser for
/// the common flat shape and `serde_yaml` for the rest; `SerdeOnly` exists so
/// tests can prove both give the same article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlParser {
    Auto,
    SerdeOnly,
}

/// Where an article comes from, for its path, id and body.
pub struct Origin<'a> {
    /// The file's path, shared with its `BodySource::File` when that is
    /// the same file (one copy an article).
    pub path: Arc<Path>,
    /// The path inside the archive, `/`-separated: the id when there is no link.
    pub archive_path: &'a str,
    pub body: BodySource,
}

/// Builds an article from its YAML front matter (`None` when the file has
/// none). The title may still be empty: then call
/// [`Article::set_title_from_body`]. Problems found are pushed onto `problems`.
pub fn from_front_matter(
    yaml: Option<&str>,
    origin: Origin<'_>,
    problems: &mut Vec<Problem>,
) -> Article {
    from_front_matter_with(YamlParser::Auto, yaml, origin, problems)
}

pub fn from_front_matter_with(
    parser: YamlParser,
    yaml: Option<&str>,
    origin: Origin<'_>,
    problems: &mut Vec<Problem>,
) -> Article {
    from_front(parser, yaml.map(|y| (FrontKind::Yaml, y)), origin, problems)
}

/// [`from_front_matter_with`] for front matter in any language.
pub fn from_front(
    parser: YamlParser,
    front: Option<(FrontKind, &str)>,
    origin: Origin<'_>,
    problems: &mut Vec<Problem>,
) -> Article {
    let mut notes: Vec<(Severity, String)> = Vec::new();
    // No language allows raw control characters (see `strip_unprintable`).
    // The parsed values may borrow from the text, which lives here.
    let front = front.map(|(kind, text)| (kind, strip_unprintable(text)));
    if let Some((_, Cow::Owned(_))) = front {
        notes.push((
            Severity::Warning,
            "control characters in front matter were removed".to_owned(),
        ));
    }
    let fields = match &front {
        None => fields::RawFields::default(),
        Some((kind, text)) => parse_fields(parser, *kind, text, &mut notes),
    };
    let article = normalise::article(fields, origin, &mut notes);
    problems.extend(notes.into_iter().map(|(severity, reason)| Problem {
        path: article.path.to_path_buf(),
        severity,
        reason,
    }));
    article
}

/// The raw fields of front matter in `kind` (without control characters);
/// on failure none, with the reason noted as an error.
fn parse_fields<'a>(
    parser: YamlParser,
    kind: FrontKind,
    text: &'a str,
    notes: &mut Vec<(Severity, String)>,
) -> fields::RawFields<'a> {
    let parsed = match kind {
        FrontKind::Yaml => {
            let fast = match parser {
                YamlParser::Auto => simple_front::parse(text),
                YamlParser::SerdeOnly => None,
            };
            fast.map_or_else(|| serde_front::parse(text), Ok)
        }
        FrontKind::Toml => hugo_front::parse_toml(text),
        FrontKind::Json => hugo_front::parse_json(text),
    };
    parsed.unwrap_or_else(|reason| {
        notes.push((Severity::Error, reason));
        fields::RawFields::default()
    })
}

/// Whether the fast parser reads `yaml` by itself, without falling back to
/// `serde_yaml` (for tests and benchmarks).
pub fn fast_path_accepts(yaml: &str) -> bool {
    simple_front::parse(&strip_unprintable(yaml)).is_some()
}
