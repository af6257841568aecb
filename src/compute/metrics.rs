//! KPIs, channel ROI and delivery standards: deciding from data, as the toolkit asks.
//!
//! Per metric (team, channel, name) the actual to date is taken as the metric's nature
//! requires, and the sheet says which: counts and money are summed; stocks (followers,
//! members, totals, rankings) take the latest value; rates and averages (a "%" unit, 率, 均,
//! rate, average, per) take the mean weighted by their base where every row gives one, else
//! the latest value. Rows dated after the as-of date do not count. The target of a summed
//! metric is the sum of its rows' targets (weekly rows carry the week's target; one row
//! carries the campaign's); of other metrics, the latest target written. Attainment is
//! actual / target (target / actual for costs, where lower is better); pace compares a
//! summed metric with what was due by now: the targets of the weeks gone by, or, failing
//! those, the target times the share of the campaign elapsed.
//!
//! Channel ROI sets spending by channel (the ledger's channel column, or failing that the
//! channel of the budget lines) against the revenue metric of the same channel: ROAS =
//! revenue / spend, ROI = (revenue − spend) / spend, and cost per result (per new customer,
//! lead or order).
//!
//! Delivery standards are the measurable criteria inside a task's 交付标准 ("直播场均观看≥1万，
//! 转化率≥3%", "不少于200人", "at least 10k views"), each checked against the metric of the
//! same task (or, failing that, of a channel the task names) whose name matches best.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::costs::{CostReport, Period};
use super::share;
use crate::lang::Lang;
use crate::model::{
    CellRef, Dataset, MetricRow, PlanRow, Problem, ProblemKind, Quantity, Severity,
};
use crate::values::{fold, normalize_width, parse_number, parse_week, resolve_week, to_simplified};

/// How a metric's actual to date is taken from its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Sum,
    Latest,
    WeightedMean,
    /// A rate without a base on every row: its latest value.
    LatestRate,
}

impl How {
    pub fn word(self, l: Lang) -> &'static str {
        match self {
            How::Sum => l.pick("累计求和", "Sum"),
            How::Latest => l.pick("最新值", "Latest"),
            How::WeightedMean => l.pick("按基数加权平均", "Mean weighted by base"),
            How::LatestRate => l.pick("最新值（无基数）", "Latest (no base)"),
        }
    }
}

/// One metric of one team and channel.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricView {
    pub team: String,
    pub metric: String,
    pub channel: Option<String>,
    pub unit: Option<String>,
    pub how: How,
    pub lower_is_better: bool,
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    /// What was due by the as-of date (summed metrics only).
    pub expected: Option<Decimal>,
    /// Share of the team's campaign gone on the as-of date.
    pub elapsed: Option<f64>,
    /// The last day with an actual (None: undated rows only).
    pub latest: Option<NaiveDate>,
    /// The value of each week with actuals (Monday -> value, taken as `how` says).
    pub weeks: BTreeMap<NaiveDate, Decimal>,
    /// The plan tasks the rows name, as written.
    pub tasks: Vec<String>,
    /// The actual's cell on the metric's first row.
    pub at: CellRef,
    /// Indexes into the dataset's metric rows.
    pub rows: Vec<usize>,
}

impl MetricView {
    pub fn is_rate(&self) -> bool {
        self.unit.as_deref() == Some("%")
    }

    /// True when the unit is a currency mark ("¥", "$", "元").
    pub fn is_money(&self) -> bool {
        self.unit.as_deref().is_some_and(is_currency)
    }

    /// Actual against target (target against actual where lower is better).
    pub fn attainment(&self) -> Option<f64> {
        let (a, t) = (self.actual?, self.target?);
        if self.lower_is_better {
            share(t, a)
        } else {
            share(a, t)
        }
    }

    /// Actual against what was due by now (summed metrics only).
    pub fn pace(&self) -> Option<f64> {
        let (a, e) = (self.actual?, self.expected?);
        if self.lower_is_better {
            share(e, a)
        } else {
            share(a, e)
        }
    }

    /// Attainment at the end of each week: the running sum against the target for a summed
    /// metric, the week's value against it for the others.
    pub fn weekly_attainment(&self, weeks: &[NaiveDate]) -> Vec<Option<f64>> {
        let mut running = Decimal::ZERO;
        weeks
            .iter()
            .map(|w| {
                let v = self.weeks.get(w).copied();
                let t = self.target?;
                match self.how {
                    How::Sum => {
                        running += v.unwrap_or_default();
                        (*w <= self.weeks.keys().next_back().copied()?).then_some(())?;
                        if self.lower_is_better {
                            share(t, running)
                        } else {
                            share(running, t)
                        }
                    }
                    _ if self.lower_is_better => share(t, v?),
                    _ => share(v?, t),
                }
            })
            .collect()
    }
}

