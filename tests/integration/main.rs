//! plantrack's integration tests: one binary, a file per subcommand, a common helper.

mod check;
mod common;
mod gantt;
mod report;
mod rhythm;
mod teams;
