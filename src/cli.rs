//! The command line: clap derive, where each `///` comment is the help text users see.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use rust_decimal::Decimal;

use crate::compute::calendar::CalendarKind;
use crate::compute::costs::Period;
use crate::lang::Lang;
use crate::template::MAX_WEEKS;

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
    /// Write the cost-vs-budget workbook finance pulls (or its figures as CSV or JSON)
    ///
    /// Per budget line: budget, spent, remaining, share used, status, forecast at
    /// completion; a by-month table; a ledger of every expense with its source row, which
    /// the figures are live formulas over; a chart. Exit status: 0 written, 2 could not run.
    ///
    /// Examples:
    ///   plantrack costs 团队A.xlsx
    ///   plantrack costs sample-workbooks/ --as-of 2026-11-26 --warn-at 0.9
    ///   plantrack costs ledger.xlsx --csv costs.csv
    ///   plantrack costs ledger.xlsx --json --period 2026-11-01..2026-12-20
    #[command(verbatim_doc_comment)]
    Costs(CostsArgs),
    /// List every data problem, one per line as `Sheet!A1: message`, then a count.
    ///
    /// Exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be
    /// read at all.
    Check(CheckArgs),
    /// Write a fillable team workbook that `report` reads back
    ///
    /// The toolkit's sheets with the headers `report` reads, dropdowns, input prompts, and
    /// colours that flag late tasks and weekly rows behind plan while they are typed.
    ///
    /// Examples:
    ///   plantrack init --lang zh
    ///   plantrack init -o 华东组.xlsx --start 2026-11-02 --weeks 6
    ///   plantrack init --example -o demo.xlsx && plantrack report demo.xlsx
    #[command(verbatim_doc_comment)]
    Init(InitArgs),
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
    /// Do not write the one-page image brief `<summary>.png` beside the summary.
    #[arg(long)]
    pub no_png: bool,
    /// Working days that schedules count in: cn = Monday-Friday less mainland China's public
    /// holidays plus make-up working days (2020-2026); weekends = Monday-Friday. Default: cn
    /// for workbooks with Chinese headers, else weekends. A holidays sheet (节假日) adds
    /// the team's own days to either.
    #[arg(long, value_enum)]
    pub calendar: Option<CalendarKind>,
    /// Start a new baseline: this week's dates become what later weeks' slips are counted
    /// against (by default the first summary of a campaign sets it and later ones keep it).
    #[arg(long)]
    pub rebaseline: bool,
}

#[derive(Debug, Args)]
pub struct CostsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output workbook; default `<first input stem>-costs-<as-of>.xlsx` in the current
    /// directory.
    #[arg(short, long, value_name = "OUT.xlsx", conflicts_with_all = ["csv", "json"])]
    pub output: Option<PathBuf>,
    /// Write one row per budget line as CSV (UTF-8 with a BOM) instead of a workbook.
    #[arg(long, value_name = "OUT.csv", conflicts_with = "json")]
    pub csv: Option<PathBuf>,
    /// Print the figures as JSON on stdout instead of writing a workbook.
    #[arg(long)]
    pub json: bool,
    /// Share of a budget from which a line is a warning: 0.8 or 80%.
    #[arg(long, value_name = "SHARE", default_value = "0.8", value_parser = parse_share)]
    pub warn_at: Decimal,
    /// The campaign period forecasts extrapolate over; default: each team's plan, earliest
    /// start to latest due.
    #[arg(long, value_name = "START..END", value_parser = parse_period)]
    pub period: Option<Period>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Working days that schedules count in: cn = Monday-Friday less mainland China's public
    /// holidays plus make-up working days (2020-2026); weekends = Monday-Friday. Default: cn
    /// for workbooks with Chinese headers, else weekends. A holidays sheet (节假日) adds
    /// the team's own days to either.
    #[arg(long, value_enum)]
    pub calendar: Option<CalendarKind>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Output workbook; default `团队计划.xlsx` (Chinese) or `plantrack-team.xlsx` (English)
    /// in the current directory. An existing file is never replaced without --force.
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: Option<PathBuf>,
    /// Language of the sheets, headers and prompts; default: Chinese when the -o file name
    /// is, else English.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Fill the workbook with the toolkit's example campaign (first-month sales 500万),
    /// ready for `report`.
    #[arg(long)]
    pub example: bool,
    /// The campaign's first day; default: this week's Monday, or with --example two weeks
    /// earlier (so the example is in its third week today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub start: Option<NaiveDate>,
    /// The campaign's length in weeks (1 to 52): the calendar behind the weekly dropdown.
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_WEEKS)))]
    pub weeks: u32,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{s}\" is not a date in the form YYYY-MM-DD"))
}

/// A share written as 0.8, 80% or 80; it must lie in (0, 1].
fn parse_share(s: &str) -> Result<Decimal, String> {
    let t = s.trim();
    let (num, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let d: Decimal = num
        .parse()
        .map_err(|_| format!("\"{s}\" is not a share such as 0.8 or 80%"))?;
    let d = if percent || d > Decimal::ONE {
        d / Decimal::ONE_HUNDRED
    } else {
        d
    };
    if d <= Decimal::ZERO || d > Decimal::ONE {
        return Err(format!("\"{s}\" is not a share between 0 and 100%"));
    }
    Ok(d.normalize())
}

/// A period written START..END, both dates YYYY-MM-DD, END not before START.
fn parse_period(s: &str) -> Result<Period, String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("\"{s}\" is not a period in the form START..END"))?;
    let (start, end) = (parse_as_of(a)?, parse_as_of(b)?);
    Period::new(start, end).ok_or_else(|| format!("the period \"{s}\" ends before it starts"))
}