fn is_currency(unit: &str) -> bool {
    matches!(unit, "¥" | "$" | "€" | "HK$" | "元" | "£")
}

const RATE_WORDS: &[&str] = &[
    "率",
    "占比",
    "比例",
    "均",
    "客单价",
    "rate",
    "ratio",
    "ctr",
    "cvr",
    "roi",
    "roas",
    "average",
    "avg",
    "per",
    "share",
];
/// Names of metrics that are shares of something (a rate, not an average).
const SHARE_WORDS: &[&str] = &["率", "占比", "比例", "rate", "ratio", "ctr", "cvr", "share"];
const STOCK_WORDS: &[&str] = &[
    "粉丝",
    "会员",
    "累计",
    "余额",
    "库存",
    "排名",
    "评分",
    "follower",
    "member",
    "subscriber",
    "cumulative",
    "rank",
    "rating",
    "score",
    "nps",
];
/// Costs and spending: lower is better, and never revenue.
const LOWER_WORDS: &[&str] = &[
    "成本",
    "费用",
    "花费",
    "消耗",
    "投入",
    "预算",
    "支出",
    "spend",
    "budget",
    "跳出",
    "退货",
    "退款",
    "投诉",
    "流失",
    "cpa",
    "cpc",
    "cpm",
    "cac",
    "cpl",
    "cost",
    "bounce",
    "churn",
    "return",
    "complaint",
    "refund",
];

fn has_word(name: &str, words: &[&str]) -> bool {
    let folded = fold(name);
    // English words are matched whole (a trailing "s" aside) on the text with its spaces.
    let lower = to_simplified(&normalize_width(name)).to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let spaced = tokens.join(" ");
    words.iter().any(|w| {
        if !w.is_ascii() {
            folded.contains(w)
        } else if w.contains(' ') {
            format!(" {spaced} ").contains(&format!(" {w}"))
        } else {
            tokens
                .iter()
                .any(|t| t == w || t.strip_suffix('s') == Some(w))
        }
    })
}

/// How a metric's actual to date is taken, from its name and unit.
pub fn how_of(metric: &str, unit: Option<&str>, rows: &[&MetricRow]) -> How {
    let rate = unit == Some("%") || has_word(metric, RATE_WORDS);
    if rate {
        let based = rows
            .iter()
            .filter(|r| r.actual.is_some())
            .all(|r| r.base.is_some_and(|b| b > Decimal::ZERO));
        return if based && rows.iter().any(|r| r.actual.is_some()) {
            How::WeightedMean
        } else {
            How::LatestRate
        };
    }
    if has_word(metric, STOCK_WORDS) {
        How::Latest
    } else {
        How::Sum
    }
}

/// True for metrics where less is better (costs, bounce, churn).
pub fn lower_is_better(metric: &str) -> bool {
    has_word(metric, LOWER_WORDS)
}

/// Monday of a day's week.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Takes rows' values as `how` says: (value, base) pairs in date order.
fn combine(how: How, values: &[(Decimal, Option<Decimal>)]) -> Option<Decimal> {
    match how {
        How::Sum => values.iter().map(|(v, _)| *v).reduce(|a, b| a + b),
        How::Latest | How::LatestRate => values.last().map(|(v, _)| *v),
        How::WeightedMean => {
            let base: Decimal = values.iter().map(|(_, b)| b.unwrap_or_default()).sum();
            let weighted: Decimal = values.iter().map(|(v, b)| *v * b.unwrap_or_default()).sum();
            weighted.checked_div(base)
        }
    }
}

/// Everything the metrics sheet, the Tasks column and the retrospective show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricsReport {
    pub metrics: Vec<MetricView>,
    /// Every week with an actual, in order (Mondays).
    pub weeks: Vec<NaiveDate>,
    pub channels: Vec<ChannelRoi>,
    /// Parallel to the plan: the checks of each task's delivery standard.
    pub standards: Vec<Vec<Check>>,
}

/// The metrics of a dataset.
pub fn build(
    data: &Dataset,
    costs: &CostReport,
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) -> MetricsReport {
    check_stated_rates(&data.metrics, problems);
    let mut metrics = views(&data.metrics, as_of);
    for m in &mut metrics {
        let period = costs
            .teams
            .iter()
            .find(|t| t.team == m.team)
            .and_then(|t| t.period)
            .or_else(|| own_period(&data.metrics, &m.team));
        m.elapsed = period.and_then(|p| p.elapsed_share(as_of).to_f64());
        if m.how == How::Sum {
            m.expected = expected(m, &data.metrics, as_of, period);
        }
    }
    let mut weeks: Vec<NaiveDate> = metrics
        .iter()
        .flat_map(|m| m.weeks.keys().copied())
        .collect();
    weeks.sort();
    weeks.dedup();
    let channels = channel_roi(data, costs, &metrics);
    let standards = data.plan.iter().map(|p| check_task(p, &metrics)).collect();
    MetricsReport {
        metrics,
        weeks,
        channels,
        standards,
    }
}

