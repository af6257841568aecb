//! A forgotten `--as-of`: run weeks after a campaign ended without it, today's date makes
//! every open task overdue. The summary cannot know the date meant, but it can say when the
//! as-of date sits well after everything the workbooks hold.

use chrono::{Months, NaiveDate};

use crate::model::Dataset;

/// Days after the last due date from which the as-of date is called late (a retrospective
/// run a few days after the end is normal).
pub const AFTER_LAST_DUE_DAYS: i64 = 7;
/// Days after the end of the last month with spending from which it is called late.
pub const AFTER_LAST_EXPENSE_DAYS: i64 = 30;

/// How far the as-of date is past what the workbooks hold, when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleAsOf {
    pub as_of: NaiveDate,
    /// The latest due date of any task, and the days since, when past every due date.
    pub after_last_due: Option<(NaiveDate, i64)>,
    /// The end of the last month with dated spending, and the days since, when long past.
    pub after_last_expense: Option<(NaiveDate, i64)>,
}

/// Checks the as-of date against the tasks' due dates and the expenses' months.
pub fn check(data: &Dataset, as_of: NaiveDate) -> Option<StaleAsOf> {
    let last_due = data.plan.iter().filter_map(|t| t.due).max();
    let after_last_due = last_due
        .map(|d| (d, (as_of - d).num_days()))
        .filter(|(_, days)| *days > AFTER_LAST_DUE_DAYS);
    let last_month = data.expenses.groups.iter().filter_map(|g| g.month).max();
    let month_end = last_month
        .and_then(|m| m.checked_add_months(Months::new(1)))
        .and_then(|m| m.pred_opt());
    let after_last_expense = month_end
        .map(|d| (d, (as_of - d).num_days()))
        .filter(|(_, days)| *days > AFTER_LAST_EXPENSE_DAYS);
    (after_last_due.is_some() || after_last_expense.is_some()).then_some(StaleAsOf {
        as_of,
        after_last_due,
        after_last_expense,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellRef, Expense, PlanRow};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn data() -> Dataset {
        let mut d = Dataset::default();
        d.plan.push(PlanRow {
            team: "A".into(),
            row: CellRef::new("Plan", 1, 0),
            id: None,
            goal: "G".into(),
            goal_at: CellRef::new("Plan", 1, 1),
            stage: None,
            stage_at: None,
            name: "t".into(),
            owner: None,
            start: Some(day("2026-06-01")),
            due: Some(day("2026-06-18")),
            done_on: None,
            deliverable: None,
            resources: None,
            budget: None,
            target: None,
            actual: None,
            progress: None,
            status: None,
            predecessors: Vec::new(),
            support: None,
            length: None,
            estimate: None,
            cells: Default::default(),
        });
        d.expenses.add(&Expense {
            team: "A".into(),
            row: CellRef::new("Costs", 1, 0),
            date: Some(day("2026-06-10")),
            category: "x".into(),
            channel: None,
            item: None,
            amount: rust_decimal::Decimal::ONE,
            task: None,
            owner: None,
        });
        d
    }

    #[test]
    fn a_date_weeks_after_the_campaign_is_called_stale() {
        // Issue 15: 187 days after the 618 campaign.
        let s = check(&data(), day("2026-12-22")).unwrap();
        assert_eq!(s.after_last_due, Some((day("2026-06-18"), 187)));
        assert_eq!(s.after_last_expense, Some((day("2026-06-30"), 175)));
        // During the campaign and a week after its end: nothing to say.
        assert_eq!(check(&data(), day("2026-06-12")), None);
        assert_eq!(check(&data(), day("2026-06-25")), None);
        let s = check(&data(), day("2026-06-26")).unwrap();
        assert_eq!(
            (s.after_last_due.unwrap().1, s.after_last_expense),
            (8, None)
        );
    }
}
