use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn criteria_are_read_in_both_languages() {
    let c = parse_criteria("直播场均观看≥1万，转化率≥3%");
    assert_eq!(c.len(), 2);
    assert_eq!(
        (c[0].subject.as_str(), c[0].op, c[0].threshold),
        ("直播场均观看", Op::AtLeast, d("10000"))
    );
    assert_eq!(
        (c[1].subject.as_str(), c[1].threshold, c[1].percent),
        ("转化率", d("0.03"), true)
    );
    let c = parse_criteria("报名不少于200人");
    assert_eq!(
        (c[0].subject.as_str(), c[0].op, c[0].threshold),
        ("报名", Op::AtLeast, d("200"))
    );
    let c = parse_criteria("at least 10k views");
    assert_eq!(
        (c[0].subject.as_str(), c[0].op, c[0].threshold),
        ("views", Op::AtLeast, d("10000"))
    );
    let c = parse_criteria("10k+ viewers per session, conversion 3%+");
    assert_eq!(c.len(), 2);
    assert_eq!(
        (c[0].subject.as_str(), c[0].threshold),
        ("viewers per session", d("10000"))
    );
    assert_eq!(
        (c[1].subject.as_str(), c[1].threshold, c[1].percent),
        ("conversion", d("0.03"), true)
    );
    let c = parse_criteria("获客成本不超过50元；曝光1万以上");
    assert_eq!(
        (c[0].subject.as_str(), c[0].op, c[0].threshold),
        ("获客成本", Op::AtMost, d("50"))
    );
    assert_eq!(
        (c[1].subject.as_str(), c[1].op, c[1].threshold),
        ("曝光", Op::AtLeast, d("10000"))
    );
    let c = parse_criteria("Bounce rate below 40%");
    assert_eq!(
        (c[0].subject.as_str(), c[0].op, c[0].threshold),
        ("Bounce rate", Op::Less, d("0.4"))
    );
    // Parts without a comparison are no criteria.
    assert!(parse_criteria("发布笔记10篇").is_empty());
    assert!(parse_criteria("活动前3天发布预热短视频5条").is_empty());
}

#[test]
fn figures_read_as_people_write_them() {
    assert_eq!(figure(d("12000"), false, Lang::Zh), "1.2万");
    assert_eq!(figure(d("0.02125"), true, Lang::Zh), "2.1%");
    assert_eq!(figure(d("12000"), false, Lang::En), "12k");
    assert_eq!(figure(d("1320000"), false, Lang::En), "1.32M");
    assert_eq!(figure(d("230"), false, Lang::En), "230");
}

#[test]
fn how_follows_the_metrics_nature() {
    let none: Vec<&MetricRow> = Vec::new();
    assert_eq!(how_of("GMV", Some("¥"), &none), How::Sum);
    assert_eq!(how_of("新客数", None, &none), How::Sum);
    assert_eq!(how_of("粉丝数", None, &none), How::Latest);
    assert_eq!(how_of("Followers", None, &none), How::Latest);
    assert_eq!(how_of("转化率", None, &none), How::LatestRate);
    assert_eq!(how_of("直播场均观看", None, &none), How::LatestRate);
    assert_eq!(how_of("Clicks", Some("%"), &none), How::LatestRate);
    assert!(lower_is_better("获客成本"));
    assert!(lower_is_better("Cost per lead"));
    assert!(lower_is_better("广告消耗"));
    assert!(lower_is_better("Ad spend"));
    assert!(!lower_is_better("GMV"));
}