/// Places campaign-week labels ("第3周", "Week 3") with the plan's dates, as the weekly
/// sheet's are (see [`super::weekly::place_weeks`]); a label that cannot be placed is noted
/// at its row, and the row counts as undated.
pub fn place_weeks(
    rows: &mut [MetricRow],
    plan: &[PlanRow],
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) {
    let spans = super::weekly::plan_spans(plan);
    for r in rows.iter_mut().filter(|r| r.date.is_none()) {
        let Some(label) = r.period.as_deref().and_then(parse_week) else {
            continue;
        };
        match resolve_week(label, as_of, spans.get(r.team.as_str()).copied()) {
            Some((monday, _)) => r.date = Some(monday),
            None => problems.push(Problem {
                team: r.team.clone(),
                at: r.row.clone(),
                severity: Severity::Info,
                kind: ProblemKind::UnplacedWeek {
                    found: r.period.clone().unwrap_or_default(),
                },
            }),
        }
    }
}

/// A team's campaign as its metric rows span it (first day to the end of the last week).
fn own_period(rows: &[MetricRow], team: &str) -> Option<Period> {
    let dates = rows
        .iter()
        .filter(|r| r.team == team)
        .filter_map(|r| r.date);
    let (first, last) = dates.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })?;
    Period::new(first, monday(last) + Duration::days(6))
}

fn key(team: &str, metric: &str, channel: Option<&str>) -> (String, String, String) {
    (
        team.to_string(),
        fold(metric),
        channel.map(fold).unwrap_or_default(),
    )
}

fn views(rows: &[MetricRow], as_of: NaiveDate) -> Vec<MetricView> {
    let mut order: Vec<(String, String, String)> = Vec::new();
    let mut groups: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let k = key(&r.team, &r.metric, r.channel.as_deref());
        if !groups.contains_key(&k) {
            order.push(k.clone());
        }
        groups.entry(k).or_default().push(i);
    }
    order
        .into_iter()
        .filter_map(|k| {
            let idx = groups.remove(&k)?;
            Some(view(rows, idx, as_of))
        })
        .collect()
}

fn value(q: &Option<Quantity>) -> Option<Decimal> {
    q.as_ref().map(|q| q.value)
}

fn view(rows: &[MetricRow], idx: Vec<usize>, as_of: NaiveDate) -> MetricView {
    let first = &rows[idx[0]];
    let mut sorted: Vec<&MetricRow> = idx.iter().map(|&i| &rows[i]).collect();
    // Undated rows first (the campaign so far), then by date; the written order otherwise.
    sorted.sort_by_key(|r| r.date);
    let unit = sorted.iter().find_map(|r| r.unit.clone()).or_else(|| {
        let percent = sorted
            .iter()
            .flat_map(|r| [&r.actual, &r.target])
            .any(|q| q.as_ref().is_some_and(|q| q.unit.as_deref() == Some("%")));
        // A rate typed into a %-formatted cell arrives as a plain share (0.021).
        let shares = sorted
            .iter()
            .flat_map(|r| [&r.actual, &r.target])
            .flatten()
            .all(|q| q.value.abs() <= Decimal::ONE);
        (percent || (shares && has_word(&first.metric, SHARE_WORDS))).then(|| "%".to_string())
    });
    let how = how_of(&first.metric, unit.as_deref(), &sorted);
    let counted: Vec<&&MetricRow> = sorted
        .iter()
        .filter(|r| r.date.is_none_or(|d| d <= as_of) && r.actual.is_some())
        .collect();
    let pairs: Vec<(Decimal, Option<Decimal>)> = counted
        .iter()
        .filter_map(|r| Some((value(&r.actual)?, r.base)))
        .collect();
    let actual = combine(how, &pairs);
    let targets: Vec<(Option<NaiveDate>, Decimal)> = sorted
        .iter()
        .filter_map(|r| Some((r.date, value(&r.target)?)))
        .collect();
    let target = match how {
        How::Sum => {
            // A campaign target on an undated row stands for the whole; else the rows add up.
            let undated: Vec<Decimal> = targets
                .iter()
                .filter(|(d, _)| d.is_none())
                .map(|(_, t)| *t)
                .collect();
            if !undated.is_empty() && targets.len() > undated.len() {
                undated.last().copied()
            } else {
                targets.iter().map(|(_, t)| *t).reduce(|a, b| a + b)
            }
        }
        _ => targets.last().map(|(_, t)| *t),
    };
    let mut by_week: BTreeMap<NaiveDate, Vec<(Decimal, Option<Decimal>)>> = BTreeMap::new();
    for r in &counted {
        if let (Some(d), Some(v)) = (r.date, value(&r.actual)) {
            by_week.entry(monday(d)).or_default().push((v, r.base));
        }
    }
    let weeks = by_week
        .into_iter()
        .filter_map(|(w, v)| Some((w, combine(how, &v)?)))
        .collect();
    let mut tasks: Vec<String> = Vec::new();
    for t in sorted.iter().filter_map(|r| r.task.clone()) {
        if !tasks.contains(&t) {
            tasks.push(t);
        }
    }
    MetricView {
        team: first.team.clone(),
        metric: first.metric.clone(),
        channel: first.channel.clone(),
        unit,
        how,
        lower_is_better: lower_is_better(&first.metric),
        target,
        actual,
        expected: None,
        elapsed: None,
        latest: counted.iter().filter_map(|r| r.date).max(),
        weeks,
        tasks,
        at: first.actual_at.clone(),
        rows: idx,
    }
}

