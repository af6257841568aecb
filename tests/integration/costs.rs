//! `plantrack costs`: the cost-vs-budget workbook, CSV and JSON hold the figures a person
//! checks by hand (sample-workbooks/README.md), the sums are exact, the ledger traces every
//! figure, and LibreOffice recalculating the workbook gets the cached values.

use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{Formula, Workbook};

use crate::common::*;

/// Runs `costs` with `args` in a fresh temp dir; fails the test unless it exits 0.
fn costs(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["costs"];
    all.extend_from_slice(args);
    let o = plantrack(dir, &all);
    assert!(
        o.status.success(),
        "costs failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Runs `costs` on `input` into `out.xlsx`; returns the dir and the workbook.
fn costs_workbook(input: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xlsx");
    let mut args = vec![
        input.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    costs(dir.path(), &args);
    (dir, out)
}

fn costs_json(input: &Path, extra: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![input.to_str().unwrap(), "--as-of", AS_OF, "--json"];
    args.extend_from_slice(extra);
    let o = costs(dir.path(), &args);
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

/// A sheet's formulas by position from A1 ("" where a cell holds none).
fn formulas(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(path).expect("open output");
    let range = wb.worksheet_formula(name).expect("formulas");
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let mut rows = vec![Vec::new(); top as usize];
    for r in range.rows() {
        let mut row = vec![String::new(); left as usize];
        row.extend(r.iter().cloned());
        rows.push(row);
    }
    rows
}

fn formula_at(f: &[Vec<String>], row: usize, col: usize) -> &str {
    f.get(row)
        .and_then(|r| r.get(col))
        .map_or("", String::as_str)
}

fn line<'a>(rows: &'a [Vec<Data>], name: &str) -> &'a [Data] {
    row_with(rows, 1, name)
}

fn json_line<'a>(v: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["budget_line"] == name)
        .unwrap_or_else(|| panic!("no line {name}"))
}

/// Writes a one-team workbook: a cost sheet with `rows` (date, category, item, amount, task),
/// and a budget sheet with `budget` lines when there are any.
fn team_workbook(
    path: &Path,
    rows: &[(&str, &str, &str, f64, &str)],
    budget: &[(&str, f64)],
) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("成本支出明细").unwrap();
    for (c, h) in ["日期", "费用科目", "事项", "金额", "关联任务"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (date, category, item, amount, task)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *date).unwrap();
        ws.write_string(r, 1, *category).unwrap();
        ws.write_string(r, 2, *item).unwrap();
        ws.write_number(r, 3, *amount).unwrap();
        ws.write_string(r, 4, *task).unwrap();
    }
    if !budget.is_empty() {
        let ws = wb.add_worksheet().set_name("预算分配").unwrap();
        ws.write_string(0, 0, "费用科目").unwrap();
        ws.write_string(0, 1, "预算金额").unwrap();
        ws.write_string(0, 2, "负责人").unwrap();
        for (i, (category, amount)) in budget.iter().enumerate() {
            ws.write_string(i as u32 + 1, 0, *category).unwrap();
            ws.write_number(i as u32 + 1, 1, *amount).unwrap();
        }
    }
    wb.save(path).unwrap();
    path.to_path_buf()
}

