//! Every workbook the suite makes is checked here (issue 15, "one definition per figure"):
//! [`crate::common::plantrack_in`] hands each summary and cost workbook a successful
//! `report` or `costs` writes to [`outputs_agree`], which asserts that a figure shown in two
//! places is the same figure, whatever the inputs of the test were:
//!
//! - each cost line adds up: remaining = budget − spent, used = spent ÷ budget, variance =
//!   budget − forecast, and a line without a budget shows none of the four;
//! - each team's totals and the grand total are their lines' sums (spent with unbudgeted
//!   spending, the other figures over budgeted lines only);
//! - the Overview's budget block is the totals row, its flagged lines and team table are
//!   the Costs sheet's, its goals are the Goals sheet's and the Retrospective's, its
//!   critical path is the tasks the Tasks sheet marks, its late finishes the Tasks sheet's
//!   forecast dates;
//! - the Retrospective's over-budget lines are the Costs sheet's;
//! - the image brief beside a summary says the Overview's headline, goal figures and each
//!   budget line's share used, spent and budget.
//!
//! The JSON and CSV of `costs` against the workbooks are compared in figures.rs.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::common::{AS_OF, EN_SAMPLE, ZH_SAMPLE, samples};

/// Outputs larger than this (the million-row ledgers of the streaming tests) are left to
/// their own tests: reading them back would take longer than the test.
const CHECKED_UP_TO_BYTES: u64 = 4 << 20;

type Rows = Vec<Vec<Data>>;

