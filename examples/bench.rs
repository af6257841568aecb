//! The performance suite of issue 8: `cargo run --release --example bench -- [--quick]`.
//!
//! It generates its inputs deterministically under `target/bench-data`, times the release
//! binary as whole processes (wall time, and peak RSS through `/usr/bin/time -v` when it is
//! there), times the floors (a bare calamine streaming read, a bare rust_xlsxwriter
//! constant_memory write) as separate processes of this same example, runs the pandas peer
//! (`bench/peer.py`) when python3 has pandas and python-calamine, and prints the ratios.
//!
//! Modes: `bench [--quick]` (the suite), `bench floor-read FILE`, `bench floor-write N OUT`,
//! `bench rows FILE` (plantrack's row reader alone), `bench gen-ledger N OUT` (one input).
//! `--quick` leaves out the 1M-row ledger.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use calamine::{Xlsx, open_workbook};
use rust_xlsxwriter::{Format, Workbook};

/// The same allocator as plantrack's binary, so the floors and the row reader are timed as
/// they run there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const LEDGER_SHEET: &str = "成本支出明细";
const AS_OF: &str = "2026-11-26";
const CATEGORIES: [&str; 9] = [
    "直播推广费",
    "小红书投放",
    "物料制作",
    "门店活动",
    "达人合作",
    "电商广告",
    "地推物料",
    "公关传播",
    "差旅费", // not in the budget: an unbudgeted line
];
const CHANNELS: [&str; 5] = ["抖音", "小红书", "天猫", "线下门店", "微信"];
const ITEMS: [&str; 6] = [
    "主播坑位费",
    "种草笔记投放",
    "海报印刷",
    "门店陈列布置",
    "达人样品寄送",
    "搜索广告充值",
];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("floor-read") => floor_read(Path::new(args.get(1).context("floor-read FILE")?)),
        Some("gen-ledger") => {
            let n: u32 = args.get(1).context("gen-ledger N OUT")?.parse()?;
            let total = gen_ledger(n, Path::new(args.get(2).context("gen-ledger N OUT")?))?;
            println!("{}", cents_to_string(total));
            Ok(())
        }
        Some("rows") => rows_only(Path::new(args.get(1).context("rows FILE")?)),
        Some("floor-write") => {
            let n: u32 = args.get(1).context("floor-write N OUT")?.parse()?;
            floor_write(n, Path::new(args.get(2).context("floor-write N OUT")?))
        }
        _ => suite(args.iter().any(|a| a == "--quick")),
    }
}

/// The floor of reading: every cell of the ledger through calamine's streaming reader.
fn floor_read(file: &Path) -> Result<()> {
    let mut wb: Xlsx<_> = open_workbook(file)?;
    let mut reader = wb.worksheet_cells_reader(LEDGER_SHEET)?;
    let mut cells = 0u64;
    while let Some(cell) = reader.next_cell()? {
        if !matches!(cell.get_value(), calamine::DataRef::Empty) {
            cells += 1;
        }
    }
    println!("{cells}");
    Ok(())
}

/// plantrack's own row reader alone (calamine's cells assembled into rows, merged regions
/// filled), with nothing done with the rows: the part of a run that is reading.
fn rows_only(file: &Path) -> Result<()> {
    let mut book = plantrack::read::source::open(file).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    // As `report` reads it: ahead of the merged regions, checked at the end.
    book.read_ahead(true);
    let mut rows = 0u64;
    book.for_each_row(LEDGER_SHEET, |_| {
        rows += 1;
        true
    })
    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    anyhow::ensure!(book.settle(), "merged regions over rows read ahead");
    println!("{rows}");
    Ok(())
}

