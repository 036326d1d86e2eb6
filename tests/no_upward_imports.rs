//! The modules of `src/` form layers, each using only those below it: no
//! upward import and so no import cycle, in production code and in unit
//! tests alike (a test that needs an upper layer, such as the effect
//! runner or the screen, belongs in `tests/`). A check over the source:
//! every `crate::<module>` path, `use crate::{...}` groups included.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The top-level modules of `src/`, lowest first: each may use only the
/// ones before it.
const LAYERS: &[&str] = &[
    "problem",
    "text",
    "durable",
    "regular_file",
    "tree",
    "article",
    "marks",
    "archive_links",
    "overview",
    "render",
    "config",
    "cache",
    "library",
    "search",
    "watch",
    "app",
    "keymap",
    "ui",
    "startup",
    "tui",
    "cli",
];

/// Unit tests that still reach upward, as (file, module used): none may be
/// added, and each one mended must leave this list (the test says so).
const KNOWN_IN_TESTS: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules `text` names through `crate::`.
fn modules_used(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut used = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the first name of each
            // item at the group's top level.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        let name: String = group[i..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        used.insert(name);
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            used.insert(name);
        }
    }
    used
}

#[test]
fn no_module_of_src_uses_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    let mut known_seen = BTreeSet::new();
    let mut unlisted = BTreeSet::new();
    for path in &files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let top = path
            .strip_prefix(&src)
            .unwrap()
            .components()
            .next()
            .unwrap();
        let top = top.as_os_str().to_string_lossy();
        let top = top.trim_end_matches(".rs");
        if top == "lib" || top == "main" {
            continue;
        }
        let Some(rank) = LAYERS.iter().position(|m| *m == top) else {
            unlisted.insert(top.to_owned());
            continue;
        };
        for module in modules_used(&fs::read_to_string(path).unwrap()) {
            let Some(used) = LAYERS.iter().position(|m| *m == module) else {
                continue; // Not a module of ours (`crate::Foo` re-exports none).
            };
            if used <= rank {
                continue;
            }
            if KNOWN_IN_TESTS.contains(&(relative.as_str(), module.as_str())) {
                known_seen.insert((relative.clone(), module));
            } else {
                found.push(format!("{relative} ({top}) uses {module}"));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "modules of src/ missing from LAYERS: {unlisted:?}"
    );
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
    let mended: Vec<_> = KNOWN_IN_TESTS
        .iter()
        .filter(|(file, module)| !known_seen.contains(&((*file).to_owned(), (*module).to_owned())))
        .collect();
    assert!(
        mended.is_empty(),
        "no longer imported upward, take them off KNOWN_IN_TESTS: {mended:?}"
    );
}

#[test]
fn group_imports_are_read_item_by_item() {
    let used = modules_used("use crate::{app::{Action, App}, tui::Runner};\n// crate::cli\n");
    assert_eq!(used, BTreeSet::from(["app".to_owned(), "tui".to_owned()]));
}