fn num(c: Option<&Data>) -> Option<f64> {
    match c {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

fn txt(c: Option<&Data>) -> String {
    match c {
        Some(Data::String(s)) => s.clone(),
        Some(Data::DateTime(d)) => d.as_f64().to_string(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    }
}

fn date(c: Option<&Data>) -> Option<f64> {
    match c {
        Some(Data::DateTime(d)) => Some(d.as_f64()),
        other => num(other),
    }
}

/// Money to the cent, shares to a millionth (a share is a ratio of cents).
fn same(what: &str, a: Option<f64>, b: Option<f64>) {
    match (a, b) {
        (Some(x), Some(y)) => {
            let tol = 0.006_f64.max(y.abs() * 1e-9);
            assert!((x - y).abs() < tol, "{what}: {x} vs {y}");
        }
        (x, y) => assert_eq!(x.is_some(), y.is_some(), "{what}: {x:?} vs {y:?}"),
    }
}

fn same_share(what: &str, a: Option<f64>, b: Option<f64>) {
    match (a, b) {
        (Some(x), Some(y)) => assert!((x - y).abs() < 1e-6, "{what}: {x} vs {y}"),
        (x, y) => assert_eq!(x.is_some(), y.is_some(), "{what}: {x:?} vs {y:?}"),
    }
}

fn read_all(path: &Path) -> HashMap<String, Rows> {
    let mut sheets = HashMap::new();
    // Not a workbook (an input the test made beside the output): nothing to check.
    let Ok(mut wb) = open_workbook_auto(path) else {
        return sheets;
    };
    for name in wb.sheet_names() {
        if let Ok(range) = wb.worksheet_range(&name) {
            // Rows as on the sheet, from A1 (calamine's range starts at its first used cell).
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut rows: Rows = vec![Vec::new(); r0 as usize];
            for r in range.rows() {
                let mut row = vec![Data::Empty; c0 as usize];
                row.extend(r.iter().cloned());
                rows.push(row);
            }
            sheets.insert(name, rows);
        }
    }
    sheets
}

fn pick<'a>(sheets: &'a HashMap<String, Rows>, zh: &str, en: &str) -> Option<&'a Rows> {
    sheets.get(zh).or_else(|| sheets.get(en))
}

fn is(c: Option<&Data>, zh: &str, en: &str) -> bool {
    c.is_some_and(|c| *c == zh || *c == en)
}

/// The column of a header in `row`, in either language.
fn col(row: &[Data], zh: &str, en: &str) -> Option<usize> {
    row.iter().position(|c| *c == zh || *c == en)
}

/// A budget line of the Costs sheet.
#[derive(Debug, Clone)]
struct Line {
    team: String,
    name: String,
    budget: Option<f64>,
    spent: Option<f64>,
    refunds: Option<f64>,
    remaining: Option<f64>,
    used: Option<f64>,
    status: String,
    count: Option<f64>,
    forecast: Option<f64>,
    variance: Option<f64>,
}

struct CostSheet {
    lines: Vec<Line>,
    /// The grand total, shown when every team uses one currency.
    total: Option<Line>,
    /// Per team (shown with several teams).
    teams: Vec<Line>,
}

fn cost_sheet(rows: &Rows, what: &str) -> Option<CostSheet> {
    let head = rows.first()?;
    let c = |zh: &str, en: &str| col(head, zh, en);
    let (Some(team), Some(name), Some(budget), Some(spent)) = (
        c("团队", "Team"),
        c("预算科目", "Budget line"),
        c("预算", "Budget"),
        c("已支出", "Spent"),
    ) else {
        panic!("{what}: the Costs sheet's header {head:?}");
    };
    let [refunds, remaining, used, status, count, forecast, variance] = [
        c("其中退款", "Refunds"),
        c("剩余", "Remaining"),
        c("已用比例", "Used"),
        c("状态", "Status"),
        c("支出笔数", "Expenses"),
        c("预计总支出", "Forecast at completion"),
        c("预计结余", "Variance at completion"),
    ]
    .map(|x| x.unwrap_or_else(|| panic!("{what}: {head:?}")));
    let line = |r: &[Data], team_col: usize, name_col: usize| Line {
        team: txt(r.get(team_col)),
        name: txt(r.get(name_col)),
        budget: num(r.get(budget)),
        spent: num(r.get(spent)),
        refunds: num(r.get(refunds)),
        remaining: num(r.get(remaining)),
        used: num(r.get(used)),
        status: txt(r.get(status)),
        count: num(r.get(count)),
        forecast: num(r.get(forecast)),
        variance: num(r.get(variance)),
    };
    let mut lines = Vec::new();
    let mut at = 1;
    while let Some(r) = rows.get(at) {
        // Lines end at the totals or a note ("no budget or spending found").
        if txt(r.get(team)).is_empty()
            || is(r.first(), "合计", "Total")
            || num(r.get(spent)).is_none()
        {
            break;
        }
        lines.push(line(r, team, name));
        at += 1;
    }
    let total = rows
        .iter()
        .find(|r| is(r.first(), "合计", "Total"))
        .map(|r| line(r, team, name));
    let mut teams = Vec::new();
    if let Some(start) = rows
        .iter()
        .position(|r| is(r.first(), "团队小计", "Team totals"))
    {
        for r in &rows[start + 1..] {
            if txt(r.first()).is_empty() {
                break;
            }
            teams.push(line(r, 0, 0));
        }
    }
    Some(CostSheet {
        lines,
        total,
        teams,
    })
}

/// Remaining, used and variance of a line or total from its own budget, spent (less
/// `unbudgeted` for totals) and forecast.
fn adds_up(what: &str, l: &Line, unbudgeted: f64) {
    match l.budget.filter(|b| *b != 0.0 || l.remaining.is_some()) {
        Some(b) => {
            let spent = l.spent.unwrap_or(0.0) - unbudgeted;
            same(&format!("{what} remaining"), l.remaining, Some(b - spent));
            if b != 0.0 {
                same_share(&format!("{what} used"), l.used, Some(spent / b));
            }
            if let Some(f) = l.forecast {
                same(&format!("{what} variance"), l.variance, Some(b - f));
            }
        }
        None => {
            assert_eq!(l.remaining, None, "{what}: remaining without a budget");
            assert_eq!(l.used, None, "{what}: used without a budget");
            assert_eq!(l.variance, None, "{what}: variance without a budget");
        }
    }
}

/// A total is its lines' sums: spent and refunds of every line, budget, forecast and the
/// expenses count of budgeted lines too (an unbudgeted line's expenses count).
fn sums(what: &str, total: &Line, lines: &[&Line]) {
    let sum = |f: &dyn Fn(&Line) -> Option<f64>, budgeted: bool| -> Option<f64> {
        let vals: Vec<f64> = lines
            .iter()
            .filter(|l| !budgeted || l.budget.is_some())
            .filter_map(|l| f(l))
            .collect();
        (!vals.is_empty()).then(|| vals.iter().sum())
    };
    // A total of no budgeted line reads 0 or nothing.
    same(
        &format!("{what} budget"),
        total.budget.filter(|b| *b != 0.0),
        sum(&|l| l.budget, true).filter(|b| *b != 0.0),
    );
    same(
        &format!("{what} spent"),
        total.spent,
        sum(&|l| l.spent, false).or(Some(0.0)),
    );
    same(
        &format!("{what} refunds"),
        total.refunds,
        sum(&|l| l.refunds, false).or(Some(0.0)),
    );
    same(
        &format!("{what} expenses"),
        total.count,
        sum(&|l| l.count, false).or(Some(0.0)),
    );
    if total.forecast.is_some() {
        same(
            &format!("{what} forecast (budgeted lines)"),
            total.forecast,
            sum(&|l| l.forecast, true),
        );
    }
    adds_up(what, total, unbudgeted(lines));
}

fn unbudgeted(lines: &[&Line]) -> f64 {
    lines
        .iter()
        .filter(|l| l.budget.is_none())
        .filter_map(|l| l.spent)
        .sum()
}

fn check_costs(c: &CostSheet, what: &str) {
    for l in &c.lines {
        adds_up(&format!("{what} line {} · {}", l.name, l.team), l, 0.0);
    }
    let all: Vec<&Line> = c.lines.iter().collect();
    if let Some(t) = &c.total {
        sums(&format!("{what} total"), t, &all);
    }
    for t in &c.teams {
        let mine: Vec<&Line> = c.lines.iter().filter(|l| l.team == t.team).collect();
        assert!(!mine.is_empty(), "{what}: team {} has no lines", t.team);
        sums(&format!("{what} team {}", t.team), t, &mine);
    }
}

/// The rows of the section of `rows` titled (column A) by one of `titles`, up to the next
/// row whose column A is one of `stops` or the end.
fn section<'a>(rows: &'a Rows, titles: &[&str], stops: &[&str]) -> &'a [Vec<Data>] {
    let Some(start) = rows
        .iter()
        .position(|r| titles.iter().any(|t| r.first().is_some_and(|c| *c == *t)))
    else {
        return &[];
    };
    let end = rows[start + 1..]
        .iter()
        .position(|r| stops.iter().any(|t| r.first().is_some_and(|c| *c == *t)))
        .map_or(rows.len(), |e| start + 1 + e);
    &rows[start + 1..end]
}

