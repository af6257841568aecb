//! The table finder: a sheet as teams make it, read once from top to bottom.
//!
//! A sheet may hold several tables, stacked under titles ("二、周度进度跟踪") or side by side
//! (本周 | 下周). Each is found by its header of one to three rows (the cells of a merged
//! group header are joined: "计划 / 开始"), takes its kind from the headers first, then the
//! sheet's name, then the file's name, and ends at a title row or the next header. Inside a
//! table, rows that are not data (titles, instructions, repeated headers) are skipped with a
//! note, totals rows (合计, Total) are checked against plantrack's own sum and never added,
//! and a plan's section rows (phases, WBS 1 / 1.1) name goals and stages instead of being
//! tasks. What was found goes into a [`TableRead`] per table, for `check --explain`.
//!
//! Rows are looked at as they stream past: a big ledger is never held, and only a plan's
//! rows are kept until its table ends (a section is known by the rows under it).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cells::{RowReader, display};
use super::records::{RecordSink, SheetState, plan_row, read_row};
use super::source::{CellValue, Row};
use crate::contract::{
    Column, Field, HeaderMap, HeaderText, KindSpec, MIN_HEADER_MATCHES, SheetKind, TotalsWord,
    field_names, header_key, is_instruction, kind_from_name, match_prepared, totals_word,
};
use crate::model::{
    BudgetLine, CellRef, Expense, GoalFrom, KindBy, PlanRow, Problem, ProblemKind, Risk,
    RollupField, Severity, SkipWhy, TableNote, TableRead, WeeklyRow,
};

/// Rows looked at for a first header before a sheet is given up.
const SEARCH_ROWS: usize = 30;
/// Rows looked at for a further table after one ends.
const SEARCH_AFTER_TABLE: usize = 60;
/// Header cells looked at: a table's header is never wider than this.
const MAX_HEADER_COLUMNS: usize = 256;
/// Skipped rows listed one by one in a table's record; the rest are counted.
const LISTED_SKIPS: usize = 12;

/// The workbook around a sheet.
#[derive(Clone, Copy)]
pub struct SheetCtx<'a> {
    pub team: &'a str,
    pub as_of: NaiveDate,
    /// The kind the file's name says ("预算.xlsx"), for sheets whose own name says none.
    pub file_kind: Option<SheetKind>,
}

/// A header found: the columns it maps, for one table.
#[derive(Debug, Clone)]
struct Group {
    map: HeaderMap,
    kind_by: KindBy,
    cols: (usize, usize),
    header_rows: (u32, u32),
    /// The header text of each column of the table, by column (joined parts).
    headers: Vec<(usize, String)>,
    timeline: Option<(usize, usize)>,
    /// Amounts per period, by column: a budget without a budget column, a ledger without
    /// dates (one amount per line and period).
    periods: Vec<(usize, NaiveDate)>,
    /// A unit note above the header applied to these money columns.
    unit_note: Option<(String, Vec<String>)>,
}

/// A table being read.
struct Table {
    g: Group,
    record: TableRead,
    state: SheetState,
    /// A plan's rows, kept until the table ends, and its totals rows.
    plan_rows: Vec<Row>,
    plan_totals: Vec<(Row, String, TotalsWord)>,
    sum_all: Decimal,
    sum_sub: Decimal,
    skipped: usize,
    merged_once: usize,
    wanted: bool,
    /// The first currency written in a money cell.
    currency: Option<String>,
    /// A budget table's Actual column: spending on each line, passed with the task-row
    /// costs after the budget (see `RecordSink`).
    line_spent: Vec<Expense>,
}

/// A cost table left for the second pass (after the other sheets, see `RecordSink`).
struct Deferred {
    /// The last header row: the second pass starts below it.
    header: u32,
    groups: Vec<Group>,
    /// The header's rows when it may still continue on the next row (a two-row header).
    pending: Option<Vec<Row>>,
    title: Option<(String, CellRef)>,
    unit_note: Option<(String, crate::values::UnitHint, CellRef)>,
}

/// One sheet being read.
pub struct SheetRead<'a> {
    pub name: &'a str,
    ctx: SheetCtx<'a>,
    named: Option<(SheetKind, KindBy)>,
    pub problems: Vec<Problem>,
    /// Tables finished, in sheet order.
    pub tables: Vec<TableRead>,
    /// The header maps of the tables found (language and currency of the workbook).
    pub maps: Vec<HeaderMap>,
    active: Vec<Table>,
    /// The rows just above the current one while looking for a header (group headers).
    recent: Vec<Row>,
    pending: Option<(Vec<Row>, Vec<Group>)>,
    title: Option<(String, CellRef)>,
    seeking: usize,
    found_any: bool,
    /// Headers recognised but lacking a needed column, reported when no table is read.
    missing: Vec<Problem>,
    /// A cost table whose rows wait for the second pass (after the other sheets).
    deferred: Option<Deferred>,
    skip_through: Option<u32>,
    /// Money spent written on plan rows: expenses, passed on after the other sheets.
    pub task_expenses: Vec<Expense>,
    /// Spending from budget tables' Actual columns: counted after the ledgers, for the
    /// lines no ledger holds (a summary sheet's Actual repeats its ledgers).
    pub line_spent: Vec<Expense>,
    /// Period columns (months, quarters, weeks, dates) of the header being looked at.
    periods: Vec<(usize, NaiveDate)>,
    /// The first currency written in a money cell of its tables.
    pub currency: Option<String>,
    /// A unit note ("单位：万元") seen above a header, for its table's money columns.
    unit_note: Option<(String, crate::values::UnitHint, CellRef)>,
}

impl<'a> SheetRead<'a> {
    pub fn new(name: &'a str, ctx: SheetCtx<'a>) -> Self {
        let named = kind_from_name(name)
            .map(|k| (k, KindBy::SheetName))
            .or_else(|| ctx.file_kind.map(|k| (k, KindBy::FileName)));
        SheetRead {
            name,
            ctx,
            named,
            problems: Vec::new(),
            tables: Vec::new(),
            maps: Vec::new(),
            active: Vec::new(),
            recent: Vec::new(),
            pending: None,
            title: None,
            seeking: 0,
            found_any: false,
            missing: Vec::new(),
            deferred: None,
            skip_through: None,
            task_expenses: Vec::new(),
            line_spent: Vec::new(),
            periods: Vec::new(),
            currency: None,
            unit_note: None,
        }
    }

