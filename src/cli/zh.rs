//! The command line in Chinese: clap has no translations, so the derived command is given
//! Chinese about texts, argument help, value names, headings and usage lines here, and
//! clap's errors are rewritten from their kind and context. The English stays in the
//! `///` comments of the parent module; a test checks that every argument has its Chinese.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

const ABOUT: &str = "汇总市场团队填写的计划工作簿：目标、任务、周度偏差、成本与预算、甘特图";

const AFTER: &str = "把工作簿或文件夹直接写在 plantrack 后面即运行 report：plantrack 618大促.xlsx\n\
运行 plantrack <命令> --help 查看各命令的说明。";

/// Each subcommand: name, one-line about, the longer text of `--help`, usage.
const SUBCOMMANDS: &[(&str, &str, &str, &str)] = &[
    (
        "report",
        "生成每周汇总工作簿（概览、目标、任务、周度、成本、甘特图、数据问题）",
        "生成每周汇总工作簿（概览、目标、任务、周度、成本、甘特图、数据问题）。\n\n\
示例：\n  plantrack report 团队A.xlsx\n  plantrack report sample-workbooks/ --as-of 2026-11-26\n  \
plantrack report 计划.xlsx -o 周报.xlsx --lang zh\n  plantrack 618大促.xlsx            （省略 report）",
        "plantrack report <输入>... [选项]",
    ),
    (
        "costs",
        "生成财务使用的成本与预算工作簿（或以 CSV、JSON 输出其数字）",
        "生成财务使用的成本与预算工作簿（或以 CSV、JSON 输出其数字）。\n\n\
每个预算科目：预算、已用、剩余、使用比例、状态、完成时预计支出；按月汇总；每笔支出及其来源行的明细，\
各项数字是引用明细的公式；图表。退出码：0 已写入，2 无法运行。\n\n\
示例：\n  plantrack costs 团队A.xlsx\n  plantrack costs sample-workbooks/ --as-of 2026-11-26 --warn-at 0.9\n  \
plantrack costs 台账.xlsx --csv 成本.csv\n  plantrack costs 台账.xlsx --json --period 2026-11-01..2026-12-20",
        "plantrack costs <输入>... [选项]",
    ),
    (
        "check",
        "列出每个数据问题，每行一个“工作表!A1: 说明”，最后是数量",
        "列出每个数据问题，每行一个“工作表!A1: 说明”，最后是数量。\n\n\
退出码：0 没有错误（可以有警告），1 发现错误，2 有文件完全无法读取。",
        "plantrack check <输入>... [选项]",
    ),
    (
        "init",
        "生成团队填写用的工作簿，report 可以直接读取",
        "生成团队填写用的工作簿，report 可以直接读取。\n\n\
包含工具包的各张表和 report 读取的表头、下拉列表、输入提示，以及在填写时标出逾期任务和落后周次的颜色。\n\n\
示例：\n  plantrack init --lang zh\n  plantrack init -o 华东组.xlsx --start 2026-11-02 --weeks 6\n  \
plantrack init --example -o 演示.xlsx && plantrack report 演示.xlsx",
        "plantrack init [选项]",
    ),
    (
        "help",
        "显示本帮助，或某个命令的帮助",
        "显示本帮助，或某个命令的帮助",
        "plantrack help [命令]",
    ),
];

