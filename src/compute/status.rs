//! Task status on the as-of date: one word per task (done, overdue, at risk, on track, not
//! started, cancelled) and days late. The as-of date is passed in; nothing here reads a clock.
//! The elapsed share and the at-risk window count working days of the [`Calendar`] (dates
//! inclusive: a task occupies its start and due days); days late are calendar days.

use chrono::NaiveDate;

use super::calendar::Calendar;
use crate::model::{PlanRow, TaskStatus, WrittenStatus};

/// A task due within this many working days after as-of, and behind its elapsed share, is
/// at risk.
pub const AT_RISK_DAYS: i64 = 3;

/// A task is done when its status says so, its progress is 100%, or it has a done-on date.
pub fn is_done(task: &PlanRow) -> bool {
    task.status == Some(WrittenStatus::Done)
        || task.progress.is_some_and(|p| p >= 1.0 - 1e-9)
        || task.done_on.is_some()
}

/// Share of the working days of `start..=due` gone by the end of `as_of`, 0..1; None
/// without both dates.
pub fn elapsed_share(task: &PlanRow, as_of: NaiveDate, cal: &Calendar) -> Option<f64> {
    let (start, due) = (task.start?, task.due?);
    let span = cal.working_days(start, due);
    if span <= 0 {
        return Some(if as_of >= due { 1.0 } else { 0.0 });
    }
    let gone = cal.working_days(start, as_of) as f64 / span as f64;
    Some(gone.clamp(0.0, 1.0))
}

/// The task's status on `as_of`.
pub fn judge(task: &PlanRow, as_of: NaiveDate, cal: &Calendar) -> TaskStatus {
    if task.status == Some(WrittenStatus::Cancelled) {
        return TaskStatus::Cancelled;
    }
    if is_done(task) {
        return TaskStatus::Done;
    }
    if task.due.is_some_and(|due| due < as_of) {
        return TaskStatus::Overdue;
    }
    if task.status == Some(WrittenStatus::Delayed) || behind_near_due(task, as_of, cal) {
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

fn behind_near_due(task: &PlanRow, as_of: NaiveDate, cal: &Calendar) -> bool {
    let Some(due) = task.due else { return false };
    // Working days after as-of up to the due day.
    let days_left = cal.shift(as_of, due);
    if due < as_of || !(0..=AT_RISK_DAYS).contains(&days_left) {
        return false;
    }
    match elapsed_share(task, as_of, cal) {
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

    fn judge(t: &PlanRow, as_of: NaiveDate) -> TaskStatus {
        super::judge(t, as_of, &Calendar::cn())
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
            length: None,
            estimate: None,
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
        // 2026-11-10 (Tue)..2026-11-28 (Sat): 14 working days; by the end of 11-26, 13 are
        // gone (92.9%), progress 30%; one working day (11-27) is left.
        let t = task("2026-11-10", "2026-11-28", 0.3);
        let cal = Calendar::cn();
        let share = elapsed_share(&t, d("2026-11-26"), &cal).unwrap();
        assert!((share - 13.0 / 14.0).abs() < 1e-9);
        assert_eq!(judge(&t, d("2026-11-26")), TaskStatus::AtRisk);
        // Three working days before due (11-24: 25, 26, 27 left) it is at risk; four
        // (11-23, a Monday) not yet.
        assert_eq!(judge(&t, d("2026-11-24")), TaskStatus::AtRisk);
        assert_eq!(judge(&t, d("2026-11-23")), TaskStatus::OnTrack);
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
    fn the_at_risk_window_and_elapsed_share_skip_guoqing() {
        // 09-28..10-09 2026: 5 working days (09-28, 29, 30, 10-08, 09; 国庆 between). As of
        // 09-30, 3 of 5 are gone and only 10-08 and 10-09 are left: two working days, so at
        // risk with 40% done.
        let t = task("2026-09-28", "2026-10-09", 0.4);
        let cn = Calendar::cn();
        assert_eq!(elapsed_share(&t, d("2026-09-30"), &cn), Some(0.6));
        assert_eq!(judge(&t, d("2026-09-30")), TaskStatus::AtRisk);
        // Counted Monday to Friday, 10-01..10-09 are 7 working days away: on track.
        let w = Calendar::weekends();
        assert_eq!(super::judge(&t, d("2026-09-30"), &w), TaskStatus::OnTrack);
        assert_eq!(elapsed_share(&t, d("2026-09-30"), &w), Some(0.3));
    }

    #[test]
    fn future_task_with_no_status_is_not_started() {
        let mut t = task("2026-12-01", "2026-12-10", 0.0);
        t.status = None;
        assert_eq!(judge(&t, d("2026-11-26")), TaskStatus::NotStarted);
    }
}
