//! The fast paths read what the plain ones do. A workbook file of 1 MiB or more is parsed on a
//! second thread and its merged regions are found by scanning the sheet's bytes; the same
//! workbook handed over as bytes is read on one thread, with calamine's merged regions.
//! Both must give the same records and problems.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use plantrack::model::Dataset;
use plantrack::read::source::PIPELINE_FROM_BYTES;
use plantrack::read::{read_bytes, read_dataset, team_name};
use rust_xlsxwriter::{Format, Workbook};

use crate::common::*;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// Everything read, as text to compare (the tally's index is left out: a hash map).
fn fingerprint(d: &Dataset) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{} expenses",
        d.teams,
        d.plan,
        d.weekly,
        d.expenses.groups,
        d.budget,
        d.risks,
        d.problems,
        d.expenses.count()
    )
}

fn assert_same_both_ways(path: &Path) -> Dataset {
    let from_file = read_dataset(path, as_of());
    let bytes = std::fs::read(path).unwrap();
    let from_bytes = read_bytes(&bytes, &team_name(path), as_of());
    match (from_file, from_bytes) {
        (Ok(a), Ok(b)) => {
            assert_eq!(fingerprint(&a), fingerprint(&b), "{}", path.display());
            a
        }
        (Err(a), Err(b)) => {
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{}", path.display());
            Dataset::default()
        }
        (a, b) => panic!("{}: file {a:?}\nbytes {b:?}", path.display()),
    }
}

fn xlsx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            xlsx_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"))
        {
            out.push(p);
        }
    }
}

/// The byte scan finds the merged regions calamine finds, on every .xlsx at hand (Excel's,
/// LibreOffice's, openpyxl's, calamine's own test files).
#[test]
fn merged_regions_by_scan_match_calamine_on_every_workbook_at_hand() {
    let mut files = Vec::new();
    for dir in [samples(), fixtures(), root().join("tests/corpus")] {
        xlsx_files(&dir, &mut files);
    }
    assert!(files.len() > 20, "only {} workbooks found", files.len());
    for f in &files {
        assert_same_both_ways(f);
    }
}

/// A ledger big enough to be parsed on a second thread, with merged category cells in its
/// data: the same expenses, tallies and problems as the one-thread read, and the merged
/// category counted on every row it covers.
#[test]
fn a_big_ledger_reads_the_same_on_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("大账本.xlsx");
    let rows = 45_000u32;
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let plain = Format::new();
    {
        let ws = wb.add_worksheet();
        ws.set_name("预算").unwrap();
        ws.write_row(0, 0, ["费用科目", "预算金额"]).unwrap();
        ws.write_row(1, 0, ["直播推广费", "500000"]).unwrap();
        ws.write_row(2, 0, ["物料制作", "300000"]).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("成本支出明细").unwrap();
    ws.write_row(0, 0, ["日期", "费用科目", "事项", "金额"])
        .unwrap();
    let mut merged_rows = 0;
    let mut counted = 0usize;
    let mut r = 1;
    while r <= rows {
        if r % 100 == 1 {
            // A category merged down three rows, as teams do.
            ws.merge_range(r, 1, r + 2, 1, "直播推广费", &plain)
                .unwrap();
            merged_rows += 3;
            counted += 3;
            for k in 0..3 {
                ws.write_number_with_format(r + k, 0, 46327.0 + f64::from(r % 28), &date)
                    .unwrap();
                ws.write_string(r + k, 2, format!("坑位费 #{}", r + k))
                    .unwrap();
                ws.write_number(r + k, 3, 100.5).unwrap();
            }
            r += 3;
            continue;
        }
        ws.write_number_with_format(r, 0, 46327.0 + f64::from(r % 28), &date)
            .unwrap();
        ws.write_string(r, 1, "物料制作").unwrap();
        ws.write_string(r, 2, format!("海报印刷 第{r}批 {}", r * 7919 % 10007))
            .unwrap();
        // Amounts in the forms teams type, a bad one now and then.
        counted += usize::from(r % 5 != 1);
        match r % 5 {
            0 => ws.write_string(r, 3, format!("¥{}.{:02}", r % 900 + 1, r % 100)),
            1 => ws.write_string(r, 3, "待定"),
            _ => ws.write_number(r, 3, f64::from(r % 1000) + 0.25),
        }
        .unwrap();
        r += 1;
    }
    wb.save(&path).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size >= PIPELINE_FROM_BYTES, "{size} bytes: not big enough");

    let data = assert_same_both_ways(&path);
    assert_eq!(data.expenses.count(), counted);
    let live: u32 = data
        .expenses
        .groups
        .iter()
        .filter(|g| g.category == "直播推广费")
        .map(|g| g.count as u32)
        .sum();
    assert_eq!(live, merged_rows);
}

/// A big ledger: `rows` data rows under a header at `header_row`, amounts 1..=rows yuan,
/// category 物料制作; returns the path (in `dir`).
fn big_ledger(
    dir: &Path,
    name: &str,
    header_row: u32,
    rows: u32,
    dress: impl FnOnce(&mut rust_xlsxwriter::Worksheet),
) -> PathBuf {
    let path = dir.join(name);
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name("成本支出明细").unwrap();
    ws.write_row(header_row, 0, ["日期", "费用科目", "事项", "金额"])
        .unwrap();
    for i in 1..=rows {
        let r = header_row + i;
        ws.write_number_with_format(r, 0, 46327.0 + f64::from(r % 28), &date)
            .unwrap();
        ws.write_string(r, 1, "物料制作").unwrap();
        ws.write_string(r, 2, format!("海报印刷 第{r}批 {}", r * 7919 % 10007))
            .unwrap();
        ws.write_number(r, 3, f64::from(i)).unwrap();
    }
    dress(ws);
    wb.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() >= PIPELINE_FROM_BYTES);
    path
}

/// A big sheet is read before its merged regions are known (they are listed after its
/// data). Merged cells only far down are filled once known; a merged title over the header
/// covers rows read before, so the workbook is read again: either way the figures are
/// those of the one-thread read, which knows the regions first.
#[test]
fn a_big_ledger_read_ahead_of_its_merged_cells_keeps_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let rows = 50_000u32;
    let sum = |n: u32| rust_decimal::Decimal::from(u64::from(n) * (u64::from(n) + 1) / 2);

    // A category merged over three rows near the end: counted on each row it covers.
    let late = big_ledger(dir.path(), "late.xlsx", 0, rows, |ws| {
        let r = rows - 10;
        ws.merge_range(r, 1, r + 2, 1, "直播推广费", &Format::new())
            .unwrap();
    });
    let data = assert_same_both_ways(&late);
    assert_eq!(data.expenses.count(), rows as usize);
    let live: Vec<_> = data
        .expenses
        .groups
        .iter()
        .filter(|g| g.category == "直播推广费")
        .collect();
    assert_eq!(live.iter().map(|g| g.count).sum::<usize>(), 3);
    let all: rust_decimal::Decimal = data.expenses.groups.iter().map(|g| g.spent).sum();
    assert_eq!(all, sum(rows));

    // A title merged across the table above its header.
    let titled = big_ledger(dir.path(), "titled.xlsx", 1, rows, |ws| {
        ws.merge_range(0, 0, 0, 3, "2026 年市场部费用明细", &Format::new())
            .unwrap();
    });
    let data = assert_same_both_ways(&titled);
    assert_eq!(data.expenses.count(), rows as usize);
    let all: rust_decimal::Decimal = data.expenses.groups.iter().map(|g| g.spent).sum();
    assert_eq!(all, sum(rows));
}
