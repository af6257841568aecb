//! The binary is glue: settle the user's language, decide how plantrack was started (a
//! command line, or a double-click or drop in Explorer: src/launch.rs), parse the command
//! line, run the command, and map its outcome to an exit code (0 ok, 1 data errors found by
//! `check`, 2 could not run).

use std::ffi::OsString;
use std::process::ExitCode;

use plantrack::cli::{self, Cli, Command};
use plantrack::cmd::{self, Outcome};
use plantrack::lang::{self, Lang};
use plantrack::launch::{self, Launch};
use plantrack::messages::error_text;

/// mimalloc: rows are allocated on the parsing thread and freed on the one that reads them
/// (src/read/source.rs), a pattern glibc's allocator serialises on its arena locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    plantrack::read::quiet_reader_panics();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let user = lang::from_args(&args).or_else(lang::system);
    lang::set_user(user);
    cmd::output::install_cleanup();
    // Errors and help: the user's language, else Chinese when the arguments are (a
    // Chinese file name), else English.
    let speak = user
        .or_else(|| {
            args.iter()
                .find_map(|a| Lang::of_text(&a.to_string_lossy()))
                .filter(|l| *l == Lang::Zh)
        })
        .unwrap_or(Lang::En);
    let setting = std::env::var("PLANTRACK_PAUSE").ok();
    let pause = launch::pause_wanted(setting.as_deref(), launch::own_console());
    let command = match launch::decide(args, pause, launch::looks_like_input) {
        Launch::Welcome => {
            plantrack::say!("{}", launch::welcome(speak));
            launch::wait_for_key(speak);
            return ExitCode::SUCCESS;
        }
        Launch::Dropped(inputs) => {
            let args = launch::dropped_report(inputs, cmd::today());
            let outcome = run(Command::Report(args), speak);
            if outcome == Outcome::Ok {
                plantrack::say!("\n{}", launch::after_drop(speak));
            }
            launch::wait_for_key(speak);
            return outcome.into();
        }
        Launch::Parse(args) => match cli::parse(args, speak) {
            Ok(Cli { command }) => command,
            Err(refusal) if refusal.asked => {
                // `plantrack --help | head -1` ends quietly; a full disk is an error.
                return match cmd::output::print(&refusal.text, speak) {
                    Ok(_) => ExitCode::SUCCESS,
                    Err(err) => run_failed(&err, speak).into(),
                };
            }
            Err(refusal) => {
                plantrack::say!("{}", refusal.text.trim_end_matches('\n'));
                return Outcome::CouldNotRun.into();
            }
        },
    };
    let outcome = run(command, speak);
    if pause {
        launch::wait_for_key(speak);
    }
    outcome.into()
}

fn run(command: Command, speak: Lang) -> Outcome {
    let result = match command {
        Command::Report(args) => cmd::report::run(args),
        Command::Costs(args) => cmd::costs::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Init(args) => cmd::init::run(args),
    };
    result.unwrap_or_else(|err| run_failed(&err, speak))
}

fn run_failed(err: &anyhow::Error, speak: Lang) -> Outcome {
    plantrack::say!("plantrack: {}", error_text(err, speak));
    Outcome::CouldNotRun
}
