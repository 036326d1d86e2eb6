//! inkstone: read news archives of Markdown/HTML articles in a terminal.
//!
//! Data flows one way: `library` loads `article`s from disk (no terminal),
//! `render` turns a body into styled lines at a width, and the reader
//! (`app`, `ui`, `tui`) shows them. All column arithmetic lives in
//! `text::width`; everything from an article passes `text::sanitize`.
//! What outlives a session lives in `marks` (state), `config` and `cache`;
//! `watch` follows the library folders while the reader runs.

pub mod app;
pub mod archive_links;
pub mod article;
pub mod cache;
pub mod cli;
pub mod config;
pub mod durable;
pub mod keymap;
pub mod library;
pub mod marks;
pub mod overview;
pub mod problem;
pub mod regular_file;
pub mod render;
pub mod search;
pub mod startup;
pub mod text;
pub mod tree;
pub mod tui;
pub mod ui;
pub mod watch;