#[test]
fn chinese_sample_gives_the_statuses_a_person_expects() {
    let (_d, out) = costs_workbook(&samples().join(ZH_SAMPLE), &[]);
    assert_eq!(
        sheet_names(&out),
        ["成本预算", "按月支出", "支出台账", "数据问题"]
    );
    let rows = sheet(&out, "成本预算");
    let live = line(&rows, "直播推广费");
    assert_eq!((num(&live[2]), num(&live[3])), (100_000.0, 82_350.5));
    assert_eq!(num(&live[4]), 800.0, "the refund");
    assert_close(num(&live[5]), 17_649.5);
    assert_close(num(&live[6]), 0.823505);
    assert_eq!(text(&live[7]), "预警");
    assert_eq!(num(&live[8]), 6.0);
    // The plan runs 2026-11-01..2026-12-20: 26 of 50 days gone on the as-of date.
    assert_close(num(&live[9]), 0.52);
    assert!((num(&live[10]) - 158_366.35).abs() < 0.005);
    assert!((num(&live[11]) + 58_366.35).abs() < 0.005);
    assert_eq!(text(&live[13]), "预算分配!A2");
    let xhs = line(&rows, "小红书投放");
    assert_eq!((num(&xhs[3]), text(&xhs[7])), (56_000.0, "超支".into()));
    assert_close(num(&xhs[5]), -6_000.0);
    assert_eq!(text(&line(&rows, "物料制作")[7]), "正常");
    assert_eq!(text(&line(&rows, "门店活动")[7]), "正常");
    let pr = line(&rows, "公关应急");
    assert_eq!((pr[2].clone(), num(&pr[3])), (Data::Empty, 5_000.0));
    assert_eq!(text(&pr[7]), "无预算");
    let total = row_with(&rows, 0, "合计");
    assert_eq!(num(&total[2]), 220_000.0);
    assert_eq!(num(&total[3]), 177_130.5);
    assert_eq!(num(&total[4]), 1_300.0);
    assert_eq!(num(&total[5]), 47_869.5, "remaining on budgeted lines");
    assert_eq!(num(&total[8]), 15.0);
}

#[test]
fn english_sample_warns_on_paid_social_and_flags_influencers_over() {
    let (_d, out) = costs_workbook(&samples().join(EN_SAMPLE), &[]);
    assert_eq!(
        sheet_names(&out),
        ["Costs", "By month", "Ledger", "Data problems"]
    );
    let rows = sheet(&out, "Costs");
    assert_eq!(text(&line(&rows, "Paid social")[7]), "Warning");
    assert_close(num(&line(&rows, "Paid social")[6]), 0.801);
    assert_eq!(text(&line(&rows, "Influencers")[7]), "Over");
    assert_eq!(text(&line(&rows, "Retail displays")[7]), "OK");
    assert_eq!(text(&line(&rows, "Events")[7]), "OK");
    let total = row_with(&rows, 0, "Total");
    assert_eq!((num(&total[2]), num(&total[3])), (125_000.0, 91_976.0));
    // "Amount (USD)" names the currency.
    let json = costs_json(&samples().join(EN_SAMPLE), &[]);
    assert_eq!(json_line(&json, "Paid social")["currency"], "$");
}

#[test]
fn the_ledger_traces_every_expense_to_its_source_row() {
    let (_d, out) = costs_workbook(&samples().join(ZH_SAMPLE), &[]);
    let ledger = sheet(&out, "支出台账");
    // 15 rows in the costs sheet (2-16), every one read.
    assert_eq!(ledger.len() - 1, 15);
    let first = &ledger[1];
    assert_eq!(text(&first[0]), ZH_SAMPLE);
    assert_eq!(text(&first[1]), "成本支出明细");
    assert_eq!(num(&first[2]), 2.0);
    assert!(matches!(first[3], Data::DateTime(_)));
    assert_eq!(text(&first[5]), "直播推广费");
    assert_eq!(num(&first[9]), 30_000.0);
    assert_eq!(text(&first[10]), "抖音直播销售");
    let rows_read: Vec<f64> = ledger.iter().skip(1).map(|r| num(&r[2])).collect();
    assert_eq!(
        rows_read,
        (2..=16).map(f64::from).collect::<Vec<_>>(),
        "in source order"
    );
    // Summing the ledger by line number gives each cached Spent figure.
    let costs = sheet(&out, "成本预算");
    for row in costs.iter().skip(1).take(5) {
        let key = num(&row[12]);
        let sum: f64 = ledger
            .iter()
            .skip(1)
            .filter(|r| num(&r[12]) == key)
            .map(|r| num(&r[9]))
            .sum();
        assert!((sum - num(&row[3])).abs() < 1e-6, "line {key}");
    }
    // And the Spent, Refunds and Count cells are formulas over the ledger.
    let f = formulas(&out, "成本预算");
    assert_eq!(
        formula_at(&f, 1, 3),
        "SUMIFS('支出台账'!$J:$J,'支出台账'!$M:$M,$M2)"
    );
    assert!(formula_at(&f, 1, 4).starts_with("-SUMIFS('支出台账'!$J:$J"));
    assert_eq!(formula_at(&f, 1, 8), "COUNTIFS('支出台账'!$M:$M,$M2)");
    assert_eq!(formula_at(&f, 1, 5), "C2-D2");
    assert!(formula_at(&f, 1, 7).contains("ROUND(C2*0.8,2)"));
}

