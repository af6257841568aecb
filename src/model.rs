//! Plain domain types shared by every stage of the pipeline (read -> check -> compute ->
//! render). They carry no calamine or rust_xlsxwriter types, so each stage can be built and
//! tested alone, and every value keeps the cell it came from so a problem can point at it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// What plantrack saw of a sheet it could not tell, for the lines it offers to add to a
/// mapping file (`contract::mapping::snippet`).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetHint {
    /// The workbook's file name ("618大促.xlsx"), when known.
    pub file: Option<String>,
    pub sheet: String,
    /// The row most like a header, 1-based, and its texts.
    pub header_row: u32,
    pub headers: Vec<String>,
    /// The kind guessed from the headers or the names; None when nothing hints at one.
    pub kind: Option<SheetKind>,
    /// The headers no alias of the guessed kind knows (all of them without a kind).
    pub unmapped: Vec<String>,
    /// The mapping entry that already names the sheet (its file and line), to be changed
    /// rather than added to.
    pub entry: Option<String>,
}

/// A cell's place: sheet name plus 0-based row and column, shown as `周度跟踪!C7`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub sheet: String,
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(sheet: impl Into<String>, row: u32, col: u32) -> Self {
        CellRef {
            sheet: sheet.into(),
            row,
            col,
        }
    }

    /// A whole-sheet place (no cell), shown as the bare sheet name.
    pub fn sheet_only(sheet: impl Into<String>) -> Self {
        CellRef::new(sheet, u32::MAX, u32::MAX)
    }

    pub fn is_sheet_only(&self) -> bool {
        self.row == u32::MAX
    }
}

/// Column letters for a 0-based column index: 0 -> A, 27 -> AB.
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_sheet_only() {
            return write!(f, "{}", self.sheet);
        }
        write!(
            f,
            "{}!{}{}",
            self.sheet,
            column_letters(self.col),
            self.row as u64 + 1
        )
    }
}

/// A value with the cell it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: CellRef,
}

/// A number read from a cell: exact decimal value plus the unit found beside it
/// ("篇", "名", "%"), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// Not a problem with the data, but worth saying (a sheet that was ignored).
    Info,
}

/// The kinds of sheet a team workbook holds (the toolkit's tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetKind {
    Plan,
    Weekly,
    Costs,
    Budget,
    Risks,
    Metrics,
    /// The team's own days off and working days (节假日), on top of the working calendar.
    Holidays,
}

impl SheetKind {
    pub const ALL: [SheetKind; 7] = [
        SheetKind::Plan,
        SheetKind::Weekly,
        SheetKind::Costs,
        SheetKind::Budget,
        SheetKind::Risks,
        SheetKind::Metrics,
        SheetKind::Holidays,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SheetKind::Plan => lang.pick("目标拆解", "Plan"),
            SheetKind::Weekly => lang.pick("周度跟踪", "Weekly"),
            SheetKind::Costs => lang.pick("成本支出", "Costs"),
            SheetKind::Budget => lang.pick("预算", "Budget"),
            SheetKind::Risks => lang.pick("风险预案", "Risks"),
            SheetKind::Metrics => lang.pick("指标", "Metrics"),
            SheetKind::Holidays => lang.pick("节假日", "Holidays"),
        }
    }
}

/// What a cell should have held, for "found X, expected Y" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Number,
    Money,
    Date,
    Percent,
    Quantity,
    Text,
}

