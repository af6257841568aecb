//! `plantrack report`: the summary workbook read back with calamine holds the figures a user
//! checks by hand (sample-workbooks/README.md and tests/fixtures/README.md).

use calamine::Data;

use crate::common::*;

fn completion_of(goals: &[Vec<Data>], name: &str) -> (f64, f64, f64) {
    let r = row_with(goals, 2, name);
    (num(&r[3]), num(&r[4]), num(&r[5]))
}

#[test]
fn chinese_sample_goals_roll_up_from_the_seed_example() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    assert_eq!(
        sheet_names(&out),
        [
            "概览",
            "目标达成",
            "任务",
            "负责人视图",
            "周度跟踪",
            "周趋势",
            "成本预算",
            "风险",
            "甘特图",
            "复盘",
            "数据问题",
            "读取说明",
            "_plantrack"
        ]
    );
    let goals = sheet(&out, "目标达成");
    let (t, a, c) = completion_of(&goals, "新品首月销售额500万");
    assert_eq!((t, a), (5_000_000.0, 3_930_000.0));
    assert_close(c, 0.786);
    let (t, a, c) = completion_of(&goals, "线上渠道300万");
    assert_eq!((t, a), (3_000_000.0, 2_530_000.0));
    assert_close(c, 253.0 / 300.0);
    let (t, a, _) = completion_of(&goals, "线下渠道200万");
    assert_eq!((t, a), (2_000_000.0, 1_400_000.0));
    // The seed's decomposition adds up: no gap anywhere.
    assert!(goals.iter().skip(1).all(|r| r[6] == Data::Empty));
}

#[test]
fn chinese_sample_task_statuses_are_judged_against_as_of() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let tasks = sheet(&out, "任务");
    let status = |name: &str| text(&row_with(&tasks, 3, name)[10]);
    assert_eq!(status("直播主播招募"), "已完成");
    assert_eq!(status("门店促销物料设计"), "逾期");
    assert_eq!(num(&row_with(&tasks, 3, "门店促销物料设计")[11]), 6.0);
    assert_eq!(status("地推活动"), "有风险");
    assert_eq!(status("门店会员回访"), "未开始");
    // 11-16..11-30 is 11 working days, 9 gone by the end of 11-26 (82%), and only 11-27 and
    // 11-30 are left: inside the 3-working-day window, so at risk (4 calendar days were not).
    assert_eq!(status("门店导购培训"), "有风险");
    assert_eq!(status("直播间福利设计"), "正常");
    let count = |w: &str| tasks.iter().filter(|r| r[10] == w).count();
    assert_eq!(
        [
            count("已完成"),
            count("逾期"),
            count("有风险"),
            count("正常"),
            count("未开始")
        ],
        [1, 1, 2, 5, 1]
    );
    // Progress is a number with a % format: a cell of 80 reads as 0.8.
    assert_close(num(&row_with(&tasks, 3, "抖音直播销售")[8]), 0.8);
    // Dates typed as text are real dates in the output.
    assert!(matches!(
        row_with(&tasks, 3, "门店导购培训")[6],
        Data::DateTime(_)
    ));
}

#[test]
fn chinese_sample_weekly_deviation_matches_the_seed() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let weekly = sheet(&out, "周度跟踪");
    let dev = |task: &str| num(&row_with(&weekly, 2, task)[7]);
    assert_close(dev("直播主播招募"), -1.0 / 3.0);
    let xhs = rows_with(&weekly, 2, "小红书种草内容发布");
    assert_close(num(&xhs[0][7]), -0.2);
    assert_close(num(&xhs[1][7]), 0.2);
    assert_close(dev("抖音直播销售"), -0.25);
    assert_close(dev("抖音短视频预热"), 0.0);
    // -33% written for -33.3% is rounding, not a mismatch.
    assert_eq!(text(&row_with(&weekly, 2, "直播主播招募")[12]), "");
    assert!(text(&row_with(&weekly, 2, "抖音直播销售")[12]).contains("未写原因"));
    assert!(text(&row_with(&weekly, 2, "地推活动")[12]).contains("不符"));
    assert!(text(&row_with(&weekly, 2, "抖音短视频预热")[12]).contains("计划中无此任务"));
}

