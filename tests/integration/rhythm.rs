//! The weekly rhythm sheets read back: Owners, key risks on the Overview and the Risks sheet
//! with the missing-owner warning, the Retrospective draft and the weekly Trend, each with
//! the sample's figures (sample-workbooks/README.md).

use calamine::{Data, DataType};
use chrono::NaiveDate;

use crate::common::*;

fn day(c: &Data) -> NaiveDate {
    c.as_date()
        .unwrap_or_else(|| panic!("expected a date, found {c:?}"))
}

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn owners_sheet_puts_each_persons_open_overdue_and_next_due_on_one_row() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let owners = sheet(&out, "负责人视图");
    assert_eq!(
        text(&owners[0][1]),
        "负责人",
        "header row: team, owner, tasks, open, overdue, at risk, next due..."
    );
    // The owner with an overdue task comes first, then the one with a task at risk.
    assert_eq!(text(&owners[1][1]), "刘设计师");
    assert_eq!(text(&owners[2][1]), "周专员");
    assert_eq!(owners.len() - 1, 8, "eight owner cells as written");

    let liu = row_with(&owners, 1, "刘设计师");
    assert_eq!(
        [num(&liu[2]), num(&liu[3]), num(&liu[4]), num(&liu[5])],
        [1.0, 1.0, 1.0, 0.0]
    );
    assert_eq!(
        day(&liu[6]),
        ymd("2026-11-20"),
        "the overdue due date is next"
    );
    assert_eq!(text(&liu[8]), "门店促销物料设计（逾期6天）");

    let zhou = row_with(&owners, 1, "周专员");
    assert_eq!((num(&zhou[4]), num(&zhou[5])), (0.0, 1.0));
    assert_eq!(text(&zhou[9]), "地推活动");
    assert_eq!(day(&zhou[6]), ymd("2026-11-28"));

    let wang = row_with(&owners, 1, "王主管");
    assert_eq!(
        (num(&wang[2]), num(&wang[3])),
        (2.0, 1.0),
        "one of two is done"
    );
    assert_eq!(day(&wang[6]), ymd("2026-12-20"));
    assert_eq!(text(&wang[7]), "抖音直播销售");

    let sun = row_with(&owners, 1, "孙店长");
    assert_eq!(num(&sun[3]), 2.0);
    assert_eq!(day(&sun[6]), ymd("2026-12-18"), "门店会员回访 is due first");

    // Several names in one cell count under the cell as written.
    let pair = row_with(&owners, 1, "张三/李四");
    assert_eq!(num(&pair[2]), 1.0);
    assert_eq!(day(&row_with(&owners, 1, "陈专员")[6]), ymd("2026-12-11"));
}

#[test]
fn an_owner_whose_task_has_no_due_date_has_no_next_due() {
    let dir = tempfile::tempdir().unwrap();
    // 直播间福利设计's due date G9 is the template's "202X..".
    let input = zh_sample_with_errors(dir.path());
    let (_d, out) = report_of(&input, &[]);
    let owners = sheet(&out, "负责人视图");
    let chen = row_with(&owners, 1, "陈专员");
    assert_eq!((num(&chen[2]), num(&chen[3])), (1.0, 1.0));
    assert_eq!(chen[6], Data::Empty);
}

#[test]
fn english_owners_count_two_tasks_for_dana() {
    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let owners = sheet(&out, "Owners");
    let dana = row_with(&owners, 1, "Dana Brooks");
    assert_eq!(
        [num(&dana[2]), num(&dana[3]), num(&dana[4]), num(&dana[5])],
        [2.0, 2.0, 1.0, 0.0]
    );
    assert_eq!(day(&dana[6]), ymd("2026-11-18"));
    assert_eq!(text(&dana[8]), "In-store display kits (8 days late)");
    assert_eq!(num(&row_with(&owners, 1, "Alex Kim")[5]), 1.0);
    assert_eq!(
        num(&row_with(&owners, 1, "Maya Chen")[3]),
        0.0,
        "her task is done"
    );
}

