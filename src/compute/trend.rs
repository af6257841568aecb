//! The weekly trend: each task's plan, actual and deviation week by week, and per team the
//! week's totals with cumulative plan against cumulative actual, so a manager sees whether
//! the campaign is falling behind week on week and not just this week.
//!
//! **Weeks** are ordered by their first day (`WeeklyRow::week_start`) where the label gives
//! one ("W48", "11.23-11.29", a date); a label that gives none ("第3周") keeps the place of
//! its first appearance, and the dated weeks are sorted among the places dated weeks hold. A
//! row with no week label is the as-of week. Two labels with the same first day are one week.
//!
//! **Totals.** Tasks count in different units (3 hosts, 10 posts, 4 live sessions), and even
//! unit-less quantities count different things, so adding quantities would let the biggest
//! number decide. Instead each weekly row's plan counts as one *task-week* of planned work and
//! its actual as actual ÷ plan (8 of 10 posts = 0.8). The week's total actual ÷ total plan is
//! then the average share of the planned work delivered, its deviation the average of the
//! rows' deviations (the figures on the Weekly sheet), and cumulative actual ÷ cumulative plan
//! the share of all planned work delivered so far, where every task weighs the same whatever
//! its unit. Rows without a computed deviation (no quantity, a plan of 0, different units)
//! are left out of the totals.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;

use super::weekly::WeeklyView;
use crate::contract::fold;
use crate::model::{PlanRow, WeeklyRow};

/// One week of one team, with its totals in task-weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekTotal {
    pub team: String,
    /// The label as first written; None for rows with no week label (the as-of week).
    pub label: Option<String>,
    pub start: Option<NaiveDate>,
    /// Planned task-weeks: rows of the week with a computed deviation.
    pub plan: f64,
    /// Delivered task-weeks: the sum of those rows' actual ÷ plan.
    pub actual: f64,
    pub cum_plan: f64,
    pub cum_actual: f64,
}

impl WeekTotal {
    /// Average deviation of the week's rows, None when no row had one.
    pub fn deviation(&self) -> Option<f64> {
        (self.plan > 0.0).then(|| self.actual / self.plan - 1.0)
    }

    /// Share of the planned work delivered so far.
    pub fn cum_completion(&self) -> Option<f64> {
        (self.cum_plan > 0.0).then(|| self.cum_actual / self.cum_plan)
    }

    /// Whether less than the planned work has been delivered so far.
    pub fn cum_behind(&self) -> bool {
        self.cum_completion().is_some_and(|d| d < 1.0)
    }
}

/// One weekly row in the per-task table.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskWeek {
    /// The plan task's name where the row matched one, else the name as written.
    pub task: String,
    /// Index into the weekly rows.
    pub row: usize,
    /// Index into [`Trend::weeks`].
    pub week: usize,
    /// (Σ actual − Σ plan) / Σ plan over the task's rows up to this one, while they share a
    /// unit.
    pub cum_deviation: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trend {
    /// Team by team (in order of appearance), each team's weeks in order.
    pub weeks: Vec<WeekTotal>,
    /// Team by team, task by task (in order of appearance), week by week.
    pub tasks: Vec<TaskWeek>,
}

impl Trend {
    /// The index range of one team's weeks, in `weeks`.
    pub fn team_weeks(&self, team: &str) -> std::ops::Range<usize> {
        let first = self.weeks.iter().position(|w| w.team == team).unwrap_or(0);
        let n = self.weeks[first..]
            .iter()
            .take_while(|w| w.team == team)
            .count();
        first..first + n
    }

    /// Teams with weekly rows, in order.
    pub fn teams(&self) -> Vec<&str> {
        let mut v: Vec<&str> = Vec::new();
        for w in &self.weeks {
            if v.last() != Some(&w.team.as_str()) {
                v.push(&w.team);
            }
        }
        v
    }
}

/// Which week a row belongs to: its first day when known, else its label.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum WeekKey {
    Start(NaiveDate),
    Label(String),
}