/// A row whose amount is not one ("待报销" at E15) is left out of the ledger and the sums,
/// and the rows after it keep their own row numbers.
#[test]
fn the_ledger_leaves_out_a_row_that_holds_no_amount() {
    let dir = tempfile::tempdir().unwrap();
    let input = zh_sample_with_errors(dir.path());
    let (_d, out) = costs_workbook(&input, &[]);
    let ledger = sheet(&out, "支出台账");
    // 16 rows in the costs sheet; E15 is not an amount and is left out.
    assert_eq!(ledger.len() - 1, 15);
    let rows_read: Vec<f64> = ledger.iter().skip(1).map(|r| num(&r[2])).collect();
    assert!(!rows_read.contains(&15.0), "{rows_read:?}");
    assert_eq!(num(&row_with(&ledger, 5, "公关应急")[2]), 16.0);
    let costs = sheet(&out, "成本预算");
    assert_eq!(num(&row_with(&costs, 0, "合计")[3]), 177_130.5);
}

#[test]
fn by_month_table_adds_up_to_the_lines() {
    let (_d, out) = costs_workbook(&samples().join(ZH_SAMPLE), &[]);
    let months = sheet(&out, "按月支出");
    // All the sample's spending is in November 2026: one month column, then the total.
    assert!(matches!(months[0][2], Data::DateTime(_)));
    assert_eq!(text(&months[0][3]), "合计");
    let live = line(&months, "直播推广费");
    assert_eq!((num(&live[2]), num(&live[3])), (82_350.5, 82_350.5));
    let total = row_with(&months, 0, "合计");
    assert_eq!(num(&total[3]), 177_130.5);
    let f = formulas(&out, "按月支出");
    assert!(formula_at(&f, 1, 2).contains("EDATE(C$1,1)"));
}

#[test]
fn ten_thousand_dimes_sum_to_the_exact_decimal_total() {
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<(&str, &str, &str, f64, &str)> = (0..10_000)
        .map(|_| ("2026-11-10", "物料制作", "小票", 0.1, ""))
        .collect();
    let input = team_workbook(
        &dir.path().join("dimes.xlsx"),
        &rows,
        &[("物料制作", 2000.0)],
    );
    let drifted: f64 = (0..10_000).map(|_| 0.1).sum();
    assert_ne!(drifted, 1000.0, "the f64 sum drifts");
    let json = costs_json(&input, &[]);
    let l = json_line(&json, "物料制作");
    assert_eq!(l["spent"], "1000.00");
    assert_eq!(l["expenses"], 10_000);
    assert_eq!(json["totals"]["spent"], "1000.00");
    let (_d, out) = costs_workbook(&input, &[]);
    let rows = sheet(&out, "成本预算");
    assert_eq!(num(&line(&rows, "物料制作")[3]), 1000.0, "cached exactly");
    assert_eq!(num(&line(&rows, "物料制作")[5]), 1000.0);
    assert_eq!(sheet(&out, "支出台账").len() - 1, 10_000);
}

