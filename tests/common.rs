//! Support shared by the integration tests: each test file is its own
//! crate and says `mod common;`, so not every item is used by every file.
//!
//! - `archive`: fixture folders and archives written at test time;
//! - `drive`: an `App` driven with actions, its effects run by the real
//!   effect runner inline;
//! - `home`: a private home (XDG folders) and running the binary in it;
//! - `library`: libraries built in memory, for tests that drive `App`;
//! - `pty`: the binary in a pseudo-terminal, its screen on vt100;
//! - `session`: the reader on ratatui's `TestBackend`, keys in, text out;
//! - `wait`: polling a file or a condition with a deadline, not sleeping.

#![allow(dead_code)]

pub mod archive;
pub mod drive;
pub mod home;
pub mod library;
pub mod pty;
pub mod session;
pub mod wait;
