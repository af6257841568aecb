//! One data row of a recognised sheet -> one typed record (plan task, weekly row, expense,
//! budget line, risk). Row-level rules live here: fill-down of goal and stage, one owner per
//! task, required fields, status words.

use chrono::{Datelike, Duration, NaiveDate};

use super::cells::{DateCell, RowReader, display};
use super::source::CellValue;
use crate::contract::{Field, SheetKind};
use crate::model::{
    BudgetLine, CellRef, Expected, Expense, Level, PlanCells, PlanRow, ProblemKind, Risk,
    RiskState, Severity, TaskLength, TeamDay, WeeklyRow, WrittenStatus,
};
use crate::values::{
    DateText, budget_in_text, normalize_width, parse_date, parse_week, quantity_in_text,
    resolve_week, split_owners, status_word,
};

/// Where parsed records go. The collecting sink keeps everything; a streaming consumer (the
/// cost ledger of a million rows) can aggregate and drop each record as it passes.
///
/// Within one workbook, every other sheet is read before the cost sheets, so a streaming
/// consumer knows the plan and the budget (and the workbook's language and currency, from
/// [`RecordSink::before_expenses`]) before the first expense passes.
pub trait RecordSink {
    fn plan(&mut self, row: PlanRow);
    fn weekly(&mut self, row: WeeklyRow);
    fn expense(&mut self, row: Expense);
    fn budget(&mut self, row: BudgetLine);
    fn risk(&mut self, row: Risk);
    fn metric(&mut self, _row: crate::model::MetricRow) {}
    /// A day of the team's holidays sheet; sinks that need no calendar ignore it.
    fn team_day(&mut self, _row: TeamDay) {}
    /// Whether the rows of sheets of `kind` are wanted; an unwanted sheet is recognised by
    /// its header and not read further.
    fn wants(&self, _kind: SheetKind) -> bool {
        true
    }
    /// Called once per workbook, after its other sheets and before its cost sheets.
    fn before_expenses(&mut self, _info: &super::WorkbookInfo) {}
}

/// What carries over from one row to the next within a table.
#[derive(Default)]
pub struct SheetState {
    goal: Option<(String, CellRef)>,
    stage: Option<(String, CellRef)>,
    /// The label of a group row in a budget or ledger ("人力成本"): the category of the rows
    /// below that name none.
    pub group: Option<String>,
    /// Rows whose due date came from start + duration, and of those, the durations in
    /// working days and the ranges read at their upper bound ("2-3 days").
    pub due_from_duration: (usize, usize, usize),
    /// Item budgets whose line is quantity times unit price.
    pub qty_times_price: usize,
}

impl SheetState {
    /// The goal of the rows that follow (a section row, or the plan's title); a new goal
    /// starts without a stage.
    pub fn set_goal(&mut self, goal: String, at: CellRef) {
        self.goal = Some((goal, at));
        self.stage = None;
    }

    pub fn set_stage(&mut self, stage: String, at: CellRef) {
        self.stage = Some((stage, at));
    }
}

/// Reads one data row of a sheet of `kind` into `sink`; problems go to the reader.
pub fn read_row(
    kind: SheetKind,
    r: &mut RowReader<'_>,
    state: &mut SheetState,
    sink: &mut dyn RecordSink,
) {
    match kind {
        SheetKind::Plan => {
            if let Some(p) = plan_row(r, state) {
                sink.plan(p)
            }
        }
        SheetKind::Weekly => {
            if let Some(w) = weekly_row(r) {
                sink.weekly(w)
            }
        }
        SheetKind::Costs => {
            if let Some(e) = expense_row(r, &state.group) {
                sink.expense(e)
            }
        }
        SheetKind::Budget => {
            if let Some(b) = budget_row(r, state) {
                sink.budget(b)
            }
        }
        SheetKind::Risks => {
            if let Some(k) = risk_row(r) {
                sink.risk(k)
            }
        }
        SheetKind::Metrics => super::metrics::read_row(r, sink),
        SheetKind::Holidays => {
            if let Some(d) = team_day_row(r) {
                sink.team_day(d)
            }
        }
    }
}

