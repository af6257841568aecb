//! The ten-second brief: the Overview's story (status word and reason, goals against their
//! time, overdue and due-soon tasks by owner, what the team needs) and the PNG drawn from
//! the same computation.

use calamine::Data;
use rust_xlsxwriter::Workbook;

use crate::common::*;

/// The row after the one whose first cell reads `title`.
fn section<'a>(rows: &'a [Vec<Data>], title: &str) -> &'a [Vec<Data>] {
    let at = rows
        .iter()
        .position(|r| r[0] == title)
        .unwrap_or_else(|| panic!("no section {title:?}"));
    &rows[at + 1..]
}

#[test]
fn chinese_overview_headline_names_the_line_over_budget_and_the_goal_pace() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let o = sheet(&out, "概览");
    let head = row_with(&o, 0, "落后");
    assert_eq!(text(&head[1]), "小红书投放 超支，已用预算 112.0%");
    let goals = section(&o, "目标进度与时间进度");
    let g = &goals[1];
    assert_eq!(text(&g[0]), "新品首月销售额500万");
    assert_close(num(&g[3]), 0.786);
    // The plan runs 2026-11-01..2026-12-20 (50 days); 26 are over on 11-26.
    assert_close(num(&g[4]), 26.0 / 50.0);
    assert_eq!(text(&g[5]), "领先");
    // 1,070,000 to go over 24 days.
    assert_eq!(num(&g[7]), 24.0);
    assert_close(num(&g[6]), 44_583.33);
}

#[test]
fn overview_names_overdue_then_next_seven_days_with_owners() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let o = sheet(&out, "概览");
    let due = section(&o, "逾期与未来7天到期");
    let rows: Vec<(String, String, f64, f64)> = due[1..]
        .iter()
        .take_while(|r| r[0] != Data::Empty)
        .map(|r| {
            let n = |c: &Data| if *c == Data::Empty { -1.0 } else { num(c) };
            (text(&r[0]), text(&r[1]), n(&r[3]), n(&r[4]))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("门店促销物料设计".into(), "刘设计师".into(), 6.0, -1.0),
            ("地推活动".into(), "周专员".into(), -1.0, 2.0),
            ("门店导购培训".into(), "张三/李四".into(), -1.0, 4.0),
        ]
    );

    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let o = sheet(&out, "Overview");
    assert!(section(&o, "Overdue and due in the next 7 days").len() > 2);
    assert!(o.iter().any(|r| r[0] == "Needs support"));
}

#[test]
fn needs_support_column_is_read_and_listed_on_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("618.xlsx");
    let mut wb = Workbook::new();
    let plan = wb.add_worksheet();
    plan.set_name("目标拆解").unwrap();
    let headers = [
        "总目标",
        "具体任务",
        "负责人",
        "开始时间",
        "完成时间",
        "完成度",
        "需要支持",
    ];
    for (c, h) in headers.iter().enumerate() {
        plan.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        (
            "直播预热",
            "王主管",
            "2026-11-20",
            "2026-12-01",
            0.3,
            "需设计部 11/28 前出主视觉",
        ),
        ("达人合作", "李运营", "2026-11-20", "2026-12-10", 0.1, ""),
        (
            "物料印刷",
            "刘设计师",
            "2026-11-10",
            "2026-11-20",
            1.0,
            "已解决",
        ),
    ];
    for (i, (task, owner, start, due, progress, need)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, v) in ["GMV 1000万", task, owner, start, due].iter().enumerate() {
            plan.write_string(r, c as u16, *v).unwrap();
        }
        plan.write_number(r, 5, *progress).unwrap();
        plan.write_string(r, 6, *need).unwrap();
    }
    wb.save(&input).unwrap();
    let o = plantrack(
        dir.path(),
        &["report", "618.xlsx", "--as-of", AS_OF, "-o", "out.xlsx"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = sheet(&dir.path().join("out.xlsx"), "概览");
    let needs = section(&o, "需要支持");
    // The done task's request is no longer listed.
    assert_eq!(
        needs[1..]
            .iter()
            .take_while(|r| r[0] != Data::Empty)
            .map(|r| (text(&r[0]), text(&r[1]), text(&r[3])))
            .collect::<Vec<_>>(),
        [(
            "直播预热".to_string(),
            "王主管".to_string(),
            "需设计部 11/28 前出主视觉".to_string()
        )]
    );
}

/// The width, height and iTXt description of a PNG.
fn png_info(path: &std::path::Path) -> (u32, u32, String) {
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("png written"));
    let reader = png::Decoder::new(file).read_info().expect("a png");
    let info = reader.info();
    let text = info
        .utf8_text
        .iter()
        .find(|t| t.keyword == "Description")
        .and_then(|t| t.get_text().ok())
        .expect("a description");
    (info.width, info.height, text)
}

