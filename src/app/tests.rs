//! `App::update`, one test per action or behaviour.

mod drive;
mod filtering;
mod finding;
mod indexing;
mod marks;
mod navigation;
mod options;
mod overview;
mod screen;
mod search_prompt;
mod searching;
mod viewing;

pub(crate) use drive::{build_index, drive, report_progress, with_bodies_pending};
pub(crate) use searching::search_library;

use chrono::NaiveDate;

use super::*;
use crate::article::BodySource;
use crate::render;

/// An article with the given title, categories and tags.
pub(crate) use crate::article::sample as article;

/// 30 articles, newest first on 2021-01-30 .. 2021-01-01: even ones tagged
/// 香港, every third 交通, all in 港聞 except every fifth (國際).
fn library() -> Library {
    let articles: Vec<_> = (0..30)
        .map(|i| {
            let mut tags = Vec::new();
            if i % 2 == 0 {
                tags.push("香港");
            }
            if i % 3 == 0 {
                tags.push("交通");
            }
            let category = if i % 5 == 0 { "國際" } else { "港聞" };
            let mut a = article(&format!("第{i}篇"), &[category], &tags);
            a.date = NaiveDate::from_ymd_opt(2021, 1, 30 - i);
            a
        })
        .collect();
    Library {
        name: "test".into(),
        articles: articles.into(),
        problems: Vec::new(),
        ..Library::default()
    }
}

/// The tests' key guide, made from the `Command` table (the real one is
/// the keymap's, which sits above `app`): every command in every context
/// the reader is in, as `name` under the key `<name>`, with its help text.
pub(crate) fn guide() -> KeyGuide {
    let mut guide = KeyGuide::default();
    for (title, context) in Context::HELP_SECTIONS {
        let mut section = HelpSection {
            title: title.into(),
            entries: Vec::new(),
        };
        for command in Command::all() {
            let key = format!("<{}>", command.name());
            section.entries.push(HelpEntry {
                keys: key.clone(),
                description: command.help(context).into_owned(),
            });
            guide.keys.insert((context, command), vec![key]);
        }
        guide.help.push(section);
    }
    guide
}

/// An app at 80x24 (22 list rows).
pub(crate) fn app() -> App {
    let mut app = App::new(library(), guide(), Options::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app
}

/// [`app`] with its search index built.
fn searchable_app() -> App {
    let mut app = app();
    build_index(&mut app);
    app
}

/// Types `text` a character at a time, as into a prompt.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        drive(app, Action::Insert(c));
    }
}

fn title(app: &App) -> String {
    app.selected_article()
        .map(|i| app.articles()[i].title.as_str().to_owned())
        .unwrap_or_default()
}

/// Opens the selected article and delivers its body like `tui` would.
fn open(app: &mut App, body: &str) {
    let effects = app.update(Action::Open);
    let Some(Effect::LoadBody { article }) = effects.first() else {
        panic!("{effects:?}")
    };
    app.update(Action::BodyLoaded {
        article: *article,
        path: app.articles()[*article].path.to_path_buf(),
        result: Ok(render::render_body(body, None)),
    });
}

fn picker(app: &App) -> &Picker {
    match app.overlay() {
        Some(Overlay::Picker(p)) => p,
        other => panic!("{other:?}"),
    }
}
