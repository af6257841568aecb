//! Cost against budget per budget line: spent (refunds subtract), remaining, share used, the
//! status the toolkit asks for (warn at 80%, over above 100%), the forecast at completion,
//! unbudgeted spending as its own lines, spending by month, and totals per team and overall.
//! Sums are exact decimals, whatever the row count.
//!
//! Expenses are added one at a time ([`CostBook::add`]) so a million-row ledger can be
//! aggregated as it streams past, without being held in memory: the book keeps one
//! accumulator per budget line (and one per line and month), never the rows. Budgets are
//! registered before the expenses (the reader delivers a workbook's cost sheets last), so each
//! expense is booked to its line as it passes and [`CostBook::add`] can say which one.
//!
//! Where the budget comes from, per team:
//! - the Budget sheet's lines, matched to expenses by category name (case, width, spaces and
//!   traditional characters ignored);
//! - failing any Budget sheet line for the team, the plan: "预算10万" in a task's resources is
//!   that task's budget, rolled up to its stage. The budget line is the stage (or the task,
//!   where it has no stage); an expense is booked to it when its category names the line, or
//!   else when its task column names (by name or id) any task under that stage.
//!
//! Spending that matches no budgeted line is its own unbudgeted line, one per category.
//!
//! A task's Estimated Cost (预计费用) is the team's own estimate at completion. It goes to the
//! line the task's Actual Cost would be booked to (by the same routing as an expense naming
//! the task), and is shown beside plantrack's forecast, never mixed into it: the forecast
//! has one definition, [`forecast`].

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::{
    BudgetLine, CellRef, Expense, ExpenseGroup, PlanRow, Problem, ProblemKind, Severity,
};
use crate::values::{did_you_mean, fold};

pub use super::share;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CostStatus {
    Ok,
    Warning,
    Over,
    Unbudgeted,
}

impl CostStatus {
    pub fn word(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            CostStatus::Ok => lang.pick("正常", "OK"),
            CostStatus::Warning => lang.pick("预警", "Warning"),
            CostStatus::Over => lang.pick("超支", "Over"),
            CostStatus::Unbudgeted => lang.pick("无预算", "Unbudgeted"),
        }
    }
}

/// Where a line's budget was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BudgetSource {
    /// The Budget sheet.
    Sheet,
    /// "预算10万" in the plan's resources column.
    Plan,
    /// No budget: unbudgeted spending.
    None,
}

/// The campaign period a forecast extrapolates over, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// A period, or None when it ends before it starts.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Period> {
        (start <= end).then_some(Period { start, end })
    }

    /// Days in the period, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Days gone by the end of `as_of`, clamped to the period: 0 before it starts, all of
    /// them after it ends.
    pub fn elapsed_days(&self, as_of: NaiveDate) -> i64 {
        if as_of < self.start {
            return 0;
        }
        (as_of.min(self.end) - self.start).num_days() + 1
    }

    /// Share of the period gone by the end of `as_of`, 0..=1.
    pub fn elapsed_share(&self, as_of: NaiveDate) -> Decimal {
        Decimal::from(self.elapsed_days(as_of)) / Decimal::from(self.days())
    }
}

/// Share of the campaign period from which a forecast follows the run rate (spent ÷ time
/// elapsed). Before it, a front-loaded deposit or a first big order would extrapolate to a
/// wild overrun, so a budgeted line is forecast at its budget (spent + the remaining
/// budget), or at what it has spent if that is more; an unbudgeted line at what it has spent.
pub const RUN_RATE_FROM: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// How a line's forecast at completion was made (the sheet writes it as its formula).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastMethod {
    /// Early in the period: the larger of spent and budget (spent + remaining budget).
    Budget,
    /// Early in the period, no budget: what has been spent.
    Spent,
    /// Spent ÷ the share of the period gone.
    RunRate,
}

