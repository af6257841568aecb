//! The goal -> stage -> task tree: targets from the text of goal and stage cells
//! ("线上渠道300万"), actuals rolled up (stage = sum of its tasks, goal = sum of its stages),
//! completion = actual / target, and the decomposition gap where the parts' targets do not
//! add up to the whole's.

use rust_decimal::Decimal;

use crate::model::{CellRef, PlanRow, Problem, ProblemKind, Quantity, Severity};
use crate::values::target_in_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeLevel {
    Goal,
    Stage,
    Task,
}

/// One row of the Goals sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalNode {
    pub team: String,
    pub level: NodeLevel,
    pub name: String,
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    pub unit: Option<String>,
    /// Target minus the sum of the children's targets, where the children have targets
    /// and it is not zero.
    pub gap: Option<Decimal>,
    /// Index into the plan rows, for task nodes.
    pub task: Option<usize>,
}

/// A stage against its target, compared exactly (never a float equal to 1.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Over,
    Met,
    Under,
}

impl GoalNode {
    /// Actual minus target (the Retrospective's "差额"; not [`GoalNode::gap`]).
    pub fn actual_minus_target(&self) -> Option<Decimal> {
        Some(self.actual? - self.target?)
    }

    /// Over, met or under target; None without both figures (or with a zero target).
    pub fn verdict(&self) -> Option<Verdict> {
        let (a, t) = (self.actual?, self.target?);
        if t.is_zero() {
            return None;
        }
        Some(match a.cmp(&t) {
            std::cmp::Ordering::Greater => Verdict::Over,
            std::cmp::Ordering::Equal => Verdict::Met,
            std::cmp::Ordering::Less => Verdict::Under,
        })
    }

    pub fn completion(&self) -> Option<f64> {
        super::share(self.actual?, self.target?)
    }
}

/// Builds the tree in plan order, flattened depth-first (goal, its stages, their tasks).
pub fn rollup(plan: &[PlanRow], problems: &mut Vec<Problem>) -> Vec<GoalNode> {
    // Group rows by (team, goal) then stage, keeping first-seen order.
    type Stages = Vec<(Option<String>, Vec<usize>)>;
    let mut goals: Vec<(String, String, CellRef, Stages)> = Vec::new();
    for (i, row) in plan.iter().enumerate() {
        let g = match goals
            .iter()
            .position(|(t, g, _, _)| *t == row.team && *g == row.goal)
        {
            Some(g) => g,
            None => {
                goals.push((
                    row.team.clone(),
                    row.goal.clone(),
                    row.row.clone(),
                    Vec::new(),
                ));
                goals.len() - 1
            }
        };
        let stages = &mut goals[g].3;
        match stages.iter_mut().find(|(s, _)| *s == row.stage) {
            Some((_, tasks)) => tasks.push(i),
            None => stages.push((row.stage.clone(), vec![i])),
        }
    }

    let mut out = Vec::new();
    for (team, goal, at, stages) in goals {
        let goal_q = target_in_text(&goal);
        let goal_at = out.len();
        out.push(node(&team, NodeLevel::Goal, &goal, goal_q.as_ref(), None));
        let mut stage_nodes = Vec::new();
        for (stage, tasks) in stages {
            let task_nodes: Vec<GoalNode> = tasks
                .iter()
                .map(|&i| {
                    let t = &plan[i];
                    let mut n = node(&team, NodeLevel::Task, &t.name, t.target.as_ref(), Some(i));
                    n.actual = t.actual.as_ref().map(|q| q.value);
                    if n.unit.is_none() {
                        n.unit = t.actual.as_ref().and_then(|q| q.unit.clone());
                    }
                    n
                })
                .collect();
            match stage {
                Some(name) => {
                    let q = target_in_text(&name);
                    let mut s = node(&team, NodeLevel::Stage, &name, q.as_ref(), None);
                    let at = plan[tasks[0]]
                        .stage_at
                        .clone()
                        .unwrap_or_else(|| plan[tasks[0]].row.clone());
                    close(&mut s, &task_nodes, &at, problems);
                    stage_nodes.push(s.clone());
                    out.push(s);
                }
                None => stage_nodes.extend(task_nodes.iter().cloned()),
            }
            out.extend(task_nodes);
        }
        let mut g = out[goal_at].clone();
        close(&mut g, &stage_nodes, &at, problems);
        out[goal_at] = g;
    }
    out
}