/// One data problem. The message is rendered in the output language at the end, so the
/// kind carries data, not text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub team: String,
    pub at: CellRef,
    pub severity: Severity,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// A cell that should hold a value of `expected` held `found`.
    Unreadable { found: String, expected: Expected },
    /// A required field left empty; `field` is the header as found in the sheet.
    Missing { field: String },
    /// A date placeholder such as "202X.." or "待定" where a date is required.
    NoDate { found: String },
    /// A spreadsheet error value (#DIV/0!, #REF!...) in a cell that is read.
    CellError { found: String },
    /// Several owners in one owner cell.
    SeveralOwners { found: String },
    /// A stated deviation that differs from the computed one by more than a point.
    DeviationMismatch { stated: f64, computed: f64 },
    /// A completion rate (完成率) on a metrics row that differs from actual / target by more
    /// than a point.
    AttainmentMismatch { stated: f64, computed: f64 },
    /// A weekly row behind plan with no cause or no fix written down.
    BehindWithoutCause { deviation: f64 },
    /// A weekly row whose plan and actual are in different units.
    UnitMismatch { plan: String, actual: String },
    /// A weekly task that matches no plan task; `suggestion` is a plan task a character or
    /// two away ("直播主播招聘" / "直播主播招募").
    UnknownTask {
        name: String,
        suggestion: Option<String>,
    },
    /// Children's targets do not add up to their parent's target.
    DecompositionGap {
        parent: String,
        target: Decimal,
        children: Decimal,
    },
    /// A due date earlier than the start date.
    DueBeforeStart,
    /// Spending on a budget line that has no budget; `suggestion` is a budget line a
    /// character or two away ("主播坑为费" / "主播坑位费"). The figures stay as written.
    Unbudgeted {
        category: String,
        suggestion: Option<String>,
    },
    /// A team with spending and no budget at all: its lines are shown without a budget,
    /// said once for the team rather than warned line by line.
    NoBudget { lines: usize },
    /// A sheet that matched no known kind; it is ignored. `hint`: the headers seen and the
    /// lines to add to plantrack.toml, unless the sheet is plainly not data.
    IgnoredSheet { hint: Option<Box<SheetHint>> },
    /// A sheet named like a known kind but with no header row in its top rows.
    NoHeaderRow {
        kind: SheetKind,
        hint: Option<Box<SheetHint>>,
    },
    /// A sheet whose kind was recognised but lacks a required column.
    MissingColumn {
        field: String,
        found: Vec<String>,
        hint: Option<Box<SheetHint>>,
    },
    /// The row a mapping entry (`source`, its file and line) names as the header holds no
    /// usable header: what it holds, and what the sheet looks like instead.
    MappedHeader {
        source: String,
        row: u32,
        found: Vec<String>,
        hint: Option<Box<SheetHint>>,
    },
    /// An entry of a mapping file (`at` is its file and line) that matched no sheet read.
    MappingUnused { entry: String },
    /// A column line of a mapping file still reading `"header" = "?"`: the column is left out.
    MappingUnfilled { header: String },
    /// An unknown status word.
    UnknownStatus { found: String },
    /// A predecessor reference that names no task.
    UnknownPredecessor { name: String },
    /// Tasks whose predecessors form a cycle (names in cycle order).
    DependencyCycle { tasks: Vec<String> },
    /// Two plan rows with the same id.
    DuplicateId { id: String },
    /// A predecessor names an id two tasks share: which one is meant is not guessed.
    AmbiguousPredecessor { id: String },
    /// A sheet, or a whole file, that could not be read (at the sheet, or at the file name).
    NotRead { reason: ReadError },
    /// A number typed into a date cell as month.day (6.12), read as that day (a note).
    DateFromNumber { found: String, date: NaiveDate },
    /// A date before 2000 or more than five years from the as-of date: a typing slip, so the
    /// task has no such date.
    ImplausibleDate { found: String, date: NaiveDate },
    /// An actual finish date after the as-of date: the task is not counted done.
    DoneAfterAsOf { done_on: NaiveDate },
    /// A task with an actual finish date whose progress says it is far from finished.
    ProgressWithFinish { progress: f64, done_on: NaiveDate },
    /// An amount written as approximate ("约2000", "~2k"), read as the number.
    Approximate { found: String, read: Decimal },
    /// A unit note above a table ("单位：万元") applied to its money columns.
    UnitNote { note: String, columns: Vec<String> },
    /// Invisible characters (U+200D...) removed from a cell's text.
    InvisibleCharacters { found: String, removed: Vec<String> },
    /// Tasks that start before a predecessor finishes but finish after it: parallel work,
    /// said once per plan (successor, predecessor pairs).
    ParallelWork { pairs: Vec<(String, String)> },
    /// A task that finishes before its predecessor finishes (or breaks its link's type).
    FinishesBeforePredecessor {
        predecessor: String,
        predecessor_due: NaiveDate,
        due: NaiveDate,
    },
    /// A typed link ("3SS+2", "5FF") whose dates do not follow it: `found` is the task's
    /// start (start-to-start) or due date (finish-to-finish), `needs` what the link asks for.
    LinkNotMet {
        predecessor: String,
        link: String,
        needs: NaiveDate,
        found: NaiveDate,
    },
    /// A week label ("第3周") that the plan's dates do not place in one week.
    UnplacedWeek { found: String },
    /// A risk status that is none of the known words; the risk is kept as open.
    UnknownRiskState { found: String },
    /// A risk that is not closed and names nobody to follow it up.
    RiskWithoutOwner { risk: String },
    /// A risk that is not closed and says nothing about what to do if it happens.
    RiskWithoutResponse { risk: String },
    /// The plan runs into a year the built-in holiday table does not cover and the team's
    /// holidays sheet names no day of: that year is counted Monday to Friday.
    CalendarNotCovered { year: i32 },
    /// A holidays-sheet row whose 休/班 cell is neither.
    UnknownDayKind { found: String },
    /// A totals row (合计, Total) whose figure differs from the sum of the rows it closes.
    TotalsMismatch {
        label: String,
        stated: Decimal,
        computed: Decimal,
    },
    /// A section row (a phase, WBS 1 or 1.1) whose own figure differs from its tasks'.
    SectionMismatch {
        section: String,
        what: RollupField,
        stated: String,
        children: String,
    },
    /// A plan drawn as a Gantt chart (bars under week or day columns) without dates that can
    /// be read; `columns` names the timeline's headers found.
    DrawnGantt { columns: Vec<String> },
}