/// Spending at completion and how it was made: before [`RUN_RATE_FROM`] of the period has
/// gone, the budget (or what was spent, when more or when there is no budget); from then on
/// the run rate, spent / elapsed share of the period (after the period, what was spent).
/// None before the period starts.
pub fn forecast(
    spent: Decimal,
    budget: Option<Decimal>,
    period: &Period,
    as_of: NaiveDate,
) -> Option<(Decimal, ForecastMethod)> {
    let elapsed = period.elapsed_days(as_of);
    if elapsed <= 0 {
        return None;
    }
    if period.elapsed_share(as_of) < RUN_RATE_FROM {
        return Some(match budget {
            Some(b) => (b.max(spent), ForecastMethod::Budget),
            None => (spent, ForecastMethod::Spent),
        });
    }
    let f = spent * Decimal::from(period.days()) / Decimal::from(elapsed);
    Some((f, ForecastMethod::RunRate))
}

/// One budget line (or one unbudgeted category) of one team.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    /// The line's number: fixed when the line is first seen, so ledger rows written while
    /// the expenses stream can name it (the workbook's formulas select ledger rows by it).
    pub key: u32,
    pub team: String,
    /// The line's name: the budget's category, the plan stage, or the expense category.
    pub category: String,
    pub budget: Option<Decimal>,
    pub source: BudgetSource,
    /// Where the budget was written (the Budget sheet row, or the plan rows with a budget).
    pub budget_at: Vec<CellRef>,
    /// Net spending: expenses minus refunds.
    pub spent: Decimal,
    /// Refunds (negative amounts), as a positive figure.
    pub refunds: Decimal,
    pub expenses: usize,
    pub status: CostStatus,
    /// Share of the team's campaign period gone on the as-of date.
    pub elapsed: Option<Decimal>,
    /// Spending at completion (see [`forecast`]).
    pub forecast: Option<Decimal>,
    /// The team's own estimate at completion: the Estimated Cost of the tasks booked to the
    /// line, as written (None: no task of the line has one).
    pub estimate: Option<Decimal>,
    /// How the forecast was made.
    pub method: Option<ForecastMethod>,
    /// Net spending per month (keyed by the month's first day).
    pub months: BTreeMap<NaiveDate, Decimal>,
    /// Net spending of expenses without a date.
    pub undated: Decimal,
}

impl CostLine {
    pub fn remaining(&self) -> Option<Decimal> {
        self.budget.map(|b| b - self.spent)
    }

    pub fn share_used(&self) -> Option<f64> {
        share(self.spent, self.budget?)
    }

    /// Budget minus forecast: negative when the line is heading over.
    pub fn variance(&self) -> Option<Decimal> {
        Some(self.budget? - self.forecast?)
    }
}

/// Totals over lines. The one definition of every total the summary, the `costs` workbook,
/// CSV and JSON show: unbudgeted spending is counted in `spent` (all money that went out) and
/// shown as `unbudgeted`, and left OUT of remaining, share used, forecast and variance, which
/// are about the budgeted lines only, so that share used + remaining share = 100% and
/// variance = budget - forecast on the totals row as on every line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostTotals {
    pub budget: Decimal,
    /// All net spending, unbudgeted spending included.
    pub spent: Decimal,
    /// Spending on lines without a budget (part of `spent`).
    pub unbudgeted: Decimal,
    pub refunds: Decimal,
    pub expenses: usize,
    /// Budgeted lines counted, and those of them with a forecast.
    budgeted_lines: usize,
    forecasts: usize,
    forecast_sum: Decimal,
    /// Lines with the team's estimate, and the sum of their estimates.
    estimates: usize,
    estimate_sum: Decimal,
}

impl CostTotals {
    /// Spending on budgeted lines: `spent` less the unbudgeted spending.
    pub fn budgeted_spent(&self) -> Decimal {
        self.spent - self.unbudgeted
    }

    /// Budget minus spending on budgeted lines: the sum of the lines' remaining amounts.
    pub fn remaining(&self) -> Decimal {
        self.budget - self.budgeted_spent()
    }

    /// Spending on budgeted lines over the budget.
    pub fn share_used(&self) -> Option<f64> {
        share(self.budgeted_spent(), self.budget)
    }

    /// Sum of the budgeted lines' forecasts; None when there is no budgeted line or one of
    /// them has no forecast (its team's period is unknown).
    pub fn forecast(&self) -> Option<Decimal> {
        (self.budgeted_lines > 0 && self.forecasts == self.budgeted_lines)
            .then_some(self.forecast_sum)
    }

