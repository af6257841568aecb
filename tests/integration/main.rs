//! plantrack's integration tests: one binary, a file per subcommand, a common helper.

mod check;
mod common;
mod costs;
mod gantt;
mod init;
mod report;
mod rhythm;
mod teams;
