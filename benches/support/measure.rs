//! Figures of runs and processes: milliseconds, medians and percentiles,
//! the load average every figure is printed with, and a process's CPU time
//! and peak memory read from `/proc` (Linux).

use std::time::Duration;

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn median(values: &[f64]) -> f64 {
    percentile(values, 50)
}

/// The value `percent` of the way up the sorted values (NaN for none).
pub fn percentile(values: &[f64], percent: usize) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = (v.len().saturating_sub(1) * percent).div_ceil(100);
    v.get(at).copied().unwrap_or(f64::NAN)
}

/// The one-minute load average (the machine is shared: every figure says
/// what else was running).
pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default()
}

/// The runs as whole milliseconds, `a, b, c`.
pub fn runs_text(values: &[f64]) -> String {
    let all: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
    all.join(", ")
}

/// A figure's line: label, median and every run.
pub fn row(label: &str, values: &[f64]) {
    println!(
        "{label:<46} median {:>7.1} ms  runs [{}]",
        median(values),
        runs_text(values)
    );
}

/// Peak RSS of a live process in kB (`VmHWM`).
pub fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user and system, all live threads) of a process, in ms.
pub fn cpu_ms(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

/// CPU time used so far by the live threads of process `pid`, in ms, to
/// the nanosecond (`schedstat`; the threads that already ended are not
/// counted).
pub fn live_threads_cpu_ms(pid: u32) -> Option<f64> {
    let mut total = 0u64;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total as f64 / 1e6)
}

/// A `/proc/self/status` figure of this process in KiB (0 where there is
/// none), e.g. `VmHWM`, `VmRSS`.
pub fn own_status_kib(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Median, 99th percentile and maximum of `times` (sorted in place), in
/// ms; `times` must not be empty.
pub fn p50_p99_max(times: &mut [Duration]) -> (f64, f64, f64) {
    times.sort();
    let at = |per_cent: usize| times[(times.len() - 1) * per_cent / 100];
    (ms(at(50)), ms(at(99)), ms(times[times.len() - 1]))
}
