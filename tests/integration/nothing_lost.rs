//! Nothing is lost: every data row of every recognised sheet (a row below the header with a
//! value in a recognised column) ends up as a record in the summary or is named by a data
//! problem, on the samples, the fixtures and generated messy workbooks. The input rows are
//! counted here with calamine, apart from plantrack's reader; the header row is found by the
//! contract's rule (the first row among the top 20 with 3 or more known headers).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use plantrack::contract::{
    HEADER_SEARCH_ROWS, HeaderMap, MIN_HEADER_MATCHES, best_kind_for_headers, kind_from_name,
};
use plantrack::model::{BudgetLine, Expense, MetricRow, PlanRow, Problem, Risk, WeeklyRow};
use plantrack::read::read_workbook;
use plantrack::read::records::RecordSink;

use crate::common::*;
use crate::workbooks::messy_workbook;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// Every record read, each expense row included (a summary keeps only their tally).
#[derive(Default)]
struct Records {
    plan: Vec<PlanRow>,
    weekly: Vec<WeeklyRow>,
    expenses: Vec<Expense>,
    budget: Vec<BudgetLine>,
    risks: Vec<Risk>,
    /// A wide metrics row gives one record per metric, so metrics may share a row.
    metrics: Vec<MetricRow>,
    problems: Vec<Problem>,
    /// How each table was read: totals rows, sections and skipped rows are named there.
    tables: Vec<plantrack::model::TableRead>,
}

impl RecordSink for Records {
    fn plan(&mut self, row: PlanRow) {
        self.plan.push(row);
    }
    fn weekly(&mut self, row: WeeklyRow) {
        self.weekly.push(row);
    }
    fn expense(&mut self, row: Expense) {
        self.expenses.push(row);
    }
    fn budget(&mut self, row: BudgetLine) {
        self.budget.push(row);
    }
    fn risk(&mut self, row: Risk) {
        self.risks.push(row);
    }
    fn metric(&mut self, row: MetricRow) {
        self.metrics.push(row);
    }
}

fn read_records(path: &Path) -> Records {
    let mut records = Records::default();
    let info = read_workbook(path, as_of(), &mut records)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    records.problems = info.problems;
    records.tables = info.tables;
    records
}

fn header_map(sheet: &str, cells: &[Data]) -> Option<HeaderMap> {
    let headers: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    let named = kind_from_name(sheet)
        .map(|k| HeaderMap::build(k, &headers))
        .filter(|m| m.columns.len() >= MIN_HEADER_MATCHES);
    named.or_else(|| best_kind_for_headers(&headers))
}

/// Data rows (0-based) of each recognised sheet, from the raw cells.
fn input_data_rows(path: &Path) -> BTreeMap<String, BTreeSet<u32>> {
    let mut book = open_workbook_auto(path).unwrap();
    let mut out = BTreeMap::new();
    for sheet in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&sheet) else {
            continue;
        };
        let top = range.start().map_or(0, |(r, _)| r);
        let rows: Vec<&[Data]> = range.rows().collect();
        let Some((h, map)) = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find_map(|(i, r)| header_map(&sheet, r).map(|m| (i, m)))
        else {
            continue;
        };
        let left = range.start().map_or(0, |(_, c)| c) as usize;
        let data: BTreeSet<u32> = rows
            .iter()
            .enumerate()
            .skip(h + 1)
            .filter(|(_, r)| {
                map.columns.iter().any(|c| {
                    c.col >= left
                        && r.get(c.col - left)
                            .is_some_and(|v| !v.to_string().trim().is_empty())
                })
            })
            .map(|(i, _)| top + i as u32)
            .collect();
        out.insert(sheet, data);
    }
    out
}

/// Rows of each sheet that a record or a problem names, and the sheets a sheet-wide
/// problem names (all of whose rows are accounted for).
fn accounted(data: &Records) -> (BTreeMap<String, BTreeSet<u32>>, BTreeSet<String>) {
    let mut rows: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut whole = BTreeSet::new();
    let mut add = |at: &plantrack::model::CellRef| {
        if at.is_sheet_only() {
            whole.insert(at.sheet.clone());
        } else {
            rows.entry(at.sheet.clone()).or_default().insert(at.row);
        }
    };
    data.plan.iter().for_each(|r| add(&r.row));
    data.weekly.iter().for_each(|r| add(&r.row));
    data.expenses.iter().for_each(|r| add(&r.row));
    data.budget.iter().for_each(|r| add(&r.row));
    data.risks.iter().for_each(|r| add(&r.row));
    data.metrics.iter().for_each(|r| add(&r.row));
    data.problems.iter().for_each(|p| add(&p.at));
    for note in data.tables.iter().flat_map(|t| &t.notes) {
        use plantrack::model::TableNote as N;
        match note {
            N::Totals { at, .. } | N::Skipped { at, .. } | N::Section { at, .. } => add(at),
            _ => {}
        }
    }
    (rows, whole)
}

