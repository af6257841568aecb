//! The binary is glue: parse the command line, run the command, map its outcome to an exit
//! code (0 ok, 1 data errors found by `check`, 2 could not run).

use std::process::ExitCode;

use clap::Parser;
use plantrack::cli::{Cli, Command};
use plantrack::cmd;

/// mimalloc: rows are allocated on the parsing thread and freed on the one that reads them
/// (src/read/source.rs), a pattern glibc's allocator serialises on its arena locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    plantrack::read::quiet_reader_panics();
    cmd::output::install_cleanup();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Report(args) => cmd::report::run(args),
        Command::Costs(args) => cmd::costs::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Init(args) => cmd::init::run(args),
    };
    match result {
        Ok(status) => status.into(),
        Err(err) => {
            eprintln!("plantrack: {err:#}");
            cmd::Outcome::CouldNotRun.into()
        }
    }
}