/// Which figure of a section row is compared with its tasks' rollup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollupField {
    Start,
    Due,
    Budget,
}

/// Why a whole file (or one sheet of it) could not be used. Each reads as one line, in
/// either language, that says what was found and what to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Missing,
    /// A directory with no workbook directly inside; `others` names a few other files there.
    EmptyDirectory {
        others: Vec<String>,
    },
    /// Not a spreadsheet format plantrack reads, and what it is instead.
    NotAWorkbook(FileKind),
    Password,
    /// A spreadsheet container whose content cannot be decoded (cut short, corrupt).
    Damaged(String),
    /// CSV text whose encoding cannot be told for sure (not UTF-8 or UTF-16, not GBK).
    UnknownEncoding,
    /// The file cannot be read from disk (permissions, I/O).
    Unreadable(String),
    /// Over one of the limits in `read::limits`; `place` is the part or sheet, `found` the figure.
    OverLimit {
        limit: Limit,
        place: String,
        found: u64,
    },
    /// The reader failed on the file in a way plantrack did not foresee (a bug to report); the
    /// other files still run.
    ReaderFailed(String),
    NoRecognisedSheet {
        found: Vec<String>,
        /// What was seen of the sheets that could be data, for the lines to add to a mapping.
        hints: Vec<SheetHint>,
    },
    /// Sheets were recognised, but each lacks a required column.
    MissingColumns(Vec<Problem>),
    /// A workbook plantrack wrote (last week's summary beside the team's file): skipped, as
    /// its figures are the teams' own, counted already.
    OwnOutput(OwnOutput),
    /// Not a file: a FIFO, a device, a socket (reading would hang or never end).
    NotAFile(NotAFile),
    /// Entries of a folder with a workbook's name that are not files (name, what it is):
    /// skipped, reported on one line.
    NotFiles(Vec<(String, NotAFile)>),
}

impl ReadError {
    /// True for a file skipped on purpose (plantrack's own output), not a failure.
    pub fn is_skip(&self) -> bool {
        matches!(self, ReadError::OwnOutput(_) | ReadError::NotFiles(_))
    }
}

/// Which of plantrack's own outputs a file is, recognised by content: the hidden snapshot
/// sheet of a summary, or the title plantrack gives its summaries and cost workbooks in the
/// document properties. Such a file in a team folder is last week's output, never team data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnOutput {
    Summary,
    Costs,
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Fifo,
    Device,
    Socket,
    Folder,
    BrokenLink,
    /// A symbolic link that leads back to itself.
    LinkLoop,
}

/// What a file that is not a workbook is, judged by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Empty,
    Csv,
    Text,
    Html,
    Xml,
    Pdf,
    Numbers,
    /// A zip archive holding no workbook.
    Zip,
    /// The lock file an editor keeps beside an open workbook (`~$team.xlsx`).
    Lock,
    /// An office document of another kind ("Word", "PowerPoint", "OpenDocument").
    Document(&'static str),
    Unknown,
}

/// Which limit a file went over, for the message (the values: `read::limits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    PartBytes,
    SharedStringsBytes,
    InflateRatio,
    Rows,
    LoadedCells,
    XlsClaimedCells,
}

/// How one table of a sheet was read, for `check --explain` and the summary's "How read"
/// sheet: where it is, what it was taken for and why, and what was left out or skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRead {
    pub team: String,
    pub sheet: String,
    pub kind: SheetKind,
    pub kind_by: KindBy,
    /// First and last header row, 0-based.
    pub header_rows: (u32, u32),
    /// First and last column of the table, 0-based.
    pub cols: (u32, u32),
    /// The last row read as part of the table.
    pub last_row: u32,
    /// Each column read: its place, the header as written, the field in both languages.
    pub columns: Vec<(u32, String, String)>,
    /// Columns with a header that names no field (place, header).
    pub left_out: Vec<(u32, String)>,
    /// A timeline (Gantt) area beside the table: first and last column, and how many.
    pub timeline: Option<(u32, u32)>,
    /// Records made from its rows.
    pub records: usize,
    pub notes: Vec<TableNote>,
}

