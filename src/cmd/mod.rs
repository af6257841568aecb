//! One module per subcommand: arguments -> settings -> pipeline -> [`Outcome`]. What they
//! share (reading the inputs in parallel, choosing the output language) lives here.

pub mod check;
pub mod costs;
pub mod init;
mod keep;
pub mod output;
pub mod report;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::compute::Settings;
use crate::compute::calendar::{Calendar, CalendarKind};
use crate::lang::Lang;
use crate::model::Dataset;
use crate::model::{CellRef, Problem, ProblemKind, Severity};
use anyhow::Result;

use crate::read::mapping::Mapping;
use crate::read::{
    ReadError, expand_inputs, lock_file_beside, lock_file_warning, read_dataset_with,
};

/// How a command ended; the exit code follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done (data problems may have been reported).
    Ok,
    /// 1: `check` found errors in the data.
    DataErrors,
    /// 2: the command could not run (or a file could not be read at all, for `check`).
    CouldNotRun,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::DataErrors => ExitCode::from(1),
            Outcome::CouldNotRun => ExitCode::from(2),
        }
    }
}

/// Today's date: the one clock read, at the edge, used only when `--as-of` is not given.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Files at or above this count get a progress bar (on a terminal only: indicatif draws
/// nothing when stderr is piped). A handful of files reads in a blink.
const PROGRESS_FROM_FILES: usize = 8;

fn progress_bar(files: usize, inputs: &[PathBuf]) -> indicatif::ProgressBar {
    if files < PROGRESS_FROM_FILES {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    // Before any is read only the user's language is known, else the file names'.
    let lang = crate::lang::console(choose_lang(None, None, inputs));
    bar.set_message(lang.pick("个工作簿", "workbooks"));
    bar
}

/// Every input read, in input order, with the files that could not be.
pub struct Loaded {
    pub data: Dataset,
    pub failures: Vec<(PathBuf, ReadError)>,
    /// plantrack's own outputs found among the inputs, skipped (see [`split_skipped`]).
    pub skipped: Vec<(PathBuf, ReadError)>,
    /// Workbooks with an editor's lock file beside them (file, lock file).
    pub locked: Vec<(PathBuf, PathBuf)>,
}

/// Reads every input workbook (in parallel) and merges them; one unreadable file does not
/// stop the others.
///
/// Errors: a mapping file (`--mapping`, or plantrack.toml beside the workbooks) that cannot
/// be used; nothing is read then, as its sheets would be read wrongly.
pub fn load(inputs: &[PathBuf], mapping: Option<&Path>, as_of: NaiveDate) -> Result<Loaded> {
    let (files, mut failures) = expand_inputs(inputs);
    let mapping = read_mapping(&files, mapping)?;
    let locked = locked_files(&files);
    let progress = progress_bar(files.len(), inputs);
    let results: Vec<(PathBuf, Result<Dataset, ReadError>)> = files
        .into_par_iter()
        .map(|path| {
            let r = read_dataset_with(&path, as_of, &mapping);
            progress.inc(1);
            (path, r)
        })
        .collect();
    progress.finish_and_clear();
    let mut data = Dataset::default();
    for (path, r) in results {
        match r {
            Ok(d) => data.extend(d),
            Err(e) => failures.push((path, e)),
        }
    }
    data.problems.extend(mapping.problems());
    let skipped = split_skipped(&mut failures);
    Ok(Loaded {
        data,
        failures,
        skipped,
        locked,
    })
}

/// The mapping of a run (see [`Mapping::for_inputs`]); a mistake in it stops the run with
/// each mistake's file and line.
///
/// Errors: the mapping file cannot be read or used.
pub fn read_mapping(files: &[PathBuf], explicit: Option<&Path>) -> Result<Mapping> {
    Mapping::for_inputs(files, explicit).map_err(|e| {
        anyhow::Error::new(crate::messages::Said::new(
            e.text(Lang::Zh),
            e.text(Lang::En),
        ))
    })
}

/// Takes plantrack's own outputs (last week's summary in the team folder) out of the
/// failures: they are skipped, not failed.
pub fn split_skipped(failures: &mut Vec<(PathBuf, ReadError)>) -> Vec<(PathBuf, ReadError)> {
    let (skipped, failed) = std::mem::take(failures)
        .into_iter()
        .partition(|(_, e)| e.is_skip());
    *failures = failed;
    skipped
}

/// A line for each skipped output the user named on the command line. Outputs found in a
/// folder are expected there (the weekly run writes them) and skipped without a line; the
/// summary lists them in its Data problems.
pub fn report_skipped(skipped: &[(PathBuf, ReadError)], inputs: &[PathBuf], lang: Lang) {
    for (path, e) in skipped.iter().filter(|(p, _)| inputs.contains(p)) {
        crate::say!("plantrack: {}: {}", shown(path), e.message(lang));
    }
}

/// The output language of a collected dataset (see [`choose_lang`]).
pub fn output_lang(arg: Option<Lang>, data: &Dataset, inputs: &[PathBuf]) -> Lang {
    choose_lang(arg, data.detected_lang, inputs)
}

/// The output language: `--lang`, else the language of the headers read, else of the
/// input paths, else English.
pub fn choose_lang(arg: Option<Lang>, detected: Option<Lang>, inputs: &[PathBuf]) -> Lang {
    arg.or(detected)
        .or_else(|| {
            inputs
                .iter()
                .find_map(|p| Lang::of_text(&p.to_string_lossy()).filter(|l| *l == Lang::Zh))
        })
        .unwrap_or(Lang::En)
}

/// The settings of a summary on `as_of`: the calendar chosen, else mainland China's for
/// workbooks with Chinese headers and Monday-Friday for the others.
pub fn settings(as_of: NaiveDate, calendar: Option<CalendarKind>, data: &Dataset) -> Settings {
    Settings {
        calendar: calendar_of(calendar, data.detected_lang),
        ..Settings::new(as_of)
    }
}

/// The working calendar chosen, else mainland China's for workbooks whose headers are
/// Chinese and Monday-Friday for the others (before the teams' holidays sheets).
pub fn calendar_of(chosen: Option<CalendarKind>, detected: Option<Lang>) -> Calendar {
    Calendar::of_kind(chosen.unwrap_or(match detected {
        Some(Lang::Zh) => CalendarKind::Cn,
        _ => CalendarKind::Weekends,
    }))
}

/// The workbooks with an editor's lock file beside them (file, lock file).
pub fn locked_files(files: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    files
        .iter()
        .filter_map(|f| Some((f.clone(), lock_file_beside(f)?)))
        .collect()
}

/// Prints the workbooks that may be open elsewhere and the files that could not be read,
/// one line each.
pub fn report_failures(
    locked: &[(PathBuf, PathBuf)],
    failures: &[(PathBuf, ReadError)],
    lang: Lang,
) {
    for (path, lock) in locked {
        crate::say!(
            "plantrack: {}: {}",
            shown(path),
            escaped(&lock_file_warning(lock, lang))
        );
    }
    for (path, e) in failures {
        crate::say!(
            "plantrack: {}: {}",
            shown(path),
            escaped_lines(&e.message(lang))
        );
    }
}

/// The files that could not be read, as error problems at the file name, so the summary
/// says which team is missing from it.
pub fn failure_problems(failures: &[(PathBuf, ReadError)]) -> Vec<Problem> {
    failures
        .iter()
        .map(|(path, e)| Problem {
            severity: if e.is_skip() {
                Severity::Info
            } else {
                Severity::Error
            },
            team: crate::read::team_name(path),
            at: CellRef::sheet_only(path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )),
            kind: ProblemKind::NotRead { reason: e.clone() },
        })
        .collect()
}

