//! The brief a manager reads in ten seconds: is each goal ahead of or behind the share of its
//! time that has passed, what it needs per remaining day, one status word for the campaign
//! and why, what changed since last week, which risks and budget lines need attention by
//! name, what is overdue or due in the next seven days and by whom, and what the team asked
//! for. Every judgement is made here once; the Overview sheet and the PNG brief only lay it
//! out, so the two can never disagree.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::Summary;
use super::costs::CostStatus;
use super::goals::NodeLevel;
use super::risks;
use crate::lang::Lang;
use crate::model::{Level, TaskStatus};

/// Completion within this many points of the elapsed share is on pace.
pub const PACE_TOLERANCE: f64 = 0.05;
/// Behind by more than this many points makes the campaign off track.
pub const FAR_BEHIND: f64 = 0.15;
/// Open milestones shown on the compact Gantt, the soonest first.
pub const MILESTONES: usize = 5;
/// The look-ahead of the "due soon" list, in days after the as-of date.
pub const DUE_SOON_DAYS: u64 = 7;

/// Where a goal stands against its clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Target reached.
    Reached,
    Ahead,
    OnPace,
    Behind,
    /// No target, no actual or no dates: nothing to compare.
    Unknown,
}

impl Pace {
    pub fn word(self, l: Lang) -> &'static str {
        match self {
            Pace::Reached => l.pick("已达成", "Reached"),
            Pace::Ahead => l.pick("领先", "Ahead"),
            Pace::OnPace => l.pick("持平", "On pace"),
            Pace::Behind => l.pick("落后", "Behind"),
            Pace::Unknown => l.pick("无法判断", "Unknown"),
        }
    }
}

/// One goal against the share of its time elapsed.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalPace {
    pub team: String,
    pub name: String,
    pub unit: Option<String>,
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    pub completion: Option<f64>,
    /// The goal's time: its tasks' earliest start (or due) to their latest due date.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Share of start..end passed on the as-of date, 0..1.
    pub elapsed: Option<f64>,
    /// Completion minus elapsed, in points (0.1 = ten points ahead).
    pub lead: Option<f64>,
    pub pace: Pace,
    /// Days after the as-of date up to and including the end.
    pub days_left: Option<i64>,
    /// What is still to do, per remaining day, in the goal's unit.
    pub per_day: Option<Decimal>,
}

/// The campaign in one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    OnTrack,
    Watch,
    OffTrack,
}

impl Verdict {
    pub fn word(self, l: Lang) -> &'static str {
        match self {
            Verdict::OnTrack => l.pick("正常", "On track"),
            Verdict::Watch => l.pick("需关注", "Watch"),
            Verdict::OffTrack => l.pick("落后", "Off track"),
        }
    }
}

/// Why the verdict is what it is: the first of these that holds, most serious first.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    GoalBehind {
        name: String,
        completion: f64,
        elapsed: f64,
    },
    OverBudget {
        category: String,
        share: Option<f64>,
    },
    Overdue {
        count: usize,
        worst: String,
        days: i64,
    },
    BudgetWarning {
        category: String,
        share: Option<f64>,
    },
    HighRisk {
        risk: String,
    },
    AllOnPace,
}

