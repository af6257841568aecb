//! A share typed inside weekly text keeps its meaning (issue 15): "完成页面设计30%" is 30%
//! on the Weekly, Trend and Retrospective sheets, never 0.3% or 0.30. The weekly cells are
//! typed with openpyxl, and the output is read back with it too, for the number formats.

use crate::common::*;

const SCRIPT: &str = r#"
import sys, json, shutil
import openpyxl
src, dst, out = sys.argv[1], sys.argv[2], sys.argv[3]
if out == "-":
    wb = openpyxl.load_workbook(src)
    ws = wb["周度进度跟踪"]
    ws["C3"] = "完成页面设计50%"
    ws["D3"] = "完成页面设计30%"
    ws["E3"] = None
    wb.save(dst)
else:
    wb = openpyxl.load_workbook(out)
    found = {}
    for name in ["周度跟踪", "周趋势", "复盘"]:
        ws = wb[name]
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == 0.3:
                    found.setdefault(name, []).append(cell.number_format)
    print(json.dumps(found, ensure_ascii=False))
"#;

fn python(args: &[&str]) -> Option<String> {
    let o = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .args(args)
        .output()
        .ok()?;
    if !o.status.success() {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("No module named"), "openpyxl failed: {err}");
        eprintln!("skipped: openpyxl is not installed");
        return None;
    }
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn a_share_typed_in_weekly_text_is_a_percent_on_every_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("团队.xlsx");
    let src = samples().join(ZH_SAMPLE);
    let (src, dst) = (src.to_str().unwrap(), input.to_str().unwrap());
    if python(&[src, dst, "-"]).is_none() {
        return;
    }
    let args = ["report", dst, "--as-of", AS_OF, "-o", "out.xlsx"];
    let o = plantrack(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.path().join("out.xlsx");
    let Some(found) = python(&[src, dst, out.to_str().unwrap()]) else {
        return;
    };
    let found: serde_json::Value = serde_json::from_str(&found).unwrap();
    // The actual 30% on each sheet, as the number 0.3 shown as a percent.
    for sheet in ["周度跟踪", "周趋势", "复盘"] {
        let formats = found[sheet]
            .as_array()
            .unwrap_or_else(|| panic!("{sheet}: {found}"));
        assert!(!formats.is_empty(), "{sheet}");
        for f in formats {
            let f = f.as_str().unwrap();
            assert!(f.ends_with('%') && !f.contains("\"%\""), "{sheet}: {f}");
        }
    }
    // The deviation is computed on the shares: (30% - 50%) / 50% = -40%.
    let weekly = sheet(&out, "周度跟踪");
    let row = row_with(&weekly, 2, "直播主播招募");
    assert_close(num(&row[7]), -0.4);
}