    /// The second pass over a sheet whose cost table's header the first pass found.
    pub fn resume(&mut self) -> Option<SheetRead<'a>> {
        let d = self.deferred.take()?;
        let mut sheet = SheetRead::new(self.name, self.ctx);
        sheet.named = self.named;
        sheet.skip_through = Some(d.header);
        sheet.title = d.title;
        sheet.unit_note = d.unit_note;
        sheet.found_any = true;
        match d.pending {
            Some(rows) => sheet.pending = Some((rows, d.groups)),
            None => {
                for g in d.groups {
                    sheet.start_table(g, true);
                }
            }
        }
        Some(sheet)
    }

    /// Takes one row; returns false when the rest of the sheet need not be read.
    pub fn row(&mut self, row: &Row, sink: &mut dyn RecordSink, first_pass: bool) -> bool {
        if self.skip_through.is_some_and(|last| row.index <= last) {
            return true;
        }
        if let Some((rows, groups)) = self.pending.take() {
            let adjacent = rows.last().is_some_and(|r| r.index + 1 == row.index);
            if adjacent && rows.len() < 3 && header_like(row) {
                let mut more = rows.clone();
                more.push(row.clone());
                if let Some(better) = self.detect(&more)
                    && score(&better) > score(&groups)
                {
                    self.pending = Some((more, better));
                    return true;
                }
            }
            if !self.commit(groups, sink, first_pass) {
                return false;
            }
        }
        if self.active.is_empty() {
            let go_on = self.seek(row);
            return go_on && !self.defer_pending(sink, first_pass);
        }
        // A title row ("二、周度进度跟踪") or a new header ends the tables above it.
        if let Some(text) = title_text(row)
            && is_table_title(&text)
        {
            self.end_tables(sink);
            self.title = Some((text, CellRef::new(self.name, row.index, first_cell(row))));
            self.recent = vec![row.clone()];
            return true;
        }
        if header_like(row)
            && let Some(groups) = self.detect(std::slice::from_ref(row))
        {
            let same = groups.len() == self.active.len()
                && groups
                    .iter()
                    .zip(&self.active)
                    .all(|(g, t)| g.map.kind == t.g.map.kind && g.cols == t.g.cols);
            if same {
                for t in &mut self.active {
                    t.skip(self.name, row.index, SkipWhy::RepeatedHeader);
                }
                return true;
            }
            self.end_tables(sink);
            self.recent.clear();
            self.pending = Some((vec![row.clone()], groups));
            return !self.defer_pending(sink, first_pass);
        }
        let (name, ctx) = (self.name, self.ctx);
        for t in &mut self.active {
            t.take(row, name, ctx, &mut self.problems, sink);
        }
        true
    }

    /// In the first pass, a header found for a cost table stops the sheet here: its rows
    /// (and whether the header goes on in the next row) wait for the second pass, so a big
    /// ledger is read once. True when it did.
    fn defer_pending(&mut self, sink: &mut dyn RecordSink, first_pass: bool) -> bool {
        let costs = self.pending.as_ref().is_some_and(|(_, groups)| {
            groups
                .iter()
                .any(|g| g.map.kind == SheetKind::Costs && sink.wants(SheetKind::Costs))
        });
        if !first_pass || !costs {
            return false;
        }
        let Some((rows, groups)) = self.pending.take() else {
            return false;
        };
        self.found_any = true;
        for g in &groups {
            self.maps.push(g.map.clone());
        }
        self.deferred = Some(Deferred {
            header: rows.last().map_or(0, |r| r.index),
            groups,
            pending: Some(rows),
            title: self.title.clone(),
            unit_note: self.unit_note.take(),
        });
        true
    }

    /// Looking for a header among the rows after the last table.
    fn seek(&mut self, row: &Row) -> bool {
        self.seeking += 1;
        if self.recent.last().is_some_and(|r| r.index + 1 != row.index) {
            self.recent.clear();
        }
        let mut best: Option<(Vec<Row>, Vec<Group>)> = None;
        let texts = row
            .cells
            .iter()
            .take(MAX_HEADER_COLUMNS)
            .filter(|c| matches!(c, CellValue::Text(t) if !t.trim().is_empty()))
            .count();
        if texts >= 2 {
            for above in 0..=self.recent.len().min(2) {
                let mut rows: Vec<Row> = self.recent[self.recent.len() - above..].to_vec();
                rows.push(row.clone());
                if let Some(groups) = self.detect(&rows)
                    && best.as_ref().is_none_or(|(_, b)| score(&groups) > score(b))
                {
                    best = Some((rows, groups));
                }
            }
        }
        if let Some((rows, groups)) = best {
            // A title just above the header names the table (a plan's goal).
            let first = rows[0].index;
            if let Some(r) = self.recent.iter().rev().find(|r| r.index < first)
                && let Some(t) = title_text(r)
                && self.names_table(&t)
            {
                self.title = Some((t, CellRef::new(self.name, r.index, first_cell(r))));
            }
            self.recent.clear();
            self.pending = Some((rows, groups));
            return true;
        }
        if self.unit_note.is_none() {
            self.unit_note = super::cells::unit_note_in(row, self.name);
        }
        if let Some(t) = title_text(row)
            && !is_instruction(&t)
            && self.names_table(&t)
            && self
                .unit_note
                .as_ref()
                .is_none_or(|(_, _, at)| at.row != row.index)
        {
            self.title = Some((t, CellRef::new(self.name, row.index, first_cell(row))));
        }
        let mut kept = row.clone();
        kept.cells.truncate(MAX_HEADER_COLUMNS);
        self.recent.push(kept);
        if self.recent.len() > 2 {
            self.recent.remove(0);
        }
        let limit = if self.found_any {
            SEARCH_AFTER_TABLE
        } else {
            SEARCH_ROWS
        };
        self.seeking < limit || self.named.is_some() && self.seeking < SEARCH_AFTER_TABLE
    }

    /// The tables a header of these rows starts, if it is one.
    fn detect(&mut self, rows: &[Row]) -> Option<Vec<Group>> {
        let parts = header_parts(rows);
        let texts = parts.iter().filter(|p| !p.is_empty()).count();
        if texts < 2 {
            return None;
        }
        let header = Header::new(parts);
        let parts = &header.parts;
        let timeline = timeline_columns(rows.last()?, parts);
        self.periods = period_columns(rows.last()?, &timeline, self.ctx.as_of);
        let width = parts.len();
        let header_rows = (rows[0].index, rows[rows.len() - 1].index);
        let whole = self.best_map(&header, (0, width));
        let mut groups = Vec::new();
        match whole {
            Some((map, by)) if !has_duplicates(map.kind, &header, (0, width)) => {
                groups.push(self.group(map, by, parts, &timeline, header_rows));
            }
            _ => {
                // Side by side: split at empty header columns, then join neighbours while
                // no field is written twice.
                let segments = segments(parts);
                let mut i = 0;
                while i < segments.len() {
                    let mut found = None;
                    for j in (i..segments.len()).rev() {
                        let range = (segments[i].0, segments[j].1);
                        if let Some((map, by)) = self.best_map(&header, range)
                            && !has_duplicates(map.kind, &header, range)
                        {
                            found = Some((j, map, by));
                            break;
                        }
                    }
                    match found {
                        Some((j, map, by)) => {
                            groups.push(self.group(map, by, parts, &timeline, header_rows));
                            i = j + 1;
                        }
                        None => i += 1,
                    }
                }
            }
        }
        if groups.is_empty() {
            self.note_unusable(&header, &timeline, rows);
            return None;
        }
        Some(groups)
    }

    /// The map of the header columns in `range`: the sheet's (or file's) kind when its
    /// needed columns are there, else the kind the headers say.
    fn best_map(&self, parts: &Header, range: (usize, usize)) -> Option<(HeaderMap, KindBy)> {
        let periods = self
            .periods
            .iter()
            .filter(|(c, _)| (range.0..range.1).contains(c))
            .count();
        let usable =
            |m: &HeaderMap, named: bool| m.is_usable(named) || periods >= 2 && by_periods(m);
        // A metrics sheet may hold metrics as columns, dates or weeks as rows.
        if super::metrics::named_like_metrics(self.name) {
            let headers: Vec<String> = (range.0..range.1.min(parts.len()))
                .map(|c| parts.parts[c].join(" / "))
                .collect();
            if let Some(mut map) = super::metrics::wide_header(&headers) {
                for c in &mut map.columns {
                    c.col += range.0;
                }
                return Some((map, KindBy::SheetName));
            }
        }
        if let Some((kind, by)) = self.named {
            let map = build_map(kind, parts, range);
            if usable(&map, true) {
                return Some((map, by));
            }
        }
        SheetKind::ALL
            .iter()
            .map(|k| build_map(*k, parts, range))
            .filter(|m| usable(m, false))
            .max_by_key(|m| m.columns.len())
            .map(|m| (m, KindBy::Headers))
    }

    fn group(
        &self,
        map: HeaderMap,
        kind_by: KindBy,
        parts: &[Vec<String>],
        timeline: &[usize],
        header_rows: (u32, u32),
    ) -> Group {
        let lo = map.columns.iter().map(|c| c.col).min().unwrap_or(0);
        let hi = map.columns.iter().map(|c| c.col).max().unwrap_or(0);
        // The table spans its matched columns and the named ones between or right beside.
        let mut cols = (lo, hi);
        while cols.0 > 0 && !parts[cols.0 - 1].is_empty() && !timeline.contains(&(cols.0 - 1)) {
            cols.0 -= 1;
        }
        while cols.1 + 1 < parts.len()
            && !parts[cols.1 + 1].is_empty()
            && !timeline.contains(&(cols.1 + 1))
        {
            cols.1 += 1;
        }
        let in_timeline: Vec<usize> = timeline
            .iter()
            .copied()
            .filter(|c| !map.columns.iter().any(|m| m.col == *c))
            .collect();
        let periods: Vec<(usize, NaiveDate)> = if by_periods(&map) {
            self.periods
                .iter()
                .copied()
                .filter(|(c, _)| in_timeline.contains(c) && *c > lo)
                .collect()
        } else {
            Vec::new()
        };
        if let Some((_, (last, _))) = periods.first().zip(periods.last()) {
            cols.1 = cols.1.max(*last);
        }
        let timeline = match (in_timeline.first(), in_timeline.last()) {
            (Some(a), Some(b)) if periods.is_empty() => Some((*a, *b)),
            _ => None,
        };
        let headers = (cols.0..=cols.1)
            .filter(|c| !parts[*c].is_empty())
            .map(|c| (c, parts[c].join(" / ")))
            .collect();
        Group {
            map,
            kind_by,
            cols,
            header_rows,
            headers,
            timeline,
            periods,
            unit_note: None,
        }
    }

    /// A header that names a kind's columns but lacks a needed one: kept to report if the
    /// sheet yields no table (a drawn Gantt says so).
    fn note_unusable(&mut self, header: &Header, timeline: &[usize], rows: &[Row]) {
        let parts = &header.parts;
        let named = self.named.map(|(k, _)| k);
        let candidate = SheetKind::ALL
            .iter()
            .map(|k| build_map(*k, header, (0, parts.len())))
            .filter(|m| {
                m.columns.len() >= MIN_HEADER_MATCHES
                    || Some(m.kind) == named && m.columns.len() >= 2
            })
            .max_by_key(|m| (Some(m.kind) == named, m.columns.len()));
        let Some(map) = candidate else { return };
        if !self.missing.is_empty() {
            // The first such header says it; rows below it would repeat it.
            return;
        }
        let at = CellRef::new(self.name, rows[rows.len() - 1].index, 0);
        let team = self.ctx.team.to_string();
        if map.kind == SheetKind::Plan && map.column(Field::Task).is_some() && timeline.len() >= 3 {
            self.missing.push(Problem {
                team,
                at,
                severity: Severity::Error,
                kind: ProblemKind::DrawnGantt {
                    columns: timeline
                        .iter()
                        .take(4)
                        .map(|c| parts[*c].join(" / "))
                        .collect(),
                },
            });
            return;
        }
        let found: Vec<String> = parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.join(" / "))
            .collect();
        for field in map.missing_required() {
            self.missing.push(Problem {
                team: team.clone(),
                at: at.clone(),
                severity: Severity::Error,
                kind: ProblemKind::MissingColumn {
                    field: field_names(map.kind, field),
                    found: found.clone(),
                },
            });
        }
    }

    /// Starts the tables of a header; false when the sheet's reading stops here (a cost
    /// table, read in the second pass).
    fn commit(
        &mut self,
        mut groups: Vec<Group>,
        sink: &mut dyn RecordSink,
        first_pass: bool,
    ) -> bool {
        self.found_any = true;
        self.seeking = 0;
        // A unit note above the header ("单位：万元") applies to the money columns below it.
        if let Some((note, hint, at)) = self.unit_note.take() {
            for g in &mut groups {
                let columns = super::cells::apply_unit_note(&mut g.map, &hint);
                if !columns.is_empty() {
                    g.unit_note = Some((note.clone(), columns.clone()));
                    self.problems.push(Problem {
                        team: self.ctx.team.to_string(),
                        at: at.clone(),
                        severity: Severity::Info,
                        kind: ProblemKind::UnitNote {
                            note: note.clone(),
                            columns,
                        },
                    });
                }
            }
        }
        let costs = groups
            .iter()
            .any(|g| g.map.kind == SheetKind::Costs && sink.wants(SheetKind::Costs));
        if first_pass && costs {
            let header = groups.iter().map(|g| g.header_rows.1).max().unwrap_or(0);
            for g in &groups {
                self.maps.push(g.map.clone());
            }
            self.deferred = Some(Deferred {
                header,
                groups,
                pending: None,
                title: self.title.clone(),
                unit_note: None,
            });
            return false;
        }
        for g in groups {
            let wanted = sink.wants(g.map.kind);
            self.maps.push(g.map.clone());
            self.start_table(g, wanted);
        }
        true
    }

    fn start_table(&mut self, g: Group, wanted: bool) {
        let record = TableRead {
            team: self.ctx.team.to_string(),
            sheet: self.name.to_string(),
            kind: g.map.kind,
            kind_by: g.kind_by,
            header_rows: g.header_rows,
            cols: (g.cols.0 as u32, g.cols.1 as u32),
            last_row: g.header_rows.1,
            columns: g
                .map
                .columns
                .iter()
                .map(|c| {
                    (
                        c.col as u32,
                        c.header.clone(),
                        field_names(g.map.kind, c.field),
                    )
                })
                .collect(),
            left_out: g
                .headers
                .iter()
                .filter(|(c, _)| !g.map.columns.iter().any(|m| m.col == *c))
                .filter(|(c, _)| !g.periods.iter().any(|(p, _)| p == c))
                .map(|(c, h)| (*c as u32, h.clone()))
                .collect(),
            timeline: g.timeline.map(|(a, b)| (a as u32, b as u32)),
            records: 0,
            notes: Vec::new(),
        };
        let mut record = record;
        if let Some((note, columns)) = &g.unit_note {
            record.notes.push(TableNote::UnitNote {
                note: note.clone(),
                columns: columns.clone(),
            });
        }
        if let (Some((_, first)), Some((_, last))) = (g.periods.first(), g.periods.last()) {
            record.notes.push(TableNote::Periods {
                count: g.periods.len(),
                first: *first,
                last: *last,
            });
        }
        let mut state = SheetState::default();
        if g.map.kind == SheetKind::Costs && g.map.column(Field::Category).is_none() {
            // One ledger sheet per category ("Advertising", "Events"): the sheet names it.
            state.group = Some(if is_generic_sheet_name(self.name) {
                self.ctx.team.to_string()
            } else {
                self.name.trim().to_string()
            });
        }
        if g.map.kind == SheetKind::Plan && g.map.column(Field::Goal).is_none() {
            let (goal, from) = self.fallback_goal();
            state.set_goal(goal.0.clone(), goal.1);
            let mut t_record = record;
            t_record
                .notes
                .push(TableNote::GoalFrom { goal: goal.0, from });
            self.push_table(g, t_record, state, wanted);
            return;
        }
        self.push_table(g, record, state, wanted);
    }

    fn push_table(&mut self, g: Group, record: TableRead, state: SheetState, wanted: bool) {
        self.active.push(Table {
            g,
            record,
            state,
            plan_rows: Vec::new(),
            plan_totals: Vec::new(),
            sum_all: Decimal::ZERO,
            sum_sub: Decimal::ZERO,
            skipped: 0,
            merged_once: 0,
            wanted,
            currency: None,
            line_spent: Vec::new(),
        });
    }

    /// Whether a title row above a table names it: not a byline ("编制：市场部", "Project
    /// lead: Ann"), and, above a sheet's first table, not a subtitle under the sheet's title
    /// (the first title stays unless a later one names a part: "一、项目计划").
    fn names_table(&self, t: &str) -> bool {
        !is_byline(t) && (self.found_any || self.title.is_none() || is_table_title(t))
    }

    /// A plan's goal when it has no goal column: the title above the table, else the sheet's
    /// name (unless it is only "Sheet1" or a kind's name), else the file's stem.
    fn fallback_goal(&self) -> ((String, CellRef), GoalFrom) {
        if let Some((t, at)) = &self.title {
            return ((t.clone(), at.clone()), GoalFrom::Title);
        }
        let sheet_at = CellRef::sheet_only(self.name);
        if !is_generic_sheet_name(self.name) {
            return (
                (self.name.trim().to_string(), sheet_at),
                GoalFrom::SheetName,
            );
        }
        ((self.ctx.team.to_string(), sheet_at), GoalFrom::FileName)
    }

    fn end_tables(&mut self, sink: &mut dyn RecordSink) {
        let (name, ctx) = (self.name, self.ctx);
        for mut t in std::mem::take(&mut self.active) {
            if self.currency.is_none() {
                self.currency = t.currency.take();
            }
            if t.g.map.kind == SheetKind::Plan {
                t.finish_plan(name, ctx, &mut self.problems, sink, &mut self.task_expenses);
            }
            if !t.line_spent.is_empty() {
                t.record.notes.push(TableNote::LineSpent {
                    rows: t.line_spent.len(),
                    in_ledger: 0,
                });
                self.line_spent.append(&mut t.line_spent);
            }
            if t.skipped > LISTED_SKIPS {
                t.record.notes.push(TableNote::MoreSkipped {
                    count: t.skipped - LISTED_SKIPS,
                });
            }
            if t.state.qty_times_price > 0 {
                t.record.notes.push(TableNote::QtyTimesPrice {
                    rows: t.state.qty_times_price,
                });
            }
            if t.merged_once > 0 {
                t.record.notes.push(TableNote::MergedOnce {
                    rows: t.merged_once,
                });
            }
            t.record.notes.sort_by_key(|n| match n {
                TableNote::Section { at, .. }
                | TableNote::Totals { at, .. }
                | TableNote::Skipped { at, .. } => (1, at.row),
                TableNote::GoalFrom { .. } => (0, 0),
                _ => (2, 0),
            });
            self.tables.push(t.record);
        }
        self.seeking = 0;
    }

    /// Ends the sheet: the tables still open end here. The kind of the first table, or None
    /// (with a problem saying why) when the sheet held none.
    pub fn finish(&mut self, sink: &mut dyn RecordSink, first_pass: bool) -> Option<SheetKind> {
        if let Some((_, groups)) = self.pending.take() {
            self.commit(groups, sink, first_pass);
        }
        self.end_tables(sink);
        if let Some(t) = self.tables.first() {
            return Some(t.kind);
        }
        if let Some(d) = &self.deferred {
            return d.groups.first().map(|g| g.map.kind);
        }
        if !self.missing.is_empty() {
            self.problems.append(&mut self.missing);
            return None;
        }
        self.problems.push(Problem {
            team: self.ctx.team.to_string(),
            at: CellRef::sheet_only(self.name),
            severity: Severity::Info,
            kind: match self.named {
                Some((kind, _)) => ProblemKind::NoHeaderRow { kind },
                None => ProblemKind::IgnoredSheet,
            },
        });
        None
    }
}

