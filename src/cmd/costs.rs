//! `plantrack costs`: the cost-vs-budget workbook finance pulls (or its figures as CSV or
//! JSON).
//!
//! The workbooks are read one after another and their expenses stream through: each expense
//! is booked to its budget line as it passes and, for the workbook, written to the ledger in
//! order. Nothing holds the ledger's rows, so memory does not grow with a million-row export.
//! The reader hands over a workbook's plan and budget before its expenses, so the line each
//! expense belongs to is known when it is written.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::output::{Bytes, Target, default_name, print};
use super::{
    Outcome, calendar_of, choose_lang, failure_problems, locked_files, report_failures,
    report_skipped, shown, split_skipped, today,
};
use crate::cli::CostsArgs;
use crate::compute::costs::{CostBook, CostSettings, CostStatus};
use crate::compute::currency::{Currencies, resolve};
use crate::lang::Lang;
use crate::messages::Said;
use crate::model::{
    BudgetLine, Expense, PlanRow, Risk, Severity, SheetKind, TaskLength, TeamDay, WeeklyRow,
};
use crate::read::records::RecordSink;
use crate::read::{ReadError, WorkbookInfo, expand_inputs, read_workbook_with};
use crate::render::{
    CostView, CostsWorkbook, LedgerEntry, NotRead, RenderOptions, costs_csv, costs_json,
};

/// Where the figures go.
enum Dest {
    Workbook(Target),
    Csv(Target),
    Json,
}