/// The floor of writing: the cells of plantrack's Ledger sheet for the `n`-row generated
/// ledger (13 columns: source file, sheet, row, date, team, budget line, category, channel,
/// item, amount, task, owner, line number; the same values, the same formats) written bare
/// in constant_memory mode, saved at the compression level plantrack uses for that size.
fn floor_write(n: u32, out: &Path) -> Result<()> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let money = Format::new().set_num_format("¥#,##0.00;-¥#,##0.00");
    let ws = wb.add_worksheet_with_constant_memory()?;
    for c in 0..13u16 {
        ws.write_string(0, c, "标题")?;
    }
    let file = format!("ledger-{n}.xlsx");
    let team = format!("ledger-{n}");
    let mut rng = Rng(u64::from(n));
    for i in 0..n {
        let r = i + 1;
        let x = rng.next();
        let category = CATEGORIES[(x >> 8) as usize % CATEGORIES.len()];
        ws.write_string(r, 0, &file)?;
        ws.write_string(r, 1, LEDGER_SHEET)?;
        ws.write_number(r, 2, f64::from(r) + 1.0)?;
        ws.write_number_with_format(r, 3, 46327.0 + (x % 25) as f64, &date)?;
        ws.write_string(r, 4, &team)?;
        ws.write_string(r, 5, category)?;
        ws.write_string(r, 6, category)?;
        ws.write_string(r, 7, CHANNELS[(x >> 16) as usize % CHANNELS.len()])?;
        ws.write_string(r, 8, ITEMS[(x >> 24) as usize % ITEMS.len()])?;
        ws.write_number_with_format(r, 9, ((x >> 40) % 500_000) as f64 / 100.0, &money)?;
        ws.write_number(r, 12, ((x >> 8) % 9) as f64 + 1.0)?;
    }
    wb.set_zip_compression_level(plantrack::render::compression_level(n));
    wb.save(out)?;
    Ok(())
}

/// A deterministic pseudo-random sequence (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn thousands(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Writes a ledger of `n` rows and a budget sheet; returns the sum of the amounts in cents.
fn gen_ledger(n: u32, out: &Path) -> Result<i128> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut rng = Rng(n as u64);
    let mut total: i128 = 0;
    {
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name(LEDGER_SHEET)?;
        for (c, h) in ["日期", "费用科目", "渠道", "事项", "金额"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h)?;
        }
        for i in 0..n {
            let r = i + 1;
            let x = rng.next();
            ws.write_number_with_format(r, 0, 46327.0 + (x % 25) as f64, &date)?;
            ws.write_string(r, 1, CATEGORIES[(x >> 8) as usize % CATEGORIES.len()])?;
            ws.write_string(r, 2, CHANNELS[(x >> 16) as usize % CHANNELS.len()])?;
            ws.write_string(r, 3, ITEMS[(x >> 24) as usize % ITEMS.len()])?;
            let kind = (x >> 32) % 10;
            let cents: i64 = match kind {
                // A plain number with cents.
                0..=4 => {
                    let c = ((x >> 40) % 500_000) as i64 + 1;
                    ws.write_number(r, 4, c as f64 / 100.0)?;
                    c
                }
                // "1.2万": a text amount in ten-thousands, one decimal.
                5 | 6 => {
                    let tenths = ((x >> 40) % 50) as i64 + 1;
                    ws.write_string(r, 4, format!("{}.{}万", tenths / 10, tenths % 10))?;
                    tenths * 100_000
                }
                // "¥3,000.50": currency text with thousands separators.
                7 | 8 => {
                    let c = ((x >> 40) % 2_000_000) as i64 + 1;
                    ws.write_string(r, 4, format!("¥{}.{:02}", thousands(c / 100), c % 100))?;
                    c
                }
                // "(500)": a refund.
                _ => {
                    let yuan = ((x >> 40) % 1000) as i64 + 1;
                    ws.write_string(r, 4, format!("({yuan})"))?;
                    -yuan * 100
                }
            };
            total += cents as i128;
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("预算")?;
    // A budget sheet as teams keep it (three known headers make a table; see the contract).
    ws.write_row(0, 0, ["费用科目", "预算金额", "渠道", "负责人"])?;
    for (i, c) in CATEGORIES[..CATEGORIES.len() - 1].iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *c)?;
        // Spending runs about 900 yuan per row and category: the first lines go over, one
        // is at the warning mark, the rest have room.
        ws.write_number(r, 1, f64::from(n) * 250.0 * (i as f64 + 1.0))?;
        ws.write_string(r, 2, CHANNELS[i % CHANNELS.len()])?;
        ws.write_string(r, 3, "财务部")?;
    }
    wb.save(out)?;
    Ok(total)
}