/// Records that pass through, with the amount each carries, for totals rows.
struct Tally<'s> {
    sink: &'s mut dyn RecordSink,
    amount: Option<Decimal>,
    /// The budget line passed, for spending written beside it.
    line: Option<String>,
}

impl RecordSink for Tally<'_> {
    fn plan(&mut self, row: PlanRow) {
        self.amount = row.budget;
        self.sink.plan(row)
    }
    fn weekly(&mut self, row: WeeklyRow) {
        self.amount = Some(Decimal::ZERO);
        self.sink.weekly(row)
    }
    fn expense(&mut self, row: Expense) {
        self.amount = Some(row.amount);
        self.sink.expense(row)
    }
    fn budget(&mut self, row: BudgetLine) {
        self.amount = Some(row.budget);
        self.line = Some(row.category.clone());
        self.sink.budget(row)
    }
    fn risk(&mut self, row: Risk) {
        self.amount = Some(Decimal::ZERO);
        self.sink.risk(row)
    }
    fn team_day(&mut self, row: crate::model::TeamDay) {
        self.amount = Some(Decimal::ZERO);
        self.sink.team_day(row)
    }
    fn metric(&mut self, row: crate::model::MetricRow) {
        self.amount = Some(Decimal::ZERO);
        self.sink.metric(row)
    }
}