/// Builds the trend. `views` is parallel to `weekly`; `as_of` places unlabelled rows.
pub fn build(
    weekly: &[WeeklyRow],
    views: &[WeeklyView],
    plan: &[PlanRow],
    as_of: NaiveDate,
) -> Trend {
    let monday = as_of - Duration::days(as_of.weekday().num_days_from_monday() as i64);
    let key_of = |w: &WeeklyRow| match (w.week_start, &w.week) {
        (Some(d), _) => (WeekKey::Start(d), Some(d)),
        (None, Some(label)) => (WeekKey::Label(fold(label)), None),
        (None, None) => (WeekKey::Start(monday), Some(monday)),
    };
    let mut teams: Vec<&str> = Vec::new();
    for w in weekly {
        if !teams.contains(&w.team.as_str()) {
            teams.push(&w.team);
        }
    }
    let mut trend = Trend::default();
    for team in teams {
        let rows: Vec<usize> = (0..weekly.len())
            .filter(|&i| weekly[i].team == team)
            .collect();
        // Weeks in order of first appearance, then the dated ones sorted among their places.
        let mut weeks: Vec<(WeekKey, Option<String>, Option<NaiveDate>)> = Vec::new();
        for &i in &rows {
            let (key, start) = key_of(&weekly[i]);
            match weeks.iter_mut().find(|(k, _, _)| *k == key) {
                // The as-of week takes its label from a row that writes one.
                Some((_, label, _)) => {
                    if label.is_none() {
                        label.clone_from(&weekly[i].week);
                    }
                }
                None => weeks.push((key, weekly[i].week.clone(), start)),
            }
        }
        let slots: Vec<usize> = (0..weeks.len()).filter(|&k| weeks[k].2.is_some()).collect();
        let mut dated: Vec<_> = slots.iter().map(|&k| weeks[k].clone()).collect();
        dated.sort_by_key(|w| w.2);
        for (slot, w) in slots.into_iter().zip(dated) {
            weeks[slot] = w;
        }
        let base = trend.weeks.len();
        let index: HashMap<WeekKey, usize> = weeks
            .iter()
            .enumerate()
            .map(|(k, w)| (w.0.clone(), base + k))
            .collect();
        trend
            .weeks
            .extend(weeks.into_iter().map(|(_, label, start)| WeekTotal {
                team: team.to_string(),
                label,
                start,
                plan: 0.0,
                actual: 0.0,
                cum_plan: 0.0,
                cum_actual: 0.0,
            }));
        let week_of = |i: usize| index[&key_of(&weekly[i]).0];
        for &i in &rows {
            if let Some(d) = views[i].deviation {
                let w = &mut trend.weeks[week_of(i)];
                w.plan += 1.0;
                w.actual += 1.0 + d;
            }
        }
        let (mut plan_sum, mut actual_sum) = (0.0, 0.0);
        for w in &mut trend.weeks[base..] {
            plan_sum += w.plan;
            actual_sum += w.actual;
            w.cum_plan = plan_sum;
            w.cum_actual = actual_sum;
        }
        trend
            .tasks
            .extend(task_rows(&rows, weekly, views, plan, week_of));
    }
    trend
}