/// What told a table's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindBy {
    Headers,
    SheetName,
    FileName,
    /// A mapping file (plantrack.toml) named the kind.
    Mapping,
}

/// One remark about how a table was read.
#[derive(Debug, Clone, PartialEq)]
pub enum TableNote {
    /// Read as an entry of a mapping file says (`source` is its file and line): the kind,
    /// the header row and the columns it named.
    Mapped {
        source: String,
        kind: bool,
        header_row: Option<u32>,
        columns: Vec<String>,
    },
    /// The plan's goal (no goal column) came from this text and source.
    GoalFrom { goal: String, from: GoalFrom },
    /// A row read as a section (phase, WBS heading): not a task; level 1 is a goal, 2 a stage.
    Section {
        at: CellRef,
        text: String,
        goal: bool,
    },
    /// A totals row: not added; its figure against plantrack's sum.
    Totals {
        at: CellRef,
        label: String,
        stated: Decimal,
        computed: Decimal,
    },
    /// A row that is not data, left out.
    Skipped { at: CellRef, why: SkipWhy },
    /// More rows were skipped than are listed.
    MoreSkipped { count: usize },
    /// Due dates computed from start plus duration, in this many rows: `working` of them
    /// in working days, `upper_bound` of them from a range.
    DueFromDuration {
        rows: usize,
        working: usize,
        upper_bound: usize,
    },
    /// Item budgets computed as quantity times unit price, in this many rows.
    QtyTimesPrice { rows: usize },
    /// Cells of a money column merged over several rows, counted once.
    MergedOnce { rows: usize },
    /// Money written on task rows, made into budget lines or spending.
    /// `estimates`: Estimated Cost cells, kept as the team's estimate of their line.
    TaskCosts {
        budgets: usize,
        spent: usize,
        estimates: usize,
    },
    /// A budget table's Actual column: spending on its lines; `in_ledger` of them left out
    /// because a ledger holds those lines' spending.
    LineSpent { rows: usize, in_ledger: usize },
    /// A unit note above the table ("单位：万元") applied to these money columns.
    UnitNote { note: String, columns: Vec<String> },
    /// Columns of amounts per period (months, quarters, weeks), from the first to the last.
    Periods {
        count: usize,
        first: NaiveDate,
        last: NaiveDate,
    },
}

/// Where a plan's goal came from when it has no goal column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalFrom {
    Title,
    SheetName,
    FileName,
    Sections,
}

/// Why a row inside a table was not read as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipWhy {
    Title,
    Instruction,
    RepeatedHeader,
    Group,
}

/// Task status as the team wrote it in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WrittenStatus {
    NotStarted,
    InProgress,
    Done,
    Delayed,
    OnHold,
    Cancelled,
}

/// Task status as judged on the as-of date: one word each in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskStatus {
    Overdue,
    AtRisk,
    OnTrack,
    NotStarted,
    Done,
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 6] = [
        TaskStatus::Overdue,
        TaskStatus::AtRisk,
        TaskStatus::OnTrack,
        TaskStatus::NotStarted,
        TaskStatus::Done,
        TaskStatus::Cancelled,
    ];

    /// A stable code for the snapshot a summary carries (never translated).
    pub fn code(self) -> &'static str {
        match self {
            TaskStatus::Overdue => "overdue",
            TaskStatus::AtRisk => "at-risk",
            TaskStatus::OnTrack => "on-track",
            TaskStatus::NotStarted => "not-started",
            TaskStatus::Done => "done",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            TaskStatus::Done => lang.pick("已完成", "Done"),
            TaskStatus::Overdue => lang.pick("逾期", "Overdue"),
            TaskStatus::AtRisk => lang.pick("有风险", "At risk"),
            TaskStatus::OnTrack => lang.pick("正常", "On track"),
            TaskStatus::NotStarted => lang.pick("未开始", "Not started"),
            TaskStatus::Cancelled => lang.pick("已取消", "Cancelled"),
        }
    }
}