    /// Budget minus the budgeted lines' forecast: negative when heading over.
    pub fn variance(&self) -> Option<Decimal> {
        Some(self.budget - self.forecast()?)
    }

    /// The team's own estimates at completion, summed over every line with one (budgeted
    /// or not: it is what the team wrote down, not a figure plantrack computes); None when
    /// no line has one.
    pub fn estimate(&self) -> Option<Decimal> {
        (self.estimates > 0).then_some(self.estimate_sum)
    }

    fn add(&mut self, l: &CostLine) {
        if let Some(e) = l.estimate {
            self.estimates += 1;
            self.estimate_sum += e;
        }
        self.refunds += l.refunds;
        self.expenses += l.expenses;
        self.spent += l.spent;
        match l.budget {
            None => self.unbudgeted += l.spent,
            Some(b) => {
                self.budget += b;
                self.budgeted_lines += 1;
                if let Some(f) = l.forecast {
                    self.forecasts += 1;
                    self.forecast_sum += f;
                }
            }
        }
    }

    /// Adds another set of totals (a team's to the overall ones).
    pub fn merge(&mut self, o: &CostTotals) {
        self.budget += o.budget;
        self.spent += o.spent;
        self.unbudgeted += o.unbudgeted;
        self.refunds += o.refunds;
        self.expenses += o.expenses;
        self.budgeted_lines += o.budgeted_lines;
        self.forecasts += o.forecasts;
        self.forecast_sum += o.forecast_sum;
        self.estimates += o.estimates;
        self.estimate_sum += o.estimate_sum;
    }
}

/// One team's lines (a run of [`CostReport::lines`]) and totals.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamCosts {
    pub team: String,
    pub period: Option<Period>,
    pub elapsed: Option<Decimal>,
    /// The team's lines are `lines[first..first + count]`.
    pub first: usize,
    pub count: usize,
    pub totals: CostTotals,
}

/// How the report judges and extrapolates.
#[derive(Debug, Clone)]
pub struct CostSettings {
    pub as_of: NaiveDate,
    /// Share of a budget from which a line is a warning (0.8).
    pub warn_at: Decimal,
    /// The campaign period for every team; None: each team's plan, earliest start to
    /// latest due.
    pub period: Option<Period>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostReport {
    /// Grouped by team (in the order teams were first seen); within a team the budgeted
    /// lines in the order written, then the unbudgeted ones as first spent on.
    pub lines: Vec<CostLine>,
    pub teams: Vec<TeamCosts>,
    pub totals: CostTotals,
    /// Every month with spending, in order (first days).
    pub months: Vec<NaiveDate>,
    /// Whether some expense has no date.
    pub undated: bool,
}

impl CostReport {
    /// Net spending in month `m` (its first day) over every line: the By month sheet's
    /// column total.
    pub fn month_total(&self, m: NaiveDate) -> Decimal {
        (self.lines.iter()).filter_map(|l| l.months.get(&m)).sum()
    }

