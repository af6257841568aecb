//! `plantrack report`: the weekly summary workbook, the one command a team runs each week.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::output::{Target, default_name, default_stem};
use super::{
    Outcome, choose_lang, failure_problems, load, output_lang, report_failures, report_skipped,
    settings, shown, today,
};
use crate::cli::ReportArgs;
use crate::compute::brief::brief;
use crate::compute::changes::{baseline_slips, carry_baseline, compare, snapshot};
use crate::compute::{Summary, summarize};
use crate::lang::Lang;
use crate::messages::Said;
use crate::model::{Severity, TaskStatus};
use crate::read::previous::read_snapshot;
use crate::render::{RenderOptions, brief_png, font_database};

/// The newest `<stem>-summary-<date>.xlsx` in `folder` dated before `as_of`.
pub fn find_previous(folder: &Path, stem: &str, as_of: NaiveDate) -> Option<PathBuf> {
    let prefix = format!("{stem}-summary-");
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let date = name.strip_prefix(&prefix)?.strip_suffix(".xlsx")?;
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
            (date < as_of).then(|| (date, e.path()))
        })
        .max()
        .map(|(_, p)| p)
}

pub fn run(args: ReportArgs) -> Result<Outcome> {
    let inputs = &args.input.inputs;
    let as_of = args.input.as_of.unwrap_or_else(today);
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| default_name(inputs, "summary", as_of));
    let early_lang = choose_lang(args.input.lang, None, inputs);
    let target = Target::new(output, inputs, Some("xlsx"), early_lang)?;
    let output = target.path().to_path_buf();
    let mut loaded = load(inputs, args.input.mapping.as_deref(), as_of)?;
    let lang = output_lang(args.input.lang, &loaded.data, inputs);
    // What is said on the console: the user's language, else the summary's.
    let say = crate::lang::console(lang);
    report_failures(&loaded.locked, &loaded.failures, say);
    report_skipped(&loaded.skipped, inputs, say);
    if loaded.data.teams.is_empty() {
        crate::say!(
            "{}",
            say.pick(
                "plantrack: 没有可读取的工作簿，未生成汇总",
                "plantrack: no workbook could be read; no summary written"
            )
        );
        return Ok(Outcome::CouldNotRun);
    }
    // The summary of the files that could be read, with the others listed in it.
    let not_read = failure_problems(&loaded.failures);
    loaded.data.problems.extend(not_read);
    let skipped = failure_problems(&loaded.skipped);
    loaded.data.problems.extend(skipped);
    let settings = settings(as_of, args.calendar, &loaded.data);
    let mut summary = summarize(loaded.data, &settings);
    if let Some(stale) = &summary.stale {
        crate::say!("plantrack: {}", crate::messages::stale_as_of(stale, say));
    }
    let opts = RenderOptions {
        lang,
        currency: summary.currency().unwrap_or_default().to_string(),
    };
    let previous = match (&args.previous, args.no_previous) {
        (_, true) => None,
        (Some(p), _) => Some((p.clone(), true)),
        (None, _) => {
            let folder = match output.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            find_previous(&folder, &default_stem(inputs), as_of).map(|p| (p, false))
        }
    };
    if let Some((path, explicit)) = &previous {
        let explicit = *explicit;
        match read_snapshot(path) {
            Ok(before) => {
                if !args.rebaseline {
                    summary.baseline = carry_baseline(&before, &summary);
                    // The snapshot carries the baseline: taken again with the carried one.
                    summary.snapshot = snapshot(&summary);
                }
                let mut changes = compare(&before, &summary.snapshot);
                changes.baseline_set = summary.baseline.set_on;
                changes.baseline_slips = baseline_slips(&summary);
                summary.changes = Some(changes);
                crate::say!(
                    "{} {}",
                    say.pick("对比上周汇总：", "compared with"),
                    shown(path)
                );
            }
            Err(e) if explicit => {
                bail!(Said::new(
                    format!("{}: {}", shown(path), e.message(Lang::Zh)),
                    format!("{}: {}", shown(path), e.message(Lang::En)),
                ));
            }
            Err(e) => crate::say!(
                "plantrack: {}: {} ({})",
                shown(path),
                e.message(say),
                say.pick("未生成本周变化表", "no Changes sheet")
            ),
        }
    }
    let last_week = previous.as_ref().map(|(p, _)| p.as_path());
    super::keep::carry_team_work(&output, last_week, &mut summary, say)?;
    let mut wb = super::keep::fingerprinted(&summary, &opts)?;
    target.save(&mut wb)?;
    let image = if args.no_png {
        Ok(())
    } else {
        write_brief_png(&summary, lang, say, &output)
    };

    let tasks = summary.tasks.len();
    let overdue = summary.count(TaskStatus::Overdue);
    let at_risk = summary.count(TaskStatus::AtRisk);
    let errors = summary.problem_count(Severity::Error);
    let warnings = summary.problem_count(Severity::Warning);
    match say {
        Lang::Zh => crate::say!(
            "{tasks} 项任务：{overdue} 项逾期，{at_risk} 项有风险；数据问题：{errors} 个错误，{warnings} 个警告\n已写入 {}",
            shown(&output)
        ),
        Lang::En => crate::say!(
            "{tasks} tasks: {overdue} overdue, {at_risk} at risk; data problems: {errors} errors, {warnings} warnings\nwrote {}",
            shown(&output)
        ),
    }
    // The summary is written: the run succeeded. An image that could not be drawn (no CJK
    // font on the machine) is said, never drawn in boxes of tofu.
    if let Err(message) = image {
        crate::say!("plantrack: {message}");
    }
    Ok(Outcome::Ok)
}

/// Writes `<summary>.png` (labels in `lang`) beside the summary and says which font drew it,
/// in `say`; on failure, the message (no image is left behind).
fn write_brief_png(summary: &Summary, lang: Lang, say: Lang, output: &Path) -> Result<(), String> {
    let path = output.with_extension("png");
    let b = brief(summary);
    let image = brief_png(summary, &b, lang, font_database()).map_err(|e| e.message(say))?;
    // Written as the summary is: whole or not at all, never over a file being written.
    let target = super::output::Target::new(path.clone(), &[], Some("png"), say)
        .map_err(|e| crate::messages::error_text(&e, say))?;
    target
        .save(&mut super::output::Bytes(image.png))
        .map_err(|e| crate::messages::error_text(&e, say))?;
    match say {
        Lang::Zh => crate::say!(
            "图片简报 {}（{}×{} 像素，字体 {}）",
            path.display(),
            image.width,
            image.height,
            image.font
        ),
        Lang::En => crate::say!(
            "image brief {} ({}x{} px, font {})",
            path.display(),
            image.width,
            image.height,
            image.font
        ),
    }
    Ok(())
}
