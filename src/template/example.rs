//! The seed's example campaign (shared/seed: "新品首月销售额500万" split into online 300万 and
//! offline 200万, and its two weekly rows "发布笔记10篇 / 8篇" and "确定3名主播 / 2名主播"),
//! laid out on the calendar from `--start`, so a new user can run `report` on it at once.
//!
//! The story, counted in days from the start S (the campaign ends on E, after `--weeks`):
//! preparation runs before S (materials designed 10 days before, warm-up videos 3 days
//! before, as the seed says); the host recruitment was due at the end of week 2 and is late;
//! sales run S..E; the street promotion is due in week 3; the member follow-up has not
//! started. Weekly rows cover weeks 1 and 2; costs put the live-stream line past 80% of its
//! budget, the seed's own warning. Its figures are in README.md ("plantrack init").

use chrono::{Datelike, Duration, NaiveDate};

use super::{DataSheet, SheetRole, Value, end_of};
use crate::contract::SheetKind;
use crate::contract::{Choices, Field, LEVEL_CHOICES, RISK_STATE_CHOICES, STATUS_CHOICES};
use crate::lang::Lang;
use crate::model::{Level, RiskState, WrittenStatus};

/// One example row: the fields it fills.
type Row = Vec<(Field, Value)>;

/// The example rows of a sheet, in its column order.
pub fn rows(
    sheet: &DataSheet,
    lang: Lang,
    start: NaiveDate,
    weeks: u32,
) -> Vec<Vec<Option<Value>>> {
    let ex = Example {
        lang,
        start,
        end: end_of(start, weeks),
    };
    let by_field = |rows: Vec<Row>| {
        rows.into_iter()
            .map(|row| {
                sheet
                    .columns
                    .iter()
                    .map(|c| {
                        row.iter()
                            .find(|(f, _)| Some(*f) == c.field)
                            .map(|(_, v)| v.clone())
                    })
                    .collect()
            })
            .collect()
    };
    match sheet.role {
        SheetRole::Data(SheetKind::Plan) => by_field(ex.plan()),
        SheetRole::Data(SheetKind::Weekly) => by_field(ex.weekly()),
        SheetRole::Data(SheetKind::Costs) => by_field(ex.costs()),
        SheetRole::Data(SheetKind::Budget) => by_field(ex.budget()),
        SheetRole::Data(SheetKind::Risks) => by_field(ex.risks()),
        SheetRole::Data(SheetKind::Metrics) => by_field(ex.metrics()),
        SheetRole::Data(SheetKind::Holidays) if !sheet.rows.is_empty() => sheet.rows.clone(),
        SheetRole::Data(SheetKind::Holidays) => by_field(ex.holidays()),
        SheetRole::Team => ex
            .team()
            .into_iter()
            .map(|r| r.into_iter().map(|t| Some(Value::Text(t.into()))).collect())
            .collect(),
    }
}

struct Example {
    lang: Lang,
    start: NaiveDate,
    end: NaiveDate,
}

fn word<T: PartialEq>(choices: &Choices<T>, meaning: T, lang: Lang) -> Value {
    let (_, zh, en) = choices
        .iter()
        .find(|(m, _, _)| *m == meaning)
        .expect("every meaning has a word");
    Value::Text(lang.pick(zh, en).into())
}

impl Example {
    fn t(&self, zh: &'static str, en: &'static str) -> Value {
        Value::Text(self.lang.pick(zh, en).into())
    }

    /// The start plus (or minus) some days.
    fn day(&self, days: i64) -> Value {
        Value::Date(self.start + Duration::days(days))
    }

    /// The campaign's last day minus some days.
    fn before_end(&self, days: i64) -> Value {
        Value::Date(self.end - Duration::days(days))
    }

    fn status(&self, s: WrittenStatus) -> Value {
        word(STATUS_CHOICES, s, self.lang)
    }

    fn level(&self, l: Level) -> Value {
        word(LEVEL_CHOICES, l, self.lang)
    }

    fn owner(&self, who: Who) -> Value {
        let (zh, en) = who.names();
        self.t(zh, en)
    }

