//! plantrack's integration tests: one binary, a file per subcommand, a common helper.

mod brief;
mod calendar;
mod check;
mod common;
mod costs;
mod critical;
mod figures;
mod fuzz_regressions;
mod gantt;
mod init;
mod inputs;
mod keep;
mod language;
mod limits;
mod nothing_lost;
mod outputs;
mod report;
mod rhythm;
mod shares;
mod stale;
mod streaming;
mod teams;
mod typed;
mod workbooks;
