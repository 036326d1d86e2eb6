//! Front matter through `serde_yaml`: the general, slower path, used whenever
//! the fast parser declines.

use serde_yaml::Value;

use super::fields::{RawFields, raw_from_value};

/// Deeper flow nesting is refused before libyaml sees it: its scanner slows
/// down badly on thousands of open brackets, and `serde_yaml` would refuse
/// anything past 128 levels anyway.
const MAX_FLOW_DEPTH: usize = 64;

/// Parses YAML front matter. The error is a short reason for `check`.
pub fn parse(yaml: &str) -> Result<RawFields<'static>, String> {
    if flow_depth(yaml) > MAX_FLOW_DEPTH {
        return Err(format!(
            "front matter nests lists or maps deeper than {MAX_FLOW_DEPTH} levels"
        ));
    }
    // A leading blank line stands for the opening `---`, so the line numbers
    // in error messages are the file's.
    let value: Value = serde_yaml::from_str(&format!("\n{yaml}")).map_err(|e| explain(&e))?;
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

fn explain(error: &serde_yaml::Error) -> String {
    let message = error.to_string();
    if message.contains("repetition limit exceeded") {
        "front matter refused: its aliases expand too far (an alias bomb?)".to_owned()
    } else if message.contains("recursion limit exceeded") {
        "front matter refused: it nests too deep".to_owned()
    } else {
        format!("front matter is not valid YAML: {message}")
    }
}

/// The deepest `[`/`{` nesting, counting brackets inside quotes too (a
/// harmless overestimate for real front matter).
pub(super) fn flow_depth(yaml: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for b in yaml.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
