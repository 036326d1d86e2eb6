//! Command-line interface: the reader by default, plus scripting commands.

mod check;
mod config;
mod list;
mod open;
mod output;
mod progress;
mod show;
mod tags;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::overview::{DateRange, End, parse_date};
use crate::search::SortOrder;

/// A terminal reader for news archives of Markdown and HTML articles.
#[derive(Debug, Parser)]
#[command(
    name = "inkstone",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Archive folders or article files to read (default: the config's `library`, else the built-in samples).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub dates: DateArgs,
}

/// `--since` and `--until`, for the reader, `list` and `tags`.
#[derive(Debug, Args, Default)]
pub struct DateArgs {
    /// Only articles dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY:
    /// a month or year starts on its first day).
    #[arg(long, value_name = "DATE", value_parser = since_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Only articles dated on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY:
    /// a month or year ends on its last day).
    #[arg(long, value_name = "DATE", value_parser = until_date)]
    pub until: Option<chrono::NaiveDate>,
}

impl DateArgs {
    /// The range, or why none can match (`--since` after `--until`).
    pub fn range(&self) -> Result<DateRange, String> {
        DateRange::between(self.since, self.until)
    }

    /// [`Self::range`], printing the error (exit status 2) for `command`.
    fn checked(&self, command: &str) -> Result<DateRange, ExitCode> {
        self.range().map_err(|e| {
            eprintln!("inkstone{command}: {e}");
            ExitCode::from(2)
        })
    }
}

fn since_date(text: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(text, End::Start)
}

fn until_date(text: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(text, End::Finish)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, newest first.
    List(ListArgs),
    /// Every tag with its article count, most used first.
    Tags(TagsArgs),
    /// Report every problem found while loading, as `path: reason`.
    Check(PathsArg),
    /// Print one article as the detail view shows it.
    Show(ShowArgs),
    /// Check config.yaml, or print its default or where it is looked for.
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct PathsArg {
    /// Archive folders or article files (default: the config's `library`, else the built-in samples).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TagsArgs {
    /// Archive folders or article files (default: the config's `library`, else the built-in samples).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub dates: DateArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Archive folders or article files (default: the config's `library`, else the built-in samples).
    pub paths: Vec<PathBuf>,
    /// Only articles carrying this tag; repeat to require several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// One JSON object per line instead of text.
    #[arg(long)]
    pub json: bool,
    /// Only articles containing every word of QUERY in their title, tags,
    /// author, categories or body text; "a quoted phrase" must occur as
    /// written. Ignores case, width (ＡＢＣ = abc) and Traditional/Simplified.
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    /// The order to list in.
    #[arg(long, value_enum, value_name = "ORDER", default_value_t = SortOrder::Newest)]
    pub sort: SortOrder,
    /// Only articles not marked read (the reader's marks).
    #[arg(long, conflicts_with = "starred")]
    pub unread: bool,
    /// Only starred articles.
    #[arg(long)]
    pub starred: bool,
    #[command(flatten)]
    pub dates: DateArgs,
}

/// The narrowest `show --width`: narrower, wide characters and the header
/// no longer fit.
pub const MIN_SHOW_WIDTH: u16 = 10;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article file to print.
    pub file: PathBuf,
    /// Wrap to this many columns (default: the terminal's, else 80); at
    /// least 10, so a line holds a few CJK characters.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(i64::from(MIN_SHOW_WIDTH)..))]
    pub width: Option<u16>,
    /// No colours or styles, even on a terminal.
    #[arg(long)]
    pub plain: bool,
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct ConfigArgs {
    /// Print the commented default config (to start a config.yaml from).
    #[arg(long)]
    pub default: bool,
    /// Print where config.yaml is looked for.
    #[arg(long)]
    pub path: bool,
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => match cli.dates.checked("") {
            Ok(dates) => read(&cli.paths, dates),
            Err(code) => code,
        },
        Some(Command::List(args)) => match args.dates.checked(" list") {
            Ok(dates) => list::run(&args, dates),
            Err(code) => code,
        },
        Some(Command::Tags(args)) => match args.dates.checked(" tags") {
            Ok(dates) => tags::run(&args.paths, dates),
            Err(code) => code,
        },
        Some(Command::Check(args)) => check::run(&args.paths),
        Some(Command::Show(args)) => show::run(&args),
        Some(Command::Config(args)) => config::run(&args),
    }
}

/// The reader: loads config.yaml and the keymap (a mistake in either is
/// reported before the terminal is touched), then the archive through the
/// cache with the marks, then takes the terminal.
fn read(paths: &[PathBuf], dates: DateRange) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("inkstone: the reader needs a terminal; for scripts use `inkstone list`");
        return ExitCode::from(2);
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        eprintln!(
            "inkstone: TERM=dumb cannot show the full-screen reader; use a terminal that can \
             (TERM=xterm-256color, for example), or `inkstone list` and `inkstone show FILE`"
        );
        return ExitCode::from(2);
    }
    let at = crate::startup::Locations::standard();
    let config = match at.config() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("inkstone: {e}");
            return ExitCode::from(2);
        }
    };
    let keymap = match crate::keymap::Keymap::for_config(&config) {
        Ok(keymap) => keymap,
        Err(e) => {
            eprintln!("inkstone: {e}");
            return ExitCode::from(2);
        }
    };
    match crate::tui::open_and_run(config, paths, &at, keymap, dates) {
        Ok(code) => code,
        Err(e) => {
            // Standard error may be the terminal that failed: printing
            // must not turn the error into a panic.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "inkstone: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