/// What a summed metric should have reached by the as-of date: the targets of the rows
/// dated by then where the rows carry dated targets, else the target times the share of the
/// campaign elapsed.
fn expected(
    m: &MetricView,
    rows: &[MetricRow],
    as_of: NaiveDate,
    period: Option<Period>,
) -> Option<Decimal> {
    let dated: Vec<&MetricRow> = m
        .rows
        .iter()
        .map(|&i| &rows[i])
        .filter(|r| r.date.is_some() && r.target.is_some())
        .collect();
    let undated_target = m
        .rows
        .iter()
        .any(|&i| rows[i].date.is_none() && rows[i].target.is_some());
    if !dated.is_empty() && !undated_target {
        return Some(
            dated
                .iter()
                .filter(|r| r.date.is_some_and(|d| d <= as_of))
                .filter_map(|r| value(&r.target))
                .sum(),
        );
    }
    Some(m.target? * period?.elapsed_share(as_of))
}

/// A stated completion rate (完成率) more than a point away from the row's actual / target.
fn check_stated_rates(rows: &[MetricRow], problems: &mut Vec<Problem>) {
    for r in rows {
        let (Some(stated), Some(a), Some(t)) = (r.stated_rate, value(&r.actual), value(&r.target))
        else {
            continue;
        };
        let computed = if lower_is_better(&r.metric) {
            share(t, a)
        } else {
            share(a, t)
        };
        if let Some(c) = computed
            && (c - stated).abs() > 0.01
        {
            problems.push(Problem {
                team: r.team.clone(),
                at: r.rate_at.clone(),
                severity: Severity::Warning,
                kind: ProblemKind::AttainmentMismatch {
                    stated,
                    computed: c,
                },
            });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Channel ROI
// ---------------------------------------------------------------------------------------------

/// Where a channel's spending was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpendSource {
    /// The ledger's channel column.
    Ledger,
    /// The channel of the budget lines the spending was booked to.
    BudgetLines,
}

/// Spending against results for one channel of one team.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelRoi {
    pub team: String,
    pub channel: String,
    pub spend: Option<Decimal>,
    pub source: Option<SpendSource>,
    /// The revenue metric's name and its actual to date.
    pub revenue: Option<(String, Decimal)>,
    /// The result metric (new customers, leads, orders) and its actual to date.
    pub result: Option<(String, Decimal)>,
}

impl ChannelRoi {
    /// Revenue ÷ spend.
    pub fn roas(&self) -> Option<f64> {
        share(self.revenue.as_ref()?.1, self.spend?)
    }

    /// (Revenue − spend) ÷ spend.
    pub fn roi(&self) -> Option<f64> {
        let s = self.spend?;
        share(self.revenue.as_ref()?.1 - s, s)
    }

    /// Spend ÷ results, exact to the cent.
    pub fn cost_per_result(&self) -> Option<Decimal> {
        let r = self.result.as_ref()?.1;
        if r.is_zero() {
            return None;
        }
        self.spend?.checked_div(r).map(|d| d.round_dp(2))
    }
}

const REVENUE_WORDS: &[&str] = &[
    "gmv",
    "销售额",
    "成交额",
    "成交金额",
    "营收",
    "营业额",
    "收入",
    "revenue",
    "sales",
    "turnover",
    "income",
];
const RESULT_WORDS: &[&[&str]] = &[
    &[
        "新客",
        "新增客户",
        "新用户",
        "拉新",
        "new customer",
        "new user",
    ],
    &["线索", "留资", "lead"],
    &["注册", "报名", "sign-up", "signup", "registration"],
    &["订单", "成交单", "order"],
];

fn plain_sum(m: &MetricView) -> bool {
    m.how == How::Sum && !m.is_rate() && !m.lower_is_better
}

/// Whether two channel names are the same channel: equal once folded, or one inside the
/// other ("天猫" and "天猫旗舰店").
pub fn same_channel(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

fn channel_roi(data: &Dataset, costs: &CostReport, metrics: &[MetricView]) -> Vec<ChannelRoi> {
    let mut out: Vec<ChannelRoi> = Vec::new();
    let add_spend =
        |out: &mut Vec<ChannelRoi>, team: &str, channel: &str, s: Decimal, src| match out
            .iter_mut()
            .find(|c| c.team == team && fold(&c.channel) == fold(channel))
        {
            Some(c) => c.spend = Some(c.spend.unwrap_or_default() + s),
            None => out.push(ChannelRoi {
                team: team.to_string(),
                channel: channel.to_string(),
                spend: Some(s),
                source: Some(src),
                revenue: None,
                result: None,
            }),
        };
    for c in &data.expenses.channels {
        add_spend(&mut out, &c.team, &c.channel, c.spent, SpendSource::Ledger);
    }
    // Teams whose ledger names no channel: the channel of the budget lines.
    for b in &data.budget {
        let Some(channel) = &b.channel else { continue };
        if data.expenses.channels.iter().any(|c| c.team == b.team) {
            continue;
        }
        let spent = costs
            .lines
            .iter()
            .filter(|l| l.team == b.team && l.category == b.category)
            .map(|l| l.spent)
            .sum();
        add_spend(&mut out, &b.team, channel, spent, SpendSource::BudgetLines);
    }
    for m in metrics.iter().filter(|m| plain_sum(m)) {
        let (Some(channel), Some(actual)) = (&m.channel, m.actual) else {
            continue;
        };
        let revenue = has_word(&m.metric, REVENUE_WORDS) || m.is_money();
        let result = RESULT_WORDS
            .iter()
            .position(|words| has_word(&m.metric, words));
        if !revenue && result.is_none() {
            continue;
        }
        let i = match out
            .iter()
            .position(|c| c.team == m.team && same_channel(&c.channel, channel))
        {
            Some(i) => i,
            None => {
                out.push(ChannelRoi {
                    team: m.team.clone(),
                    channel: channel.clone(),
                    spend: None,
                    source: None,
                    revenue: None,
                    result: None,
                });
                out.len() - 1
            }
        };
        let c = &mut out[i];
        if revenue && result.is_none() {
            if c.revenue.is_none() {
                c.revenue = Some((m.metric.clone(), actual));
            }
        } else if c.result.is_none() {
            c.result = Some((m.metric.clone(), actual));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Delivery standards
// ---------------------------------------------------------------------------------------------

/// How a criterion compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Op {
    AtLeast,
    More,
    AtMost,
    Less,
}

impl Op {
    fn holds(self, actual: Decimal, threshold: Decimal) -> bool {
        match self {
            Op::AtLeast => actual >= threshold,
            Op::More => actual > threshold,
            Op::AtMost => actual <= threshold,
            Op::Less => actual < threshold,
        }
    }

    fn wants_more(self) -> bool {
        matches!(self, Op::AtLeast | Op::More)
    }
}

/// One measurable criterion of a delivery standard: "直播场均观看≥1万".
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// What is measured, as written ("直播场均观看", "views").
    pub subject: String,
    pub op: Op,
    /// The threshold; a percentage as a share (3% is 0.03).
    pub threshold: Decimal,
    pub percent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    NotMet,
    NoData,
}

/// Where a metric stands against its target: met, or, short of it, on pace or behind what
/// was due by now (not yet, for metrics without a pace).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Met,
    OnPace,
    Behind,
    NotYet,
}

impl Standing {
    pub fn word(self, l: Lang) -> &'static str {
        match self {
            Standing::Met => l.pick("已达成", "Met"),
            Standing::OnPace => l.pick("进度正常", "On pace"),
            Standing::Behind => l.pick("落后", "Behind"),
            Standing::NotYet => l.pick("未达成", "Not yet"),
        }
    }
}

impl MetricView {
    /// The metric's standing; None without an attainment (no target or no actual).
    pub fn standing(&self) -> Option<Standing> {
        Some(if self.attainment()? >= 1.0 {
            Standing::Met
        } else {
            match self.pace() {
                Some(p) if p >= 1.0 => Standing::OnPace,
                Some(_) => Standing::Behind,
                None => Standing::NotYet,
            }
        })
    }
}

impl MetricsReport {
    /// Up to `n` metrics with an attainment, most behind first: what a weekly slide shows.
    pub fn most_behind(&self, n: usize) -> Vec<&MetricView> {
        let mut with: Vec<&MetricView> = (self.metrics.iter())
            .filter(|m| m.attainment().is_some())
            .collect();
        with.sort_by(|a, b| {
            let key = |m: &MetricView| m.attainment().unwrap_or(0.0);
            key(a).total_cmp(&key(b))
        });
        with.truncate(n);
        with
    }
}

/// A task's checks counted by verdict: (met, not met, no data).
pub fn tally(checks: &[Check]) -> (usize, usize, usize) {
    let count = |v: Verdict| checks.iter().filter(|c| c.verdict == v).count();
    (
        count(Verdict::Met),
        count(Verdict::NotMet),
        count(Verdict::NoData),
    )
}

/// The worst verdict among a task's checks (not met, then no data, then met); None without
/// checks.
pub fn worst(checks: &[Check]) -> Option<Verdict> {
    [Verdict::NotMet, Verdict::NoData, Verdict::Met]
        .into_iter()
        .find(|v| checks.iter().any(|c| c.verdict == *v))
}

impl Verdict {
    pub fn word(self, l: Lang) -> &'static str {
        match self {
            Verdict::Met => l.pick("达标", "met"),
            Verdict::NotMet => l.pick("未达标", "not met"),
            Verdict::NoData => l.pick("无数据", "no data"),
        }
    }
}

