//! Metrics sheets (issue 18): KPI sheets written by other programs (openpyxl, LibreOffice) in
//! both languages give the attainments, ROAS / ROI, cost per result and delivery-standard
//! verdicts worked out by hand in tests/fixtures/README.md ("Metrics").

use calamine::Data;

use crate::common::*;

/// The first row whose columns 1 and 2 read `channel` and `metric` (the metrics table comes
/// before the weekly tables, so this is its row).
fn metric_row<'a>(rows: &'a [Vec<Data>], channel: &str, metric: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r.len() > 2 && r[1] == channel && r[2] == metric)
        .unwrap_or_else(|| panic!("no metric {channel} {metric}"))
}

/// The row of a channel in the section titled `title`.
fn row_after<'a>(rows: &'a [Vec<Data>], title: &str, channel: &str) -> &'a [Data] {
    let start = rows
        .iter()
        .position(|r| r[0] == title)
        .unwrap_or_else(|| panic!("no section {title}"));
    rows[start..]
        .iter()
        .find(|r| r[1] == channel)
        .unwrap_or_else(|| panic!("no {channel} under {title}"))
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() < tolerance,
        "expected {expected}, found {actual}"
    );
}

/// (target, actual, attainment) of a metric row.
fn figures(r: &[Data]) -> (f64, f64, f64) {
    (num(&r[5]), num(&r[6]), num(&r[7]))
}

fn chinese_kpi_sheet(file: &str) {
    let (_d, out) = report_of(&fixtures().join(file), &[]);
    let m = sheet(&out, "指标");
    // 100 and 132 under the unit 万元.
    let gmv = metric_row(&m, "天猫", "GMV");
    assert_eq!(figures(gmv), (1_000_000.0, 1_320_000.0, 1.32));
    assert_eq!(text(&gmv[4]), "累计求和");
    assert_close(num(&gmv[8]), 0.52); // 26 of the plan's 50 days
    assert_close(num(&gmv[9]), 520_000.0);
    close(num(&gmv[10]), 1_320_000.0 / 520_000.0, 1e-9);
    let (t, a, c) = figures(metric_row(&m, "天猫", "店铺转化率"));
    assert_eq!((t, a), (0.03, 0.034));
    close(c, 0.034 / 0.03, 1e-9);
    assert_eq!(
        figures(metric_row(&m, "天猫", "新客数")),
        (5000.0, 4200.0, 0.84)
    );
    // "1万" and "1.2万" as text; a rate without a base takes its latest value.
    let views = metric_row(&m, "抖音", "直播场均观看");
    assert_eq!(figures(views), (10_000.0, 12_000.0, 1.2));
    assert_eq!(text(&views[4]), "最新值（无基数）");
    let (t, a, c) = figures(metric_row(&m, "抖音", "转化率"));
    assert_eq!((t, a), (0.03, 0.021));
    close(c, 0.7, 1e-9);
    assert_eq!(
        figures(metric_row(&m, "抖音", "销售额")),
        (500_000.0, 380_000.0, 0.76)
    );
    assert_eq!(
        figures(metric_row(&m, "线下大会", "报名人数")),
        (200.0, 236.0, 1.18)
    );
    // The 合计 row is no metric.
    assert!(!m.iter().any(|r| r.len() > 2 && r[2] == "合计"));

    let roi = |channel: &str| row_after(&m, "渠道投入产出", channel);
    let tmall = roi("天猫");
    assert_eq!((num(&tmall[2]), num(&tmall[4])), (155_000.0, 1_320_000.0));
    close(num(&tmall[6]), 1_320_000.0 / 155_000.0, 1e-9);
    close(num(&tmall[7]), 1_165_000.0 / 155_000.0, 1e-9);
    assert_eq!((text(&tmall[8]), num(&tmall[9])), ("新客数".into(), 4200.0));
    assert_eq!(num(&tmall[10]), 36.90);
    let douyin = roi("抖音");
    // 60,000 + 40,000 − a 500 refund.
    assert_eq!((num(&douyin[2]), num(&douyin[4])), (99_500.0, 380_000.0));
    close(num(&douyin[6]), 380_000.0 / 99_500.0, 1e-9);
    close(num(&douyin[7]), 280_500.0 / 99_500.0, 1e-9);
    let offline = roi("线下大会");
    assert_eq!(offline[4], Data::Empty);
    assert_eq!(num(&offline[10]), 211.86);

    let tasks = sheet(&out, "任务");
    let check = |task: &str| text(&row_with(&tasks, 3, task)[23]);
    assert_eq!(
        check("抖音直播"),
        "直播场均观看1.2万，达标；转化率2.1%，低于3%"
    );
    assert_eq!(
        check("天猫旗舰店大促"),
        "店铺转化率3.4%，达标；GMV132万，达标"
    );
    assert_eq!(check("大会报名"), "报名236，达标");
    assert_eq!(check("嘉宾邀请"), "确认嘉宾：无数据");

    let retro = sheet(&out, "复盘");
    let line = row_with(&retro, 1, "抖音直播");
    assert_eq!(
        text(&line[2]),
        "直播场均观看1.2万，达标；转化率2.1%，低于3%"
    );

    // The completion rate written as 80% against 4,200 / 5,000; 1.13 (a % cell) is close
    // enough to 113.3%.
    let problems = sheet(&out, "数据问题");
    let stated: Vec<String> = problems
        .iter()
        .filter(|r| text(&r[3]).contains("填写的完成率"))
        .map(|r| text(&r[1]))
        .collect();
    assert_eq!(stated, ["核心KPI!G5"]);

    let overview = sheet(&out, "概览");
    let top = row_with(&overview, 0, "抖音 · 转化率");
    close(num(&top[3]), 0.7, 1e-9);
}

