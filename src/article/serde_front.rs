//! Front matter through serde_yaml: the general, slower path, used whenever
//! the fast parser declines.

use serde_yaml::Value;

use super::fields::{RawFields, raw_from_value};

/// Parses YAML front matter. The error is a short reason for `check`.
pub fn parse(yaml: &str) -> Result<RawFields, String> {
    let value: Value =
        serde_yaml::from_str(yaml).map_err(|e| format!("front matter is not valid YAML: {e}"))?;
    let mapping = match value {
        Value::Null => return Ok(RawFields::default()),
        Value::Mapping(mapping) => mapping,
        _ => return Err("front matter is not a YAML mapping of keys to values".to_owned()),
    };
    let mut fields = RawFields::default();
    for (key, value) in &mapping {
        if let Some(slot) = key.as_str().and_then(|k| fields.slot(k)) {
            *slot = Some(raw_from_value(value));
        }
    }
    Ok(fields)
}
