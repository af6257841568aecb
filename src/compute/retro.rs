//! The retrospective (the toolkit's template 3), drafted from the data so the team starts its
//! review from the facts instead of a blank page: each goal's completion as a sentence,
//! stages over and under target, tasks finished late, budget lines over budget, and the
//! largest weekly shortfalls with the causes and fixes written for them. Highlights,
//! shortcomings, improvements and lessons are judgements, so they are left to people.

use rust_decimal::Decimal;

use super::TaskView;
use super::costs::{CostReport, CostStatus};
use super::goals::{GoalNode, NodeLevel, Verdict};
use super::weekly::WeeklyView;
use crate::lang::Lang;
use crate::messages::amount;
use crate::model::TaskStatus;

/// How many weekly shortfalls the retrospective lists.
pub const TOP_DEVIATIONS: usize = 5;

/// What the draft lists, as indexes into the summary's goals, plan, cost lines and weekly
/// rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Retro {
    /// Goal nodes, in plan order.
    pub goals: Vec<usize>,
    /// Stages at or over target, most over first.
    pub stages_over: Vec<usize>,
    /// Stages under target, furthest under first.
    pub stages_under: Vec<usize>,
    /// Plan tasks done after their due date, most days late first.
    pub late: Vec<usize>,
    /// Cost lines over budget, highest share used first.
    pub over_budget: Vec<usize>,
    /// Weekly rows behind plan, most negative deviation first, at most [`TOP_DEVIATIONS`].
    pub shortfalls: Vec<usize>,
}

/// Selects what the draft shows. Ties keep the order the team wrote.
pub fn draft(
    goals: &[GoalNode],
    tasks: &[TaskView],
    costs: &CostReport,
    weekly: &[WeeklyView],
) -> Retro {
    let by = |level| (0..goals.len()).filter(move |&i| goals[i].level == level);
    let completion = |i: usize| goals[i].completion().unwrap_or(0.0);
    let mut stages_over: Vec<usize> = by(NodeLevel::Stage)
        .filter(|&i| matches!(goals[i].verdict(), Some(Verdict::Over | Verdict::Met)))
        .collect();
    stages_over.sort_by(|&a, &b| completion(b).total_cmp(&completion(a)));
    let mut stages_under: Vec<usize> = by(NodeLevel::Stage)
        .filter(|&i| goals[i].verdict() == Some(Verdict::Under))
        .collect();
    stages_under.sort_by(|&a, &b| completion(a).total_cmp(&completion(b)));

    let mut late: Vec<usize> = (0..tasks.len())
        .filter(|&i| tasks[i].status == TaskStatus::Done && tasks[i].days_late > 0)
        .collect();
    late.sort_by_key(|&i| std::cmp::Reverse(tasks[i].days_late));

    let used = |i: usize| costs.lines[i].share_used().unwrap_or(0.0);
    let mut over_budget: Vec<usize> = (0..costs.lines.len())
        .filter(|&i| costs.lines[i].status == CostStatus::Over)
        .collect();
    over_budget.sort_by(|&a, &b| used(b).total_cmp(&used(a)));

    let deviation = |i: usize| weekly[i].deviation.unwrap_or(0.0);
    let mut shortfalls: Vec<usize> = (0..weekly.len())
        .filter(|&i| weekly[i].deviation.is_some_and(|d| d < 0.0))
        .collect();
    shortfalls.sort_by(|&a, &b| deviation(a).total_cmp(&deviation(b)));
    shortfalls.truncate(TOP_DEVIATIONS);

    Retro {
        goals: by(NodeLevel::Goal).collect(),
        stages_over,
        stages_under,
        late,
        over_budget,
        shortfalls,
    }
}

