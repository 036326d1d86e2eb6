//! Counts over a set of articles, for the reader's sources view and
//! timeline and for the `--since`/`--until` options: which date range an
//! article falls in, how many articles each period and each source has.
//! Knows nothing of the terminal; the reader's views only draw these.

mod range;
mod sources;
mod timeline;

pub use range::{DateRange, End, parse_date};
pub use sources::{SourceCount, SourceSort, source_counts, source_shown};
pub use timeline::{Bucket, Timeline, Zoom};