pub fn run(args: CostsArgs) -> Result<Outcome> {
    let inputs = &args.input.inputs;
    let as_of = args.input.as_of.unwrap_or_else(today);
    let early_lang = choose_lang(args.input.lang, None, inputs);
    let target = match (&args.csv, args.json) {
        (Some(csv), _) => Dest::Csv(Target::new(csv.clone(), inputs, None, early_lang)?),
        (None, true) => Dest::Json,
        (None, false) => Dest::Workbook(Target::new(
            args.output
                .clone()
                .unwrap_or_else(|| default_name(inputs, "costs", as_of)),
            inputs,
            Some("xlsx"),
            early_lang,
        )?),
    };
    let settings = CostSettings {
        as_of,
        warn_at: args.warn_at,
        period: args.period,
    };

    let (files, expand_failures) = expand_inputs(inputs);
    let mapping = super::read_mapping(&files, args.input.mapping.as_deref())?;
    // A file that breaks after some of its records were booked is read whole or not at all:
    // the pass starts again without it (rare; each new pass leaves out one more file).
    let mut broken: Vec<(PathBuf, ReadError)> = Vec::new();
    let (mut stream, mut failures, mut problems, read) = loop {
        let mut stream = Stream {
            inputs,
            lang_arg: args.input.lang,
            as_of,
            want_workbook: matches!(target, Dest::Workbook(_)),
            lang: None,
            book: CostBook::default(),
            workbook: None,
            error: None,
            file: String::new(),
            currency: String::new(),
            seen: Vec::new(),
            currencies: Currencies::default(),
            taken: 0,
            detected: None,
            holidays: Vec::new(),
            file_days: Vec::new(),
            working_dues: Vec::new(),
        };
        let mut failures = expand_failures.clone();
        let mut problems = Vec::new();
        let mut read = 0;
        let mut restart = false;
        for path in &files {
            if let Some(failed) = broken.iter().find(|(p, _)| p == path) {
                failures.push(failed.clone());
                continue;
            }
            stream.file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            stream.seen.clear();
            stream.file_days.clear();
            stream.taken = 0;
            match read_workbook_with(path, as_of, &mapping, &mut stream) {
                Ok(info) => {
                    read += 1;
                    // The calendar as `report` decides it: the first workbook whose headers
                    // say a language, and every holidays sheet read.
                    stream.detected = stream.detected.or(info.lang);
                    let days = std::mem::take(&mut stream.file_days);
                    stream.holidays.extend(days);
                    // A currency written only in the ledger's cells ("NT$12,000") is known
                    // once the ledger has been read.
                    if let (true, Some(c)) = (stream.currency.is_empty(), &info.currency) {
                        stream.currency = c.clone();
                    }
                    problems.extend(info.problems);
                    stream.seen.push(info.team);
                    for team in stream.seen.drain(..) {
                        stream.currencies.set(&team, stream.currency.clone());
                    }
                }
                Err(e) if stream.taken > 0 => {
                    broken.push((path.clone(), e));
                    restart = true;
                    break;
                }
                Err(e) => failures.push((path.clone(), e)),
            }
            if let Some(e) = stream.error.take() {
                return Err(Said::new("写入支出明细时出错", "writing the ledger")
                    .because(e)
                    .into());
            }
        }
        if !restart {
            break (stream, failures, problems, read);
        }
    };
    let lang = stream
        .lang
        .unwrap_or_else(|| choose_lang(args.input.lang, None, inputs));
    let skipped = split_skipped(&mut failures);
    problems.extend(failure_problems(&failures));
    problems.extend(mapping.problems());
    // What is said on the console: the user's language, else the workbook's.
    let say = crate::lang::console(lang);
    report_failures(&locked_files(&files), &failures, say);
    report_skipped(&skipped, inputs, say);
    if read == 0 {
        crate::say!(
            "{}",
            say.pick(
                "plantrack: 没有可读取的工作簿，未生成成本表",
                "plantrack: no workbook could be read; no cost report written"
            )
        );
        return Ok(Outcome::CouldNotRun);
    }

    // Due dates counted in working days, now that the calendar is known, close the teams'
    // campaign periods as the summary's do.
    let calendar = calendar_of(args.calendar, stream.detected).with_team_days(&stream.holidays);
    for (team, start, length) in &stream.working_dues {
        let due = calendar.due_after(*start, length);
        stream.book.dates(team, None, due);
    }
    let report = stream.book.finish(&settings, &mut problems);
    problems.sort_by(|a, b| (&a.team, &a.at, a.severity).cmp(&(&b.team, &b.at, b.severity)));
    let view = CostView {
        report: &report,
        warn_at: settings.warn_at,
        as_of,
        currencies: &stream.currencies,
    };
    // The files not read, by name, for the CSV and JSON (the workbook has its problems sheet).
    let not_read: Vec<NotRead> = failures
        .iter()
        .map(|(path, e)| NotRead {
            file: path.display().to_string(),
            reason: e.message(lang),
        })
        .collect();
    let written = match &target {
        Dest::Workbook(out) => {
            let wb = match stream.workbook.take() {
                Some(wb) => wb,
                None => {
                    let opts = RenderOptions {
                        lang,
                        currency: view.common_currency().unwrap_or_default().to_string(),
                    };
                    CostsWorkbook::new(&opts, as_of)?
                }
            };
            let mut wb = wb.finish(&view, &problems)?;
            out.save(&mut wb)?;
            Some(out.path())
        }
        Dest::Csv(out) => {
            let mut bytes = Vec::new();
            costs_csv(&view, lang, &not_read, &mut bytes)?;
            out.save(&mut Bytes(bytes))?;
            Some(out.path())
        }
        Dest::Json => {
            let json = costs_json(&view, &not_read)?;
            print(&format!("{json}\n"), crate::lang::console(lang))?;
            None
        }
    };

    let lines = report.lines.len();
    let count = |s: CostStatus| report.lines.iter().filter(|l| l.status == s).count();
    let (over, warning, unbudgeted) = (
        count(CostStatus::Over),
        count(CostStatus::Warning),
        count(CostStatus::Unbudgeted),
    );
    let expenses = report.totals.expenses;
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .count();
    match say {
        Lang::Zh => crate::say!(
            "{lines} 个预算科目：{over} 个超支，{warning} 个预警，{unbudgeted} 个无预算；{expenses} 笔支出；数据问题：{errors} 个错误，{warnings} 个警告"
        ),
        Lang::En => crate::say!(
            "{lines} budget lines: {over} over, {warning} warning, {unbudgeted} unbudgeted; {expenses} expenses; data problems: {errors} errors, {warnings} warnings"
        ),
    }
    if let Some(out) = written {
        crate::say!("{}{}", say.pick("已写入 ", "wrote "), shown(out));
    }
    Ok(Outcome::Ok)
}

