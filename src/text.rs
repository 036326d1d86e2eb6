//! Text that is safe and measurable on a terminal: sanitising, display width
//! and line wrapping. Everything that measures columns goes through `width`.

pub mod cells;
pub mod decode;
pub mod sanitize;
pub mod thousands;
pub mod width;
pub mod wrap;
