//! Pure functions from what was read to what the summary shows: task statuses, the goal
//! rollup, weekly deviations, cost against budget. No I/O and no clock: the as-of date and
//! thresholds come in through [`Settings`], so every result is reproducible in a test.

pub mod brief;
pub mod calendar;
pub mod changes;
pub mod costs;
pub mod critical;
pub mod currency;
pub mod goals;
pub mod metrics;
pub mod owners;
pub mod retro;
pub mod risks;
pub mod schedule;
pub mod stale;
pub mod status;
pub mod teams;
pub mod trend;
pub mod weekly;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{CellRef, Dataset, Problem, ProblemKind, Severity, TaskStatus, TeamNotes};
use calendar::Calendar;
use costs::{CostBook, CostReport, CostSettings, Period};
use goals::GoalNode;
use owners::OwnerLoad;
use retro::Retro;
use schedule::Schedule;
use trend::Trend;
use weekly::WeeklyView;

/// `part / whole` as a share (0.25 for a quarter), None when the whole is zero (or the
/// quotient is beyond a decimal's range): the one place a figure is divided by another for a
/// percent cell.
pub fn share(part: Decimal, whole: Decimal) -> Option<f64> {
    if whole.is_zero() {
        return None;
    }
    rust_decimal::prelude::ToPrimitive::to_f64(&part.checked_div(whole)?)
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub as_of: NaiveDate,
    /// Share of a budget from which a line is a warning (0.8).
    pub warn_at: Decimal,
    /// The campaign period cost forecasts extrapolate over; None: each team's plan.
    pub period: Option<Period>,
    /// The working calendar schedule figures count in, before the teams' own holidays
    /// sheets are added (see [`Summary::calendar`]).
    pub calendar: Calendar,
}

impl Settings {
    /// Settings on `as_of`, counting Monday to Friday.
    pub fn new(as_of: NaiveDate) -> Self {
        Settings {
            as_of,
            warn_at: Decimal::new(8, 1),
            period: None,
            calendar: Calendar::weekends(),
        }
    }

    pub fn costs(&self) -> CostSettings {
        CostSettings {
            as_of: self.as_of,
            warn_at: self.warn_at,
            period: self.period,
        }
    }
}

/// One plan task as judged on the as-of date.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskView {
    pub status: TaskStatus,
    pub days_late: i64,
    /// Share of the working days of start..=due gone by the end of the as-of date.
    pub elapsed: Option<f64>,
}

impl TaskView {
    /// Days a done task finished after its due date; None when it is not done or was not
    /// late.
    pub fn finished_late(&self) -> Option<i64> {
        (self.status == TaskStatus::Done && self.days_late > 0).then_some(self.days_late)
    }
}

/// One plan task with everything judged about it, so a sheet lays out one record instead of
/// joining parallel vectors by index: the row as written, its status, its schedule.
#[derive(Debug, Clone, Copy)]
pub struct TaskRecord<'a> {
    pub index: usize,
    pub plan: &'a crate::model::PlanRow,
    pub view: &'a TaskView,
    pub schedule: &'a schedule::TaskSchedule,
    /// The checks of its delivery standard (none without measurable criteria).
    pub checks: &'a [metrics::Check],
}

impl TaskRecord<'_> {
    pub fn status(&self) -> TaskStatus {
        self.view.status
    }
}

/// One weekly row as written and as analysed.
#[derive(Debug, Clone, Copy)]
pub struct WeeklyRecord<'a> {
    pub row: &'a crate::model::WeeklyRow,
    pub view: &'a WeeklyView,
}

/// Each task's baseline: the dates it was planned for when the baseline was set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Baseline {
    /// The as-of date of the summary that set it.
    pub set_on: Option<NaiveDate>,
    /// Parallel to `data.plan`: (baseline start, baseline due).
    pub tasks: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
}

/// Everything the summary workbook shows, computed.
#[derive(Debug, Clone)]
pub struct Summary {
    pub settings: Settings,
    /// The calendar the schedule was counted in: the settings' one plus the teams' own
    /// holidays sheets.
    pub calendar: Calendar,
    pub data: Dataset,
    /// Parallel to `data.plan`.
    pub tasks: Vec<TaskView>,
    pub goals: Vec<GoalNode>,
    /// Dependencies, float, critical path and forecast dates.
    pub schedule: Schedule,
    /// The critical tasks and late finishes as the Overview lists them.
    pub critical: critical::CriticalView,
    /// Parallel to `data.weekly`.
    pub weekly: Vec<WeeklyView>,
    pub costs: CostReport,
    /// Each team's currency (one resolver for every sheet and chart).
    pub currencies: currency::Currencies,
    /// One row per team for the Overview's team table, and their total.
    pub teams: Vec<teams::TeamRow>,
    pub teams_total: teams::TeamRow,
    /// This week's snapshot, as the hidden sheet carries it and the Changes sheet compares.
    pub snapshot: crate::model::Snapshot,
    /// Per owner: open, overdue and at-risk tasks, next due date.
    pub owners: Vec<OwnerLoad>,
    /// Open risks with high likelihood or impact, indexes into `data.risks`.
    pub key_risks: Vec<usize>,
    /// What the retrospective draft lists.
    pub retro: Retro,
    /// Weekly rows week by week, per task and in total.
    pub trend: Trend,
    /// Problems found while reading, then while computing, sorted by team and place.
    pub problems: Vec<Problem>,
    /// What changed since the previous summary, when there is one.
    pub changes: Option<changes::Changes>,
    /// What the team typed into the summary's invited cells, carried forward.
    pub notes: TeamNotes,
    /// Set when the as-of date is well past every due date or the last spending.
    pub stale: Option<stale::StaleAsOf>,
    /// KPIs, channel ROI and the delivery standards checked against them.
    pub metrics: metrics::MetricsReport,
    /// Each task's baseline dates (this week's dates until a previous summary carries one).
    pub baseline: Baseline,
}

