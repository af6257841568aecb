//! The critical path as planners read it on the Overview: every task the Tasks sheet marks
//! critical (no float), each with the critical tasks it waits for, so the chain that decides
//! each team's end date reads top to bottom; whether the plan has any links at all (without
//! them the "path" is only the tasks due last); and every task forecast to finish after its
//! team's campaign end (the latest due date of its plan).

use chrono::NaiveDate;

use super::schedule::Schedule;
use crate::model::PlanRow;

/// One critical task and the critical tasks it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriticalTask {
    pub task: usize,
    /// Critical predecessors, as plan indices.
    pub after: Vec<usize>,
}

/// A task forecast to finish after its team's campaign end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastEnd {
    pub task: usize,
    pub finish: NaiveDate,
    /// The team's campaign end: its latest due date.
    pub end: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriticalView {
    /// Critical tasks per team (teams in first-seen order), by start, due, then plan order.
    pub tasks: Vec<CriticalTask>,
    /// Some task names a predecessor: without links, the critical tasks are only those due
    /// on the last day.
    pub linked: bool,
    /// Tasks forecast to finish after their team's end, latest first.
    pub past_end: Vec<PastEnd>,
}

pub fn view(plan: &[PlanRow], schedule: &Schedule) -> CriticalView {
    let mut teams: Vec<&str> = Vec::new();
    for t in plan {
        if !teams.contains(&t.team.as_str()) {
            teams.push(&t.team);
        }
    }
    let team_of = |i: usize| teams.iter().position(|t| *t == plan[i].team);
    let critical = |i: usize| schedule.tasks.get(i).is_some_and(|s| s.critical);
    let mut order: Vec<usize> = (0..plan.len()).filter(|&i| critical(i)).collect();
    order.sort_by_key(|&i| (team_of(i), plan[i].start.or(plan[i].due), plan[i].due, i));
    let tasks = order
        .into_iter()
        .map(|i| CriticalTask {
            task: i,
            after: (schedule.tasks[i].predecessors.iter())
                .copied()
                .filter(|&p| critical(p))
                .collect(),
        })
        .collect();
    let end_of = |team: &str| {
        plan.iter()
            .filter(|t| t.team == team)
            .filter_map(|t| t.due)
            .max()
    };
    let mut past_end: Vec<PastEnd> = (0..plan.len())
        .filter_map(|i| {
            let finish = schedule.tasks.get(i)?.forecast_finish?;
            let end = end_of(&plan[i].team)?;
            (finish > end).then_some(PastEnd {
                task: i,
                finish,
                end,
            })
        })
        .collect();
    past_end.sort_by_key(|p| (std::cmp::Reverse(p.finish), p.task));
    CriticalView {
        tasks,
        linked: schedule.tasks.iter().any(|t| !t.predecessors.is_empty()),
        past_end,
    }
}