/// One row of the Plan sheet (a leaf task), with the goal and stage it sits under.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub team: String,
    pub row: CellRef,
    pub id: Option<String>,
    pub goal: String,
    /// Where the goal text was written (the top cell of a merged or filled-down block).
    pub goal_at: CellRef,
    pub stage: Option<String>,
    pub stage_at: Option<CellRef>,
    pub name: String,
    pub owner: Option<String>,
    pub start: Option<NaiveDate>,
    /// Written, or derived from the start and [`PlanRow::length`] (see [`TaskLength`]).
    pub due: Option<NaiveDate>,
    /// The duration the due date was derived from, when no due date was written.
    pub length: Option<TaskLength>,
    pub done_on: Option<NaiveDate>,
    pub deliverable: Option<String>,
    pub resources: Option<String>,
    /// The task's own budget: its Budget column, or "预算10万" inside the resources text.
    pub budget: Option<Decimal>,
    /// What the team expects the task to cost in all (its Estimated Cost / 预计费用 column):
    /// the team's own estimate at completion of the task's budget line.
    pub estimate: Option<Decimal>,
    pub target: Option<Quantity>,
    pub actual: Option<Quantity>,
    /// Share 0..1 (a cell of 80 or "80%" is 0.8).
    pub progress: Option<f64>,
    pub status: Option<WrittenStatus>,
    pub predecessors: Vec<String>,
    /// What the task's owner needs from others (the plan's "needs support" column).
    pub support: Option<String>,
    /// The cells later checks point at (None: the column is absent).
    pub cells: PlanCells,
}

/// A task's written duration ("5工作日", "3 working days", "2天", "2-3 days"), kept on the row
/// whose due date was derived from it.
///
/// Calendar days make the due date when the row is read. Working days are counted in the
/// team's working calendar (public holidays, make-up days, the team's holidays sheet), which
/// is decided after every workbook is read: the reader counts Monday to Friday, and
/// `compute::calendar::Calendar::due_dates` recounts the due date in the calendar the
/// summary uses before anything is judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskLength {
    /// Days the task lasts, the start day included (weeks are 7 calendar days).
    pub days: i64,
    /// Working days rather than calendar days.
    pub working: bool,
    /// A range ("2-3 days") read at its upper bound.
    pub range: bool,
    /// The cell text as written.
    pub written: String,
}

/// Cells of a plan row that problems found after reading point at, so a conflict is shown at
/// the start date and an unknown predecessor at its cell, not at the row's first cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanCells {
    pub start: Option<CellRef>,
    pub due: Option<CellRef>,
    pub predecessors: Option<CellRef>,
}

impl PlanRow {
    /// The start date's cell, else the due date's, else the row.
    pub fn start_at(&self) -> CellRef {
        (self.cells.start.as_ref().filter(|_| self.start.is_some()))
            .or(self.cells.due.as_ref())
            .unwrap_or(&self.row)
            .clone()
    }

    /// The due date's cell, else the row.
    pub fn due_at(&self) -> CellRef {
        self.cells.due.as_ref().unwrap_or(&self.row).clone()
    }

    /// The predecessors cell, else the row.
    pub fn predecessors_at(&self) -> CellRef {
        self.cells
            .predecessors
            .as_ref()
            .unwrap_or(&self.row)
            .clone()
    }
}

/// One row of the Weekly sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyRow {
    pub team: String,
    pub row: CellRef,
    /// Week label as written ("第3周", "W47", a date); None means the as-of week.
    pub week: Option<String>,
    /// Monday of the week, where the label gives one.
    pub week_start: Option<NaiveDate>,
    pub task: String,
    pub plan_text: String,
    pub plan: Option<Quantity>,
    pub actual_text: String,
    pub actual: Option<Quantity>,
    /// Deviation as the team wrote it, as a share (-0.2 for "-20%").
    pub stated_deviation: Option<f64>,
    pub cause: Option<String>,
    pub fix: Option<String>,
    pub owner: Option<String>,
    /// For a row without quantities ("KV定稿"): whether its actual says it is done.
    pub done: Option<bool>,
    /// Cells that weekly findings point at.
    pub task_at: CellRef,
    pub deviation_at: CellRef,
    /// The cause cell, or the fix cell when only the fix is missing.
    pub cause_at: CellRef,
}

/// One expense row of the Costs sheet; a negative amount is a refund.
#[derive(Debug, Clone, PartialEq)]
pub struct Expense {
    pub team: String,
    pub row: CellRef,
    pub date: Option<NaiveDate>,
    pub category: String,
    pub channel: Option<String>,
    pub item: Option<String>,
    pub amount: Decimal,
    pub task: Option<String>,
    pub owner: Option<String>,
}

