//! The schedule of the plan tasks: predecessor links, dependency conflicts and cycles, the
//! critical path with each task's float, and the slip of late tasks carried forward to their
//! successors (forecast start and finish). Pure: the as-of date and the task statuses come
//! in, nothing reads a clock, and the result only depends on the order of the plan rows.
//!
//! # Rules
//!
//! **Predecessors.** The reader has already split the predecessor cell into pieces. Each
//! piece names a task of the *same team*: first by id (compared after [`fold`]: trimmed,
//! case-, space- and width-insensitive, so `" T1.1 "` and `"ｔ１.１"` both name id `t1.1`),
//! then by task name (folded the same way). An id used twice is a [`ProblemKind::DuplicateId`]
//! at its second row, and a predecessor naming it links nothing (a problem, not a guess); with
//! duplicate names the first row wins.
//! A piece that matches neither is read as a typed link ([`parse_link`]): MS Project's
//! "3FS", "3SS+2", "3FF" (the number is an id, or, in a team whose plan has no ids, the task's
//! position in the team's plan, as MS Project numbers its rows) and words ("after X", "X之后",
//! "在X完成后"). A piece that matches nothing is a [`ProblemKind::UnknownPredecessor`] warning
//! at the predecessors cell; a task naming the same predecessor twice gets one link.
//!
//! **Cycles.** Predecessor links are found in strongly connected components (Tarjan's
//! algorithm, iterative). Each component of two or more tasks, or a task naming itself, is one
//! [`ProblemKind::DependencyCycle`] warning at the row of its first task (lowest plan index),
//! naming its tasks in cycle order: a depth-first walk along predecessor -> successor links
//! from that first task. Every link inside such a component is dropped, and the rest of the
//! schedule is computed on what is left, which is acyclic. The `predecessors` and
//! `successors` of [`TaskSchedule`] are these kept links.
//!
//! **Dates.** Everything is counted in working days of the [`Calendar`], dates inclusive:
//! a task occupies its start and due days, and a successor is on time when it starts on the
//! next working day after its predecessor's due date (a task due Friday 09-30 is followed on
//! time by one starting on 10-08, after 国庆). A task is *dated* when it has a due date; a
//! missing start is the due date (a one-day task or milestone), and a start after the due
//! date (reported elsewhere as `DueBeforeStart`) is also taken as the due date. Its duration
//! is the number of working days in `start..=due`. A task without a due date has no float,
//! is never critical and has no forecast, but links still pass through it as a zero-length
//! step.
//!
//! **Conflicts.** A finish-to-start link (the default) asks the successor to start on or after
//! the next working day after the predecessor's due date, plus the lag; start-to-start
//! compares the starts, finish-to-finish the due dates, start-to-finish the successor's due
//! date with the predecessor's start (MS Project's meanings, a finish being the end of its
//! day). A dated task that starts before a dated predecessor is done but finishes after it is
//! parallel work, which teams plan on purpose: all such pairs of a team are one
//! [`ProblemKind::ParallelWork`] note, at the first such task's start date. A task that
//! finishes before its predecessor does is a [`ProblemKind::FinishesBeforePredecessor`]
//! warning at its start-date cell; one that breaks a typed link ("1SS+2", "3FF") is a
//! [`ProblemKind::LinkNotMet`] warning at the date the link constrains (its start, or its due
//! date for FF and SF). One per such predecessor; the task's `conflict` flag is set. Links
//! where either side is cancelled are not checked. Lags count working days, as MS Project's.
//!
//! **Critical path and float.** The planned dates are the schedule; each team is its own
//! project (links never cross teams), ending on the team's latest due date. Backward pass in
//! reverse topological order: a task's latest finish `LF` is the earliest latest start `LS`
//! of its successors, or the project end when it has none; `LS = LF - duration`. Total float
//! is `LF - due` in working days. Done and cancelled tasks take part like any other. A task is
//! critical when it is dated and its float is 0 or less: negative float comes only from
//! dependency conflicts, and such a task is more critical, not less.
//! `critical_path` is, per team, one chain of critical tasks ending on the project end: a
//! link `p -> s` is on a chain when both are critical and `LF(p) == LS(s)` (the successor
//! sets the predecessor's latest finish). Among the chains, the longest by dates (the
//! earliest first start) wins; ties go to the lowest plan index at each step. With no links
//! at all, this is the single task due on the project end with the earliest start, ties by
//! lowest index. The chain is listed earliest first, and with several teams the chains follow
//! each other in the order teams first appear in the plan.
//!
//! **Forecast (slip propagation).** Forward pass in topological order, in working days. A
//! task that is overdue on the as-of date ([`TaskStatus::Overdue`]) finishes on the as-of
//! date at the earliest. A task that the team marked delayed, or any other open task, keeps its planned
//! due date unless a predecessor pushes it. A done task finishes on its done-on date, or its
//! due date when none is given, and never moves itself; a cancelled task neither moves nor
//! holds anyone up. A predecessor has *slipped* when its forecast finish is after its due
//! date (for a done task: done on a later working day than due); only slipped predecessors
//! push: an open successor starts no earlier than the working day after the latest slipped
//! predecessor's finish and keeps its duration in working days (for an overdue task, it
//! finishes not before the as-of date).
//! A task without a due date passes the slip of its predecessors on unchanged.
//! `forecast_start` is `Some` only when it differs from the planned start, `forecast_finish`
//! only when it differs from the due date (so always for an overdue task), and
//! `forecast_late` is set when the forecast finish is after the due date.
//!
//! Everything is O(tasks + links); no recursion, so long chains cannot overflow the stack.

use std::collections::{HashMap, VecDeque};

use chrono::NaiveDate;

use crate::compute::calendar::Calendar;
use crate::compute::status;
use crate::model::{PlanRow, Problem, ProblemKind, Severity, TaskStatus};
use crate::values::{LinkKind, fold, parse_link};

/// The schedule of a plan: per task links, float and forecast, and the critical path.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// Parallel to the plan slice: per task.
    pub tasks: Vec<TaskSchedule>,
    /// Indices of the critical path tasks, in chain order (earliest first); with several
    /// teams, one chain per team, teams in first-seen order.
    pub critical_path: Vec<usize>,
}

impl Schedule {
    /// The part of the critical path that belongs to one team.
    pub fn critical_path_of(&self, plan: &[PlanRow], team: &str) -> Vec<usize> {
        self.critical_path
            .iter()
            .copied()
            .filter(|&i| plan.get(i).is_some_and(|t| t.team == team))
            .collect()
    }
}

/// One task's place in the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskSchedule {
    /// Resolved predecessor indices, in the order written, without links inside a cycle.
    pub predecessors: Vec<usize>,
    /// Indices of the tasks that name this one as predecessor, ascending.
    pub successors: Vec<usize>,
    /// Total float (slack) in working days; None when the task has no due date.
    pub float_days: Option<i64>,
    pub critical: bool,
    /// Finishes before a predecessor does, or breaks a typed link (see the module doc).
    pub conflict: bool,
    /// Some only when it differs from the planned start because of slipped predecessors.
    pub forecast_start: Option<NaiveDate>,
    /// Some only when it differs from the due date (slipped predecessors, or overdue).
    pub forecast_finish: Option<NaiveDate>,
    /// Forecast finish after its due date.
    pub forecast_late: bool,
}