fn node(
    team: &str,
    level: NodeLevel,
    name: &str,
    target: Option<&Quantity>,
    task: Option<usize>,
) -> GoalNode {
    GoalNode {
        team: team.to_string(),
        level,
        name: name.to_string(),
        target: target.map(|q| q.value),
        actual: None,
        unit: target.and_then(|q| q.unit.clone()),
        gap: None,
        task,
    }
}

/// Sets a parent's actual from its children (those in the parent's unit) and its gap.
fn close(parent: &mut GoalNode, children: &[GoalNode], at: &CellRef, problems: &mut Vec<Problem>) {
    let same_unit: Vec<&GoalNode> = children.iter().filter(|c| c.unit == parent.unit).collect();
    let actuals: Vec<Decimal> = same_unit.iter().filter_map(|c| c.actual).collect();
    if !actuals.is_empty() {
        parent.actual = Some(actuals.iter().copied().sum());
    }
    let targets: Vec<Decimal> = same_unit.iter().filter_map(|c| c.target).collect();
    if let (Some(target), false) = (parent.target, targets.is_empty()) {
        let children_sum: Decimal = targets.iter().copied().sum();
        if children_sum != target {
            parent.gap = Some(target - children_sum);
            problems.push(Problem {
                team: parent.team.clone(),
                at: at.clone(),
                severity: Severity::Warning,
                kind: ProblemKind::DecompositionGap {
                    parent: parent.name.clone(),
                    target,
                    children: children_sum,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quantity;

    #[test]
    fn a_stage_is_met_when_actual_equals_target_exactly() {
        let node = |target: &str, actual: &str| GoalNode {
            team: "A".into(),
            level: NodeLevel::Stage,
            name: "s".into(),
            target: target.parse().ok(),
            actual: actual.parse().ok(),
            unit: None,
            gap: None,
            task: None,
        };
        // 0.3 of 0.1 + 0.2: a float ratio would miss "met".
        assert_eq!(node("0.3", "0.30").verdict(), Some(Verdict::Met));
        assert_eq!(node("3", "3.01").verdict(), Some(Verdict::Over));
        assert_eq!(node("3", "2.99").verdict(), Some(Verdict::Under));
        assert_eq!(node("0", "1").verdict(), None);
        assert_eq!(node("3", "2.5").actual_minus_target(), "-0.5".parse().ok());
    }

    fn row(goal: &str, stage: Option<&str>, name: &str, target: i64, actual: i64) -> PlanRow {
        PlanRow {
            team: "A".into(),
            row: CellRef::new("Plan", 1, 0),
            id: None,
            goal: goal.into(),
            goal_at: CellRef::new("Plan", 1, 1),
            stage: stage.map(str::to_string),
            stage_at: None,
            name: name.into(),
            owner: None,
            start: None,
            due: None,
            done_on: None,
            deliverable: None,
            resources: None,
            budget: None,
            target: Some(Quantity {
                value: Decimal::from(target),
                unit: None,
            }),
            actual: Some(Quantity {
                value: Decimal::from(actual),
                unit: None,
            }),
            progress: None,
            status: None,
            predecessors: vec![],
            support: None,
            length: None,
            estimate: None,
            cells: Default::default(),
        }
    }

    #[test]
    fn seed_tree_rolls_up_and_shows_a_gap() {
        let g = "新品首月销售额500万";
        let plan = vec![
            row(g, Some("线上渠道300万"), "抖音直播", 1_500_000, 1_200_000),
            row(g, Some("线上渠道300万"), "小红书种草", 500_000, 450_000),
            row(g, Some("线上渠道300万"), "电商平台", 1_000_000, 880_000),
            row(g, Some("线下渠道200万"), "门店促销", 1_500_000, 1_100_000),
            row(g, Some("线下渠道200万"), "地推", 300_000, 300_000),
        ];
        let mut problems = Vec::new();
        let tree = rollup(&plan, &mut problems);
        let goal = &tree[0];
        assert_eq!(goal.target, Some(Decimal::from(5_000_000)));
        assert_eq!(goal.actual, Some(Decimal::from(3_930_000)));
        assert!((goal.completion().unwrap() - 0.786).abs() < 1e-12);
        assert_eq!(goal.gap, None);
        let online = &tree[1];
        assert_eq!(online.actual, Some(Decimal::from(2_530_000)));
        assert_eq!(online.gap, None);
        let offline = tree.iter().find(|n| n.name == "线下渠道200万").unwrap();
        assert_eq!(offline.actual, Some(Decimal::from(1_400_000)));
        assert_eq!(offline.gap, Some(Decimal::from(200_000)));
        assert_eq!(problems.len(), 1);
        assert_eq!(tree.len(), 8);
    }
}
