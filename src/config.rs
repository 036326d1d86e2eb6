//! The user's settings from `config.yaml` in the platform's config folder.
//!
//! Start-up order: the config is read before the terminal is set up (so an
//! error prints plainly and inkstone exits), then
//! [`Config::apply_globals`] (ambiguous width, before any text is measured),
//! then the reader takes the rest: `library` paths (when none are given on
//! the command line), the `keys` overrides into its keymap
//! (`Keymap::with_config`), [`Config::monochrome`] and `colors` into the
//! app's options (laid over `ui::Theme`, and over article text through
//! `Options::article_styles`), `date_format` and `time_format`
//! (also the app's options), and `mouse`.

mod error;
mod keys;
mod raw;
mod syntax;
mod theme;

use std::io;
use std::path::{Path, PathBuf};

pub use error::ConfigError;
pub use keys::{KeyOverride, read_keymap_file};
pub use theme::{ColorOverrides, Element, StyleSpec, ThemeName};

use raw::RawConfig;

/// The commented default config, as `inkstone config --default` prints it.
pub const DEFAULT_YAML: &str = include_str!("../assets/config.yaml");

/// File name of the config inside the config folder.
pub const FILE_NAME: &str = "config.yaml";

/// The largest config.yaml (or keymap.yaml) read: a hundred times a long one.
pub const CONFIG_LIMIT: u64 = 1 << 20;

/// Settings, checked: every value here is usable as is.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file these came from; `None` when there was none (defaults).
    pub source: Option<PathBuf>,
    /// Library paths, `~` expanded and relative ones made absolute against
    /// the config file's folder. Empty: show the built-in samples.
    pub library: Vec<PathBuf>,
    pub keys: Vec<KeyOverride>,
    pub theme: ThemeName,
    pub colors: ColorOverrides,
    /// A strftime pattern known to format any date.
    pub date_format: String,
    /// A strftime pattern known to format any time of day.
    pub time_format: String,
    pub ambiguous_wide: bool,
    pub mouse: bool,
    /// Show exact duplicates (same title, date and body) as one row.
    pub collapse_duplicates: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_raw(RawConfig::default(), None, "")
    }
}

impl Config {
    /// Where config.yaml is looked for: the platform's config folder
    /// (`$XDG_CONFIG_HOME/inkstone` on Linux).
    pub fn default_path() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "inkstone")?;
        Some(dirs.config_dir().join(FILE_NAME))
    }

    /// Loads config.yaml from [`Config::default_path`]; defaults when there
    /// is no such file (or no home folder).
    pub fn load_default() -> Result<Config, ConfigError> {
        match Config::default_path() {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        }
    }

    /// Loads a config file; defaults when it does not exist.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match crate::regular_file::read_to_string(path, CONFIG_LIMIT) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError {
                path: path.to_path_buf(),
                line: None,
                key: None,
                message: if e.kind() == io::ErrorKind::InvalidData {
                    e.to_string()
                } else {
                    format!("cannot read it: {e}")
                },
            }),
        }
    }

    /// Parses config text; `path` names the file in errors and anchors
    /// relative library paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        syntax::check_syntax(text, path)?;
        let raw: RawConfig = serde_yaml::from_str(text)
            .map_err(|e| ConfigError::from_yaml(path.to_path_buf(), text, &e))?;
        Ok(Config::from_raw(raw, Some(path), text))
    }

    fn from_raw(raw: RawConfig, path: Option<&Path>, text: &str) -> Config {
        let base = path
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        Config {
            source: path.map(Path::to_path_buf),
            library: raw
                .library
                .0
                .iter()
                .map(|p| expand_path(p, home.as_deref(), &base))
                .collect(),
            keys: raw.keys.located(text, &["keys"]),
            theme: raw.theme,
            colors: raw.colors,
            date_format: raw.date_format.0,
            time_format: raw.time_format.0,
            ambiguous_wide: raw.ambiguous_width.0 == 2,
            mouse: raw.mouse,
            collapse_duplicates: raw.collapse_duplicates,
        }
    }

    /// Whether to draw without colour: the `mono` theme, or `NO_COLOR` set
    /// to anything non-empty (<https://no-color.org>), which wins.
    pub fn monochrome(&self) -> bool {
        self.monochrome_given(std::env::var_os("NO_COLOR").as_deref())
    }

    fn monochrome_given(&self, no_color: Option<&std::ffi::OsStr>) -> bool {
        self.theme == ThemeName::Mono || no_color.is_some_and(|v| !v.is_empty())
    }

    /// `base` (the reader's style for `element`, from `ui::Theme::new(
    /// config.monochrome())`) with the user's override from `colors:`.
    pub fn style(&self, element: Element, base: ratatui::style::Style) -> ratatui::style::Style {
        self.colors.apply(element, base, self.monochrome())
    }

    /// Applies the settings that are process-wide: ambiguous width. Call
    /// once, before any text is measured or wrapped.
    pub fn apply_globals(&self) {
        crate::text::width::set_ambiguous_wide(self.ambiguous_wide);
    }

    /// A date in the user's format (checked at load, so this cannot fail).
    pub fn format_date(&self, date: chrono::NaiveDate) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        if write!(out, "{}", date.format(&self.date_format)).is_err() {
            out = date.format(raw::DEFAULT_DATE_FORMAT).to_string();
        }
        out
    }

    /// An error about a value this module keeps as data (a key override the
    /// keymap rejects, say), pointing at its line: `error_at(&["keys",
    /// "list", "Ctrl-q"], "unknown action `quitt`")`.
    pub fn error_at(&self, key_path: &[&str], message: impl Into<String>) -> ConfigError {
        let path = self
            .source
            .clone()
            .unwrap_or_else(|| PathBuf::from(FILE_NAME));
        let text = self
            .source
            .as_deref()
            .and_then(|p| crate::regular_file::read_to_string(p, CONFIG_LIMIT).ok())
            .unwrap_or_default();
        ConfigError {
            path,
            line: error::locate(&text, key_path),
            key: Some(key_path.join(".")),
            message: message.into(),
        }
    }
}

/// `~` and `~/...` become the home folder; relative paths are taken from
/// `base` (the config file's folder), so they mean the same from any
/// working directory.
fn expand_path(text: &str, home: Option<&Path>, base: &Path) -> PathBuf {
    let expanded = match (text.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with(['/', std::path::MAIN_SEPARATOR]) => {
            home.join(rest.trim_start_matches(['/', std::path::MAIN_SEPARATOR]))
        }
        _ => PathBuf::from(text),
    };
    if expanded.is_relative() {
        base.join(expanded)
    } else {
        expanded
    }
}

#[cfg(test)]
mod load_tests;
#[cfg(test)]
mod tests;
