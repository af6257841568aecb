use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::compute::{Settings, summarize};
use crate::model::{CellRef, Dataset, PlanRow, Quantity, WrittenStatus};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn q(v: i64) -> Option<Quantity> {
    Some(Quantity {
        value: Decimal::from(v),
        unit: None,
    })
}

fn task(name: &str, start: &str, due: &str, target: i64, actual: i64) -> PlanRow {
    PlanRow {
        team: "618".into(),
        row: CellRef::new("Plan", 1, 0),
        id: None,
        goal: "GMV 1000万".into(),
        goal_at: CellRef::new("Plan", 1, 1),
        stage: Some("线上".into()),
        stage_at: None,
        name: name.into(),
        owner: Some(format!("{name}-owner")),
        start: Some(d(start)),
        due: Some(d(due)),
        done_on: None,
        deliverable: None,
        resources: None,
        budget: None,
        target: q(target),
        actual: q(actual),
        progress: Some(0.2),
        status: Some(WrittenStatus::InProgress),
        predecessors: vec![],
        support: None,
        length: None,
        estimate: None,
        cells: Default::default(),
    }
}

/// A 618 campaign 2026-05-20..2026-06-18 (30 days), as of 06-02 (14 days gone: 46.7%).
fn campaign() -> Vec<PlanRow> {
    let mut plan = vec![
        task("直播", "2026-05-20", "2026-06-18", 6_000_000, 1_000_000),
        task("种草", "2026-05-20", "2026-06-05", 4_000_000, 650_000),
        task("物料", "2026-05-20", "2026-05-30", 0, 0),
        task("预热", "2026-05-25", "2026-06-08", 0, 0),
        task("复盘", "2026-06-10", "2026-06-12", 0, 0),
    ];
    plan[4].support = Some("需财务 6/9 前批预算".into());
    plan[3].support = Some("  ".into());
    plan
}

fn brief_of(plan: Vec<PlanRow>, as_of: &str) -> Brief {
    let data = Dataset {
        teams: vec!["618".into()],
        plan,
        ..Dataset::default()
    };
    brief(&summarize(data, &Settings::new(d(as_of))))
}

#[test]
fn a_goal_behind_its_clock_is_named_with_what_it_needs_per_day() {
    let b = brief_of(campaign(), "2026-06-02");
    let g = &b.goals[0];
    assert_eq!(g.name, "GMV 1000万");
    assert_eq!(
        (g.start, g.end),
        (Some(d("2026-05-20")), Some(d("2026-06-18")))
    );
    // 1,650,000 of 10,000,000; 14 of 30 days gone.
    assert!((g.completion.unwrap() - 0.165).abs() < 1e-9);
    assert!((g.elapsed.unwrap() - 14.0 / 30.0).abs() < 1e-9);
    assert_eq!(g.pace, Pace::Behind);
    assert_eq!(g.days_left, Some(16));
    // 8,350,000 over 16 days.
    assert_eq!(g.per_day, Some(Decimal::new(52_187_500, 2)));
    assert_eq!(b.verdict, Verdict::OffTrack);
    assert_eq!(
        b.headline(Lang::Zh),
        "落后：GMV 1000万 完成 16.5%，时间已过 46.7%"
    );
    assert_eq!(
        b.headline(Lang::En),
        "Off track: GMV 1000万 is 16.5% done with 46.7% of its time gone"
    );
}

#[test]
fn overdue_comes_first_then_what_is_due_in_the_next_seven_days() {
    let b = brief_of(campaign(), "2026-06-02");
    let names = |v: &[DueTask]| v.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&b.overdue), ["物料"]);
    assert_eq!(b.overdue[0].days, 3);
    assert_eq!(b.overdue[0].owner.as_deref(), Some("物料-owner"));
    // 种草 due 06-05 (3 days), 预热 06-08 (6 days); 复盘 06-12 is beyond the week.
    assert_eq!(names(&b.due_soon), ["种草", "预热"]);
    assert_eq!((b.due_soon[0].days, b.due_soon[1].days), (3, 6));
}

#[test]
fn needs_support_lists_open_tasks_that_wrote_one() {
    let mut plan = campaign();
    plan.push(task("已完成的", "2026-05-20", "2026-05-25", 0, 0));
    plan[5].status = Some(WrittenStatus::Done);
    plan[5].support = Some("不再需要".into());
    let b = brief_of(plan, "2026-06-02");
    assert_eq!(b.needs.len(), 1);
    assert_eq!(b.needs[0].name, "复盘");
    assert_eq!(b.needs[0].need, "需财务 6/9 前批预算");
}

#[test]
fn on_pace_goals_without_overdue_tasks_are_on_track() {
    let mut plan = campaign();
    plan[0].actual = q(3_000_000);
    plan[1].actual = q(2_000_000);
    plan[2].status = Some(WrittenStatus::Done);
    let b = brief_of(plan, "2026-06-02");
    // 5,000,000 of 10,000,000 against 46.7% of the time: ahead by 3.3 points, on pace.
    assert_eq!(b.goals[0].pace, Pace::OnPace);
    assert_eq!(b.verdict, Verdict::OnTrack);
    assert_eq!(b.reason, Reason::AllOnPace);
}

#[test]
fn compact_numbers_read_as_people_say_them() {
    assert_eq!(compact(Decimal::from(3_930_000), Lang::Zh), "393万");
    assert_eq!(compact(Decimal::from(3_930_000), Lang::En), "3.93M");
    assert_eq!(compact(Decimal::from(91_976), Lang::En), "92k");
    assert_eq!(compact(Decimal::new(52_187_500, 2), Lang::Zh), "52.19万");
    assert_eq!(compact(Decimal::from(120), Lang::En), "120");
}