#[test]
fn chinese_kpi_sheet_from_openpyxl_gives_attainments_roi_and_verdicts() {
    chinese_kpi_sheet("metrics-zh-openpyxl.xlsx");
}

#[test]
fn chinese_kpi_sheet_converted_by_libreoffice_gives_the_same_figures() {
    chinese_kpi_sheet("metrics-zh-libreoffice.ods");
}

#[test]
fn english_wide_weekly_sheet_gives_attainments_roi_and_verdicts() {
    let (_d, out) = report_of(&fixtures().join("metrics-en-openpyxl.xlsx"), &[]);
    let m = sheet(&out, "Metrics");
    // Weekly values summed; the target comes from the long "KPI targets" sheet.
    let revenue = metric_row(&m, "YouTube", "Revenue");
    assert_eq!(figures(revenue), (100_000.0, 45_500.0, 0.455));
    assert_close(num(&revenue[8]), 25.0 / 56.0);
    close(num(&revenue[9]), 100_000.0 * 25.0 / 56.0, 1e-6);
    close(
        num(&revenue[10]),
        45_500.0 / (100_000.0 * 25.0 / 56.0),
        1e-9,
    );
    assert_eq!(text(&revenue[11]), "On pace");
    // "6.2k" as text.
    assert_eq!(
        figures(metric_row(&m, "YouTube", "Views")),
        (50_000.0, 16_500.0, 0.33)
    );
    assert_eq!(text(&metric_row(&m, "YouTube", "Views")[11]), "Behind");
    let (_, a, c) = figures(metric_row(&m, "Google Ads", "New customers"));
    assert_eq!(a, 277.0);
    close(c, 277.0 / 600.0, 1e-9);
    // A rate without a base: its latest week ("3.4%" as text; 3.1 under "(%)" is 3.1%).
    let rate = metric_row(&m, "YouTube", "Conversion rate");
    assert_eq!(
        (num(&rate[6]), text(&rate[4])),
        (0.034, "Latest (no base)".into())
    );
    let week = m
        .iter()
        .find(|r| r[2] == "Metric (week from Monday)")
        .expect("weekly table");
    assert_eq!(text(&week[4]), "11-09");
    let views = m
        .iter()
        .filter(|r| r[1] == "YouTube" && r[2] == "Views")
        .nth(1)
        .unwrap();
    assert_eq!(num(&views[4]), 6_200.0);
    let conversion = m
        .iter()
        .filter(|r| r[1] == "YouTube" && r[2] == "Conversion rate")
        .nth(1)
        .unwrap();
    assert_eq!(num(&conversion[4]), 0.031);

    let youtube = row_after(&m, "Channel ROI", "YouTube");
    assert_eq!((num(&youtube[2]), num(&youtube[4])), (9_100.0, 45_500.0));
    assert_eq!((num(&youtube[6]), num(&youtube[7])), (5.0, 4.0));
    assert_eq!(num(&youtube[10]), 73.98); // 9,100 / 123 new customers
    let google = row_after(&m, "Channel ROI", "Google Ads");
    close(num(&google[6]), 110_000.0 / 32_500.0, 1e-9);
    close(num(&google[7]), 77_500.0 / 32_500.0, 1e-9);
    assert_eq!(num(&google[10]), 117.33);

    let tasks = sheet(&out, "Tasks");
    let check = |task: &str| text(&row_with(&tasks, 3, task)[23]);
    assert_eq!(
        check("YouTube launch video"),
        "views 16.5k, met; conversion rate 3.4%, met"
    );
    // No cost metric: a cost criterion is never checked against a count.
    assert_eq!(
        check("Google Ads search campaign"),
        "cost per new customer: no data; new customers 277, met"
    );
}

#[test]
fn example_workbook_fills_the_metrics_sheet_and_reads_it_back() {
    for (lang, name, sheet_name) in [("zh", "demo.xlsx", "指标"), ("en", "demo.xlsx", "Metrics")]
    {
        let dir = tempfile::tempdir().unwrap();
        let o = plantrack(
            dir.path(),
            &[
                "init",
                "--example",
                "--lang",
                lang,
                "--start",
                "2026-11-02",
                "-o",
                name,
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let input = dir.path().join(name);
        let (_d, out) = report_of(&input, &[]);
        let m = sheet(&out, sheet_name);
        let (online, conversion) = match lang {
            "zh" => ("线上", "直播转化率"),
            _ => ("Online", "Live conversion rate"),
        };
        // (2.4% × 36,000 + 1.9% × 44,000) / 80,000 = 2.125%.
        let rate = metric_row(&m, online, conversion);
        close(num(&rate[6]), 0.02125, 1e-12);
        let roi = row_after(&m, lang_pick(lang, "渠道投入产出", "Channel ROI"), online);
        // The example ledger's online spending: 30,000 + 25,000 + 18,000 + 28,000 + 12,000
        // − 2,000.
        assert_eq!((num(&roi[2]), num(&roi[4])), (111_000.0, 1_800_000.0));
        assert_eq!(num(&roi[10]), 35.81); // 111,000 / 3,100 new customers
    }
}

fn lang_pick<'a>(lang: &str, zh: &'a str, en: &'a str) -> &'a str {
    if lang == "zh" { zh } else { en }
}