/// A path as printed on the terminal: control characters (a NUL, a right-to-left override
/// that would reorder the line) are shown escaped, never sent raw.
pub fn shown(path: &Path) -> String {
    escaped(&path.display().to_string())
}

/// Text as printed on the terminal, control and bidirectional-override characters escaped.
pub fn escaped(text: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
    if !text.chars().any(|c| c.is_control() || bidi(c)) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() || bidi(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Text of several lines (the lines offered for a mapping file) as printed on the terminal:
/// each line [`escaped`], the line breaks kept.
pub fn escaped_lines(text: &str) -> String {
    text.split('\n').map(escaped).collect::<Vec<_>>().join("\n")
}

/// True when `output` names one of the inputs, or a team's workbook inside an input
/// directory. A summary or cost workbook plantrack wrote into the folder is not an input (it
/// is skipped when the folder is read), so `report .` run twice on one day replaces its own
/// summary, keeping the team's notes (cmd/keep.rs), instead of refusing.
pub fn is_an_input(inputs: &[PathBuf], output: &Path) -> bool {
    let (files, _) = expand_inputs(inputs);
    let own = |f: &PathBuf| match crate::read::source::open(f) {
        Ok(book) => book.own_output().is_some(),
        Err(e) => matches!(e, ReadError::OwnOutput(_)),
    };
    inputs.iter().any(|i| same_file(i, output))
        || files.iter().any(|f| same_file(f, output) && !own(f))
}

/// True when two paths name the same file (the output must never overwrite an input).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