/// A dated task's planned working days, as working-day numbers ([`Calendar::index`]):
/// `start` is the first working day it occupies, `due` the one after its last, so the
/// duration is `due - start` and a successor is on time from `start == pred.due`.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: i64,
    due: i64,
}

impl Span {
    fn of(task: &PlanRow, cal: &Calendar) -> Option<Span> {
        let due_date = task.due?;
        let start_date = task.start.map_or(due_date, |s| s.min(due_date));
        Some(Span {
            start: cal.index(start_date),
            due: end_of_day(cal, due_date),
        })
    }

    fn duration(self) -> i64 {
        self.due - self.start
    }
}

/// The working-day number just after `date`: where a task due on `date` ends.
fn end_of_day(cal: &Calendar, date: NaiveDate) -> i64 {
    date.succ_opt()
        .map_or_else(|| cal.index(date) + 1, |n| cal.index(n))
}

/// Computes the schedule of `plan` in working days of `cal`. `statuses` is parallel to
/// `plan` (a missing entry is judged on `as_of`). Unknown predecessors, cycles and conflicts
/// are appended to `problems`.
pub fn schedule(
    plan: &[PlanRow],
    statuses: &[TaskStatus],
    as_of: NaiveDate,
    cal: &Calendar,
    problems: &mut Vec<Problem>,
) -> Schedule {
    let n = plan.len();
    let mut typed = HashMap::new();
    let resolved = resolve(plan, problems, &mut typed);
    let preds = break_cycles(plan, &resolved, problems);
    let mut succs = vec![Vec::new(); n];
    for (i, ps) in preds.iter().enumerate() {
        for &p in ps {
            succs[p].push(i);
        }
    }
    let graph = Graph {
        plan,
        order: topological_order(&preds, &succs),
        preds,
        succs,
        spans: plan.iter().map(|t| Span::of(t, cal)).collect(),
        typed,
        statuses: (0..n)
            .map(|i| {
                statuses
                    .get(i)
                    .copied()
                    .unwrap_or_else(|| status::judge(&plan[i], as_of, cal))
            })
            .collect(),
        cal,
    };
    let mut tasks: Vec<TaskSchedule> = graph
        .preds
        .iter()
        .zip(&graph.succs)
        .map(|(p, s)| TaskSchedule {
            predecessors: p.clone(),
            successors: s.clone(),
            ..TaskSchedule::default()
        })
        .collect();
    graph.conflicts(&mut tasks, problems);
    let critical_path = graph.critical_path(&mut tasks);
    graph.forecast(as_of, &mut tasks);
    Schedule {
        tasks,
        critical_path,
    }
}

/// The plan with its kept (acyclic) links.
struct Graph<'a> {
    plan: &'a [PlanRow],
    preds: Vec<Vec<usize>>,
    succs: Vec<Vec<usize>>,
    /// Every task, predecessors before successors.
    order: Vec<usize>,
    spans: Vec<Option<Span>>,
    statuses: Vec<TaskStatus>,
    /// (successor, predecessor) -> link type and lag in working days, for links other than
    /// a plain finish-to-start.
    typed: HashMap<(usize, usize), (LinkKind, i64, String)>,
    cal: &'a Calendar,
}

