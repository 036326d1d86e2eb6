use std::process::ExitCode;

// Loading allocates ~100 MB of small strings on every core; glibc's per-thread
// heaps grow in small mprotect steps that cost more than the parsing (see
// BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    inkstone::cli::run()
}
