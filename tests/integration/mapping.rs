//! The mapping file (issue 13): workbooks whose headers no alias knows (tests/fixtures/mapping,
//! written by openpyxl, see make_mapping.py) are refused with the lines to add to
//! plantrack.toml; with those lines filled in they read, with the figures a user checks.
//! Figures as of 2026-11-26.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use plantrack::compute::{Settings, summarize};
use plantrack::model::{Dataset, KindBy, TableNote, TaskStatus};
use plantrack::read::mapping::Mapping;
use plantrack::read::read_dataset_with;
use rust_decimal::Decimal;

use crate::common::{fixtures, plantrack};

const ZH: &str = "跟进表.xlsx";
const EN: &str = "Campaign tracker.xlsx";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A folder holding copies of the fixtures.
fn folder(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        std::fs::copy(fixtures().join("mapping").join(f), dir.path().join(f)).unwrap();
    }
    dir
}

fn read(path: &Path, mapping: &Mapping) -> Dataset {
    read_dataset_with(path, as_of(), mapping)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

fn overdue(data: &Dataset) -> Vec<String> {
    let summary = summarize(data.clone(), &Settings::new(as_of()));
    data.plan
        .iter()
        .zip(&summary.tasks)
        .filter(|(_, t)| t.status == TaskStatus::Overdue)
        .map(|(p, _)| p.name.clone())
        .collect()
}

fn spent(data: &Dataset) -> Decimal {
    let summary = summarize(data.clone(), &Settings::new(as_of()));
    summary.costs.lines.iter().map(|l| l.spent).sum()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const ZH_MAPPING: &str = r#"# 跟进表：表头是我们自己的叫法
[[sheet]]
file = "跟进表.xlsx"
name = "Sheet1"
kind = "计划"
header_row = 4
[sheet.columns]
"事项编号" = "id"
"工作项" = "任务"
"跟进人" = "负责人"
"起" = "start"
"交付日" = "due"
"推进情况" = "progress"

[[sheet]]
file = "跟进表"
name = "sheet2"
kind = "费用"
[sheet.columns]
"发生日" = "date"
"开销类别" = "category"
"花了多少" = "amount"
"#;

const EN_MAPPING: &str = r#"[[sheet]]
file = "Campaign*.xlsx"
name = "Data"
kind = "plan"
header_row = 3
[sheet.columns]
"Ref" = "id"
"Workstream item" = "task"
"Point person" = "Owner"
"Kickoff" = "start"
"Go-live" = "Due date"
"How far" = "progress"

[[sheet]]
name = "Money out"
kind = "costs"
[sheet.columns]
When = "date"
Bucket = "category"
Paid = "amount"
"#;

fn check_zh(data: &Dataset) {
    let names: Vec<&str> = data.plan.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["海报设计", "达人投放", "直播预热", "复盘报告"]);
    assert_eq!(overdue(data), ["达人投放", "直播预热"]);
    let owners: Vec<&str> = data
        .plan
        .iter()
        .filter_map(|p| p.owner.as_deref())
        .collect();
    assert_eq!(owners, ["小王", "小李", "小张", "小王"]);
    // The 合计 row is checked, not added: 3,000 + 12,000.50 + 8,000.
    assert_eq!(spent(data), dec("23000.50"));
}

fn check_en(data: &Dataset) {
    assert_eq!(data.plan.len(), 3);
    assert_eq!(overdue(data), ["Influencer outreach"]);
    // The Total row (9,999) is a warning, never added.
    assert_eq!(spent(data), dec("5250.25"));
}

#[test]
fn a_mapping_reads_headers_no_alias_knows_in_both_languages() {
    let zh = fixtures().join("mapping").join(ZH);
    let en = fixtures().join("mapping").join(EN);
    // Without a mapping neither workbook is read.
    assert!(read_dataset_with(&zh, as_of(), &Mapping::default()).is_err());
    assert!(read_dataset_with(&en, as_of(), &Mapping::default()).is_err());

    let data = read(
        &zh,
        &Mapping::from_text(ZH_MAPPING, "plantrack.toml").unwrap(),
    );
    check_zh(&data);
    let plan = &data.tables[0];
    assert_eq!(plan.kind_by, KindBy::Mapping);
    assert_eq!(plan.header_rows, (3, 3));
    assert!(plan.notes.iter().any(|n| matches!(
        n,
        TableNote::Mapped { source, kind: true, header_row: Some(4), columns }
            if source == "plantrack.toml:2" && columns.len() == 6
    )));

    let data = read(
        &en,
        &Mapping::from_text(EN_MAPPING, "plantrack.toml").unwrap(),
    );
    check_en(&data);
}

/// The blocks of lines offered in a message, from `[[sheet]]` to the last line that belongs.
fn offered_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        let belongs = [
            "file =",
            "name =",
            "kind =",
            "header_row =",
            "[sheet.columns]",
            "\"",
            "#",
        ]
        .iter()
        .any(|p| line.starts_with(p));
        if line == "[[sheet]]" {
            if let Some(b) = current.take() {
                blocks.push(b.join("\n"));
            }
            current = Some(vec![line]);
        } else if let Some(b) = &mut current {
            if belongs {
                b.push(line);
            } else {
                blocks.push(b.join("\n"));
                current = None;
            }
        }
    }
    if let Some(b) = current {
        blocks.push(b.join("\n"));
    }
    blocks
}

