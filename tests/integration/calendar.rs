//! Working days end to end: a Chinese plan across 中秋 and 国庆 2026 counted on mainland
//! China's calendar, a team's own holidays sheet, the `--calendar` choice, the Gantt's days
//! off, and a baseline kept over three weekly runs.

use std::path::Path;

use calamine::{Data, DataType};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

use crate::common::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The chain of six tasks, each starting on the working day after the one before is due
/// (中秋 09-25..27 after T1, 国庆 10-01..07 after T2, the make-up Saturday 10-10 is T4),
/// and a side task S with no links. `due` overrides T-row due dates by name; `holidays`
/// adds a 节假日 sheet with (date, 休/班, name) rows.
fn plan_workbook(path: &Path, due: &[(&str, &str)], holidays: &[(&str, &str, &str)]) {
    let rows = [
        ("1", "T1", "2026-09-21", "2026-09-24", ""),
        ("2", "T2", "2026-09-28", "2026-09-30", "1"),
        ("3", "T3", "2026-10-08", "2026-10-09", "2"),
        ("4", "T4", "2026-10-10", "2026-10-10", "3"),
        ("5", "T5", "2026-10-12", "2026-10-16", "4"),
        ("6", "T6", "2026-10-19", "2026-10-23", "5"),
        ("7", "S", "2026-10-08", "2026-10-09", ""),
    ];
    let mut wb = Workbook::new();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name("目标拆解").unwrap();
    let heads = [
        "编号",
        "总目标",
        "具体任务",
        "负责人",
        "开始时间",
        "完成时间",
        "完成度",
        "前置任务",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (id, name, start, end, pred)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let end = due
            .iter()
            .find(|(n, _)| n == name)
            .map_or(*end, |(_, d)| *d);
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, "国庆档销售额100万").unwrap();
        ws.write_string(r, 2, *name).unwrap();
        ws.write_string(r, 3, "王主管").unwrap();
        ws.write_datetime_with_format(r, 4, d(start), &date_fmt)
            .unwrap();
        ws.write_datetime_with_format(r, 5, d(end), &date_fmt)
            .unwrap();
        ws.write_number(r, 6, 0.0).unwrap();
        if !pred.is_empty() {
            ws.write_string(r, 7, *pred).unwrap();
        }
    }
    if !holidays.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name("节假日").unwrap();
        for (c, h) in ["日期", "休/班", "名称"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (i, (date, kind, name)) in holidays.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_datetime_with_format(r, 0, d(date), &date_fmt)
                .unwrap();
            ws.write_string(r, 1, *kind).unwrap();
            ws.write_string(r, 2, *name).unwrap();
        }
    }
    wb.save(path).unwrap();
}