impl Table {
    fn skip(&mut self, sheet: &str, row: u32, why: SkipWhy) {
        self.skipped += 1;
        if self.skipped <= LISTED_SKIPS {
            let at = CellRef::new(sheet, row, self.g.cols.0 as u32);
            self.record.notes.push(TableNote::Skipped { at, why });
        }
    }

    /// The money column a totals row of this table is read from.
    fn money_field(&self) -> Option<Field> {
        match self.g.map.kind {
            SheetKind::Costs => Some(Field::Amount),
            SheetKind::Budget => Some(Field::Budget),
            SheetKind::Plan => Some(Field::Budget),
            _ => None,
        }
        .filter(|f| self.g.map.column(*f).is_some())
    }

    /// One row of the sheet, for this table's columns.
    fn take(
        &mut self,
        row: &Row,
        sheet: &str,
        ctx: SheetCtx<'_>,
        problems: &mut Vec<Problem>,
        sink: &mut dyn RecordSink,
    ) {
        let (lo, hi) = self.g.cols;
        if (lo..=hi).all(|c| row.get(c).is_empty()) {
            return;
        }
        if !self.wanted {
            self.record.last_row = row.index;
            return;
        }
        if self.g.map.columns.iter().all(|c| row.get(c.col).is_empty()) {
            // A note beside the table.
            return;
        }
        self.record.last_row = row.index;
        if let Some((label, word)) = totals_label(row, (lo, hi)) {
            if self.g.map.kind == SheetKind::Plan {
                // Checked once the plan's tasks are known.
                self.plan_totals.push((row.clone(), label, word));
                return;
            }
            self.totals(row, sheet, ctx, &label, word, problems);
            return;
        }
        // An instruction holds no figures (a ledger row starts with its date: one look).
        let figures =
            (lo..=hi).any(|c| matches!(row.get(c), CellValue::Number(_) | CellValue::Date(_)));
        if !figures
            && let Some(t) = first_text(row, (lo, hi))
            && maybe_instruction(t)
            && is_instruction(t)
        {
            self.skip(sheet, row.index, SkipWhy::Instruction);
            return;
        }
        if self.g.map.kind == SheetKind::Plan {
            self.plan_rows.push(row.clone());
            return;
        }
        // A row holding only a label in an item budget or ledger ("人力成本" above its items):
        // the group of the rows below.
        if let Some(text) = title_text_in(row, (lo, hi)) {
            let at_first = first_cell(row) as usize <= lo
                || self
                    .g
                    .map
                    .column(Field::Category)
                    .is_some_and(|c| !row.get(c.col).is_empty());
            let items = matches!(self.g.map.kind, SheetKind::Budget | SheetKind::Costs)
                && self.g.map.column(Field::Item).is_some();
            if items && at_first {
                self.state.group = Some(text);
                self.skip(sheet, row.index, SkipWhy::Group);
                return;
            }
            if at_first && merged_across(row, (lo, hi)) {
                self.skip(sheet, row.index, SkipWhy::Title);
                return;
            }
        }
        if !self.g.periods.is_empty() {
            self.period_row(row, sheet, ctx, problems, sink);
            return;
        }
        if let Some(money) = self.money_field()
            && let Some(c) = self.g.map.column(money)
            && row.merged_above.contains(&(c.col as u32))
        {
            // The rest of a merged amount: counted in the block's first row.
            self.merged_once += 1;
            return;
        }
        let mut reader = RowReader {
            sheet,
            team: ctx.team,
            row,
            map: &self.g.map,
            as_of: ctx.as_of,
            problems,
            currency: &mut self.currency,
        };
        let mut tally = Tally {
            sink,
            amount: None,
            line: None,
        };
        read_row(self.g.map.kind, &mut reader, &mut self.state, &mut tally);
        if let Some(category) = tally.line
            && self.g.map.column(Field::Spent).is_some()
            && let Some(amount) = reader.money(Field::Spent)
        {
            self.line_spent.push(Expense {
                team: ctx.team.to_string(),
                row: reader.at_field(Field::Spent),
                date: None,
                category,
                channel: None,
                item: reader.text(Field::Item),
                amount,
                task: None,
                owner: None,
            });
        }
        if let Some(a) = tally.amount {
            self.record.records += 1;
            self.sum_all += a;
            self.sum_sub += a;
        }
    }

