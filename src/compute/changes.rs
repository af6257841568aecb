//! What changed since last week: this week's [`Snapshot`] against the one last week's
//! summary carried. Tasks are matched by team and id (or name where there is no id), budget
//! lines by team and category, goals by team and name. The baseline rides along: each
//! week's snapshot carries the baseline it was given ([`carry_baseline`]), so a campaign's
//! first dates survive any number of weekly runs until `--rebaseline`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::goals::NodeLevel;
use super::{Baseline, Summary};
use crate::model::{CostSnap, GoalSnap, Snapshot, TaskSnap, TaskStatus};
use crate::values::fold;

/// This week's snapshot, as the summary workbook carries it.
pub fn snapshot(s: &Summary) -> Snapshot {
    let tasks = s
        .data
        .plan
        .iter()
        .zip(&s.tasks)
        .enumerate()
        .map(|(i, (t, v))| TaskSnap {
            team: t.team.clone(),
            key: t.id.clone().unwrap_or_else(|| t.name.clone()),
            name: t.name.clone(),
            status: v.status,
            due: t.due,
            progress: t.progress,
            owner: t.owner.clone(),
            baseline_start: s.baseline.tasks.get(i).and_then(|b| b.0),
            baseline_due: s.baseline.tasks.get(i).and_then(|b| b.1),
        })
        .collect();
    let costs = s
        .costs
        .lines
        .iter()
        .map(|l| CostSnap {
            team: l.team.clone(),
            category: l.category.clone(),
            budget: l.budget,
            spent: l.spent,
        })
        .collect();
    let goals = s
        .goals
        .iter()
        .filter(|g| g.level != NodeLevel::Task)
        .map(|g| GoalSnap {
            team: g.team.clone(),
            name: g.name.clone(),
            target: g.target,
            actual: g.actual,
        })
        .collect();
    Snapshot {
        as_of: Some(s.settings.as_of),
        baseline_set: s.baseline.set_on,
        tasks,
        costs,
        goals,
    }
}

/// A task whose status changed (`before` is None for a new task).
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub team: String,
    pub name: String,
    pub before: Option<TaskStatus>,
    pub after: Option<TaskStatus>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DueMove {
    pub team: String,
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DueMove {
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days()
    }
}

/// A task whose due date is not its baseline's.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineSlip {
    pub team: String,
    pub name: String,
    pub baseline: NaiveDate,
    pub due: NaiveDate,
    /// Working days later than the baseline (negative: earlier).
    pub working_days: i64,
}

/// The baseline carried on from last week's summary: each task keeps the one it had; a task
/// new since then starts from this week's dates. A summary written before baselines were
/// kept gives its due dates (its start dates unknown: this week's).
pub fn carry_baseline(before: &Snapshot, s: &Summary) -> Baseline {
    let tasks = s
        .data
        .plan
        .iter()
        .map(|t| {
            let key = (t.team.clone(), fold(t.id.as_deref().unwrap_or(&t.name)));
            match before.tasks.iter().find(|p| task_key(p) == key) {
                Some(p) if p.baseline_due.is_some() => (p.baseline_start, p.baseline_due),
                Some(p) if p.due.is_some() => (t.start, p.due),
                _ => (t.start, t.due),
            }
        })
        .collect();
    Baseline {
        set_on: before.baseline_set.or(before.as_of),
        tasks,
    }
}

/// Tasks due on another day than their baseline, latest slip first.
pub fn baseline_slips(s: &Summary) -> Vec<BaselineSlip> {
    let mut v: Vec<BaselineSlip> = (0..s.data.plan.len())
        .filter_map(|i| {
            let t = &s.data.plan[i];
            let (baseline, due) = (s.baseline_due(i)?, t.due?);
            (baseline != due).then(|| BaselineSlip {
                team: t.team.clone(),
                name: t.name.clone(),
                baseline,
                due,
                working_days: s.calendar.shift(baseline, due),
            })
        })
        .collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.working_days));
    v
}

#[derive(Debug, Clone, PartialEq)]
pub struct Burn {
    pub team: String,
    pub category: String,
    pub budget: Option<Decimal>,
    pub before: Decimal,
    pub now: Decimal,
}

impl Burn {
    /// Spent since the previous summary.
    pub fn this_week(&self) -> Decimal {
        self.now - self.before
    }

    pub fn used_before(&self) -> Option<f64> {
        super::share(self.before, self.budget?)
    }