impl Graph<'_> {
    /// Sets `conflict` and reports each broken link; overlaps are one note per team.
    fn conflicts(&self, tasks: &mut [TaskSchedule], problems: &mut Vec<Problem>) {
        // Per team: its (successor, predecessor) pairs and the first such task.
        type Overlaps = Vec<(String, Vec<(String, String)>, usize)>;
        let mut parallel: Overlaps = Vec::new();
        for (i, task) in tasks.iter_mut().enumerate() {
            let Some(span) = self.spans[i] else { continue };
            if self.statuses[i] == TaskStatus::Cancelled {
                continue;
            }
            for &p in &self.preds[i] {
                let Some(pred) = self.spans[p] else { continue };
                if self.statuses[p] == TaskStatus::Cancelled {
                    continue;
                }
                let (kind, lag, written) = match self.typed.get(&(i, p)) {
                    Some((kind, lag, written)) => (*kind, *lag, Some(written)),
                    None => (LinkKind::FinishToStart, 0, None),
                };
                let (mine, theirs) = match kind {
                    LinkKind::FinishToStart => (span.start, pred.due),
                    LinkKind::StartToStart => (span.start, pred.start),
                    LinkKind::FinishToFinish => (span.due, pred.due),
                    LinkKind::StartToFinish => (span.due, pred.start),
                };
                if mine >= theirs + lag {
                    continue;
                }
                let (plan, pred_row) = (&self.plan[i], &self.plan[p]);
                if kind == LinkKind::FinishToStart && span.due >= pred.due + lag {
                    let pair = (plan.name.clone(), pred_row.name.clone());
                    match parallel.iter_mut().find(|(team, _, _)| *team == plan.team) {
                        Some((_, pairs, _)) => pairs.push(pair),
                        None => parallel.push((plan.team.clone(), vec![pair], i)),
                    }
                    continue;
                }
                task.conflict = true;
                let kind = match written.filter(|_| kind != LinkKind::FinishToStart || lag != 0) {
                    Some(link) => {
                        // A start is a working-day number, a finish the one after its day.
                        let (needs, found) = match kind {
                            LinkKind::FinishToStart | LinkKind::StartToStart => (
                                self.cal.working_day(theirs + lag),
                                plan.start.or(plan.due).unwrap_or_default(),
                            ),
                            LinkKind::FinishToFinish | LinkKind::StartToFinish => (
                                self.cal.working_day(theirs + lag - 1),
                                plan.due.unwrap_or_default(),
                            ),
                        };
                        ProblemKind::LinkNotMet {
                            predecessor: pred_row.name.clone(),
                            link: link.clone(),
                            needs,
                            found,
                        }
                    }
                    None => ProblemKind::FinishesBeforePredecessor {
                        predecessor: pred_row.name.clone(),
                        predecessor_due: pred_row.due.unwrap_or_default(),
                        due: plan.due.unwrap_or_default(),
                    },
                };
                let at = match kind {
                    ProblemKind::LinkNotMet { .. }
                        if matches!(
                            self.typed.get(&(i, p)).map(|t| t.0),
                            Some(LinkKind::FinishToFinish | LinkKind::StartToFinish)
                        ) =>
                    {
                        plan.due_at()
                    }
                    _ => plan.start_at(),
                };
                problems.push(Problem {
                    team: plan.team.clone(),
                    at,
                    severity: Severity::Warning,
                    kind,
                });
            }
        }
        for (team, pairs, first) in parallel {
            problems.push(Problem {
                team,
                at: self.plan[first].start_at(),
                severity: Severity::Info,
                kind: ProblemKind::ParallelWork { pairs },
            });
        }
    }

    /// Sets float and `critical`, and returns the critical chains, one per team.
    fn critical_path(&self, tasks: &mut [TaskSchedule]) -> Vec<usize> {
        let n = self.plan.len();
        // Teams, in first-seen order, and each team's project end.
        let mut team_ids: HashMap<&str, usize> = HashMap::new();
        let team: Vec<usize> = self
            .plan
            .iter()
            .map(|t| {
                let next = team_ids.len();
                *team_ids.entry(t.team.as_str()).or_insert(next)
            })
            .collect();
        let mut team_end: Vec<Option<i64>> = vec![None; team_ids.len()];
        for (i, span) in self.spans.iter().enumerate() {
            if let Some(span) = span {
                let end = &mut team_end[team[i]];
                *end = Some(end.map_or(span.due, |e| e.max(span.due)));
            }
        }

        // Backward pass: latest finish and latest start.
        let mut latest_finish: Vec<Option<i64>> = vec![None; n];
        let mut latest_start: Vec<Option<i64>> = vec![None; n];
        for &i in self.order.iter().rev() {
            let mut lf = team_end[team[i]];
            for &s in &self.succs[i] {
                if let Some(ls) = latest_start[s] {
                    lf = Some(lf.map_or(ls, |f| f.min(ls)));
                }
            }
            let duration = self.spans[i].map_or(0, Span::duration);
            latest_finish[i] = lf;
            latest_start[i] = lf.map(|f| f.saturating_sub(duration));
        }
        for (i, task) in tasks.iter_mut().enumerate() {
            if let (Some(span), Some(lf)) = (self.spans[i], latest_finish[i]) {
                let float = lf - span.due;
                task.float_days = Some(float);
                task.critical = float <= 0;
            }
        }

        // For each critical task, the chain of critical links leading to it that starts
        // earliest (forward, in topological order).
        let mut chain_start: Vec<i64> = vec![0; n];
        let mut chain_pred: Vec<Option<usize>> = vec![None; n];
        for &i in &self.order {
            let Some(span) = self.spans[i] else { continue };
            if !tasks[i].critical {
                continue;
            }
            let mut best: Option<(i64, usize)> = None;
            for &p in &self.preds[i] {
                if tasks[p].critical && latest_finish[p] == latest_start[i] {
                    let key = (chain_start[p], p);
                    if best.is_none_or(|b| key < b) {
                        best = Some(key);
                    }
                }
            }
            chain_start[i] = best.map_or(span.start, |(s, _)| s.min(span.start));
            chain_pred[i] = best.map(|(_, p)| p);
        }
        // Per team, the chain ending on the project end that starts earliest.
        let mut chain_end: Vec<Option<(i64, usize)>> = vec![None; team_ids.len()];
        for (i, span) in self.spans.iter().enumerate() {
            let Some(span) = span else { continue };
            if !tasks[i].critical || Some(span.due) != team_end[team[i]] {
                continue;
            }
            let key = (chain_start[i], i);
            let end = &mut chain_end[team[i]];
            if end.is_none_or(|e| key < e) {
                *end = Some(key);
            }
        }
        let mut path = Vec::new();
        for (_, last) in chain_end.into_iter().flatten() {
            let from = path.len();
            let mut at = Some(last);
            // A chain follows kept (acyclic) links, so it ends; the bound is a safety net.
            while let Some(i) = at {
                if path.len() - from > n {
                    break;
                }
                path.push(i);
                at = chain_pred[i];
            }
            path[from..].reverse();
        }
        path
    }

    /// Forward pass: forecast dates from slipped predecessors.
    fn forecast(&self, as_of: NaiveDate, tasks: &mut [TaskSchedule]) {
        let cal = self.cal;
        let as_of_end = end_of_day(cal, as_of);
        // The working day a slipped task makes its successors wait for; None when not
        // slipped.
        let mut push: Vec<Option<i64>> = vec![None; self.plan.len()];
        for &i in &self.order {
            let status = self.statuses[i];
            let pushed_to = self.preds[i].iter().filter_map(|&p| push[p]).max();
            match (self.spans[i], status) {
                (_, TaskStatus::Cancelled) | (None, TaskStatus::Done) => {}
                (None, _) => push[i] = pushed_to,
                (Some(span), TaskStatus::Done) => {
                    push[i] = self.plan[i]
                        .done_on
                        .map(|d| end_of_day(cal, d))
                        .filter(|&d| d > span.due);
                }
                (Some(span), _) => {
                    let start = pushed_to.map_or(span.start, |p| p.max(span.start));
                    let mut finish = start.saturating_add(span.duration());
                    let due = self.plan[i].due.unwrap_or(as_of);
                    let mut finish_date = if finish == span.due {
                        due
                    } else {
                        cal.working_day(finish - 1)
                    };
                    if status == TaskStatus::Overdue {
                        finish = finish.max(as_of_end);
                        finish_date = finish_date.max(cal.working_day(finish - 1)).max(as_of);
                    }
                    let t = &mut tasks[i];
                    if start != span.start {
                        t.forecast_start = Some(cal.working_day(start));
                    }
                    if finish_date != due {
                        t.forecast_finish = Some(finish_date);
                    }
                    t.forecast_late = finish_date > due;
                    if finish > span.due {
                        push[i] = Some(finish);
                    }
                }
            }
        }
    }
}

/// Predecessor pieces to task indices (same team; id first, then name), deduplicated, in
/// the order written. Self links are kept here; [`break_cycles`] reports them.
fn resolve(
    plan: &[PlanRow],
    problems: &mut Vec<Problem>,
    typed: &mut HashMap<(usize, usize), (LinkKind, i64, String)>,
) -> Vec<Vec<usize>> {
    use std::collections::hash_map::Entry;
    let mut by_id: HashMap<(&str, String), usize> = HashMap::new();
    let mut by_name: HashMap<(&str, String), usize> = HashMap::new();
    // Ids used twice: a link to one names no single task, so it is a problem, not a choice.
    let mut twice: std::collections::HashSet<(&str, String)> = Default::default();
    for (i, t) in plan.iter().enumerate() {
        if let Some(id) = &t.id {
            let key = (t.team.as_str(), fold(id));
            match by_id.entry(key) {
                Entry::Occupied(seen) if !seen.key().1.is_empty() => {
                    problems.push(Problem {
                        team: t.team.clone(),
                        at: t.row.clone(),
                        severity: Severity::Warning,
                        kind: ProblemKind::DuplicateId {
                            id: id.trim().to_string(),
                        },
                    });
                    twice.insert(seen.key().clone());
                }
                Entry::Vacant(slot) if !slot.key().1.is_empty() => {
                    slot.insert(i);
                }
                _ => {}
            }
        }
        let key = fold(&t.name);
        if !key.is_empty() {
            by_name.entry((t.team.as_str(), key)).or_insert(i);
        }
    }

    // MS Project numbers a plan's rows: in a team without ids, "3FS" is its third task.
    let mut by_position: HashMap<(&str, usize), usize> = HashMap::new();
    let mut team_sizes: HashMap<&str, usize> = HashMap::new();
    let with_ids: std::collections::HashSet<&str> = (plan.iter())
        .filter(|t| t.id.is_some())
        .map(|t| t.team.as_str())
        .collect();
    for (i, t) in plan.iter().enumerate() {
        let n = team_sizes.entry(t.team.as_str()).or_default();
        *n += 1;
        by_position.insert((t.team.as_str(), *n), i);
    }
    let find_link = |team: &str, piece: &str| -> Option<(usize, LinkKind, i64)> {
        let link = parse_link(piece)?;
        let key = (team, fold(&link.target));
        let j = match by_id.get(&key).or_else(|| by_name.get(&key)) {
            Some(&j) => j,
            None if !with_ids.contains(team) => {
                *by_position.get(&(team, link.target.trim().parse::<usize>().ok()?))?
            }
            None => return None,
        };
        Some((j, link.kind, link.lag_days))
    };

    let mut out = Vec::with_capacity(plan.len());
    for (i, t) in plan.iter().enumerate() {
        let mut links: Vec<usize> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        for piece in &t.predecessors {
            let key = (t.team.as_str(), fold(piece));
            if key.1.is_empty() {
                continue;
            }
            if twice.contains(&key) {
                problems.push(Problem {
                    team: t.team.clone(),
                    at: t.predecessors_at(),
                    severity: Severity::Warning,
                    kind: ProblemKind::AmbiguousPredecessor {
                        id: piece.trim().to_string(),
                    },
                });
                continue;
            }
            let found = match by_id.get(&key).or_else(|| by_name.get(&key)) {
                Some(&j) => Some((j, LinkKind::FinishToStart, 0)),
                None => find_link(&t.team, piece),
            };
            match found {
                Some((j, kind, lag)) => {
                    if !links.contains(&j) {
                        links.push(j);
                        if (kind, lag) != (LinkKind::FinishToStart, 0) {
                            typed.insert((i, j), (kind, lag, piece.trim().to_string()));
                        }
                    }
                }
                None => {
                    let name = piece.trim().to_string();
                    if !unknown.contains(&name) {
                        problems.push(Problem {
                            team: t.team.clone(),
                            at: t.predecessors_at(),
                            severity: Severity::Warning,
                            kind: ProblemKind::UnknownPredecessor { name: name.clone() },
                        });
                        unknown.push(name);
                    }
                }
            }
        }
        out.push(links);
    }
    out
}

