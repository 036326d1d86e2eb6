//! `inkstone show FILE`: one article as the detail view shows it (header,
//! body, numbered links: `render::article_lines`, with config.yaml's date
//! formats and colours), styled on a terminal, plain otherwise.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crossterm::style::{Attribute, Attributes, Color as TermColor, ContentStyle, StyledContent};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::ShowArgs;
use super::output::{problem_line, shown_path, to_stdout};
use crate::app::dates::stamp;
use crate::article::{Article, BodySource};
use crate::config::{Config, ThemeName};
use crate::library::{BODY_LIMIT, load_file, read_body_bounded};
use crate::render::{Page, PageBody, article_lines, push_cut_notice, render_article};
use crate::text::sanitize::clean_inline;

/// Width when neither `--width` nor a terminal says otherwise.
const DEFAULT_WIDTH: usize = 80;

pub fn run(args: &ShowArgs) -> ExitCode {
    let root = args.file.parent().unwrap_or(Path::new("."));
    // Whether the file's error is already printed.
    let mut reported = false;
    let (article, problems) = match load_file(&args.file, root) {
        Ok(loaded) => loaded,
        // Not an article (a binary file): still show what it holds, as
        // sanitised text, rather than refuse; an unreadable file fails.
        Err(problem) if args.file.is_file() => {
            eprintln!(
                "inkstone show: {}: {}",
                shown_path(&problem.path),
                problem.reason
            );
            reported = true;
            (untitled(&args.file), Vec::new())
        }
        Err(problem) => {
            eprintln!(
                "inkstone show: {}: {}",
                shown_path(&problem.path),
                problem.reason
            );
            return ExitCode::FAILURE;
        }
    };
    // The same lines as `inkstone check` prints.
    for p in &problems {
        eprintln!("{}", problem_line(p));
    }
    let body = match read_body_bounded(&article.body) {
        Ok(body) => body,
        Err(reason) => {
            // An unreadable file fails here too: say it once.
            if !reported {
                eprintln!("inkstone show: {reason}");
            }
            return ExitCode::FAILURE;
        }
    };
    let terminal = io::stdout().is_terminal();
    let width = args
        .width
        .map_or_else(|| terminal_width(terminal), usize::from)
        .max(1);
    let styled =
        terminal && !args.plain && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // The reader's date formats and article colours, so `show` prints what
    // the detail view shows; the defaults when config.yaml cannot be read
    // (as for `collapse_duplicates`: `show` is about the file, not the
    // config).
    let config = Config::load_default().unwrap_or_default();

    let mut doc = render_article(&article, &body.text);
    if body.cut {
        push_cut_notice(&mut doc, BODY_LIMIT);
    }
    let page = Page {
        article: &article,
        date: stamp(&article, &config.date_format, Some(&config.time_format)),
        copies: &[],
        body: PageBody::Loaded(&doc),
    };
    let look = config
        .colors
        .article_styles(config.theme == ThemeName::Mono);
    let lines = article_lines(&page, width, &look);
    to_stdout(ExitCode::SUCCESS, |out| write_lines(out, &lines, styled))
}

/// The whole file as the body of an article named after it.
fn untitled(path: &Path) -> Article {
    let name = path
        .file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
    Article::bare(
        path.to_string_lossy().into_owned(),
        path.to_path_buf(),
        clean_inline(&name),
        BodySource::File {
            path: path.into(),
            offset: 0,
            encoding: None,
        },
    )
}

fn terminal_width(terminal: bool) -> usize {
    if terminal {
        if let Ok((cols, _)) = crossterm::terminal::size() {
            if cols > 0 {
                return usize::from(cols);
            }
        }
    }
    DEFAULT_WIDTH
}

fn write_lines(out: &mut dyn Write, lines: &[Line<'_>], styled: bool) -> io::Result<()> {
    for line in lines {
        for span in &line.spans {
            if styled && span.style != Style::default() {
                write!(
                    out,
                    "{}",
                    StyledContent::new(ansi(span.style), span.content.as_ref())
                )?;
            } else {
                out.write_all(span.content.as_bytes())?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The terminal style for a ratatui style (the subset articles use).
fn ansi(style: Style) -> ContentStyle {
    let mut attributes = Attributes::default();
    for (modifier, attribute) in [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::REVERSED, Attribute::Reverse),
    ] {
        if style.add_modifier.contains(modifier) {
            attributes.set(attribute);
        }
    }
    ContentStyle {
        foreground_color: style.fg.map(term_color),
        background_color: style.bg.map(term_color),
        underline_color: None,
        attributes,
    }
}

fn term_color(c: Color) -> TermColor {
    match c {
        Color::Reset => TermColor::Reset,
        Color::Black => TermColor::Black,
        Color::Red => TermColor::DarkRed,
        Color::Green => TermColor::DarkGreen,
        Color::Yellow => TermColor::DarkYellow,
        Color::Blue => TermColor::DarkBlue,
        Color::Magenta => TermColor::DarkMagenta,
        Color::Cyan => TermColor::DarkCyan,
        Color::Gray => TermColor::Grey,
        Color::DarkGray => TermColor::DarkGrey,
        Color::LightRed => TermColor::Red,
        Color::LightGreen => TermColor::Green,
        Color::LightYellow => TermColor::Yellow,
        Color::LightBlue => TermColor::Blue,
        Color::LightMagenta => TermColor::Magenta,
        Color::LightCyan => TermColor::Cyan,
        Color::White => TermColor::White,
        Color::Rgb(r, g, b) => TermColor::Rgb { r, g, b },
        Color::Indexed(i) => TermColor::AnsiValue(i),
    }
}