/// Asserts the property for one workbook; returns the number of input data rows.
fn assert_nothing_lost(path: &Path) -> usize {
    let input = input_data_rows(path);
    let data = read_records(path);
    let (rows, whole) = accounted(&data);
    let mut total = 0;
    for (sheet, wanted) in &input {
        total += wanted.len();
        if whole.contains(sheet) {
            continue;
        }
        let found = rows.get(sheet).cloned().unwrap_or_default();
        let lost: Vec<u32> = wanted.difference(&found).map(|r| r + 1).collect();
        assert!(
            lost.is_empty(),
            "{}: sheet {sheet}: rows {lost:?} are neither read nor named by a problem",
            path.display()
        );
    }
    // A record per row at most: no row is counted twice.
    let mut seen = BTreeSet::new();
    for at in data
        .plan
        .iter()
        .map(|r| &r.row)
        .chain(data.weekly.iter().map(|r| &r.row))
        .chain(data.expenses.iter().map(|r| &r.row))
        .chain(data.budget.iter().map(|r| &r.row))
        .chain(data.risks.iter().map(|r| &r.row))
    {
        assert!(
            seen.insert(at.clone()),
            "{}: {at} read twice",
            path.display()
        );
    }
    total
}

#[test]
fn every_sample_and_fixture_row_is_read_or_named() {
    let mut files: Vec<_> = std::fs::read_dir(samples())
        .unwrap()
        .chain(std::fs::read_dir(fixtures()).unwrap())
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx" || e == "ods"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    for f in files {
        let rows = assert_nothing_lost(&f);
        assert!(rows > 10, "{}: only {rows} data rows found", f.display());
    }
}

#[test]
fn every_row_of_generated_messy_workbooks_is_read_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut total = 0;
    for seed in 0..40 {
        let path = dir.path().join(format!("messy-{seed}.xlsx"));
        let written = messy_workbook(seed, &path);
        let counted = assert_nothing_lost(&path);
        // The independent count agrees with what the generator wrote (merged goal rows
        // count once each, as the generator counts them).
        assert_eq!(counted, written, "seed {seed}");
        total += counted;
    }
    assert!(total > 1000, "only {total} rows generated");
}

/// End to end: the summary holds a Tasks row per plan record, a Weekly row per weekly record,
/// a Risks row per risk, and costs that add up to the expenses and budget lines read.
#[test]
fn the_summary_holds_every_record_read() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [3, 7, 11] {
        let input = dir.path().join(format!("messy-{seed}.xlsx"));
        messy_workbook(seed, &input);
        let data = read_records(&input);
        let out = dir.path().join(format!("out-{seed}.xlsx"));
        let o = plantrack(
            dir.path(),
            &[
                "report",
                input.to_str().unwrap(),
                "--as-of",
                AS_OF,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(
            sheet(&out, "任务").len() - 1,
            data.plan.len(),
            "seed {seed}"
        );
        assert_eq!(
            sheet(&out, "周度跟踪").len() - 1,
            data.weekly.len(),
            "seed {seed}"
        );
        if !data.risks.is_empty() {
            assert_eq!(
                sheet(&out, "风险").len() - 1,
                data.risks.len(),
                "seed {seed}"
            );
        }
        let costs = sheet(&out, "成本预算");
        let total = row_with(&costs, 0, "合计");
        let spent: f64 = data.expenses.iter().map(|e| decimal(e.amount)).sum();
        let budget: f64 = data.budget.iter().map(|b| decimal(b.budget)).sum();
        assert!((num(&total[3]) - spent).abs() < 1e-6, "seed {seed}");
        assert!((num(&total[2]) - budget).abs() < 1e-6, "seed {seed}");
    }
}

fn decimal(d: rust_decimal::Decimal) -> f64 {
    d.to_string().parse().unwrap()
}