/// A goal's completion as the retrospective says it: "新品首月销售额500万：实际393万，完成率
/// 78.6%" or "Q4 launch revenue $2M: actual 1,308,000, 65.4% of target".
pub fn goal_sentence(g: &GoalNode, lang: Lang) -> String {
    let unit = g.unit.as_deref().unwrap_or("");
    let Some(actual) = g.actual else {
        return match lang {
            Lang::Zh => format!("{}：尚无实际值", g.name),
            Lang::En => format!("{}: no actual yet", g.name),
        };
    };
    let actual = match lang {
        Lang::Zh => format!("{}{unit}", in_wan(actual)),
        Lang::En if unit.is_empty() => amount(actual),
        Lang::En => format!("{} {unit}", amount(actual)),
    };
    match (g.completion(), lang) {
        (Some(c), Lang::Zh) => format!("{}：实际{actual}，完成率{}", g.name, percent(c)),
        (Some(c), Lang::En) => format!("{}: actual {actual}, {} of target", g.name, percent(c)),
        (None, Lang::Zh) => format!("{}：实际{actual}（未设目标值）", g.name),
        (None, Lang::En) => format!("{}: actual {actual} (no target)", g.name),
    }
}

/// A share in a sentence: one decimal, none when it is zero (0.786 -> "78.6%", 1.12 ->
/// "112%").
fn percent(share: f64) -> String {
    let s = format!("{:.1}", share * 100.0);
    format!("{}%", s.strip_suffix(".0").unwrap_or(&s))
}

/// An amount the way Chinese text writes it: 3930000 -> "393万", 560000000 -> "5.6亿",
/// below 10,000 as it is.
fn in_wan(d: Decimal) -> String {
    let (wan, yi) = (Decimal::from(10_000), Decimal::from(100_000_000));
    if d.abs() >= yi {
        format!("{}亿", amount(d / yi))
    } else if d.abs() >= wan {
        format!("{}万", amount(d / wan))
    } else {
        amount(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(name: &str, target: i64, actual: Option<i64>) -> GoalNode {
        GoalNode {
            team: "A".into(),
            level: NodeLevel::Goal,
            name: name.into(),
            target: Some(Decimal::from(target)),
            actual: actual.map(Decimal::from),
            unit: None,
            gap: None,
            task: None,
        }
    }

    #[test]
    fn goal_sentences_read_like_the_seed() {
        let g = goal("新品首月销售额500万", 5_000_000, Some(3_930_000));
        assert_eq!(
            goal_sentence(&g, Lang::Zh),
            "新品首月销售额500万：实际393万，完成率78.6%"
        );
        let g = goal("总销售额500万", 5_000_000, Some(5_600_000));
        assert_eq!(
            goal_sentence(&g, Lang::Zh),
            "总销售额500万：实际560万，完成率112%"
        );
        let g = goal("Q4 launch revenue $2M", 2_000_000, Some(1_308_000));
        assert_eq!(
            goal_sentence(&g, Lang::En),
            "Q4 launch revenue $2M: actual 1,308,000, 65.4% of target"
        );
        let g = goal("x", 1, None);
        assert_eq!(goal_sentence(&g, Lang::Zh), "x：尚无实际值");
        assert_eq!(in_wan(Decimal::from(1_234_567)), "123.46万");
        assert_eq!(in_wan(Decimal::from(560_000_000)), "5.6亿");
        assert_eq!(in_wan(Decimal::from(9_999)), "9,999");
    }

    #[test]
    fn shortfalls_are_the_most_negative_deviations_at_most_five() {
        let view = |d: Option<f64>| WeeklyView {
            deviation: d,
            task: None,
            behind_without_cause: false,
            deviation_mismatch: false,
            unknown_task: false,
        };
        let weekly: Vec<WeeklyView> = [-0.2, -0.25, 0.1, -0.5, -0.25, -0.1, -0.05, -0.3]
            .into_iter()
            .map(|d| view(Some(d)))
            .chain([view(None)])
            .collect();
        let r = draft(&[], &[], &CostReport::default(), &weekly);
        assert_eq!(r.shortfalls, [3, 7, 1, 4, 0]);
    }
}