/// 休 / off means a day off, 班 / work a working day.
pub fn day_kind(text: &str) -> Option<bool> {
    let t = crate::values::fold(text);
    if ["休", "休息", "假", "放假", "off", "dayoff", "holiday"].contains(&t.as_str()) {
        Some(false)
    } else if [
        "班",
        "上班",
        "补班",
        "调休上班",
        "work",
        "workday",
        "working",
    ]
    .contains(&t.as_str())
    {
        Some(true)
    } else {
        None
    }
}

fn team_day_row(r: &mut RowReader<'_>) -> Option<TeamDay> {
    let date = r.date(Field::Date, true)?;
    let text = r.required_text(Field::DayKind)?;
    let Some(working) = day_kind(&text) else {
        let at = r.at_field(Field::DayKind);
        r.problem(
            at,
            Severity::Warning,
            ProblemKind::UnknownDayKind { found: text },
        );
        return None;
    };
    Some(TeamDay {
        team: team_of(r),
        row: r.at_field(Field::Date),
        date,
        working,
        name: r.text(Field::Occasion),
    })
}

pub(crate) fn team_of(r: &mut RowReader<'_>) -> String {
    r.text(Field::Team).unwrap_or_else(|| r.team.to_string())
}

fn owner(r: &mut RowReader<'_>, required: bool) -> Option<String> {
    let Some(text) = r.text(Field::Owner) else {
        // An owner is required where the table has an owner column; a team's own task list
        // without one is still read.
        return if required && r.map.column(Field::Owner).is_some() {
            r.missing(Field::Owner)
        } else {
            None
        };
    };
    if split_owners(&text).len() > 1 {
        let at = r.at_field(Field::Owner);
        r.problem(
            at,
            Severity::Warning,
            ProblemKind::SeveralOwners {
                found: text.clone(),
            },
        );
    }
    Some(text)
}

