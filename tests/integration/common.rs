//! Shared helpers: run the built binary in a temp dir, read a written workbook back.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn samples() -> PathBuf {
    root().join("sample-workbooks")
}

pub fn fixtures() -> PathBuf {
    root().join("tests").join("fixtures")
}

/// Runs plantrack, killing it after `limit` (a hang fails the test instead of blocking it).
pub fn plantrack_with_timeout(dir: &Path, args: &[&str], limit: std::time::Duration) -> Output {
    let since = std::time::SystemTime::now();
    let o = Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .current_dir(dir)
        .args(args)
        .timeout(limit)
        .output()
        .expect("run plantrack");
    figures_agree(dir, args, since, &o);
    o
}

/// Runs plantrack; `report` without its image brief (which needs a CJK font on the machine:
/// the tests of the image use [`plantrack_png`]).
pub fn plantrack(dir: &Path, args: &[&str]) -> Output {
    let mut args = args.to_vec();
    if args.first() == Some(&"report") && !args.contains(&"--no-png") {
        args.push("--no-png");
    }
    plantrack_png(dir, &args)
}

/// Runs plantrack as given (`report` draws its image brief).
pub fn plantrack_png(dir: &Path, args: &[&str]) -> Output {
    plantrack_in(dir, args, &[])
}

/// Runs plantrack with environment variables set (the locale, PLANTRACK_PAUSE). Without
/// them the locale names no language (C.UTF-8), so messages follow the workbooks.
pub fn plantrack_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plantrack"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLANTRACK_PAUSE")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let since = std::time::SystemTime::now();
    let o = cmd.output().expect("run plantrack");
    figures_agree(dir, args, since, &o);
    o
}

/// Every summary and cost workbook the suite makes: its figures agree (agree.rs).
fn figures_agree(dir: &Path, args: &[&str], since: std::time::SystemTime, o: &Output) {
    let writes = match args.first() {
        Some(&"report") | Some(&"costs") => true,
        Some(first) => !["check", "init", "help"].contains(first) && !first.starts_with('-'),
        None => false,
    };
    if o.status.success() && writes {
        for out in crate::agree::written_by(dir, args, since) {
            crate::agree::outputs_agree(&out);
        }
    }
}

use calamine::{Data, Reader, open_workbook_auto};

/// A sheet of a written workbook, as rows of cells.
pub fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb = open_workbook_auto(path).expect("open output");
    let range = wb
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(|r| r.to_vec()).collect()
}

pub fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).expect("open output").sheet_names()
}

/// The first row whose cell `col` reads `key`.
pub fn row_with<'a>(rows: &'a [Vec<Data>], col: usize, key: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r.get(col).is_some_and(|c| *c == key))
        .unwrap_or_else(|| panic!("no row with {key:?} in column {col}"))
}

/// All rows whose cell `col` reads `key`.
pub fn rows_with<'a>(rows: &'a [Vec<Data>], col: usize, key: &str) -> Vec<&'a [Data]> {
    rows.iter()
        .filter(|r| r.get(col).is_some_and(|c| *c == key))
        .map(|r| r.as_slice())
        .collect()
}

pub fn num(c: &Data) -> f64 {
    match c {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

pub fn text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

pub fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, found {actual}"
    );
}

pub const AS_OF: &str = "2026-11-26";
pub const ZH_SAMPLE: &str = "新品首发-华东组.xlsx";
pub const EN_SAMPLE: &str = "launch-team-west.xlsx";

/// Runs `report` on one sample into a temp dir; returns the dir and the output path.
pub fn report_of(input: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xlsx");
    let mut args = vec![
        "report",
        input.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = plantrack(dir.path(), &args);
    assert!(
        o.status.success(),
        "report failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (dir, out)
}

/// The Chinese sample with the two errors a team makes, written into `dir` by openpyxl (as
/// another program edits a workbook): the plan's due date G9 left as the template's "202X.."
/// and a costs row 15 whose amount reads "待报销" (the rows below move down one, so the
/// sample's 公关应急 is row 16 and its refund row 17). The sample itself is clean: `check`
/// on it exits 0.
pub fn zh_sample_with_errors(dir: &Path) -> PathBuf {
    let script = r#"
import sys, copy, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["2026新品首发 目标拆解表"]["G9"] = "202X.."
costs = wb["成本支出明细"]
costs.insert_rows(15)
row = [datetime.datetime(2026, 11, 24), "门店活动", "线下", "门店抽奖礼品", "待报销",
       "门店促销活动", "孙店长"]
for col, value in enumerate(row, start=1):
    cell = costs.cell(row=15, column=col, value=value)
    cell._style = copy.copy(costs.cell(row=14, column=col)._style)
costs["A15"].number_format = "yyyy-mm-dd"
costs["E15"].number_format = "General"
wb.save(sys.argv[2])
"#;
    let path = dir.join("新品首发-华东组-有错误.xlsx");
    let o = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(samples().join(ZH_SAMPLE))
        .arg(&path)
        .output()
        .expect("python3 with openpyxl");
    assert!(
        o.status.success(),
        "openpyxl: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    path
}
