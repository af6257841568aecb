//! The command line: clap derive, where each `///` comment is the help text users see.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::lang::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "plantrack",
    version,
    about = "Weekly summary of marketing plan workbooks: goals, tasks, weekly deviation, cost vs budget, Gantt",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the weekly summary workbook (overview, goals, tasks, weekly, costs, Gantt,
    /// data problems).
    ///
    /// Examples:
    ///   plantrack report 团队A.xlsx
    ///   plantrack report sample-workbooks/ --as-of 2026-11-26
    ///   plantrack report plan.xlsx -o weekly.xlsx --lang en
    Report(ReportArgs),
    /// List every data problem, one per line as `Sheet!A1: message`, then a count.
    ///
    /// Exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be
    /// read at all.
    Check(CheckArgs),
}

/// Inputs and the as-of date, shared by every command that reads team workbooks.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Workbook files (.xlsx .xlsm .xlsb .xls .ods) or directories of them.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The date every judgement is made against (overdue, elapsed share); default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// Output language; default: the language of the input's headers.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output workbook; default `<first input stem>-summary-<as-of>.xlsx` in the current
    /// directory, so each week's run keeps last week's file.
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: Option<PathBuf>,
    /// Last week's summary, for the Changes sheet; default: the newest earlier
    /// `<stem>-summary-<date>.xlsx` in the output folder, if any.
    #[arg(long, value_name = "LAST.xlsx")]
    pub previous: Option<PathBuf>,
    /// Do not compare with last week's summary.
    #[arg(long, conflicts_with = "previous")]
    pub no_previous: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{s}\" is not a date in the form YYYY-MM-DD"))
}