    fn team(&self) -> Vec<[&'static str; 3]> {
        Who::ALL
            .iter()
            .map(|w| {
                let (name_zh, name_en) = w.names();
                let (dept_zh, dept_en, role_zh, role_en) = w.role();
                [
                    self.lang.pick(name_zh, name_en),
                    self.lang.pick(dept_zh, dept_en),
                    self.lang.pick(role_zh, role_en),
                ]
            })
            .collect()
    }

    fn plan(&self) -> Vec<Row> {
        use Field as F;
        use Value::Number as N;
        use WrittenStatus as S;
        let goal = self.t(
            "新品首月销售额500万",
            "First-month sales of the new product 5M",
        );
        let online = self.t("线上渠道300万", "Online 3M");
        let offline = self.t("线下渠道200万", "Offline 2M");
        let task = |id: &str,
                    stage: &Value,
                    name: Value,
                    owner: Who,
                    start: Value,
                    due: Value,
                    deliverable: Value,
                    resources: Value| {
            vec![
                (F::Id, Value::Text(id.into())),
                (F::Goal, goal.clone()),
                (F::Stage, stage.clone()),
                (F::Task, name),
                (F::Owner, self.owner(owner)),
                (F::Start, start),
                (F::Due, due),
                (F::Deliverable, deliverable),
                (F::Resources, resources),
            ]
        };
        let with = |mut row: Row, more: Vec<(Field, Value)>| {
            row.extend(more);
            row
        };
        vec![
            with(
                task(
                    "1.1",
                    &online,
                    self.t("直播主播招募", "Recruit live-stream hosts"),
                    Who::LiveLead,
                    self.day(-7),
                    self.day(13),
                    self.t("确定3名签约主播", "3 hosts signed"),
                    self.t("主播候选名单", "Shortlist of hosts"),
                ),
                vec![
                    (F::Progress, N(0.67)),
                    (F::Status, self.status(S::InProgress)),
                ],
            ),
            with(
                task(
                    "1.2",
                    &online,
                    self.t("抖音直播销售", "Douyin live-stream sales"),
                    Who::LiveLead,
                    self.day(0),
                    self.before_end(0),
                    self.t(
                        "直播场均观看≥1万，转化率≥3%",
                        "10k+ viewers per session, conversion 3%+",
                    ),
                    self.t("主播3名、预算10万", "3 hosts, budget 100k"),
                ),
                vec![
                    (F::Target, N(1_500_000.0)),
                    (F::Actual, N(900_000.0)),
                    (F::Progress, N(0.6)),
                    (F::Status, self.status(S::InProgress)),
                    (F::Predecessors, Value::Text("1.4".into())),
                    (
                        F::Support,
                        self.t(
                            "需品牌部确认直播脚本",
                            "Brand team to sign off the live script",
                        ),
                    ),
                ],
            ),
            with(
                task(
                    "1.3",
                    &online,
                    self.t("小红书种草内容发布", "Xiaohongshu seeding posts"),
                    Who::Content,
                    self.day(-3),
                    self.before_end(0),
                    self.t(
                        "每周发布笔记10篇，互动率≥5%",
                        "10 notes a week, engagement 5%+",
                    ),
                    self.t("达人合作5位、预算5万", "5 creators, budget 50k"),
                ),
                vec![
                    (F::Target, N(500_000.0)),
                    (F::Actual, N(300_000.0)),
                    (F::Progress, N(0.6)),
                    (F::Status, self.status(S::InProgress)),
                ],
            ),
            with(
                task(
                    "1.4",
                    &online,
                    self.t("预热短视频发布", "Warm-up short videos"),
                    Who::Content,
                    self.day(-10),
                    self.day(-3),
                    self.t(
                        "活动前3天发布预热短视频5条",
                        "5 warm-up videos out 3 days before launch",
                    ),
                    self.t("剪辑1名", "1 video editor"),
                ),
                vec![
                    (F::DoneOn, self.day(-3)),
                    (F::Progress, N(1.0)),
                    (F::Status, self.status(S::Done)),
                ],
            ),
            with(
                task(
                    "1.5",
                    &online,
                    self.t("电商平台销售", "E-commerce platform sales"),
                    Who::Ecommerce,
                    self.day(0),
                    self.before_end(0),
                    self.t("店铺转化率≥4%", "Store conversion 4%+"),
                    self.t("平台活动报名、满减券", "Platform campaign slot, coupons"),
                ),
                vec![
                    (F::Target, N(1_000_000.0)),
                    (F::Actual, N(600_000.0)),
                    (F::Progress, N(0.6)),
                    (F::Status, self.status(S::InProgress)),
                ],
            ),
            with(
                task(
                    "2.1",
                    &offline,
                    self.t("门店促销物料设计", "In-store promotion materials"),
                    Who::Designer,
                    self.day(-21),
                    self.day(-10),
                    self.t(
                        "活动前10天完成设计并交付印刷",
                        "Designs at the printer 10 days before launch",
                    ),
                    self.t("设计1名、印刷供应商", "1 designer, print supplier"),
                ),
                vec![
                    (F::DoneOn, self.day(-11)),
                    (F::Progress, N(1.0)),
                    (F::Status, self.status(S::Done)),
                ],
            ),
            with(
                task(
                    "2.2",
                    &offline,
                    self.t("门店促销活动", "In-store promotions"),
                    Who::Store,
                    self.day(0),
                    self.before_end(0),
                    self.t(
                        "活动期间日均客流量≥200人",
                        "200+ visitors a day during the campaign",
                    ),
                    self.t("宣传物料、门店导购3名", "Materials, 3 shop assistants"),
                ),
                vec![
                    (F::Target, N(1_500_000.0)),
                    (F::Actual, N(750_000.0)),
                    (F::Progress, N(0.5)),
                    (F::Status, self.status(S::InProgress)),
                    (F::Predecessors, Value::Text("2.1".into())),
                ],
            ),
            with(
                task(
                    "2.3",
                    &offline,
                    self.t("地推活动", "Street promotions"),
                    Who::StreetTeam,
                    self.day(7),
                    self.day(18),
                    self.t("每场发放传单≥500份", "500+ flyers per event"),
                    self.t("地推人员6名", "6 promoters"),
                ),
                vec![
                    (F::Target, N(500_000.0)),
                    (F::Actual, N(200_000.0)),
                    (F::Progress, N(0.4)),
                    (F::Status, self.status(S::InProgress)),
                    (F::Predecessors, Value::Text("2.1".into())),
                ],
            ),
            with(
                task(
                    "2.4",
                    &offline,
                    self.t("门店会员回访", "Member follow-up calls"),
                    Who::Store,
                    self.before_end(6),
                    self.before_end(0),
                    self.t("回访老会员≥300人", "300+ members called"),
                    self.t("会员名单", "Member list"),
                ),
                vec![
                    (F::Progress, N(0.0)),
                    (F::Status, self.status(S::NotStarted)),
                ],
            ),
        ]
    }

