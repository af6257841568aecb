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
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &["--no-png"]);
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
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &["--no-png"]);
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

    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &["--no-png"]);
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
        &[
            "report", "618.xlsx", "--as-of", AS_OF, "-o", "out.xlsx", "--no-png",
        ],
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
