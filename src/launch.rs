//! How plantrack was started, decided before the command line is parsed. On Windows most
//! users never open a terminal: they double-click plantrack.exe, or drop a folder or
//! workbooks onto it (Explorer passes them as plain arguments). The console window Windows
//! opens closes as soon as the program ends, so such a run pauses for a key at its end, and
//! a run with no arguments explains what to do instead of printing usage.
//!
//! The decision is a pure function of the arguments, whether to pause, and a test of which
//! arguments are inputs ([`decide`]), so it is tested on any system; `PLANTRACK_PAUSE=1`
//! (or `0`) forces the pause on (or off) where Explorer cannot be detected.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{InputArgs, ReportArgs};
use crate::lang::Lang;

/// What to do with the arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// Started by a double-click with nothing dropped: explain, then wait.
    Welcome,
    /// Files or folders dropped onto the program: `report` them, then wait.
    Dropped(Vec<PathBuf>),
    /// An ordinary command line (with `report` put in front when the first argument is a
    /// workbook or folder).
    Parse(Vec<OsString>),
}

const SUBCOMMANDS: &[&str] = &["report", "costs", "check", "init", "help"];
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Decides from the arguments (without the program name), whether the run pauses at its
/// end (started from Explorer, see [`pause_wanted`]), and `is_input`, which tells a path
/// that names a workbook or folder (see [`looks_like_input`]).
pub fn decide(args: Vec<OsString>, pause: bool, is_input: impl Fn(&Path) -> bool) -> Launch {
    let Some(first) = args.first() else {
        return if pause {
            Launch::Welcome
        } else {
            Launch::Parse(args)
        };
    };
    let first_str = first.to_string_lossy();
    if first_str.starts_with('-') || SUBCOMMANDS.contains(&first_str.as_ref()) {
        return Launch::Parse(args);
    }
    if !is_input(Path::new(first)) {
        return Launch::Parse(args);
    }
    let only_paths = args.iter().all(|a| !a.to_string_lossy().starts_with('-'));
    if pause && only_paths {
        return Launch::Dropped(args.into_iter().map(PathBuf::from).collect());
    }
    Launch::Parse(
        std::iter::once(OsString::from("report"))
            .chain(args)
            .collect(),
    )
}

/// True for a folder, an existing file, or a name with a workbook extension (so that a
/// missing `618大促.xlsx` is reported as a missing workbook, not as an unknown command).
pub fn looks_like_input(path: &Path) -> bool {
    path.is_dir()
        || path.is_file()
        || path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            WORKBOOK_EXTENSIONS
                .iter()
                .any(|w| e.eq_ignore_ascii_case(w))
        })
}

/// Whether to pause at the end: `PLANTRACK_PAUSE` when set ("1" or "0"), else whether
/// the program owns its console window (started from Explorer).
pub fn pause_wanted(setting: Option<&str>, own_console: bool) -> bool {
    match setting.map(str::trim) {
        Some("1") => true,
        Some("0") => false,
        _ => own_console,
    }
}

/// True when no other process shares the console: Windows made a window for this program
/// alone, as it does for a double-click or a drop in Explorer. Never on other systems.
#[cfg(windows)]
pub fn own_console() -> bool {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
    }
    let mut list = [0u32; 4];
    // SAFETY: the buffer holds `count` entries; the call writes at most that many.
    let n = unsafe { GetConsoleProcessList(list.as_mut_ptr(), 4) };
    n == 1
}

#[cfg(not(windows))]
pub fn own_console() -> bool {
    false
}

/// The `report` of dropped inputs: as of `today`, the summary beside the first input (in
/// the folder holding it, so that next week's drop of the same folder does not read the
/// summary as a team's workbook, and finds it as last week's).
pub fn dropped_report(inputs: Vec<PathBuf>, today: NaiveDate) -> ReportArgs {
    let name = crate::cmd::output::default_name(&inputs, "summary", today);
    let output = match inputs.first().and_then(|p| p.parent()) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(name),
        _ => name,
    };
    ReportArgs {
        input: InputArgs {
            inputs,
            as_of: Some(today),
            lang: None,
        },
        output: Some(output),
        previous: None,
        no_previous: false,
        calendar: None,
        rebaseline: false,
        no_png: false,
    }
}

