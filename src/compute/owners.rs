//! Responsibility to a person (the toolkit's first principle: "everyone responsible = no one
//! responsible"): the plan's tasks rolled up per owner, so a manager can see who carries
//! what is open, overdue or at risk, and whose next deadline comes first.
//!
//! An owner is the owner cell's text as written, per team: a cell naming several people
//! ("张三/李四", already reported) counts as its own owner, so the sheet shows the same
//! names the plan does; a task with no owner is rolled up under `None`.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::TaskView;
use crate::model::{PlanRow, TaskStatus};

/// One owner of one team.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerLoad {
    pub team: String,
    pub owner: Option<String>,
    /// All the owner's tasks, open or not.
    pub tasks: usize,
    /// Neither done nor cancelled.
    pub open: usize,
    /// Indexes into the plan, most days late first.
    pub overdue: Vec<usize>,
    /// Indexes into the plan, in plan order.
    pub at_risk: Vec<usize>,
    /// The earliest due date among open tasks (in the past when one is overdue), and the
    /// task it belongs to.
    pub next_due: Option<(NaiveDate, usize)>,
}

impl OwnerLoad {
    /// Whether the next due date lies before `as_of` (an open task is overdue).
    pub fn next_due_passed(&self, as_of: NaiveDate) -> bool {
        self.next_due.is_some_and(|(d, _)| d < as_of)
    }
}

/// Per owner, in team order; within a team the owners with the most overdue come first,
/// then the most at risk, then the earliest next due date, then plan order.
pub fn rollup(plan: &[PlanRow], tasks: &[TaskView]) -> Vec<OwnerLoad> {
    let mut out: Vec<OwnerLoad> = Vec::new();
    let mut index: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for (i, (t, v)) in plan.iter().zip(tasks).enumerate() {
        let k = match index.get(&(t.team.as_str(), t.owner.as_deref())) {
            Some(&k) => k,
            None => {
                index.insert((&t.team, t.owner.as_deref()), out.len());
                out.push(OwnerLoad {
                    team: t.team.clone(),
                    owner: t.owner.clone(),
                    tasks: 0,
                    open: 0,
                    overdue: Vec::new(),
                    at_risk: Vec::new(),
                    next_due: None,
                });
                out.len() - 1
            }
        };
        let o = &mut out[k];
        o.tasks += 1;
        if matches!(v.status, TaskStatus::Done | TaskStatus::Cancelled) {
            continue;
        }
        o.open += 1;
        match v.status {
            TaskStatus::Overdue => o.overdue.push(i),
            TaskStatus::AtRisk => o.at_risk.push(i),
            _ => {}
        }
        if let Some(due) = t.due
            && o.next_due.is_none_or(|(d, _)| due < d)
        {
            o.next_due = Some((due, i));
        }
    }
    for o in &mut out {
        o.overdue
            .sort_by_key(|&i| std::cmp::Reverse(tasks[i].days_late));
    }
    let mut team_order: HashMap<String, usize> = HashMap::new();
    for t in plan {
        let next = team_order.len();
        team_order.entry(t.team.clone()).or_insert(next);
    }
    // Stable: owners that tie keep their plan order.
    out.sort_by_key(|o| {
        (
            team_order.get(&o.team).copied(),
            std::cmp::Reverse(o.overdue.len()),
            std::cmp::Reverse(o.at_risk.len()),
            o.next_due.map_or(NaiveDate::MAX, |(d, _)| d),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::status;
    use crate::model::CellRef;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn task(name: &str, owner: Option<&str>, due: &str, progress: f64) -> PlanRow {
        PlanRow {
            team: "A".into(),
            row: CellRef::new("Plan", 1, 0),
            id: None,
            goal: "g".into(),
            goal_at: CellRef::new("Plan", 1, 1),
            stage: None,
            stage_at: None,
            name: name.into(),
            owner: owner.map(str::to_string),
            start: Some(d("2026-11-01")),
            due: Some(d(due)),
            done_on: None,
            deliverable: None,
            resources: None,
            budget: None,
            target: None,
            actual: None,
            progress: Some(progress),
            status: None,
            predecessors: vec![],
            support: None,
            length: None,
            estimate: None,
            cells: Default::default(),
        }
    }

    fn views(plan: &[PlanRow], as_of: NaiveDate) -> Vec<TaskView> {
        plan.iter()
            .map(|t| {
                let s = status::judge(t, as_of, &crate::compute::calendar::Calendar::cn());
                TaskView {
                    status: s,
                    days_late: status::days_late(t, s, as_of),
                    elapsed: None,
                }
            })
            .collect()
    }

    #[test]
    fn owners_carry_their_open_overdue_and_next_due() {
        let plan = [
            task("直播主播招募", Some("王主管"), "2026-11-15", 1.0),
            task("抖音直播销售", Some("王主管"), "2026-12-20", 0.8),
            task("门店促销物料设计", Some("刘设计师"), "2026-11-20", 0.6),
            task("门店导购培训", Some("张三/李四"), "2026-11-30", 0.8),
            task("无人认领", None, "2026-12-01", 0.0),
        ];
        let as_of = d("2026-11-26");
        let owners = rollup(&plan, &views(&plan, as_of));
        let names: Vec<Option<&str>> = owners.iter().map(|o| o.owner.as_deref()).collect();
        assert_eq!(
            names,
            [Some("刘设计师"), Some("张三/李四"), None, Some("王主管")]
        );
        let liu = &owners[0];
        assert_eq!(
            (liu.tasks, liu.open, liu.overdue.as_slice()),
            (1, 1, &[2][..])
        );
        assert_eq!(
            liu.next_due,
            Some((d("2026-11-20"), 2)),
            "overdue is the next due"
        );
        let wang = &owners[3];
        assert_eq!((wang.tasks, wang.open), (2, 1));
        assert_eq!(
            wang.next_due,
            Some((d("2026-12-20"), 1)),
            "done tasks are not due"
        );
    }
}
