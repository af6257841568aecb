//! The user's language (issue 15 item 6) and the ways Windows users start plantrack (issue
//! 19): a Chinese locale gets Chinese help, errors and console lines; a workbook as first
//! argument means `report`; `--as-of` takes what cells take; a drop onto the program writes
//! the summary beside the first input, says so, and waits for a key.

use std::path::Path;

use crate::common::{plantrack_in, row_with, samples, sheet};

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];
const ZH_SAMPLE: &str = "新品首发-华东组.xlsx";
const EN_SAMPLE: &str = "launch-team-west.xlsx";

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn copy_sample(name: &str, to: &Path) {
    std::fs::copy(samples().join(name), to).unwrap();
}

#[test]
fn a_chinese_locale_gets_chinese_help_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let o = plantrack_in(dir.path(), &["report", "--help"], ZH);
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    assert!(
        help.contains("用法：plantrack report <输入>... [选项]"),
        "{help}"
    );
    assert!(help.contains("显示帮助"), "{help}");
    assert!(
        !help.contains("Usage") && !help.contains("Print help"),
        "{help}"
    );

    let o = plantrack_in(dir.path(), &["reprot", "a.xlsx"], ZH);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("错误：无法识别的命令 \"reprot\""), "{err}");
    assert!(err.contains("是否想用 \"report\""), "{err}");

    // LC_ALL outranks LANG; --lang outranks both.
    let o = plantrack_in(
        dir.path(),
        &["check", "a.xlsx", "--as-of", "soon"],
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")],
    );
    let err = stderr(&o);
    assert!(err.contains("\"soon\" 不是日期"), "{err}");
    let o = plantrack_in(
        dir.path(),
        &["check", "a.xlsx", "--as-of", "soon", "--lang", "en"],
        ZH,
    );
    let err = stderr(&o);
    assert!(err.contains("\"soon\" is not a date"), "{err}");
    assert!(!err.contains("不是"), "{err}");
}

#[test]
fn errors_around_a_run_are_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_sample(EN_SAMPLE, &dir.path().join("team.xlsx"));
    let o = plantrack_in(dir.path(), &["report", "team.xlsx", "-o", "team.xlsx"], ZH);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("输出文件 team.xlsx 是输入之一"), "{err}");

    let o = plantrack_in(dir.path(), &["init", "-o", "team.xlsx"], ZH);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("team.xlsx 已存在：加 --force 替换它"),
        "{}",
        stderr(&o)
    );

    // An OS error gets a Chinese sentence: the output folder does not exist.
    let o = plantrack_in(
        dir.path(),
        &[
            "report",
            "team.xlsx",
            "-o",
            "没有这个文件夹/汇总.xlsx",
            "--as-of",
            "2026-11-26",
        ],
        ZH,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("无法写入 没有这个文件夹/汇总.xlsx: 找不到该文件或文件夹"),
        "{err}"
    );
    assert!(!err.contains("No such file"), "{err}");

    // The English workbook's run speaks Chinese to a Chinese user; the summary keeps the
    // workbook's English labels.
    let o = plantrack_in(
        dir.path(),
        &[
            "report",
            "team.xlsx",
            "-o",
            "out.xlsx",
            "--as-of",
            "2026-11-26",
        ],
        ZH,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("已写入 out.xlsx"), "{}", stderr(&o));
    assert!(
        crate::common::sheet_names(&dir.path().join("out.xlsx")).contains(&"Overview".to_string())
    );
}

#[test]
fn a_workbook_first_means_report_and_as_of_takes_cell_dates() {
    let dir = tempfile::tempdir().unwrap();
    copy_sample(ZH_SAMPLE, &dir.path().join("618大促.xlsx"));
    let o = plantrack_in(dir.path(), &["618大促.xlsx", "--as-of", "2026/11/26"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = dir.path().join("618大促-summary-2026-11-26.xlsx");
    assert!(out.exists(), "{}", stderr(&o));
    // The same figures as the ISO date gives: the overdue count on the Overview.
    let o = plantrack_in(
        dir.path(),
        &[
            "report",
            "618大促.xlsx",
            "--as-of",
            "2026-11-26",
            "-o",
            "iso.xlsx",
            "--no-previous",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let a = sheet(&out, "概览");
    let b = sheet(&dir.path().join("iso.xlsx"), "概览");
    assert_eq!(row_with(&a, 0, "逾期"), row_with(&b, 0, "逾期"));

    // 11月26日 without a year: the year nearest today, so an explicit 2026 check agrees
    // only when today is near it; the date itself must be accepted either way.
    let o = plantrack_in(
        dir.path(),
        &["check", "618大促.xlsx", "--as-of", "11月26日"],
        &[],
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn a_folder_dropped_on_the_program_is_reported_beside_it_and_waits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("活动 资料").join("618 大促");
    std::fs::create_dir_all(&folder).unwrap();
    copy_sample(ZH_SAMPLE, &folder.join(ZH_SAMPLE));
    copy_sample(EN_SAMPLE, &folder.join(EN_SAMPLE));
    let elsewhere = tempfile::tempdir().unwrap();
    let o = plantrack_in(
        elsewhere.path(),
        &[folder.to_str().unwrap()],
        &[("LANG", "zh_CN.UTF-8"), ("PLANTRACK_PAUSE", "1")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d");
    let out = dir
        .path()
        .join("活动 资料")
        .join(format!("618 大促-summary-{today}.xlsx"));
    assert!(out.exists(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("已写入 {}", out.display())), "{err}");
    assert!(err.contains("数据问题："), "{err}");
    assert!(err.contains("按任意键关闭窗口"), "{err}");
    assert!(!err.contains("wrote"), "{err}");

    // Without the pause (a terminal), the same argument is a plain report in the current
    // folder.
    let o = plantrack_in(elsewhere.path(), &[folder.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        elsewhere
            .path()
            .join(format!("618 大促-summary-{today}.xlsx"))
            .exists()
    );
    assert!(!stderr(&o).contains("按任意键"), "{}", stderr(&o));
}

#[test]
fn a_double_click_without_inputs_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    let o = plantrack_in(
        dir.path(),
        &[],
        &[("LANG", "zh_CN.UTF-8"), ("PLANTRACK_PAUSE", "1")],
    );
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(err.contains("\n  1. 把一个文件夹"), "{err}");
    assert!(err.contains("拖到 plantrack.exe 的图标上"), "{err}");
    assert!(err.contains("按任意键关闭窗口"), "{err}");
    let o = plantrack_in(
        dir.path(),
        &[],
        &[("LANG", "en_GB.UTF-8"), ("PLANTRACK_PAUSE", "1")],
    );
    assert!(stderr(&o).contains("Drag a folder"), "{}", stderr(&o));
    // From a terminal: the help, in the user's language.
    let o = plantrack_in(dir.path(), &[], ZH);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("用法：plantrack <命令> [选项]"),
        "{}",
        stderr(&o)
    );
}