/// One task row of a plan. The goal and stage come from their columns (filled down) or,
/// in a plan without them, from the section rows and the title the table finder set.
pub fn plan_row(r: &mut RowReader<'_>, state: &mut SheetState) -> Option<PlanRow> {
    // Fill-down: a blank goal or stage repeats the one above; a new goal resets the stage.
    let goal_column = r.map.column(Field::Goal).is_some();
    match r.text(Field::Goal) {
        Some(g) if state.goal.as_ref().map(|(x, _)| x) != Some(&g) => {
            state.stage = None;
            state.goal = Some((g, r.at_field(Field::Goal)));
        }
        Some(_) => {}
        None if state.goal.is_none() && goal_column => {
            r.missing::<()>(Field::Goal);
        }
        None => {}
    }
    if let Some(s) = r.text(Field::Stage)
        && state.stage.as_ref().map(|(x, _)| x) != Some(&s)
    {
        state.stage = Some((s, r.at_field(Field::Stage)));
    }
    let name = r.required_text(Field::Task);
    let owner = owner(r, true);
    // A range in one cell ("6月1日-6月3日", "4/14-18") gives the start and the due date.
    let (mut start, mut range_due) = (None, None);
    match r.date_cell(Field::Start, false) {
        Some(DateCell::Day(d)) => start = Some(d),
        Some(DateCell::Range(a, b)) => (start, range_due) = (Some(a), Some(b)),
        None => {}
    }
    // No due date written: the start plus a duration ("3工作日", "2 days").
    let due_written = r
        .map
        .column(Field::Due)
        .is_some_and(|c| !r.row.get(c.col).is_empty());
    let from_duration = match (start, due_written, range_due) {
        (Some(s), false, None) => {
            // A bare number counts in the unit the header names ("工作日", "Working days").
            let working = r
                .map
                .column(Field::Duration)
                .is_some_and(|c| names_working_days(&c.header));
            r.text(Field::Duration)
                .and_then(|t| due_after(s, &t, working))
        }
        _ => None,
    };
    let length = from_duration.as_ref().map(|(_, l)| l.clone());
    let due = if let Some((d, l)) = from_duration {
        state.due_from_duration.0 += 1;
        state.due_from_duration.1 += usize::from(l.working);
        state.due_from_duration.2 += usize::from(l.range);
        Some(d)
    } else {
        match r.date_cell(Field::Due, range_due.is_none()) {
            Some(DateCell::Day(d)) => Some(d),
            Some(DateCell::Range(a, b)) => {
                start = start.or(Some(a));
                Some(b)
            }
            None => range_due,
        }
    };
    let done_on = finish_date(r);
    if let (Some(s), Some(d)) = (start, due)
        && d < s
    {
        let at = r.at_field(Field::Due);
        r.problem(at, Severity::Warning, ProblemKind::DueBeforeStart);
    }
    let resources = r.text(Field::Resources);
    let progress = r.share(Field::Progress);
    if let (Some(p), Some(done_on)) = (progress, done_on)
        && p < 0.9
    {
        let at = r.at_field(Field::Progress);
        r.problem(
            at,
            Severity::Warning,
            ProblemKind::ProgressWithFinish {
                progress: p,
                done_on,
            },
        );
    }
    let status = r.text(Field::Status).and_then(|t| {
        let s = written_status(&t);
        if s.is_none() {
            let at = r.at_field(Field::Status);
            r.problem(
                at,
                Severity::Warning,
                ProblemKind::UnknownStatus { found: t.clone() },
            );
        }
        s
    });
    let cells = PlanCells {
        start: r.map.column(Field::Start).map(|c| r.at(c.col)),
        due: r.map.column(Field::Due).map(|c| r.at(c.col)),
        predecessors: r.map.column(Field::Predecessors).map(|c| r.at(c.col)),
    };
    let row = PlanRow {
        team: team_of(r),
        row: r.at_first(),
        id: r.text(Field::Id),
        goal: state.goal.as_ref().map(|g| g.0.clone()).unwrap_or_default(),
        goal_at: state
            .goal
            .as_ref()
            .map_or_else(|| r.at_field(Field::Goal), |g| g.1.clone()),
        stage: state.stage.as_ref().map(|s| s.0.clone()),
        stage_at: state.stage.as_ref().map(|s| s.1.clone()),
        name: name?,
        owner,
        start,
        due,
        length,
        done_on,
        deliverable: r.text(Field::Deliverable),
        budget: r
            .money(Field::Budget)
            .or_else(|| resources.as_deref().and_then(budget_in_text)),
        estimate: r.money(Field::Forecast),
        resources,
        target: r.quantity(Field::Target, Expected::Quantity),
        actual: r.quantity(Field::Actual, Expected::Quantity),
        progress,
        status,
        predecessors: r
            .text(Field::Predecessors)
            .map(|t| split_list(&t))
            .unwrap_or_default(),
        support: r.text(Field::Support),
        cells,
    };
    Some(row)
}

/// The actual finish date; one after the as-of date has not happened yet: a warning at its
/// cell, and the task is not counted done.
fn finish_date(r: &mut RowReader<'_>) -> Option<NaiveDate> {
    let done_on = r.date(Field::DoneOn, false)?;
    if done_on <= r.as_of {
        return Some(done_on);
    }
    let at = r.at_field(Field::DoneOn);
    r.problem(
        at,
        Severity::Warning,
        ProblemKind::DoneAfterAsOf { done_on },
    );
    None
}

