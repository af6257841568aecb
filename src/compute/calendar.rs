//! The working calendar every schedule figure is counted in: Monday to Friday, less public
//! holidays, plus make-up working days (调休), plus the team's own days from its holidays
//! sheet. Chinese plans are written against mainland China's calendar, where a seven-day
//! 国庆 break and a make-up Saturday move every float and forecast; counting calendar days
//! would call a Friday-to-Monday handover two days of slack.
//!
//! The built-in table (`data/cn-holidays.csv`, 2020-2026) is compiled from the State
//! Council's yearly notices (国务院办公厅关于部分节假日安排的通知) as collected in the
//! `chinesecalendar` package 1.11.0, MIT; see `data/cn-holidays.SOURCE.md`. Years after the
//! table are not guessed: [`Calendar::uncovered_years`] names them so the summary can say so.
//!
//! Pure: the table is compiled in, the team's days come in as values. A date maps to a
//! working-day number ([`Calendar::index`]: working days before it), so spans, floats and
//! shifts are integer arithmetic, O(log special days) per date.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::Lang;
use crate::model::{PlanRow, TaskLength, TeamDay};

const CN_TABLE: &str = include_str!("../../data/cn-holidays.csv");

/// Which week and holidays the schedule counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CalendarKind {
    /// Mainland China: Monday-Friday, public holidays off, make-up working days on.
    #[default]
    Cn,
    /// Monday-Friday only.
    Weekends,
}

/// What a day that differs from the plain Monday-Friday week is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecialDay {
    pub working: bool,
    /// The festival or the team's reason ("国庆节", "Company outing"); may be empty.
    pub name: String,
    /// From the team's holidays sheet rather than the built-in table.
    pub team: bool,
}

/// A holiday as a week-wide column shows it (see [`Calendar::week_marks`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The festival or the team's reason; may be empty.
    pub name: String,
    /// The whole run of days off under this name, weekends inside it included.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Weekdays off inside the week asked about: the working days the week loses.
    pub days_off: i64,
}

/// What one week holds beyond the plain Monday-Friday week.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeekMarks {
    pub holidays: Vec<Holiday>,
    /// Weekend days worked (调休上班), with the festival they make up for.
    pub makeup: Vec<(NaiveDate, String)>,
}

