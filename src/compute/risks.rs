//! The risk plan as the toolkit's step 1 asks for it: every risk has a person and a
//! countermeasure. This picks the risks a manager must see this week (not closed, high
//! likelihood or high impact) and reports an open risk that names no owner or no response,
//! since a risk nobody owns is a risk nobody watches.
//!
//! A closed risk needs neither, so it is never reported; a risk whose state is left blank
//! counts as open.

use crate::model::{Level, Problem, ProblemKind, Risk, RiskState, Severity};

/// Not closed: open, occurred, or no state written.
pub fn is_open(r: &Risk) -> bool {
    r.state != Some(RiskState::Closed)
}

/// High likelihood or high impact.
pub fn is_high(r: &Risk) -> bool {
    r.likelihood == Some(Level::High) || r.impact == Some(Level::High)
}

/// The key risks: open and high, indexes into `risks`. Risks high on both counts come
/// first, then in the order written.
pub fn key_risks(risks: &[Risk]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..risks.len())
        .filter(|&i| is_open(&risks[i]) && is_high(&risks[i]))
        .collect();
    let both = |r: &Risk| r.likelihood == Some(Level::High) && r.impact == Some(Level::High);
    v.sort_by_key(|&i| !both(&risks[i]));
    v
}

/// Reports each open risk without an owner (at its owner cell) or without a response (at
/// its response cell), as warnings.
pub fn check(risks: &[Risk], problems: &mut Vec<Problem>) {
    for r in risks.iter().filter(|r| is_open(r)) {
        let mut report = |at: &crate::model::CellRef, kind| {
            problems.push(Problem {
                team: r.team.clone(),
                at: at.clone(),
                severity: Severity::Warning,
                kind,
            })
        };
        if r.owner.is_none() {
            report(
                &r.owner_at,
                ProblemKind::RiskWithoutOwner {
                    risk: r.risk.clone(),
                },
            );
        }
        if r.response.is_none() {
            report(
                &r.response_at,
                ProblemKind::RiskWithoutResponse {
                    risk: r.risk.clone(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellRef;

    fn risk(
        name: &str,
        likelihood: Level,
        impact: Level,
        owner: Option<&str>,
        state: RiskState,
    ) -> Risk {
        Risk {
            team: "A".into(),
            row: CellRef::new("风险预案", 1, 0),
            risk: name.into(),
            likelihood: Some(likelihood),
            impact: Some(impact),
            response: Some("r".into()),
            owner: owner.map(str::to_string),
            state: Some(state),
            state_text: None,
            owner_at: CellRef::new("风险预案", 1, 4),
            response_at: CellRef::new("风险预案", 1, 3),
        }
    }

    #[test]
    fn key_risks_are_open_and_high_with_high_on_both_first() {
        use Level::*;
        let risks = [
            risk("竞品突袭", Medium, High, Some("赵"), RiskState::Open),
            risk("物料延期", High, High, Some("刘"), RiskState::Occurred),
            risk("小事", Low, Medium, Some("x"), RiskState::Open),
            risk("已过去", High, High, Some("y"), RiskState::Closed),
        ];
        assert_eq!(key_risks(&risks), [1, 0]);
    }

    #[test]
    fn an_open_risk_without_owner_or_response_is_a_warning_at_its_cell() {
        let mut nobody = risk("舆情危机", Level::Low, Level::High, None, RiskState::Open);
        nobody.response = None;
        let mut closed = risk("旧", Level::Low, Level::Low, None, RiskState::Closed);
        closed.response = None;
        let mut problems = Vec::new();
        check(&[nobody, closed], &mut problems);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].at.to_string(), "风险预案!E2");
        assert!(matches!(
            problems[0].kind,
            ProblemKind::RiskWithoutOwner { .. }
        ));
        assert_eq!(problems[1].at.to_string(), "风险预案!D2");
        assert_eq!(problems[1].severity, Severity::Warning);
    }
}