impl Reason {
    pub fn sentence(&self, l: Lang) -> String {
        let pct = |x: f64| format!("{:.1}%", x * 100.0);
        let opt = |x: &Option<f64>| x.map(pct).unwrap_or_else(|| "?".into());
        match (self, l) {
            (
                Reason::GoalBehind {
                    name,
                    completion,
                    elapsed,
                },
                Lang::Zh,
            ) => format!(
                "{name} 完成 {}，时间已过 {}",
                pct(*completion),
                pct(*elapsed)
            ),
            (
                Reason::GoalBehind {
                    name,
                    completion,
                    elapsed,
                },
                Lang::En,
            ) => format!(
                "{name} is {} done with {} of its time gone",
                pct(*completion),
                pct(*elapsed)
            ),
            (Reason::OverBudget { category, share }, Lang::Zh) => {
                format!("{category} 超支，已用预算 {}", opt(share))
            }
            (Reason::OverBudget { category, share }, Lang::En) => {
                format!("{category} is over budget at {}", opt(share))
            }
            (Reason::Overdue { count, worst, days }, Lang::Zh) => {
                format!("{count} 项任务逾期，最久的 {worst} 逾期 {days} 天")
            }
            (Reason::Overdue { count, worst, days }, Lang::En) => format!(
                "{count} task{} overdue, {worst} by {days} day{}",
                if *count == 1 { "" } else { "s" },
                if *days == 1 { "" } else { "s" }
            ),
            (Reason::BudgetWarning { category, share }, Lang::Zh) => {
                format!("{category} 预算已用 {}，接近上限", opt(share))
            }
            (Reason::BudgetWarning { category, share }, Lang::En) => {
                format!("{category} has used {} of its budget", opt(share))
            }
            (Reason::HighRisk { risk }, Lang::Zh) => format!("高风险未关闭：{risk}"),
            (Reason::HighRisk { risk }, Lang::En) => format!("open high risk: {risk}"),
            (Reason::AllOnPace, Lang::Zh) => "各目标进度不低于时间进度，无逾期任务".into(),
            (Reason::AllOnPace, Lang::En) => {
                "every goal keeps pace with its time and nothing is overdue".into()
            }
        }
    }
}

/// An open task, overdue or due soon.
#[derive(Debug, Clone, PartialEq)]
pub struct DueTask {
    /// Index into the plan.
    pub task: usize,
    pub team: String,
    pub name: String,
    pub owner: Option<String>,
    pub due: NaiveDate,
    /// Days late (overdue) or days until due (due soon).
    pub days: i64,
    pub progress: Option<f64>,
    pub status: TaskStatus,
}

/// A budget line's use, for lines with a budget or spending without one.
#[derive(Debug, Clone, PartialEq)]
pub struct LineUse {
    pub team: String,
    pub category: String,
    pub budget: Option<Decimal>,
    pub spent: Decimal,
    /// Budget minus spent (see `CostLine::remaining`).
    pub remaining: Option<Decimal>,
    pub share: Option<f64>,
    pub status: CostStatus,
}

/// An open risk a manager must see.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskLine {
    pub team: String,
    pub risk: String,
    pub owner: Option<String>,
    pub both_high: bool,
}

/// A request from the plan's "needs support" column.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub task: usize,
    pub team: String,
    pub name: String,
    pub owner: Option<String>,
    pub need: String,
    pub due: Option<NaiveDate>,
}

/// Last week against this one, in a few names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Moves {
    pub previous_as_of: Option<NaiveDate>,
    pub newly_overdue: Vec<String>,
    pub finished: Vec<String>,
    /// Due dates moved: task and days (later is positive).
    pub due_moves: Vec<(String, i64)>,
    /// Goals whose completion moved: name, before, now.
    pub goals: Vec<(String, Option<f64>, Option<f64>)>,
    pub new_tasks: usize,
    pub removed_tasks: usize,
}

/// A bar of the compact Gantt: one per stage (or goal where there are no stages).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Tasks done / all tasks of the bar, cancelled ones left out.
    pub done: usize,
    pub tasks: usize,
    pub overdue: usize,
    /// A zero-length task: shown as a diamond.
    pub milestone: bool,
}

/// Everything the ten-second brief says.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub as_of: NaiveDate,
    pub verdict: Verdict,
    pub reason: Reason,
    pub goals: Vec<GoalPace>,
    pub lines: Vec<LineUse>,
    pub overdue: Vec<DueTask>,
    pub due_soon: Vec<DueTask>,
    pub risks: Vec<RiskLine>,
    pub needs: Vec<Need>,
    pub moves: Option<Moves>,
    pub bars: Vec<Bar>,
    /// The campaign's first and last dates (the compact Gantt's span).
    pub span: Option<(NaiveDate, NaiveDate)>,
    pub tasks: usize,
    pub done: usize,
}

impl Brief {
    /// Lines over budget or past the warning share, over first.
    pub fn flagged_lines(&self) -> impl Iterator<Item = &LineUse> {
        let over = self.lines.iter().filter(|l| l.status == CostStatus::Over);
        let warn = self
            .lines
            .iter()
            .filter(|l| l.status == CostStatus::Warning);
        over.chain(warn)
    }

    /// The headline: the verdict word and its reason.
    pub fn headline(&self, l: Lang) -> String {
        let sep = l.pick("：", ": ");
        format!("{}{sep}{}", self.verdict.word(l), self.reason.sentence(l))
    }
}