#[test]
fn chinese_sample_costs_warn_at_80_percent_and_flag_over_and_unbudgeted() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let costs = sheet(&out, "成本预算");
    let line = |name: &str| row_with(&costs, 1, name).to_vec();
    let live = line("直播推广费");
    assert_eq!((num(&live[2]), num(&live[3])), (100_000.0, 82_350.5));
    assert_eq!(num(&live[4]), 800.0, "the refund is shown");
    assert_close(num(&live[5]), 17_649.5);
    assert_close(num(&live[6]), 0.823505);
    assert_eq!(text(&live[7]), "预警");
    let xhs = line("小红书投放");
    assert_eq!(
        (num(&xhs[3]), text(&xhs[7])),
        (56_000.0, "超支".to_string())
    );
    assert_close(num(&xhs[5]), -6_000.0);
    assert_eq!(text(&line("物料制作")[7]), "正常");
    assert_eq!(text(&line("门店活动")[7]), "正常");
    let pr = line("公关应急");
    assert_eq!((pr[2].clone(), num(&pr[3])), (Data::Empty, 5_000.0));
    assert_eq!(text(&pr[7]), "无预算");
    let total = row_with(&costs, 0, "合计");
    assert_eq!(num(&total[2]), 220_000.0);
    assert_eq!(num(&total[3]), 177_130.5);
    assert_eq!(num(&total[5]), 47_869.5, "remaining on budgeted lines");
}

#[test]
fn chinese_sample_problems_point_at_their_cells() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &[]);
    let problems = sheet(&out, "数据问题");
    let at = |place: &str| text(&row_with(&problems, 1, place)[3]);
    assert!(at("2026新品首发 目标拆解表!E13").contains("张三/李四"));
    assert!(at("周度进度跟踪!E6").contains("-25.0%"));
    assert!(at("周度进度跟踪!B9").contains("抖音短视频预热"));
    assert!(at("填写说明").contains("忽略"));
    let severity = |place: &str| text(&row_with(&problems, 1, place)[2]);
    assert_eq!(severity("周度进度跟踪!B9"), "警告");
    // The sample holds no error (issue 13: `check` on it exits 0).
    assert!(
        !problems.iter().skip(1).any(|r| text(&r[2]) == "错误"),
        "{problems:?}"
    );
}

/// The sample with a placeholder due date and an amount that is not one: each error at its
/// cell, and the task and the costs row still shown.
#[test]
fn chinese_sample_errors_point_at_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let input = zh_sample_with_errors(dir.path());
    let (_d, out) = report_of(&input, &[]);
    let problems = sheet(&out, "数据问题");
    let at = |place: &str| text(&row_with(&problems, 1, place)[3]);
    assert!(at("2026新品首发 目标拆解表!G9").contains("202X.."));
    assert!(at("成本支出明细!E15").contains("待报销"));
    let severity = |place: &str| text(&row_with(&problems, 1, place)[2]);
    assert_eq!(severity("2026新品首发 目标拆解表!G9"), "错误");
    assert_eq!(severity("成本支出明细!E15"), "错误");
    // The task without a due date is on track (neither overdue nor at risk) and the
    // spending is the sample's: the 待报销 row is not counted.
    let tasks = sheet(&out, "任务");
    assert_eq!(text(&row_with(&tasks, 3, "直播间福利设计")[10]), "正常");
    assert_eq!(row_with(&tasks, 3, "直播间福利设计")[6], Data::Empty);
    let costs = sheet(&out, "成本预算");
    assert_eq!(num(&row_with(&costs, 0, "合计")[3]), 177_130.5);
}

#[test]
fn english_sample_gets_english_labels_and_its_figures() {
    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    assert_eq!(
        sheet_names(&out),
        [
            "Overview",
            "Goals",
            "Tasks",
            "Owners",
            "Weekly",
            "Trend",
            "Costs",
            "Risks",
            "Gantt",
            "Retrospective",
            "Data problems",
            "How read",
            "_plantrack"
        ]
    );
    let goals = sheet(&out, "Goals");
    let goal = goals.iter().find(|r| r[1] == "Goal").unwrap();
    assert_eq!((num(&goal[3]), num(&goal[4])), (2_000_000.0, 1_308_000.0));
    assert_close(num(&goal[5]), 0.654);
    let costs = sheet(&out, "Costs");
    let status = |line: &str| text(&row_with(&costs, 1, line)[7]);
    assert_eq!(status("Paid social"), "Warning");
    assert_eq!(status("Influencers"), "Over");
    assert_eq!(status("Retail displays"), "OK");
    let total = row_with(&costs, 0, "Total");
    assert_eq!((num(&total[2]), num(&total[3])), (125_000.0, 91_976.0));
    let tasks = sheet(&out, "Tasks");
    let words: Vec<String> = tasks.iter().skip(1).map(|r| r[10].to_string()).collect();
    assert_eq!(words.iter().filter(|w| *w == "Overdue").count(), 1);
    assert_eq!(words.iter().filter(|w| *w == "Done").count(), 1);
}