    /// A totals row: its figure against the sum of the rows it closes.
    fn totals(
        &mut self,
        row: &Row,
        sheet: &str,
        ctx: SheetCtx<'_>,
        label: &str,
        word: TotalsWord,
        problems: &mut Vec<Problem>,
    ) {
        let computed = match word {
            TotalsWord::Total => self.sum_all,
            TotalsWord::Subtotal => self.sum_sub,
        };
        if word == TotalsWord::Subtotal {
            self.sum_sub = Decimal::ZERO;
        }
        if !self.g.periods.is_empty() {
            let stated: Decimal = self
                .g
                .periods
                .iter()
                .filter_map(|(c, _)| money_in(row.get(*c)))
                .sum();
            let at = CellRef::new(sheet, row.index, self.g.periods[0].0 as u32);
            self.reconcile(at, label, stated, computed, ctx, problems);
            return;
        }
        let Some(field) = self.money_field() else {
            self.skip(sheet, row.index, SkipWhy::Title);
            return;
        };
        let mut scratch = Vec::new();
        let mut reader = RowReader {
            sheet,
            team: ctx.team,
            row,
            map: &self.g.map,
            as_of: ctx.as_of,
            problems: &mut scratch,
            currency: &mut self.currency,
        };
        let at = reader.at_field(field);
        let Some(stated) = reader.money(field) else {
            self.skip(sheet, row.index, SkipWhy::Title);
            return;
        };
        self.reconcile(at, label, stated, computed, ctx, problems);
    }

    /// A totals row's figure against plantrack's sum: a note, and a warning when they differ.
    fn reconcile(
        &mut self,
        at: CellRef,
        label: &str,
        stated: Decimal,
        computed: Decimal,
        ctx: SheetCtx<'_>,
        problems: &mut Vec<Problem>,
    ) {
        // A total of 0 over rows that are not is a formula never calculated (an Excel table's
        // totals row written by a program), not a team's figure: explained, not warned.
        if stated != computed && !stated.is_zero() {
            problems.push(Problem {
                team: ctx.team.to_string(),
                at: at.clone(),
                severity: Severity::Warning,
                kind: ProblemKind::TotalsMismatch {
                    label: label.to_string(),
                    stated,
                    computed,
                },
            });
        }
        self.record.notes.push(TableNote::Totals {
            at,
            label: label.to_string(),
            stated,
            computed,
        });
    }

    /// A row of a table with amounts per period: a budget line of their sum, or one expense
    /// per period dated at its first day.
    fn period_row(
        &mut self,
        row: &Row,
        sheet: &str,
        ctx: SheetCtx<'_>,
        problems: &mut Vec<Problem>,
        sink: &mut dyn RecordSink,
    ) {
        let mut reader = RowReader {
            sheet,
            team: ctx.team,
            row,
            map: &self.g.map,
            as_of: ctx.as_of,
            problems,
            currency: &mut self.currency,
        };
        let category = reader
            .text(Field::Category)
            .or_else(|| self.state.group.clone())
            .or_else(|| reader.text(Field::Item));
        let Some(category) = category else {
            reader.missing::<()>(Field::Category);
            return;
        };
        let mut total = Decimal::ZERO;
        let mut any = false;
        for (col, start) in &self.g.periods {
            let cell = row.get(*col);
            if cell.is_empty() {
                continue;
            }
            let Some(amount) = money_in(cell) else {
                let at = reader.at(*col);
                reader.problem(
                    at,
                    Severity::Warning,
                    ProblemKind::Unreadable {
                        found: display(cell),
                        expected: crate::model::Expected::Money,
                    },
                );
                continue;
            };
            any = true;
            total += amount;
            if self.g.map.kind == SheetKind::Costs {
                sink.expense(Expense {
                    team: ctx.team.to_string(),
                    row: reader.at(*col),
                    date: Some(*start),
                    category: category.clone(),
                    channel: reader.text(Field::Channel),
                    item: reader.text(Field::Item),
                    amount,
                    task: reader.text(Field::Task),
                    owner: reader.text(Field::Owner),
                });
            }
        }
        if !any {
            return;
        }
        if self.g.map.kind == SheetKind::Budget {
            sink.budget(BudgetLine {
                team: ctx.team.to_string(),
                row: reader.at(0),
                category,
                budget: total,
                channel: reader.text(Field::Channel),
                owner: reader.text(Field::Owner),
            });
        }
        self.record.records += 1;
        self.sum_all += total;
        self.sum_sub += total;
    }

