//! Week labels as teams write them: "W45", "Wk 45", "Week 45", "2026-W47", "第45周", "第3周".
//! A label is either a week of the year (ISO) or the n-th week of the campaign; which one a
//! bare number means is decided with the plan's dates (see [`resolve_week`]).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::text::normalize_width;

/// A numbered week as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekLabel {
    /// The year written with it ("2026-W47"), if any.
    pub year: Option<i32>,
    pub number: u32,
    /// Written the ISO way ("W47", "Wk 47", "2026-W47", "CW47"): a week of the year unless
    /// that week lies outside the plan and the campaign's week does not.
    pub iso_style: bool,
}

/// A week label, or None when the text is not one. Numbers from 1 to 53.
pub fn parse_week(text: &str) -> Option<WeekLabel> {
    let s: String = normalize_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if let Some(inner) = s.strip_prefix('第') {
        let n = inner
            .strip_suffix('周')
            .or_else(|| inner.strip_suffix("週"))?;
        return label(None, n, false);
    }
    if let Some(n) = s.strip_suffix('周') {
        return label(None, n, false);
    }
    if let Some(n) = s.strip_prefix("cw") {
        return label(None, n, true);
    }
    let (year, rest) = match s.find('w') {
        Some(at) if at > 0 => {
            let y = s[..at].trim_end_matches('-');
            (Some(y.parse::<i32>().ok()?), &s[at..])
        }
        _ => (None, s.as_str()),
    };
    for (word, iso) in [("week", false), ("wk", true), ("w", true)] {
        if let Some(n) = rest.strip_prefix(word) {
            let n = n.trim_start_matches(['.', '#', '-']);
            return label(year, n, iso || year.is_some());
        }
    }
    None
}

fn label(year: Option<i32>, digits: &str, iso_style: bool) -> Option<WeekLabel> {
    let number: u32 = digits.parse().ok()?;
    (1..=53).contains(&number).then_some(WeekLabel {
        year,
        number,
        iso_style,
    })
}

/// The Monday of a labelled week, and whether it was read as the campaign's week.
///
/// `plan_span` is the first start and last due date of the plan, when known. A week with a
/// year is that ISO week. Otherwise the ISO week of as-of's year and the campaign's n-th week
/// (counted from the Monday of the plan's first start) are both tried: the one inside the
/// plan's span wins; when both or neither are, an ISO-style label ("W45") is the ISO week and
/// a "第3周"/"Week 3" label is not placed (None: the caller notes it).
pub fn resolve_week(
    label: WeekLabel,
    as_of: NaiveDate,
    plan_span: Option<(NaiveDate, NaiveDate)>,
) -> Option<(NaiveDate, bool)> {
    if let Some(year) = label.year {
        return NaiveDate::from_isoywd_opt(year, label.number, Weekday::Mon).map(|d| (d, false));
    }
    let iso = iso_monday(as_of, label.number);
    let campaign =
        plan_span.map(|(first, _)| monday(first) + Duration::weeks(i64::from(label.number) - 1));
    let inside = |d: NaiveDate| {
        plan_span.is_some_and(|(first, last)| d + Duration::days(6) >= first && d <= last)
    };
    match (iso.filter(|d| inside(*d)), campaign.filter(|d| inside(*d))) {
        (Some(i), Some(c)) if i == c => Some((i, false)),
        (Some(i), None) => Some((i, false)),
        (None, Some(c)) => Some((c, true)),
        _ if label.iso_style => iso.map(|d| (d, false)),
        _ => None,
    }
}

/// The Monday of ISO week `number` nearest `as_of` (this year's, last year's or next year's).
fn iso_monday(as_of: NaiveDate, number: u32) -> Option<NaiveDate> {
    let year = as_of.iso_week().year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_isoywd_opt(y, number, Weekday::Mon))
        .min_by_key(|d| (*d - as_of).num_days().abs())
}

fn monday(day: NaiveDate) -> NaiveDate {
    // The first days chrono can hold have no Monday before them: keep the day itself.
    day.checked_sub_signed(Duration::days(i64::from(
        day.weekday().num_days_from_monday(),
    )))
    .unwrap_or(day)
}

#[cfg(test)]
#[path = "weeks_tests.rs"]
mod tests;