/// What a double-click with nothing dropped shows.
pub fn welcome(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => concat!(
            "plantrack：把团队填写的计划工作簿汇总成一份周报。\n",
            "\n",
            "怎么用：\n",
            "  1. 把一个文件夹（里面是各团队的工作簿）或几个工作簿，拖到 plantrack.exe 的图标上。\n",
            "  2. plantrack 读取它们，把汇总（如 618大促-summary-2026-11-26.xlsx）写在第一个文件或文件夹旁边。\n",
            "  3. 用 Excel 或 WPS 打开汇总：先看“概览”，再看“数据问题”。\n",
            "\n",
            "每周拖一次即可：上周的汇总在旁边时，“本周变化”表会列出这一周的变化。\n",
            "在命令行中运行 plantrack --help 可以看到全部命令（report、check、costs、init）。",
        ),
        Lang::En => concat!(
            "plantrack: turns your teams' plan workbooks into one weekly summary.\n",
            "\n",
            "How to use it:\n",
            "  1. Drag a folder (holding the teams' workbooks), or a few workbooks, onto plantrack.exe.\n",
            "  2. plantrack reads them and writes the summary (e.g. 618-summary-2026-11-26.xlsx)\n",
            "     beside the first file or folder.\n",
            "  3. Open the summary in Excel or WPS: start with Overview, then Data problems.\n",
            "\n",
            "Do it once a week: with last week's summary beside it, the Changes sheet lists what moved.\n",
            "In a terminal, plantrack --help lists every command (report, check, costs, init).",
        ),
    }
}

/// What a dropped run says after the summary's own lines.
pub fn after_drop(lang: Lang) -> &'static str {
    lang.pick(
        "用 Excel 或 WPS 打开汇总，先看“概览”表。",
        "Open the summary in Excel or WPS and start with the Overview sheet.",
    )
}

/// Waits for a key (Enter where the console cannot give single keys) so the window stays
/// open to be read. Returns at once when stdin is not a terminal and ends.
pub fn wait_for_key(lang: Lang) {
    crate::say!(
        "\n{}",
        lang.pick(
            "按任意键关闭窗口……",
            "Press any key to close this window..."
        )
    );
    if std::io::stdin().is_terminal() && read_one_key() {
        return;
    }
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

#[cfg(windows)]
fn read_one_key() -> bool {
    unsafe extern "C" {
        fn _getch() -> i32;
    }
    // SAFETY: _getch takes no arguments and reads one key from the console.
    unsafe { _getch() };
    true
}

#[cfg(not(windows))]
fn read_one_key() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    /// Everything that does not start with "-" or name a subcommand is an input here.
    fn any_path(p: &Path) -> bool {
        !p.to_string_lossy().contains("nope")
    }

    #[test]
    fn a_double_click_explains_and_a_terminal_gets_usage() {
        assert_eq!(decide(vec![], true, any_path), Launch::Welcome);
        assert_eq!(decide(vec![], false, any_path), Launch::Parse(vec![]));
    }

    #[test]
    fn a_drop_reports_and_a_typed_workbook_means_report() {
        let dropped = args(&[r"D:\活动\618 大促", r"D:\活动\华东组.xlsx"]);
        assert_eq!(
            decide(dropped.clone(), true, any_path),
            Launch::Dropped(dropped.iter().map(PathBuf::from).collect())
        );
        assert_eq!(
            decide(
                args(&["618大促.xlsx", "--as-of", "5月29日"]),
                true,
                any_path
            ),
            Launch::Parse(args(&["report", "618大促.xlsx", "--as-of", "5月29日"]))
        );
        assert_eq!(
            decide(args(&["618大促.xlsx"]), false, any_path),
            Launch::Parse(args(&["report", "618大促.xlsx"]))
        );
        for typed in [&["check", "a.xlsx"][..], &["--help"], &["nope"]] {
            assert_eq!(
                decide(args(typed), true, any_path),
                Launch::Parse(args(typed))
            );
        }
    }

    #[test]
    fn workbook_names_are_inputs_even_before_they_exist() {
        assert!(looks_like_input(Path::new("不存在的 计划.XLSX")));
        assert!(looks_like_input(Path::new(".")));
        assert!(!looks_like_input(Path::new("reprot")));
    }

    #[test]
    fn the_pause_follows_the_setting_then_the_console() {
        assert!(pause_wanted(Some("1"), false));
        assert!(!pause_wanted(Some("0"), true));
        assert!(pause_wanted(None, true));
        assert!(!pause_wanted(None, false));
    }

    #[test]
    fn a_dropped_folder_gets_its_summary_beside_it() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let r = dropped_report(vec![PathBuf::from("/共享/活动/618 大促")], today);
        assert_eq!(
            r.output,
            Some(PathBuf::from("/共享/活动/618 大促-summary-2026-11-26.xlsx"))
        );
        assert_eq!(r.input.as_of, Some(today));
        let r = dropped_report(vec![PathBuf::from("华东组.xlsx")], today);
        assert_eq!(
            r.output,
            Some(PathBuf::from("华东组-summary-2026-11-26.xlsx"))
        );
    }
}