    /// A plan's rows once its table has ended: section rows (phases, WBS headings, indented
    /// parents) become goals and stages, the others tasks; each section's own figures are
    /// compared with its tasks'.
    fn finish_plan(
        &mut self,
        sheet: &str,
        ctx: SheetCtx<'_>,
        problems: &mut Vec<Problem>,
        sink: &mut dyn RecordSink,
        task_expenses: &mut Vec<Expense>,
    ) {
        let mut rows = std::mem::take(&mut self.plan_rows);
        let map = self.g.map.clone();
        settle_day_month(&mut rows, &map);
        let infos: Vec<RowInfo> = rows.iter().map(|r| RowInfo::of(r, &map)).collect();
        let mut level: Vec<Option<usize>> = vec![None; rows.len()];
        for i in 0..rows.len() {
            let next = infos.get(i + 1);
            let info = &infos[i];
            level[i] = match (&info.wbs, next) {
                (Some(w), Some(n))
                    if n.wbs
                        .as_ref()
                        .is_some_and(|nw| nw.starts_with(&format!("{w}."))) =>
                {
                    Some(w.split('.').count())
                }
                (Some(_), _) => None,
                (None, Some(n)) if n.indent > info.indent && info.name.is_some() => {
                    Some(1 + info.indent)
                }
                _ if info.name.is_some() && info.filled == 0 && next.is_some() => Some(1),
                _ if is_rollup_row(&infos, i) => Some(1),
                _ => None,
            };
        }
        let mut levels: Vec<usize> = level.iter().flatten().copied().collect();
        levels.sort_unstable();
        levels.dedup();
        let has_goal = map.column(Field::Goal).is_some();
        let goal_level = (!has_goal && levels.len() >= 2).then(|| levels[0]);
        // Each section, its row and the tasks under it, for the rollup check.
        let mut open: Vec<(usize, usize, Vec<PlanRow>)> = Vec::new();
        let mut closed: Vec<(usize, Vec<PlanRow>)> = Vec::new();
        let mut task_budgets = 0;
        let mut spent_rows = 0;
        let mut estimate_rows = 0;
        for (i, row) in rows.iter().enumerate() {
            let info = &infos[i];
            if let Some(l) = level[i] {
                while open.last().is_some_and(|(ol, _, _)| *ol >= l) {
                    if let Some((_, at, kids)) = open.pop() {
                        closed.push((at, kids));
                    }
                }
                let text = info.name.clone().unwrap_or_default();
                let at = CellRef::new(
                    sheet,
                    row.index,
                    map.column(Field::Task).map_or(0, |c| c.col) as u32,
                );
                let is_goal = goal_level == Some(l);
                if is_goal {
                    self.state.set_goal(text.clone(), at.clone());
                } else {
                    self.state.set_stage(text.clone(), at.clone());
                }
                self.record.notes.push(TableNote::Section {
                    at,
                    text,
                    goal: is_goal,
                });
                open.push((l, i, Vec::new()));
                continue;
            }
            let mut reader = RowReader {
                sheet,
                team: ctx.team,
                row,
                map: &map,
                as_of: ctx.as_of,
                problems,
                currency: &mut self.currency,
            };
            if info.name.is_some() && info.filled == 0 && rows.len() > 1 {
                // A lone title at the end of the list ("PROJECT TITLE").
                self.skipped += 1;
                self.record.notes.push(TableNote::Skipped {
                    at: CellRef::new(sheet, row.index, self.g.cols.0 as u32),
                    why: SkipWhy::Title,
                });
                continue;
            }
            let Some(p) = plan_row(&mut reader, &mut self.state) else {
                continue;
            };
            if p.budget.is_some() && map.column(Field::Budget).is_some() {
                task_budgets += 1;
            }
            estimate_rows += usize::from(p.estimate.is_some());
            if let Some(spent) = reader.money(Field::Spent) {
                spent_rows += 1;
                task_expenses.push(Expense {
                    team: p.team.clone(),
                    row: reader.at_field(Field::Spent),
                    date: p.done_on.or(p.due).or(p.start),
                    category: p.stage.clone().unwrap_or_else(|| p.name.clone()),
                    channel: None,
                    item: Some(p.name.clone()),
                    amount: spent,
                    task: Some(p.name.clone()),
                    owner: p.owner.clone(),
                });
            }
            self.record.records += 1;
            if let Some(b) = p.budget {
                self.sum_all += b;
            }
            for (_, _, kids) in &mut open {
                kids.push(p.clone());
            }
            sink.plan(p);
        }
        closed.extend(open.into_iter().map(|(_, at, kids)| (at, kids)));
        self.sum_sub = self.sum_all;
        for (row, label, word) in std::mem::take(&mut self.plan_totals) {
            self.totals(&row, sheet, ctx, &label, word, problems);
        }
        for (i, kids) in closed {
            self.rollup(&rows[i], sheet, ctx, problems, &kids);
        }
        if task_budgets + spent_rows + estimate_rows > 0 {
            self.record.notes.push(TableNote::TaskCosts {
                budgets: task_budgets,
                spent: spent_rows,
                estimates: estimate_rows,
            });
        }
        let due_rows = self.state.due_from_duration;
        if due_rows.0 > 0 {
            self.record.notes.push(TableNote::DueFromDuration {
                rows: due_rows.0,
                working: due_rows.1,
                upper_bound: due_rows.2,
            });
        }
    }

    /// A section row's own start, due date and budget against its tasks'.
    fn rollup(
        &mut self,
        row: &Row,
        sheet: &str,
        ctx: SheetCtx<'_>,
        problems: &mut Vec<Problem>,
        kids: &[PlanRow],
    ) {
        if kids.is_empty() {
            return;
        }
        let mut scratch = Vec::new();
        let mut reader = RowReader {
            sheet,
            team: ctx.team,
            row,
            map: &self.g.map,
            as_of: ctx.as_of,
            problems: &mut scratch,
            currency: &mut self.currency,
        };
        let section = reader.text(Field::Task).unwrap_or_default();
        let mut found = Vec::new();
        let min_start = kids.iter().filter_map(|k| k.start).min();
        let max_due = kids.iter().filter_map(|k| k.due).max();
        if let (Some(s), Some(m)) = (reader.date(Field::Start, false), min_start)
            && s != m
        {
            found.push((
                Field::Start,
                RollupField::Start,
                s.to_string(),
                m.to_string(),
            ));
        }
        if let (Some(d), Some(m)) = (reader.date(Field::Due, false), max_due)
            && d != m
        {
            found.push((Field::Due, RollupField::Due, d.to_string(), m.to_string()));
        }
        let budgets: Vec<Decimal> = kids.iter().filter_map(|k| k.budget).collect();
        if let Some(b) = reader.money(Field::Budget)
            && !budgets.is_empty()
        {
            let sum: Decimal = budgets.iter().sum();
            if sum != b {
                found.push((
                    Field::Budget,
                    RollupField::Budget,
                    crate::messages::amount(b),
                    crate::messages::amount(sum),
                ));
            }
        }
        for (field, what, stated, children) in found {
            problems.push(Problem {
                team: ctx.team.to_string(),
                at: reader.at_field(field),
                severity: Severity::Warning,
                kind: ProblemKind::SectionMismatch {
                    section: section.clone(),
                    what,
                    stated,
                    children,
                },
            });
        }
    }
}

/// What a plan row looks like, for telling sections from tasks.
struct RowInfo {
    wbs: Option<String>,
    name: Option<String>,
    indent: usize,
    /// Cells filled besides the id, name, goal and stage.
    filled: usize,
    /// An owner, progress or status written (a task someone does, not a summary).
    assigned: bool,
    /// Start and due when both are dates.
    span: Option<(NaiveDate, NaiveDate)>,
}

/// Dates typed "11/2/2026" are ambiguous alone; a column whose other dates show the order
/// ("11/13/2026") reads them that way, as the person who typed them meant.
fn settle_day_month(rows: &mut [Row], map: &HeaderMap) {
    for field in [Field::Start, Field::Due, Field::DoneOn] {
        let Some(col) = map.column(field).map(|c| c.col) else {
            continue;
        };
        let texts = rows.iter().filter_map(|r| match r.get(col) {
            CellValue::Text(t) => Some(t.as_str()),
            _ => None,
        });
        let Some(month_first) = crate::values::month_first_in(texts) else {
            continue;
        };
        for row in rows.iter_mut() {
            if let Some(cell) = row.cells.get_mut(col)
                && let CellValue::Text(t) = cell
                && let Some(d) = crate::values::date_in_order(t, month_first)
            {
                *cell = CellValue::Date(d);
            }
        }
    }
}