fn report(dir: &Path, input: &Path, as_of: &str, extra: &[&str]) -> std::path::PathBuf {
    let mut args = vec!["report", input.to_str().unwrap(), "--as-of", as_of];
    args.extend_from_slice(extra);
    let o = plantrack(dir, &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
    dir.join(format!("{stem}-summary-{as_of}.xlsx"))
}

fn column(rows: &[Vec<Data>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| *h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Float per task name, from the Tasks sheet (任务).
fn floats(out: &Path) -> Vec<(String, f64)> {
    let tasks = sheet(out, "任务");
    let f = column(&tasks, "浮动（工作日）");
    tasks[1..]
        .iter()
        .map(|r| (r[3].to_string(), num(&r[f])))
        .collect()
}

#[test]
fn a_chain_across_zhongqiu_and_guoqing_is_all_critical_and_a_team_day_counts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("国庆档.xlsx");
    plan_workbook(&input, &[], &[]);
    let out = report(dir.path(), &input, "2026-09-18", &["--no-previous"]);
    let f = floats(&out);
    assert_eq!(
        f.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 11.0]
    );
    let tasks = sheet(&out, "任务");
    let critical = column(&tasks, "关键路径");
    assert_eq!(
        tasks[1..7]
            .iter()
            .filter(|r| text(&r[critical]) == "是")
            .count(),
        6
    );
    let problems = sheet(&out, "数据问题");
    assert!(
        !problems.iter().any(|r| text(&r[3]).contains("前置任务")),
        "no conflicts: {problems:?}"
    );
    // The Overview says which calendar the figures count in.
    let overview = sheet(&out, "概览");
    let line = row_with(&overview, 0, "工作日历");
    assert!(text(&line[1]).contains("中国大陆工作日"), "{line:?}");

    // Weekends only, the holidays read as slack: T1 6 days, T2 5; S loses the Saturday
    // 10-10, which is no longer worked.
    let dir2 = tempfile::tempdir().unwrap();
    let out = report(
        dir2.path(),
        &input,
        "2026-09-18",
        &["--no-previous", "--calendar", "weekends"],
    );
    assert_eq!(
        floats(&out).iter().map(|(_, v)| *v).collect::<Vec<_>>(),
        [6.0, 5.0, 0.0, 0.0, 0.0, 0.0, 10.0]
    );
    let overview = sheet(&out, "概览");
    assert!(text(&row_with(&overview, 0, "工作日历")[1]).contains("周一至周五"));

    // The team's own day off on Friday 10-16 takes a day from S's float.
    let dir3 = tempfile::tempdir().unwrap();
    let input = dir3.path().join("国庆档.xlsx");
    plan_workbook(&input, &[], &[("2026-10-16", "休", "公司团建")]);
    let out = report(dir3.path(), &input, "2026-09-18", &["--no-previous"]);
    assert_eq!(floats(&out)[6], ("S".to_string(), 10.0));
    let overview = sheet(&out, "概览");
    assert!(text(&row_with(&overview, 0, "工作日历")[1]).contains("团队节假日表 1 天"));
}

#[test]
fn the_gantt_names_the_holidays_and_marks_the_makeup_saturday() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("国庆档.xlsx");
    plan_workbook(&input, &[], &[]);
    let out = report(dir.path(), &input, "2026-09-18", &["--no-previous"]);
    let gantt = sheet(&out, "甘特图");
    // Daily scale from 09-18: the day row (row 5) holds day numbers; the title row names
    // the first day of each holiday and marks make-up days 班.
    let day_col = |day: f64, from: usize| {
        (from..gantt[4].len())
            .find(|&c| gantt[4][c].as_f64() == Some(day))
            .unwrap()
    };
    let mid_autumn = day_col(25.0, 6);
    assert_eq!(text(&gantt[0][mid_autumn]), "中秋节");
    let national = day_col(1.0, mid_autumn);
    assert_eq!(text(&gantt[0][national]), "国庆节");
    assert_eq!(text(&gantt[0][national + 1]), "");
    assert_eq!(text(&gantt[0][day_col(10.0, national)]), "班");
    assert_eq!(text(&gantt[0][day_col(20.0, 6)]), "班");
}

/// Issue 16: a plan too long for day columns gets week columns; a week with holidays has a
/// pale heading, a note with each holiday's whole run and the weekdays the week loses, and
/// the holiday's name above the week it begins in.
#[test]
fn the_weekly_gantt_marks_the_weeks_with_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("国庆档.xlsx");
    plan_workbook(&input, &[("T6", "2026-11-27")], &[]);
    let out = report(dir.path(), &input, "2026-09-18", &["--no-previous"]);
    let gantt = sheet(&out, "甘特图");
    // Weekly scale: the heading row (row 5) holds each week's Monday.
    let week = |monday: &str| {
        (6..gantt[4].len())
            .find(|&c| gantt[4][c] == monday)
            .unwrap_or_else(|| panic!("no week {monday}: {:?}", gantt[4]))
    };
    assert_eq!(text(&gantt[0][week("09/21")]), "中秋节");
    assert_eq!(text(&gantt[0][week("09/28")]), "国庆节");
    // The second week of 国庆 is marked by its note, not named again.
    assert_eq!(text(&gantt[0][week("10/05")]), "");
    assert_eq!(text(&gantt[0][week("10/12")]), "");
    let notes: String = xlsx_texts(&out, "xl/comments");
    for note in [
        "中秋节 09/25-09/27 · 休息，本周 1 天",
        "国庆节 10/01-10/07 · 休息，本周 2 天",
        "国庆节 10/01-10/07 · 休息，本周 3 天",
        "10/10 · 调休上班（国庆节）",
    ] {
        assert!(notes.contains(note), "{note}: {notes}");
    }
}

/// The text of every part of an .xlsx whose name starts with `prefix`, one after another.
fn xlsx_texts(path: &Path, prefix: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with(prefix) {
            f.read_to_string(&mut all).unwrap();
        }
    }
    all
}