#[test]
fn csv_has_a_bom_chinese_text_and_escaped_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let injected = "=cmd|' /C calc'!A0";
    let input = team_workbook(
        &dir.path().join("team.xlsx"),
        &[
            ("2026-11-10", "直播推广费", "主播坑位费", 30_000.0, ""),
            ("2026-11-11", injected, injected, 12.5, ""),
            ("2026-11-12", "+SUM(A1)", "@x", 1.0, ""),
        ],
        &[("直播推广费", 100_000.0)],
    );
    let csv = dir.path().join("costs.csv");
    costs(
        dir.path(),
        &[
            input.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let body = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert!(lines[0].starts_with("团队,预算科目,预算,已支出,其中退款,剩余,已用比例,状态"));
    assert!(lines[0].ends_with(",币种"));
    assert_eq!(lines.len(), 4, "a header and one row per budget line");
    assert!(lines[1].starts_with("team,直播推广费,100000.00,30000.00,0.00,70000.00,0.3,正常,1,"));
    assert!(
        lines[2].starts_with("team,'=cmd|' /C calc'!A0,,12.50,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("team,'+SUM(A1),,1.00,"),
        "{}",
        lines[3]
    );
    assert!(lines.iter().skip(1).all(|l| l.ends_with(",¥")));
    // In the workbook the injected text is a string, never a formula.
    let (_d, out) = costs_workbook(&input, &[]);
    let ledger = sheet(&out, "支出台账");
    let row = row_with(&ledger, 6, injected);
    assert_eq!(text(&row[8]), injected);
    let f = formulas(&out, "支出台账");
    assert!(f.iter().flatten().all(|c| c.is_empty()));
}

#[test]
fn json_carries_the_same_figures_as_exact_decimals() {
    let json = costs_json(&samples().join(ZH_SAMPLE), &[]);
    assert_eq!(json["as_of"], AS_OF);
    assert_eq!(json["warn_at"], "0.8");
    let live = json_line(&json, "直播推广费");
    assert_eq!(live["budget"], "100000.00");
    assert_eq!(live["spent"], "82350.50");
    assert_eq!(live["refunds"], "800.00");
    assert_eq!(live["remaining"], "17649.50");
    assert_eq!(live["used"], 0.823505);
    assert_eq!(live["status"], "warning");
    assert_eq!(live["time_elapsed"], 0.52);
    assert_eq!(live["forecast"], "158366.35");
    assert_eq!(live["variance"], "-58366.35");
    assert_eq!(live["currency"], "¥");
    assert_eq!(live["budget_source"], "sheet");
    assert_eq!(json_line(&json, "小红书投放")["status"], "over");
    let pr = json_line(&json, "公关应急");
    assert_eq!(pr["status"], "unbudgeted");
    assert!(pr["budget"].is_null());
    assert_eq!(json["totals"]["spent"], "177130.50");
    assert_eq!(json["totals"]["remaining"], "47869.50");
    let team = &json["teams"][0];
    assert_eq!(team["period"]["start"], "2026-11-01");
    assert_eq!(team["period"]["end"], "2026-12-20");
}

#[test]
fn warn_at_0_9_turns_the_82_percent_line_ok() {
    let json = costs_json(&samples().join(ZH_SAMPLE), &["--warn-at", "0.9"]);
    assert_eq!(json_line(&json, "直播推广费")["status"], "ok");
    assert_eq!(json_line(&json, "小红书投放")["status"], "over");
    let (_d, out) = costs_workbook(&samples().join(ZH_SAMPLE), &["--warn-at", "90%"]);
    let rows = sheet(&out, "成本预算");
    assert_eq!(text(&line(&rows, "直播推广费")[7]), "正常");
    assert!(formula_at(&formulas(&out, "成本预算"), 1, 7).contains("ROUND(C2*0.9,2)"));
}

#[test]
fn period_changes_the_forecast() {
    let json = costs_json(
        &samples().join(ZH_SAMPLE),
        &["--period", "2026-11-01..2026-11-30"],
    );
    // 26 of 30 days gone: 82,350.50 * 30 / 26.
    let live = json_line(&json, "直播推广费");
    assert_eq!(live["forecast"], "95019.81");
    assert_eq!(live["variance"], "4980.19");
    // After the period ends, the forecast is what was spent.
    let json = costs_json(
        &samples().join(ZH_SAMPLE),
        &["--period", "2026-10-01..2026-11-15"],
    );
    assert_eq!(json_line(&json, "直播推广费")["forecast"], "82350.50");
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(ZH_SAMPLE);
    let o = plantrack(
        dir.path(),
        &[
            "costs",
            input.to_str().unwrap(),
            "--period",
            "2026-12-01..2026-11-01",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "a period that ends before it starts"
    );
}

#[test]
fn without_a_budget_sheet_the_plan_budgets_roll_up_to_their_stage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan-only.xlsx");
    let header = [
        "编号",
        "总目标",
        "阶段目标",
        "具体任务",
        "负责人",
        "开始时间",
        "完成时间",
        "关联资源",
    ];
    let tasks = [
        [
            "1.1",
            "销售额500万",
            "线上渠道300万",
            "直播主播招募",
            "王主管",
            "2026-11-01",
            "2026-11-15",
            "主播5名",
        ],
        [
            "1.2",
            "",
            "",
            "抖音直播销售",
            "王主管",
            "2026-11-15",
            "2026-12-20",
            "预算10万",
        ],
        [
            "2.1",
            "",
            "线下渠道200万",
            "门店活动",
            "孙店长",
            "2026-11-01",
            "2026-12-20",
            "预算5万",
        ],
    ];
    let mut wb = Workbook::new();
    let plan = wb.add_worksheet().set_name("目标拆解").unwrap();
    for (c, h) in header.iter().enumerate() {
        plan.write_string(0, c as u16, *h).unwrap();
    }
    for (i, t) in tasks.iter().enumerate() {
        for (c, v) in t.iter().enumerate() {
            plan.write_string(i as u32 + 1, c as u16, *v).unwrap();
        }
    }
    let ws = wb.add_worksheet().set_name("成本支出明细").unwrap();
    for (c, h) in ["日期", "费用科目", "金额", "关联任务"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let costs_rows = [
        ("2026-11-03", "直播推广费", 30_000.0, "抖音直播销售"),
        ("2026-11-05", "主播费", 2_000.0, "1.1"),
        ("2026-11-06", "线下渠道200万", 1_000.0, ""),
        ("2026-11-07", "公关应急", 500.0, ""),
    ];
    for (i, (d, c, a, t)) in costs_rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *d).unwrap();
        ws.write_string(r, 1, *c).unwrap();
        ws.write_number(r, 2, *a).unwrap();
        ws.write_string(r, 3, *t).unwrap();
    }
    wb.save(&path).unwrap();
    let json = costs_json(&path, &[]);
    let online = json_line(&json, "线上渠道300万");
    assert_eq!(online["budget"], "100000.00");
    assert_eq!(online["spent"], "32000.00", "by task name and by task id");
    assert_eq!(online["budget_source"], "plan");
    let offline = json_line(&json, "线下渠道200万");
    assert_eq!(
        (offline["budget"].as_str(), offline["spent"].as_str()),
        (Some("50000.00"), Some("1000.00"))
    );
    assert_eq!(json_line(&json, "公关应急")["status"], "unbudgeted");
    let (_d, out) = costs_workbook(&path, &[]);
    let ledger = sheet(&out, "支出台账");
    assert_eq!(text(&row_with(&ledger, 6, "主播费")[5]), "线上渠道300万");
}

#[test]
fn several_teams_in_different_currencies_get_team_totals_and_no_grand_total() {
    let (_d, out) = costs_workbook(&samples(), &[]);
    let rows = sheet(&out, "Costs");
    let teams: Vec<String> = rows.iter().skip(1).take(9).map(|r| text(&r[0])).collect();
    assert_eq!(teams.iter().filter(|t| *t == "launch-team-west").count(), 4);
    assert_eq!(teams.iter().filter(|t| *t == "新品首发-华东组").count(), 5);
    assert!(rows.iter().all(|r| r[0] != "Total"), "no sum of $ and ¥");
    let west = rows_with(&rows, 0, "launch-team-west");
    let west_total = west.last().unwrap();
    assert_eq!(
        (num(&west_total[2]), num(&west_total[3])),
        (125_000.0, 91_976.0)
    );
    let east = rows_with(&rows, 0, "新品首发-华东组");
    assert_eq!(num(&east.last().unwrap()[3]), 177_130.5);
    let json = costs_json(&samples(), &[]);
    assert!(json["totals"].is_null());
    assert_eq!(json["teams"][0]["currency"], "$");
    assert_eq!(json["teams"][1]["currency"], "¥");
}

#[test]
fn report_and_costs_share_one_cost_sheet() {
    let (_d1, report) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let (_d2, costs) = costs_workbook(&samples().join(ZH_SAMPLE), &[]);
    let a = sheet(&report, "成本预算");
    let b = sheet(&costs, "成本预算");
    assert_eq!(a[..7], b[..7], "the same lines and totals");
    // In the report the spent cells are values; in costs, formulas over the ledger.
    assert_eq!(formula_at(&formulas(&report, "成本预算"), 1, 3), "");
    assert!(formula_at(&formulas(&costs, "成本预算"), 1, 3).starts_with("SUMIFS("));
}

#[test]
fn default_output_name_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(ZH_SAMPLE);
    let o = costs(dir.path(), &[input.to_str().unwrap(), "--as-of", AS_OF]);
    assert!(
        dir.path()
            .join("新品首发-华东组-costs-2026-11-26.xlsx")
            .exists()
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("5 个预算科目：1 个超支，1 个预警，1 个无预算"),
        "{err}"
    );
    let o = plantrack(dir.path(), &["costs", "missing.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::copy(&input, dir.path().join("team.xlsx")).unwrap();
    let o = plantrack(dir.path(), &["costs", "team.xlsx", "--csv", "team.xlsx"]);
    assert_eq!(o.status.code(), Some(2), "the output may not be an input");
    let o = plantrack(
        dir.path(),
        &["costs", "team.xlsx", "--json", "--csv", "x.csv"],
    );
    assert_eq!(o.status.code(), Some(2), "one output at a time");
}

/// LibreOffice, when asked, recalculates every formula on load; the profile's setting
/// `OOXMLRecalcMode = 0` (always) makes a headless conversion do so.
fn libreoffice() -> Option<tempfile::TempDir> {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: soffice (LibreOffice) is not on PATH");
        return None;
    }
    let profile = tempfile::tempdir().unwrap();
    let user = profile.path().join("user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    Some(profile)
}

/// Converts `input` with LibreOffice into `outdir`; returns the converted file.
fn convert(profile: &Path, input: &Path, to: &str, outdir: &Path) -> PathBuf {
    convert_with(profile, input, None, to, outdir)
}

fn convert_with(
    profile: &Path,
    input: &Path,
    infilter: Option<&str>,
    to: &str,
    outdir: &Path,
) -> PathBuf {
    let mut cmd = std::process::Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ));
    if let Some(f) = infilter {
        cmd.arg(format!("--infilter={f}"));
    }
    let o = cmd
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(input)
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ext = to.split(':').next().unwrap();
    outdir.join(input.with_extension(ext).file_name().unwrap())
}

