//! Keeping the team's work (issue 15): text typed into the Retrospective's yellow cells
//! survives a re-run; a summary whose other cells were edited is kept as a dated copy; the
//! notes that live across weeks come from last week's summary. The typing is done with
//! openpyxl, as another tool (or person) would.

use std::path::Path;

use crate::common::*;

/// Types `text` into the Retrospective cell beside `label` (column B) with openpyxl; also
/// sets `other` (sheet, cell, value) when given. Returns false when python3/openpyxl is
/// missing.
fn type_into(path: &Path, notes: &[(&str, &str)], other: Option<(&str, &str, &str)>) -> bool {
    let script = r#"
import sys, json
import openpyxl
path, notes, other = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
wb = openpyxl.load_workbook(path)
ws = wb["复盘"] if "复盘" in wb.sheetnames else wb["Retrospective"]
for label, text in notes:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            ws.cell(row=row[0].row, column=2).value = text
if other:
    wb[other[0]][other[1]] = other[2]
wb.save(path)
"#;
    let o = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().unwrap()])
        .arg(serde_json::to_string(notes).unwrap())
        .arg(serde_json::to_string(&other).unwrap())
        .output();
    match o {
        Ok(o) if o.status.success() => true,
        Ok(o) => {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("No module named"), "openpyxl failed: {err}");
            eprintln!("skipped: openpyxl is not installed");
            false
        }
        Err(_) => false,
    }
}

fn note(path: &Path, label: &str) -> String {
    let rows = sheet(path, "复盘");
    text(&row_with(&rows, 0, label)[1])
}

fn report(dir: &Path, as_of: &str, out: &str) -> String {
    let input = samples().join(ZH_SAMPLE);
    let o = plantrack(
        dir,
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            as_of,
            "-o",
            out,
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn copies(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".edited-"))
        .collect()
}

#[test]
fn notes_typed_into_the_yellow_cells_survive_a_re_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.xlsx");
    report(dir.path(), AS_OF, "summary.xlsx");
    let typed = [("亮点", "直播转化超预期"), ("不足", "物料晚了两天")];
    if !type_into(&out, &typed, None) {
        return;
    }
    let said = report(dir.path(), AS_OF, "summary.xlsx");
    assert_eq!(note(&out, "亮点"), "直播转化超预期");
    assert_eq!(note(&out, "不足"), "物料晚了两天");
    assert_eq!(note(&out, "经验沉淀"), "");
    assert!(
        said.contains("已保留团队在复盘表黄色单元格中填写的 2 项内容"),
        "{said}"
    );
    // Only the yellow cells were typed into: no copy.
    assert!(copies(dir.path()).is_empty(), "{:?}", copies(dir.path()));
    // A third run keeps them too (the carried text is not mistaken for an edit).
    report(dir.path(), AS_OF, "summary.xlsx");
    assert_eq!(note(&out, "亮点"), "直播转化超预期");
    assert!(copies(dir.path()).is_empty());
}

#[test]
fn a_summary_edited_elsewhere_is_kept_as_a_dated_copy() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.xlsx");
    report(dir.path(), AS_OF, "summary.xlsx");
    let edit = Some(("概览", "A1", "我们改过的标题"));
    if !type_into(&out, &[("改进措施", "每周三对一次物料")], edit) {
        return;
    }
    let said = report(dir.path(), AS_OF, "summary.xlsx");
    let kept = copies(dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        said.contains("已另存一份") && said.contains(&kept[0]),
        "{said}"
    );
    let copy = dir.path().join(&kept[0]);
    assert_eq!(text(&sheet(&copy, "概览")[0][0]), "我们改过的标题");
    // The new summary is plantrack's again, with the team's note carried.
    assert_eq!(text(&sheet(&out, "概览")[0][0]), "营销计划周度汇总");
    assert_eq!(note(&out, "改进措施"), "每周三对一次物料");
}

#[test]
fn improvements_and_lessons_carry_into_next_week_and_highlights_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let stem = ZH_SAMPLE.trim_end_matches(".xlsx");
    let last = format!("{stem}-summary-2026-11-19.xlsx");
    report(dir.path(), "2026-11-19", &last);
    let typed = [("亮点", "上周亮点"), ("经验沉淀", "达人合作先签框架协议")];
    if !type_into(&dir.path().join(&last), &typed, None) {
        return;
    }
    let this = format!("{stem}-summary-{AS_OF}.xlsx");
    report(dir.path(), AS_OF, &this);
    let out = dir.path().join(&this);
    assert_eq!(note(&out, "经验沉淀"), "达人合作先签框架协议");
    assert_eq!(note(&out, "亮点"), "");
}

/// The weekly rhythm in a team folder: `report .` run again on the same day (a corrected
/// cost line) replaces its own summary, which sits in the folder it reads, and keeps the
/// notes typed into it; the `costs --csv` file left in the folder is not read as a second
/// budget.
#[test]
fn report_dot_run_twice_on_one_day_keeps_the_notes_and_counts_budgets_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(ZH_SAMPLE), dir.path().join(ZH_SAMPLE)).unwrap();
    let run = |args: &[&str]| {
        let o = plantrack(dir.path(), args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    run(&["report", ".", "--as-of", AS_OF]);
    let out = dir.path().join(format!("plantrack-summary-{AS_OF}.xlsx"));
    assert!(out.is_file());
    let budget = |out: &Path| num(&row_with(&sheet(out, "概览"), 0, "总预算")[1]);
    assert_eq!(budget(&out), 220_000.0);
    if !type_into(&out, &[("亮点", "直播转化超预期")], None) {
        return;
    }
    run(&["costs", ".", "--as-of", AS_OF, "--csv", "成本.csv"]);
    let said = run(&["report", ".", "--as-of", AS_OF]);
    assert!(
        said.contains("已保留团队在复盘表黄色单元格中填写的 1 项内容"),
        "{said}"
    );
    assert_eq!(note(&out, "亮点"), "直播转化超预期");
    assert!(copies(dir.path()).is_empty(), "{:?}", copies(dir.path()));
    assert_eq!(
        budget(&out),
        220_000.0,
        "the CSV's budgets are not added again"
    );
}