    /// Net spending of the expenses without a date, over every line.
    pub fn undated_total(&self) -> Decimal {
        self.lines.iter().map(|l| l.undated).sum()
    }
}

/// Spending per budget line as expenses stream in.
#[derive(Debug, Default)]
pub struct CostBook {
    lines: Vec<Line>,
    /// (team, folded line name) -> index into `lines`.
    index: HashMap<(String, String), usize>,
    /// Plan mode: (team, folded task name or id) -> the line of the task's stage.
    tasks: HashMap<(String, String), usize>,
    teams: Vec<Team>,
    /// The tasks' Estimated Cost: (team, category, task, amount), booked to their lines
    /// when the book is finished (the plan budget lines exist by then).
    estimates: Vec<(String, String, String, Decimal)>,
}

impl Line {
    /// Adds `count` expenses netting `spent` (of which `refunds` were refunded) of `month`
    /// (None: undated); `at` is the first one's row.
    fn book(
        &mut self,
        spent: Decimal,
        refunds: Decimal,
        count: usize,
        month: Option<NaiveDate>,
        at: &CellRef,
    ) {
        self.spent += spent;
        self.refunds += refunds;
        self.count += count;
        match month {
            Some(m) => *self.months.entry(m).or_default() += spent,
            None => {
                self.undated += spent;
                self.undated_count += count;
            }
        }
        if self.first_at.is_none() {
            self.first_at = Some(at.clone());
        }
    }
}

#[derive(Debug)]
struct Line {
    team: String,
    category: String,
    budget: Option<Decimal>,
    source: BudgetSource,
    budget_at: Vec<CellRef>,
    spent: Decimal,
    refunds: Decimal,
    count: usize,
    months: BTreeMap<NaiveDate, Decimal>,
    undated: Decimal,
    undated_count: usize,
    estimate: Option<Decimal>,
    /// The first expense row, where an unbudgeted line is reported.
    first_at: Option<CellRef>,
}

#[derive(Debug, Default)]
struct Team {
    name: String,
    /// The team has Budget sheet lines: the plan's budgets are not used.
    sheet_budget: bool,
    /// Plan lines have been made (or found unnecessary); set at the team's first expense.
    settled: bool,
    stages: Vec<Stage>,
    earliest_start: Option<NaiveDate>,
    earliest_due: Option<NaiveDate>,
    latest_due: Option<NaiveDate>,
}

/// A plan stage (or a task without a stage) with the budgets of its tasks.
#[derive(Debug)]
struct Stage {
    name: String,
    folded: String,
    budget: Option<Decimal>,
    budget_at: Vec<CellRef>,
    /// Folded names and ids of the tasks under it.
    tasks: Vec<String>,
}

impl CostBook {
    fn team(&mut self, name: &str) -> usize {
        match self.teams.iter().position(|t| t.name == name) {
            Some(i) => i,
            None => {
                self.teams.push(Team {
                    name: name.to_string(),
                    ..Team::default()
                });
                self.teams.len() - 1
            }
        }
    }

    fn new_line(&mut self, team: &str, category: &str, folded: String) -> usize {
        self.lines.push(Line {
            team: team.to_string(),
            category: category.to_string(),
            budget: None,
            source: BudgetSource::None,
            budget_at: Vec::new(),
            spent: Decimal::ZERO,
            refunds: Decimal::ZERO,
            count: 0,
            months: BTreeMap::new(),
            undated: Decimal::ZERO,
            undated_count: 0,
            estimate: None,
            first_at: None,
        });
        let i = self.lines.len() - 1;
        self.index.insert((team.to_string(), folded), i);
        i
    }

    /// Registers a Budget sheet line. The same line written twice: the budgets add up.
    pub fn budget(&mut self, b: &BudgetLine) {
        let t = self.team(&b.team);
        self.teams[t].sheet_budget = true;
        let folded = fold(&b.category);
        let i = match self.index.get(&(b.team.clone(), folded.clone())) {
            Some(&i) => i,
            None => self.new_line(&b.team, &b.category, folded),
        };
        let line = &mut self.lines[i];
        line.budget = Some(line.budget.unwrap_or_default() + b.budget);
        line.source = BudgetSource::Sheet;
        line.budget_at.push(b.row.clone());
    }

    /// Registers a plan task: its dates give the campaign period, its budget (if any) goes
    /// to its stage.
    pub fn plan(&mut self, p: &PlanRow) {
        self.dates(&p.team, p.start, p.due);
        let t = self.team(&p.team);
        let team = &mut self.teams[t];
        let name = p.stage.as_deref().unwrap_or(&p.name);
        let folded = fold(name);
        let s = match team.stages.iter().position(|s| s.folded == folded) {
            Some(s) => s,
            None => {
                team.stages.push(Stage {
                    name: name.to_string(),
                    folded,
                    budget: None,
                    budget_at: Vec::new(),
                    tasks: Vec::new(),
                });
                team.stages.len() - 1
            }
        };
        if let Some(e) = p.estimate {
            // The category and task the row's Actual Cost is booked under (read::tables).
            self.estimates
                .push((p.team.clone(), name.to_string(), p.name.clone(), e));
        }
        let team = &mut self.teams[t];
        let stage = &mut team.stages[s];
        stage.tasks.push(fold(&p.name));
        if let Some(id) = &p.id {
            stage.tasks.push(fold(id));
        }
        if let Some(b) = p.budget {
            stage.budget = Some(stage.budget.unwrap_or_default() + b);
            stage.budget_at.push(p.row.clone());
        }
    }