/// A summary row of a plan exported from Smartsheet or MS Project, where the hierarchy is
/// the cell's indent (a style, which the reader does not see): a named row with dates but no
/// owner, progress or status, over at least two assigned rows whose dates lie within its own.
fn is_rollup_row(infos: &[RowInfo], i: usize) -> bool {
    let info = &infos[i];
    let Some((start, due)) = info.span else {
        return false;
    };
    if info.name.is_none() || info.assigned {
        return false;
    }
    let kids: Vec<&RowInfo> = infos[i + 1..]
        .iter()
        .take_while(|n| n.assigned && n.name.is_some())
        .collect();
    kids.len() >= 2
        && kids
            .iter()
            .all(|k| k.span.is_some_and(|(s, d)| s >= start && d <= due))
}

impl RowInfo {
    fn of(row: &Row, map: &HeaderMap) -> RowInfo {
        let raw = |f: Field| map.column(f).map(|c| row.get(c.col));
        let name_cell = raw(Field::Task);
        let (name, indent) = match name_cell {
            Some(CellValue::Text(t)) if !t.trim().is_empty() => {
                let lead: usize = t
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .map(|c| if c == '\u{3000}' { 2 } else { 1 })
                    .sum();
                (Some(t.trim().to_string()), lead / 2)
            }
            Some(v) if !v.is_empty() => (Some(display(v)), 0),
            _ => (None, 0),
        };
        let wbs = raw(Field::Id).and_then(|v| {
            let t = display(v);
            let t = t.trim().trim_end_matches('.');
            (!t.is_empty()
                && t.split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
            .then(|| t.to_string())
        });
        let filled = map
            .columns
            .iter()
            .filter(|c| {
                !matches!(
                    c.field,
                    Field::Id | Field::Task | Field::Goal | Field::Stage
                )
            })
            .filter(|c| !row.get(c.col).is_empty() && !row.merged_above.contains(&(c.col as u32)))
            .count();
        let assigned = [Field::Owner, Field::Progress, Field::Status]
            .into_iter()
            .any(|f| raw(f).is_some_and(|v| !v.is_empty()));
        let span = match (raw(Field::Start), raw(Field::Due)) {
            (Some(CellValue::Date(s)), Some(CellValue::Date(d))) => Some((*s, *d)),
            _ => None,
        };
        RowInfo {
            wbs,
            name,
            indent,
            filled,
            assigned,
            span,
        }
    }
}

/// The header text of each column over `rows`: the distinct non-empty texts, top down.
fn header_parts(rows: &[Row]) -> Vec<Vec<String>> {
    let width = rows
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0)
        .min(MAX_HEADER_COLUMNS);
    (0..width)
        .map(|c| {
            let mut parts: Vec<String> = Vec::new();
            for r in rows {
                let t = display(r.get(c));
                if !t.is_empty() && !parts.contains(&t) {
                    parts.push(t);
                }
            }
            parts
        })
        .collect()
}

/// The header of one or more rows: each column's parts (top down) and the texts tried for a
/// field, made ready once for every kind: the parts read together ("计划" over "开始" is the
/// planned start), else the lowest, else the highest.
struct Header {
    parts: Vec<Vec<String>>,
    tries: Vec<Vec<HeaderText>>,
}

impl Header {
    fn new(parts: Vec<Vec<String>>) -> Header {
        let tries = parts
            .iter()
            .map(|p| {
                let joined = p.join(" / ");
                let texts: Vec<String> = match p.as_slice() {
                    [] => Vec::new(),
                    [one] => vec![one.clone()],
                    // 实际 over 开始 is the actual start, which plantrack does not keep: not
                    // the start.
                    [first, ..] if crate::contract::is_variant_word(first) => vec![p.concat()],
                    [first, .., last] => vec![p.concat(), last.clone(), first.clone()],
                };
                texts
                    .iter()
                    .map(|t| {
                        let mut h = HeaderText::new(t);
                        h.header = joined.clone();
                        h
                    })
                    .collect()
            })
            .collect();
        Header { parts, tries }
    }

    fn len(&self) -> usize {
        self.parts.len()
    }

    fn matched(&self, kind: SheetKind, col: usize) -> Option<Column> {
        self.tries[col]
            .iter()
            .find_map(|h| match_prepared(kind, h, col))
    }
}

fn build_map(kind: SheetKind, h: &Header, range: (usize, usize)) -> HeaderMap {
    let mut columns: Vec<Column> = Vec::new();
    for col in range.0..range.1.min(h.len()) {
        if let Some(c) = h.matched(kind, col)
            && !columns.iter().any(|x| x.field == c.field)
        {
            columns.push(c);
        }
    }
    HeaderMap { kind, columns }
}

fn has_duplicates(kind: SheetKind, h: &Header, range: (usize, usize)) -> bool {
    let mut seen = Vec::new();
    for col in range.0..range.1.min(h.len()) {
        if let Some(c) = h.matched(kind, col) {
            if seen.contains(&c.field) {
                return true;
            }
            seen.push(c.field);
        }
    }
    false
}

/// Runs of columns with a header, split at empty ones: (first, one past the last).
fn segments(parts: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (c, p) in parts.iter().enumerate() {
        match (p.is_empty(), start) {
            (false, None) => start = Some(c),
            (true, Some(s)) => {
                out.push((s, c));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, parts.len()));
    }
    out
}

/// A header's score: how many tables it starts and how many columns they map.
fn score(groups: &[Group]) -> (usize, usize) {
    (
        groups.len(),
        groups.iter().map(|g| g.map.columns.len()).sum(),
    )
}

/// Columns of a Gantt area: headed by dates, weeks, weekday letters or day numbers.
fn timeline_columns(last: &Row, parts: &[Vec<String>]) -> Vec<usize> {
    (0..parts.len())
        .filter(|c| match last.get(*c) {
            CellValue::Date(_) => true,
            CellValue::Number(n) => {
                (n.fract() == 0.0 && (1.0..=53.0).contains(n)) || (36_000.0..=60_000.0).contains(n)
            }
            CellValue::Text(t) => is_timeline_word(t),
            _ => false,
        })
        .collect()
}

fn is_timeline_word(text: &str) -> bool {
    let key = header_key(text);
    const DAYS: &[&str] = &[
        "m", "t", "w", "th", "f", "s", "su", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "一",
        "二", "三", "四", "五", "六", "日", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
    ];
    if DAYS.contains(&key.as_str()) {
        return true;
    }
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if MONTHS.contains(&key.as_str()) {
        return true;
    }
    let digits_after = |prefix: &str| {
        key.strip_prefix(prefix)
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
    };
    ["wk", "w", "week", "q", "month", "m"]
        .iter()
        .any(|p| digits_after(p))
        || (key.starts_with('第') && key.ends_with('周'))
        || key.ends_with('月')
            && key
                .trim_end_matches('月')
                .chars()
                .all(|c| c.is_ascii_digit())
        || key
            .chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == '-' || c == '.')
            && key.chars().any(|c| c == '/' || c == '-' || c == '.')
            && key.len() <= 10
}

/// True for a budget or ledger map whose missing columns amounts per period can stand for:
/// a budget without its budget column, a ledger without its date or amount.
fn by_periods(map: &HeaderMap) -> bool {
    let missing = map.missing_required();
    let standins: &[Field] = match map.kind {
        SheetKind::Budget => &[Field::Budget],
        SheetKind::Costs => &[Field::Date, Field::Amount],
        _ => return false,
    };
    !missing.is_empty()
        && missing.iter().all(|f| standins.contains(f))
        && (map.column(Field::Category).is_some() || map.column(Field::Item).is_some())
}

