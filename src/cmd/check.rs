//! `plantrack check`: every data problem, one per line as `Sheet!A1: message`, then a count.

use anyhow::Result;

use super::output::print;
use super::{
    Outcome, escaped, load, output_lang, report_failures, report_skipped, settings, today,
};
use crate::cli::CheckArgs;
use crate::compute::summarize;
use crate::messages::{problem_text, severity_word};
use crate::model::Severity;

pub fn run(args: CheckArgs) -> Result<Outcome> {
    let as_of = args.input.as_of.unwrap_or_else(today);
    let loaded = load(&args.input.inputs, as_of);
    // Console lines: the user's language, else the workbooks'.
    let lang = crate::lang::console(output_lang(
        args.input.lang,
        &loaded.data,
        &args.input.inputs,
    ));
    report_failures(&loaded.locked, &loaded.failures, lang);
    report_skipped(&loaded.skipped, &args.input.inputs, lang);
    let several = loaded.data.teams.len() > 1;
    let settings = settings(as_of, args.calendar, &loaded.data);
    let summary = summarize(loaded.data, &settings);
    // Everything for standard output goes out in one write (see `print`).
    let mut out = String::new();
    if args.explain {
        for line in crate::explain::lines(&summary.data.tables, lang, &summary.calendar) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    for p in &summary.problems {
        let team = if several {
            format!("[{}] ", p.team)
        } else {
            String::new()
        };
        let line = format!(
            "{team}{}: {}: {}",
            p.at,
            severity_word(p.severity, lang),
            problem_text(&p.kind, lang)
        );
        out.push_str(&escaped(&line));
        out.push('\n');
    }
    let errors = summary.problem_count(Severity::Error);
    let warnings = summary.problem_count(Severity::Warning);
    let unreadable = loaded.failures.len();
    let count = match lang {
        crate::lang::Lang::Zh => {
            let mut s = format!("{errors} 个错误，{warnings} 个警告");
            if unreadable > 0 {
                s.push_str(&format!("，{unreadable} 个文件无法读取"));
            }
            s
        }
        crate::lang::Lang::En => {
            let mut s = format!("{errors} errors, {warnings} warnings");
            match unreadable {
                0 => {}
                1 => s.push_str(", 1 file could not be read"),
                n => s.push_str(&format!(", {n} files could not be read")),
            }
            s
        }
    };
    out.push_str(&count);
    out.push('\n');
    // A reader that stopped early (`| head -1`) ends the printing, not the verdict.
    print(&out, lang)?;
    Ok(if unreadable > 0 {
        Outcome::CouldNotRun
    } else if errors > 0 {
        Outcome::DataErrors
    } else {
        Outcome::Ok
    })
}