/// Column A titles of the Overview's sections, in both languages.
const OVERVIEW_SECTIONS: &[&str] = &[
    "目标进度与时间进度",
    "Goals against their time",
    "各团队",
    "与上次汇总相比",
    "Since last week",
    "逾期与未来7天到期",
    "Overdue and due in the next 7 days",
    "任务状态",
    "Tasks by status",
    "预算使用",
    "Budget used",
    "需要支持",
    "Needs support",
    "关键路径",
    "Critical path",
    "预计晚于活动结束的任务",
    "Forecast to finish after the campaign ends",
    "重点风险（未关闭，可能性或影响为高）",
    "Key risks (not closed, high likelihood or impact)",
];

fn check_summary(sheets: &HashMap<String, Rows>, path: &Path) {
    let what = path.display().to_string();
    let Some(overview) = pick(sheets, "概览", "Overview") else {
        return;
    };
    let costs = pick(sheets, "成本预算", "Costs").and_then(|r| cost_sheet(r, &what));
    if let Some(c) = &costs {
        check_costs(c, &format!("{what} Costs"));
    }

    // The budget block: the totals row.
    let block = section(overview, &["预算使用", "Budget used"], OVERVIEW_SECTIONS);
    let at = |zh: &str, en: &str| {
        block
            .iter()
            .find(|r| is(r.first(), zh, en))
            .and_then(|r| num(r.get(1)))
    };
    let shown_budget = at("总预算", "Budget");
    if let Some(c) = &costs {
        match &c.total {
            Some(t) => {
                let all: Vec<&Line> = c.lines.iter().collect();
                same(&format!("{what} Overview budget"), shown_budget, t.budget);
                same(
                    &format!("{what} Overview spent"),
                    at("已支出（含无预算支出）", "Spent (all)"),
                    t.spent,
                );
                same(
                    &format!("{what} Overview unbudgeted"),
                    at("其中无预算支出", "of which without a budget"),
                    Some(unbudgeted(&all)),
                );
                same(
                    &format!("{what} Overview remaining"),
                    at("剩余（有预算的科目）", "Remaining (budgeted lines)"),
                    t.remaining,
                );
                same_share(
                    &format!("{what} Overview used"),
                    at("已用比例（有预算的科目）", "Used (budgeted lines)"),
                    t.used,
                );
            }
            // No total: none on the Overview either (0 where there is no cost line at all).
            None => assert!(
                shown_budget.is_none() || (c.lines.is_empty() && shown_budget == Some(0.0)),
                "{what}: a budget total {shown_budget:?} on the Overview"
            ),
        }
        // Flagged lines, named "line" or "line · team".
        let several = c.lines.iter().any(|l| l.team != c.lines[0].team);
        for r in block.iter().filter(|r| num(r.get(1)).is_some()) {
            let label = txt(r.first());
            let Some(l) = c.lines.iter().find(|l| {
                if several {
                    label == format!("{} · {}", l.name, l.team)
                } else {
                    label == l.name
                }
            }) else {
                continue;
            };
            let w = format!("{what} Overview line {label}");
            same(&w, num(r.get(1)), l.budget);
            same(&w, num(r.get(2)), l.spent);
            same(&w, num(r.get(3)), l.remaining);
            same_share(&w, num(r.get(4)), l.used);
            assert_eq!(txt(r.get(5)), l.status, "{w}");
        }
        // The team table: each team's budget, spent and share used.
        if let Some(h) = overview
            .iter()
            .position(|r| is(r.first(), "团队", "Team") && is(r.get(7), "预算", "Budget"))
        {
            for r in overview[h + 1..]
                .iter()
                .take_while(|r| !txt(r.first()).is_empty() && !is(r.first(), "合计", "Total"))
            {
                let team = txt(r.first());
                // One team with cost lines: its figures are the totals row.
                let only = c.teams.is_empty() && c.lines.iter().all(|l| l.team == team);
                let Some(t) = c
                    .teams
                    .iter()
                    .find(|t| t.team == team)
                    .or(c.total.as_ref().filter(|_| only && !c.lines.is_empty()))
                else {
                    // A team without a cost line shows no budget (or 0).
                    let b = num(r.get(7));
                    assert!(b.is_none() || b == Some(0.0), "{what}: team {team} {b:?}");
                    continue;
                };
                let w = format!("{what} Overview team {team}");
                same(&w, num(r.get(7)), t.budget);
                same(&w, num(r.get(8)), t.spent);
                same_share(&w, num(r.get(9)), t.used);
            }
        }
        // The Retrospective's over-budget lines.
        if let Some(retro) = pick(sheets, "复盘", "Retrospective") {
            let over = section(
                retro,
                &["四、超支的预算科目", "4. Budget lines over budget"],
                &["五、偏差最大的周度任务", "5. Largest weekly shortfalls"],
            );
            for r in over.iter().filter(|r| num(r.get(3)).is_some()) {
                let (team, name) = (txt(r.first()), txt(r.get(1)));
                let l = c
                    .lines
                    .iter()
                    .find(|l| l.team == team && l.name == name)
                    .unwrap_or_else(|| panic!("{what}: Retrospective line {name} · {team}"));
                let w = format!("{what} Retrospective line {name}");
                same(&w, num(r.get(2)), l.budget);
                same(&w, num(r.get(3)), l.spent);
                same_share(&w, num(r.get(4)), l.used);
                same(&w, num(r.get(5)), l.remaining.map(|x| -x));
            }
        }
    }

    // Goals: the Goals sheet's target, actual and completion on the Overview and in the
    // Retrospective.
    if let Some(goals) = pick(sheets, "目标达成", "Goals") {
        let shown = section(
            overview,
            &["目标进度与时间进度", "Goals against their time"],
            OVERVIEW_SECTIONS,
        );
        let retro = pick(sheets, "复盘", "Retrospective");
        for g in goals
            .iter()
            .skip(1)
            .filter(|r| is(r.get(1), "总目标", "Goal"))
        {
            let (team, name) = (txt(g.first()), txt(g.get(2)));
            if name.is_empty() {
                continue;
            }
            let w = format!("{what} goal {name}");
            if let Some(o) = shown.iter().find(|r| txt(r.first()) == name) {
                same(&w, num(o.get(1)), num(g.get(3)));
                same(&w, num(o.get(2)), num(g.get(4)));
                same_share(&w, num(o.get(3)), num(g.get(5)));
            }
            if let Some(r) = retro.and_then(|rows| {
                rows.iter().find(|r| {
                    txt(r.first()) == team
                        && txt(r.get(1)).starts_with(&name)
                        && num(r.get(2)).is_some()
                })
            }) {
                same(&w, num(r.get(2)), num(g.get(3)));
                same(&w, num(r.get(3)), num(g.get(4)));
                same_share(&w, num(r.get(4)), num(g.get(5)));
            }
        }
    }

    // The critical path and the late finishes: the Tasks sheet's.
    if let Some(tasks) = pick(sheets, "任务", "Tasks")
        && let Some(head) = tasks.first()
        && let (Some(name), Some(team), Some(critical), Some(finish)) = (
            col(head, "任务", "Task"),
            col(head, "团队", "Team"),
            col(head, "关键路径", "Critical"),
            col(head, "预计完成", "Forecast finish"),
        )
    {
        let rows = section(overview, &["关键路径", "Critical path"], OVERVIEW_SECTIONS);
        if !rows.is_empty() {
            let listed: BTreeSet<(String, String)> = rows
                .iter()
                .skip(1)
                .filter(|r| !txt(r.first()).is_empty())
                .map(|r| (txt(r.first()), txt(r.get(5))))
                .collect();
            let marked: BTreeSet<(String, String)> = tasks
                .iter()
                .skip(1)
                .filter(|r| is(r.get(critical), "是", "yes"))
                .map(|r| (txt(r.get(name)), txt(r.get(team))))
                .collect();
            // The Overview lists the chain in full unless it is cut ("… and N more").
            let cut = rows
                .iter()
                .any(|r| txt(r.first()).starts_with('…') || txt(r.first()).contains("more"));
            if !cut
                && listed.len()
                    == rows
                        .iter()
                        .skip(1)
                        .filter(|r| !txt(r.first()).is_empty())
                        .count()
            {
                assert_eq!(listed, marked, "{what}: the critical path");
            }
        }
        let late = section(
            overview,
            &[
                "预计晚于活动结束的任务",
                "Forecast to finish after the campaign ends",
            ],
            OVERVIEW_SECTIONS,
        );
        for r in late.iter().skip(1).filter(|r| date(r.get(3)).is_some()) {
            let (n, t) = (txt(r.first()), txt(r.get(5)));
            if let Some(task) = tasks
                .iter()
                .find(|x| txt(x.get(name)) == n && txt(x.get(team)) == t)
            {
                same(
                    &format!("{what} late finish {n}"),
                    date(r.get(3)),
                    date(task.get(finish)),
                );
                assert!(date(r.get(3)) > date(r.get(4)), "{what}: {n} after the end");
            }
        }
    }

    // The image brief beside the summary.
    let png = path.with_extension("png");
    if png.is_file() {
        check_brief(&png, overview, costs.as_ref(), &what);
    }
}