/// Builds the brief from a computed summary.
pub fn brief(s: &Summary) -> Brief {
    let as_of = s.settings.as_of;
    let goals = goal_paces(s);
    let overdue: Vec<DueTask> = s.overdue().into_iter().map(|i| due_task(s, i)).collect();
    let horizon = as_of + Days::new(DUE_SOON_DAYS);
    let mut due_soon: Vec<DueTask> = (0..s.tasks.len())
        .filter(|&i| {
            let open = !matches!(
                s.tasks[i].status,
                TaskStatus::Done | TaskStatus::Cancelled | TaskStatus::Overdue
            );
            open && s.data.plan[i]
                .due
                .is_some_and(|d| d >= as_of && d <= horizon)
        })
        .map(|i| due_task(s, i))
        .collect();
    due_soon.sort_by(|a, b| (a.due, &a.team, &a.name).cmp(&(b.due, &b.team, &b.name)));
    let lines: Vec<LineUse> = s
        .costs
        .lines
        .iter()
        .filter(|l| l.budget.is_some() || !l.spent.is_zero())
        .map(|l| LineUse {
            team: l.team.clone(),
            category: l.category.clone(),
            budget: l.budget,
            spent: l.spent,
            remaining: l.remaining(),
            share: l.share_used(),
            status: l.status,
        })
        .collect();
    let risks: Vec<RiskLine> = s
        .key_risks
        .iter()
        .map(|&i| {
            let r = &s.data.risks[i];
            RiskLine {
                team: r.team.clone(),
                risk: r.risk.clone(),
                owner: r.owner.clone(),
                both_high: r.likelihood == Some(Level::High) && r.impact == Some(Level::High),
            }
        })
        .collect();
    debug_assert!(
        s.key_risks
            .iter()
            .all(|&i| risks::is_open(&s.data.risks[i]))
    );
    let mut needs: Vec<Need> = (0..s.tasks.len())
        .filter(|&i| !matches!(s.tasks[i].status, TaskStatus::Done | TaskStatus::Cancelled))
        .filter_map(|i| {
            let t = &s.data.plan[i];
            let need = t.support.as_ref()?.trim();
            (!need.is_empty()).then(|| Need {
                task: i,
                team: t.team.clone(),
                name: t.name.clone(),
                owner: t.owner.clone(),
                need: need.to_string(),
                due: t.due,
            })
        })
        .collect();
    needs.sort_by_key(|n| (n.due.is_none(), n.due));
    let mut b = Brief {
        as_of,
        verdict: Verdict::OnTrack,
        reason: Reason::AllOnPace,
        goals,
        lines,
        overdue,
        due_soon,
        risks,
        needs,
        moves: s.changes.as_ref().map(moves),
        bars: bars(s),
        span: span(s),
        tasks: s
            .tasks
            .iter()
            .filter(|t| t.status != TaskStatus::Cancelled)
            .count(),
        done: s.count(TaskStatus::Done),
    };
    (b.verdict, b.reason) = verdict(&b);
    b
}

/// The most serious condition that holds decides the word.
fn verdict(b: &Brief) -> (Verdict, Reason) {
    let behind = b
        .goals
        .iter()
        .filter(|g| g.pace == Pace::Behind)
        .min_by(|x, y| x.lead.unwrap_or(0.0).total_cmp(&y.lead.unwrap_or(0.0)));
    let goal_reason = |g: &GoalPace| Reason::GoalBehind {
        name: g.name.clone(),
        completion: g.completion.unwrap_or(0.0),
        elapsed: g.elapsed.unwrap_or(0.0),
    };
    if let Some(g) = behind.filter(|g| g.lead.is_some_and(|x| x < -FAR_BEHIND)) {
        return (Verdict::OffTrack, goal_reason(g));
    }
    let line = |status| b.lines.iter().find(|l| l.status == status);
    if let Some(l) = line(CostStatus::Over) {
        let reason = Reason::OverBudget {
            category: l.category.clone(),
            share: l.share,
        };
        return (Verdict::OffTrack, reason);
    }
    if let Some(g) = behind {
        return (Verdict::Watch, goal_reason(g));
    }
    if let Some(t) = b.overdue.first() {
        let reason = Reason::Overdue {
            count: b.overdue.len(),
            worst: t.name.clone(),
            days: t.days,
        };
        return (Verdict::Watch, reason);
    }
    if let Some(l) = line(CostStatus::Warning) {
        let reason = Reason::BudgetWarning {
            category: l.category.clone(),
            share: l.share,
        };
        return (Verdict::Watch, reason);
    }
    if let Some(r) = b.risks.iter().find(|r| r.both_high) {
        let reason = Reason::HighRisk {
            risk: r.risk.clone(),
        };
        return (Verdict::Watch, reason);
    }
    (Verdict::OnTrack, Reason::AllOnPace)
}