impl Summary {
    /// Task `i` of the plan with its status and schedule; None past the end.
    pub fn task(&self, i: usize) -> Option<TaskRecord<'_>> {
        Some(TaskRecord {
            index: i,
            plan: self.data.plan.get(i)?,
            view: self.tasks.get(i)?,
            schedule: self.schedule.tasks.get(i)?,
            checks: self.metrics.standards.get(i).map_or(&[], Vec::as_slice),
        })
    }

    /// Every task, in plan order.
    pub fn task_records(&self) -> impl Iterator<Item = TaskRecord<'_>> {
        (0..self.data.plan.len()).filter_map(|i| self.task(i))
    }

    /// The tasks at these plan indices, in that order.
    pub fn tasks_at<'a>(
        &'a self,
        indices: impl IntoIterator<Item = &'a usize> + 'a,
    ) -> impl Iterator<Item = TaskRecord<'a>> + 'a {
        indices.into_iter().filter_map(|&i| self.task(i))
    }

    /// Weekly row `i` with its analysis; None past the end.
    pub fn weekly_record(&self, i: usize) -> Option<WeeklyRecord<'_>> {
        Some(WeeklyRecord {
            row: self.data.weekly.get(i)?,
            view: self.weekly.get(i)?,
        })
    }

    /// Every weekly row, in input order.
    pub fn weekly_records(&self) -> impl Iterator<Item = WeeklyRecord<'_>> {
        (0..self.data.weekly.len()).filter_map(|i| self.weekly_record(i))
    }

    /// The one currency of every team, or None when they differ.
    pub fn currency(&self) -> Option<&str> {
        self.currencies
            .common(self.costs.teams.iter().map(|t| t.team.as_str()))
    }

    pub fn count(&self, status: TaskStatus) -> usize {
        self.tasks.iter().filter(|t| t.status == status).count()
    }

    pub fn problem_count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// Task `i`'s baseline due date.
    pub fn baseline_due(&self, i: usize) -> Option<NaiveDate> {
        self.baseline.tasks.get(i).and_then(|b| b.1)
    }

    /// Working days task `i`'s due date lies after its baseline due (negative: earlier).
    pub fn baseline_slip(&self, i: usize) -> Option<i64> {
        let due = self.data.plan.get(i)?.due?;
        Some(self.calendar.shift(self.baseline_due(i)?, due))
    }

    /// Task `i`'s baseline start and due as the Gantt draws them (a start after the due
    /// reads as the due), from the baseline's second week on: in its first week the
    /// baseline is the plan itself. None without a baseline due date.
    pub fn baseline_shown(&self, i: usize) -> Option<(NaiveDate, NaiveDate)> {
        self.baseline.set_on.filter(|d| *d < self.settings.as_of)?;
        let (start, due) = *self.baseline.tasks.get(i)?;
        let due = due?;
        Some((start.filter(|d| *d <= due).unwrap_or(due), due))
    }

    /// Open overdue tasks, most days late first.
    pub fn overdue(&self) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.tasks.len())
            .filter(|&i| self.tasks[i].status == TaskStatus::Overdue)
            .collect();
        v.sort_by_key(|&i| std::cmp::Reverse(self.tasks[i].days_late));
        v
    }
}