impl Expense {
    /// The first day of the expense's month; None when it has no date.
    pub fn month(&self) -> Option<NaiveDate> {
        use chrono::Datelike;
        self.date.map(|d| d.with_day(1).unwrap_or(d))
    }

    /// The refunded amount (a negative amount) as a positive figure; zero for a payment.
    pub fn refund(&self) -> Decimal {
        if self.amount.is_sign_negative() {
            -self.amount
        } else {
            Decimal::ZERO
        }
    }
}

/// Expenses summed by what decides their budget line (team, category, task) and their month:
/// what a summary needs of a ledger, in memory that grows with the lines and months, not
/// with the rows (a million-row export is tallied as it streams past).
#[derive(Debug, Clone, Default)]
pub struct ExpenseTally {
    /// In the order each group's first expense was read.
    pub groups: Vec<ExpenseGroup>,
    /// Hash of a group's key -> its indexes in `groups` (looked up without building a key).
    index: std::collections::HashMap<u64, Vec<usize>>,
    /// Net spending per team and channel, for expenses that name a channel.
    pub channels: Vec<ChannelSpend>,
}

/// The net spending of one team on one channel (the ledger's 渠道 column).
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelSpend {
    pub team: String,
    pub channel: String,
    pub spent: Decimal,
}

impl ExpenseTally {
    fn add_channel(&mut self, team: &str, channel: &str, spent: Decimal) {
        match self
            .channels
            .iter_mut()
            .find(|c| c.channel == channel && c.team == team)
        {
            Some(c) => c.spent += spent,
            None => self.channels.push(ChannelSpend {
                team: team.to_string(),
                channel: channel.to_string(),
                spent,
            }),
        }
    }
}

/// The expenses of one team, category, task and month.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpenseGroup {
    pub team: String,
    pub category: String,
    pub task: Option<String>,
    /// First day of the month; None for expenses without a date.
    pub month: Option<NaiveDate>,
    /// Net: expenses minus refunds.
    pub spent: Decimal,
    /// Refunds (negative amounts) as a positive figure.
    pub refunds: Decimal,
    pub count: usize,
    /// The group's first expense row.
    pub first_at: CellRef,
}

impl ExpenseTally {
    pub fn add(&mut self, e: &Expense) {
        if let Some(channel) = &e.channel {
            self.add_channel(&e.team, channel, e.amount);
        }
        let month = e.month();
        match self.position(&e.team, &e.category, e.task.as_deref(), month) {
            Ok(i) => self.groups[i].absorb(e.amount, e.refund(), 1),
            Err(hash) => self.insert(
                hash,
                ExpenseGroup {
                    team: e.team.clone(),
                    category: e.category.clone(),
                    task: e.task.clone(),
                    month,
                    spent: e.amount,
                    refunds: e.refund(),
                    count: 1,
                    first_at: e.row.clone(),
                },
            ),
        }
    }

    /// Adds another tally's groups after this one's (another workbook read later).
    pub fn extend(&mut self, other: ExpenseTally) {
        for c in &other.channels {
            self.add_channel(&c.team, &c.channel, c.spent);
        }
        for g in other.groups {
            match self.position(&g.team, &g.category, g.task.as_deref(), g.month) {
                Ok(i) => self.groups[i].absorb(g.spent, g.refunds, g.count),
                Err(hash) => self.insert(hash, g),
            }
        }
    }

    /// Expenses tallied.
    pub fn count(&self) -> usize {
        self.groups.iter().map(|g| g.count).sum()
    }

    /// The index of the group with this key; else the hash to file a new one under.
    fn position(
        &self,
        team: &str,
        category: &str,
        task: Option<&str>,
        month: Option<NaiveDate>,
    ) -> Result<usize, u64> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (team, category, task, month).hash(&mut h);
        let hash = h.finish();
        let found = self.index.get(&hash).and_then(|slot| {
            slot.iter().copied().find(|&i| {
                let g = &self.groups[i];
                g.month == month
                    && g.category == category
                    && g.task.as_deref() == task
                    && g.team == team
            })
        });
        found.ok_or(hash)
    }

    fn insert(&mut self, hash: u64, group: ExpenseGroup) {
        self.index.entry(hash).or_default().push(self.groups.len());
        self.groups.push(group);
    }
}

impl ExpenseGroup {
    fn absorb(&mut self, spent: Decimal, refunds: Decimal, count: usize) {
        self.spent += spent;
        self.refunds += refunds;
        self.count += count;
    }
}

/// One row of the Budget sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    pub team: String,
    pub row: CellRef,
    pub category: String,
    pub budget: Decimal,
    pub channel: Option<String>,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskState {
    Open,
    Occurred,
    Closed,
}

