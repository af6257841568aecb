//! `plantrack init`: writes the fillable team workbook, blank or with the toolkit's example
//! campaign. It never replaces an existing file unless `--force` says so: the file it would
//! replace is most likely a team's filled-in plan.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::{Days, NaiveDate};

use super::output::Target;
use super::{Outcome, today};
use crate::cli::InitArgs;
use crate::lang::Lang;
use crate::messages::Said;
use crate::render::template_workbook;
use crate::template::{TemplateSettings, build, monday_of};

/// The arguments resolved.
#[derive(Debug, Clone)]
pub struct InitSettings {
    pub output: PathBuf,
    pub force: bool,
    pub template: TemplateSettings,
}

/// Resolves the arguments against today's date.
///
/// Errors: the output is not an .xlsx file name.
pub fn settings(args: &InitArgs, today: NaiveDate) -> Result<InitSettings> {
    let named_lang = args
        .output
        .as_ref()
        .and_then(|p| p.file_name())
        .and_then(|n| Lang::of_text(&n.to_string_lossy()))
        .filter(|l| *l == Lang::Zh);
    let lang = args.lang.or(named_lang).unwrap_or(Lang::En);
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(lang.pick("团队计划.xlsx", "plantrack-team.xlsx")));
    let is_xlsx = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        bail!(Said::new(
            format!(
                "{}：init 只写 .xlsx 工作簿，请把输出命名为 *.xlsx",
                output.display()
            ),
            format!(
                "{}: init writes an .xlsx workbook; name the output *.xlsx",
                output.display()
            ),
        ));
    }
    // The example needs a past to show: it starts two weeks before this week.
    let back = if args.example { 14 } else { 0 };
    let start = args
        .start
        .unwrap_or_else(|| monday_of(today) - Days::new(back));
    Ok(InitSettings {
        template: TemplateSettings {
            lang,
            start,
            weeks: args.weeks,
            example: args.example,
            file_name: shell_word(&output),
        },
        output,
        force: args.force,
    })
}

/// A file name as typed in a shell command: quoted when it holds spaces.
fn shell_word(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.chars().any(char::is_whitespace) {
        format!("\"{name}\"")
    } else {
        name
    }
}

pub fn run(args: InitArgs) -> Result<Outcome> {
    let s = settings(&args, today())?;
    if s.output.exists() && !s.force {
        bail!(Said::new(
            format!(
                "{} 已存在：加 --force 替换它，或用 -o 另起一个名字",
                s.output.display()
            ),
            format!(
                "{} already exists; pass --force to replace it, or -o another name",
                s.output.display()
            ),
        ));
    }
    let target = Target::new(s.output.clone(), &[], Some("xlsx"), s.template.lang)?;
    let template = build(&s.template);
    let mut wb = template_workbook(&template)?;
    target.save(&mut wb)?;
    let name = &s.template.file_name;
    match crate::lang::console(s.template.lang) {
        Lang::Zh => crate::say!(
            "已写入 {}\n填写后运行 plantrack check {name} 检查，每周运行 plantrack report {name} 生成汇总",
            s.output.display()
        ),
        Lang::En => crate::say!(
            "wrote {}\nfill it in, then run plantrack check {name}; each week, plantrack report {name}",
            s.output.display()
        ),
    }
    Ok(Outcome::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(output: Option<&str>, example: bool) -> InitArgs {
        InitArgs {
            output: output.map(PathBuf::from),
            lang: None,
            example,
            start: None,
            weeks: 4,
            force: false,
        }
    }

    #[test]
    fn language_and_name_follow_each_other_and_start_is_a_monday() {
        let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let s = settings(&args(None, false), thursday).unwrap();
        assert_eq!(s.output, PathBuf::from("plantrack-team.xlsx"));
        assert_eq!(s.template.lang, Lang::En);
        assert_eq!(
            s.template.start,
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        let s = settings(&args(Some("华东组 计划.xlsx"), true), thursday).unwrap();
        assert_eq!(s.template.lang, Lang::Zh);
        assert_eq!(s.template.file_name, "\"华东组 计划.xlsx\"");
        assert_eq!(
            s.template.start,
            NaiveDate::from_ymd_opt(2026, 11, 9).unwrap()
        );
        assert!(settings(&args(Some("plan.ods"), false), thursday).is_err());
    }
}