/// Items of a list cell: "1.1, 1.2", "设计、印刷", "A;B".
pub fn split_list(text: &str) -> Vec<String> {
    normalize_width(text)
        .split([',', '、', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a duration column's header names working days ("工作日", "Working days", "Work
/// days"), the unit of the bare numbers under it.
fn names_working_days(header: &str) -> bool {
    let h = crate::values::fold(header);
    ["工作日", "workday", "workingday", "businessday"]
        .iter()
        .any(|w| h.contains(w))
}

/// The due date of a task that starts on `start` and lasts `text`, and the duration read:
/// "3工作日", "3 working days", "3wd" count working days; "2天", "2 days", "1周", "1 week"
/// count calendar days, and so does a bare number unless the column is of working days
/// (`bare_working`). The start day is the first day. A range ("2-3 days") takes its upper
/// bound, and says so.
///
/// Working days are counted Monday to Friday here: the team's calendar is not known while
/// a workbook is read, and compute recounts them in it (see [`TaskLength`]).
pub fn due_after(
    start: NaiveDate,
    text: &str,
    bare_working: bool,
) -> Option<(NaiveDate, TaskLength)> {
    let t = crate::values::fold(text);
    let digits_end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '~' | '–' | '至' | '到')))
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(digits_end);
    let (number, range) = match number.rsplit_once(['-', '~', '–', '至', '到']) {
        Some((lo, hi)) if !lo.is_empty() => (hi, true),
        _ => (number, false),
    };
    let n: f64 = number.parse().ok()?;
    if !(0.0..=3650.0).contains(&n) {
        return None;
    }
    let n = n.ceil() as i64;
    let unit = unit.trim_end_matches('s');
    let working = matches!(
        unit,
        "工作日" | "个工作日" | "workingday" | "workday" | "wd" | "bd" | "businessday"
    ) || (unit.is_empty() && bare_working);
    let days = match unit {
        "" | "天" | "日" | "day" | "d" | "calendarday" | "自然日" => n,
        "周" | "星期" | "week" | "wk" | "w" => n * 7,
        _ if working => n,
        _ => return None,
    };
    let length = TaskLength {
        days,
        working,
        range,
        written: text.trim().to_string(),
    };
    if days == 0 {
        return Some((start, length));
    }
    if !working {
        return Some((start + Duration::days(days - 1), length));
    }
    let mut day = start;
    let mut left = n;
    loop {
        if day.weekday().num_days_from_monday() < 5 {
            left -= 1;
            if left == 0 {
                return Some((day, length));
            }
        }
        day += Duration::days(1);
    }
}

/// A status word as teams write it, in either language (the one vocabulary of
/// [`status_word`]: 完成, 正常-已完成, Published, Pending Review...).
pub fn written_status(text: &str) -> Option<WrittenStatus> {
    status_word(text)
}

fn weekly_row(r: &mut RowReader<'_>) -> Option<WeeklyRow> {
    let week_cell = r.raw(Field::Week);
    let (week, week_start) = match &week_cell {
        Some(v) => {
            let label = display(v);
            let start = week_start(v, r.as_of);
            (Some(label), start)
        }
        None => (None, None),
    };
    let task = r.required_text(Field::Task);
    let plan_text = r.required_text(Field::Planned);
    let actual_text = r.required_text(Field::Actual);
    // A qualitative row ("KV定稿" / "已完成") has no quantity to compare: it is judged done
    // or not done, never an unreadable cell.
    let qualitative = plan_text
        .as_deref()
        .is_some_and(|t| quantity_in_text(t).is_none());
    let done = qualitative.then(|| {
        let actual = actual_text.as_deref().unwrap_or_default();
        qualitative_done(plan_text.as_deref().unwrap_or_default(), actual)
    });
    let plan = (plan_text.is_some() && !qualitative)
        .then(|| r.quantity(Field::Planned, Expected::Quantity))
        .flatten();
    let actual = (actual_text.is_some() && !qualitative)
        .then(|| r.quantity(Field::Actual, Expected::Quantity))
        .flatten();
    let stated_deviation = r.share(Field::Deviation);
    let cause = r.text(Field::Cause);
    let fix = r.text(Field::Fix);
    let cause_at = if cause.is_none() || fix.is_some() {
        r.at_field(Field::Cause)
    } else {
        r.at_field(Field::Fix)
    };
    let row = WeeklyRow {
        team: team_of(r),
        row: r.at_first(),
        done,
        week,
        week_start,
        task: task?,
        plan_text: plan_text.unwrap_or_default(),
        plan,
        actual_text: actual_text.unwrap_or_default(),
        actual,
        stated_deviation,
        cause,
        fix,
        owner: owner(r, true),
        task_at: r.at_field(Field::Task),
        deviation_at: r.at_field(Field::Deviation),
        cause_at,
    };
    Some(row)
}