fn due_task(s: &Summary, i: usize) -> DueTask {
    let t = &s.data.plan[i];
    let v = &s.tasks[i];
    let due = t.due.unwrap_or(s.settings.as_of);
    DueTask {
        task: i,
        team: t.team.clone(),
        name: t.name.clone(),
        owner: t.owner.clone(),
        due,
        days: if v.status == TaskStatus::Overdue {
            v.days_late
        } else {
            (due - s.settings.as_of).num_days()
        },
        progress: t.progress,
        status: v.status,
    }
}

/// Share of `start..=end` passed on `as_of` (a day counts once it is over), 0..1.
pub fn elapsed(start: NaiveDate, end: NaiveDate, as_of: NaiveDate) -> f64 {
    let total = (end - start).num_days() + 1;
    let gone = (as_of - start).num_days() + 1;
    (gone as f64 / total.max(1) as f64).clamp(0.0, 1.0)
}

fn goal_paces(s: &Summary) -> Vec<GoalPace> {
    let as_of = s.settings.as_of;
    s.goals
        .iter()
        .filter(|g| g.level == NodeLevel::Goal)
        .map(|g| {
            let tasks = s
                .data
                .plan
                .iter()
                .filter(|t| t.team == g.team && t.goal == g.name);
            let mut start: Option<NaiveDate> = None;
            let mut end: Option<NaiveDate> = None;
            for t in tasks {
                if let Some(d) = t.start.or(t.due) {
                    start = Some(start.map_or(d, |s| s.min(d)));
                }
                if let Some(d) = t.due {
                    end = Some(end.map_or(d, |e| e.max(d)));
                }
            }
            let completion = g.completion();
            let elapsed = match (start, end) {
                (Some(a), Some(b)) if a <= b => Some(elapsed(a, b, as_of)),
                _ => None,
            };
            let lead = completion.zip(elapsed).map(|(c, e)| c - e);
            let pace = match (completion, lead) {
                (Some(c), _) if c >= 1.0 - 1e-9 => Pace::Reached,
                (_, Some(x)) if x > PACE_TOLERANCE => Pace::Ahead,
                (_, Some(x)) if x < -PACE_TOLERANCE => Pace::Behind,
                (_, Some(_)) => Pace::OnPace,
                _ => Pace::Unknown,
            };
            let days_left = end.map(|e| (e - as_of).num_days().max(0));
            let per_day = match (g.target, g.actual, days_left) {
                (Some(t), Some(a), Some(d)) if d > 0 && a < t => {
                    Some(((t - a) / Decimal::from(d)).round_dp(2))
                }
                _ => None,
            };
            GoalPace {
                team: g.team.clone(),
                name: g.name.clone(),
                unit: g.unit.clone(),
                target: g.target,
                actual: g.actual,
                completion,
                start,
                end,
                elapsed,
                lead,
                pace,
                days_left,
                per_day,
            }
        })
        .collect()
}

fn moves(c: &super::changes::Changes) -> Moves {
    let completion = |a: Option<Decimal>, t: Option<Decimal>| super::share(a?, t?);
    Moves {
        previous_as_of: c.previous_as_of,
        newly_overdue: c.newly_overdue.iter().map(|x| x.name.clone()).collect(),
        finished: c.finished.iter().map(|x| x.name.clone()).collect(),
        due_moves: c
            .due_moves
            .iter()
            .map(|m| (m.name.clone(), m.days()))
            .collect(),
        goals: c
            .goals
            .iter()
            .filter(|g| g.before != g.now)
            .map(|g| {
                let before = completion(g.before, g.target);
                let now = completion(g.now, g.target);
                (g.name.clone(), before, now)
            })
            .collect(),
        new_tasks: c.new_tasks.len(),
        removed_tasks: c.removed_tasks.len(),
    }
}