/// A plan of `n` tasks, each with four weekly rows.
fn gen_plan(n: u32, out: &Path) -> Result<()> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let owners = ["王主管", "李专员", "赵经理", "周专员", "陈总监"];
    let statuses = ["已完成", "进行中", "未开始", "进行中"];
    {
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name("目标拆解与责任分配")?;
        let h = [
            "编号",
            "总目标",
            "阶段目标",
            "具体任务",
            "负责人",
            "开始时间",
            "完成时间",
            "实际完成时间",
            "交付标准",
            "关联资源",
            "目标值（万元）",
            "实际值（万元）",
            "完成度",
            "状态",
            "前置任务",
        ];
        for (c, t) in h.iter().enumerate() {
            ws.write_string(0, c as u16, *t)?;
        }
        for i in 0..n {
            let r = i + 1;
            let (stage, k) = (i / 20 + 1, i % 20 + 1);
            let iu = i as usize;
            ws.write_string(r, 0, format!("{stage}.{k}"))?;
            ws.write_string(r, 1, "新品首月销售额500万")?;
            ws.write_string(r, 2, format!("渠道阶段{stage}"))?;
            ws.write_string(r, 3, format!("任务{i:05}"))?;
            ws.write_string(r, 4, owners[iu % owners.len()])?;
            let start = 46327.0 + (i % 30) as f64;
            ws.write_number_with_format(r, 5, start, &date)?;
            ws.write_number_with_format(r, 6, start + 14.0, &date)?;
            ws.write_string(r, 8, "按时交付")?;
            ws.write_string(r, 9, format!("预算{}万", i % 9 + 1))?;
            ws.write_number(r, 10, (i % 50 + 10) as f64)?;
            ws.write_number(r, 11, (i % 40) as f64)?;
            ws.write_number(r, 12, (i % 100) as f64 / 100.0)?;
            ws.write_string(r, 13, statuses[iu % statuses.len()])?;
            if k > 1 {
                ws.write_string(r, 14, format!("{stage}.{}", k - 1))?;
            }
        }
    }
    {
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name("周度进度跟踪")?;
        let h = [
            "周次",
            "任务名称",
            "本周计划",
            "实际完成",
            "进度偏差",
            "偏差原因分析",
            "解决措施",
            "责任人",
        ];
        for (c, t) in h.iter().enumerate() {
            ws.write_string(0, c as u16, *t)?;
        }
        let mut r = 1;
        for i in 0..n {
            for w in 1..=4u32 {
                let plan = 10 + i % 5;
                let actual = plan - (i + w) % 3;
                ws.write_string(r, 0, format!("第{w}周"))?;
                ws.write_string(r, 1, format!("任务{i:05}"))?;
                ws.write_string(r, 2, format!("发布笔记{plan}篇"))?;
                ws.write_string(r, 3, format!("发布笔记{actual}篇"))?;
                if actual < plan {
                    ws.write_string(r, 5, "审核未通过")?;
                    ws.write_string(r, 6, "提前预审")?;
                }
                ws.write_string(r, 7, owners[i as usize % owners.len()])?;
                r += 1;
            }
        }
    }
    wb.save(out)?;
    Ok(())
}

struct Run {
    secs: f64,
    rss_kib: Option<u64>,
    stdout: String,
}

/// Runs a whole process, under `/usr/bin/time -v` when it is there; a run under a second is
/// repeated and the fastest kept (a short process is at the mercy of the machine's noise).
fn measure(label: &str, prog: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<Run> {
    let mut best = measure_once(label, prog, args, env)?;
    if best.secs < 1.0 {
        for _ in 0..4 {
            let again = measure_once(label, prog, args, env)?;
            if again.secs < best.secs {
                best = Run {
                    rss_kib: best.rss_kib.max(again.rss_kib),
                    ..again
                };
            }
        }
    }
    println!(
        "{label:<44} {:>9.3} s {:>10}",
        best.secs,
        best.rss_kib
            .map(|k| format!("{:.1} MiB", k as f64 / 1024.0))
            .unwrap_or_else(|| "-".into())
    );
    Ok(best)
}

/// Runs a group of processes in turn, three times over (five for short ones), and keeps each
/// one's fastest run: the ratios between them are then taken under the same conditions.
fn measure_interleaved<const N: usize>(
    group: &[(String, &Path, Vec<&str>); N],
) -> Result<[Run; N]> {
    let mut best: Vec<Option<Run>> = (0..N).map(|_| None).collect();
    let mut rounds = 3;
    let mut round = 0;
    while round < rounds {
        for (i, (label, prog, args)) in group.iter().enumerate() {
            let run = measure_once(label, prog, args, &[])?;
            if round == 0 && i == 0 && run.secs < 1.0 {
                rounds = 5;
            }
            best[i] = Some(match best[i].take() {
                Some(b) if b.secs <= run.secs => Run {
                    rss_kib: b.rss_kib.max(run.rss_kib),
                    ..b
                },
                Some(b) => Run {
                    rss_kib: b.rss_kib.max(run.rss_kib),
                    ..run
                },
                None => run,
            });
        }
        round += 1;
    }
    let runs: Vec<Run> = best.into_iter().flatten().collect();
    for ((label, _, _), run) in group.iter().zip(&runs) {
        println!(
            "{label:<44} {:>9.3} s {:>10}",
            run.secs,
            run.rss_kib
                .map(|k| format!("{:.1} MiB", k as f64 / 1024.0))
                .unwrap_or_else(|| "-".into())
        );
    }
    runs.try_into()
        .map_err(|_| anyhow::anyhow!("a run of the group is missing"))
}

fn measure_once(label: &str, prog: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<Run> {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(prog);
        c
    } else {
        Command::new(prog)
    };
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let t0 = Instant::now();
    let out = cmd.output().with_context(|| format!("running {label}"))?;
    let secs = t0.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("{label} failed: {}\n{stderr}", out.status);
    }
    let rss_kib = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok());
    Ok(Run {
        secs,
        rss_kib,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    })
}