/// Monday of the week a week cell names: a date, "2026-W47"/"W47"/"Wk 45", or a range
/// "11.23-11.29" (its first day). "第3周" is placed later, with the plan's dates.
pub(crate) fn week_start(value: &CellValue, as_of: NaiveDate) -> Option<NaiveDate> {
    let day = match value {
        CellValue::Date(d) => *d,
        CellValue::Text(t) => {
            let t = normalize_width(t);
            if let Some(label) = parse_week(&t) {
                // "第3周" waits for the plan's dates (compute places it); "W45" is placed here.
                resolve_week(label, as_of, None)?.0
            } else {
                let first = t
                    .split(['~', '至', '到', '—', '–'])
                    .next()
                    .unwrap_or(&t)
                    .trim();
                let first = first
                    .rsplit_once('-')
                    .filter(|(a, b)| a.contains('.') && b.contains('.'))
                    .map_or(first, |(a, _)| a);
                match parse_date(first, as_of) {
                    DateText::Date(d) => d,
                    _ => return None,
                }
            }
        }
        _ => return None,
    };
    Some(day - Duration::days(day.weekday().num_days_from_monday() as i64))
}

fn expense_row(r: &mut RowReader<'_>, group: &Option<String>) -> Option<Expense> {
    let amount = match r.money(Field::Amount) {
        Some(a) => Some(a),
        None if r
            .map
            .column(Field::Amount)
            .is_some_and(|c| r.row.get(c.col).is_empty()) =>
        {
            r.missing(Field::Amount)
        }
        None => None,
    };
    // A missing date or category is reported, but the amount still counts: money is never
    // dropped for a bookkeeping gap.
    let date = r.date(Field::Date, true);
    let category = match (r.text(Field::Category), group.clone()) {
        (Some(c), _) => c,
        (None, Some(g)) => g,
        (None, None) => r.required_text(Field::Category).unwrap_or_default(),
    };
    Some(Expense {
        team: team_of(r),
        row: r.at_first(),
        date,
        category,
        channel: r.text(Field::Channel),
        item: r.text(Field::Item),
        amount: amount?,
        task: r.text(Field::Task),
        owner: owner(r, false),
    })
}

/// One budget line. An item budget's line is its category (the merged group above it, or
/// a group row's label), else the item; its amount is the total, or quantity × unit price
/// when the total is empty.
fn budget_row(r: &mut RowReader<'_>, state: &mut SheetState) -> Option<BudgetLine> {
    let category = match (r.text(Field::Category), state.group.clone()) {
        (Some(c), _) => Some(c),
        (None, Some(g)) => Some(g),
        (None, None) if r.map.column(Field::Category).is_none() => r.required_text(Field::Item),
        (None, None) => r.required_text(Field::Category),
    };
    let total_empty = r
        .map
        .column(Field::Budget)
        .is_none_or(|c| r.row.get(c.col).is_empty());
    let product = if total_empty {
        match (
            r.quantity(Field::Qty, Expected::Number),
            r.money(Field::UnitPrice),
        ) {
            (Some(q), Some(p)) => q.value.checked_mul(p),
            _ => None,
        }
    } else {
        None
    };
    if product.is_some() {
        state.qty_times_price += 1;
    }
    let budget = match product.or_else(|| r.money(Field::Budget)) {
        Some(b) => Some(b),
        None if r
            .map
            .column(Field::Budget)
            .is_some_and(|c| r.row.get(c.col).is_empty()) =>
        {
            r.missing(Field::Budget)
        }
        None => None,
    };
    Some(BudgetLine {
        team: team_of(r),
        row: r.at_first(),
        category: category?,
        budget: budget?,
        channel: r.text(Field::Channel),
        owner: owner(r, false),
    })
}

fn level(text: &str) -> Option<Level> {
    match crate::values::fold(text).as_str() {
        "高" | "high" | "h" => Some(Level::High),
        "中" | "medium" | "med" | "m" => Some(Level::Medium),
        "低" | "low" | "l" => Some(Level::Low),
        _ => None,
    }
}

fn risk_state(text: &str) -> Option<RiskState> {
    match crate::values::fold(text).as_str() {
        "未发生" | "open" | "监控中" | "跟踪中" | "观察中" | "active" | "monitoring" => {
            Some(RiskState::Open)
        }
        "已发生" | "发生" | "occurred" | "happened" | "realised" | "realized" => {
            Some(RiskState::Occurred)
        }
        "已关闭" | "关闭" | "已解决" | "已消除" | "closed" | "resolved" | "mitigated" => {
            Some(RiskState::Closed)
        }
        _ => None,
    }
}