#[test]
fn libreoffice_recalculating_the_workbook_gets_the_cached_values() {
    let Some(profile) = libreoffice() else { return };
    let dir = tempfile::tempdir().unwrap();
    // A control: a formula whose cached value is wrong on purpose must come back corrected,
    // or LibreOffice did not recalculate and the comparison below would prove nothing.
    let control = dir.path().join("control.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet()
        .write_formula(0, 0, Formula::new("=1+1").set_result("7"))
        .unwrap();
    wb.save(&control).unwrap();
    let recalc = dir.path().join("recalc");
    let back = convert(profile.path(), &control, "xlsx", &recalc);
    assert_eq!(
        sheet(&back, "Sheet1")[0][0],
        Data::Float(2.0),
        "recalculated"
    );

    // The costs workbook of both sample teams, and of a generated ledger with refunds, many
    // small amounts and several months.
    let mut rows: Vec<(String, &str, &str, f64, &str)> = Vec::new();
    for i in 0..2_000 {
        let day = format!("2026-{:02}-{:02}", 10 + i % 3, 1 + i % 28);
        let category = ["直播推广费", "小红书投放", "物料制作", "公关应急"][i % 4];
        // Whole cents, some refunds.
        let cents = if i % 37 == 0 {
            -1234
        } else {
            10 + (i % 7) as i64 * 10001
        };
        let amount = cents as f64 / 100.0;
        rows.push((day, category, "明细", amount, ""));
    }
    let borrowed: Vec<(&str, &str, &str, f64, &str)> = rows
        .iter()
        .map(|(d, c, i, a, t)| (d.as_str(), *c, *i, *a, *t))
        .collect();
    let generated = team_workbook(
        &dir.path().join("ledger.xlsx"),
        &borrowed,
        &[
            ("直播推广费", 60_000.0),
            ("小红书投放", 70_000.0),
            ("物料制作", 50_000.0),
        ],
    );
    let (mut compared, mut worst) = (0, 0.0f64);
    for (input, extra) in [
        (samples(), vec!["--period", "2026-11-01..2026-12-31"]),
        (samples().join(ZH_SAMPLE), vec![]),
        (generated, vec![]),
    ] {
        let (_d, out) = costs_workbook(&input, &extra);
        let back = convert(profile.path(), &out, "xlsx", &recalc);
        for name in sheet_names(&out) {
            let cached = sheet(&out, &name);
            let recalculated = sheet(&back, &name);
            let f = formulas(&out, &name);
            for (r, row) in f.iter().enumerate() {
                for (c, formula) in row.iter().enumerate() {
                    if formula.is_empty() {
                        continue;
                    }
                    let (a, b) = (&cached[r][c], &recalculated[r][c]);
                    if let (Data::Float(x), Data::Float(y)) = (a, b) {
                        worst = worst.max((x - y).abs());
                    }
                    let same = match (a, b) {
                        (Data::Float(x), Data::Float(y)) => {
                            (x - y).abs() <= 1e-6 * x.abs().max(1.0)
                        }
                        (Data::Float(x), Data::Int(y)) | (Data::Int(y), Data::Float(x)) => {
                            (x - *y as f64).abs() <= 1e-9
                        }
                        _ => a == b,
                    };
                    assert!(
                        same,
                        "{name}!{}{}: cached {a:?}, LibreOffice {b:?} ({formula})",
                        (b'A' + c as u8) as char,
                        r + 1
                    );
                    compared += 1;
                }
            }
        }
    }
    eprintln!(
        "LibreOffice recalculated {compared} formulas to their cached values (largest difference {worst:e})"
    );
    assert!(compared > 100);
}

#[test]
fn csv_opens_in_libreoffice_with_chinese_intact_and_the_injection_as_text() {
    let Some(profile) = libreoffice() else { return };
    let dir = tempfile::tempdir().unwrap();
    let injected = "=cmd|' /C calc'!A0";
    let input = team_workbook(
        &dir.path().join("team.xlsx"),
        &[
            ("2026-11-10", "直播推广费", "主播坑位费", 30_000.0, ""),
            ("2026-11-11", injected, "x", 12.5, ""),
        ],
        &[("直播推广费", 100_000.0)],
    );
    let csv = dir.path().join("costs.csv");
    costs(
        dir.path(),
        &[
            input.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    // Headless, LibreOffice takes the charset from the filter options (44 comma, 34 quote,
    // 76 UTF-8, from line 1), as a user picks it in the import dialog; it then drops the BOM.
    let back = convert_with(
        profile.path(),
        &csv,
        Some("CSV:44,34,76,1"),
        "xlsx",
        &dir.path().join("lo"),
    );
    let rows = sheet(&back, "costs");
    assert_eq!(text(&rows[0][1]), "预算科目");
    assert_eq!(text(&rows[1][1]), "直播推广费");
    assert_eq!(num(&rows[1][3]), 30_000.0, "plain numbers read as numbers");
    let cell = text(&rows[2][1]);
    assert!(cell.contains("=cmd|"), "{cell:?}");
    let f = formulas(&back, "costs");
    assert!(
        f.iter().flatten().all(|c| c.is_empty()),
        "no formula: {f:?}"
    );
}
