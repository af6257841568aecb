//! Cost against budget per budget line: spent (refunds subtract), remaining, share used and
//! the status the toolkit asks for (warn at 80%, over above 100%), unbudgeted spending as its
//! own lines, and totals. Sums are exact decimals, whatever the row count.
//!
//! Expenses are added one at a time ([`CostBook::add`]) so a million-row ledger can be
//! aggregated as it streams past, without being held in memory.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::{BudgetLine, Expense, Problem, ProblemKind, Severity};
use crate::values::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
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

/// One budget line (or one unbudgeted category) of one team.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CostLine {
    pub team: String,
    pub category: String,
    pub budget: Option<Decimal>,
    /// Net spending: expenses minus refunds.
    pub spent: Decimal,
    /// Refunds (negative amounts), as a positive figure.
    pub refunds: Decimal,
    pub expenses: usize,
    pub status: CostStatus,
}

impl CostLine {
    pub fn remaining(&self) -> Option<Decimal> {
        self.budget.map(|b| b - self.spent)
    }

    pub fn share_used(&self) -> Option<f64> {
        let b = self.budget?;
        if b.is_zero() {
            return None;
        }
        (self.spent / b).to_f64()
    }
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CostTotals {
    pub budget: Decimal,
    pub spent: Decimal,
    /// Spending on lines without a budget (part of `spent`).
    pub unbudgeted: Decimal,
}

impl CostTotals {
    pub fn remaining(&self) -> Decimal {
        self.budget - self.spent
    }

    pub fn share_used(&self) -> Option<f64> {
        if self.budget.is_zero() {
            return None;
        }
        (self.spent / self.budget).to_f64()
    }
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CostReport {
    pub lines: Vec<CostLine>,
    pub totals: CostTotals,
}

/// Spending per (team, category) as expenses stream in.
#[derive(Debug, Default)]
pub struct CostBook {
    /// (team, folded category) -> index into `spending`.
    index: std::collections::HashMap<(String, String), usize>,
    spending: Vec<Spending>,
}

#[derive(Debug)]
struct Spending {
    team: String,
    category: String,
    spent: Decimal,
    refunds: Decimal,
    count: usize,
    /// The first expense row, where an unbudgeted line is reported.
    first_at: crate::model::CellRef,
}

impl CostBook {
    pub fn add(&mut self, e: &Expense) {
        let key = (e.team.clone(), fold(&e.category));
        let i = *self.index.entry(key).or_insert_with(|| {
            self.spending.push(Spending {
                team: e.team.clone(),
                category: e.category.clone(),
                spent: Decimal::ZERO,
                refunds: Decimal::ZERO,
                count: 0,
                first_at: e.row.clone(),
            });
            self.spending.len() - 1
        });
        let s = &mut self.spending[i];
        s.spent += e.amount;
        if e.amount.is_sign_negative() {
            s.refunds -= e.amount;
        }
        s.count += 1;
    }