/// A criterion checked against a metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub criterion: Criterion,
    /// Index into the report's metrics.
    pub metric: Option<usize>,
    pub actual: Option<Decimal>,
    pub verdict: Verdict,
}

const PREFIX_OPS: &[(&str, Op)] = &[
    ("≥", Op::AtLeast),
    (">=", Op::AtLeast),
    ("=>", Op::AtLeast),
    ("≤", Op::AtMost),
    ("<=", Op::AtMost),
    ("=<", Op::AtMost),
    (">", Op::More),
    ("<", Op::Less),
    ("不少于", Op::AtLeast),
    ("不低于", Op::AtLeast),
    ("不小于", Op::AtLeast),
    ("至少", Op::AtLeast),
    ("达到", Op::AtLeast),
    ("超过", Op::More),
    ("高于", Op::More),
    ("大于", Op::More),
    ("多于", Op::More),
    ("不超过", Op::AtMost),
    ("不高于", Op::AtMost),
    ("不大于", Op::AtMost),
    ("不多于", Op::AtMost),
    ("最多", Op::AtMost),
    ("控制在", Op::AtMost),
    ("低于", Op::Less),
    ("小于", Op::Less),
    ("少于", Op::Less),
    ("at least", Op::AtLeast),
    ("no less than", Op::AtLeast),
    ("not less than", Op::AtLeast),
    ("no fewer than", Op::AtLeast),
    ("minimum of", Op::AtLeast),
    ("min.", Op::AtLeast),
    ("more than", Op::More),
    ("over", Op::More),
    ("above", Op::More),
    ("at most", Op::AtMost),
    ("no more than", Op::AtMost),
    ("not more than", Op::AtMost),
    ("maximum of", Op::AtMost),
    ("max.", Op::AtMost),
    ("within", Op::AtMost),
    ("under", Op::Less),
    ("below", Op::Less),
    ("less than", Op::Less),
    ("fewer than", Op::Less),
];