/// Each argument: the subcommand ("" for any), its id, its help, its value name.
const ARGS: &[(&str, &str, &str, &str)] = &[
    (
        "",
        "inputs",
        "工作簿文件（.xlsx .xlsm .xlsb .xls .ods）或包含它们的文件夹",
        "输入",
    ),
    (
        "",
        "as_of",
        "所有判断（逾期、已过时间比例）所依据的日期：2026-11-26、2026/11/26、11月26日（年份取离今天最近的）；默认今天",
        "日期",
    ),
    (
        "init",
        "lang",
        "工作表、表头和提示的语言，zh 或 en；默认：-o 的文件名是中文时用中文，否则用英文",
        "语言",
    ),
    (
        "",
        "lang",
        "输出语言，zh 或 en；默认跟随工作簿表头的语言",
        "语言",
    ),
    (
        "",
        "mapping",
        "映射文件，说明 plantrack 认不出的工作表（类型、表头行、哪个表头是哪个字段）；默认：工作簿旁的 plantrack.toml（如有）",
        "文件.toml",
    ),
    (
        "report",
        "output",
        "输出工作簿；默认为当前文件夹中的 <第一个输入的名称>-summary-<日期>.xlsx，每周的文件与上周的并存",
        "输出.xlsx",
    ),
    (
        "costs",
        "output",
        "输出工作簿；默认为当前文件夹中的 <第一个输入的名称>-costs-<日期>.xlsx",
        "输出.xlsx",
    ),
    (
        "init",
        "output",
        "输出工作簿；默认为当前文件夹中的 团队计划.xlsx（中文）或 plantrack-team.xlsx（英文）。已有的文件不会被替换，除非加 --force",
        "输出.xlsx",
    ),
    (
        "report",
        "previous",
        "上周的汇总，用于“本周变化”表；默认：输出文件夹中日期更早的最新一份 <名称>-summary-<日期>.xlsx",
        "上周.xlsx",
    ),
    ("report", "no_previous", "不与上周的汇总对比", ""),
    (
        "costs",
        "csv",
        "以 CSV（带 BOM 的 UTF-8）写出每个预算科目一行，而不是工作簿",
        "输出.csv",
    ),
    (
        "costs",
        "json",
        "以 JSON 在标准输出打印各项数字，而不是写工作簿",
        "",
    ),
    (
        "costs",
        "warn_at",
        "预算使用到此比例即为预警：0.8 或 80%，默认 0.8",
        "比例",
    ),
    (
        "costs",
        "period",
        "完成时预计支出所外推的活动周期；默认：各团队计划的最早开始到最晚完成",
        "开始..结束",
    ),
    (
        "init",
        "example",
        "填入工具包的示例活动（新品首月销售额500万），可直接运行 report",
        "",
    ),
    (
        "init",
        "start",
        "活动的第一天；默认：本周一，加 --example 时为两周前（示例正处于第三周）",
        "日期",
    ),
    (
        "init",
        "weeks",
        "活动的周数（1 到 52，默认 4）：周度下拉列表所用的日历",
        "周数",
    ),
    ("init", "force", "已有同名文件时替换它", ""),
    (
        "",
        "calendar",
        "排期所用的工作日：cn = 周一至周五，去掉中国大陆法定节假日、加上调休上班日（2020-2026）；weekends = 周一至周五。默认：表头为中文的工作簿用 cn，否则用 weekends。节假日表可再加上团队自己的日子",
        "日历",
    ),
    (
        "report",
        "rebaseline",
        "重新设定基线：以本周的日期作为以后各周计算延后的基准（默认由活动的第一份汇总设定，之后沿用）",
        "",
    ),
    (
        "check",
        "explain",
        "同时列出每个工作簿中每张表格的读取方式：位置和类型、哪一列读作哪个字段、未读取的列，以及哪些行不是数据（标题、阶段行、与 plantrack 合计核对的合计行）",
        "",
    ),
    (
        "report",
        "no_png",
        "不在汇总旁生成一页图片简报 <汇总>.png",
        "",
    ),
    ("", "help", "显示帮助（-h 显示摘要）", ""),
    ("", "version", "显示版本", ""),
];

/// The Chinese help and value name of argument `id` of subcommand `sub` ("" for the root).
fn arg_text(sub: &str, id: &str) -> Option<(&'static str, &'static str)> {
    ARGS.iter()
        .find(|(s, i, _, _)| *i == id && *s == sub)
        .or_else(|| ARGS.iter().find(|(s, i, _, _)| *i == id && s.is_empty()))
        .map(|(_, _, help, value)| (*help, *value))
}

fn translate_arg(sub: &str, arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        "参数"
    } else {
        "选项"
    };
    // The possible and default values are written into the Chinese help itself.
    let arg = arg
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true);
    match arg_text(sub, &id) {
        Some((help, value)) => {
            let arg = arg.help(help).long_help(None::<&str>);
            if value.is_empty() {
                arg
            } else {
                arg.value_name(value)
            }
        }
        None => arg,
    }
}

fn translate_command(cmd: Command, sub: &str) -> Command {
    let cmd = cmd.help_template(TEMPLATE);
    let cmd = match SUBCOMMANDS.iter().find(|(name, ..)| *name == sub) {
        Some((_, about, long, usage)) => cmd.about(*about).long_about(*long).override_usage(*usage),
        None => cmd,
    };
    cmd.mut_args(|a| translate_arg(sub, a))
}

/// The derived command with Chinese texts. It is built first, so that clap's generated
/// `--help`, `--version` and `help` subcommand exist and can be translated too.
pub fn command(cmd: Command) -> Command {
    let mut cmd = cmd
        .about(ABOUT)
        .after_help(AFTER)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .override_usage("plantrack <命令> [选项]\n      plantrack <工作簿或文件夹>...");
    cmd.build();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = translate_command(cmd, "");
    for name in &names {
        cmd = cmd.mut_subcommand(name, |s| translate_command(s, name));
    }
    // `plantrack help help` lists the commands again, from the `help` command's own copies.
    cmd.mut_subcommand("help", |help| {
        let help = help
            .subcommand_help_heading("命令")
            .subcommand_value_name("命令");
        names.iter().fold(help, |help, name| {
            help.mut_subcommand(name, |s| translate_command(s, name))
        })
    })
}

