//! One definition per figure (issue 15): every figure shown in two places (the Overview and
//! the Costs sheet, the `report` and `costs` workbooks, the workbook, `costs --json` and
//! `costs --csv`) is
//! the same, for a representative set of runs: each sample alone, both together (two
//! currencies), early in the campaign period and with `--period`.

use std::path::{Path, PathBuf};

use calamine::Data;

use crate::common::*;

/// The runs the check walks: (inputs, extra arguments).
fn runs() -> Vec<(Vec<PathBuf>, Vec<&'static str>)> {
    let (zh, en) = (samples().join(ZH_SAMPLE), samples().join(EN_SAMPLE));
    vec![
        (vec![zh.clone()], vec!["--as-of", AS_OF]),
        (vec![en.clone()], vec!["--as-of", AS_OF]),
        (vec![zh.clone(), en.clone()], vec!["--as-of", AS_OF]),
        // 8 of 50 days gone: forecasts by budget.
        (vec![zh.clone()], vec!["--as-of", "2026-11-08"]),
        (vec![en], vec!["--as-of", "2026-11-05", "--lang", "zh"]),
    ]
}

fn run(dir: &Path, cmd: &str, inputs: &[PathBuf], extra: &[&str], tail: &[&str]) -> Vec<u8> {
    let mut args = vec![cmd];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    args.extend_from_slice(extra);
    args.extend_from_slice(tail);
    let o = plantrack(dir, &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

fn opt_num(c: Option<&Data>) -> Option<f64> {
    match c {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

fn json_num(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::String(s) => s.parse().ok(),
        serde_json::Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

fn same(what: &str, a: Option<f64>, b: Option<f64>) {
    match (a, b) {
        (Some(x), Some(y)) => assert!((x - y).abs() < 0.006, "{what}: {x} vs {y}"),
        (x, y) => assert_eq!(x.is_some(), y.is_some(), "{what}: {x:?} vs {y:?}"),
    }
}

/// The label of a row in column A, in either language.
fn labelled<'a>(rows: &'a [Vec<Data>], zh: &str, en: &str) -> Option<&'a [Data]> {
    rows.iter()
        .find(|r| r.first().is_some_and(|c| *c == zh || *c == en))
        .map(|r| r.as_slice())
}

/// Cost sheet columns: budget, spent, refunds, remaining, used, count, forecast, variance.
const FIGURES: [usize; 8] = [2, 3, 4, 5, 6, 8, 10, 11];

#[test]
fn a_figure_shown_twice_is_the_same_figure() {
    for (inputs, extra) in runs() {
        let dir = tempfile::tempdir().unwrap();
        let summary = dir.path().join("summary.xlsx");
        let costs = dir.path().join("costs.xlsx");
        let s = summary.to_str().unwrap();
        let c = costs.to_str().unwrap();
        run(dir.path(), "report", &inputs, &extra, &["-o", s]);
        run(dir.path(), "costs", &inputs, &extra, &["-o", c]);
        let json: serde_json::Value =
            serde_json::from_slice(&run(dir.path(), "costs", &inputs, &extra, &["--json"]))
                .unwrap();
        let names = sheet_names(&summary);
        let zh = names.iter().any(|n| n == "概览");
        let cost_name = if zh { "成本预算" } else { "Costs" };
        let report_costs = sheet(&summary, cost_name);
        let costs_costs = sheet(&costs, cost_name);
        let case = format!("{inputs:?} {extra:?}");

        // The report's and the costs workbook's cost sheets, and the JSON, line by line.
        let lines = json["lines"].as_array().unwrap();
        assert!(!lines.is_empty(), "{case}");
        // The CSV: one row per line, the JSON's figures (the samples' names hold no comma).
        run(dir.path(), "costs", &inputs, &extra, &["--csv", "c.csv"]);
        let csv = std::fs::read_to_string(dir.path().join("c.csv")).unwrap();
        let rows: Vec<Vec<&str>> = csv
            .trim_start_matches('\u{feff}')
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(rows.len(), lines.len(), "{case}: CSV rows");
        for (row, jl) in rows.iter().zip(lines) {
            assert_eq!(row[1], jl["budget_line"].as_str().unwrap(), "{case}");
            for (c, key) in [
                (2, "budget"),
                (3, "spent"),
                (4, "refunds"),
                (5, "remaining"),
                (6, "used"),
                (8, "expenses"),
                (10, "forecast"),
                (11, "variance"),
            ] {
                let cell = row[c].parse::<f64>().ok();
                same(&format!("{case} CSV {key}"), cell, json_num(&jl[key]));
            }
        }
        for (i, jl) in lines.iter().enumerate() {
            let (a, b) = (&report_costs[i + 1], &costs_costs[i + 1]);
            assert_eq!(text(&a[1]), jl["budget_line"].as_str().unwrap(), "{case}");
            assert_eq!(text(&a[7]), text(&b[7]), "{case}: status");
            for c in FIGURES {
                same(
                    &format!("{case} line {i} col {c}"),
                    opt_num(a.get(c)),
                    opt_num(b.get(c)),
                );
            }
            for (c, key) in [
                (2, "budget"),
                (3, "spent"),
                (4, "refunds"),
                (5, "remaining"),
                (6, "used"),
                (8, "expenses"),
                (10, "forecast"),
                (11, "variance"),
            ] {
                same(
                    &format!("{case} {key}"),
                    opt_num(a.get(c)),
                    json_num(&jl[key]),
                );
            }
            // Each line: remaining = budget - spent, variance = budget - forecast.
            if let (Some(bud), Some(sp)) = (opt_num(a.get(2)), opt_num(a.get(3))) {
                same(
                    &format!("{case} remaining"),
                    opt_num(a.get(5)),
                    Some(bud - sp),
                );
                if let Some(f) = opt_num(a.get(10)) {
                    same(
                        &format!("{case} variance"),
                        opt_num(a.get(11)),
                        Some(bud - f),
                    );
                }
            }
        }

        // The totals row, where the teams share a currency: the same in both workbooks,
        // the JSON and the Overview, and it adds up by its own definition.
        let total = labelled(&report_costs, "合计", "Total");
        assert_eq!(total.is_some(), !json["totals"].is_null(), "{case}");
        if let Some(t) = total {
            let t2 = labelled(&costs_costs, "合计", "Total").unwrap();
            for c in FIGURES {
                same(
                    &format!("{case} total col {c}"),
                    opt_num(t.get(c)),
                    opt_num(t2.get(c)),
                );
            }
            let jt = &json["totals"];
            for (c, key) in [(2, "budget"), (3, "spent"), (5, "remaining"), (6, "used")] {
                same(
                    &format!("{case} total {key}"),
                    opt_num(t.get(c)),
                    json_num(&jt[key]),
                );
            }
            for (c, key) in [(10, "forecast"), (11, "variance")] {
                same(
                    &format!("{case} total {key}"),
                    opt_num(t.get(c)),
                    json_num(&jt[key]),
                );
            }
            let budget = opt_num(t.get(2)).unwrap();
            let unbudgeted = json_num(&jt["unbudgeted"]).unwrap();
            let spent = opt_num(t.get(3)).unwrap();
            let remaining = opt_num(t.get(5)).unwrap();
            same(&case, Some(remaining), Some(budget - (spent - unbudgeted)));
            // Used + remaining share = 100%.
            let used = opt_num(t.get(6)).unwrap();
            same(&case, Some(used + remaining / budget), Some(1.0));
            if let Some(f) = opt_num(t.get(10)) {
                same(&case, opt_num(t.get(11)), Some(budget - f));
            }
            // The Overview's budget block.
            let overview = sheet(&summary, if zh { "概览" } else { "Overview" });
            let at = |zh_label: &str, en_label: &str| {
                opt_num(labelled(&overview, zh_label, en_label).and_then(|r| r.get(1)))
            };
            same(&case, at("总预算", "Budget"), Some(budget));
            same(
                &case,
                at("已支出（含无预算支出）", "Spent (all)"),
                Some(spent),
            );
            same(
                &case,
                at("其中无预算支出", "of which without a budget"),
                Some(unbudgeted),
            );
            same(
                &case,
                at("剩余（有预算的科目）", "Remaining (budgeted lines)"),
                Some(remaining),
            );
            same(
                &case,
                at("已用比例（有预算的科目）", "Used (budgeted lines)"),
                Some(used),
            );
        }

        // Per team: the JSON's team totals and the Costs sheet's team totals (both
        // workbooks), every figure.
        if let Some(at) = report_costs.iter().position(|r| {
            r.first()
                .is_some_and(|c| *c == "团队小计" || *c == "Team totals")
        }) {
            let teams = json["teams"].as_array().unwrap();
            assert_eq!(teams.len(), 2, "{case}");
            for (i, jt) in teams.iter().enumerate() {
                for book in [&report_costs, &costs_costs] {
                    let row = &book[at + 1 + i];
                    assert_eq!(text(&row[0]), jt["team"].as_str().unwrap(), "{case}");
                    for (c, key) in [
                        (2, "budget"),
                        (3, "spent"),
                        (4, "refunds"),
                        (5, "remaining"),
                        (6, "used"),
                        (8, "expenses"),
                        (10, "forecast"),
                        (11, "variance"),
                    ] {
                        same(
                            &format!("{case} team {i} {key}"),
                            opt_num(row.get(c)),
                            json_num(&jt[key]),
                        );
                    }
                }
            }
        }

        // Per team: the JSON's team totals and the Overview's team table.
        if inputs.len() > 1 {
            let overview = sheet(&summary, if zh { "概览" } else { "Overview" });
            for jt in json["teams"].as_array().unwrap() {
                let row = row_with(&overview, 0, jt["team"].as_str().unwrap());
                same(&case, opt_num(row.get(7)), json_num(&jt["budget"]));
                same(&case, opt_num(row.get(8)), json_num(&jt["spent"]));
                same(&case, opt_num(row.get(9)), json_num(&jt["used"]));
            }
        }

        // Each goal's target, actual and completion: the Goals sheet's, on the Overview
        // and in the Retrospective.
        let goals = sheet(&summary, if zh { "目标达成" } else { "Goals" });
        let overview = sheet(&summary, if zh { "概览" } else { "Overview" });
        let retro_rows = sheet(&summary, if zh { "复盘" } else { "Retrospective" });
        let goal_word = if zh { "总目标" } else { "Goal" };
        let mut goals_seen = 0;
        for g in goals[1..]
            .iter()
            .filter(|r| r.get(1).is_some_and(|c| *c == goal_word))
        {
            goals_seen += 1;
            let name = text(&g[2]);
            let o = row_with(&overview, 0, &name);
            for (a, b) in [(3, 1), (4, 2), (5, 3)] {
                same(
                    &format!("{case} goal {name}"),
                    opt_num(g.get(a)),
                    opt_num(o.get(b)),
                );
            }
            let r = retro_rows
                .iter()
                .find(|r| r.get(1).is_some_and(|c| text(c).starts_with(&name)))
                .unwrap_or_else(|| panic!("{case}: {name} in the Retrospective"));
            for (a, b) in [(3, 2), (4, 3), (5, 4)] {
                same(
                    &format!("{case} retro {name}"),
                    opt_num(g.get(a)),
                    opt_num(r.get(b)),
                );
            }
        }
        assert!(goals_seen > 0, "{case}");

        // The Retrospective's over-budget lines: the cost sheet's figures.
        let retro = sheet(&summary, if zh { "复盘" } else { "Retrospective" });
        for jl in lines.iter().filter(|l| l["status"] == "over") {
            let row = row_with(&retro, 1, jl["budget_line"].as_str().unwrap());
            same(&case, opt_num(row.get(3)), json_num(&jl["spent"]));
            same(&case, opt_num(row.get(4)), json_num(&jl["used"]));
            let over = json_num(&jl["remaining"]).map(|r| -r);
            same(&case, opt_num(row.get(5)), over);
        }
    }
}

#[test]
fn early_in_the_period_no_line_is_forecast_over_that_its_status_calls_ok() {
    // 2026-11-05: 5 of 50 days gone (10%): forecasts by budget, so no line the status calls
    // OK or Warning is forecast to overrun.
    let json = {
        let dir = tempfile::tempdir().unwrap();
        let input = samples().join(ZH_SAMPLE);
        let out = run(
            dir.path(),
            "costs",
            &[input],
            &["--as-of", "2026-11-05"],
            &["--json"],
        );
        serde_json::from_slice::<serde_json::Value>(&out).unwrap()
    };
    let mut checked = 0;
    for l in json["lines"].as_array().unwrap() {
        let Some(v) = json_num(&l["variance"]) else {
            continue;
        };
        checked += 1;
        assert_eq!(l["forecast_method"], "budget", "{l}");
        if l["status"] != "over" {
            assert!(v >= 0.0, "{l}");
        } else {
            assert!(v < 0.0, "{l}");
        }
    }
    assert!(checked > 0);
}