const SUFFIX_OPS: &[(&str, Op)] = &[
    ("以上", Op::AtLeast),
    ("及以上", Op::AtLeast),
    ("以下", Op::AtMost),
    ("以内", Op::AtMost),
    ("+", Op::AtLeast),
    ("or more", Op::AtLeast),
    ("or above", Op::AtLeast),
    ("or higher", Op::AtLeast),
    ("or less", Op::AtMost),
    ("or fewer", Op::AtMost),
    ("or below", Op::AtMost),
];

/// The measurable criteria in a delivery standard, in the order written. Parts without a
/// comparison ("发布笔记10篇") are not criteria.
pub fn parse_criteria(text: &str) -> Vec<Criterion> {
    let text = normalize_width(text);
    text.split(['，', ',', '；', ';', '。', '\n', '、'])
        .flat_map(|p| p.split(" and "))
        .filter_map(criterion)
        .collect()
}

/// A number at the start of `s` (after spaces and a currency mark): its text's byte length
/// and its value; multipliers and a percent sign belong to it.
fn leading_number(s: &str) -> Option<(usize, Quantity)> {
    let skip = s.len() - s.trim_start_matches([' ', '¥', '$', '￥', '€']).len();
    let rest = &s[skip..];
    let digits = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(rest.len(), |(i, _)| i);
    if digits == 0 || !rest[..1].chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut end = digits;
    let after = &rest[digits..];
    let trimmed = after.trim_start();
    let gap = after.len() - trimmed.len();
    for m in [
        "百万", "千万", "万", "亿", "千", "%", "k", "K", "w", "W", "M",
    ] {
        if let Some(tail) = trimmed.strip_prefix(m) {
            // A letter multiplier stands alone ("10k views", not "10 kg").
            let alone = !m.is_ascii()
                || m == "%"
                || tail.chars().next().is_none_or(|c| !c.is_ascii_alphabetic());
            if alone {
                end = digits + gap + m.len();
                break;
            }
        }
    }
    let q = parse_number(&rest[..end])?;
    Some((skip + end, q))
}