/// Reports each cycle once and returns the predecessor lists without the links inside a
/// cycle (including self links).
fn break_cycles(
    plan: &[PlanRow],
    resolved: &[Vec<usize>],
    problems: &mut Vec<Problem>,
) -> Vec<Vec<usize>> {
    let n = resolved.len();
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut self_link = vec![false; n];
    for (i, ps) in resolved.iter().enumerate() {
        for &p in ps {
            if p == i {
                self_link[i] = true;
            } else {
                succ[p].push(i);
            }
        }
    }
    let comp = components(&succ);
    let mut size = vec![0usize; n];
    for &c in &comp {
        size[c] += 1;
    }
    let mut reported = vec![false; n];
    let mut seen = vec![false; n];
    for first in 0..n {
        let c = comp[first];
        if reported[c] || !(size[c] > 1 || self_link[first]) {
            continue;
        }
        reported[c] = true;
        // Cycle order: depth-first preorder from the first task, inside the component.
        let mut names = vec![plan[first].name.clone()];
        seen[first] = true;
        let mut stack: Vec<(usize, usize)> = vec![(first, 0)];
        while let Some(top) = stack.last_mut() {
            let (v, pos) = *top;
            match succ[v].get(pos) {
                Some(&w) => {
                    top.1 += 1;
                    if comp[w] == c && !seen[w] {
                        seen[w] = true;
                        names.push(plan[w].name.clone());
                        stack.push((w, 0));
                    }
                }
                None => {
                    stack.pop();
                }
            }
        }
        problems.push(Problem {
            team: plan[first].team.clone(),
            at: plan[first].row.clone(),
            severity: Severity::Warning,
            kind: ProblemKind::DependencyCycle { tasks: names },
        });
    }
    resolved
        .iter()
        .enumerate()
        .map(|(i, ps)| ps.iter().copied().filter(|&p| comp[p] != comp[i]).collect())
        .collect()
}

/// Strongly connected component id of each node (Tarjan, iterative).
fn components(succ: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = succ.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut counter = 0usize;
    let mut comps = 0usize;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, 0));
        while let Some(top) = calls.last_mut() {
            let (v, pos) = *top;
            if let Some(&w) = succ[v].get(pos) {
                top.1 += 1;
                if index[w] == UNSEEN {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = comps;
                    if w == v {
                        break;
                    }
                }
                comps += 1;
            }
        }
    }
    comp
}