/// Computes the summary of a dataset.
pub fn summarize(mut data: Dataset, settings: &Settings) -> Summary {
    let as_of = settings.as_of;
    let mut problems = data.problems.clone();
    let cal = settings.calendar.clone().with_team_days(&data.holidays);
    cal.due_dates(&mut data.plan);
    calendar_notes(&data, &cal, &mut problems);
    weekly::place_weeks(&mut data.weekly, &data.plan, as_of, &mut problems);
    metrics::place_weeks(&mut data.metrics, &data.plan, as_of, &mut problems);
    let tasks = data
        .plan
        .iter()
        .map(|t| {
            let s = status::judge(t, as_of, &cal);
            TaskView {
                status: s,
                days_late: status::days_late(t, s, as_of),
                elapsed: status::elapsed_share(t, as_of, &cal),
            }
        })
        .collect::<Vec<TaskView>>();
    let statuses: Vec<TaskStatus> = tasks.iter().map(|t| t.status).collect();
    let schedule = schedule::schedule(&data.plan, &statuses, as_of, &cal, &mut problems);
    let critical = critical::view(&data.plan, &schedule);
    let baseline = Baseline {
        set_on: Some(as_of),
        tasks: data.plan.iter().map(|t| (t.start, t.due)).collect(),
    };
    let goals = goals::rollup(&data.plan, &mut problems);
    let weekly = weekly::analyse(&data.weekly, &data.plan, &mut problems);
    let costs = cost_report(&data, settings, &mut problems);
    let currencies = currency::Currencies::of_dataset(&data);
    let stale = stale::check(&data, as_of);
    risks::check(&data.risks, &mut problems);
    let metrics = metrics::build(&data, &costs, as_of, &mut problems);
    let owners = owners::rollup(&data.plan, &tasks);
    let key_risks = risks::key_risks(&data.risks);
    let retro = retro::draft(&goals, &tasks, &costs, &weekly);
    let trend = trend::build(&data.weekly, &weekly, &data.plan, as_of);
    problems.sort_by(|a, b| (&a.team, &a.at, a.severity).cmp(&(&b.team, &b.at, b.severity)));
    let mut summary = Summary {
        teams: Vec::new(),
        teams_total: teams::TeamRow::default(),
        snapshot: crate::model::Snapshot::default(),
        settings: settings.clone(),
        calendar: cal,
        data,
        tasks,
        goals,
        schedule,
        critical,
        weekly,
        costs,
        currencies,
        owners,
        key_risks,
        retro,
        trend,
        problems,
        changes: None,
        notes: TeamNotes::default(),
        stale,
        metrics,
        baseline,
    };
    summary.teams = teams::per_team(&summary);
    let same_currency = summary.currency().is_some();
    summary.teams_total = teams::total(&summary.teams, same_currency);
    summary.snapshot = changes::snapshot(&summary);
    summary
}

/// A note per team whose plan runs into a year the calendar has no holidays for.
fn calendar_notes(data: &Dataset, cal: &Calendar, problems: &mut Vec<Problem>) {
    let mut seen: Vec<&str> = Vec::new();
    for t in &data.plan {
        if seen.contains(&t.team.as_str()) {
            continue;
        }
        seen.push(&t.team);
        let dates = data
            .plan
            .iter()
            .filter(|p| p.team == t.team)
            .flat_map(|p| [p.start, p.due])
            .flatten();
        let Some((first, last)) = dates.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| {
            Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
        }) else {
            continue;
        };
        for year in cal.uncovered_years(first, last) {
            problems.push(Problem {
                team: t.team.clone(),
                at: CellRef::sheet_only(t.row.sheet.clone()),
                severity: Severity::Warning,
                kind: ProblemKind::CalendarNotCovered { year },
            });
        }
    }
}

/// The cost report of a collected dataset: each team's budget and plan, then its expenses,
/// in the order a streaming read delivers them (so line numbers run team by team).
pub fn cost_report(data: &Dataset, settings: &Settings, problems: &mut Vec<Problem>) -> CostReport {
    let mut teams: Vec<&str> = data.teams.iter().map(String::as_str).collect();
    let named = (data.budget.iter().map(|b| b.team.as_str()))
        .chain(data.plan.iter().map(|p| p.team.as_str()))
        .chain(data.expenses.groups.iter().map(|g| g.team.as_str()));
    for team in named {
        if !teams.contains(&team) {
            teams.push(team);
        }
    }
    let mut book = CostBook::default();
    for team in teams {
        data.budget
            .iter()
            .filter(|b| b.team == team)
            .for_each(|b| book.budget(b));
        data.plan
            .iter()
            .filter(|p| p.team == team)
            .for_each(|p| book.plan(p));
        for g in data.expenses.groups.iter().filter(|g| g.team == team) {
            book.add_group(g);
        }
    }
    book.finish(&settings.costs(), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_share_helper_for_every_part_of_a_whole() {
        assert_eq!(share(Decimal::ONE, Decimal::from(4)), Some(0.25));
        assert_eq!(share(Decimal::from(-1), Decimal::from(4)), Some(-0.25));
        assert_eq!(share(Decimal::ONE, Decimal::ZERO), None);
        // Beyond a decimal's range: no share, never a panic.
        assert_eq!(share(Decimal::MAX, Decimal::new(1, 28)), None);
    }

    #[test]
    fn a_task_finished_late_says_by_how_many_days() {
        let view = |status, days_late| TaskView {
            status,
            days_late,
            elapsed: None,
        };
        assert_eq!(view(TaskStatus::Done, 3).finished_late(), Some(3));
        assert_eq!(view(TaskStatus::Done, 0).finished_late(), None);
        assert_eq!(view(TaskStatus::Overdue, 3).finished_late(), None);
    }

    #[test]
    fn behind_plan_is_below_zero_deviation() {
        assert!(weekly::behind(Some(-0.2)));
        assert!(!weekly::behind(Some(0.0)));
        assert!(!weekly::behind(None));
    }
}