/// A working calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub kind: CalendarKind,
    special: BTreeMap<NaiveDate, SpecialDay>,
    /// Years the built-in table covers (empty for weekends only).
    table_years: Vec<i32>,
    /// Per special day that changes the plain week (a working weekend day +1, a weekday off
    /// -1): its day number and the running sum of changes up to and including it.
    shifts: Vec<(i64, i64)>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::weekends()
    }
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday-to-Friday days before day number `x` (counted from a fixed Monday; only
/// differences matter).
fn weekdays_before(x: i64) -> i64 {
    // 0001-01-01 (day number 1) is a Monday, so day number 1 + 7k is a Monday.
    let p = x - 1;
    5 * p.div_euclid(7) + p.rem_euclid(7).min(5)
}

impl Calendar {
    /// Monday to Friday, no holidays.
    pub fn weekends() -> Calendar {
        Calendar::build(CalendarKind::Weekends, BTreeMap::new(), Vec::new())
    }

    /// Mainland China's calendar from the built-in table.
    pub fn cn() -> Calendar {
        let mut special = BTreeMap::new();
        let mut years = Vec::new();
        for line in CN_TABLE.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let (Some(date), Some(kind)) = (f.first(), f.get(1)) else {
                continue;
            };
            let Ok(date) = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") else {
                continue;
            };
            if !years.contains(&date.year()) {
                years.push(date.year());
            }
            special.insert(
                date,
                SpecialDay {
                    working: kind.trim() == "workday",
                    name: f.get(3).map_or("", |s| s.trim()).to_string(),
                    team: false,
                },
            );
        }
        years.sort_unstable();
        Calendar::build(CalendarKind::Cn, special, years)
    }

    pub fn of_kind(kind: CalendarKind) -> Calendar {
        match kind {
            CalendarKind::Cn => Calendar::cn(),
            CalendarKind::Weekends => Calendar::weekends(),
        }
    }

    /// This calendar with the team's own days on top: a team row wins over the table.
    pub fn with_team_days(self, days: &[TeamDay]) -> Calendar {
        if days.is_empty() {
            return self;
        }
        let mut special = self.special;
        for d in days {
            // A row that repeats the table (a team copying the official days) adds nothing.
            if special
                .get(&d.date)
                .is_some_and(|s| !s.team && s.working == d.working)
            {
                continue;
            }
            special.insert(
                d.date,
                SpecialDay {
                    working: d.working,
                    name: d.name.clone().unwrap_or_default(),
                    team: true,
                },
            );
        }
        Calendar::build(self.kind, special, self.table_years)
    }

    fn build(
        kind: CalendarKind,
        special: BTreeMap<NaiveDate, SpecialDay>,
        table_years: Vec<i32>,
    ) -> Calendar {
        // Per day that changes the plain week, the running sum of changes up to it.
        let mut shifts = Vec::new();
        let mut sum = 0;
        for (d, s) in &special {
            sum += match (s.working, is_weekend(*d)) {
                (true, true) => 1,
                (false, false) => -1,
                _ => continue,
            };
            shifts.push((day_number(*d), sum));
        }
        Calendar {
            kind,
            special,
            table_years,
            shifts,
        }
    }

    /// Working days before `d` (a number to subtract, not a count from any meaningful day).
    pub fn index(&self, d: NaiveDate) -> i64 {
        let x = day_number(d);
        let k = self.shifts.partition_point(|(at, _)| *at < x);
        let adjust = if k == 0 { 0 } else { self.shifts[k - 1].1 };
        weekdays_before(x) + adjust
    }

    pub fn is_working(&self, d: NaiveDate) -> bool {
        match self.special.get(&d) {
            Some(s) => s.working,
            None => !is_weekend(d),
        }
    }

    /// The special day `d` is, if any (a holiday on a weekend included).
    pub fn special(&self, d: NaiveDate) -> Option<&SpecialDay> {
        self.special.get(&d)
    }

    /// The special days in `from..=to`, in date order.
    pub fn special_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = (NaiveDate, &SpecialDay)> {
        let range = if from <= to { Some(from..=to) } else { None };
        range
            .into_iter()
            .flat_map(|r| self.special.range(r))
            .map(|(d, s)| (*d, s))
    }

    /// A weekend day that is a working day (a make-up day, 调休上班).
    pub fn is_makeup(&self, d: NaiveDate) -> bool {
        is_weekend(d) && self.special.get(&d).is_some_and(|s| s.working)
    }

    /// Working days in `from..=to` (0 when `to` is before `from`).
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        match to.succ_opt() {
            Some(next) if to >= from => self.index(next) - self.index(from),
            _ => 0,
        }
    }

    /// Working days from `from` to `to`, signed: how many working days `to` lies after
    /// `from` (negative when before). Two days with only days off between are 0 apart.
    pub fn shift(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        match (from.succ_opt(), to.succ_opt()) {
            (Some(a), Some(b)) => self.index(b) - self.index(a),
            _ => 0,
        }
    }

    /// The `k`-th working day (the working day whose [`Calendar::index`] is `k`).
    pub fn working_day(&self, k: i64) -> NaiveDate {
        // index() is non-decreasing and rises by one on each working day; search the first
        // day whose successor's index exceeds k. Bounds: weekdays alone put it near 7k/5.
        let guess = k * 7 / 5;
        let spread = 7 + 2 * self.special.len() as i64;
        let (mut lo, mut hi) = (guess - spread * 2 - 14, guess + spread * 2 + 14);
        let idx = |x: i64| self.index(date(x));
        while idx(lo + 1) > k && lo > i64::from(i32::MIN) {
            lo -= spread * 4 + 14;
        }
        while idx(hi + 1) <= k && hi < i64::from(i32::MAX) {
            hi += spread * 4 + 14;
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if idx(mid + 1) > k {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        date(lo)
    }

    /// The first working day on or after `d`.
    pub fn on_or_after(&self, d: NaiveDate) -> NaiveDate {
        self.working_day(self.index(d))
    }

    /// The first working day after `d`: when a successor of a task due on `d` starts.
    pub fn next_working_day(&self, d: NaiveDate) -> NaiveDate {
        d.succ_opt().map_or(d, |n| self.on_or_after(n))
    }

    /// The due date of a task of `n` working days starting on `start`, dates inclusive: the
    /// `n`-th working day counting from `start` (from the first working day after it when
    /// `start` is a day off). `n` of 0 or less is taken as 1.
    pub fn add_working_days(&self, start: NaiveDate, n: i64) -> NaiveDate {
        self.working_day(self.index(start) + n.max(1) - 1)
    }

    /// The due date of a task of `length` working days from `start` in this calendar; None
    /// for a length in calendar days (the reader's date stands) or of no days.
    pub fn due_after(&self, start: NaiveDate, length: &TaskLength) -> Option<NaiveDate> {
        (length.working && length.days > 0).then(|| self.add_working_days(start, length.days))
    }

    /// Recounts in this calendar the due dates the reader derived from a number of working
    /// days (it counted Monday to Friday: the calendar is decided after reading).
    pub fn due_dates(&self, plan: &mut [PlanRow]) {
        for t in plan {
            if let (Some(start), Some(length)) = (t.start, &t.length)
                && let Some(due) = self.due_after(start, length)
            {
                t.due = Some(due);
            }
        }
    }

    /// The years in `from..=to` the built-in table does not cover and the team's sheet
    /// names no day of (mainland China calendar only; weekends-only needs no table).
    pub fn uncovered_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        if self.kind != CalendarKind::Cn || to < from {
            return Vec::new();
        }
        (from.year()..=to.year())
            .filter(|y| !self.table_years.contains(y))
            .filter(|y| !self.special.iter().any(|(d, s)| s.team && d.year() == *y))
            .collect()
    }

    /// What a week-wide timeline column marks for `from..=to`: the holidays with a weekday
    /// off inside it, each with its whole run (国庆节 10-01..10-07, though the week holds
    /// only its start), and the make-up working days (调休上班) inside it. A holiday that
    /// falls only on a weekend changes no working day and is left out.
    pub fn week_marks(&self, from: NaiveDate, to: NaiveDate) -> WeekMarks {
        let mut marks = WeekMarks::default();
        for (d, sp) in self.special_days(from, to) {
            if sp.working {
                if is_weekend(d) {
                    marks.makeup.push((d, sp.name.clone()));
                }
                continue;
            }
            if is_weekend(d) {
                continue;
            }
            if let Some(h) = (marks.holidays.iter_mut()).find(|h| h.first <= d && d <= h.last) {
                h.days_off += 1;
                continue;
            }
            // The run: neighbouring days off under the same name (weekends inside it count,
            // a break is rarely more than a few weeks: the walk is bounded).
            let same = |x: NaiveDate| {
                self.special
                    .get(&x)
                    .is_some_and(|o| !o.working && o.name == sp.name)
            };
            let (mut first, mut last) = (d, d);
            for _ in 0..60 {
                match first.pred_opt().filter(|p| same(*p)) {
                    Some(p) => first = p,
                    None => break,
                }
            }
            for _ in 0..60 {
                match last.succ_opt().filter(|n| same(*n)) {
                    Some(n) => last = n,
                    None => break,
                }
            }
            marks.holidays.push(Holiday {
                name: sp.name.clone(),
                first,
                last,
                days_off: 1,
            });
        }
        marks
    }

    /// Days the team's sheet added or changed (rows repeating the table are not counted).
    pub fn team_days(&self) -> usize {
        self.special.values().filter(|s| s.team).count()
    }

    /// One line for the Overview: which calendar the figures are counted in.
    pub fn describe(&self, lang: Lang) -> String {
        let base = match (self.kind, lang) {
            (CalendarKind::Cn, Lang::Zh) => {
                let years = self.years_text();
                format!("中国大陆工作日（周一至周五，法定节假日休息，调休上班；{years}）")
            }
            (CalendarKind::Cn, Lang::En) => format!(
                "mainland China working days (Mon-Fri, public holidays off, make-up days on; {})",
                self.years_text()
            ),
            (CalendarKind::Weekends, Lang::Zh) => "周一至周五（仅周末休息）".to_string(),
            (CalendarKind::Weekends, Lang::En) => "Monday to Friday (weekends off)".to_string(),
        };
        match (self.team_days(), lang) {
            (0, _) => base,
            (n, Lang::Zh) => format!("{base}，另加团队节假日表 {n} 天"),
            (n, Lang::En) => format!("{base}, plus {n} days from the team's holidays sheet"),
        }
    }

    fn years_text(&self) -> String {
        match (self.table_years.first(), self.table_years.last()) {
            (Some(a), Some(b)) => format!("{a}-{b}"),
            _ => String::new(),
        }
    }
}

