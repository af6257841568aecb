//! Which currency a team's amounts are in: decided once, here, for `report`, `costs`, the CSV
//! and JSON exports and the charts, so no two outputs can disagree.
//!
//! The rule: the currency the team's headers name ("金额(元)", "Amount (USD)"); failing that,
//! ¥ for a workbook with Chinese headers; failing that, none (plain numbers). Teams whose
//! currencies differ (¥ and $, or ¥ and an unnamed one) are never added up or drawn on one
//! axis.

use crate::lang::Lang;
use crate::model::Dataset;

/// A team's currency mark from what its workbook says: the named currency, else ¥ for a
/// Chinese workbook, else "" (unknown: plain numbers).
pub fn resolve(named: Option<&str>, workbook_lang: Option<Lang>) -> String {
    match (named, workbook_lang) {
        (Some(c), _) => c.to_string(),
        (None, Some(Lang::Zh)) => "¥".to_string(),
        (None, _) => String::new(),
    }
}

/// Every team's currency, in the order the teams were read; a team not listed has none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Currencies {
    teams: Vec<(String, String)>,
}

impl Currencies {
    /// The currencies of teams given as (team, named currency, workbook language).
    pub fn new<'a>(
        teams: impl IntoIterator<Item = (&'a str, Option<&'a str>, Option<Lang>)>,
    ) -> Currencies {
        let mut out = Currencies::default();
        for (team, named, lang) in teams {
            out.set(team, resolve(named, lang));
        }
        out
    }

    /// The currencies of a collected dataset's teams.
    pub fn of_dataset(data: &Dataset) -> Currencies {
        Currencies::new((data.currencies.iter()).map(|(t, c, l)| (t.as_str(), c.as_deref(), *l)))
    }

    /// Records a team's currency (the first one decided for a team stays).
    pub fn set(&mut self, team: &str, currency: String) {
        if !self.teams.iter().any(|(t, _)| t == team) {
            self.teams.push((team.to_string(), currency));
        }
    }

    /// The team's currency mark ("" for plain numbers).
    pub fn of(&self, team: &str) -> &str {
        self.teams
            .iter()
            .find(|(t, _)| t == team)
            .map_or("", |(_, c)| c.as_str())
    }

    /// The one currency of all these teams, or None when they differ (amounts must not be
    /// added up across them).
    pub fn common<'a>(&self, teams: impl IntoIterator<Item = &'a str>) -> Option<&str> {
        let mut marks = teams.into_iter().map(|t| self.of(t));
        let first = marks.next().unwrap_or("");
        marks.all(|m| m == first).then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_currency_wins_then_the_workbook_language() {
        assert_eq!(resolve(Some("$"), Some(Lang::Zh)), "$");
        assert_eq!(resolve(None, Some(Lang::Zh)), "¥");
        assert_eq!(resolve(None, Some(Lang::En)), "");
        assert_eq!(resolve(None, None), "");
    }

    #[test]
    fn a_chinese_and_an_english_team_naming_no_currency_are_not_added_up() {
        // Issue 15: one said ¥ and "", the other added them into ¥19,000.
        let c = Currencies::new([
            ("华东", None, Some(Lang::Zh)),
            ("West", None, Some(Lang::En)),
        ]);
        assert_eq!((c.of("华东"), c.of("West")), ("¥", ""));
        assert_eq!(c.common(["华东", "West"]), None);
        assert_eq!(c.common(["华东"]), Some("¥"));
        let same = Currencies::new([
            ("a", Some("¥"), Some(Lang::En)),
            ("b", None, Some(Lang::Zh)),
        ]);
        assert_eq!(same.common(["a", "b"]), Some("¥"));
    }
}