/// Punctuation and filler around a subject.
fn clean_subject(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || ":：-–—()（）".contains(c))
        .to_string()
}

fn criterion(piece: &str) -> Option<Criterion> {
    // ASCII-only lower case keeps byte offsets, so `piece` can be sliced where `lower` matched.
    let lower = piece.to_ascii_lowercase();
    // The first comparison word written, the longest where several start at one place.
    let prefix = PREFIX_OPS
        .iter()
        .filter_map(|(w, op)| {
            let at = find_word(&lower, w)?;
            Some((at, std::cmp::Reverse(w.len()), *w, *op))
        })
        .min();
    if let Some((at, _, w, op)) = prefix
        && let Some((len, q)) = leading_number(&lower[at + w.len()..])
    {
        let before = clean_subject(&piece[..at]);
        let after_at = at + w.len() + len;
        let subject = if before.is_empty() {
            clean_subject(&piece[after_at.min(piece.len())..])
        } else {
            before
        };
        return Some(made(subject, op, q));
    }
    // A number followed by a comparison: "1万以上", "10k+ viewers", "3%+".
    for (start, _) in lower.char_indices() {
        if start > 0 && lower[..start].ends_with(|c: char| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let Some((len, q)) = leading_number(&lower[start..]) else {
            continue;
        };
        let after = &lower[start + len..];
        // A measure word may sit between the number and the comparison ("200人以上").
        let skip = after
            .char_indices()
            .take(2)
            .take_while(|(_, c)| !c.is_ascii() && !"以及".contains(*c))
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        let tail = after[skip..].trim_start();
        if let Some((w, op)) = SUFFIX_OPS.iter().find(|(w, _)| tail.starts_with(w)) {
            let before = clean_subject(&piece[..start]);
            let rest_at = lower.len() - tail.len() + w.len();
            let subject = if before.is_empty() {
                clean_subject(&piece[rest_at.min(piece.len())..])
            } else {
                before
            };
            return Some(made(subject, *op, q));
        }
    }
    None
}

fn made(subject: String, op: Op, q: Quantity) -> Criterion {
    Criterion {
        subject,
        op,
        threshold: q.value,
        percent: q.unit.as_deref() == Some("%"),
    }
}

/// Where a comparison word starts; English words only as whole words.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if !word
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
    {
        return text.find(word);
    }
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_ascii_alphabetic())
            && after.is_none_or(|c| !c.is_ascii_alphabetic())
    })
}

/// How well a criterion's subject names a metric: the longest run of characters they share
/// (CJK), plus three per English word in common.
fn similarity(subject: &str, metric: &str) -> usize {
    let (a, b) = (fold(subject), fold(metric));
    let a: Vec<char> = a.chars().filter(|c| !c.is_ascii()).collect();
    let b: Vec<char> = b.chars().filter(|c| !c.is_ascii()).collect();
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let n = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            best = best.max(n);
        }
    }
    let cjk = if best >= 2 { best } else { 0 };
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() > 2 && !["per", "the", "and", "for", "day"].contains(w))
            .map(|w| w.strip_suffix('s').unwrap_or(w).to_string())
            .collect()
    };
    let (sw, mw) = (words(subject), words(metric));
    let shared = sw.iter().filter(|w| mw.contains(w)).count();
    // An English GMV or ROI names the metric too.
    let acronym = fold(subject).contains(&fold(metric)) && metric.is_ascii() && metric.len() >= 2;
    cjk + 3 * shared + if acronym { 3 } else { 0 }
}

