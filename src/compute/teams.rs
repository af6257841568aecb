//! The per-team table a manager reads when several teams report at once: goal completion,
//! tasks overdue and at risk, budget used and data problems per team, and a total row where
//! the figures can honestly be added (the same currency, the same kind of goal).

use rust_decimal::Decimal;

use super::Summary;
use super::costs::CostTotals;
use super::goals::NodeLevel;
use super::share;
use crate::model::{Severity, TaskStatus};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TeamRow {
    pub team: String,
    /// Sum of the team's goal targets and actuals (goals without a unit: amounts).
    pub goal_target: Option<Decimal>,
    pub goal_actual: Option<Decimal>,
    pub tasks: usize,
    pub overdue: usize,
    pub at_risk: usize,
    /// The team's cost totals (see [`CostTotals`] for what each includes).
    pub costs: CostTotals,
    pub errors: usize,
    pub warnings: usize,
}

impl TeamRow {
    pub fn completion(&self) -> Option<f64> {
        share(self.goal_actual?, self.goal_target?)
    }
}

/// One row per team, in input order.
pub fn per_team(s: &Summary) -> Vec<TeamRow> {
    s.data
        .teams
        .iter()
        .map(|team| {
            let goals: Vec<_> = s
                .goals
                .iter()
                .filter(|g| g.level == NodeLevel::Goal && &g.team == team && g.unit.is_none())
                .collect();
            let sum = |f: fn(&super::goals::GoalNode) -> Option<Decimal>| {
                let v: Vec<Decimal> = goals.iter().filter_map(|g| f(g)).collect();
                (!v.is_empty()).then(|| v.into_iter().sum())
            };
            let statuses = s
                .data
                .plan
                .iter()
                .zip(&s.tasks)
                .filter(|(t, _)| &t.team == team)
                .map(|(_, v)| v.status);
            let (mut tasks, mut overdue, mut at_risk) = (0, 0, 0);
            for st in statuses {
                tasks += 1;
                overdue += usize::from(st == TaskStatus::Overdue);
                at_risk += usize::from(st == TaskStatus::AtRisk);
            }
            let costs = (s.costs.teams.iter())
                .find(|t| &t.team == team)
                .map(|t| t.totals.clone())
                .unwrap_or_default();
            let problems = s.problems.iter().filter(|p| &p.team == team);
            let (mut errors, mut warnings) = (0, 0);
            for p in problems {
                errors += usize::from(p.severity == Severity::Error);
                warnings += usize::from(p.severity == Severity::Warning);
            }
            TeamRow {
                team: team.clone(),
                goal_target: sum(|g| g.target),
                goal_actual: sum(|g| g.actual),
                tasks,
                overdue,
                at_risk,
                costs,
                errors,
                warnings,
            }
        })
        .collect()
}

/// The total over teams. Amounts (goals and budget) are added only when every team uses the
/// same currency; counts always are.
pub fn total(rows: &[TeamRow], same_currency: bool) -> TeamRow {
    let add = |f: fn(&TeamRow) -> Option<Decimal>| -> Option<Decimal> {
        if !same_currency {
            return None;
        }
        rows.iter().map(f).sum()
    };
    TeamRow {
        team: String::new(),
        goal_target: add(|r| r.goal_target),
        goal_actual: add(|r| r.goal_actual),
        tasks: rows.iter().map(|r| r.tasks).sum(),
        overdue: rows.iter().map(|r| r.overdue).sum(),
        at_risk: rows.iter().map(|r| r.at_risk).sum(),
        costs: if same_currency {
            rows.iter().fold(CostTotals::default(), |mut t, r| {
                t.merge(&r.costs);
                t
            })
        } else {
            CostTotals::default()
        },
        errors: rows.iter().map(|r| r.errors).sum(),
        warnings: rows.iter().map(|r| r.warnings).sum(),
    }
}