    /// Joins spending with the budget lines. `warn_at` is the share (0.8) from which a line
    /// is a warning. Unbudgeted spending is reported as a problem at its first expense row.
    pub fn finish(
        self,
        budget: &[BudgetLine],
        warn_at: Decimal,
        problems: &mut Vec<Problem>,
    ) -> CostReport {
        let mut lines: Vec<CostLine> = Vec::new();
        let mut used = vec![false; self.spending.len()];
        for b in budget {
            let key = (b.team.clone(), fold(&b.category));
            if let Some(line) = lines
                .iter_mut()
                .find(|l| l.team == b.team && fold(&l.category) == key.1)
            {
                // The same line written twice: budgets add up.
                line.budget = Some(line.budget.unwrap_or_default() + b.budget);
                line.status = status(line.budget, line.spent, warn_at);
                continue;
            }
            let (spent, refunds, count) = match self.index.get(&key) {
                Some(&i) => {
                    used[i] = true;
                    let s = &self.spending[i];
                    (s.spent, s.refunds, s.count)
                }
                None => (Decimal::ZERO, Decimal::ZERO, 0),
            };
            lines.push(CostLine {
                team: b.team.clone(),
                category: b.category.clone(),
                budget: Some(b.budget),
                spent,
                refunds,
                expenses: count,
                status: status(Some(b.budget), spent, warn_at),
            });
        }
        for (s, used) in self.spending.into_iter().zip(used) {
            if used {
                continue;
            }
            problems.push(Problem {
                team: s.team.clone(),
                at: s.first_at.clone(),
                severity: Severity::Warning,
                kind: ProblemKind::Unbudgeted {
                    category: s.category.clone(),
                },
            });
            lines.push(CostLine {
                team: s.team,
                category: s.category,
                budget: None,
                spent: s.spent,
                refunds: s.refunds,
                expenses: s.count,
                status: CostStatus::Unbudgeted,
            });
        }
        let mut totals = CostTotals::default();
        for l in &lines {
            totals.budget += l.budget.unwrap_or_default();
            totals.spent += l.spent;
            if l.budget.is_none() {
                totals.unbudgeted += l.spent;
            }
        }
        CostReport { lines, totals }
    }
}

/// OK below `warn_at`, Warning from it, Over above 100%.
pub fn status(budget: Option<Decimal>, spent: Decimal, warn_at: Decimal) -> CostStatus {
    match budget {
        None => CostStatus::Unbudgeted,
        Some(b) if spent > b => CostStatus::Over,
        Some(b) if spent >= b * warn_at && !spent.is_zero() => CostStatus::Warning,
        Some(_) => CostStatus::Ok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellRef;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn expense(category: &str, amount: &str) -> Expense {
        Expense {
            team: "A".into(),
            row: CellRef::new("Costs", 1, 0),
            date: None,
            category: category.into(),
            channel: None,
            item: None,
            amount: dec(amount),
            task: None,
            owner: None,
        }
    }

    fn budget(category: &str, amount: &str) -> BudgetLine {
        BudgetLine {
            team: "A".into(),
            row: CellRef::new("Budget", 1, 0),
            category: category.into(),
            budget: dec(amount),
            channel: None,
            owner: None,
        }
    }

    #[test]
    fn statuses_at_80_percent_and_over_with_a_refund() {
        let mut book = CostBook::default();
        for e in [
            expense("直播推广费", "50000"),
            expense("直播推广费", "30500.50"),
            expense("直播推广费", "-500.50"),
            expense("小红书投放", "50000.01"),
            expense("物料制作", "12000"),
            expense("公关应急", "5000"),
        ] {
            book.add(&e);
        }
        let budgets = [
            budget("直播推广费", "100000"),
            budget("小红书投放", "50000"),
            budget("物料制作", "30000"),
        ];
        let mut problems = Vec::new();
        let r = book.finish(&budgets, dec("0.8"), &mut problems);
        let live = &r.lines[0];
        assert_eq!(live.spent, dec("80000.00"));
        assert_eq!(live.refunds, dec("500.50"));
        assert_eq!(live.status, CostStatus::Warning);
        assert_eq!(live.remaining(), Some(dec("20000.00")));
        assert_eq!(r.lines[1].status, CostStatus::Over);
        assert_eq!(r.lines[2].status, CostStatus::Ok);
        assert_eq!(r.lines[3].status, CostStatus::Unbudgeted);
        assert_eq!(r.totals.budget, dec("180000"));
        assert_eq!(r.totals.spent, dec("147000.01"));
        assert_eq!(r.totals.unbudgeted, dec("5000"));
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_hundred_thousand_dimes_sum_exactly() {
        let mut book = CostBook::default();
        for _ in 0..100_000 {
            book.add(&expense("x", "0.1"));
        }
        let r = book.finish(&[budget("x", "10000")], dec("0.8"), &mut Vec::new());
        assert_eq!(r.lines[0].spent, dec("10000.0"));
        assert_eq!(r.lines[0].status, CostStatus::Warning);
        let f: f64 = (0..100_000).map(|_| 0.1).sum();
        assert_ne!(f, 10000.0, "f64 drifts where the decimal sum does not");
    }
}