/// The streaming consumer: books each record as it is read and writes the ledger row.
struct Stream<'a> {
    inputs: &'a [PathBuf],
    lang_arg: Option<Lang>,
    as_of: NaiveDate,
    want_workbook: bool,
    /// Decided at the first workbook read (the ledger's labels need it before any row).
    lang: Option<Lang>,
    book: CostBook,
    workbook: Option<CostsWorkbook>,
    /// The first write error; the rest of the run stops at the end of the workbook.
    error: Option<anyhow::Error>,
    /// The workbook being read: its file name and currency, and the teams seen in it.
    file: String,
    currency: String,
    seen: Vec<String>,
    /// Each team's currency, by the one resolver.
    currencies: Currencies,
    /// Records taken from the workbook being read.
    taken: usize,
    /// The language of the first workbook whose headers said one, and the days of the
    /// holidays sheets read (those of the workbook being read in `file_days`): what the
    /// working calendar is decided from, as `report` does.
    detected: Option<Lang>,
    holidays: Vec<TeamDay>,
    file_days: Vec<TeamDay>,
    /// Tasks whose due date is a number of working days from their start: (team, start,
    /// duration), dated once every workbook is read and the calendar is known.
    working_dues: Vec<(String, NaiveDate, TaskLength)>,
}

impl Stream<'_> {
    fn saw(&mut self, team: &str) {
        self.taken += 1;
        if self.seen.last().is_none_or(|t| t != team) && !self.seen.iter().any(|t| t == team) {
            self.seen.push(team.to_string());
        }
    }
}

impl RecordSink for Stream<'_> {
    fn plan(&mut self, mut row: PlanRow) {
        self.saw(&row.team);
        if let (Some(start), Some(length)) = (row.start, &row.length)
            && length.working
            && length.days > 0
        {
            self.working_dues
                .push((row.team.clone(), start, length.clone()));
            row.due = None;
        }
        self.book.plan(&row);
    }
    fn team_day(&mut self, row: TeamDay) {
        self.file_days.push(row);
    }
    fn weekly(&mut self, _row: WeeklyRow) {}
    fn expense(&mut self, row: Expense) {
        self.saw(&row.team);
        let (key, line) = self.book.add(&row);
        if let (Some(wb), None) = (&mut self.workbook, &self.error) {
            let entry = LedgerEntry {
                file: &self.file,
                expense: &row,
                key,
                line,
                currency: &self.currency,
            };
            if let Err(e) = wb.ledger_row(&entry) {
                self.error = Some(e.into());
            }
        }
    }
    fn budget(&mut self, row: BudgetLine) {
        self.saw(&row.team);
        self.book.budget(&row);
    }
    fn risk(&mut self, _row: Risk) {}

    fn wants(&self, kind: SheetKind) -> bool {
        matches!(
            kind,
            SheetKind::Plan | SheetKind::Budget | SheetKind::Costs | SheetKind::Holidays
        )
    }

    fn before_expenses(&mut self, info: &WorkbookInfo) {
        let lang = *self
            .lang
            .get_or_insert_with(|| choose_lang(self.lang_arg, info.lang, self.inputs));
        self.currency = resolve(info.currency.as_deref(), info.lang);
        if self.want_workbook && self.workbook.is_none() && self.error.is_none() {
            let opts = RenderOptions {
                lang,
                currency: self.currency.clone(),
            };
            match CostsWorkbook::new(&opts, self.as_of) {
                Ok(wb) => self.workbook = Some(wb),
                Err(e) => self.error = Some(e.into()),
            }
        }
    }
}
