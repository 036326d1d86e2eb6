//! Hugo's other front matter languages, TOML and JSON, read into the same
//! raw fields as YAML (so the same aliases and cleaning apply).

use std::borrow::Cow;

use super::fields::{Raw, RawFields};
use super::serde_front::flow_depth;

/// Deeper nesting is refused before a parser sees it (as for YAML).
const MAX_DEPTH: usize = 64;

/// Parses TOML front matter. The error is a short reason for `check`.
pub fn parse_toml(text: &str) -> Result<RawFields<'static>, String> {
    refuse_deep(text)?;
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        format!("front matter is not valid TOML: {message}")
    })?;
    let mut fields = RawFields::default();
    for (key, value) in &table {
        if let Some(slot) = fields.slot(key) {
            *slot = Some(from_toml(value));
        }
    }
    Ok(fields)
}

/// Parses a JSON front matter object (with its braces).
pub fn parse_json(text: &str) -> Result<RawFields<'static>, String> {
    refuse_deep(text)?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("front matter is not valid JSON: {e}"))?;
    let serde_json::Value::Object(object) = value else {
        return Err("front matter is not a JSON object".to_owned());
    };
    let mut fields = RawFields::default();
    for (key, value) in &object {
        if let Some(slot) = fields.slot(key) {
            *slot = Some(from_json(value));
        }
    }
    Ok(fields)
}

fn refuse_deep(text: &str) -> Result<(), String> {
    if flow_depth(text) > MAX_DEPTH {
        return Err(format!(
            "front matter nests lists or maps deeper than {MAX_DEPTH} levels"
        ));
    }
    Ok(())
}

fn toml_scalar(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(n) => Some(n.to_string()),
        toml::Value::Float(n) => Some(n.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        // RFC 3339 as written (`2024-03-01T08:00:00+08:00`, `2024-03-01`).
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Array(_) | toml::Value::Table(_) => None,
    }
}

fn from_toml(value: &toml::Value) -> Raw<'static> {
    match value {
        toml::Value::Array(items) => Raw::List(
            items
                .iter()
                .filter_map(toml_scalar)
                .map(Cow::Owned)
                .collect(),
        ),
        toml::Value::Table(_) => Raw::Other,
        scalar => toml_scalar(scalar).map_or(Raw::Null, |text| Raw::Text(Cow::Owned(text))),
    }
}

fn json_scalar(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Null | serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
            None
        }
    }
}

fn from_json(value: &serde_json::Value) -> Raw<'static> {
    match value {
        serde_json::Value::Null => Raw::Null,
        serde_json::Value::Array(items) => Raw::List(
            items
                .iter()
                .filter_map(json_scalar)
                .map(Cow::Owned)
                .collect(),
        ),
        serde_json::Value::Object(_) => Raw::Other,
        scalar => json_scalar(scalar).map_or(Raw::Null, |text| Raw::Text(Cow::Owned(text))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(raw: Option<Raw>) -> Option<String> {
        match raw? {
            Raw::Text(t) => Some(t.into_owned()),
            _ => None,
        }
    }

    #[test]
    fn toml_fields_and_native_dates() {
        let fields = parse_toml(
            "title = \"標題\"\ndate = 2024-03-01T08:30:00+08:00\nlastmod = 2024-03-02\n\
             tags = [\"甲\", \"乙\"]\ncategories = [\"新聞\"]\nauthors = [\"記者\"]\ndraft = true\n\
             [params]\nx = 1\n",
        )
        .unwrap();
        assert_eq!(text(fields.title).as_deref(), Some("標題"));
        assert_eq!(
            text(fields.date).as_deref(),
            Some("2024-03-01T08:30:00+08:00")
        );
        assert_eq!(text(fields.lastmod).as_deref(), Some("2024-03-02"));
        assert_eq!(text(fields.draft).as_deref(), Some("true"));
        assert_eq!(fields.tags, Some(Raw::List(vec!["甲".into(), "乙".into()])));
        assert_eq!(fields.authors, Some(Raw::List(vec!["記者".into()])));
    }

    #[test]
    fn json_fields() {
        let fields = parse_json(
            "{\"title\": \"標題\", \"date\": \"2024-03-01T08:30:00Z\", \"draft\": false,\n\
             \"tags\": [\"甲\", 2, null, {\"x\": 1}], \"author\": null, \"params\": {}}",
        )
        .unwrap();
        assert_eq!(text(fields.title).as_deref(), Some("標題"));
        assert_eq!(text(fields.draft).as_deref(), Some("false"));
        assert_eq!(fields.tags, Some(Raw::List(vec!["甲".into(), "2".into()])));
        assert_eq!(fields.author, Some(Raw::Null));
    }

    #[test]
    fn bad_front_matter_is_a_reason_not_a_panic() {
        assert!(
            parse_toml("title = \"unclosed\n")
                .unwrap_err()
                .contains("TOML")
        );
        assert!(parse_json("[1, 2]").unwrap_err().contains("object"));
        assert!(parse_json("{").unwrap_err().contains("JSON"));
        let deep = format!("a = {}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse_toml(&deep).unwrap_err().contains("deeper"));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,300}") {
            let _ = parse_toml(&text);
            let _ = parse_json(&text);
        }

        #[test]
        fn brackets_and_quotes_never_panic(text in "[\\[\\]{}\"=,:a-c0-9 \\n]{0,300}") {
            let _ = parse_toml(&text);
            let _ = parse_json(&text);
        }
    }
}