/// The PNG's text (its Description): the Overview's headline, each goal's completion and
/// time gone, each budget line's share used.
fn check_brief(png: &Path, overview: &Rows, costs: Option<&CostSheet>, what: &str) {
    let Ok(file) = std::fs::File::open(png) else {
        return;
    };
    let Ok(reader) = png::Decoder::new(std::io::BufReader::new(file)).read_info() else {
        panic!("{what}: the image brief is not a PNG");
    };
    let Some(desc) = reader
        .info()
        .utf8_text
        .iter()
        .find(|t| t.keyword == "Description")
        .and_then(|t| t.get_text().ok())
    else {
        panic!("{what}: the image brief has no text");
    };
    let words = ["落后", "需关注", "正常", "Off track", "Watch", "On track"];
    if let Some(head) = overview
        .iter()
        .find(|r| words.iter().any(|w| r.first().is_some_and(|c| *c == *w)))
    {
        let first = desc.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&txt(head.first())) && first.ends_with(&txt(head.get(1))),
            "{what}: brief headline {first:?} vs {head:?}"
        );
    }
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let goals = section(
        overview,
        &["目标进度与时间进度", "Goals against their time"],
        OVERVIEW_SECTIONS,
    );
    for g in goals.iter().skip(1).filter(|r| num(r.get(3)).is_some()) {
        let name = txt(g.first());
        if let Some(line) = desc.lines().find(|l| l.starts_with(&format!("{name}: "))) {
            let done = num(g.get(3)).map(pct).unwrap();
            assert!(line.contains(&done), "{what}: brief {line:?} vs {done}");
            if let Some(gone) = num(g.get(4)).map(pct) {
                assert!(line.contains(&gone), "{what}: brief {line:?} vs {gone}");
            }
        }
    }
    if let Some(c) = costs {
        let bars = desc.lines().filter_map(|l| {
            l.strip_prefix("预算 ")
                .or_else(|| l.strip_prefix("budget "))
        });
        for line in bars {
            let (label, share) = line.rsplit_once(": ").unwrap();
            let l = c
                .lines
                .iter()
                .find(|l| label == l.name || label == format!("{} · {}", l.name, l.team))
                .unwrap_or_else(|| panic!("{what}: brief line {label}"));
            assert_eq!(
                Some(share.to_string()),
                l.used.map(pct),
                "{what}: brief line {label}"
            );
        }
    }
}

