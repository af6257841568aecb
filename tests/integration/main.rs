//! plantrack's integration tests: one binary, a file per subcommand, a common helper.

mod check;
mod common;
mod fuzz_regressions;
mod inputs;
mod limits;
mod nothing_lost;
mod outputs;
mod report;
mod workbooks;