    /// Registers a task's dates in its team's campaign period (earliest start to latest
    /// due): [`CostBook::plan`] does for every task; a caller that learns a due date later
    /// (one counted in working days once the calendar is known) registers it here.
    pub fn dates(&mut self, team: &str, start: Option<NaiveDate>, due: Option<NaiveDate>) {
        let t = self.team(team);
        let team = &mut self.teams[t];
        let min = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        team.earliest_start = min(team.earliest_start, start);
        team.earliest_due = min(team.earliest_due, due);
        team.latest_due = match (team.latest_due, due) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
    }

    /// Makes a team's plan budget lines, unless it has Budget sheet lines.
    fn settle(&mut self, t: usize) {
        if self.teams[t].settled {
            return;
        }
        self.teams[t].settled = true;
        if self.teams[t].sheet_budget {
            return;
        }
        let team = self.teams[t].name.clone();
        let stages = std::mem::take(&mut self.teams[t].stages);
        for s in &stages {
            let Some(budget) = s.budget else { continue };
            let i = match self.index.get(&(team.clone(), s.folded.clone())) {
                Some(&i) => i,
                None => self.new_line(&team, &s.name, s.folded.clone()),
            };
            let line = &mut self.lines[i];
            line.budget = Some(line.budget.unwrap_or_default() + budget);
            line.source = BudgetSource::Plan;
            line.budget_at.extend(s.budget_at.iter().cloned());
            for task in &s.tasks {
                self.tasks.entry((team.clone(), task.clone())).or_insert(i);
            }
        }
        self.teams[t].stages = stages;
    }

    /// Books an expense to its line; returns that line's key and name.
    pub fn add(&mut self, e: &Expense) -> (u32, &str) {
        let i = self.line_for(&e.team, &e.category, e.task.as_deref());
        let line = &mut self.lines[i];
        line.book(e.amount, e.refund(), 1, e.month(), &e.row);
        (i as u32 + 1, &line.category)
    }

    /// Books a group of expenses (see [`ExpenseTally`]) to its line, as if one by one.
    pub fn add_group(&mut self, g: &ExpenseGroup) {
        let i = self.line_for(&g.team, &g.category, g.task.as_deref());
        self.lines[i].book(g.spent, g.refunds, g.count, g.month, &g.first_at);
    }

    /// The line an expense of this team, category and task belongs to (made when new).
    fn line_for(&mut self, team: &str, category: &str, task: Option<&str>) -> usize {
        let t = self.team(team);
        self.settle(t);
        let by_category = self.index.get(&(team.to_string(), fold(category))).copied();
        match by_category {
            Some(i) if self.lines[i].budget.is_some() => i,
            _ => {
                let by_task =
                    task.and_then(|task| self.tasks.get(&(team.to_string(), fold(task))).copied());
                match (by_task, by_category) {
                    (Some(i), _) | (None, Some(i)) => i,
                    (None, None) => self.new_line(team, category, fold(category)),
                }
            }
        }
    }

