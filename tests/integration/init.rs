//! `plantrack init`: the blank workbook checks clean, the example reports the seed's figures,
//! a fresh workbook filled in as a user would (typing into its table rows) reads back with
//! the right numbers, and the validations, prompts and tables are in the file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use calamine::Data;
use chrono::NaiveDate;
use plantrack::lang::Lang;
use plantrack::read::schema::{KindSpec, SheetKind, canonical_header, canonical_sheet_name};

use crate::common::*;

const START: &str = "2026-11-02";
/// Wednesday of the example's third week.
const EXAMPLE_AS_OF: &str = "2026-11-18";

/// Runs `init` in a fresh directory; returns the directory and the workbook.
fn init(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team.xlsx");
    let mut args = vec!["init", "-o", out.to_str().unwrap(), "--start", START];
    args.extend_from_slice(extra);
    let o = plantrack(dir.path(), &args);
    assert!(
        o.status.success(),
        "init failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (dir, out)
}

fn run_report(dir: &Path, input: &Path, as_of: &str) -> PathBuf {
    let out = dir.join("summary.xlsx");
    let o = plantrack(
        dir,
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            as_of,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        o.status.success(),
        "report failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn run_check(dir: &Path, input: &Path, as_of: &str) -> (Option<i32>, String) {
    let o = plantrack(dir, &["check", input.to_str().unwrap(), "--as-of", as_of]);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn blank_workbook_has_the_readers_headers_and_checks_without_a_word() {
    for (lang, flag, count) in [
        (Lang::Zh, "zh", "0 个错误，0 个警告"),
        (Lang::En, "en", "0 errors, 0 warnings"),
    ] {
        let (dir, out) = init(&["--lang", flag]);
        let names = sheet_names(&out);
        assert_eq!(names.len(), 8, "{names:?}");
        for kind in SheetKind::ALL {
            let name = canonical_sheet_name(kind, lang);
            assert!(names.contains(&name), "{name} missing from {names:?}");
            let rows = sheet(&out, &name);
            let headers: Vec<String> = rows[0].iter().map(text).collect();
            let expected: Vec<String> = kind
                .fields()
                .iter()
                .filter_map(|f| canonical_header(kind, f.field, lang))
                .filter(|h| h != lang.pick("团队", "Team"))
                .collect();
            assert_eq!(headers, expected, "{name}");
        }
        // Not even a note about the instructions or the team list: the output is the count.
        let (code, stdout) = run_check(dir.path(), &out, "2026-11-26");
        assert_eq!(code, Some(0), "{stdout}");
        assert_eq!(stdout.trim(), count);
    }
}

#[test]
fn example_reports_the_seeds_figures() {
    let (dir, out) = init(&["--lang", "zh", "--example"]);
    let (code, stdout) = run_check(dir.path(), &out, EXAMPLE_AS_OF);
    assert_eq!((code, stdout.trim()), (Some(0), "0 个错误，0 个警告"));
    let summary = run_report(dir.path(), &out, EXAMPLE_AS_OF);

    let goals = sheet(&summary, "目标达成");
    let node = |name: &str| {
        let r = row_with(&goals, 2, name);
        (num(&r[3]), num(&r[4]), num(&r[5]), r[6].clone())
    };
    // 500万 split online 300万 / offline 200万, and the parts add up.
    assert_eq!(
        node("新品首月销售额500万"),
        (5_000_000.0, 2_750_000.0, 0.55, Data::Empty)
    );
    assert_eq!(
        node("线上渠道300万"),
        (3_000_000.0, 1_800_000.0, 0.6, Data::Empty)
    );
    assert_eq!(
        node("线下渠道200万"),
        (2_000_000.0, 950_000.0, 0.475, Data::Empty)
    );

    // The seed's weekly rows: -20% and -33.3% (-33% written is not a mismatch).
    let weekly = sheet(&summary, "周度跟踪");
    let xhs = rows_with(&weekly, 2, "小红书种草内容发布");
    assert_close(num(&xhs[1][7]), -0.2);
    let hosts = row_with(&weekly, 2, "直播主播招募");
    assert_close(num(&hosts[7]), -1.0 / 3.0);
    assert_eq!(text(&hosts[3]), "确定3名主播");
    assert_eq!(text(&hosts[12]), "");

    let tasks = sheet(&summary, "任务");
    let status = |name: &str| text(&row_with(&tasks, 3, name)[10]);
    assert_eq!(status("直播主播招募"), "逾期");
    assert_eq!(status("地推活动"), "有风险");
    assert_eq!(status("门店促销物料设计"), "已完成");
    assert_eq!(status("门店会员回访"), "未开始");
    assert_eq!(status("抖音直播销售"), "正常");

    // "直播推广费已用预算80%": the live-stream line is at 83%, a warning.
    let costs = sheet(&summary, "成本预算");
    let live = row_with(&costs, 1, "直播推广费");
    assert_eq!((num(&live[2]), num(&live[3])), (100_000.0, 83_000.0));
    assert_eq!(text(&live[7]), "预警");
    let xhs = row_with(&costs, 1, "小红书投放");
    assert_eq!((num(&xhs[3]), num(&xhs[4])), (28_000.0, 2_000.0));
}

#[test]
fn english_example_reads_the_same_figures() {
    let (dir, out) = init(&["--example"]);
    let summary = run_report(dir.path(), &out, EXAMPLE_AS_OF);
    let goals = sheet(&summary, "Goals");
    let goal = row_with(&goals, 2, "First-month sales of the new product 5M");
    assert_eq!((num(&goal[3]), num(&goal[4])), (5_000_000.0, 2_750_000.0));
    assert_eq!(num(&row_with(&goals, 2, "Online 3M")[3]), 3_000_000.0);
    let weekly = sheet(&summary, "Weekly");
    assert_close(
        num(&row_with(&weekly, 2, "Recruit live-stream hosts")[7]),
        -1.0 / 3.0,
    );
    assert_close(
        num(&rows_with(&weekly, 2, "Xiaohongshu seeding posts")[1][7]),
        -0.2,
    );
}

#[test]
fn init_never_replaces_a_file_without_force() {
    let (dir, out) = init(&[]);
    let before = std::fs::read(&out).unwrap();
    let args = ["init", "-o", out.to_str().unwrap(), "--example"];
    let o = plantrack(dir.path(), &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let o = plantrack(dir.path(), &[&args[..], &["--force"]].concat());
    assert!(o.status.success());
    assert_ne!(std::fs::read(&out).unwrap(), before);
    let o = plantrack(dir.path(), &["init", "-o", "plan.ods"]);
    assert_eq!(o.status.code(), Some(2));
    // Default name and language: Chinese for a Chinese name.
    let o = plantrack(dir.path(), &["init", "--lang", "zh"]);
    assert!(o.status.success());
    assert!(dir.path().join("团队计划.xlsx").exists());
}

#[test]
fn same_arguments_give_the_same_bytes() {
    let (_a, one) = init(&["--example"]);
    let (_b, two) = init(&["--example"]);
    assert_eq!(std::fs::read(one).unwrap(), std::fs::read(two).unwrap());
}

/// Every input column has a validation with a prompt; dropdowns point at the team list,
/// the budget lines and the plan's tasks; the tables and colour rules are there.
#[test]
fn every_column_has_a_validation_with_a_prompt() {
    let (_d, out) = init(&["--lang", "zh"]);
    let parts = xlsx_parts(&out);
    for kind in SheetKind::ALL {
        let name = canonical_sheet_name(kind, Lang::Zh);
        let xml = &parts[&sheet_part(&parts, &name)];
        let columns = kind.fields().len() - 1;
        let prompts = xml.matches("<dataValidation ").count();
        assert_eq!(prompts, columns, "{name}");
        assert_eq!(xml.matches("promptTitle=").count(), columns, "{name}");
        assert!(xml.contains("<tablePart "), "{name} has no table");
        assert!(
            xml.contains("ySplit=\"1\" topLeftCell="),
            "{name} header not frozen"
        );
    }
    let plan = &parts[&sheet_part(&parts, "目标拆解与责任分配")];
    assert!(
        plan.contains("COUNTA('成员'!$A$2:$A$1000)"),
        "no owner dropdown"
    );
    assert!(plan.contains("<formula1>\"未开始,进行中,已完成,延期,暂停,取消\"</formula1>"));
    assert!(plan.contains("TODAY()"), "no overdue colour");
    let weekly = &parts[&sheet_part(&parts, "周度进度跟踪")];
    assert!(weekly.contains("<conditionalFormatting sqref=\"A2:H1000\">"));
    assert!(
        weekly.contains("说明"),
        "week dropdown not from the calendar"
    );
    let costs = &parts[&sheet_part(&parts, "成本支出明细")];
    assert!(costs.contains("预算分配"), "no budget-line dropdown");
    let risks = &parts[&sheet_part(&parts, "风险预案")];
    assert!(risks.contains("<formula1>\"高,中,低\"</formula1>"));
}

// ---------------------------------------------------------------------------------------
// Typing into a fresh workbook
// ---------------------------------------------------------------------------------------

/// A cell as a user types it.
#[derive(Clone, Copy)]
enum Typed {
    T(&'static str),
    N(f64),
    D(&'static str),
}
use Typed::{D, N, T};

/// One row as typed: (header, value) for each cell filled.
type TypedRow = Vec<(&'static str, Typed)>;

/// A fresh English workbook, filled in under its headers the way a user types: goal and
/// stage left blank on following rows, numbers and dates into their formatted columns.
#[test]
fn a_fresh_workbook_filled_in_as_a_user_would_reads_back() {
    let (dir, blank) = init(&[]);
    let filled = dir.path().join("filled.xlsx");
    let team = ["Ann", "Bo", "Cy"].map(|n| vec![("Name", T(n))]).to_vec();
    let budget = vec![
        vec![("Category", T("Ads")), ("Budget", N(10_000.0))],
        vec![("Category", T("Events")), ("Budget", N(5_000.0))],
    ];
    let plan = vec![
        vec![
            ("ID", T("1")),
            ("Goal", T("Q4 sales 1M")),
            ("Stage", T("Online 600k")),
            ("Task", T("Paid social")),
            ("Owner", T("Ann")),
            ("Start", D("2026-11-02")),
            ("Due", D("2026-11-30")),
            ("Resources", T("budget 8k")),
            ("Target", N(400_000.0)),
            ("Actual", N(100_000.0)),
            ("Progress", N(0.25)),
            ("Status", T("In progress")),
        ],
        vec![
            ("ID", T("2")),
            ("Task", T("Marketplace")),
            ("Owner", T("Bo")),
            ("Start", D("2026-11-02")),
            ("Due", D("2026-11-15")),
            ("Target", N(200_000.0)),
            ("Actual", N(150_000.0)),
            ("Progress", N(0.75)),
            ("Status", T("In progress")),
        ],
        vec![
            ("ID", T("3")),
            ("Stage", T("Retail 400k")),
            ("Task", T("Pop-up")),
            ("Owner", T("Cy")),
            ("Start", D("2026-11-09")),
            ("Due", D("2026-11-20")),
            ("Done on", D("2026-11-17")),
            ("Target", N(400_000.0)),
            ("Actual", N(420_000.0)),
            ("Progress", N(1.0)),
            ("Status", T("Done")),
        ],
    ];
    let weekly = vec![
        vec![
            ("Week", D("2026-11-09")),
            ("Task", T("Paid social")),
            ("Plan", N(10.0)),
            ("Actual", N(8.0)),
            ("Cause", T("late creative")),
            ("Fix", T("new agency")),
            ("Owner", T("Ann")),
        ],
        vec![
            ("Week", D("2026-11-09")),
            ("Task", T("Marketplace")),
            ("Plan", N(20.0)),
            ("Actual", N(15.0)),
            ("Owner", T("Bo")),
        ],
    ];
    let cost = |day, category, item, amount, task: Option<&'static str>, owner| {
        let mut row = vec![
            ("Date", D(day)),
            ("Category", T(category)),
            ("Item", T(item)),
            ("Amount", N(amount)),
            ("Owner", T(owner)),
        ];
        row.extend(task.map(|t| ("Task", T(t))));
        row
    };
    let costs = vec![
        cost(
            "2026-11-05",
            "Ads",
            "boost",
            6_000.0,
            Some("Paid social"),
            "Ann",
        ),
        cost(
            "2026-11-12",
            "Ads",
            "boost",
            3_000.0,
            Some("Paid social"),
            "Ann",
        ),
        cost("2026-11-13", "Ads", "refund", -1_000.0, None, "Ann"),
        cost(
            "2026-11-10",
            "Events",
            "venue",
            2_500.0,
            Some("Pop-up"),
            "Cy",
        ),
    ];
    type_into(
        &blank,
        &filled,
        &[
            ("Team", team),
            ("Budget", budget),
            ("Plan", plan),
            ("Weekly", weekly),
            ("Costs", costs),
        ],
    );

    let (code, stdout) = run_check(dir.path(), &filled, "2026-11-18");
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("Weekly!F3: warning:"), "{stdout}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");

    let summary = run_report(dir.path(), &filled, "2026-11-18");
    let goals = sheet(&summary, "Goals");
    let node = |name: &str| {
        let r = row_with(&goals, 2, name);
        (num(&r[3]), num(&r[4]))
    };
    assert_eq!(node("Q4 sales 1M"), (1_000_000.0, 670_000.0));
    assert_eq!(node("Online 600k"), (600_000.0, 250_000.0));
    assert_eq!(node("Retail 400k"), (400_000.0, 420_000.0));
    let tasks = sheet(&summary, "Tasks");
    let status = |name: &str| text(&row_with(&tasks, 3, name)[10]);
    assert_eq!(status("Marketplace"), "Overdue");
    assert_eq!(status("Pop-up"), "Done");
    assert_eq!(status("Paid social"), "On track");
    assert!(matches!(
        row_with(&tasks, 3, "Pop-up")[6],
        Data::DateTime(_)
    ));
    let weekly = sheet(&summary, "Weekly");
    assert_close(num(&row_with(&weekly, 2, "Paid social")[7]), -0.2);
    assert_close(num(&row_with(&weekly, 2, "Marketplace")[7]), -0.25);
    let costs = sheet(&summary, "Costs");
    let ads = row_with(&costs, 1, "Ads");
    assert_eq!((num(&ads[2]), num(&ads[3])), (10_000.0, 8_000.0));
    assert_eq!(text(&ads[7]), "Warning");
    let events = row_with(&costs, 1, "Events");
    assert_eq!((num(&events[3]), text(&events[7])), (2_500.0, "OK".into()));
}

/// The parts of an .xlsx, by name, as text (all parts `init` writes are XML).
fn xlsx_parts(path: &Path) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

/// Attribute `name` of the tag `tag_text` starts with.
fn attr<'a>(tag_text: &'a str, name: &str) -> Option<&'a str> {
    let tag = &tag_text[..tag_text.find('>')?];
    let key = format!("{name}=\"");
    let at = tag
        .match_indices(&key)
        .find(|(i, _)| *i == 0 || tag[..*i].ends_with(' '))?
        .0
        + key.len();
    tag[at..].split('"').next()
}

/// The part holding a sheet: workbook.xml names its relationship, the rels its target.
fn sheet_part(parts: &std::collections::BTreeMap<String, String>, sheet: &str) -> String {
    let workbook = &parts["xl/workbook.xml"];
    let tag = workbook
        .split("<sheet ")
        .skip(1)
        .find(|t| attr(t, "name") == Some(sheet))
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    let id = attr(tag, "r:id").unwrap();
    let rels = &parts["xl/_rels/workbook.xml.rels"];
    let rel = rels
        .split("<Relationship ")
        .skip(1)
        .find(|t| attr(t, "Id") == Some(id))
        .unwrap();
    format!("xl/{}", attr(rel, "Target").unwrap())
}

/// Copies `template` to `out`, typing `rows` under the headers of each named sheet: new
/// cells take their column's format, as in Excel, and rows go below the header.
fn type_into(template: &Path, out: &Path, sheets: &[(&str, Vec<TypedRow>)]) {
    let mut parts = xlsx_parts(template);
    for (name, rows) in sheets {
        let headers: Vec<String> = sheet(template, name)[0].iter().map(text).collect();
        let part = sheet_part(&parts, name);
        let xml = parts.get_mut(&part).unwrap();
        let styles: Vec<(u32, u32, String)> = xml
            .split("<col ")
            .skip(1)
            .map(|t| {
                let n = |a| attr(t, a).unwrap().parse::<u32>().unwrap();
                (
                    n("min"),
                    n("max"),
                    attr(t, "style").unwrap_or("0").to_string(),
                )
            })
            .collect();
        let mut typed = String::new();
        for (i, row) in rows.iter().enumerate() {
            let r = i + 2;
            assert!(
                !xml.contains(&format!("<row r=\"{r}\"")),
                "{name} row {r} is not empty"
            );
            let mut cells: Vec<(usize, Typed)> = row
                .iter()
                .map(|(h, v)| {
                    let c = headers
                        .iter()
                        .position(|x| x == h)
                        .unwrap_or_else(|| panic!("{name} has no column {h}"));
                    (c, *v)
                })
                .collect();
            cells.sort_by_key(|(c, _)| *c);
            typed.push_str(&format!("<row r=\"{r}\">"));
            for (c, value) in cells {
                let at = format!("{}{r}", plantrack::model::column_letters(c as u32));
                let col = c as u32 + 1;
                let s = styles
                    .iter()
                    .find(|(min, max, _)| (*min..=*max).contains(&col))
                    .map_or("0", |(_, _, s)| s.as_str());
                typed.push_str(&match value {
                    T(t) => format!(
                        "<c r=\"{at}\" s=\"{s}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                        t.replace('&', "&amp;").replace('<', "&lt;")
                    ),
                    N(n) => format!("<c r=\"{at}\" s=\"{s}\"><v>{n}</v></c>"),
                    D(d) => {
                        let day = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                        let serial = (day - epoch).num_days();
                        format!("<c r=\"{at}\" s=\"{s}\"><v>{serial}</v></c>")
                    }
                });
            }
            typed.push_str("</row>");
        }
        let end = xml.find("</sheetData>").expect("sheetData");
        xml.insert_str(end, &typed);
        // The used range grows with the rows typed.
        if let Some(at) = xml.find("<dimension ref=\"") {
            let start = at + "<dimension ref=\"".len();
            let stop = start + xml[start..].find('"').unwrap();
            let last = plantrack::model::column_letters(headers.len() as u32 - 1);
            xml.replace_range(start..stop, &format!("A1:{last}{}", rows.len() + 1));
        }
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}
