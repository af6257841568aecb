use super::*;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn expense(category: &str, amount: &str) -> Expense {
    Expense {
        team: "A".into(),
        row: CellRef::new("Costs", 1, 0),
        date: Some(day("2026-11-10")),
        category: category.into(),
        channel: None,
        item: None,
        amount: dec(amount),
        task: None,
        owner: None,
    }
}

fn budget(category: &str, amount: &str) -> BudgetLine {
    BudgetLine {
        team: "A".into(),
        row: CellRef::new("Budget", 1, 0),
        category: category.into(),
        budget: dec(amount),
        channel: None,
        owner: None,
    }
}

fn task(stage: Option<&str>, name: &str, id: &str, budget: Option<&str>) -> PlanRow {
    PlanRow {
        team: "A".into(),
        row: CellRef::new("Plan", 1, 0),
        id: Some(id.into()),
        goal: "G".into(),
        goal_at: CellRef::new("Plan", 1, 1),
        stage: stage.map(str::to_string),
        stage_at: None,
        name: name.into(),
        owner: None,
        start: Some(day("2026-11-01")),
        due: Some(day("2026-12-20")),
        done_on: None,
        deliverable: None,
        resources: None,
        budget: budget.map(dec),
        target: None,
        actual: None,
        progress: None,
        status: None,
        predecessors: Vec::new(),
        support: None,
        length: None,
        estimate: None,
        cells: Default::default(),
    }
}

fn settings() -> CostSettings {
    CostSettings {
        as_of: day("2026-11-26"),
        warn_at: dec("0.8"),
        period: None,
    }
}

#[test]
fn statuses_at_80_percent_and_over_with_a_refund() {
    let mut book = CostBook::default();
    for b in [
        budget("直播推广费", "100000"),
        budget("小红书投放", "50000"),
        budget("物料制作", "30000"),
    ] {
        book.budget(&b);
    }
    for e in [
        expense("直播推广费", "50000"),
        expense("直播推广费", "30500.50"),
        expense("直播推广费", "-500.50"),
        expense("小红书投放", "50000.01"),
        expense("物料制作", "12000"),
        expense("公关应急", "5000"),
    ] {
        book.add(&e);
    }
    let mut problems = Vec::new();
    let r = book.finish(&settings(), &mut problems);
    let live = &r.lines[0];
    assert_eq!(live.spent, dec("80000.00"));
    assert_eq!(live.refunds, dec("500.50"));
    assert_eq!(live.status, CostStatus::Warning);
    assert_eq!(live.remaining(), Some(dec("20000.00")));
    assert_eq!(r.lines[1].status, CostStatus::Over);
    assert_eq!(r.lines[2].status, CostStatus::Ok);
    assert_eq!(r.lines[3].status, CostStatus::Unbudgeted);
    assert_eq!(r.totals.budget, dec("180000"));
    assert_eq!(r.totals.spent, dec("147000.01"));
    assert_eq!(r.totals.unbudgeted, dec("5000"));
    assert_eq!(r.totals.refunds, dec("500.50"));
    assert_eq!(r.totals.expenses, 6);
    assert_eq!(problems.len(), 1);
}

#[test]
fn a_hundred_thousand_dimes_sum_exactly() {
    let mut book = CostBook::default();
    book.budget(&budget("x", "10000"));
    for _ in 0..100_000 {
        book.add(&expense("x", "0.1"));
    }
    let r = book.finish(&settings(), &mut Vec::new());
    assert_eq!(r.lines[0].spent, dec("10000.0"));
    assert_eq!(r.lines[0].status, CostStatus::Warning);
    let f: f64 = (0..100_000).map(|_| 0.1).sum();
    assert_ne!(f, 10000.0, "f64 drifts where the decimal sum does not");
}

#[test]
fn the_threshold_is_a_setting_and_is_compared_in_cents() {
    // 82,350.50 of 100,000 is 82.35%: a warning at 80%, OK at 90%.
    assert_eq!(
        status(Some(dec("100000")), dec("82350.50"), dec("0.8")),
        CostStatus::Warning
    );
    assert_eq!(
        status(Some(dec("100000")), dec("82350.50"), dec("0.9")),
        CostStatus::Ok
    );
    // Exactly at the threshold is a warning; a fraction of a cent over the budget is not over.
    assert_eq!(
        status(Some(dec("100")), dec("80"), dec("0.8")),
        CostStatus::Warning
    );
    assert_eq!(
        status(Some(dec("100")), dec("100.004"), dec("0.8")),
        CostStatus::Warning
    );
    assert_eq!(
        status(Some(dec("100")), dec("100.005"), dec("0.8")),
        CostStatus::Over
    );
    assert_eq!(status(Some(dec("0")), dec("0"), dec("0.8")), CostStatus::Ok);
    assert_eq!(status(None, dec("1"), dec("0.8")), CostStatus::Unbudgeted);
}