/// Fills the `?`s of offered lines as a user would: the kind, then each header's field.
fn fill(block: &str) -> String {
    let kind = if block.contains("name = \"Sheet1\"") || block.contains("name = \"Data\"") {
        "plan"
    } else {
        "costs"
    };
    let fields = [
        ("事项编号", "id"),
        ("工作项", "task"),
        ("跟进人", "owner"),
        ("起", "start"),
        ("交付日", "due"),
        ("推进情况", "progress"),
        ("发生日", "date"),
        ("开销类别", "category"),
        ("花了多少", "amount"),
        ("经办人", "owner"),
        ("Ref", "id"),
        ("Workstream item", "task"),
        ("Point person", "owner"),
        ("Kickoff", "start"),
        ("Go-live", "due"),
        ("How far", "progress"),
        ("When", "date"),
        ("Bucket", "category"),
        ("Paid", "amount"),
    ];
    block
        .lines()
        .map(|line| {
            if line.starts_with("kind = \"?\"") {
                return format!("kind = \"{kind}\"");
            }
            for (h, f) in fields {
                if line == format!("\"{h}\" = \"?\"") {
                    return format!("\"{h}\" = \"{f}\"");
                }
            }
            line.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pasting_the_offered_lines_with_the_question_marks_filled_reads_the_sheets() {
    for (file, lang) in [(ZH, "zh"), (EN, "en")] {
        let dir = folder(&[file]);
        let out = plantrack(
            dir.path(),
            &["check", ".", "--as-of", "2026-11-26", "--lang", lang],
        );
        assert_eq!(out.status.code(), Some(2), "{file}");
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        let blocks = offered_blocks(&err);
        assert_eq!(blocks.len(), 2, "{file}: {err}");
        if file == ZH {
            assert!(
                err.contains("跟进表 / Sheet1 第 4 行的表头：事项编号 | 工作项 | 跟进人"),
                "{err}"
            );
            assert!(
                blocks[0].contains("file = \"跟进表\"\nname = \"Sheet1\""),
                "{err}"
            );
            assert!(blocks[0].contains("header_row = 4\n[sheet.columns]\n\"事项编号\" = \"?\""));
            assert!(blocks[0].contains("\"跟进人\" = \"?\""));
            // One known header (经办人, a ledger's) is too weak a sign to guess the kind from:
            // the kind is asked, and every column with it.
            assert!(blocks[1].contains("kind = \"?\""), "{err}");
            assert!(blocks[1].contains("\"经办人\" = \"?\""), "{err}");
        } else {
            assert!(
                err.contains("headers of Campaign tracker / Data, row 3: Ref | Workstream item"),
                "{err}"
            );
            assert!(blocks[0].contains("header_row = 3"), "{err}");
            assert!(blocks[1].contains("name = \"Money out\""), "{err}");
        }
        let filled: Vec<String> = blocks.iter().map(|b| fill(b)).collect();
        std::fs::write(dir.path().join("plantrack.toml"), filled.join("\n\n")).unwrap();
        let out = plantrack(
            dir.path(),
            &[
                "check",
                ".",
                "--as-of",
                "2026-11-26",
                "--explain",
                "--lang",
                lang,
            ],
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let explained = match lang {
            "zh" => "按映射 plantrack.toml:1 读取：类型、表头第 4 行",
            _ => "read as the mapping at plantrack.toml:1 says: the kind, header row 3",
        };
        assert!(stdout.contains(explained), "{stdout}");
        assert_eq!(out.status.code(), Some(0), "{file}: {stdout}");

        let files = vec![dir.path().join(file)];
        let mapping = Mapping::for_inputs(&files, None).unwrap();
        let data = read(&files[0], &mapping);
        if file == ZH {
            check_zh(&data);
        } else {
            check_en(&data);
        }
    }
}

#[test]
fn a_mistake_in_the_mapping_is_refused_at_its_line_in_both_languages() {
    let dir = folder(&[ZH]);
    let bad = ZH_MAPPING.replace("\"跟进人\" = \"负责人\"", "\"跟进人\" = \"follower\"");
    std::fs::write(dir.path().join("plantrack.toml"), bad).unwrap();
    let out = plantrack(
        dir.path(),
        &["check", ".", "--as-of", "2026-11-26", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("plantrack.toml:10: \"跟进人\" = \"follower\": a plan sheet has no field \"follower\"; its fields: id, goal, stage, task, owner"),
        "{err}"
    );
    let out = plantrack(
        dir.path(),
        &["check", ".", "--as-of", "2026-11-26", "--lang", "zh"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("plantrack.toml:10: \"跟进人\" = \"follower\"：目标拆解表没有字段"),
        "{err}"
    );
    assert!(
        err.contains("可用的字段：编号、总目标、阶段目标、具体任务、负责人"),
        "{err}"
    );

    // A key plantrack does not know, a row in quotes, a kind it does not know.
    let bad = "[[sheet]]\nname = \"Sheet1\"\nheader = 4\n";
    std::fs::write(dir.path().join("plantrack.toml"), bad).unwrap();
    let out = plantrack(dir.path(), &["check", ".", "--lang", "en"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("plantrack.toml:3: unknown key \"header\""),
        "{err}"
    );
    let bad = "[[sheet]]\nname = \"Sheet1\"\nkind = \"?\"\nheader_row = \"4\"\n";
    std::fs::write(dir.path().join("plantrack.toml"), bad).unwrap();
    let out = plantrack(dir.path(), &["check", ".", "--lang", "zh"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("plantrack.toml:3: kind \"?\" 无法识别，应为 计划 | 周报 | 支出 | 预算"),
        "{err}"
    );
    assert!(
        err.contains("plantrack.toml:4: header_row 为 \"4\""),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_entry_that_matches_no_sheet_and_an_unfilled_column_are_warnings() {
    let dir = folder(&[ZH]);
    let mapping = format!(
        "{}\n\"经办人\" = \"?\"\n\n[[sheet]]\nname = \"Sheet 9\"\nkind = \"risks\"\n",
        ZH_MAPPING.trim_end()
    );
    std::fs::write(dir.path().join("plantrack.toml"), mapping).unwrap();
    let out = plantrack(
        dir.path(),
        &["check", ".", "--as-of", "2026-11-26", "--lang", "en"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "plantrack.toml:25: warning: the mapping [[sheet]] name = \"Sheet 9\" matched no sheet"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("plantrack.toml:23: warning: \"经办人\" = \"?\" names no field yet"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}

#[test]
fn a_mapping_given_on_the_command_line_applies_to_every_workbook() {
    let dir = folder(&[ZH, EN]);
    let elsewhere = tempfile::tempdir().unwrap();
    let file: PathBuf = elsewhere.path().join("our-sheets.toml");
    std::fs::write(&file, format!("{ZH_MAPPING}\n{EN_MAPPING}")).unwrap();
    let out = plantrack(
        dir.path(),
        &[
            "report",
            ".",
            "--as-of",
            "2026-11-26",
            "--mapping",
            file.to_str().unwrap(),
            "-o",
            "summary.xlsx",
            "--lang",
            "zh",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let how = crate::common::sheet(&dir.path().join("summary.xlsx"), "读取说明");
    let text: String = how
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("按映射 our-sheets.toml:2 读取"), "{text}");
    let mapping = Mapping::for_inputs(&[], Some(&file)).unwrap();
    check_zh(&read(&dir.path().join(ZH), &mapping));
    check_en(&read(&dir.path().join(EN), &mapping));
}

#[test]
fn a_header_row_that_is_not_the_header_is_said_at_the_sheet() {
    let dir = folder(&[ZH]);
    let mapping = ZH_MAPPING.replace("header_row = 4", "header_row = 2");
    std::fs::write(dir.path().join("plantrack.toml"), mapping).unwrap();
    let out = plantrack(
        dir.path(),
        &["check", ".", "--as-of", "2026-11-26", "--lang", "en"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Sheet1 is not read from row 2, nor guessed elsewhere; Sheet2 still is.
    assert!(
        stdout.contains("Sheet1") && stdout.contains("error"),
        "{stdout}{stderr}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
}

#[test]
fn a_kind_known_by_two_headers_is_offered_with_only_the_unknown_columns_asked() {
    let dir = tempfile::tempdir().unwrap();
    crate::workbooks::one_sheet(
        &dir.path().join("launch.xlsx"),
        "Sheet1",
        &[
            &["Task name", "Owner", "Ship by", "% Done"],
            &["Press kit", "Ana", "2026-11-20", "50%"],
            &["Teaser video", "Bo", "2026-12-10", "10%"],
        ],
    );
    let out = plantrack(
        dir.path(),
        &["check", ".", "--as-of", "2026-11-26", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let blocks = offered_blocks(&err);
    assert_eq!(blocks.len(), 1, "{err}");
    assert!(blocks[0].contains("kind = \"plan\""), "{err}");
    assert!(blocks[0].contains("[sheet.columns]\n\"Ship by\" = \"?\"\n# fields: id, goal, stage, task, owner, start, due"), "{err}");
    let filled = blocks[0].replace("\"Ship by\" = \"?\"", "\"Ship by\" = \"due\"");
    std::fs::write(dir.path().join("plantrack.toml"), filled).unwrap();
    let files = vec![dir.path().join("launch.xlsx")];
    let data = read(&files[0], &Mapping::for_inputs(&files, None).unwrap());
    assert_eq!(overdue(&data), ["Press kit"]);
    assert_eq!(data.plan.len(), 2);
}
