//! `plantrack costs`: the cost-vs-budget workbook finance pulls (or its figures as CSV or
//! JSON).
//!
//! The workbooks are read one after another and their expenses stream through: each expense
//! is booked to its budget line as it passes and, for the workbook, written to the ledger in
//! order. Nothing holds the ledger's rows, so memory does not grow with a million-row export.
//! The reader hands over a workbook's plan and budget before its expenses, so the line each
//! expense belongs to is known when it is written.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Outcome, choose_lang, is_an_input, locked_files, report_failures, today};
use crate::cli::CostsArgs;
use crate::compute::costs::{CostBook, CostSettings, CostStatus};
use crate::compute::currency::{Currencies, resolve};
use crate::lang::Lang;
use crate::messages::{Said, SaveStep, save_failed};
use crate::model::{BudgetLine, Expense, PlanRow, Risk, Severity, SheetKind, WeeklyRow};
use crate::read::records::RecordSink;
use crate::read::{WorkbookInfo, expand_inputs, read_workbook, team_name};
use crate::render::{
    CostView, CostsWorkbook, LedgerEntry, RenderOptions, costs_csv, costs_json, save_atomic,
};

/// Where the figures go.
enum Target {
    Workbook(PathBuf),
    Csv(PathBuf),
    Json,
}

/// `<first input stem>-costs-<as-of>.xlsx` in the current directory.
fn default_output(inputs: &[PathBuf], as_of: NaiveDate) -> PathBuf {
    let stem = inputs
        .first()
        .map(|p| team_name(p))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "plantrack".into());
    PathBuf::from(format!("{stem}-costs-{}.xlsx", as_of.format("%Y-%m-%d")))
}

pub fn run(args: CostsArgs) -> Result<Outcome> {
    let inputs = &args.input.inputs;
    let as_of = args.input.as_of.unwrap_or_else(today);
    let target = match (&args.csv, args.json) {
        (Some(csv), _) => Target::Csv(csv.clone()),
        (None, true) => Target::Json,
        (None, false) => Target::Workbook(
            args.output
                .clone()
                .unwrap_or_else(|| default_output(inputs, as_of)),
        ),
    };
    if let Target::Workbook(out) | Target::Csv(out) = &target
        && is_an_input(inputs, out)
    {
        bail!(Said::new(
            format!("输出文件 {} 是输入之一：请另选输出路径", out.display()),
            format!(
                "the output {} is one of the inputs; choose another output path",
                out.display()
            ),
        ));
    }
    let settings = CostSettings {
        as_of,
        warn_at: args.warn_at,
        period: args.period,
    };

    let (files, mut failures) = expand_inputs(inputs);
    let mut stream = Stream {
        inputs,
        lang_arg: args.input.lang,
        as_of,
        want_workbook: matches!(target, Target::Workbook(_)),
        lang: None,
        book: CostBook::default(),
        workbook: None,
        error: None,
        file: String::new(),
        currency: String::new(),
        seen: Vec::new(),
        currencies: Currencies::default(),
    };
    let mut problems = Vec::new();
    let mut read = 0;
    for path in &files {
        stream.file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        stream.seen.clear();
        match read_workbook(path, as_of, &mut stream) {
            Ok(info) => {
                read += 1;
                // A currency written only in the ledger's cells ("NT$12,000") is known once
                // the ledger has been read.
                if let (true, Some(c)) = (stream.currency.is_empty(), &info.currency) {
                    stream.currency = c.clone();
                }
                problems.extend(info.problems);
                stream.seen.push(info.team);
                for team in stream.seen.drain(..) {
                    stream.currencies.set(&team, stream.currency.clone());
                }
            }
            Err(e) => failures.push((path.clone(), e)),
        }
        if let Some(e) = stream.error.take() {
            return Err(Said::new("写入支出明细时出错", "writing the ledger")
                .because(e)
                .into());
        }
    }
    let lang = stream
        .lang
        .unwrap_or_else(|| choose_lang(args.input.lang, None, inputs));
    // What is said on the console: the user's language, else the workbook's.
    let say = crate::lang::console(lang);
    report_failures(&locked_files(&files), &failures, say);
    if read == 0 {
        eprintln!(
            "{}",
            say.pick(
                "plantrack: 没有可读取的工作簿，未生成成本表",
                "plantrack: no workbook could be read; no cost report written"
            )
        );
        return Ok(Outcome::CouldNotRun);
    }

    let report = stream.book.finish(&settings, &mut problems);
    problems.sort_by(|a, b| (&a.team, &a.at, a.severity).cmp(&(&b.team, &b.at, b.severity)));
    let view = CostView {
        report: &report,
        warn_at: settings.warn_at,
        as_of,
        currencies: &stream.currencies,
    };
    let written = match &target {
        Target::Workbook(out) => {
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
            save_atomic(&mut wb, out)?;
            Some(out)
        }
        Target::Csv(out) => {
            let mut bytes = Vec::new();
            costs_csv(&view, lang, &mut bytes)?;
            write_atomic(out, &bytes)?;
            Some(out)
        }
        Target::Json => {
            println!("{}", costs_json(&view)?);
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
        Lang::Zh => eprintln!(
            "{lines} 个预算科目：{over} 个超支，{warning} 个预警，{unbudgeted} 个无预算；{expenses} 笔支出；数据问题：{errors} 个错误，{warnings} 个警告"
        ),
        Lang::En => eprintln!(
            "{lines} budget lines: {over} over, {warning} warning, {unbudgeted} unbudgeted; {expenses} expenses; data problems: {errors} errors, {warnings} warnings"
        ),
    }
    if let Some(out) = written {
        eprintln!("{}{}", say.pick("已写入 ", "wrote "), out.display());
    }
    Ok(Outcome::Ok)
}

/// Writes a small file beside its target, then renames it into place.
///
/// Errors: the folder is not writable.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "costs.csv".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes)
        .map_err(|e| save_failed(e, SaveStep::Temporary, path))
        .and_then(|()| {
            std::fs::rename(&tmp, path).map_err(|e| save_failed(e, SaveStep::Rename, path))
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
}

impl Stream<'_> {
    fn saw(&mut self, team: &str) {
        if self.seen.last().is_none_or(|t| t != team) && !self.seen.iter().any(|t| t == team) {
            self.seen.push(team.to_string());
        }
    }
}

impl RecordSink for Stream<'_> {
    fn plan(&mut self, row: PlanRow) {
        self.saw(&row.team);
        self.book.plan(&row);
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
        matches!(kind, SheetKind::Plan | SheetKind::Budget | SheetKind::Costs)
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