#[test]
fn overview_lists_key_risks_and_a_risk_without_owner_is_a_warning_at_its_cell() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let overview = sheet(&out, "概览");
    let at = overview
        .iter()
        .position(|r| r[0] == "重点风险（未关闭，可能性或影响为高）")
        .expect("key risk section");
    assert_eq!(text(&overview[at + 1][6]), "应对措施");
    let risks: Vec<&Vec<Data>> = overview[at + 2..].iter().take(3).collect();
    // All three are high impact and open; the one high on both counts comes first.
    assert!(text(&risks[0][0]).starts_with("物料延期"));
    assert_eq!(
        (text(&risks[0][1]), text(&risks[0][2]), text(&risks[0][3])),
        ("高".into(), "高".into(), "刘设计师".into())
    );
    assert_eq!(text(&risks[0][4]), "已发生");
    assert!(text(&risks[1][0]).starts_with("竞品突袭"));
    let pr = risks[2];
    assert!(text(&pr[0]).starts_with("舆情危机"));
    assert_eq!(text(&pr[3]), "（未指定）");
    assert!(text(&pr[6]).starts_with("启动快速响应机制"));

    let problems = sheet(&out, "数据问题");
    let warning = row_with(&problems, 1, "风险预案!E4");
    assert_eq!(text(&warning[2]), "警告");
    assert!(text(&warning[3]).contains("舆情危机"), "{:?}", warning[3]);
    assert!(text(&warning[3]).contains("未指定负责人"));

    let sheet_rows = sheet(&out, "风险");
    assert_eq!(sheet_rows.len() - 1, 3);
    let pr = row_with(&sheet_rows, 8, "风险预案!A4");
    assert_eq!(text(&pr[5]), "（未指定）");
    assert_eq!((text(&pr[2]), text(&pr[3])), ("低".into(), "高".into()));
    assert_eq!(text(&pr[6]), "未发生");
    assert_eq!(text(&pr[7]), "是");
}

#[test]
fn check_reports_the_risk_without_owner_and_english_risks_are_complete() {
    let dir = tempfile::tempdir().unwrap();
    let zh = samples().join(ZH_SAMPLE);
    let o = plantrack(
        dir.path(),
        &["check", zh.to_str().unwrap(), "--as-of", AS_OF],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("风险预案!E4: 警告: 风险 \"舆情危机"), "{out}");

    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let problems = sheet(&out, "Data problems");
    assert!(
        !problems.iter().any(|r| text(&r[1]).starts_with("Risks!")),
        "every English risk has an owner and a response"
    );
    let overview = sheet(&out, "Overview");
    let at = overview
        .iter()
        .position(|r| r[0] == "Key risks (not closed, high likelihood or impact)")
        .unwrap();
    let owners: Vec<String> = overview[at + 2..at + 5]
        .iter()
        .map(|r| text(&r[3]))
        .collect();
    assert_eq!(owners, ["Dana Brooks", "Jordan Lee", "Priya Nair"]);
}

#[test]
fn retrospective_is_drafted_from_the_figures() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let retro = sheet(&out, "复盘");
    let goal = row_with(&retro, 1, "新品首月销售额500万：实际393万，完成率78.6%");
    assert_eq!((num(&goal[2]), num(&goal[3])), (5_000_000.0, 3_930_000.0));
    assert_close(num(&goal[4]), 0.786);

    // Both stages are under target, the furthest under first.
    let offline = retro.iter().position(|r| r[1] == "线下渠道200万").unwrap();
    assert_eq!(retro[offline + 1][1], "线上渠道300万");
    assert_close(num(&retro[offline][4]), 0.7);
    assert_eq!(num(&retro[offline][5]), -600_000.0);
    assert_eq!(text(&retro[offline][6]), "未达成");

    // No task was finished after its due date.
    let late = retro
        .iter()
        .position(|r| r[0] == "三、延期完成的任务")
        .unwrap();
    assert_eq!(text(&retro[late + 2][0]), "无");

    let xhs = row_with(&retro, 1, "小红书投放");
    assert_eq!((num(&xhs[2]), num(&xhs[3])), (50_000.0, 56_000.0));
    assert_close(num(&xhs[4]), 1.12);
    assert_eq!(num(&xhs[5]), 6_000.0, "over by");
    assert!(
        retro.iter().all(|r| r[1] != "直播推广费"),
        "a line at its warning level is not over"
    );

    let shortfalls = retro
        .iter()
        .position(|r| r[0] == "五、偏差最大的周度任务")
        .unwrap()
        + 2;
    let top = &retro[shortfalls];
    assert_eq!(text(&top[1]), "直播主播招募");
    assert_eq!((num(&top[3]), num(&top[4])), (3.0, 2.0));
    assert_close(num(&top[5]), -1.0 / 3.0);
    assert_eq!(text(&top[6]), "1名主播档期冲突");
    assert_eq!(text(&top[7]), "联系备选主播2名");
    let named: Vec<String> = retro[shortfalls..shortfalls + 4]
        .iter()
        .map(|r| text(&r[1]))
        .collect();
    assert_eq!(
        named,
        [
            "直播主播招募",
            "抖音直播销售",
            "地推活动",
            "小红书种草内容发布"
        ]
    );
    assert_eq!(text(&retro[shortfalls + 1][6]), "（未填写）");
    assert_ne!(
        retro[shortfalls + 4][0],
        "新品首发-华东组",
        "only the four behind plan"
    );

    // The rows people fill in are there and empty.
    for label in ["亮点", "不足", "改进措施", "经验沉淀"] {
        assert_eq!(row_with(&retro, 0, label)[1], Data::Empty, "{label}");
    }
}

