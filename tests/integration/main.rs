//! plantrack's integration tests: one binary, a file per subcommand, a common helper.

mod check;
mod common;
mod init;
mod report;