/// A weekly row without quantities is done when its actual says so (已完成, 完成, 上线, done,
/// published...) or repeats the plan ("KV定稿" / "KV定稿").
fn qualitative_done(plan: &str, actual: &str) -> bool {
    let (plan, actual) = (crate::values::fold(plan), crate::values::fold(actual));
    if actual.is_empty() {
        return false;
    }
    actual == plan
        || status_word(&actual) == Some(WrittenStatus::Done)
        || (["已完成", "完成", "已上线", "上线", "done", "completed"]
            .iter()
            .any(|w| actual.ends_with(w))
            && !actual.contains("未"))
}

fn risk_row(r: &mut RowReader<'_>) -> Option<Risk> {
    let risk = r.required_text(Field::Risk)?;
    let parsed = |r: &mut RowReader<'_>, field: Field| {
        let text = r.text(field)?;
        let l = level(&text);
        if l.is_none() {
            let at = r.at_field(field);
            r.problem(
                at,
                Severity::Warning,
                ProblemKind::Unreadable {
                    found: text,
                    expected: Expected::Text,
                },
            );
        }
        l
    };
    let likelihood = parsed(r, Field::Likelihood);
    let impact = parsed(r, Field::Impact);
    let written = r.text(Field::Status);
    let state = written.as_deref().and_then(risk_state);
    let state_text = written.filter(|_| state.is_none());
    if let Some(found) = &state_text {
        let at = r.at_field(Field::Status);
        r.problem(
            at,
            Severity::Warning,
            ProblemKind::UnknownRiskState {
                found: found.clone(),
            },
        );
    }
    Some(Risk {
        team: team_of(r),
        row: r.at_first(),
        risk,
        likelihood,
        impact,
        response: r.text(Field::Response),
        owner: owner(r, false),
        state,
        state_text,
        owner_at: r.at_field(Field::Owner),
        response_at: r.at_field(Field::Response),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{LEVEL_CHOICES, RISK_STATE_CHOICES, STATUS_CHOICES};

    /// `init` offers these words in its dropdowns; each must read back as its meaning.
    #[test]
    fn every_dropdown_word_reads_as_its_meaning() {
        for (meaning, zh, en) in STATUS_CHOICES {
            assert_eq!(written_status(zh), Some(*meaning), "{zh}");
            assert_eq!(written_status(en), Some(*meaning), "{en}");
        }
        for (meaning, zh, en) in LEVEL_CHOICES {
            assert_eq!((level(zh), level(en)), (Some(*meaning), Some(*meaning)));
        }
        for (meaning, zh, en) in RISK_STATE_CHOICES {
            assert_eq!(risk_state(zh), Some(*meaning), "{zh}");
            assert_eq!(risk_state(en), Some(*meaning), "{en}");
        }
    }

    #[test]
    fn durations_say_their_unit_or_take_the_columns() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let friday = d("2026-11-06");
        let due = |text: &str, bare_working: bool| {
            due_after(friday, text, bare_working).map(|(day, l)| (day, l.working, l.range))
        };
        // Working days: Friday, Monday, Tuesday (the team's calendar is compute's).
        assert_eq!(due("3工作日", false), Some((d("2026-11-10"), true, false)));
        assert_eq!(
            due("3 working days", false),
            Some((d("2026-11-10"), true, false))
        );
        assert_eq!(due("2天", false), Some((d("2026-11-07"), false, false)));
        assert_eq!(due("1周", true), Some((d("2026-11-12"), false, false)));
        assert_eq!(due("2-3 days", false), Some((d("2026-11-08"), false, true)));
        // A bare number: calendar days, or working days under a "Working days" header.
        assert_eq!(due("3", false), Some((d("2026-11-08"), false, false)));
        assert_eq!(due("3", true), Some((d("2026-11-10"), true, false)));
        assert!(names_working_days("Working Days") && names_working_days("工作日"));
        assert!(!names_working_days("工期(天)") && !names_working_days("No. Days"));
        assert_eq!(due("soon", false), None);
    }
}