#[test]
fn forecast_extrapolates_over_the_elapsed_days_of_the_period() {
    let p = Period::new(day("2026-11-01"), day("2026-12-20")).unwrap();
    assert_eq!(p.days(), 50);
    assert_eq!(p.elapsed_days(day("2026-11-26")), 26);
    assert_eq!(p.elapsed_share(day("2026-11-26")), dec("0.52"));
    // 82,350.50 in 26 of 50 days: 158,366.35 at completion.
    let (f, how) = forecast(dec("82350.50"), Some(dec("100000")), &p, day("2026-11-26")).unwrap();
    assert_eq!((cents(f), how), (dec("158366.35"), ForecastMethod::RunRate));
    // As-of clamps to the period: after the end, the forecast is what was spent; before
    // the start there is nothing to extrapolate from.
    assert_eq!(
        forecast(dec("100"), None, &p, day("2027-01-15")),
        Some((dec("100"), ForecastMethod::RunRate))
    );
    assert_eq!(p.elapsed_days(day("2026-10-01")), 0);
    assert_eq!(forecast(dec("100"), None, &p, day("2026-10-01")), None);
    assert!(Period::new(day("2026-12-01"), day("2026-11-01")).is_none());
}

#[test]
fn the_period_comes_from_the_plan_unless_given() {
    let mut book = CostBook::default();
    let mut early = task(Some("S"), "t1", "1", None);
    early.start = Some(day("2026-10-15"));
    book.plan(&early);
    book.plan(&task(Some("S"), "t2", "2", None));
    book.budget(&budget("x", "1000"));
    book.add(&expense("x", "500"));
    let r = book.finish(&settings(), &mut Vec::new());
    let p = r.teams[0].period.unwrap();
    assert_eq!((p.start, p.end), (day("2026-10-15"), day("2026-12-20")));
    let line = &r.lines[0];
    // 43 of 67 days gone: 500 * 67 / 43.
    assert_eq!(cents(line.forecast.unwrap()), dec("779.07"));
    assert_eq!(cents(line.variance().unwrap()), dec("220.93"));

    let mut book = CostBook::default();
    book.plan(&early);
    book.budget(&budget("x", "1000"));
    book.add(&expense("x", "500"));
    let mut s = settings();
    s.period = Period::new(day("2026-11-01"), day("2026-11-30"));
    let r = book.finish(&s, &mut Vec::new());
    // 26 of 30 days: 500 * 30 / 26.
    assert_eq!(cents(r.lines[0].forecast.unwrap()), dec("576.92"));
}

#[test]
fn without_budget_lines_the_plan_budgets_roll_up_to_their_stage() {
    let mut book = CostBook::default();
    book.plan(&task(Some("线上渠道300万"), "直播主播招募", "1.1", None));
    book.plan(&task(
        Some("线上渠道300万"),
        "抖音直播销售",
        "1.2",
        Some("100000"),
    ));
    book.plan(&task(
        Some("线上渠道300万"),
        "小红书种草",
        "1.3",
        Some("20000"),
    ));
    book.plan(&task(Some("线下渠道200万"), "门店活动", "2.1", None));
    book.plan(&task(None, "公关预案", "3", Some("5000")));
    let mut by_task = expense("直播推广费", "30000");
    by_task.task = Some("抖音直播销售".into());
    let mut by_id = expense("主播费", "2000");
    by_id.task = Some("1.1".into());
    let by_name = expense("线上渠道300万 ", "1000");
    let mut no_budget = expense("门店物料", "700");
    no_budget.task = Some("门店活动".into());
    let task_line = expense("公关预案", "800");
    let mut added = Vec::new();
    for e in [&by_task, &by_id, &by_name, &no_budget, &task_line] {
        let (key, name) = book.add(e);
        added.push((key, name.to_string()));
    }
    assert_eq!(added[0], (1, "线上渠道300万".to_string()));
    assert_eq!(added[1].0, 1);
    assert_eq!(added[2].0, 1);
    assert_eq!(added[3], (3, "门店物料".to_string()));
    assert_eq!(added[4], (2, "公关预案".to_string()));
    let r = book.finish(&settings(), &mut Vec::new());
    let online = &r.lines[0];
    assert_eq!(online.source, BudgetSource::Plan);
    assert_eq!(online.budget, Some(dec("120000")));
    assert_eq!(online.spent, dec("33000"));
    assert_eq!(online.budget_at.len(), 2);
    assert_eq!(r.lines[1].budget, Some(dec("5000")));
    assert_eq!(r.lines[2].status, CostStatus::Unbudgeted);
}