/// One team's rows grouped by task (in order of appearance), each task's rows by week.
fn task_rows(
    rows: &[usize],
    weekly: &[WeeklyRow],
    views: &[WeeklyView],
    plan: &[PlanRow],
    week_of: impl Fn(usize) -> usize,
) -> Vec<TaskWeek> {
    let task_key = |i: usize| match views[i].task {
        Some(p) => fold(&plan[p].name),
        None => fold(&weekly[i].task),
    };
    let keys: Vec<String> = rows.iter().map(|&i| task_key(i)).collect();
    let mut order: HashMap<&str, usize> = HashMap::new();
    for k in &keys {
        let next = order.len();
        order.entry(k).or_insert(next);
    }
    let mut sorted: Vec<usize> = (0..rows.len()).collect();
    sorted.sort_by_key(|&j| (order[keys[j].as_str()], week_of(rows[j])));
    let sorted = sorted.into_iter().map(|j| rows[j]);

    let mut out = Vec::new();
    // Per task: its unit and running sums, None once a row breaks the unit.
    let mut sums: HashMap<String, Option<(Option<String>, Decimal, Decimal)>> = HashMap::new();
    for i in sorted {
        let w = &weekly[i];
        let entry = sums
            .entry(task_key(i))
            .or_insert(Some((None, Decimal::ZERO, Decimal::ZERO)));
        if let (Some((unit, p, a)), Some(_), Some(pq), Some(aq)) =
            (entry.as_mut(), views[i].deviation, &w.plan, &w.actual)
        {
            let row_unit = pq.unit.clone().or_else(|| aq.unit.clone());
            if unit.is_some() && row_unit.is_some() && *unit != row_unit {
                *entry = None;
            } else {
                if unit.is_none() {
                    *unit = row_unit;
                }
                *p += pq.value;
                *a += aq.value;
            }
        }
        let cum_deviation = entry
            .as_ref()
            .and_then(|(_, p, a)| super::share(*a - *p, *p));
        out.push(TaskWeek {
            task: views[i]
                .task
                .map_or_else(|| w.task.clone(), |p| plan[p].name.clone()),
            row: i,
            week: week_of(i),
            cum_deviation,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::weekly::analyse;
    use crate::model::CellRef;
    use crate::values::quantity_in_text;

    fn row(
        team: &str,
        week: Option<&str>,
        start: Option<&str>,
        task: &str,
        p: &str,
        a: &str,
    ) -> WeeklyRow {
        WeeklyRow {
            team: team.into(),
            row: CellRef::new("周度跟踪", 3, 0),
            week: week.map(str::to_string),
            week_start: start.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()),
            task: task.into(),
            plan_text: p.into(),
            plan: quantity_in_text(p),
            actual_text: a.into(),
            actual: quantity_in_text(a),
            stated_deviation: None,
            cause: Some("c".into()),
            fix: Some("f".into()),
            owner: Some("o".into()),
            done: None,
            task_at: CellRef::new("周度跟踪", 3, 1),
            deviation_at: CellRef::new("周度跟踪", 3, 4),
            cause_at: CellRef::new("周度跟踪", 3, 5),
        }
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// The Chinese sample's Weekly sheet.
    fn sample() -> Vec<WeeklyRow> {
        let w48 = Some("2026-11-23");
        vec![
            row(
                "华东",
                Some("第2周"),
                None,
                "直播主播招募",
                "确定3名主播",
                "确定2名主播",
            ),
            row(
                "华东",
                Some("第3周"),
                None,
                "小红书种草内容发布",
                "发布笔记10篇",
                "发布笔记8篇",
            ),
            row(
                "华东",
                Some("第3周"),
                None,
                "抖音直播销售",
                "直播4场",
                "直播3场",
            ),
            row(
                "华东",
                Some("第4周"),
                None,
                "地推活动",
                "覆盖社区20个",
                "覆盖社区15个",
            ),
            row("华东", Some("W48"), w48, "电商平台销售", "12个", "12个"),
            row(
                "华东",
                Some("W48"),
                w48,
                "小红书种草内容发布",
                "发布笔记10篇",
                "发布笔记12篇",
            ),
            row("华东", Some("W48"), w48, "抖音短视频预热", "5条", "5条"),
        ]
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "expected {b}, found {a}");
    }

    #[test]
    fn totals_count_task_weeks_so_units_do_not_mix() {
        let weekly = sample();
        let views = analyse(&weekly, &[], &mut Vec::new());
        let t = build(&weekly, &views, &[], as_of());
        let labels: Vec<&str> = t
            .weeks
            .iter()
            .map(|w| w.label.as_deref().unwrap())
            .collect();
        assert_eq!(labels, ["第2周", "第3周", "第4周", "W48"]);
        let w3 = &t.weeks[1];
        assert_eq!(w3.plan, 2.0);
        close(w3.actual, 0.8 + 0.75);
        close(w3.deviation().unwrap(), -0.225);
        let last = &t.weeks[3];
        assert_eq!(last.cum_plan, 7.0);
        close(
            last.cum_actual,
            2.0 / 3.0 + 0.8 + 0.75 + 0.75 + 1.0 + 1.2 + 1.0,
        );
        close(last.cum_completion().unwrap(), (37.0 / 6.0) / 7.0);
    }

    #[test]
    fn a_task_runs_across_its_weeks_with_a_cumulative_deviation() {
        let weekly = sample();
        let views = analyse(&weekly, &[], &mut Vec::new());
        let t = build(&weekly, &views, &[], as_of());
        let xhs: Vec<&TaskWeek> = t
            .tasks
            .iter()
            .filter(|r| r.task == "小红书种草内容发布")
            .collect();
        assert_eq!(xhs.len(), 2);
        assert_eq!((xhs[0].week, xhs[1].week), (1, 3));
        close(xhs[0].cum_deviation.unwrap(), -0.2);
        close(xhs[1].cum_deviation.unwrap(), 0.0);
        // Tasks in order of first appearance: the second 小红书 row follows the first.
        assert_eq!(t.tasks[1].row, 1);
        assert_eq!(t.tasks[2].row, 5);
    }

    #[test]
    fn dated_weeks_are_sorted_and_unlabelled_rows_are_the_as_of_week() {
        let weekly = vec![
            row("A", Some("W48"), Some("2026-11-23"), "x", "10", "8"),
            row("A", Some("准备周"), None, "x", "10", "10"),
            row("A", Some("W47"), Some("2026-11-16"), "x", "10", "10"),
            row("A", None, None, "x", "10", "5"),
        ];
        let views = analyse(&weekly, &[], &mut Vec::new());
        let t = build(&weekly, &views, &[], as_of());
        let labels: Vec<Option<&str>> = t.weeks.iter().map(|w| w.label.as_deref()).collect();
        // The unlabelled row falls in W48 (the as-of week), which follows W47.
        assert_eq!(labels, [Some("W47"), Some("准备周"), Some("W48")]);
        assert_eq!(t.weeks[2].plan, 2.0);
        close(t.weeks[2].actual, 0.8 + 0.5);
    }

    #[test]
    fn a_change_of_unit_stops_the_cumulative_deviation() {
        let weekly = vec![
            row("A", Some("W47"), Some("2026-11-16"), "x", "10篇", "8篇"),
            row("A", Some("W48"), Some("2026-11-23"), "x", "4场", "4场"),
        ];
        let views = analyse(&weekly, &[], &mut Vec::new());
        let t = build(&weekly, &views, &[], as_of());
        close(t.tasks[0].cum_deviation.unwrap(), -0.2);
        assert_eq!(t.tasks[1].cum_deviation, None);
    }
}