/// The metrics a task's standard is checked against: those naming the task (by name or
/// ID), else those of a channel the task's name or stage mentions.
fn candidates(p: &PlanRow, metrics: &[MetricView]) -> Vec<usize> {
    let name = fold(&p.name);
    let id = p.id.as_deref().map(fold);
    let of_task: Vec<usize> = (0..metrics.len())
        .filter(|&i| metrics[i].team == p.team)
        .filter(|&i| {
            metrics[i].tasks.iter().any(|t| {
                let t = fold(t);
                t == name || Some(&t) == id.as_ref()
            })
        })
        .collect();
    if !of_task.is_empty() {
        return of_task;
    }
    let places = [Some(p.name.as_str()), p.stage.as_deref()];
    (0..metrics.len())
        .filter(|&i| metrics[i].team == p.team && metrics[i].tasks.is_empty())
        .filter(|&i| {
            metrics[i].channel.as_deref().is_some_and(|c| {
                let c = fold(c);
                c.chars().count() >= 2 || c.is_ascii()
            }) && places.iter().flatten().any(|place| {
                let c = fold(metrics[i].channel.as_deref().unwrap_or_default());
                fold(place).contains(&c)
            })
        })
        .collect()
}

/// Checks a task's delivery standard against the metrics.
pub fn check_task(p: &PlanRow, metrics: &[MetricView]) -> Vec<Check> {
    let Some(text) = &p.deliverable else {
        return Vec::new();
    };
    let criteria = parse_criteria(text);
    if criteria.is_empty() {
        return Vec::new();
    }
    let pool = candidates(p, metrics);
    criteria
        .into_iter()
        .map(|c| {
            let best = pool
                .iter()
                .copied()
                .filter(|&i| metrics[i].is_rate() == c.percent)
                .filter(|&i| metrics[i].lower_is_better == lower_is_better(&c.subject))
                .map(|i| (similarity(&c.subject, &metrics[i].metric), i))
                .filter(|(s, _)| *s > 0)
                .max_by_key(|(s, i)| (*s, std::cmp::Reverse(*i)))
                .map(|(_, i)| i);
            let actual = best.and_then(|i| metrics[i].actual);
            let verdict = match actual {
                Some(a) if c.op.holds(a, c.threshold) => Verdict::Met,
                Some(_) => Verdict::NotMet,
                None => Verdict::NoData,
            };
            Check {
                criterion: c,
                metric: best,
                actual,
                verdict,
            }
        })
        .collect()
}

/// A figure as a sentence writes it: "1.2万" / "12k", "2.1%", "1,320,000".
pub fn figure(v: Decimal, percent: bool, l: Lang) -> String {
    if percent {
        let p = (v * Decimal::ONE_HUNDRED).round_dp(1).normalize();
        return format!("{p}%");
    }
    let abs = v.abs();
    let short = |div: i64, mark: &str| {
        let x = (v / Decimal::from(div)).round_dp(2).normalize();
        format!("{x}{mark}")
    };
    match l {
        Lang::Zh if abs >= Decimal::from(100_000_000) => short(100_000_000, "亿"),
        Lang::Zh if abs >= Decimal::from(10_000) => short(10_000, "万"),
        Lang::En if abs >= Decimal::from(1_000_000) => short(1_000_000, "M"),
        Lang::En if abs >= Decimal::from(10_000) => short(1_000, "k"),
        _ => crate::messages::amount(v),
    }
}

/// The checks as one sentence: "直播场均观看1.1万，达标；转化率2.1%，低于3%".
pub fn sentence(checks: &[Check], l: Lang) -> String {
    let parts: Vec<String> = checks
        .iter()
        .map(|c| {
            let k = &c.criterion;
            let t = figure(k.threshold, k.percent, l);
            match (c.actual, c.verdict) {
                (Some(a), Verdict::Met) => {
                    let a = figure(a, k.percent, l);
                    match l {
                        Lang::Zh => format!("{}{a}，达标", k.subject),
                        Lang::En => format!("{} {a}, met", k.subject),
                    }
                }
                (Some(a), _) => {
                    let a = figure(a, k.percent, l);
                    let side = match (k.op.wants_more(), l) {
                        (true, Lang::Zh) => "低于",
                        (false, Lang::Zh) => "高于",
                        (true, Lang::En) => "below",
                        (false, Lang::En) => "above",
                    };
                    match l {
                        Lang::Zh => format!("{}{a}，{side}{t}", k.subject),
                        Lang::En => format!("{} {a}, {side} {t}", k.subject),
                    }
                }
                (None, _) => match l {
                    Lang::Zh => format!("{}：无数据", k.subject),
                    Lang::En => format!("{}: no data", k.subject),
                },
            }
        })
        .collect();
    parts.join(l.pick("；", "; "))
}

#[cfg(test)]
#[path = "metrics_tests.rs"]
mod tests;
