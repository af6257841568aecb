//! Currency decided once per team (issue 15 item 3): a team with Chinese headers and one
//! with English headers, neither naming a currency, are ¥ and "no currency" alike in
//! `report`, `costs` and `costs --json`; their amounts are never added up, and no chart puts
//! them on one axis. The English team's workbook is the sample with its "(USD)" and "$"
//! taken out by openpyxl, as a team's own edit would.

use std::path::Path;

use crate::common::*;

/// The English sample without a currency word in its headers; false without openpyxl.
fn english_without_currency(to: &Path) -> bool {
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Expenses"]
for c in ws[1]:
    if c.value == "Amount (USD)":
        c.value = "Amount"
# Amounts typed as "$9,749.25" or "$200k" name the currency too.
for name in ["Expenses", "Plan"]:
    for row in wb[name].iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("$"):
                c.value = c.value[1:]
wb.save(sys.argv[2])
"#;
    let src = samples().join(EN_SAMPLE);
    match std::process::Command::new("python3")
        .args(["-c", script, src.to_str().unwrap(), to.to_str().unwrap()])
        .output()
    {
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

/// Whether a written workbook holds a chart of the cost sheet's amounts.
fn has_chart(path: &Path) -> bool {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len()).any(|i| {
        let mut part = zip.by_index(i).unwrap();
        let mut xml = String::new();
        part.name().is_ok_and(|n| n.starts_with("xl/charts/chart"))
            && part.read_to_string(&mut xml).is_ok()
            && xml.contains("成本预算")
    })
}

#[test]
fn a_chinese_and_an_english_team_naming_no_currency_are_never_added_up() {
    let dir = tempfile::tempdir().unwrap();
    let west = dir.path().join("west.xlsx");
    if !english_without_currency(&west) {
        return;
    }
    let east = samples().join(ZH_SAMPLE);
    let inputs = [east.to_str().unwrap(), west.to_str().unwrap()];
    let run = |cmd: &str, tail: &[&str]| {
        let mut args = vec![cmd];
        args.extend_from_slice(&inputs);
        args.extend_from_slice(&["--as-of", AS_OF]);
        args.extend_from_slice(tail);
        let o = plantrack(dir.path(), &args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    let json: serde_json::Value = serde_json::from_slice(&run("costs", &["--json"])).unwrap();
    let currencies: Vec<&str> = json["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["currency"].as_str().unwrap())
        .collect();
    assert_eq!(currencies, ["¥", ""]);
    assert!(json["totals"].is_null(), "no total of ¥ and plain numbers");
    // Each team's figures are still there, in full.
    assert_eq!(json["teams"][0]["spent"], "177130.50");
    assert_eq!(json["teams"][1]["spent"], "91976.00");

    run("report", &["-o", "summary.xlsx"]);
    run("costs", &["-o", "costs.xlsx"]);
    for out in ["summary.xlsx", "costs.xlsx"] {
        let path = dir.path().join(out);
        let rows = sheet(&path, "成本预算");
        assert!(rows.iter().all(|r| r[0] != "合计"), "{out}: no grand total");
        let east_total = rows_with(&rows, 0, "新品首发-华东组");
        assert_eq!(num(&east_total.last().unwrap()[3]), 177_130.5, "{out}");
        let west_total = rows_with(&rows, 0, "west");
        assert_eq!(num(&west_total.last().unwrap()[3]), 91_976.0, "{out}");
        assert!(
            !has_chart(&path),
            "{out}: a chart would mix ¥ and plain numbers"
        );
    }
    let overview = sheet(&dir.path().join("summary.xlsx"), "概览");
    assert!(overview.iter().all(|r| r[0] != "总预算"), "no budget total");

    // One team alone: its total and its chart.
    let o = plantrack(
        dir.path(),
        &["costs", inputs[0], "--as-of", AS_OF, "-o", "one.xlsx"],
    );
    assert!(o.status.success());
    let one = dir.path().join("one.xlsx");
    assert!(has_chart(&one));
    assert_eq!(
        num(&row_with(&sheet(&one, "成本预算"), 0, "合计")[3]),
        177_130.5
    );
}
