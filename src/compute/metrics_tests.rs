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
    assert!(!lower_is_better("GMV"));
}