fn cents_to_string(c: i128) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

/// The total spent in `costs --json`, as printed.
fn json_total(stdout: &str) -> Result<String> {
    let v: serde_json::Value = serde_json::from_str(stdout)?;
    let t = &v["totals"];
    let s = t["spent"]
        .as_str()
        .or_else(|| t.as_array().and_then(|a| a.first()?["spent"].as_str()))
        .context("no totals.spent in costs --json")?;
    Ok(s.to_string())
}

fn same_amount(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim();
        match s.split_once('.') {
            Some((i, f)) => format!("{i}.{:0<2}", f.trim_end_matches('0')),
            None => format!("{s}.00"),
        }
    };
    norm(a) == norm(b)
}

fn python_peer_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pandas, python_calamine, xlsxwriter"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn suite(quick: bool) -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    std::fs::create_dir_all(&data)?;
    let plantrack = root.join("target/release/plantrack");
    let status = Command::new("cargo")
        .args(["build", "--release", "--bin", "plantrack"])
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    let me = std::env::current_exe()?;
    let sizes: &[u32] = if quick {
        &[300, 10_000, 100_000]
    } else {
        &[300, 10_000, 100_000, 1_000_000]
    };

    println!("generating inputs in {}", data.display());
    let mut ledgers = Vec::new();
    for &n in sizes {
        let p = data.join(format!("ledger-{n}.xlsx"));
        let t0 = Instant::now();
        let total = gen_ledger(n, &p)?;
        println!("  ledger {n:>8} rows: {:.1} s", t0.elapsed().as_secs_f64());
        ledgers.push((n, p, total));
    }
    let plan = data.join("plan-10000.xlsx");
    gen_plan(10_000, &plan)?;
    let teams = data.join("teams-200");
    let _ = std::fs::remove_dir_all(&teams);
    std::fs::create_dir_all(&teams)?;
    let sample = root.join("sample-workbooks/新品首发-华东组.xlsx");
    for i in 0..200 {
        std::fs::copy(&sample, teams.join(format!("团队{i:03}.xlsx")))?;
    }
    let peer = python_peer_available().then(|| root.join("bench/peer.py"));

    println!("\n{:<44} {:>11} {:>10}", "process", "wall", "peak RSS");
    let p = |x: &Path| x.to_string_lossy().into_owned();
    let mut rows = Vec::new(); // (n, costs, report, read, write)
    let mut money_ok = true;
    for (n, ledger, total) in &ledgers {
        let l = p(ledger);
        let out = p(&data.join(format!("costs-{n}.xlsx")));
        let rout = p(&data.join(format!("report-{n}.xlsx")));
        let wout = p(&data.join(format!("floor-write-{n}.xlsx")));
        let ns = n.to_string();
        let group: [(String, &Path, Vec<&str>); 6] = [
            (
                format!("costs {n}"),
                &plantrack,
                vec!["costs", &l, "-o", &out, "--as-of", AS_OF],
            ),
            (
                format!("report {n}"),
                &plantrack,
                vec!["report", &l, "-o", &rout, "--as-of", AS_OF, "--no-previous"],
            ),
            (format!("floor read {n}"), &me, vec!["floor-read", &l]),
            (
                format!("plantrack row reader alone {n}"),
                &me,
                vec!["rows", &l],
            ),
            (
                format!("floor write {n}"),
                &me,
                vec!["floor-write", &ns, &wout],
            ),
            (
                format!("costs --json {n}"),
                &plantrack,
                vec!["costs", &l, "--json", "--as-of", AS_OF],
            ),
        ];
        let [costs, report, read, _rows, write, json] = measure_interleaved(&group)?;
        let got = json_total(&json.stdout)?;
        let want = cents_to_string(*total);
        let ok = same_amount(&got, &want);
        money_ok &= ok;
        println!(
            "  money {n}: costs --json {got}, generator {want}: {}",
            if ok { "exact" } else { "MISMATCH" }
        );
        if let Some(peer) = &peer
            && *n <= 100_000
        {
            let pout = p(&data.join(format!("peer-{n}.xlsx")));
            let python = PathBuf::from("python3");
            measure(
                &format!("pandas peer {n}"),
                &python,
                &[&p(peer), &l, &pout],
                &[],
            )?;
        }
        rows.push((*n, costs, report, read, write));
    }
    let sample_s = p(&sample);
    let team_out = p(&data.join("team-report.xlsx"));
    let team = measure(
        "report one team workbook",
        &plantrack,
        &[
            "report",
            &sample_s,
            "-o",
            &team_out,
            "--as-of",
            AS_OF,
            "--no-previous",
        ],
        &[],
    )?;
    let team_costs = measure(
        "costs one team workbook",
        &plantrack,
        &["costs", &sample_s, "-o", &team_out, "--as-of", AS_OF],
        &[],
    )?;
    let plan_out = p(&data.join("plan-report.xlsx"));
    let plan_run = measure(
        "report plan 10k tasks + 40k weekly",
        &plantrack,
        &[
            "report",
            &p(&plan),
            "-o",
            &plan_out,
            "--as-of",
            AS_OF,
            "--no-previous",
        ],
        &[],
    )?;
    let teams_s = p(&teams);
    let folder_out = p(&data.join("teams-report.xlsx"));
    let folder_args = [
        "report",
        &teams_s,
        "-o",
        &folder_out,
        "--as-of",
        AS_OF,
        "--no-previous",
    ];
    let one = measure(
        "report 200 teams, RAYON_NUM_THREADS=1",
        &plantrack,
        &folder_args,
        &[("RAYON_NUM_THREADS", "1")],
    )?;
    let all = measure(
        "report 200 teams, default threads",
        &plantrack,
        &folder_args,
        &[],
    )?;
    let peer_team = match &peer {
        Some(peer) => {
            let l = p(&ledgers[0].1);
            let pout = p(&data.join("peer-300.xlsx"));
            let python = PathBuf::from("python3");
            let r300 = &rows[0].1;
            let pr = measure("pandas peer 300 rows", &python, &[&p(peer), &l, &pout], &[])?;
            Some((pr.secs, r300.secs))
        }
        None => {
            println!("peer skipped (python3 with pandas, python-calamine, xlsxwriter not found)");
            None
        }
    };

    println!("\nratios");
    let mib = |r: &Run| r.rss_kib.map(|k| k as f64 / 1024.0).unwrap_or(f64::NAN);
    for (n, costs, report, read, write) in &rows {
        println!(
            "  {n:>8} rows: costs / (read + write) = {:.2}x (target <= 1.1 at 1M), \
             report / read = {:.2}x (target <= 1.2 at 1M), costs peak {:.1} MiB, report peak {:.1} MiB",
            costs.secs / (read.secs + write.secs),
            report.secs / read.secs,
            mib(costs),
            mib(report),
        );
    }
    let per_row = |n: u32| {
        rows.iter()
            .find(|r| r.0 == n)
            .map(|r| (r.1.secs / n as f64, r.2.secs / n as f64))
    };
    if let (Some(a), Some(b)) = (per_row(100_000), per_row(1_000_000)) {
        println!(
            "  time per row 1M / 100k: costs {:.2}x, report {:.2}x (target within 1.15)",
            b.0 / a.0,
            b.1 / a.1
        );
    } else if let (Some(a), Some(b)) = (per_row(10_000), per_row(100_000)) {
        println!(
            "  time per row 100k / 10k (quick run): costs {:.2}x, report {:.2}x",
            b.0 / a.0,
            b.1 / a.1
        );
    }
    println!(
        "  one team workbook: report {:.1} ms, costs {:.1} ms (target < 30 ms)",
        team.secs * 1e3,
        team_costs.secs * 1e3
    );
    if let Some((peer_s, ours)) = peer_team {
        println!(
            "  pandas peer / costs on a 300-row ledger: {:.1}x (target >= 20x)",
            peer_s / ours
        );
    }
    println!(
        "  200 teams: 1 thread / default = {:.2}x (target >= 1.6x on 2 cores)",
        one.secs / all.secs
    );
    println!(
        "  plan of 10k tasks: {:.2} s, {:.1} MiB",
        plan_run.secs,
        mib(&plan_run)
    );
    println!(
        "  money exact at every size: {}",
        if money_ok { "yes" } else { "NO" }
    );
    Ok(())
}
