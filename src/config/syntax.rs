//! YAML syntax mistakes in config.yaml and keymap.yaml, said in the
//! person's terms (what is not closed, what is mis-indented) at the line to
//! look at, instead of libyaml's parser states.

use std::path::Path;

use super::ConfigError;

/// A YAML syntax mistake (an unclosed bracket or quote, a tab, a bad
/// indent) as an error in the person's terms at its line. `serde_yaml` reads
/// lazily and would first complain about the value it was reading
/// (`invalid type: sequence, expected ...`); reading the whole text as
/// plain YAML first finds the real mistake. A key written twice is left
/// to the typed reading, which names it.
pub fn check_syntax(text: &str, path: &Path) -> Result<(), ConfigError> {
    let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return Ok(());
    };
    let full = e.to_string();
    if full.contains("duplicate entry with key") {
        return Ok(());
    }
    let (line, message) = plain_syntax_error(text, &full, e.location().map(|l| l.line()));
    Err(ConfigError {
        path: path.to_path_buf(),
        line,
        key: None,
        message: format!("not valid YAML: {message}"),
    })
}

/// libyaml's `problem at line L column C, while context at line L2 column
/// C2` said plainly, at the line a person should look at: where the
/// unclosed quote or bracket started, else where the problem was found.
fn plain_syntax_error(text: &str, full: &str, at: Option<usize>) -> (Option<usize>, String) {
    let started = full
        .split_once(", while ")
        .and_then(|(_, context)| line_of(context));
    let problem = full.split(" at line ").next().unwrap_or(full);
    let problem = problem.split(", while ").next().unwrap_or(problem);
    let indented_with_tab = at
        .and_then(|l| text.lines().nth(l.saturating_sub(1)))
        .is_some_and(|l| l[..l.len() - l.trim_start().len()].contains('\t'));
    let (opened, message) = if full.contains("tab character")
        || (problem.contains("cannot start any token") && indented_with_tab)
    {
        (false, "indent with spaces, not tabs")
    } else if full.contains("while scanning a quoted scalar") {
        (
            true,
            "a quote is not closed: a value that starts with \" or ' must end with the same quote",
        )
    } else if problem.contains("expected ',' or ']'") {
        (true, "a list opened with `[` is not closed with `]`")
    } else if problem.contains("expected ',' or '}'") {
        (true, "a map opened with `{` is not closed with `}`")
    } else if problem.contains("mapping values are not allowed") {
        (
            false,
            "a `:` where YAML does not expect one: put quotes around a value that has `: ` \
             in it, or check this line's indentation against the lines above",
        )
    } else if problem.contains("did not find expected key") {
        (
            false,
            "this line does not line up with the keys around it (check the indentation)",
        )
    } else if problem.contains("recursion limit") {
        (
            false,
            "nested too deeply, or an alias (`*name`) refers to itself",
        )
    } else if problem.contains("unknown anchor") {
        (
            false,
            "an alias (`*name`) refers to an anchor (`&name`) that is not defined above it",
        )
    } else if problem.contains("did not find expected node content") {
        (false, "a value is missing here, or a bracket is not closed")
    } else {
        (false, problem)
    };
    let line = if opened {
        started.or(at)
    } else {
        at.or(started)
    };
    (line, message.to_string())
}

/// The line number in `... at line N column C`.
fn line_of(text: &str) -> Option<usize> {
    let rest = text.split(" at line ").nth(1)?;
    rest.split(' ').next()?.parse().ok()
}