    fn weekly(&self) -> Vec<Row> {
        use Field as F;
        let row = |week: i64,
                   task: Value,
                   plan: Value,
                   actual: Value,
                   deviation: f64,
                   cause_fix: Option<(Value, Value)>,
                   owner: Who| {
            let mut r = vec![
                (F::Week, self.day(week * 7)),
                (F::Task, task),
                (F::Planned, plan),
                (F::Actual, actual),
                (F::Deviation, Value::Number(deviation)),
                (F::Owner, self.owner(owner)),
            ];
            if let Some((cause, fix)) = cause_fix {
                r.extend([(F::Cause, cause), (F::Fix, fix)]);
            }
            r
        };
        let xhs = || self.t("小红书种草内容发布", "Xiaohongshu seeding posts");
        let live = || self.t("抖音直播销售", "Douyin live-stream sales");
        vec![
            row(
                0,
                xhs(),
                self.t("发布笔记10篇", "Publish 10 notes"),
                self.t("发布笔记10篇", "Published 10 notes"),
                0.0,
                None,
                Who::Content,
            ),
            row(
                0,
                live(),
                self.t("直播4场", "4 live sessions"),
                self.t("直播4场", "4 live sessions"),
                0.0,
                None,
                Who::LiveLead,
            ),
            // The seed's two rows, word for word.
            row(
                1,
                xhs(),
                self.t("发布笔记10篇", "Publish 10 notes"),
                self.t("发布笔记8篇", "Published 8 notes"),
                -0.2,
                Some((
                    self.t("3篇笔记审核未通过", "3 notes failed review"),
                    self.t(
                        "增加1名审核人员，提前预审",
                        "Add a reviewer; pre-review drafts",
                    ),
                )),
                Who::Content,
            ),
            row(
                1,
                self.t("直播主播招募", "Recruit live-stream hosts"),
                self.t("确定3名主播", "Confirm 3 hosts"),
                self.t("确定2名主播", "Confirmed 2 hosts"),
                -0.33,
                Some((
                    self.t("1名主播档期冲突", "1 host had a schedule clash"),
                    self.t("联系备选主播2名", "Contact 2 backup hosts"),
                )),
                Who::LiveLead,
            ),
        ]
    }