/// The date of a day number, clamped to the dates chrono can hold.
fn date(x: i64) -> NaiveDate {
    i32::try_from(x)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(if x < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellRef;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_table_knows_guoqing_and_its_makeup_saturday() {
        let cn = Calendar::cn();
        assert!(!cn.is_working(d("2026-10-01")));
        assert!(!cn.is_working(d("2026-10-07")));
        assert!(cn.is_working(d("2026-10-08")));
        // 2026-10-10 is a Saturday and a make-up working day; 09-20 a make-up Sunday.
        assert!(cn.is_working(d("2026-10-10")) && cn.is_makeup(d("2026-10-10")));
        assert!(cn.is_working(d("2026-09-20")));
        assert!(!cn.is_working(d("2026-10-11")));
        // 中秋 2026-09-25 is a Friday off.
        assert!(!cn.is_working(d("2026-09-25")));
        assert_eq!(cn.special(d("2026-10-03")).unwrap().name, "国庆节");
        // Weekends only: 10-01 is a Thursday and a working day, 10-10 a day off.
        let w = Calendar::weekends();
        assert!(w.is_working(d("2026-10-01")) && !w.is_working(d("2026-10-10")));
    }

    #[test]
    fn a_week_knows_its_holidays_whole_runs_and_makeup_days() {
        let cn = Calendar::cn();
        // The week of 09-28: 国庆 10-01..10-07 starts on Thursday (Thu, Fri off this week).
        let w = cn.week_marks(d("2026-09-28"), d("2026-10-04"));
        assert_eq!(
            w.holidays,
            vec![Holiday {
                name: "国庆节".into(),
                first: d("2026-10-01"),
                last: d("2026-10-07"),
                days_off: 2,
            }]
        );
        assert!(w.makeup.is_empty());
        // The next week: the same run (Mon-Wed off), and Saturday 10-10 worked.
        let w = cn.week_marks(d("2026-10-05"), d("2026-10-11"));
        assert_eq!(w.holidays.len(), 1);
        assert_eq!(
            (w.holidays[0].first, w.holidays[0].days_off),
            (d("2026-10-01"), 3)
        );
        assert_eq!(w.makeup, vec![(d("2026-10-10"), "国庆节".to_string())]);
        // 中秋 09-25..09-27 loses only Friday; its make-up Sunday 09-20 is the week before.
        let w = cn.week_marks(d("2026-09-21"), d("2026-09-27"));
        assert_eq!(w.holidays[0].name, "中秋节");
        assert_eq!(w.holidays[0].days_off, 1);
        assert_eq!(w.holidays[0].last, d("2026-09-27"));
        assert_eq!(
            cn.week_marks(d("2026-09-14"), d("2026-09-20")).makeup.len(),
            1
        );
        // A plain week, and the weekends-only calendar: nothing to mark.
        assert_eq!(
            cn.week_marks(d("2026-11-23"), d("2026-11-29")),
            WeekMarks::default()
        );
        let plain = Calendar::weekends().week_marks(d("2026-09-28"), d("2026-10-04"));
        assert_eq!(plain, WeekMarks::default());
    }

    #[test]
    fn working_days_and_next_working_day_across_guoqing_and_chunjie() {
        let cn = Calendar::cn();
        // 09-21 (Mon) ..= 10-16 (Fri): 20 weekdays, less 09-25 and 10-01/02/05/06/07 (6),
        // plus make-up 10-10: 15.
        assert_eq!(cn.working_days(d("2026-09-21"), d("2026-10-16")), 15);
        assert_eq!(cn.next_working_day(d("2026-09-30")), d("2026-10-08"));
        assert_eq!(cn.next_working_day(d("2026-09-24")), d("2026-09-28"));
        assert_eq!(cn.next_working_day(d("2026-10-09")), d("2026-10-10"));
        // 春节 2026: 02-13 (Fri) is the last day before the break, 02-14 (Sat) a make-up day,
        // 02-15..02-23 off.
        assert_eq!(cn.next_working_day(d("2026-02-13")), d("2026-02-14"));
        assert_eq!(cn.next_working_day(d("2026-02-14")), d("2026-02-24"));
        assert_eq!(cn.working_days(d("2026-02-09"), d("2026-02-27")), 10);
        // Signed shift: 09-30 to 10-08 is one working day later.
        assert_eq!(cn.shift(d("2026-09-30"), d("2026-10-08")), 1);
        assert_eq!(cn.shift(d("2026-10-08"), d("2026-09-30")), -1);
        assert_eq!(cn.shift(d("2026-10-01"), d("2026-10-07")), 0);
        let w = Calendar::weekends();
        assert_eq!(w.working_days(d("2026-09-21"), d("2026-10-16")), 20);
        assert_eq!(w.next_working_day(d("2026-10-09")), d("2026-10-12"));
    }

    #[test]
    fn add_working_days_is_inclusive_of_the_start() {
        let cn = Calendar::cn();
        // 3工作日 from Wednesday 09-23: 09-23, 09-24, then 中秋 (09-25..27) off, 09-28.
        assert_eq!(cn.add_working_days(d("2026-09-23"), 3), d("2026-09-28"));
        // 5工作日 from 09-28: 09-28, 29, 30, then 国庆, 10-08, 10-09.
        assert_eq!(cn.add_working_days(d("2026-09-28"), 5), d("2026-10-09"));
        // 6 from 09-28 reaches the make-up Saturday 10-10.
        assert_eq!(cn.add_working_days(d("2026-09-28"), 6), d("2026-10-10"));
        // A start on a day off counts from the next working day.
        assert_eq!(cn.add_working_days(d("2026-10-03"), 1), d("2026-10-08"));
        // 春节: 2 from Friday 02-13 is the make-up Saturday 02-14; 3 is 02-24.
        assert_eq!(cn.add_working_days(d("2026-02-13"), 2), d("2026-02-14"));
        assert_eq!(cn.add_working_days(d("2026-02-13"), 3), d("2026-02-24"));
        assert_eq!(cn.add_working_days(d("2026-02-13"), 0), d("2026-02-13"));
        let w = Calendar::weekends();
        assert_eq!(w.add_working_days(d("2026-09-28"), 5), d("2026-10-02"));
        // Far dates and round trips do not drift.
        for s in ["2019-12-30", "2026-12-31", "2027-06-01", "1999-01-01"] {
            let s = d(s);
            for n in [1, 2, 7, 30, 400] {
                let due = cn.add_working_days(s, n);
                assert_eq!(cn.working_days(cn.on_or_after(s), due), n, "{s} +{n}");
                assert!(cn.is_working(due));
            }
        }
    }

    #[test]
    fn team_days_change_the_calendar_and_name_uncovered_years() {
        let team = |date: &str, working: bool| TeamDay {
            team: "t".into(),
            row: CellRef::new("节假日", 1, 0),
            date: d(date),
            working,
            name: Some("团建".into()),
        };
        let cn = Calendar::cn();
        assert_eq!(
            cn.uncovered_years(d("2026-11-01"), d("2027-02-01")),
            vec![2027]
        );
        let cn = cn.with_team_days(&[
            team("2026-11-06", false),
            team("2027-01-01", false),
            // The official 国庆 day copied into the sheet changes nothing.
            team("2026-10-01", false),
        ]);
        assert!(!cn.is_working(d("2026-11-06")));
        assert_eq!(cn.working_days(d("2026-11-02"), d("2026-11-06")), 4);
        assert!(
            cn.uncovered_years(d("2026-11-01"), d("2027-02-01"))
                .is_empty()
        );
        assert_eq!(cn.team_days(), 2);
        // A team's working Saturday.
        let w = Calendar::weekends().with_team_days(&[team("2026-11-07", true)]);
        assert_eq!(w.working_days(d("2026-11-02"), d("2026-11-08")), 6);
        assert!(
            w.uncovered_years(d("2030-01-01"), d("2031-01-01"))
                .is_empty()
        );
    }

    #[test]
    fn durations_in_working_days_are_recounted_and_calendar_days_stand() {
        let length = |days, working| TaskLength {
            days,
            working,
            range: false,
            written: String::new(),
        };
        let cn = Calendar::cn();
        // 5 working days from Monday 09-28: 28, 29, 30, then 10-08 and 10-09 after 国庆.
        assert_eq!(
            cn.due_after(d("2026-09-28"), &length(5, true)),
            Some(d("2026-10-09"))
        );
        // 6: the make-up Saturday 10-10.
        assert_eq!(
            cn.due_after(d("2026-09-28"), &length(6, true)),
            Some(d("2026-10-10"))
        );
        // Calendar days and zero days keep the reader's date.
        assert_eq!(cn.due_after(d("2026-09-28"), &length(2, false)), None);
        assert_eq!(cn.due_after(d("2026-09-28"), &length(0, true)), None);
        // A team's day off moves Friday + 3 working days from Tuesday to Wednesday.
        let off = TeamDay {
            team: "t".into(),
            row: CellRef::new("节假日", 1, 0),
            date: d("2026-11-09"),
            working: false,
            name: None,
        };
        let w = Calendar::weekends();
        assert_eq!(
            w.due_after(d("2026-11-06"), &length(3, true)),
            Some(d("2026-11-10"))
        );
        let w = w.with_team_days(&[off]);
        assert_eq!(
            w.due_after(d("2026-11-06"), &length(3, true)),
            Some(d("2026-11-11"))
        );
    }
}
