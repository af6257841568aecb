//! Weekly tracking against plan: deviation = (actual - plan) / plan per row, and the checks
//! the toolkit asks for (a stated deviation that disagrees, a row behind plan without cause
//! or fix, a weekly task that matches no plan task).

use std::collections::HashMap;

use crate::model::{PlanRow, Problem, ProblemKind, Severity, WeeklyRow};
use chrono::NaiveDate;

use crate::values::{closest_folded, fold, parse_week, resolve_week};

/// A stated deviation further than this from the computed one is flagged (one point).
pub const DEVIATION_TOLERANCE: f64 = 0.01;

/// Whether a deviation (actual ÷ plan − 1) is behind plan: below zero. The one rule the
/// Weekly and Trend sheets colour by.
pub fn behind(deviation: Option<f64>) -> bool {
    deviation.is_some_and(|d| d < 0.0)
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyView {
    pub deviation: Option<f64>,
    /// Index of the plan task this row tracks.
    pub task: Option<usize>,
    /// Flags shown on the Weekly sheet.
    pub behind_without_cause: bool,
    pub deviation_mismatch: bool,
    pub unknown_task: bool,
}

/// (actual - plan) / plan, when both are quantities in the same unit and plan is not 0.
/// A unit on one side only is taken as the same unit ("10篇" against a plain 8).
pub fn deviation(row: &WeeklyRow) -> Result<Option<f64>, ProblemKind> {
    let (Some(plan), Some(actual)) = (&row.plan, &row.actual) else {
        return Ok(None);
    };
    if let (Some(pu), Some(au)) = (&plan.unit, &actual.unit)
        && pu != au
    {
        return Err(ProblemKind::UnitMismatch {
            plan: pu.clone(),
            actual: au.clone(),
        });
    }
    Ok(super::share(actual.value - plan.value, plan.value))
}

/// The plan's tasks by team, folded id and folded name, built once so that matching 40,000
/// weekly rows to 10,000 tasks does not fold every task name for every row.
struct TaskIndex<'a> {
    plan: &'a [PlanRow],
    by_id: HashMap<(&'a str, String), usize>,
    by_name: HashMap<(&'a str, String), usize>,
    /// Each team's folded task names, in plan order, for matching part of a name.
    names: HashMap<&'a str, Vec<(String, usize)>>,
}

impl<'a> TaskIndex<'a> {
    fn new(plan: &'a [PlanRow]) -> Self {
        let mut index = TaskIndex {
            plan,
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            names: HashMap::new(),
        };
        for (i, p) in plan.iter().enumerate() {
            let team = p.team.as_str();
            if let Some(id) = &p.id {
                index.by_id.entry((team, fold(id))).or_insert(i);
            }
            let name = fold(&p.name);
            index.by_name.entry((team, name.clone())).or_insert(i);
            index.names.entry(team).or_default().push((name, i));
        }
        index
    }

    /// A plan task of the row's team whose name is a character or two from the row's.
    fn suggest(&self, row: &WeeklyRow) -> Option<&'a str> {
        let names = self.names.get(row.team.as_str())?;
        let i = closest_folded(
            &fold(&row.task),
            names.iter().map(|(n, i)| (n.as_str(), *i)),
        )?;
        Some(self.plan[i].name.as_str())
    }

    /// The plan task a weekly row tracks: same team, then id, exact name, or a name that
    /// contains the other (when only one does).
    fn find(&self, row: &WeeklyRow) -> Option<usize> {
        let key = (row.team.as_str(), fold(&row.task));
        if let Some(&i) = self.by_id.get(&key).or_else(|| self.by_name.get(&key)) {
            return Some(i);
        }
        let key = key.1;
        if key.is_empty() {
            return None;
        }
        let mut partial = self
            .names
            .get(row.team.as_str())?
            .iter()
            .filter(|(name, _)| !name.is_empty() && (name.contains(&key) || key.contains(name)));
        match (partial.next(), partial.next()) {
            (Some(&(_, i)), None) => Some(i),
            _ => None,
        }
    }
}

/// Each team's plan span: its first start (or due) to its last due date.
pub fn plan_spans(plan: &[PlanRow]) -> HashMap<&str, (NaiveDate, NaiveDate)> {
    let mut spans: HashMap<&str, (NaiveDate, NaiveDate)> = HashMap::new();
    for p in plan {
        let Some(due) = p.due else { continue };
        let first = p.start.unwrap_or(due).min(due);
        spans
            .entry(p.team.as_str())
            .and_modify(|(a, b)| {
                *a = (*a).min(first);
                *b = (*b).max(due);
            })
            .or_insert((first, due));
    }
    spans
}

/// Places week labels that need the plan's dates: "第3周" is the campaign's third week when
/// the team's plan dates make that clear (see [`resolve_week`]); otherwise a note at the row.
pub fn place_weeks(
    weekly: &mut [WeeklyRow],
    plan: &[PlanRow],
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) {
    let spans = plan_spans(plan);
    for row in weekly.iter_mut().filter(|w| w.week_start.is_none()) {
        let Some(label) = row.week.as_deref().and_then(parse_week) else {
            continue;
        };
        let span = spans.get(row.team.as_str()).copied();
        match resolve_week(label, as_of, span) {
            Some((monday, _)) => row.week_start = Some(monday),
            None => problems.push(Problem {
                team: row.team.clone(),
                at: row.row.clone(),
                severity: Severity::Info,
                kind: ProblemKind::UnplacedWeek {
                    found: row.week.clone().unwrap_or_default(),
                },
            }),
        }
    }
}

pub fn analyse(
    weekly: &[WeeklyRow],
    plan: &[PlanRow],
    problems: &mut Vec<Problem>,
) -> Vec<WeeklyView> {
    let tasks = TaskIndex::new(plan);
    weekly
        .iter()
        .map(|row| {
            let mut report = |at: &crate::model::CellRef, kind| {
                problems.push(Problem {
                    team: row.team.clone(),
                    at: at.clone(),
                    severity: Severity::Warning,
                    kind,
                })
            };
            let deviation = deviation(row).unwrap_or_else(|kind| {
                report(&row.row, kind);
                None
            });
            let mut view = WeeklyView {
                deviation,
                task: tasks.find(row),
                behind_without_cause: false,
                deviation_mismatch: false,
                unknown_task: false,
            };
            if let (Some(stated), Some(computed)) = (row.stated_deviation, deviation)
                && (stated - computed).abs() > DEVIATION_TOLERANCE
            {
                view.deviation_mismatch = true;
                report(
                    &row.deviation_at,
                    ProblemKind::DeviationMismatch { stated, computed },
                );
            }
            if let Some(d) = deviation
                && d < 0.0
                && (row.cause.is_none() || row.fix.is_none())
            {
                view.behind_without_cause = true;
                report(
                    &row.cause_at,
                    ProblemKind::BehindWithoutCause { deviation: d },
                );
            }
            if view.task.is_none() && !plan.is_empty() {
                view.unknown_task = true;
                report(
                    &row.task_at,
                    ProblemKind::UnknownTask {
                        name: row.task.clone(),
                        suggestion: tasks.suggest(row).map(str::to_string),
                    },
                );
            }
            view
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellRef, Quantity};
    use crate::values::quantity_in_text;

    fn weekly(task: &str, plan: &str, actual: &str, stated: Option<f64>) -> WeeklyRow {
        WeeklyRow {
            team: "A".into(),
            row: CellRef::new("周度跟踪", 3, 0),
            week: None,
            week_start: None,
            task: task.into(),
            plan_text: plan.into(),
            plan: quantity_in_text(plan),
            actual_text: actual.into(),
            actual: quantity_in_text(actual),
            stated_deviation: stated,
            cause: Some("c".into()),
            fix: Some("f".into()),
            owner: Some("o".into()),
            done: None,
            task_at: CellRef::new("周度跟踪", 3, 1),
            deviation_at: CellRef::new("周度跟踪", 3, 4),
            cause_at: CellRef::new("周度跟踪", 3, 5),
        }
    }

    #[test]
    fn seed_rows_give_minus_20_and_minus_33_3_percent() {
        let a = weekly(
            "小红书种草内容发布",
            "发布笔记10篇",
            "发布笔记8篇",
            Some(-0.2),
        );
        let b = weekly("直播主播招募", "确定3名主播", "确定2名主播", Some(-0.33));
        assert!((deviation(&a).unwrap().unwrap() + 0.2).abs() < 1e-12);
        let d = deviation(&b).unwrap().unwrap();
        assert!((d + 1.0 / 3.0).abs() < 1e-12);
        let mut problems = Vec::new();
        let views = analyse(&[a, b], &[], &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!views[1].deviation_mismatch);
    }

    #[test]
    fn wrong_stated_deviation_and_missing_cause_are_warnings() {
        let mut r = weekly("x", "20", "15", Some(-0.10));
        r.cause = None;
        let mut problems = Vec::new();
        let v = analyse(&[r], &[], &mut problems);
        assert_eq!(v[0].deviation, Some(-0.25));
        assert!(v[0].deviation_mismatch && v[0].behind_without_cause);
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn different_units_are_not_compared() {
        let mut r = weekly("x", "10篇", "8条", None);
        r.plan = Some(Quantity {
            value: 10.into(),
            unit: Some("篇".into()),
        });
        assert!(matches!(
            deviation(&r),
            Err(ProblemKind::UnitMismatch { .. })
        ));
    }

    #[test]
    fn campaign_weeks_are_placed_with_the_plans_dates() {
        use crate::compute::status::tests::task;
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let monday = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d);
        let mut rows = vec![
            weekly("a", "1", "1", None),
            weekly("b", "1", "1", None),
            weekly("c", "1", "1", None),
        ];
        rows[0].week = Some("第3周".into());
        rows[1].week = Some("Week 2".into());
        rows[2].week = Some("第七周".into());
        // The plan runs 2026-11-04..2026-12-20: week 1 is the week of Monday 11-02.
        let plan = vec![task("2026-11-04", "2026-12-20", 0.5)];
        let mut problems = Vec::new();
        let mut placed = rows.clone();
        for r in &mut placed {
            r.team = "t".into();
        }
        place_weeks(&mut placed, &plan, as_of, &mut problems);
        assert_eq!(placed[0].week_start, monday(11, 16));
        assert_eq!(placed[1].week_start, monday(11, 9));
        assert_eq!(placed[2].week_start, None);
        assert!(problems.is_empty(), "{problems:?}");
        // Without the plan's dates, 第3周 is a note at its row, not a guess.
        let mut alone = rows[..1].to_vec();
        place_weeks(&mut alone, &[], as_of, &mut problems);
        assert_eq!(alone[0].week_start, None);
        assert_eq!(
            problems.iter().map(|p| &p.kind).collect::<Vec<_>>(),
            vec![&ProblemKind::UnplacedWeek {
                found: "第3周".into()
            }]
        );
    }
}