    pub fn used_now(&self) -> Option<f64> {
        super::share(self.now, self.budget?)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalChange {
    pub team: String,
    pub name: String,
    pub target: Option<Decimal>,
    pub before: Option<Decimal>,
    pub now: Option<Decimal>,
}

impl GoalChange {
    /// Actual added since the previous summary.
    pub fn added(&self) -> Option<Decimal> {
        Some(self.now? - self.before.unwrap_or_default())
    }

    pub fn completion_before(&self) -> Option<f64> {
        super::share(self.before?, self.target?)
    }

    pub fn completion_now(&self) -> Option<f64> {
        super::share(self.now?, self.target?)
    }
}

/// Days between two summaries that still count as "last week's" (a run a day or two early
/// or late); outside them the Changes sheet says how old the previous summary is.
pub const ABOUT_A_WEEK: std::ops::RangeInclusive<i64> = 5..=9;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub previous_as_of: Option<NaiveDate>,
    /// Days from the previous summary's as-of date to this one's.
    pub days_since_previous: Option<i64>,
    pub newly_overdue: Vec<StatusChange>,
    pub no_longer_overdue: Vec<StatusChange>,
    pub finished: Vec<StatusChange>,
    /// Every status change, the ones above included.
    pub status_changes: Vec<StatusChange>,
    pub new_tasks: Vec<StatusChange>,
    pub removed_tasks: Vec<StatusChange>,
    pub due_moves: Vec<DueMove>,
    /// When the baseline was set, and the tasks due on another day than it says.
    pub baseline_set: Option<NaiveDate>,
    pub baseline_slips: Vec<BaselineSlip>,
    pub burn: Vec<Burn>,
    pub goals: Vec<GoalChange>,
}

fn task_key(t: &TaskSnap) -> (String, String) {
    (t.team.clone(), fold(&t.key))
}

impl Changes {
    /// True when the previous summary is about a week old (see [`ABOUT_A_WEEK`]).
    pub fn about_a_week(&self) -> bool {
        self.days_since_previous
            .is_none_or(|d| ABOUT_A_WEEK.contains(&d))
    }
}

/// Compares last week's snapshot with this week's.
pub fn compare(before: &Snapshot, now: &Snapshot) -> Changes {
    let mut c = Changes {
        previous_as_of: before.as_of,
        days_since_previous: before.as_of.zip(now.as_of).map(|(b, n)| (n - b).num_days()),
        ..Changes::default()
    };
    for t in &now.tasks {
        let prev = before.tasks.iter().find(|p| task_key(p) == task_key(t));
        let change = StatusChange {
            team: t.team.clone(),
            name: t.name.clone(),
            before: prev.map(|p| p.status),
            after: Some(t.status),
        };
        let Some(p) = prev else {
            c.new_tasks.push(change);
            continue;
        };
        if let (Some(from), Some(to)) = (p.due, t.due)
            && from != to
        {
            c.due_moves.push(DueMove {
                team: t.team.clone(),
                name: t.name.clone(),
                from,
                to,
            });
        }
        if p.status == t.status {
            continue;
        }
        if t.status == TaskStatus::Overdue {
            c.newly_overdue.push(change.clone());
        }
        if p.status == TaskStatus::Overdue {
            c.no_longer_overdue.push(change.clone());
        }
        if t.status == TaskStatus::Done {
            c.finished.push(change.clone());
        }
        c.status_changes.push(change);
    }
    for p in &before.tasks {
        if !now.tasks.iter().any(|t| task_key(t) == task_key(p)) {
            c.removed_tasks.push(StatusChange {
                team: p.team.clone(),
                name: p.name.clone(),
                before: Some(p.status),
                after: None,
            });
        }
    }
    for l in &now.costs {
        let prev = before
            .costs
            .iter()
            .find(|p| p.team == l.team && fold(&p.category) == fold(&l.category));
        c.burn.push(Burn {
            team: l.team.clone(),
            category: l.category.clone(),
            budget: l.budget,
            before: prev.map_or(Decimal::ZERO, |p| p.spent),
            now: l.spent,
        });
    }
    for g in &now.goals {
        let prev = before
            .goals
            .iter()
            .find(|p| p.team == g.team && p.name == g.name);
        c.goals.push(GoalChange {
            team: g.team.clone(),
            name: g.name.clone(),
            target: g.target,
            before: prev.and_then(|p| p.actual),
            now: g.actual,
        });
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn task(key: &str, status: TaskStatus, due: &str) -> TaskSnap {
        TaskSnap {
            team: "A".into(),
            key: key.into(),
            name: format!("task {key}"),
            status,
            due: Some(d(due)),
            progress: None,
            owner: None,
            baseline_start: None,
            baseline_due: None,
        }
    }

    #[test]
    fn a_week_of_changes_is_sorted_into_its_kinds() {
        use TaskStatus::*;
        let before = Snapshot {
            as_of: Some(d("2026-11-19")),
            baseline_set: None,
            tasks: vec![
                task("1", OnTrack, "2026-11-20"),
                task("2", Overdue, "2026-11-10"),
                task("3", OnTrack, "2026-12-01"),
                task("4", AtRisk, "2026-11-21"),
                task("gone", OnTrack, "2026-12-01"),
            ],
            costs: vec![CostSnap {
                team: "A".into(),
                category: "直播".into(),
                budget: Some(Decimal::from(100)),
                spent: Decimal::from(40),
            }],
            goals: vec![],
        };
        let now = Snapshot {
            as_of: Some(d("2026-11-26")),
            baseline_set: None,
            tasks: vec![
                task("1", Overdue, "2026-11-20"),
                task("2", Done, "2026-11-10"),
                task("3", OnTrack, "2026-12-08"),
                task("4", Done, "2026-11-21"),
                task("new", NotStarted, "2026-12-10"),
            ],
            costs: vec![CostSnap {
                team: "A".into(),
                category: "直播".into(),
                budget: Some(Decimal::from(100)),
                spent: Decimal::from(85),
            }],
            goals: vec![],
        };
        let c = compare(&before, &now);
        let names = |v: &[StatusChange]| v.iter().map(|x| x.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&c.newly_overdue), ["task 1"]);
        assert_eq!(names(&c.no_longer_overdue), ["task 2"]);
        assert_eq!(names(&c.finished), ["task 2", "task 4"]);
        assert_eq!(c.status_changes.len(), 3);
        assert_eq!(names(&c.new_tasks), ["task new"]);
        assert_eq!(names(&c.removed_tasks), ["task gone"]);
        assert_eq!(c.due_moves.len(), 1);
        assert_eq!(c.due_moves[0].days(), 7);
        assert_eq!(c.burn[0].now - c.burn[0].before, Decimal::from(45));
    }
}
