//! The command line: clap derive, where each `///` comment is the English help text users
//! see; [`zh`] gives the same command its Chinese help and error messages, so a Chinese user
//! reads no English from plantrack (see [`parse`]).

mod zh;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use rust_decimal::Decimal;

use crate::compute::calendar::CalendarKind;
use crate::compute::costs::Period;
use crate::lang::Lang;
use crate::messages::Said;
use crate::template::MAX_WEEKS;
use crate::values::{DateText, parse_date};

#[derive(Debug, Parser)]
#[command(
    name = "plantrack",
    version,
    arg_required_else_help = true,
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
    /// Workbook files (.xlsx .xlsm .xlsb .xls .ods) or directories of them. A workbook or
    /// folder as the first argument means `report`: `plantrack 618大促.xlsx`.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The date every judgement is made against (overdue, elapsed share): 2026-11-26,
    /// 2026/11/26, 11/26 or 11月26日 (the year nearest today); default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// Output language; default: the language of the input's headers.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// A mapping file naming what plantrack cannot tell of a sheet (its kind, header row,
    /// which header is which field); default: plantrack.toml beside the workbooks, if any.
    #[arg(long, value_name = "FILE.toml")]
    pub mapping: Option<PathBuf>,
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
    /// Working days that schedules count in: cn = Monday-Friday less mainland China's public
    /// holidays plus make-up working days (2020-2026); weekends = Monday-Friday. Default: cn
    /// for workbooks with Chinese headers, else weekends. A holidays sheet (节假日) adds
    /// the team's own days to either.
    #[arg(long, value_enum)]
    pub calendar: Option<CalendarKind>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Also print how each table of each workbook was read: its place and kind, which
    /// column became which field, the columns left out, and the rows that were not data
    /// (titles, sections, totals checked against plantrack's sum).
    #[arg(long)]
    pub explain: bool,
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
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = parse_weeks)]
    pub weeks: u32,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// The command line in `lang` (clap's own English, or [`zh::command`]).
pub fn command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => zh::command(Cli::command()),
    }
}

/// Parses the arguments (without the program name). Help and version requests, and errors,
/// come back as the text to print in `lang` and the exit code: help on stdout with 0, an
/// error on stderr with 2.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Result<Cli, Refusal> {
    let argv = std::iter::once(OsString::from("plantrack")).chain(args);
    let matches = command(lang)
        .try_get_matches_from(argv)
        .map_err(|e| Refusal::of(&e, lang))?;
    Cli::from_arg_matches(&matches).map_err(|e| Refusal::of(&e, lang))
}

/// What to print instead of running, and the exit code.
#[derive(Debug)]
pub struct Refusal {
    pub text: String,
    /// Help or version asked for: print on stdout and exit 0.
    pub asked: bool,
}

impl Refusal {
    fn of(e: &clap::Error, lang: Lang) -> Refusal {
        use clap::error::ErrorKind as K;
        let asked = matches!(e.kind(), K::DisplayHelp | K::DisplayVersion);
        let help = asked || e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand;
        // clap's own text keeps its colours on a terminal, as `Cli::parse` would print it.
        let terminal = if asked {
            std::io::stdout().is_terminal()
        } else {
            std::io::stderr().is_terminal()
        };
        let clap_text = || {
            let styled = e.render();
            if terminal {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            }
        };
        let text = match lang {
            _ if help => clap_text(),
            Lang::En => clap_text(),
            Lang::Zh => zh::error(e),
        };
        Refusal { text, asked }
    }
}

fn parse_as_of(s: &str) -> Result<NaiveDate, Said> {
    date_near(s, crate::cmd::today())
}

/// A date as a cell accepts it (2026-05-29, 2026/5/29, 2026.5.29, 2026年5月29日; without a
/// year, 5月29日 or 5/29, the year that puts it nearest `today`).
pub fn date_near(s: &str, today: NaiveDate) -> Result<NaiveDate, Said> {
    match parse_date(s, today) {
        DateText::Date(d) => Ok(d),
        _ => Err(Said::new(
            format!("\"{s}\" 不是日期，应写成 2026-11-26、2026/11/26 或 11月26日"),
            format!("\"{s}\" is not a date such as 2026-11-26, 2026/11/26 or 11/26"),
        )),
    }
}

/// A share written as 0.8, 80% or 80; it must lie in (0, 1].
fn parse_share(s: &str) -> Result<Decimal, Said> {
    let t = s.trim();
    let (num, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let d: Decimal = num.parse().map_err(|_| {
        Said::new(
            format!("\"{s}\" 不是比例，应写成 0.8 或 80%"),
            format!("\"{s}\" is not a share such as 0.8 or 80%"),
        )
    })?;
    let d = if percent || d > Decimal::ONE {
        d / Decimal::ONE_HUNDRED
    } else {
        d
    };
    if d <= Decimal::ZERO || d > Decimal::ONE {
        return Err(Said::new(
            format!("\"{s}\" 应在 0 到 100% 之间"),
            format!("\"{s}\" is not a share between 0 and 100%"),
        ));
    }
    Ok(d.normalize())
}

/// A campaign length in whole weeks, 1 to [`MAX_WEEKS`].
fn parse_weeks(s: &str) -> Result<u32, Said> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_WEEKS).contains(&n) => Ok(n),
        _ => Err(Said::new(
            format!("\"{s}\" 不是 1 到 {MAX_WEEKS} 之间的整数周数"),
            format!("\"{s}\" is not a whole number of weeks from 1 to {MAX_WEEKS}"),
        )),
    }
}

/// A period written START..END, both dates as `--as-of` takes them, END not before START.
fn parse_period(s: &str) -> Result<Period, Said> {
    let (a, b) = s.split_once("..").ok_or_else(|| {
        Said::new(
            format!("\"{s}\" 不是时间段，应写成 开始..结束，如 2026-11-01..2026-12-20"),
            format!("\"{s}\" is not a period in the form START..END"),
        )
    })?;
    let (start, end) = (parse_as_of(a)?, parse_as_of(b)?);
    Period::new(start, end).ok_or_else(|| {
        Said::new(
            format!("时间段 \"{s}\" 的结束早于开始"),
            format!("the period \"{s}\" ends before it starts"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn as_of_takes_what_cells_take() {
        let today = day(2026, 6, 2);
        for text in [
            "2026-05-29",
            "2026/5/29",
            "2026.5.29",
            "2026年5月29日",
            "5月29日",
            "5/29",
        ] {
            assert_eq!(
                date_near(text, today).ok(),
                Some(day(2026, 5, 29)),
                "{text}"
            );
        }
        // Without a year, the nearest: in January, December is last year's.
        assert_eq!(
            date_near("12月30日", day(2027, 1, 4)).ok(),
            Some(day(2026, 12, 30))
        );
        let e = date_near("2026-02-30", today).unwrap_err();
        assert!(e.zh.contains("不是日期"), "{}", e.zh);
        assert!(date_near("待定", today).is_err());
    }

    #[test]
    fn periods_take_cell_dates_too() {
        let p = parse_period("2026/11/1..2026-12-20").unwrap();
        assert_eq!(p, Period::new(day(2026, 11, 1), day(2026, 12, 20)).unwrap());
        assert!(parse_period("2026-12-20..2026-11-01").is_err());
        assert_eq!(parse_share("80%").unwrap(), Decimal::new(8, 1));
        assert!(parse_share("0").unwrap_err().zh.contains("0 到 100%"));
    }
}