/// Kahn's order over an acyclic graph, lowest index first among the ready tasks.
fn topological_order(preds: &[Vec<usize>], succs: &[Vec<usize>]) -> Vec<usize> {
    let n = preds.len();
    let mut waiting: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut ready: VecDeque<usize> = (0..n).filter(|&i| waiting[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop_front() {
        order.push(i);
        for &s in &succs[i] {
            waiting[s] -= 1;
            if waiting[s] == 0 {
                ready.push_back(s);
            }
        }
    }
    // The graph is acyclic, so every task is in the order; should one be left out, add it
    // so that no task goes without a schedule.
    if order.len() < n {
        let mut placed = vec![false; n];
        for &i in &order {
            placed[i] = true;
        }
        order.extend((0..n).filter(|&i| !placed[i]));
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellRef, TeamDay, WrittenStatus};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A task of team "t"; dates as "2026-11-01", predecessors as split by the reader.
    fn task(id: &str, name: &str, start: &str, due: &str, preds: &[&str]) -> PlanRow {
        let date = |s: &str| (!s.is_empty()).then(|| d(s));
        PlanRow {
            team: "t".into(),
            row: CellRef::new("Plan", 0, 0),
            id: (!id.is_empty()).then(|| id.to_string()),
            goal: "g".into(),
            goal_at: CellRef::new("Plan", 0, 1),
            stage_at: None,
            stage: None,
            name: name.into(),
            owner: Some("o".into()),
            start: date(start),
            due: date(due),
            done_on: None,
            deliverable: None,
            resources: None,
            budget: None,
            target: None,
            actual: None,
            progress: Some(0.0),
            status: Some(WrittenStatus::InProgress),
            predecessors: preds.iter().map(|s| s.to_string()).collect(),
            support: None,
            length: None,
            estimate: None,
            cells: Default::default(),
        }
    }

    /// Numbers the rows (row i of the plan is sheet row i + 1).
    fn plan(mut rows: Vec<PlanRow>) -> Vec<PlanRow> {
        for (i, r) in rows.iter_mut().enumerate() {
            r.row = CellRef::new("Plan", i as u32 + 1, 0);
        }
        rows
    }

    fn run(plan: &[PlanRow], as_of: &str) -> (Schedule, Vec<Problem>) {
        let as_of = d(as_of);
        let cal = Calendar::cn();
        let statuses: Vec<TaskStatus> =
            plan.iter().map(|t| status::judge(t, as_of, &cal)).collect();
        let mut problems = Vec::new();
        let s = schedule(plan, &statuses, as_of, &cal, &mut problems);
        (s, problems)
    }

    fn floats(s: &Schedule) -> Vec<Option<i64>> {
        s.tasks.iter().map(|t| t.float_days).collect()
    }

    // Dates below are 2026 unless said; November starts on a Sunday (Mondays: 11-02, 11-09,
    // 11-16, 11-23, 11-30) and has no public holiday. Durations count working days.

    /// A (11-02..11-06, 5 days) -> B (11-09..11-20, 10) -> D (11-23..11-27), and A -> C
    /// (11-09..11-13, 5) -> D: B's branch is 10 working days, C's 5, so C has 5 of float.
    fn diamond() -> Vec<PlanRow> {
        plan(vec![
            task("1", "A", "2026-11-02", "2026-11-06", &[]),
            task("2", "B", "2026-11-09", "2026-11-20", &["1"]),
            task("3", "C", "2026-11-09", "2026-11-13", &["A"]),
            task("4", "D", "2026-11-23", "2026-11-27", &["2", "C"]),
        ])
    }

    #[test]
    fn diamond_critical_path_and_float() {
        let (s, problems) = run(&diamond(), "2026-10-01");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.critical_path, vec![0, 1, 3]);
        assert_eq!(floats(&s), vec![Some(0), Some(0), Some(5), Some(0)]);
        let critical: Vec<bool> = s.tasks.iter().map(|t| t.critical).collect();
        assert_eq!(critical, vec![true, true, false, true]);
        assert_eq!(s.tasks[3].predecessors, vec![1, 2]);
        assert_eq!(s.tasks[0].successors, vec![1, 2]);
        assert!(s.tasks.iter().all(|t| !t.conflict && !t.forecast_late));
        assert!(s.tasks.iter().all(|t| t.forecast_start.is_none()));
        assert!(s.tasks.iter().all(|t| t.forecast_finish.is_none()));
    }

    #[test]
    fn critical_path_follows_the_longer_branch_whichever_row_it_is() {
        // Same diamond with C made the long branch (11-09..11-20) and B the short one
        // (11-09..11-11): B may finish 7 working days later (11-12, 13, 16..20).
        let mut p = diamond();
        p[1].due = Some(d("2026-11-11"));
        p[2].due = Some(d("2026-11-20"));
        let (s, _) = run(&p, "2026-10-01");
        assert_eq!(s.critical_path, vec![0, 2, 3]);
        assert_eq!(floats(&s), vec![Some(0), Some(7), Some(0), Some(0)]);
    }

    #[test]
    fn float_of_a_side_task_ends_at_the_project_end() {
        // E (11-02..11-04) has no links: it may finish as late as the project end, 11-27:
        // 11-05, 11-06 and three whole weeks are 17 working days.
        let mut p = diamond();
        p.push(task("5", "E", "2026-11-02", "2026-11-04", &[]));
        let p = plan(p);
        let (s, _) = run(&p, "2026-10-01");
        assert_eq!(s.tasks[4].float_days, Some(17));
        assert_eq!(s.critical_path, vec![0, 1, 3]);
    }

    #[test]
    fn without_links_the_path_is_the_task_due_last() {
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-13", &[]),
            task("2", "B", "2026-11-05", "2026-11-27", &[]),
            task("3", "C", "2026-11-03", "2026-11-27", &[]),
            task("4", "D", "2026-11-03", "2026-11-27", &[]),
        ]);
        let (s, _) = run(&p, "2026-10-01");
        // B, C and D all end on 11-27; C starts earliest, and wins the tie with D by row.
        assert_eq!(s.critical_path, vec![2]);
        assert_eq!(floats(&s), vec![Some(10), Some(0), Some(0), Some(0)]);
    }

    #[test]
    fn overlapping_a_predecessor_is_one_note_finishing_before_it_a_warning() {
        // Issue 13: parallel work (start before the predecessor is done, finish after it) is
        // planned on purpose: one note per plan, no flag. Finishing before it is a warning.
        let mut p = plan(vec![
            task("1", "物料设计", "2026-11-02", "2026-11-13", &[]),
            task("2", "印刷", "2026-11-11", "2026-11-20", &["物料设计"]),
            // Starting on the next working day (Monday after a Friday) is on time.
            task("3", "派发", "2026-11-23", "2026-11-27", &["印刷"]),
            task("4", "海报", "2026-11-03", "2026-11-16", &["物料设计"]),
            task("5", "快闪", "2026-11-04", "2026-11-10", &["物料设计"]),
        ]);
        p[4].cells.start = Some(CellRef::new("Plan", 5, 4));
        p[1].cells.start = Some(CellRef::new("Plan", 2, 4));
        let (s, problems) = run(&p, "2026-10-01");
        assert_eq!(
            problems,
            vec![
                Problem {
                    team: "t".into(),
                    at: CellRef::new("Plan", 5, 4),
                    severity: Severity::Warning,
                    kind: ProblemKind::FinishesBeforePredecessor {
                        predecessor: "物料设计".into(),
                        predecessor_due: d("2026-11-13"),
                        due: d("2026-11-10"),
                    },
                },
                Problem {
                    team: "t".into(),
                    at: CellRef::new("Plan", 2, 4),
                    severity: Severity::Info,
                    kind: ProblemKind::ParallelWork {
                        pairs: vec![
                            ("印刷".into(), "物料设计".into()),
                            ("海报".into(), "物料设计".into()),
                        ],
                    },
                },
            ]
        );
        let conflict: Vec<bool> = s.tasks.iter().map(|t| t.conflict).collect();
        assert_eq!(conflict, vec![false, false, false, false, true]);
        // The design may finish no later than the day before printing starts: it overlaps
        // 11-11, 11-12 and 11-13, 3 working days of negative float.
        assert_eq!(floats(&s)[..3], [Some(-3), Some(0), Some(0)]);
    }

    #[test]
    fn ms_project_links_and_worded_links_are_followed() {
        // No ids: "1FS" is the team's first task, as MS Project numbers rows.
        let mut p = plan(vec![
            task("", "物料设计", "2026-11-02", "2026-11-13", &[]),
            task("", "印刷", "2026-11-16", "2026-11-20", &["1FS"]),
            task("", "派发", "2026-11-23", "2026-11-25", &["after 印刷"]),
            task("", "预热", "2026-11-04", "2026-11-10", &["1SS+2"]),
            task("", "复盘", "2026-11-26", "2026-11-27", &["派发之后"]),
            task("", "收尾", "2026-11-23", "2026-11-24", &["3FF"]),
        ]);
        p[3].cells.start = Some(CellRef::new("Plan", 4, 3));
        p[5].cells.start = Some(CellRef::new("Plan", 6, 3));
        p[5].cells.due = Some(CellRef::new("Plan", 6, 4));
        let (s, problems) = run(&p, "2026-10-01");
        let links: Vec<Vec<usize>> = s.tasks.iter().map(|t| t.predecessors.clone()).collect();
        assert_eq!(
            links,
            vec![vec![], vec![0], vec![1], vec![0], vec![2], vec![2]]
        );
        // 预热 starts 11-04 = 物料设计's start (11-02) + 2 working days: "1SS+2" is met.
        // 收尾 must finish no earlier than 派发 (11-25, "3FF") but is due 11-24: a warning
        // at its due date.
        assert_eq!(
            problems,
            vec![Problem {
                team: "t".into(),
                at: CellRef::new("Plan", 6, 4),
                severity: Severity::Warning,
                kind: ProblemKind::LinkNotMet {
                    predecessor: "派发".into(),
                    link: "3FF".into(),
                    needs: d("2026-11-25"),
                    found: d("2026-11-24"),
                },
            }]
        );
        // 预热 starting 11-03 breaks "1SS+2" (物料设计 starts 11-02): a warning at its start.
        let mut early = p.clone();
        early[3].start = Some(d("2026-11-03"));
        let (_, problems) = run(&early, "2026-10-01");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].at, CellRef::new("Plan", 4, 3));
        assert_eq!(
            problems[0].kind,
            ProblemKind::LinkNotMet {
                predecessor: "物料设计".into(),
                link: "1SS+2".into(),
                needs: d("2026-11-04"),
                found: d("2026-11-03"),
            }
        );
    }

    #[test]
    fn starting_on_the_predecessors_due_day_overlaps_it_by_one_day() {
        // Inclusive dates: B works on 11-06 with A, parallel work (a note), and A has one
        // working day of negative float.
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-06", &[]),
            task("2", "B", "2026-11-06", "2026-11-13", &["A"]),
            // A Saturday start after a Friday due is on time: the Saturday is not worked.
            task("3", "C", "2026-11-14", "2026-11-20", &["B"]),
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Info);
        assert_eq!(
            problems[0].kind,
            ProblemKind::ParallelWork {
                pairs: vec![("B".into(), "A".into())]
            }
        );
        assert_eq!(floats(&s), vec![Some(-1), Some(0), Some(0)]);
    }

    #[test]
    fn a_next_working_day_chain_across_zhongqiu_and_guoqing_is_all_critical() {
        // Each task starts on the working day after its predecessor's due date: 中秋
        // (09-25..27) after T1, 国庆 (10-01..07) after T2, the make-up Saturday 10-10 is T4.
        let p = plan(vec![
            task("1", "T1", "2026-09-21", "2026-09-24", &[]),
            task("2", "T2", "2026-09-28", "2026-09-30", &["1"]),
            task("3", "T3", "2026-10-08", "2026-10-09", &["2"]),
            task("4", "T4", "2026-10-10", "2026-10-10", &["3"]),
            task("5", "T5", "2026-10-12", "2026-10-16", &["4"]),
            task("6", "T6", "2026-10-19", "2026-10-23", &["5"]),
        ]);
        let (s, problems) = run(&p, "2026-09-01");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(floats(&s), vec![Some(0); 6]);
        assert_eq!(s.critical_path, vec![0, 1, 2, 3, 4, 5]);
        // Counted Monday to Friday, the holidays are slack: T1 may finish 6 working days
        // later (09-25..10-02), T2 5 (10-01..07); T4 falls on a Saturday, zero days long.
        let w = Calendar::weekends();
        let mut problems = Vec::new();
        let s = schedule(&p, &[], d("2026-09-01"), &w, &mut problems);
        assert_eq!(
            floats(&s),
            vec![Some(6), Some(5), Some(0), Some(0), Some(0), Some(0)]
        );
        assert_eq!(s.critical_path, vec![2, 3, 4, 5]);
        // A team's day off on Friday 10-16 (公司团建) takes a day from a side task's float:
        // S (10-08..10-09) may end on 10-23, 11 working days later, or 10 with the outing.
        let mut p = p;
        p.push(task("7", "S", "2026-10-08", "2026-10-09", &[]));
        let p = plan(p);
        let cn = Calendar::cn();
        let s = schedule(&p, &[], d("2026-09-01"), &cn, &mut problems);
        assert_eq!(s.tasks[6].float_days, Some(11));
        let outing = TeamDay {
            team: "t".into(),
            row: CellRef::new("节假日", 1, 0),
            date: d("2026-10-16"),
            working: false,
            name: Some("公司团建".into()),
        };
        let cn = cn.with_team_days(&[outing]);
        let s = schedule(&p, &[], d("2026-09-01"), &cn, &mut problems);
        assert_eq!(s.tasks[6].float_days, Some(10));
        assert_eq!(s.critical_path, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_plan_across_chunjie_slips_in_working_days() {
        // P1 02-09..02-13 (5 days); P2 starts on the make-up Saturday 02-14 and, with
        // 02-15..23 off, its 3 working days end 02-25; P3 02-26..03-03 takes the make-up
        // Saturday 02-28: 5 working days.
        let cn = Calendar::cn();
        assert_eq!(cn.add_working_days(d("2026-02-14"), 3), d("2026-02-25"));
        assert_eq!(cn.add_working_days(d("2026-02-26"), 5), d("2026-03-03"));
        let p = plan(vec![
            task("1", "P1", "2026-02-09", "2026-02-13", &[]),
            task("2", "P2", "2026-02-14", "2026-02-25", &["1"]),
            task("3", "P3", "2026-02-26", "2026-03-03", &["2"]),
        ]);
        let (s, problems) = run(&p, "2026-02-01");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(floats(&s), vec![Some(0); 3]);
        assert_eq!(s.critical_path, vec![0, 1, 2]);
        // As of 02-24, P1 is not done: it finishes 02-24 at the earliest, P2 then runs
        // 02-25..02-27 and P3 02-28 (make-up Saturday), 03-02..03-05: two working days late.
        let (s, _) = run(&p, "2026-02-24");
        let t = &s.tasks;
        assert_eq!(t[0].forecast_finish, Some(d("2026-02-24")));
        assert_eq!(t[1].forecast_start, Some(d("2026-02-25")));
        assert_eq!(t[1].forecast_finish, Some(d("2026-02-27")));
        assert_eq!(t[2].forecast_start, Some(d("2026-02-28")));
        assert_eq!(t[2].forecast_finish, Some(d("2026-03-05")));
        assert!(t[2].forecast_late);
        assert_eq!(cn.shift(d("2026-03-03"), d("2026-03-05")), 2);
    }

    #[test]
    fn unknown_predecessor_is_a_problem_and_the_rest_computes() {
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-06", &[]),
            task("2", "B", "2026-11-09", "2026-11-13", &["A", "Z", "Z"]),
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        assert_eq!(
            problems,
            vec![Problem {
                team: "t".into(),
                at: CellRef::new("Plan", 2, 0),
                severity: Severity::Warning,
                kind: ProblemKind::UnknownPredecessor { name: "Z".into() },
            }]
        );
        assert_eq!(s.tasks[1].predecessors, vec![0]);
        assert_eq!(s.critical_path, vec![0, 1]);
    }

    #[test]
    fn an_id_used_twice_is_a_problem_and_a_link_to_it_links_nothing() {
        let p = plan(vec![
            task("1", "A", "2026-11-01", "2026-11-05", &[]),
            task("1", "B", "2026-11-01", "2026-11-06", &[]),
            task("2", "C", "2026-11-07", "2026-11-10", &["1"]),
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        let warn = |row, kind| Problem {
            team: "t".into(),
            at: CellRef::new("Plan", row, 0),
            severity: Severity::Warning,
            kind,
        };
        assert_eq!(
            problems,
            vec![
                warn(2, ProblemKind::DuplicateId { id: "1".into() }),
                warn(3, ProblemKind::AmbiguousPredecessor { id: "1".into() }),
            ]
        );
        assert!(s.tasks[2].predecessors.is_empty());
    }

    #[test]
    fn predecessors_match_by_id_then_name_within_the_team() {
        let mut other = task("1.1", "Other team's task", "2026-11-02", "2026-11-03", &[]);
        other.team = "u".into();
        let p = plan(vec![
            task("1.1", "设计", "2026-11-02", "2026-11-06", &[]),
            // Case, width and spaces do not matter; "１．１" is id 1.1.
            task("T2", "印刷", "2026-11-09", "2026-11-11", &[" １．１ "]),
            task("", "派发", "2026-11-12", "2026-11-13", &["t2"]),
            task(
                "",
                "复盘",
                "2026-11-16",
                "2026-11-17",
                &["派 发", "设计", "1.1"],
            ),
            // A name that is another team's only: unknown here.
            task("", "X", "2026-11-02", "2026-11-03", &["Other team's task"]),
            other,
            // (An id used twice is a problem: see the test above.)
            task("1.2", "dup", "2026-11-02", "2026-11-03", &[]),
            task("", "Y", "2026-11-09", "2026-11-10", &["1.1"]),
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        assert_eq!(s.tasks[1].predecessors, vec![0]);
        assert_eq!(s.tasks[2].predecessors, vec![1]);
        // "设计" and "1.1" are the same task: one link.
        assert_eq!(s.tasks[3].predecessors, vec![2, 0]);
        assert!(s.tasks[4].predecessors.is_empty());
        assert_eq!(s.tasks[7].predecessors, vec![0]);
        assert_eq!(s.tasks[0].successors, vec![1, 3, 7]);
        let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
        assert_eq!(
            kinds,
            vec![&ProblemKind::UnknownPredecessor {
                name: "Other team's task".into()
            }]
        );
        assert_eq!(problems[0].at, CellRef::new("Plan", 5, 0));
    }

    #[test]
    fn a_cycle_is_one_problem_and_the_rest_still_computes() {
        // A -> B -> C -> A, and D after A, E after D.
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-03", &["C"]),
            task("2", "B", "2026-11-04", "2026-11-05", &["A"]),
            task("3", "C", "2026-11-06", "2026-11-09", &["B"]),
            task("4", "D", "2026-11-04", "2026-11-13", &["A"]),
            task("5", "E", "2026-11-16", "2026-11-18", &["D"]),
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        assert_eq!(
            problems,
            vec![Problem {
                team: "t".into(),
                at: CellRef::new("Plan", 1, 0),
                severity: Severity::Warning,
                kind: ProblemKind::DependencyCycle {
                    tasks: vec!["A".into(), "B".into(), "C".into()],
                },
            }]
        );
        // The links inside the cycle are dropped; the others stay.
        assert!(s.tasks[0].predecessors.is_empty());
        assert!(s.tasks[1].predecessors.is_empty());
        assert!(s.tasks[2].predecessors.is_empty());
        assert_eq!(s.tasks[0].successors, vec![3]);
        assert_eq!(s.tasks[3].predecessors, vec![0]);
        assert_eq!(s.critical_path, vec![0, 3, 4]);
        // B may end on 11-18: 11-06, 11-09..13, 11-16..18 are 9 working days; C 7.
        assert_eq!(
            floats(&s),
            vec![Some(0), Some(9), Some(7), Some(0), Some(0)]
        );
    }

    #[test]
    fn a_task_naming_itself_is_a_cycle() {
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-04", &[]),
            task("2", "B", "2026-11-05", "2026-11-06", &["A", "B"]),
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].kind,
            ProblemKind::DependencyCycle {
                tasks: vec!["B".into()]
            }
        );
        assert_eq!(problems[0].at, CellRef::new("Plan", 2, 0));
        assert_eq!(s.tasks[1].predecessors, vec![0]);
        assert_eq!(s.critical_path, vec![0, 1]);
    }

    #[test]
    fn overdue_task_pushes_its_successors_and_theirs() {
        let p = plan(vec![
            // Overdue on Thursday 11-26: forecast to finish on 11-26.
            task("1", "A", "2026-11-09", "2026-11-20", &[]),
            // 5 working days: waits for A, 11-27 (Fri)..12-03, after its due 11-27.
            task("2", "B", "2026-11-23", "2026-11-27", &["A"]),
            // 3 working days: waits for B, 12-04..12-08, after its due 12-02.
            task("3", "C", "2026-11-30", "2026-12-02", &["B"]),
            // Enough slack: starting 12-14 it is not moved.
            task("4", "D", "2026-12-14", "2026-12-18", &["A"]),
            // 10 working days: waits for C, 12-09..12-22, after its due 12-16.
            task("5", "E", "2026-12-03", "2026-12-16", &["C"]),
        ]);
        let (s, problems) = run(&p, "2026-11-26");
        assert!(problems.is_empty(), "{problems:?}");
        let t = &s.tasks;
        assert_eq!(t[0].forecast_start, None);
        assert_eq!(t[0].forecast_finish, Some(d("2026-11-26")));
        assert!(t[0].forecast_late);
        assert_eq!(t[1].forecast_start, Some(d("2026-11-27")));
        assert_eq!(t[1].forecast_finish, Some(d("2026-12-03")));
        assert!(t[1].forecast_late);
        assert_eq!(t[2].forecast_start, Some(d("2026-12-04")));
        assert_eq!(t[2].forecast_finish, Some(d("2026-12-08")));
        assert!(t[2].forecast_late);
        assert_eq!((t[3].forecast_start, t[3].forecast_finish), (None, None));
        assert!(!t[3].forecast_late);
        assert_eq!(t[4].forecast_start, Some(d("2026-12-09")));
        assert_eq!(t[4].forecast_finish, Some(d("2026-12-22")));
        assert!(t[4].forecast_late);
    }

    #[test]
    fn forecast_passes_through_a_task_without_dates() {
        let p = plan(vec![
            task("1", "A", "2026-11-09", "2026-11-20", &[]),
            task("2", "X", "", "", &["A"]),
            task("3", "B", "2026-11-23", "2026-11-27", &["X"]),
            task("4", "C", "2026-11-30", "2026-12-18", &["B"]),
        ]);
        let (s, _) = run(&p, "2026-11-26");
        assert_eq!(s.tasks[1].float_days, None);
        assert!(!s.tasks[1].critical);
        assert_eq!(s.tasks[1].forecast_finish, None);
        assert_eq!(s.tasks[2].forecast_start, Some(d("2026-11-27")));
        assert_eq!(s.tasks[2].forecast_finish, Some(d("2026-12-03")));
        // C moves too: 15 working days from 12-04 end on 12-24, and it is late.
        assert_eq!(s.tasks[3].forecast_start, Some(d("2026-12-04")));
        assert_eq!(s.tasks[3].forecast_finish, Some(d("2026-12-24")));
        assert!(s.tasks[3].forecast_late);
    }

    #[test]
    fn done_tasks_never_slip_and_cancelled_ones_hold_nobody_up() {
        let mut late_done = task("1", "A", "2026-11-02", "2026-11-10", &[]);
        late_done.status = Some(WrittenStatus::Done);
        late_done.done_on = Some(d("2026-11-13"));
        let mut done_succ = task("3", "C", "2026-11-11", "2026-11-12", &["A"]);
        done_succ.status = Some(WrittenStatus::Done);
        let mut cancelled = task("4", "D", "2026-11-02", "2026-11-20", &[]);
        cancelled.status = Some(WrittenStatus::Cancelled);
        let mut delayed = task("6", "F", "2026-11-23", "2026-11-27", &[]);
        delayed.status = Some(WrittenStatus::Delayed);
        let p = plan(vec![
            late_done,
            // Waits for A's actual finish on Friday 11-13: 8 working days 11-16..11-25.
            task("2", "B", "2026-11-11", "2026-11-20", &["A"]),
            done_succ,
            cancelled,
            // D is cancelled and overdue-looking; E does not wait for it.
            task("5", "E", "2026-11-23", "2026-11-30", &["D"]),
            delayed,
            // F is delayed but keeps its due date: G is not moved.
            task("7", "G", "2026-11-30", "2026-12-04", &["F"]),
        ]);
        let (s, _) = run(&p, "2026-11-16");
        let t = &s.tasks;
        assert_eq!((t[0].forecast_start, t[0].forecast_finish), (None, None));
        assert!(!t[0].forecast_late);
        assert_eq!(t[1].forecast_start, Some(d("2026-11-16")));
        assert_eq!(t[1].forecast_finish, Some(d("2026-11-25")));
        assert!(t[1].forecast_late);
        assert_eq!((t[2].forecast_start, t[2].forecast_finish), (None, None));
        assert_eq!((t[4].forecast_start, t[4].forecast_finish), (None, None));
        assert_eq!((t[6].forecast_start, t[6].forecast_finish), (None, None));
        // Done and cancelled tasks still count for the critical path. D may finish as late
        // as the day before E's latest start 11-27 (project end 12-04 less E's 6 days):
        // 11-23..11-26, 4 working days after its due.
        assert_eq!(t[3].float_days, Some(4));
    }

    #[test]
    fn overdue_successor_of_an_overdue_task_finishes_after_both() {
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-10", &[]),
            // 3 working days from the day after A's forecast finish 11-26: 11-27..12-01.
            task("2", "B", "2026-11-11", "2026-11-13", &["A"]),
            // Overdue with a finished-looking span: not before as-of.
            task("3", "C", "2026-11-02", "2026-11-05", &[]),
        ]);
        let (s, _) = run(&p, "2026-11-26");
        assert_eq!(s.tasks[1].forecast_start, Some(d("2026-11-27")));
        assert_eq!(s.tasks[1].forecast_finish, Some(d("2026-12-01")));
        assert_eq!(s.tasks[2].forecast_start, None);
        assert_eq!(s.tasks[2].forecast_finish, Some(d("2026-11-26")));
        // As of a Saturday, an overdue task still finishes on the as-of date at the earliest.
        let (s, _) = run(&p, "2026-11-28");
        assert_eq!(s.tasks[2].forecast_finish, Some(d("2026-11-28")));
    }

    #[test]
    fn each_team_is_its_own_project() {
        let mut u1 = task("1", "A", "2026-11-02", "2026-11-04", &[]);
        u1.team = "u".into();
        let mut u2 = task("2", "B", "2026-11-05", "2026-11-06", &["1"]);
        u2.team = "u".into();
        let p = plan(vec![
            task("1", "A", "2026-11-02", "2026-11-13", &[]),
            u1,
            task("2", "B", "2026-11-16", "2026-11-27", &["1"]),
            u2,
        ]);
        let (s, problems) = run(&p, "2026-10-01");
        assert!(problems.is_empty());
        assert_eq!(s.tasks[2].predecessors, vec![0]);
        assert_eq!(s.tasks[3].predecessors, vec![1]);
        assert_eq!(floats(&s), vec![Some(0), Some(0), Some(0), Some(0)]);
        assert_eq!(s.critical_path, vec![0, 2, 1, 3]);
        assert_eq!(s.critical_path_of(&p, "u"), vec![1, 3]);
    }

    #[test]
    fn missing_dates_and_odd_input_do_not_panic() {
        let p = plan(vec![
            task("1", "A", "", "", &["", "  "]),
            task("2", "B", "2026-11-05", "", &["A"]),
            task("3", "C", "", "2026-11-10", &["B"]),
            // Start after due: taken as a one-day task on the due date (Thursday 11-12), a
            // working day after C's next one.
            task("4", "D", "2026-11-20", "2026-11-12", &["C"]),
        ]);
        let mut problems = Vec::new();
        // Statuses shorter than the plan: the rest are judged on as-of.
        let cal = Calendar::cn();
        let s = schedule(&p, &[], d("2026-11-26"), &cal, &mut problems);
        assert_eq!(floats(&s), vec![None, None, Some(1), Some(0)]);
        assert_eq!(s.critical_path, vec![3]);
        let empty = schedule(&[], &[], d("2026-11-26"), &cal, &mut problems);
        assert_eq!(empty, Schedule::default());
    }

    #[test]
    fn long_chains_and_big_cycles_are_fast() {
        let n = 3000;
        let cal = Calendar::cn();
        let day0 = cal.index(d("2026-01-05"));
        let rows: Vec<PlanRow> = (0..n)
            .map(|i| {
                // One working day each, one after the other, across every holiday.
                let mut t = task(&format!("{i}"), &format!("T{i}"), "", "", &[]);
                t.start = Some(cal.working_day(day0 + i as i64));
                t.due = t.start;
                if i > 0 {
                    t.predecessors = vec![format!("{}", i - 1), format!("T{}", i / 2)];
                }
                t
            })
            .collect();
        let p = plan(rows);
        let (s, problems) = run(&p, "2026-01-01");
        assert!(problems.is_empty());
        assert_eq!(s.critical_path, (0..n).collect::<Vec<_>>());
        assert!(s.tasks.iter().all(|t| t.float_days == Some(0)));

        // One big cycle: each task waits for the next, the last for the first.
        let rows: Vec<PlanRow> = (0..n)
            .map(|i| {
                task(
                    &format!("{i}"),
                    "x",
                    "",
                    "2026-01-01",
                    &[&format!("{}", (i + 1) % n)],
                )
            })
            .collect();
        let p = plan(rows);
        let (s, problems) = run(&p, "2026-01-01");
        assert_eq!(problems.len(), 1);
        match &problems[0].kind {
            ProblemKind::DependencyCycle { tasks } => assert_eq!(tasks.len(), n),
            other => panic!("{other:?}"),
        }
        assert!(s.tasks.iter().all(|t| t.predecessors.is_empty()));
    }

    #[test]
    fn scrambled_plans_do_not_panic() {
        let mut seed: u64 = 42;
        let mut next = move |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % m
        };
        let day0 = d("2026-11-01");
        for _ in 0..50 {
            let n = 1 + next(40) as usize;
            let rows: Vec<PlanRow> = (0..n)
                .map(|i| {
                    let mut t = task(
                        &format!("{}", next(n as u64)),
                        &format!("T{i}"),
                        "",
                        "",
                        &[],
                    );
                    if next(4) > 0 {
                        t.due = Some(day0 + chrono::Days::new(next(30)));
                    }
                    if next(3) > 0 {
                        t.start = Some(day0 + chrono::Days::new(next(30)));
                    }
                    if next(5) == 0 {
                        t.team = "u".into();
                    }
                    t.status = match next(6) {
                        0 => Some(WrittenStatus::Done),
                        1 => Some(WrittenStatus::Cancelled),
                        2 => Some(WrittenStatus::Delayed),
                        _ => None,
                    };
                    t.predecessors = (0..next(4))
                        .map(|_| match next(3) {
                            0 => format!("T{}", next(n as u64)),
                            1 => format!("{}", next(n as u64 + 3)),
                            _ => "?".into(),
                        })
                        .collect();
                    t
                })
                .collect();
            let p = plan(rows);
            let (s, _) = run(&p, "2026-11-15");
            assert_eq!(s.tasks.len(), n);
            for &i in &s.critical_path {
                assert!(s.tasks[i].critical);
            }
            for (i, t) in s.tasks.iter().enumerate() {
                for &p in &t.predecessors {
                    assert!(s.tasks[p].successors.contains(&i));
                }
            }
        }
    }
}