/// One row of the Risks sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub team: String,
    pub row: CellRef,
    pub risk: String,
    pub likelihood: Option<Level>,
    pub impact: Option<Level>,
    pub response: Option<String>,
    pub owner: Option<String>,
    pub state: Option<RiskState>,
    /// The status as written when it is none of the known words ("monitoring weekly"): kept
    /// and shown, never dropped.
    pub state_text: Option<String>,
    /// The owner and response cells (the row's first cell when the column is absent), where
    /// a missing owner or response is reported.
    pub owner_at: CellRef,
    pub response_at: CellRef,
}

/// One measurement of a metrics sheet (指标 / KPI): a metric of a channel, its target and/or
/// actual, on a day or in a week, or for the whole campaign when no date is given. A wide
/// sheet (metrics as columns, dates as rows) gives one per filled metric cell.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    pub team: String,
    /// The row's first cell.
    pub row: CellRef,
    pub metric: String,
    pub channel: Option<String>,
    /// The plan task the measurement belongs to, as written.
    pub task: Option<String>,
    /// The day, or the Monday of the week, the measurement is for; None: the whole campaign.
    pub date: Option<NaiveDate>,
    /// The week or date as written.
    pub period: Option<String>,
    /// Values with the unit multiplier applied (150 under "万元" is 1,500,000); a percentage
    /// is a share (3.2% is 0.032) with unit "%".
    pub target: Option<Quantity>,
    pub actual: Option<Quantity>,
    /// The base a rate is a share of (visitors behind a conversion rate), for weighted means.
    pub base: Option<Decimal>,
    /// The unit written in a unit column or the header ("人", "元", "%").
    pub unit: Option<String>,
    /// The completion rate the team wrote (完成率), as a share, checked against the computed.
    pub stated_rate: Option<f64>,
    /// The completion rate's cell (the row's first cell when there is none).
    pub rate_at: CellRef,
    /// The actual's cell (the row's first cell when there is none).
    pub actual_at: CellRef,
}

/// One row of the holidays sheet: a day off (休) or a working day (班) of the team's own.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamDay {
    pub team: String,
    pub row: CellRef,
    pub date: NaiveDate,
    pub working: bool,
    pub name: Option<String>,
}

/// Everything read from one team's workbook (or several workbooks merged).
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Team names in input order.
    pub teams: Vec<String>,
    pub plan: Vec<PlanRow>,
    pub weekly: Vec<WeeklyRow>,
    /// The cost sheets' expenses, tallied as they were read (the rows are not kept).
    pub expenses: ExpenseTally,
    pub budget: Vec<BudgetLine>,
    pub risks: Vec<Risk>,
    /// The metrics sheets' measurements (see [`MetricRow`]).
    pub metrics: Vec<MetricRow>,
    /// The team's own days off and working days, from its holidays sheet.
    pub holidays: Vec<TeamDay>,
    pub problems: Vec<Problem>,
    /// Language of the headers found, by majority; None when no header text said.
    pub detected_lang: Option<Lang>,
    /// Per team: the currency mark its headers name ("¥", "$") and its headers' language,
    /// from which `compute::currency` decides the team's currency.
    pub currencies: Vec<(String, Option<String>, Option<Lang>)>,
    /// How each table of each workbook was read (`check --explain`).
    pub tables: Vec<TableRead>,
}

impl Dataset {
    /// Append another team's data.
    pub fn extend(&mut self, other: Dataset) {
        self.teams.extend(other.teams);
        self.plan.extend(other.plan);
        self.weekly.extend(other.weekly);
        self.expenses.extend(other.expenses);
        self.budget.extend(other.budget);
        self.risks.extend(other.risks);
        self.metrics.extend(other.metrics);
        self.holidays.extend(other.holidays);
        self.problems.extend(other.problems);
        if self.detected_lang.is_none() {
            self.detected_lang = other.detected_lang;
        }
        self.currencies.extend(other.currencies);
        self.tables.extend(other.tables);
    }
}

/// Where a summary keeps its snapshot: a hidden sheet, the marker in its A1 and the format
/// version in B1 (bumped whenever the records change meaning), the as-of date in C1 and the
/// baseline's date in D1; below, one [`SnapRecord`] per row as one JSON cell in column A.
/// Shared by the writer (render) and the reader (read) so the two cannot drift.
pub const SNAPSHOT_SHEET: &str = "_plantrack";
pub const SNAPSHOT_MARKER: &str = "plantrack snapshot";
pub const SNAPSHOT_VERSION: &str = "2";
/// The format summaries were written in before the records were JSON: positional rows
/// (kind, team, then the fields in order). Still read, so that a team upgrading keeps its
/// baseline and last week's comparison.
pub const SNAPSHOT_VERSION_ROWS: &str = "1";
/// The snapshot's first row holds the fingerprint of the summary's other cells (see
/// read::notes) in this column (E), or [`NO_FINGERPRINT`].
pub const FINGERPRINT_COLUMN: u16 = 4;
pub const NO_FINGERPRINT: &str = "-";

