//! Support shared by the benches (each says `mod support;`): where the
//! corpora are, the binary measured, the figures taken of processes and
//! runs, and the pty driver the end-to-end tests use (`tests/common/pty.rs`). Not a bench of
//! its own (`bench = false` in Cargo.toml).

#![allow(dead_code)]

pub mod corpus;
pub mod keys;
pub mod measure;
#[path = "../tests/common/pty.rs"]
pub mod pty;

/// The binary measured: this build's, or `INKSTONE_BIN` (to compare with
/// an older build, as `scripts/bench-ab.sh` does).
pub fn binary() -> std::path::PathBuf {
    std::env::var_os("INKSTONE_BIN").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_BIN_EXE_inkstone")),
        std::path::PathBuf::from,
    )
}