    fn budget(&self) -> Vec<Row> {
        use Field as F;
        let line = |category: Value, budget: f64, channel: Value, owner: Who| {
            vec![
                (F::Category, category),
                (F::Budget, Value::Number(budget)),
                (F::Channel, channel),
                (F::Owner, self.owner(owner)),
            ]
        };
        vec![
            line(self.live_ads(), 100_000.0, self.online(), Who::LiveLead),
            line(self.xhs_ads(), 50_000.0, self.online(), Who::Content),
            line(self.materials(), 30_000.0, self.offline(), Who::Designer),
            line(self.store_events(), 40_000.0, self.offline(), Who::Store),
        ]
    }

    /// The campaign's KPIs: sales and new customers for the whole campaign so far, by
    /// channel (set against the ledger's channel spending), and weekly figures for the
    /// deliverables of the live-stream, seeding, store and e-commerce tasks. The live
    /// conversion rate, weighted by viewers, is 2.1% (1,700 / 80,000) against 3%; the seeding
    /// engagement rate 4.7% (2,330 / 50,000) against 5%.
    fn metrics(&self) -> Vec<Row> {
        use Field as F;
        use Value::Number as N;
        let row = |channel: Value,
                   metric: Value,
                   target: f64,
                   actual: f64,
                   unit: &'static str,
                   week: Option<i64>,
                   task: Option<Value>,
                   base: Option<f64>| {
            let mut r = vec![
                (F::Channel, channel),
                (F::Metric, metric),
                (F::Target, N(target)),
                (F::Actual, N(actual)),
                (F::Unit, Value::Text(unit.into())),
            ];
            if let Some(w) = week {
                r.push((F::Week, self.day(w * 7)));
            }
            if let Some(t) = task {
                r.push((F::Task, t));
            }
            if let Some(b) = base {
                r.push((F::Base, N(b)));
            }
            r
        };
        let money = self.lang.pick("元", "$");
        let people = self.lang.pick("人", "people");
        let sales = || self.t("销售额", "Revenue");
        let live = || Some(self.t("抖音直播销售", "Douyin live-stream sales"));
        let xhs = || Some(self.t("小红书种草内容发布", "Xiaohongshu seeding posts"));
        let viewers = || self.t("直播场均观看", "Viewers per live session");
        let conversion = || self.t("直播转化率", "Live conversion rate");
        let engagement = || self.t("互动率", "Engagement rate");
        vec![
            row(
                self.online(),
                sales(),
                3_000_000.0,
                1_800_000.0,
                money,
                None,
                None,
                None,
            ),
            row(
                self.offline(),
                sales(),
                2_000_000.0,
                950_000.0,
                money,
                None,
                None,
                None,
            ),
            row(
                self.online(),
                self.t("新客数", "New customers"),
                5_000.0,
                3_100.0,
                people,
                None,
                None,
                None,
            ),
            row(
                self.online(),
                viewers(),
                10_000.0,
                12_000.0,
                people,
                Some(0),
                live(),
                None,
            ),
            row(
                self.online(),
                viewers(),
                10_000.0,
                11_000.0,
                people,
                Some(1),
                live(),
                None,
            ),
            row(
                self.online(),
                conversion(),
                3.0,
                2.4,
                "%",
                Some(0),
                live(),
                Some(36_000.0),
            ),
            row(
                self.online(),
                conversion(),
                3.0,
                1.9,
                "%",
                Some(1),
                live(),
                Some(44_000.0),
            ),
            row(
                self.online(),
                engagement(),
                5.0,
                5.5,
                "%",
                Some(0),
                xhs(),
                Some(20_000.0),
            ),
            row(
                self.online(),
                engagement(),
                5.0,
                4.1,
                "%",
                Some(1),
                xhs(),
                Some(30_000.0),
            ),
            row(
                self.online(),
                self.t("店铺转化率", "Store conversion"),
                4.0,
                4.3,
                "%",
                None,
                Some(self.t("电商平台销售", "E-commerce platform sales")),
                None,
            ),
            row(
                self.offline(),
                self.t("日均客流量", "Visitors a day"),
                200.0,
                230.0,
                people,
                None,
                Some(self.t("门店促销活动", "In-store promotions")),
                None,
            ),
        ]
    }