/// The Retrospective sheet's names (zh, en) and the labels of the cells it invites the team
/// to fill (column A; the text goes in B, merged across to H). Shared by the writer (render)
/// and the reader that carries the team's text forward (read::notes).
pub const RETRO_SHEET: (&str, &str) = ("复盘", "Retrospective");
pub const NOTE_LABELS: [(&str, &str); 4] = [
    ("亮点", "Highlights"),
    ("不足", "Shortcomings"),
    ("改进措施", "Improvements"),
    ("经验沉淀", "Lessons to keep"),
];
/// The notes that live across weeks: improvements and lessons are carried from last week's
/// summary into a new week's; highlights and shortcomings belong to their week.
pub const NOTES_ACROSS_WEEKS: [bool; 4] = [false, false, true, true];

/// What the team typed into the cells a summary invites it to fill, in the order of
/// [`NOTE_LABELS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamNotes(pub [Option<String>; 4]);

impl TeamNotes {
    /// These notes, with the empty ones filled from `older` (all of them, or only the notes
    /// that live across weeks).
    pub fn or_from(mut self, older: &TeamNotes, across_weeks_only: bool) -> TeamNotes {
        for (i, note) in self.0.iter_mut().enumerate() {
            if note.is_none() && (!across_weeks_only || NOTES_ACROSS_WEEKS[i]) {
                note.clone_from(&older.0[i]);
            }
        }
        self
    }
}

/// The document titles of plantrack's outputs (zh, en): written by render, and recognised
/// by read so that an output lying in a team folder is never read as team data.
pub const SUMMARY_TITLE: (&str, &str) = ("plantrack 周度汇总", "plantrack weekly summary");
pub const COSTS_TITLE: (&str, &str) = ("plantrack 成本预算", "plantrack cost vs budget");

/// What a summary carries so that next week's run can say what changed: per task its
/// status, due date and progress; per budget line its budget and spending; per goal its
/// target and actual. Written to a hidden sheet of the summary and read back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    pub as_of: Option<NaiveDate>,
    /// The as-of date of the summary that set the baseline (the campaign's first, or the
    /// last `--rebaseline`); None in summaries written before baselines were kept.
    pub baseline_set: Option<NaiveDate>,
    pub tasks: Vec<TaskSnap>,
    pub costs: Vec<CostSnap>,
    pub goals: Vec<GoalSnap>,
}

/// One record of the snapshot sheet, one JSON cell each: `{"task":{"team":…}}`,
/// `{"cost":{…}}`, `{"goal":{…}}`. Amounts are exact decimal text, dates ISO text; a field
/// left out reads as empty, so a field added later does not break older records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SnapRecord {
    Task(TaskSnap),
    Cost(CostSnap),
    Goal(GoalSnap),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskSnap {
    pub team: String,
    /// The task's id, or its name where it has none.
    pub key: String,
    pub name: String,
    /// As [`TaskStatus::code`] writes it, the same code in every format version.
    #[serde(with = "status_code")]
    pub status: TaskStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The start and due date the baseline holds for this task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostSnap {
    pub team: String,
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Decimal>,
    pub spent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalSnap {
    pub team: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
}

/// A task status in the snapshot as its stable code ("on-track"), not the variant's name.
mod status_code {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::TaskStatus;

    pub fn serialize<S: Serializer>(status: &TaskStatus, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(status.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TaskStatus, D::Error> {
        let code = String::deserialize(d)?;
        TaskStatus::from_code(&code)
            .ok_or_else(|| D::Error::custom(format!("unknown task status {code:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_ref_display() {
        assert_eq!(CellRef::new("周度跟踪", 6, 2).to_string(), "周度跟踪!C7");
        assert_eq!(CellRef::new("S", 0, 27).to_string(), "S!AB1");
        assert_eq!(CellRef::new("S", 0, 701).to_string(), "S!ZZ1");
        assert_eq!(CellRef::new("S", 0, 702).to_string(), "S!AAA1");
        assert_eq!(CellRef::sheet_only("Plan").to_string(), "Plan");
    }
}