#[test]
fn english_retrospective_says_the_goal_in_english() {
    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let retro = sheet(&out, "Retrospective");
    let goal = row_with(
        &retro,
        1,
        "Q4 launch revenue $2M: actual 1,308,000, 65.4% of target",
    );
    assert_close(num(&goal[4]), 0.654);
    let influencers = row_with(&retro, 1, "Influencers");
    assert_eq!(num(&influencers[5]), 3_300.0);
    assert_eq!(
        text(&row_with(&retro, 1, "Retail $800k")[6]),
        "Under target"
    );
    let pop_up = row_with(&retro, 1, "Pop-up events");
    assert_close(num(&pop_up[5]), -1.0 / 3.0);
    assert_eq!(text(&pop_up[6]), "Venue permit delayed");
}

#[test]
fn trend_totals_weeks_in_task_weeks_and_follows_each_task() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let trend = sheet(&out, "周趋势");
    // Weekly totals: plan counts one task-week per row, actual counts actual ÷ plan.
    let weeks: Vec<(String, f64, f64)> = ["第2周", "第3周", "第4周", "W48"]
        .iter()
        .map(|w| {
            let r = row_with(&trend, 1, w);
            (text(&r[0]), num(&r[6]), num(&r[7]))
        })
        .collect();
    let cum_plan: Vec<f64> = weeks.iter().map(|w| w.1).collect();
    assert_eq!(cum_plan, [1.0, 3.0, 4.0, 7.0]);
    let cum_actual = [2.0 / 3.0, 2.0 / 3.0 + 1.55, 2.0 / 3.0 + 2.3, 37.0 / 6.0];
    for (w, expected) in weeks.iter().zip(cum_actual) {
        assert_close(w.2, expected);
    }
    let w3 = row_with(&trend, 1, "第3周");
    assert_eq!(num(&w3[3]), 2.0);
    assert_close(num(&w3[5]), -0.225);
    let w48 = row_with(&trend, 1, "W48");
    assert_eq!(day(&w48[2]), ymd("2026-11-23"));
    assert_close(num(&w48[8]), 37.0 / 42.0);

    // Task by task: 小红书 in its two weeks, catching up.
    let xhs = rows_with(&trend, 1, "小红书种草内容发布");
    assert_eq!(xhs.len(), 2);
    assert_eq!(
        (text(&xhs[0][2]), text(&xhs[1][2])),
        ("第3周".into(), "W48".into())
    );
    assert_eq!((num(&xhs[0][3]), num(&xhs[0][4])), (10.0, 8.0));
    assert_close(num(&xhs[0][5]), -0.2);
    assert_close(num(&xhs[1][5]), 0.2);
    assert_close(num(&xhs[1][6]), 0.0);
    let hosts = row_with(&trend, 1, "直播主播招募");
    assert_close(num(&hosts[5]), -1.0 / 3.0);

    assert!(
        has_part(&out, "xl/charts/chart1.xml"),
        "a native line chart"
    );
}

#[test]
fn a_folder_of_teams_gets_a_trend_chart_and_owner_rows_per_team() {
    let (_d, out) = report_of(&samples(), &[]);
    assert!(has_part(&out, "xl/charts/chart2.xml"), "one chart per team");
    let trend = sheet(&out, "Trend");
    let west = rows_with(&trend, 0, "launch-team-west");
    // Two weekly totals and four task rows.
    assert_eq!(west.len(), 6);
    let w48 = west.iter().find(|r| r[1] == "W48").unwrap();
    assert_eq!(num(&w48[6]), 4.0);
    assert_close(num(&w48[7]), 1.75 + 2.0 / 3.0 + 1.2);
    let owners = sheet(&out, "Owners");
    let teams: std::collections::BTreeSet<String> =
        owners.iter().skip(1).map(|r| text(&r[0])).collect();
    assert_eq!(teams.len(), 2);
}

/// Whether the written workbook holds a part: zip entry names are stored uncompressed.
fn has_part(path: &std::path::Path, part: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(part.len()).any(|w| w == part.as_bytes())
}