    fn costs(&self) -> Vec<Row> {
        use Field as F;
        let cost = |day: i64,
                    category: Value,
                    channel: Value,
                    item: Value,
                    amount: f64,
                    task: Value,
                    owner: Who| {
            vec![
                (F::Date, self.day(day)),
                (F::Category, category),
                (F::Channel, channel),
                (F::Item, item),
                (F::Amount, Value::Number(amount)),
                (F::Task, task),
                (F::Owner, self.owner(owner)),
            ]
        };
        let xhs_task = || self.t("小红书种草内容发布", "Xiaohongshu seeding posts");
        let live_task = || self.t("抖音直播销售", "Douyin live-stream sales");
        vec![
            cost(
                -12,
                self.materials(),
                self.offline(),
                self.t("促销海报与展架设计印刷", "Poster and stand printing"),
                12_000.0,
                self.t("门店促销物料设计", "In-store promotion materials"),
                Who::Designer,
            ),
            cost(
                -6,
                self.live_ads(),
                self.online(),
                self.t("主播签约定金", "Host signing deposits"),
                30_000.0,
                self.t("直播主播招募", "Recruit live-stream hosts"),
                Who::LiveLead,
            ),
            cost(
                1,
                self.live_ads(),
                self.online(),
                self.t("直播间投流", "Live-room traffic boost"),
                25_000.0,
                live_task(),
                Who::LiveLead,
            ),
            cost(
                2,
                self.store_events(),
                self.offline(),
                self.t("开业促销赠品", "Launch-day gifts"),
                9_600.0,
                self.t("门店促销活动", "In-store promotions"),
                Who::Store,
            ),
            cost(
                3,
                self.xhs_ads(),
                self.online(),
                self.t("达人笔记合作", "Creator note partnerships"),
                18_000.0,
                xhs_task(),
                Who::Content,
            ),
            cost(
                8,
                self.live_ads(),
                self.online(),
                self.t("直播间投流", "Live-room traffic boost"),
                28_000.0,
                live_task(),
                Who::LiveLead,
            ),
            cost(
                9,
                self.xhs_ads(),
                self.online(),
                self.t("达人笔记合作", "Creator note partnerships"),
                12_000.0,
                xhs_task(),
                Who::Content,
            ),
            cost(
                10,
                self.xhs_ads(),
                self.online(),
                self.t("审核未通过笔记退款", "Refund for notes that failed review"),
                -2_000.0,
                xhs_task(),
                Who::Content,
            ),
        ]
    }

    /// The next New Year's Day off: after the campaign in most runs, so the example's
    /// figures stay as told, and true every year.
    fn holidays(&self) -> Vec<Row> {
        let new_year = NaiveDate::from_ymd_opt(self.start.year() + 1, 1, 1).unwrap_or(self.end);
        vec![vec![
            (Field::Date, Value::Date(new_year)),
            (Field::DayKind, self.t("休", "off")),
            (Field::Occasion, self.t("元旦", "New Year's Day")),
        ]]
    }