/// Checks a workbook plantrack wrote (see the module docs); other files are left alone.
pub fn outputs_agree(path: &Path) {
    let big = std::fs::metadata(path).map_or(true, |m| m.len() > CHECKED_UP_TO_BYTES);
    if big || path.extension().is_none_or(|e| e != "xlsx") {
        return;
    }
    let sheets = read_all(path);
    if sheets.contains_key("_plantrack") {
        check_summary(&sheets, path);
    } else if let Some(rows) = pick(&sheets, "成本预算", "Costs")
        && (sheets.contains_key("支出台账") || sheets.contains_key("Ledger"))
    {
        let what = path.display().to_string();
        if let Some(c) = cost_sheet(rows, &what) {
            check_costs(&c, &what);
        }
    }
}

/// The outputs a run in `dir` with `args` wrote since `since`: the -o file, else the
/// summaries and cost workbooks of the run's folder (by their default names) modified since.
pub fn written_by(
    dir: &Path,
    args: &[&str],
    since: std::time::SystemTime,
) -> Vec<std::path::PathBuf> {
    let named = args
        .iter()
        .position(|a| *a == "-o" || *a == "--output")
        .and_then(|i| args.get(i + 1))
        .map(|o| dir.join(o));
    if let Some(o) = named {
        return vec![o];
    }
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap_or_default().to_string_lossy();
                    name.contains("-summary-") || name.contains("-costs-")
                })
                .filter(|p| {
                    std::fs::metadata(p)
                        .and_then(|m| m.modified())
                        .is_ok_and(|t| t >= since)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The check fails when any one of the figures it compares is changed on one sheet only.
#[test]
fn a_figure_changed_on_one_sheet_fails_the_check() {
    let (zh, en) = (samples().join(ZH_SAMPLE), samples().join(EN_SAMPLE));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("two.xlsx");
    let args = [
        "report",
        zh.to_str().unwrap(),
        en.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "zh",
    ];
    assert!(crate::common::plantrack(dir.path(), &args).status.success());
    let one = dir.path().join("one.xlsx");
    let args = [
        "report",
        zh.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "-o",
        one.to_str().unwrap(),
    ];
    assert!(crate::common::plantrack(dir.path(), &args).status.success());
    let fails = |path: &Path, sheet: &str, label: (usize, &str), c: usize| {
        let mut sheets = read_all(path);
        let rows = sheets.get_mut(sheet).unwrap();
        let row = rows
            .iter_mut()
            .find(|r| r.get(label.0).is_some_and(|x| *x == label.1))
            .unwrap_or_else(|| panic!("{sheet}: {label:?}"));
        let was = num(row.get(c)).unwrap_or_else(|| panic!("{sheet} {label:?} {c}"));
        row[c] = Data::Float(was + 1.0);
        let caught = std::panic::catch_unwind(|| check_summary(&sheets, path));
        assert!(
            caught.is_err(),
            "{sheet} {label:?} column {c} changed unnoticed"
        );
    };
    // Untouched, both pass.
    check_summary(&read_all(&out), &out);
    check_summary(&read_all(&one), &one);
    // Each figure, changed in one place.
    fails(&one, "概览", (0, "剩余（有预算的科目）"), 1);
    fails(&one, "概览", (0, "已支出（含无预算支出）"), 1);
    fails(&one, "概览", (0, "其中无预算支出"), 1);
    fails(&one, "概览", (0, "小红书投放"), 2);
    fails(&one, "成本预算", (1, "直播推广费"), 10);
    fails(&one, "成本预算", (0, "合计"), 10);
    fails(&one, "成本预算", (0, "合计"), 5);
    fails(&one, "复盘", (1, "小红书投放"), 5);
    fails(&one, "概览", (0, "新品首月销售额500万"), 3);
    fails(&out, "概览", (0, "launch-team-west"), 8);
    fails(&out, "成本预算", (0, "launch-team-west"), 11);
    fails(&out, "成本预算", (1, "Influencers"), 5);
    fails(&out, "目标达成", (2, "Q4 launch revenue $2M"), 4);
}
