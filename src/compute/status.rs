//! Task status on the as-of date: one word per task (done, overdue, at risk, on track, not
//! started, cancelled) and days late. The as-of date is passed in; nothing here reads a clock.

use chrono::NaiveDate;

use crate::model::{PlanRow, TaskStatus, WrittenStatus};

/// A task due within this many days after as-of, and behind its elapsed share, is at risk.
pub const AT_RISK_DAYS: i64 = 3;

/// A task is done when its status says so, its progress is 100%, or it has a done-on date.
pub fn is_done(task: &PlanRow) -> bool {
    task.status == Some(WrittenStatus::Done)
        || task.progress.is_some_and(|p| p >= 1.0 - 1e-9)
        || task.done_on.is_some()
}

/// Share of start..due elapsed on `as_of`, 0..1; None without both dates.
pub fn elapsed_share(task: &PlanRow, as_of: NaiveDate) -> Option<f64> {
    let (start, due) = (task.start?, task.due?);
    let span = (due - start).num_days();
    if span <= 0 {
        return Some(if as_of >= due { 1.0 } else { 0.0 });
    }
    let gone = (as_of - start).num_days() as f64 / span as f64;
    Some(gone.clamp(0.0, 1.0))
}

/// The task's status on `as_of`.
pub fn judge(task: &PlanRow, as_of: NaiveDate) -> TaskStatus {
    if task.status == Some(WrittenStatus::Cancelled) {
        return TaskStatus::Cancelled;
    }
    if is_done(task) {
        return TaskStatus::Done;
    }
    if task.due.is_some_and(|due| due < as_of) {
        return TaskStatus::Overdue;
    }
    if task.status == Some(WrittenStatus::Delayed) || behind_near_due(task, as_of) {
        return TaskStatus::AtRisk;
    }
    let not_started = match task.status {
        Some(WrittenStatus::NotStarted) => true,
        Some(_) => false,
        None => task.start.is_some_and(|s| s > as_of) && task.progress.unwrap_or(0.0) == 0.0,
    };
    if not_started {
        TaskStatus::NotStarted
    } else {
        TaskStatus::OnTrack
    }
}

fn behind_near_due(task: &PlanRow, as_of: NaiveDate) -> bool {
    let Some(due) = task.due else { return false };
    let days_left = (due - as_of).num_days();
    if !(0..=AT_RISK_DAYS).contains(&days_left) {
        return false;
    }
    match elapsed_share(task, as_of) {
        Some(elapsed) => task.progress.unwrap_or(0.0) < elapsed,
        None => task.progress.unwrap_or(0.0) < 1.0 && days_left == 0,
    }
}

/// Days late: for an open task past due, as-of minus due; for a task done after its due
/// date, done-on minus due; otherwise 0.
pub fn days_late(task: &PlanRow, status: TaskStatus, as_of: NaiveDate) -> i64 {
    let Some(due) = task.due else { return 0 };
    match status {
        TaskStatus::Overdue => (as_of - due).num_days(),
        TaskStatus::Done => task.done_on.map_or(0, |d| (d - due).num_days().max(0)),
        _ => 0,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::CellRef;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub(crate) fn task(start: &str, due: &str, progress: f64) -> PlanRow {
        PlanRow {
            team: "t".into(),
            row: CellRef::new("Plan", 1, 0),
            id: None,
            goal: "g".into(),
            goal_at: CellRef::new("Plan", 1, 1),
            stage: None,
            stage_at: None,
            name: "x".into(),
            owner: Some("o".into()),
            start: Some(d(start)),
            due: Some(d(due)),
            done_on: None,
            deliverable: None,
            resources: None,
            budget: None,
            target: None,
            actual: None,
            progress: Some(progress),
            status: Some(WrittenStatus::InProgress),
            predecessors: vec![],
            support: None,
            cells: Default::default(),
        }
    }

    #[test]
    fn overdue_is_judged_against_as_of_not_the_clock() {
        let t = task("2026-11-01", "2026-11-20", 0.6);
        assert_eq!(judge(&t, d("2026-11-16")), TaskStatus::OnTrack);
        assert_eq!(judge(&t, d("2026-11-21")), TaskStatus::Overdue);
        assert_eq!(days_late(&t, TaskStatus::Overdue, d("2026-11-26")), 6);
    }

    #[test]
    fn at_risk_when_due_soon_and_behind_elapsed_share() {
        // 2026-11-10..2026-11-28, as of 11-26: 16 of 18 days gone (88.9%), progress 30%.
        let t = task("2026-11-10", "2026-11-28", 0.3);
        assert_eq!(judge(&t, d("2026-11-26")), TaskStatus::AtRisk);
        // Four days before due it is not yet judged at risk.
        assert_eq!(judge(&t, d("2026-11-24")), TaskStatus::OnTrack);
        let ahead = task("2026-11-10", "2026-11-28", 0.95);
        assert_eq!(judge(&ahead, d("2026-11-26")), TaskStatus::OnTrack);
    }

    #[test]
    fn delayed_status_is_at_risk_and_done_wins_over_dates() {
        let mut t = task("2026-11-01", "2026-12-20", 0.1);
        t.status = Some(WrittenStatus::Delayed);
        assert_eq!(judge(&t, d("2026-11-26")), TaskStatus::AtRisk);
        let mut done = task("2026-11-01", "2026-11-10", 1.0);
        done.done_on = Some(d("2026-11-12"));
        assert_eq!(judge(&done, d("2026-11-26")), TaskStatus::Done);
        assert_eq!(days_late(&done, TaskStatus::Done, d("2026-11-26")), 2);
        let mut cancelled = task("2026-11-01", "2026-11-10", 0.0);
        cancelled.status = Some(WrittenStatus::Cancelled);
        assert_eq!(judge(&cancelled, d("2026-11-26")), TaskStatus::Cancelled);
    }

    #[test]
    fn future_task_with_no_status_is_not_started() {
        let mut t = task("2026-12-01", "2026-12-10", 0.0);
        t.status = None;
        assert_eq!(judge(&t, d("2026-11-26")), TaskStatus::NotStarted);
    }
}