/// Runs `report` with its image; None (and a note) where the machine has no CJK font.
fn report_with_png(sample: &str, out: &std::path::Path) -> Option<String> {
    let dir = out.parent().unwrap();
    let input = samples().join(sample);
    let o = plantrack_png(
        dir,
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    if err.contains("fonts-noto-cjk") {
        eprintln!("skipped: no CJK font on this machine ({err})");
        return None;
    }
    assert!(o.status.success(), "{err}");
    Some(err)
}

#[test]
fn image_brief_carries_the_overviews_figures_in_both_languages() {
    for (sample, overview, sep) in [(ZH_SAMPLE, "概览", "："), (EN_SAMPLE, "Overview", ": ")] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brief-summary.xlsx");
        let Some(log) = report_with_png(sample, &out) else {
            return;
        };
        let png = dir.path().join("brief-summary.png");
        assert!(
            log.contains("Noto") || log.contains("YaHei") || log.contains("PingFang"),
            "{log}"
        );
        let (w, h, desc) = png_info(&png);
        assert!(w >= 1080 && h > 600, "{w}x{h}");
        // The first line is the Overview's headline: its status word and reason cells.
        let o = sheet(&out, overview);
        let words = ["落后", "需关注", "正常", "Off track", "Watch", "On track"];
        let head = o
            .iter()
            .find(|r| words.iter().any(|w| r[0] == *w))
            .expect("the headline");
        let headline = format!("{}{sep}{}", text(&head[0]), text(&head[1]));
        assert_eq!(desc.lines().next(), Some(headline.as_str()));
        // The goal line has the Overview's completion and time gone.
        let goals = o
            .iter()
            .position(|r| r[0] == "总目标" || r[0] == "Goal")
            .unwrap();
        let g = &o[goals + 1];
        let line = desc.lines().nth(1).unwrap();
        assert!(line.starts_with(&text(&g[0])), "{line}");
        let pct = |c: &Data| format!("{:.1}%", num(c) * 100.0);
        assert!(
            line.contains(&pct(&g[3])) && line.contains(&pct(&g[4])),
            "{line}"
        );
        assert!(line.ends_with(&text(&g[5])), "{line}");
        // The overdue task named on the Overview, with its days late.
        let due = o
            .iter()
            .position(|r| r[3] == "逾期天数" || r[3] == "Days late")
            .unwrap();
        let late = &o[due + 1];
        assert!(
            desc.contains(&format!("{} {}", text(&late[0]), num(&late[3]))),
            "{desc}"
        );
    }
}

#[test]
fn without_a_font_there_is_no_image_but_the_summary_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = tempfile::tempdir().unwrap();
    let input = samples().join(ZH_SAMPLE);
    let o = assert_cmd::Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .current_dir(dir.path())
        .env("PLANTRACK_FONT_DIR", fonts.path())
        .args([
            "report",
            input.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            "s.xlsx",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    // The summary is written, so the run succeeds; the missing image is said.
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("找不到中文字体"), "{err}");
    assert!(err.contains("--no-png"), "{err}");
    assert!(dir.path().join("s.xlsx").exists());
    assert!(!dir.path().join("s.png").exists());
    // --no-png: no image asked for, none made, exit 0.
    let o = plantrack(
        dir.path(),
        &["report", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    assert!(o.status.success());
    assert!(
        !std::fs::read_dir(dir.path()).unwrap().any(|e| e
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "png"))
    );
}

#[test]
fn gantt_summary_rows_sit_above_milestones_are_named_and_late_finishes_say_by_how_much() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plan.xlsx");
    let mut wb = Workbook::new();
    let plan = wb.add_worksheet();
    plan.set_name("Plan").unwrap();
    let headers = [
        "Goal", "Stage", "Task", "Owner", "Start", "Due", "Done on", "Progress",
    ];
    for (c, h) in headers.iter().enumerate() {
        plan.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        (
            "Prep",
            "Brief agency",
            "2026-11-02",
            "2026-11-06",
            "2026-11-09",
            1.0,
        ),
        ("Prep", "Book studio", "2026-11-03", "2026-11-10", "", 0.5),
        (
            "Launch",
            "Launch night",
            "2026-11-20",
            "2026-11-20",
            "",
            0.0,
        ),
    ];
    for (i, (stage, task, start, due, done, progress)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, v) in ["Sales 1M", stage, task, "Ann", start, due, done]
            .iter()
            .enumerate()
        {
            if !v.is_empty() {
                plan.write_string(r, c as u16, *v).unwrap();
            }
        }
        plan.write_number(r, 7, *progress).unwrap();
    }
    wb.save(&input).unwrap();
    let (_d, out) = report_of(&input, &[]);
    let gantt = sheet(&out, "Gantt");
    let row = |name: &str| row_with(&gantt, 0, name).to_vec();
    // Labels right after the bar: the days a done task was late, a milestone's name.
    assert!(row("Brief agency").iter().any(|c| *c == "done 3d late"));
    let night = row("Launch night");
    assert_eq!(night.iter().filter(|c| **c == "◆").count(), 1);
    assert!(night.iter().skip(6).any(|c| *c == "Launch night"));
    // 30 days: a daily timeline (one column per day from 11-02).
    assert!(gantt[4].iter().filter(|c| num_or_zero(c) > 0.0).count() >= 19);
    // The outline's buttons sit on the summary rows above their details.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let gantt_xml = (0..zip.len())
        .filter_map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).ok()?;
            s.contains("outlineLevelRow").then_some(s)
        })
        .next()
        .expect("the gantt sheet");
    assert!(
        gantt_xml.contains(r#"summaryBelow="0""#),
        "outline summary above"
    );
}

fn num_or_zero(c: &Data) -> f64 {
    match c {
        Data::Float(x) => *x,
        Data::Int(x) => *x as f64,
        _ => 0.0,
    }
}