fn row(
    metric: &str,
    date: Option<(u32, u32)>,
    target: Option<&str>,
    actual: Option<&str>,
) -> MetricRow {
    let q = |v: &str| {
        let (v, unit) = match v.strip_suffix('%') {
            Some(p) => (d(p) / Decimal::ONE_HUNDRED, Some("%".to_string())),
            None => (d(v), None),
        };
        Quantity { value: v, unit }
    };
    MetricRow {
        team: "t".into(),
        row: CellRef::new("KPI", 1, 0),
        metric: metric.into(),
        channel: Some("天猫".into()),
        task: None,
        date: date.map(|(m, day)| NaiveDate::from_ymd_opt(2026, m, day).unwrap()),
        period: None,
        target: target.map(q),
        actual: actual.map(q),
        base: None,
        unit: None,
        stated_rate: None,
        rate_at: CellRef::new("KPI", 1, 6),
        actual_at: CellRef::new("KPI", 1, 5),
    }
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

#[test]
fn weekly_rows_add_up_to_date_and_their_targets_give_what_was_due() {
    let rows = vec![
        row("GMV", Some((11, 2)), Some("100"), Some("90")),
        row("GMV", Some((11, 9)), Some("100"), Some("120")),
        row("GMV", Some((11, 16)), Some("100"), Some("80")),
        // After the as-of date: its target counts in the whole, its actual does not.
        row("GMV", Some((11, 30)), Some("100"), Some("999")),
    ];
    let mut problems = Vec::new();
    let data = Dataset {
        metrics: rows,
        ..Dataset::default()
    };
    let rep = build(&data, &CostReport::default(), as_of(), &mut problems);
    let m = &rep.metrics[0];
    assert_eq!(m.how, How::Sum);
    assert_eq!((m.target, m.actual), (Some(d("400")), Some(d("290"))));
    assert_eq!(m.expected, Some(d("300")));
    assert_eq!(m.attainment(), Some(0.725));
    assert_eq!(m.pace(), Some(290.0 / 300.0));
    // 72.5% of the target and under the 300 due by now: behind.
    assert_eq!(m.standing(), Some(Standing::Behind));
    assert_eq!(rep.weeks.len(), 3);
    assert_eq!(
        m.weekly_attainment(&rep.weeks),
        vec![Some(0.225), Some(0.525), Some(0.725)]
    );
}

#[test]
fn rates_are_weighted_by_their_base_and_costs_attain_the_other_way() {
    let mut a = row("转化率", Some((11, 2)), Some("3%"), Some("2.4%"));
    a.base = Some(d("36000"));
    let mut b = row("转化率", Some((11, 9)), Some("3%"), Some("1.9%"));
    b.base = Some(d("44000"));
    let cost = row("获客成本", None, Some("50"), Some("40"));
    let fans = vec![
        row("粉丝数", Some((11, 2)), None, Some("1000")),
        row("粉丝数", Some((11, 9)), Some("5000"), Some("1800")),
    ];
    let mut metrics = vec![a, b, cost];
    metrics.extend(fans);
    let data = Dataset {
        metrics,
        ..Dataset::default()
    };
    let rep = build(&data, &CostReport::default(), as_of(), &mut Vec::new());
    let rate = &rep.metrics[0];
    assert_eq!(rate.how, How::WeightedMean);
    assert_eq!(rate.actual, Some(d("0.02125")));
    let cost = &rep.metrics[1];
    assert!(cost.lower_is_better);
    assert_eq!(cost.attainment(), Some(1.25));
    assert_eq!(cost.standing(), Some(Standing::Met));
    let fans = &rep.metrics[2];
    assert_eq!(
        (fans.how, fans.actual, fans.target),
        (How::Latest, Some(d("1800")), Some(d("5000")))
    );
    // A stock has no pace: short of its target it is "not yet", never "behind".
    assert_eq!(fans.standing(), Some(Standing::NotYet));
    // The overview's few: most behind first (fans 36%, the rate 70.8%, then the cost).
    let most: Vec<&str> = (rep.most_behind(2).iter())
        .map(|m| m.metric.as_str())
        .collect();
    assert_eq!(most, ["粉丝数", "转化率"]);
}

#[test]
fn a_tasks_checks_are_tallied_and_the_worst_verdict_colours_it() {
    let check = |verdict| Check {
        criterion: parse_criteria("转化率≥3%").remove(0),
        metric: None,
        actual: None,
        verdict,
    };
    let checks = [
        check(Verdict::Met),
        check(Verdict::NoData),
        check(Verdict::Met),
    ];
    assert_eq!(tally(&checks), (2, 0, 1));
    assert_eq!(worst(&checks), Some(Verdict::NoData));
    assert_eq!(
        worst(&[check(Verdict::Met), check(Verdict::NotMet)]),
        Some(Verdict::NotMet)
    );
    assert_eq!(worst(&[]), None);
}

#[test]
fn a_stated_rate_more_than_a_point_off_is_reported_at_its_cell() {
    let mut r = row("新客数", None, Some("5000"), Some("4200"));
    r.stated_rate = Some(0.8);
    let mut ok = row("GMV", None, Some("100"), Some("132"));
    ok.stated_rate = Some(1.32);
    let data = Dataset {
        metrics: vec![r, ok],
        ..Dataset::default()
    };
    let mut problems = Vec::new();
    build(&data, &CostReport::default(), as_of(), &mut problems);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].at.to_string(), "KPI!G2");
}

proptest::proptest! {
    /// Any deliverable text parses without a panic (byte offsets stay on char boundaries).
    #[test]
    fn criteria_never_panic(text in "\\PC{0,40}") {
        let _ = parse_criteria(&text);
        let _ = parse_criteria(&format!("İ{text}≥1万 at least 3% or more"));
    }
}

#[test]
fn campaign_weeks_are_placed_with_the_plans_dates() {
    use crate::compute::status::tests::task;
    let plan = task("2026-11-04", "2026-12-20", 0.5);
    let mut r = row("GMV", None, None, Some("10"));
    r.period = Some("第3周".into());
    let mut rows = vec![r];
    let mut problems = Vec::new();
    place_weeks(&mut rows, &[plan], as_of(), &mut problems);
    assert_eq!(rows[0].date, NaiveDate::from_ymd_opt(2026, 11, 16));
    assert!(problems.is_empty());
}

#[test]
fn a_rate_typed_into_a_percent_cell_is_a_percentage() {
    // 转化率 0.021 from a %-formatted cell, no unit anywhere: checked against "≥3%".
    let data = Dataset {
        metrics: vec![row("转化率", None, Some("0.03"), Some("0.021"))],
        ..Dataset::default()
    };
    let rep = build(&data, &CostReport::default(), as_of(), &mut Vec::new());
    assert!(rep.metrics[0].is_rate());
    let mut p = crate::compute::status::tests::task("2026-11-04", "2026-12-20", 0.5);
    p.name = "天猫大促".into();
    p.deliverable = Some("转化率≥3%".into());
    let checks = check_task(&p, &rep.metrics);
    assert_eq!(checks[0].verdict, Verdict::NotMet);
    assert_eq!(sentence(&checks, Lang::Zh), "转化率2.1%，低于3%");
}