/// The first day of each period a header column names: a date, a month ("3月", "Mar",
/// "Month 3", "M3"), a quarter ("Q2"), a week ("Wk 5", "W5", "第5周"), in the as-of year.
fn period_columns(last: &Row, timeline: &[usize], as_of: NaiveDate) -> Vec<(usize, NaiveDate)> {
    use chrono::Datelike;
    let year = as_of.year();
    timeline
        .iter()
        .filter_map(|c| {
            let start = match last.get(*c) {
                CellValue::Date(d) => Some(*d),
                CellValue::Text(t) => {
                    let key = header_key(t);
                    let num = |p: &str| -> Option<u32> { key.strip_prefix(p)?.parse().ok() };
                    let month = |m: u32| NaiveDate::from_ymd_opt(year, m, 1);
                    const MONTHS: [&str; 12] = [
                        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                        "nov", "dec",
                    ];
                    if let Some(m) = key.strip_suffix('月').and_then(|n| n.parse().ok()) {
                        month(m)
                    } else if let Some(m) = num("month").or_else(|| num("m")) {
                        month(m)
                    } else if let Some(q) = num("q") {
                        (1..=4).contains(&q).then(|| month(q * 3 - 2)).flatten()
                    } else if let Some(w) = num("wk").or_else(|| num("week")).or_else(|| num("w")) {
                        NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)
                    } else if let Some(w) = key
                        .strip_prefix('第')
                        .and_then(|k| k.strip_suffix('周'))
                        .and_then(|n| n.parse().ok())
                    {
                        NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)
                    } else if let Some(i) = MONTHS
                        .iter()
                        .position(|m| key.starts_with(m) && key.len() <= 9)
                    {
                        month(i as u32 + 1)
                    } else {
                        match crate::values::parse_date(t, as_of) {
                            crate::values::DateText::Date(d) => Some(d),
                            _ => None,
                        }
                    }
                }
                _ => None,
            }?;
            Some((*c, start))
        })
        .collect()
}

/// Money in a cell that no column map names (an amount under a period header).
fn money_in(cell: &CellValue) -> Option<Decimal> {
    match cell {
        CellValue::Number(n) => crate::values::decimal_from_f64(*n),
        CellValue::Text(t) => crate::values::parse_number(t)
            .filter(|q| q.unit.as_deref() != Some("%"))
            .map(|q| q.value),
        _ => None,
    }
}

/// True for a row that may be a header: two or more text cells, no numbers or dates.
fn header_like(row: &Row) -> bool {
    let mut texts = 0;
    for c in row.cells.iter().take(MAX_HEADER_COLUMNS) {
        match c {
            CellValue::Text(t) if !t.trim().is_empty() => texts += 1,
            CellValue::Number(_) | CellValue::Date(_) => return false,
            _ => {}
        }
    }
    texts >= 2
}

/// The text of a row that holds one text only (a title, maybe merged across).
fn title_text(row: &Row) -> Option<String> {
    title_text_in(row, (0, row.cells.len().saturating_sub(1)))
}

fn title_text_in(row: &Row, (lo, hi): (usize, usize)) -> Option<String> {
    let mut text: Option<&str> = None;
    for c in lo..=hi.min(row.cells.len().saturating_sub(1)) {
        match row.get(c) {
            CellValue::Text(t) if !t.trim().is_empty() => match text {
                None => text = Some(t.trim()),
                Some(x) if x == t.trim() => {}
                Some(_) => return None,
            },
            v if v.is_empty() => {}
            _ => return None,
        }
    }
    text.map(str::to_string)
}

fn first_cell(row: &Row) -> u32 {
    row.cells.iter().position(|c| !c.is_empty()).unwrap_or(0) as u32
}

/// True for a title that starts a new part of a sheet: "二、周度进度跟踪", "Part 2", or one
/// that names a kind of table ("Budget", "风险预案").
fn is_table_title(text: &str) -> bool {
    let t = text.trim();
    let ordinal = t
        .char_indices()
        .find(|(_, c)| matches!(c, '、' | '．'))
        .is_some_and(|(i, _)| {
            i > 0
                && t[..i]
                    .chars()
                    .all(|c| "一二三四五六七八九十0123456789".contains(c))
        });
    let key = header_key(t);
    let names_kind = SheetKind::ALL
        .iter()
        .any(|k| k.name_aliases().iter().any(|a| header_key(a) == key));
    let table_word = ["表", "明细", "清单", "跟踪", "台账"]
        .iter()
        .any(|w| t.ends_with(w));
    ordinal || names_kind || (table_word && t.chars().count() <= 20 && kind_from_name(t).is_some())
}

/// A "label: value" line under a title: who made the sheet, when, for whom.
fn is_byline(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "编制",
        "编制人",
        "制表",
        "制表人",
        "填报人",
        "填表人",
        "填报日期",
        "日期",
        "更新",
        "更新日期",
        "更新时间",
        "部门",
        "版本",
        "项目经理",
        "负责人",
        "审核",
        "审批",
        "公司",
        "prepared by",
        "project lead",
        "project manager",
        "manager",
        "company",
        "company name",
        "date",
        "updated",
        "last updated",
        "version",
        "owner",
        "author",
        "department",
        "as of",
        "status date",
        "project start",
        "display week",
    ];
    let Some(i) = text.find([':', '：']) else {
        return false;
    };
    let label = text[..i].trim().to_lowercase();
    LABELS.contains(&label.as_str())
}

/// True when a row's one text fills two or more cells (a title merged across the table).
fn merged_across(row: &Row, (lo, hi): (usize, usize)) -> bool {
    (lo..=hi).filter(|c| !row.get(*c).is_empty()).count() >= 2
}

/// The first text within the table's columns (the label a totals row is written in).
fn first_text(row: &Row, (lo, hi): (usize, usize)) -> Option<&str> {
    (lo..=hi).find_map(|c| match row.get(c) {
        CellValue::Text(t) if !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    })
}

/// A cheap first test for [`is_instruction`], which folds the text: a ledger's million rows
/// pass here without an allocation.
fn maybe_instruction(t: &str) -> bool {
    const MARKS: &[&str] = &[
        "nsert", "NSERT", "bove", "BOVE", "nter", "NTER", "ype", "YPE", "elete", "ELETE", "ow",
        "OW",
    ];
    let b = t.as_bytes();
    matches!(b.first(), Some(b'[' | b'<'))
        || ["插入", "此行", "请在", "示例", "说明"]
            .iter()
            .any(|w| t.contains(w))
        || (b.len() >= 8 && MARKS.iter().any(|w| t.contains(w)))
}

/// A totals label among the first cells of the table's columns.
fn totals_label(row: &Row, (lo, hi): (usize, usize)) -> Option<(String, TotalsWord)> {
    (lo..=hi.min(lo + 3)).find_map(|c| match row.get(c) {
        // Cheap first test: a ledger's million rows rarely start with these.
        CellValue::Text(t) if t.len() <= 40 && maybe_totals(t) => {
            totals_word(t).map(|w| (t.trim().to_string(), w))
        }
        _ => None,
    })
}

fn maybe_totals(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with(['合', '小', '总', 'T', 't', 'S', 's', 'G', 'g'])
}

/// True for a sheet name that says nothing of its content ("Sheet1", "工作表1", "Plan").
fn is_generic_sheet_name(name: &str) -> bool {
    let key = header_key(name);
    let stripped = key.trim_end_matches(|c: char| c.is_ascii_digit());
    matches!(stripped, "sheet" | "工作表" | "表" | "sheet-" | "")
        || SheetKind::ALL
            .iter()
            .any(|k| k.name_aliases().iter().any(|a| header_key(a) == key))
}