fn text(value: Option<&ContextValue>) -> String {
    match value {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A clap error in Chinese: what was wrong, a suggestion when clap has one, the usage line.
pub fn error(e: &clap::Error) -> String {
    let get = |k: ContextKind| text(e.get(k));
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut out = String::from("错误：");
    out.push_str(&match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                format!("{arg} 需要一个值")
            } else if valid.is_empty() {
                format!("{arg} 的值 \"{value}\" 无效")
            } else {
                format!("{arg} 的值 \"{value}\" 无效，可选：{valid}")
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| match s.downcast_ref::<crate::messages::Said>() {
                    Some(said) => said.zh.clone(),
                    // Another parser's English reason is left out.
                    None => String::new(),
                })
                .unwrap_or_default();
            if why.is_empty() {
                format!("{arg} 的值 \"{value}\" 无效")
            } else {
                format!("{arg} 的值 \"{value}\" 无效：{why}")
            }
        }
        ErrorKind::UnknownArgument => format!("无法识别的参数 \"{arg}\""),
        ErrorKind::InvalidSubcommand => format!(
            "无法识别的命令 \"{}\"（命令有 report、costs、check、init；也可以直接写工作簿或文件夹）",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::NoEquals => format!("{arg} 的值要用等号写在后面"),
        ErrorKind::TooManyValues => format!("{arg} 的值 \"{value}\" 多余"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的值的个数不对")
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            if prior.is_empty() {
                format!("{arg} 不能重复使用")
            } else {
                format!("{arg} 不能与 {prior} 同时使用")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => {
            "缺少命令：report、costs、check 或 init，或直接写工作簿或文件夹".to_string()
        }
        ErrorKind::InvalidUtf8 => "参数中有无法识别的字符".to_string(),
        _ => "命令行有误".to_string(),
    });
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let s = get(kind);
        if !s.is_empty() {
            out.push_str(&format!("\n\n  提示：是否想用 \"{s}\"？"));
        }
    }
    let usage = get(ContextKind::Usage);
    if let Some(line) = usage.strip_prefix("Usage:") {
        out.push_str(&format!("\n\n用法：{}", line.trim()));
    } else if !usage.is_empty() {
        out.push_str(&format!("\n\n{}", usage.trim()));
    }
    out.push_str("\n\n运行 plantrack --help 查看说明。\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// Every argument and subcommand of the derived command has its Chinese text, so a new
    /// option cannot appear in English only.
    #[test]
    fn every_argument_has_its_chinese() {
        let mut cmd = Cli::command();
        cmd.build();
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            assert!(arg_text("", id).is_some(), "no Chinese for --{id}");
        }
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            assert!(
                SUBCOMMANDS.iter().any(|(n, ..)| *n == name),
                "no Chinese for {name}"
            );
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(arg_text(name, id).is_some(), "no Chinese for {name} --{id}");
            }
        }
    }

    #[test]
    fn help_and_errors_read_in_chinese() {
        let mut cmd = command(Cli::command());
        let help = cmd.render_help().to_string();
        assert!(help.contains("用法：plantrack <命令> [选项]"), "{help}");
        assert!(help.contains("命令:"), "{help}");
        assert!(help.contains("显示帮助"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let report = cmd
            .find_subcommand_mut("report")
            .expect("report")
            .render_long_help()
            .to_string();
        assert!(report.contains("所有判断"), "{report}");
        assert!(!report.contains("Print help"), "{report}");

        let e = command(Cli::command())
            .try_get_matches_from(["plantrack", "report", "a.xlsx", "--as-of", "明天"])
            .unwrap_err();
        let text = error(&e);
        assert!(
            text.starts_with("错误：--as-of <日期> 的值 \"明天\" 无效：\"明天\" 不是日期"),
            "{text}"
        );

        let e = command(Cli::command())
            .try_get_matches_from(["plantrack", "report", "a.xlsx", "--frobnicate"])
            .unwrap_err();
        let text = error(&e);
        assert!(
            text.starts_with("错误：无法识别的参数 \"--frobnicate\""),
            "{text}"
        );
        assert!(
            text.contains("用法：plantrack report <输入>... [选项]"),
            "{text}"
        );
        assert!(!text.contains("Usage"), "{text}");
    }
}