fn span(s: &Summary) -> Option<(NaiveDate, NaiveDate)> {
    let starts = s.data.plan.iter().filter_map(|t| t.start.or(t.due));
    let ends = s.data.plan.iter().filter_map(|t| t.due.or(t.start));
    Some((starts.min()?, ends.max()?))
}

/// One bar per (team, goal, stage) in plan order, each followed by its milestones (tasks that
/// start and end on the same day).
fn bars(s: &Summary) -> Vec<Bar> {
    let mut out: Vec<(String, String, Option<String>, Bar)> = Vec::new();
    for (i, t) in s.data.plan.iter().enumerate() {
        let status = s.tasks[i].status;
        if status == TaskStatus::Cancelled {
            continue;
        }
        let (Some(a), Some(b)) = (t.start.or(t.due), t.due.or(t.start)) else {
            continue;
        };
        let (a, b) = (a.min(b), a.max(b));
        let key = (t.team.clone(), t.goal.clone(), t.stage.clone());
        let found = out
            .iter_mut()
            .find(|(team, goal, stage, _)| (team, goal, stage) == (&key.0, &key.1, &key.2));
        let bar = match found {
            Some((_, _, _, bar)) => bar,
            None => {
                let label = t.stage.clone().unwrap_or_else(|| t.goal.clone());
                out.push((
                    key.0,
                    key.1,
                    key.2,
                    Bar {
                        label,
                        start: a,
                        end: b,
                        done: 0,
                        tasks: 0,
                        overdue: 0,
                        milestone: false,
                    },
                ));
                &mut out.last_mut().expect("just pushed").3
            }
        };
        bar.start = bar.start.min(a);
        bar.end = bar.end.max(b);
        bar.tasks += 1;
        bar.done += usize::from(status == TaskStatus::Done);
        bar.overdue += usize::from(status == TaskStatus::Overdue);
    }
    // Milestones: zero-length tasks still open, drawn on their own line after their stage;
    // the next few only, so a plan of many one-day tasks keeps a compact chart.
    let mut open_milestones: Vec<(NaiveDate, usize)> = (0..s.data.plan.len())
        .filter(|&i| {
            let t = &s.data.plan[i];
            let open = !matches!(s.tasks[i].status, TaskStatus::Done | TaskStatus::Cancelled);
            open && t.start.is_some_and(|a| Some(a) == t.due)
        })
        .filter_map(|i| Some((s.data.plan[i].due?, i)))
        .collect();
    open_milestones.sort();
    open_milestones.truncate(MILESTONES);
    let mut bars: Vec<Bar> = Vec::new();
    for (team, goal, stage, bar) in out {
        bars.push(bar);
        for (i, t) in s.data.plan.iter().enumerate() {
            let same = t.team == team && t.goal == goal && t.stage == stage;
            if same && open_milestones.iter().any(|&(_, k)| k == i) {
                let d = t.due.unwrap_or(s.settings.as_of);
                bars.push(Bar {
                    label: t.name.clone(),
                    start: d,
                    end: d,
                    done: usize::from(s.tasks[i].status == TaskStatus::Done),
                    tasks: 1,
                    overdue: usize::from(s.tasks[i].status == TaskStatus::Overdue),
                    milestone: true,
                });
            }
        }
    }
    bars
}

/// A quantity the way a reader says it: 3,930,000 as "393万" or "3.93M".
pub fn compact(v: Decimal, l: Lang) -> String {
    let x = v.to_f64().unwrap_or(0.0);
    let a = x.abs();
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    match l {
        Lang::Zh if a >= 1e8 => format!("{}亿", trim(format!("{:.2}", x / 1e8))),
        Lang::Zh if a >= 1e4 => format!("{}万", trim(format!("{:.2}", x / 1e4))),
        Lang::En if a >= 1e6 => format!("{}M", trim(format!("{:.2}", x / 1e6))),
        Lang::En if a >= 1e3 => format!("{}k", trim(format!("{:.1}", x / 1e3))),
        _ => trim(format!("{x:.2}")),
    }
}

#[cfg(test)]
mod tests;