#[test]
fn lang_flag_overrides_the_headers_language() {
    let (_d, out) = report_of(&samples().join(ZH_SAMPLE), &["--lang", "en"]);
    assert_eq!(sheet_names(&out)[0], "Overview");
    let tasks = sheet(&out, "Tasks");
    assert_eq!(
        text(&row_with(&tasks, 3, "门店促销物料设计")[10]),
        "Overdue"
    );
}

fn messy_figures(file: &str) {
    let (_d, out) = report_of(&fixtures().join(file), &[]);
    let goals = sheet(&out, "目标达成");
    let (t, a, c) = completion_of(&goals, "雙11大促銷售額300萬");
    assert_eq!((t, a), (3_000_000.0, 2_510_000.0));
    assert_close(c, 2_510_000.0 / 3_000_000.0);
    let offline = row_with(&goals, 2, "線下渠道120萬");
    assert_eq!(num(&offline[4]), 955_000.0);
    assert_eq!(num(&offline[6]), 100_000.0, "decomposition gap");
    let tasks = sheet(&out, "任务");
    let status = |name: &str| text(&row_with(&tasks, 3, name)[10]);
    assert_eq!(status("直播帶貨"), "已完成");
    assert_eq!(status("搜索廣告"), "逾期");
    assert_eq!(status("門店快閃"), "有风险");
    assert_eq!(status("商場地推"), "有风险");
    assert_eq!(status("門店物料"), "未开始");
    let weekly = sheet(&out, "周度跟踪");
    assert_close(num(&row_with(&weekly, 2, "直播帶貨")[7]), -1.0 / 6.0);
    assert_close(num(&row_with(&weekly, 2, "社群團購")[7]), 0.25);
    let costs = sheet(&out, "成本预算");
    let line = |name: &str| row_with(&costs, 1, name).to_vec();
    assert_eq!(
        (num(&line("直播推廣")[2]), num(&line("直播推廣")[3])),
        (35_000.0, 30_800.0)
    );
    assert_eq!(text(&line("直播推廣")[7]), "预警");
    assert_eq!(
        (num(&line("社群運營")[3]), text(&line("社群運營")[7])),
        (5_500.0, "超支".into())
    );
    assert_eq!(num(&line("門店活動")[3]), 27_650.75);
    let total = row_with(&costs, 0, "合计");
    assert_eq!((num(&total[2]), num(&total[3])), (80_000.0, 63_950.75));
    let problems = sheet(&out, "数据问题");
    row_with(&problems, 1, "2026雙11 目標拆解表!E10");
    assert!(text(&row_with(&problems, 1, "週度進度跟蹤!E6")[3]).contains("#DIV/0!"));
}

#[test]
fn workbook_written_by_openpyxl_in_messy_forms_gives_the_right_numbers() {
    messy_figures("messy-openpyxl.xlsx");
}

#[test]
fn workbook_converted_by_libreoffice_gives_the_same_numbers() {
    messy_figures("messy-libreoffice.ods");
}

#[test]
fn default_output_name_carries_the_first_input_stem_and_as_of() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(ZH_SAMPLE);
    let o = plantrack(
        dir.path(),
        &["report", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    assert!(o.status.success());
    assert!(
        dir.path()
            .join("新品首发-华东组-summary-2026-11-26.xlsx")
            .exists()
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("10 项任务：1 项逾期，2 项有风险"), "{err}");
}

#[test]
fn inputs_are_never_modified_and_outputs_are_reproducible() {
    let input = samples().join(ZH_SAMPLE);
    let before = std::fs::read(&input).unwrap();
    let (_d1, a) = report_of(&input, &[]);
    let (_d2, b) = report_of(&input, &[]);
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn output_equal_to_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("team.xlsx");
    std::fs::copy(samples().join(EN_SAMPLE), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let o = plantrack(dir.path(), &["report", "team.xlsx", "-o", "team.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn a_folder_of_teams_is_one_summary_with_a_team_column() {
    let (_d, out) = report_of(&samples(), &[]);
    let tasks = sheet(&out, "Tasks");
    let teams: std::collections::BTreeSet<String> =
        tasks.iter().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(
        teams.into_iter().collect::<Vec<_>>(),
        ["launch-team-west", "新品首发-华东组"]
    );
    assert_eq!(tasks.len() - 1, 19);
}
