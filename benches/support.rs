//! Support shared by the benches (each says `mod support;`): where the
//! corpora are, the figures taken of processes and runs, and the pty
//! driver the end-to-end tests use (`tests/common/pty.rs`). Not a bench of
//! its own (`bench = false` in Cargo.toml).

#![allow(dead_code)]

pub mod corpus;
pub mod keys;
pub mod measure;
#[path = "../tests/common/pty.rs"]
pub mod pty;