    /// Judges every line on the as-of date. Unbudgeted spending is reported as a problem
    /// at its first expense row.
    pub fn finish(mut self, settings: &CostSettings, problems: &mut Vec<Problem>) -> CostReport {
        for t in 0..self.teams.len() {
            self.settle(t);
        }
        for (team, category, task, e) in std::mem::take(&mut self.estimates) {
            let i = self.line_for(&team, &category, Some(&task));
            let line = &mut self.lines[i];
            line.estimate = Some(line.estimate.unwrap_or_default() + e);
        }
        let mut report = CostReport::default();
        let mut months = std::collections::BTreeSet::new();
        let mut lines: Vec<CostLine> = Vec::with_capacity(self.lines.len());
        let budgeted: Vec<(String, String)> = (self.lines.iter())
            .filter(|l| l.budget.is_some())
            .map(|l| (l.team.clone(), l.category.clone()))
            .collect();
        // A team with no budget at all gets one note (at its first spending line), not a
        // warning per line.
        let has_budget = |team: &str| budgeted.iter().any(|(t, _)| t == team);
        let mut no_budget: Vec<(&str, &CellRef, usize)> = Vec::new();
        for l in self.lines.iter().filter(|l| !has_budget(&l.team)) {
            let Some(at) = &l.first_at else { continue };
            match no_budget.iter_mut().find(|(team, ..)| *team == l.team) {
                Some((.., lines)) => *lines += 1,
                None => no_budget.push((&l.team, at, 1)),
            }
        }
        for (team, at, lines) in no_budget {
            problems.push(Problem {
                team: team.to_string(),
                at: at.clone(),
                severity: Severity::Info,
                kind: ProblemKind::NoBudget { lines },
            });
        }
        for (i, l) in self.lines.into_iter().enumerate() {
            if l.budget.is_none()
                && has_budget(&l.team)
                && let Some(at) = &l.first_at
            {
                problems.push(Problem {
                    team: l.team.clone(),
                    at: at.clone(),
                    severity: Severity::Warning,
                    kind: ProblemKind::Unbudgeted {
                        category: l.category.clone(),
                        suggestion: did_you_mean(
                            &l.category,
                            (budgeted.iter())
                                .filter(|(team, _)| *team == l.team)
                                .map(|(_, c)| c.as_str()),
                        )
                        .map(str::to_string),
                    },
                });
            }
            months.extend(l.months.keys().copied());
            report.undated |= l.undated_count > 0;
            lines.push(CostLine {
                key: i as u32 + 1,
                status: status(l.budget, l.spent, settings.warn_at),
                team: l.team,
                category: l.category,
                budget: l.budget,
                source: l.source,
                budget_at: l.budget_at,
                spent: l.spent,
                refunds: l.refunds,
                expenses: l.count,
                elapsed: None,
                forecast: None,
                method: None,
                estimate: l.estimate,
                months: l.months,
                undated: l.undated,
            });
        }
        // Group by team, budgeted lines first; a stable sort keeps the written order.
        let order = |team: &str| self.teams.iter().position(|t| t.name == team);
        lines.sort_by_key(|l| (order(&l.team), l.budget.is_none()));
        for team in &self.teams {
            let period = settings.period.or_else(|| {
                let start = team.earliest_start.or(team.earliest_due)?;
                Period::new(start, team.latest_due?)
            });
            let elapsed = period.map(|p| p.elapsed_share(settings.as_of));
            let first = lines.iter().position(|l| l.team == team.name);
            let count = lines.iter().filter(|l| l.team == team.name).count();
            let mut totals = CostTotals::default();
            for l in lines.iter_mut().filter(|l| l.team == team.name) {
                l.elapsed = elapsed;
                let f = period.and_then(|p| forecast(l.spent, l.budget, &p, settings.as_of));
                (l.forecast, l.method) = (f.map(|f| f.0), f.map(|f| f.1));
                totals.add(l);
            }
            report.teams.push(TeamCosts {
                team: team.name.clone(),
                period,
                elapsed,
                first: first.unwrap_or(lines.len()),
                count,
                totals,
            });
        }
        for t in &report.teams {
            report.totals.merge(&t.totals);
        }
        report.lines = lines;
        report.months = months.into_iter().collect();
        report
    }
}

/// Money rounded to the cent as a spreadsheet's ROUND does it (half away from zero).
pub fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// OK below `warn_at`, Warning from it, Over above 100%. Amounts and the threshold are
/// compared in cents, as the workbook's status formula does.
pub fn status(budget: Option<Decimal>, spent: Decimal, warn_at: Decimal) -> CostStatus {
    let spent = cents(spent);
    match budget {
        None => CostStatus::Unbudgeted,
        Some(b) if spent > cents(b) => CostStatus::Over,
        Some(b) if !spent.is_zero() && spent >= cents(b * warn_at) => CostStatus::Warning,
        Some(_) => CostStatus::Ok,
    }
}

#[cfg(test)]
mod tests;