#[test]
fn the_baseline_survives_three_weekly_runs_and_shows_the_slips() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("国庆档.xlsx");
    // Week 1: the baseline is this week's plan.
    plan_workbook(&input, &[], &[]);
    let w1 = report(dir.path(), &input, "2026-09-18", &[]);
    let tasks = sheet(&w1, "任务");
    let (base, slip) = (
        column(&tasks, "基线完成"),
        column(&tasks, "较基线延后（工作日）"),
    );
    let t6 = row_with(&tasks, 3, "T6");
    assert_eq!(t6[base].as_date(), Some(d("2026-10-23")));
    assert_eq!(num(&t6[slip]), 0.0);

    // Week 2: T6 moves to Tuesday 10-27, two working days late; the previous summary is
    // found in the folder by its name.
    plan_workbook(&input, &[("T6", "2026-10-27")], &[]);
    let w2 = report(dir.path(), &input, "2026-09-25", &[]);
    let tasks = sheet(&w2, "任务");
    let t6 = row_with(&tasks, 3, "T6");
    assert_eq!(t6[base].as_date(), Some(d("2026-10-23")));
    assert_eq!(num(&t6[slip]), 2.0);

    // Week 3: T6 moves again, to 10-28, and T3 from 10-09 over 国庆... to the make-up
    // Saturday 10-10: one working day. The baseline is still week 1's.
    plan_workbook(&input, &[("T6", "2026-10-28"), ("T3", "2026-10-10")], &[]);
    let w3 = report(dir.path(), &input, "2026-10-09", &[]);
    let tasks = sheet(&w3, "任务");
    let t6 = row_with(&tasks, 3, "T6");
    assert_eq!(t6[base].as_date(), Some(d("2026-10-23")));
    assert_eq!(num(&t6[slip]), 3.0);
    assert_eq!(num(&row_with(&tasks, 3, "T3")[slip]), 1.0);
    let changes = sheet(&w3, "本周变化");
    let title = changes
        .iter()
        .position(|r| text(&r[0]).starts_with("较基线延后"))
        .expect("baseline section");
    assert!(text(&changes[title][0]).contains("2026-09-18"));
    let slips: Vec<(String, f64)> = changes[title + 2..]
        .iter()
        .take_while(|r| r[0] != Data::Empty)
        .map(|r| (r[1].to_string(), num(&r[4])))
        .collect();
    assert_eq!(slips, [("T6".to_string(), 3.0), ("T3".to_string(), 1.0)]);

    // --rebaseline starts over from this week's dates.
    let w4 = report(dir.path(), &input, "2026-10-16", &["--rebaseline"]);
    let tasks = sheet(&w4, "任务");
    let t6 = row_with(&tasks, 3, "T6");
    assert_eq!(t6[base].as_date(), Some(d("2026-10-28")));
    assert_eq!(num(&t6[slip]), 0.0);
    // ... and the week after keeps the new one.
    plan_workbook(&input, &[("T6", "2026-10-29"), ("T3", "2026-10-10")], &[]);
    let w5 = report(dir.path(), &input, "2026-10-23", &[]);
    let tasks = sheet(&w5, "任务");
    assert_eq!(num(&row_with(&tasks, 3, "T6")[slip]), 1.0);
}

#[test]
fn a_plan_running_into_a_year_without_holidays_gets_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("跨年.xlsx");
    plan_workbook(&input, &[("T6", "2027-01-05")], &[]);
    let out = report(dir.path(), &input, "2026-09-18", &["--no-previous"]);
    let problems = sheet(&out, "数据问题");
    let notes: Vec<&Vec<Data>> = problems
        .iter()
        .filter(|r| text(&r[3]).contains("2027"))
        .collect();
    assert_eq!(notes.len(), 1, "{problems:?}");
    assert!(text(&notes[0][3]).contains("按周一至周五计算"));
    // A team that enters 2027's days in its holidays sheet has no note.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("跨年.xlsx");
    plan_workbook(
        &input,
        &[("T6", "2027-01-05")],
        &[("2027-01-01", "休", "元旦")],
    );
    let out = report(dir.path(), &input, "2026-09-18", &["--no-previous"]);
    let problems = sheet(&out, "数据问题");
    assert!(!problems.iter().any(|r| text(&r[3]).contains("2027")));
}