#[test]
fn a_budget_sheet_line_turns_the_plan_budgets_off() {
    let mut book = CostBook::default();
    book.plan(&task(Some("线上"), "抖音直播销售", "1.2", Some("100000")));
    book.budget(&budget("直播推广费", "50000"));
    let mut e = expense("小红书投放", "1000");
    e.task = Some("抖音直播销售".into());
    book.add(&e);
    let r = book.finish(&settings(), &mut Vec::new());
    let names: Vec<&str> = r.lines.iter().map(|l| l.category.as_str()).collect();
    assert_eq!(names, ["直播推广费", "小红书投放"]);
    assert_eq!(r.lines[1].status, CostStatus::Unbudgeted);
}

#[test]
fn lines_group_by_team_and_spending_by_month() {
    let mut book = CostBook::default();
    let mut b = budget("x", "100");
    b.team = "B".into();
    book.budget(&budget("x", "100"));
    book.budget(&b);
    let mut e1 = expense("y", "10");
    e1.date = Some(day("2026-12-03"));
    let mut e2 = expense("x", "20");
    e2.team = "B".into();
    let mut e3 = expense("x", "5");
    e3.date = None;
    for e in [&e1, &e2, &e3] {
        book.add(e);
    }
    let r = book.finish(&settings(), &mut Vec::new());
    let order: Vec<(&str, &str, u32)> = r
        .lines
        .iter()
        .map(|l| (l.team.as_str(), l.category.as_str(), l.key))
        .collect();
    assert_eq!(order, [("A", "x", 1), ("A", "y", 3), ("B", "x", 2)]);
    assert_eq!((r.teams[0].first, r.teams[0].count), (0, 2));
    assert_eq!((r.teams[1].first, r.teams[1].count), (2, 1));
    assert_eq!(r.teams[0].totals.spent, dec("15"));
    assert_eq!(r.months, [day("2026-11-01"), day("2026-12-01")]);
    assert!(r.undated);
    assert_eq!(r.lines[0].undated, dec("5"));
    assert_eq!(r.lines[1].months[&day("2026-12-01")], dec("10"));
    // The By month sheet's column totals: every line's month, the undated, and they add up
    // to the total spent.
    assert_eq!(r.month_total(day("2026-11-01")), dec("20"));
    assert_eq!(r.month_total(day("2026-12-01")), dec("10"));
    assert_eq!(r.month_total(day("2027-01-01")), dec("0"));
    assert_eq!(r.undated_total(), dec("5"));
    let months: Decimal = r.months.iter().map(|m| r.month_total(*m)).sum();
    assert_eq!(months + r.undated_total(), r.totals.spent);
    assert_eq!(r.totals.spent, dec("35"));
}

#[test]
fn early_in_the_period_a_front_loaded_deposit_is_forecast_at_its_budget() {
    // Issue 15: 6 of 50 days (12%) gone, a 64,000 deposit on a 200,000 line. The run rate
    // would say 533,333.33, a red overrun the status (OK) contradicts.
    let p = Period::new(day("2026-11-01"), day("2026-12-20")).unwrap();
    let as_of = day("2026-11-06");
    assert!(p.elapsed_share(as_of) < RUN_RATE_FROM);
    let b = Some(dec("200000"));
    assert_eq!(
        forecast(dec("64000"), b, &p, as_of),
        Some((dec("200000"), ForecastMethod::Budget))
    );
    // Already over its budget: what was spent, never less.
    assert_eq!(
        forecast(dec("250000"), b, &p, as_of),
        Some((dec("250000"), ForecastMethod::Budget))
    );
    // No budget: what was spent.
    assert_eq!(
        forecast(dec("64000"), None, &p, as_of),
        Some((dec("64000"), ForecastMethod::Spent))
    );
    // From a quarter of the period (13 of 50 days = 26%) the run rate.
    let (f, how) = forecast(dec("64000"), b, &p, day("2026-11-13")).unwrap();
    assert_eq!((cents(f), how), (dec("246153.85"), ForecastMethod::RunRate));
}

#[test]
fn totals_leave_unbudgeted_spending_out_of_remaining_share_and_forecast() {
    let mut book = CostBook::default();
    book.plan(&task(Some("S"), "t1", "1", None));
    book.budget(&budget("x", "1000"));
    book.add(&expense("x", "600"));
    book.add(&expense("unplanned", "200"));
    let r = book.finish(&settings(), &mut Vec::new());
    let t = &r.totals;
    assert_eq!((t.spent, t.unbudgeted), (dec("800"), dec("200")));
    assert_eq!(t.remaining(), dec("400"));
    assert_eq!(t.share_used(), Some(0.6));
    // Used share and remaining share add up to the whole budget.
    let rem = share(t.remaining(), t.budget).unwrap();
    assert!((t.share_used().unwrap() + rem - 1.0).abs() < 1e-12);
    // The totals' forecast is the budgeted line's; variance = budget - forecast.
    let line = r.lines.iter().find(|l| l.budget.is_some()).unwrap();
    assert_eq!(t.forecast(), line.forecast);
    assert_eq!(t.variance(), line.variance());
    assert_eq!(r.teams[0].totals, *t);
}