    fn risks(&self) -> Vec<Row> {
        use Field as F;
        use Level::{High, Low, Medium};
        let risk = |what: Value, likelihood: Level, impact: Level, response: Value, owner: Who| {
            vec![
                (F::Risk, what),
                (F::Likelihood, self.level(likelihood)),
                (F::Impact, self.level(impact)),
                (F::Response, response),
                (F::Owner, self.owner(owner)),
                (
                    F::Status,
                    word(RISK_STATE_CHOICES, RiskState::Open, self.lang),
                ),
            ]
        };
        vec![
            risk(
                self.t(
                    "物料延期：促销物料印刷未按时到位",
                    "Material delay: promotion prints arrive late",
                ),
                Medium,
                High,
                self.t(
                    "提前锁定备用供应商，物料设计在活动前10天完成",
                    "Backup supplier booked; designs done 10 days before launch",
                ),
                Who::Designer,
            ),
            risk(
                self.t(
                    "竞品突发活动：竞品同期降价促销",
                    "Competitor's surprise campaign: price cuts in our weeks",
                ),
                Medium,
                Medium,
                self.t(
                    "准备应急优惠方案，每日监控竞品动态",
                    "Emergency offer ready; competitors checked daily",
                ),
                Who::Ecommerce,
            ),
            risk(
                self.t(
                    "舆情波动：新品负面评价在社交平台发酵",
                    "PR crisis: bad reviews of the new product spread",
                ),
                Low,
                High,
                self.t(
                    "启用应急话术，建立快速响应机制",
                    "Prepared statements; rapid response team",
                ),
                Who::LiveLead,
            ),
        ]
    }

    fn live_ads(&self) -> Value {
        self.t("直播推广费", "Live-stream ads")
    }
    fn xhs_ads(&self) -> Value {
        self.t("小红书投放", "Xiaohongshu ads")
    }
    fn materials(&self) -> Value {
        self.t("物料制作", "Materials")
    }
    fn store_events(&self) -> Value {
        self.t("门店活动", "Store events")
    }
    fn online(&self) -> Value {
        self.t("线上", "Online")
    }
    fn offline(&self) -> Value {
        self.t("线下", "Offline")
    }
}

/// The example's task force (the seed's cross-department team, one overall lead).
#[derive(Debug, Clone, Copy)]
enum Who {
    Lead,
    LiveLead,
    Content,
    Ecommerce,
    Designer,
    Store,
    StreetTeam,
    Service,
}

impl Who {
    const ALL: [Who; 8] = [
        Who::Lead,
        Who::LiveLead,
        Who::Content,
        Who::Ecommerce,
        Who::Designer,
        Who::Store,
        Who::StreetTeam,
        Who::Service,
    ];

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Who::Lead => ("张经理", "Zhang Wei"),
            Who::LiveLead => ("王主管", "Alex Wang"),
            Who::Content => ("李专员", "Li Na"),
            Who::Ecommerce => ("赵经理", "Zhao Lei"),
            Who::Designer => ("刘设计师", "Liu Yang"),
            Who::Store => ("孙店长", "Sun Mei"),
            Who::StreetTeam => ("地推团队", "Street team"),
            Who::Service => ("陈专员", "Chen Jie"),
        }
    }

    /// (department, role) in both languages.
    fn role(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Who::Lead => ("市场部", "Marketing", "总负责人", "Overall lead"),
            Who::LiveLead => ("市场部", "Marketing", "直播负责人", "Live-stream lead"),
            Who::Content => ("市场部", "Marketing", "内容种草", "Content and seeding"),
            Who::Ecommerce => ("销售部", "Sales", "电商渠道", "E-commerce"),
            Who::Designer => ("设计部", "Design", "物料设计", "Materials design"),
            Who::Store => ("销售部", "Sales", "门店活动", "Store events"),
            Who::StreetTeam => ("销售部", "Sales", "地推执行", "Street promotions"),
            Who::Service => (
                "客服部",
                "Customer service",
                "客户咨询与投诉",
                "Enquiries and complaints",
            ),
        }
    }
}
