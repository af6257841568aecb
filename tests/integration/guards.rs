//! Nothing silently wrong (issue 14): plantrack's own outputs in a team folder are skipped,
//! a file that breaks part-way is not counted in part, outputs are written safely to any
//! kind of target, and long texts are capped instead of failing the run.

use std::path::Path;

use crate::common::*;

/// `costs .` and `check .` output, stdout and stderr, as the weekly run's hook compares them.
fn figures(dir: &Path) -> (String, String) {
    let costs = plantrack(dir, &["costs", ".", "--json", "--as-of", AS_OF]);
    let check = plantrack(dir, &["check", ".", "--as-of", AS_OF]);
    let all = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    (all(&costs), all(&check))
}

#[test]
fn weekly_runs_in_the_team_folder_do_not_change_the_figures() {
    for sample in [EN_SAMPLE, ZH_SAMPLE] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(samples().join(sample), dir.path().join(sample)).unwrap();
        let before = figures(dir.path());
        for as_of in ["2026-11-19", "2026-11-26"] {
            let o = plantrack(dir.path(), &["report", ".", "--as-of", as_of]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let o = plantrack(dir.path(), &["costs", ".", "--as-of", AS_OF]);
        assert!(o.status.success());
        assert_eq!(figures(dir.path()), before, "{sample}");
        // Three outputs lie beside the team's file; the summary lists the two read past.
        let summary = dir.path().join("plantrack-summary-2026-11-26.xlsx");
        let o = plantrack(
            dir.path(),
            &["report", ".", "--as-of", AS_OF, "-o", "again.xlsx"],
        );
        assert!(o.status.success());
        let problems = sheet_names(&dir.path().join("again.xlsx"))
            .into_iter()
            .find(|n| n == "Data problems" || n == "数据问题")
            .unwrap();
        let rows = sheet(&dir.path().join("again.xlsx"), &problems);
        let skipped: Vec<String> = rows
            .iter()
            .filter(|r| r.iter().any(|c| text(c).contains("plantrack")))
            .map(|r| r.iter().map(text).collect::<Vec<_>>().join("|"))
            .collect();
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert!(summary.is_file());
    }
}

#[test]
fn a_summary_named_as_input_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), dir.path().join("team.xlsx")).unwrap();
    let o = plantrack(
        dir.path(),
        &["report", "team.xlsx", "--as-of", AS_OF, "-o", "s.xlsx"],
    );
    assert!(o.status.success());
    let o = plantrack(
        dir.path(),
        &["check", "team.xlsx", "s.xlsx", "--as-of", AS_OF],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("s.xlsx: a summary plantrack wrote: skipped"),
        "{err}"
    );
    assert_ne!(o.status.code(), Some(2), "{err}");
    // Only the summary: nothing to read.
    let o = plantrack(dir.path(), &["costs", "s.xlsx", "--json", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
}

/// A ledger of `rows` expenses over six budget lines, as an export makes it.
pub fn big_ledger(path: &Path, rows: u32) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let lines = ["Paid social", "Search", "Events", "Print", "Video", "PR"];
    {
        let ws = wb.add_worksheet();
        ws.set_name("Budget").unwrap();
        ws.write_row(0, 0, ["Category", "Budget"]).unwrap();
        for (i, l) in lines.iter().enumerate() {
            ws.write_string(i as u32 + 1, 0, *l).unwrap();
            ws.write_number(i as u32 + 1, 1, 1_000_000.0).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("Costs").unwrap();
    ws.write_row(0, 0, ["Date", "Category", "Item", "Amount"])
        .unwrap();
    for r in 1..=rows {
        ws.write_string(r, 0, format!("2026-11-{:02}", r % 28 + 1))
            .unwrap();
        ws.write_string(r, 1, lines[r as usize % 6]).unwrap();
        ws.write_string(r, 2, format!("item {r} {}", r * 7919 % 10007))
            .unwrap();
        ws.write_number(r, 3, 20.0 + f64::from(r % 50)).unwrap();
    }
    wb.save(path).unwrap();
}

fn no_leftovers(dir: &Path, keep: &[&str]) {
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn devices_are_written_directly_and_stay_devices() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(EN_SAMPLE);
    let input = input.to_str().unwrap();
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "/dev/null"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // CSV to standard output, a pipe here.
    let o = plantrack(
        dir.path(),
        &["costs", input, "--as-of", AS_OF, "--csv", "/dev/stdout"],
    );
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Paid social,50000.00,40050.00"));
    // A full device: the error names it, in one line, exit 2, no truncated success.
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "/dev/full"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot write /dev/full: No space left on device (os error 28)"),
        "{err}"
    );
    assert!(!err.contains("IoError") && !err.contains(".tmp"), "{err}");
    no_leftovers(dir.path(), &[]);
}

#[test]
fn a_full_disk_under_json_is_an_error_not_a_truncated_success() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .current_dir(dir.path())
        .args([
            "costs",
            samples().join(EN_SAMPLE).to_str().unwrap(),
            "--json",
        ])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot write to standard output: No space left on device (os error 28)"),
        "{err}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_documented_exit_code() {
    for (args, code) in [
        (vec!["check", "--as-of", AS_OF], 0),
        (vec!["costs", "--json", "--as-of", AS_OF], 0),
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_plantrack"))
            .args(&args)
            .arg(samples().join(ZH_SAMPLE))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written (`| head -0`).
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
    }
}

/// Runs plantrack in `dir` with stdout and stderr piped, closes the pipe the test names
/// before anything is written (the reader went away: `| head -0`, `2>&1 | head -0`), and
/// returns the exit code and what the other pipe got.
fn with_a_closed_pipe(dir: &std::path::Path, args: &[&str], close_stderr: bool) -> (i32, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .current_dir(dir)
        .args(args)
        .env("LANG", "C.UTF-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    if close_stderr {
        drop(child.stderr.take());
    } else {
        drop(child.stdout.take());
    }
    let o = child.wait_with_output().unwrap();
    let other = if close_stderr { &o.stdout } else { &o.stderr };
    let other = String::from_utf8_lossy(other).into_owned();
    assert!(!other.contains("panicked"), "{args:?}: {other}");
    // A panic exits 101.
    (o.status.code().unwrap_or(-1), other)
}

/// A closed stdout or stderr never panics (`eprintln!` and `println!` would): the lines are
/// dropped and the run ends with the exit code it would have had.
#[test]
fn a_closed_stdout_or_stderr_leaves_the_exit_code_and_the_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let samples = samples();
    let samples = samples.to_str().unwrap();
    let bad = zh_sample_with_errors(dir.path());
    let bad = bad.to_str().unwrap();
    // stdout closed: check --explain, check on errors, --help.
    let explain = ["check", "--explain", samples, "--as-of", AS_OF];
    assert_eq!(with_a_closed_pipe(dir.path(), &explain, false).0, 0);
    let errors = ["check", "--explain", bad, "--as-of", AS_OF];
    assert_eq!(with_a_closed_pipe(dir.path(), &errors, false).0, 1);
    assert_eq!(with_a_closed_pipe(dir.path(), &["--help"], false).0, 0);
    // stderr closed: report still writes its summary and exits 0; a refused argument and a
    // missing file still exit 2.
    let report = [
        "report", samples, "--as-of", AS_OF, "-o", "s.xlsx", "--no-png",
    ];
    assert_eq!(with_a_closed_pipe(dir.path(), &report, true).0, 0);
    assert_eq!(sheet_names(&dir.path().join("s.xlsx"))[0], "Overview");
    let costs = ["costs", samples, "--as-of", AS_OF, "-o", "c.xlsx"];
    assert_eq!(with_a_closed_pipe(dir.path(), &costs, true).0, 0);
    assert!(dir.path().join("c.xlsx").is_file());
    let (code, out) = with_a_closed_pipe(dir.path(), &["check", bad, "--as-of", AS_OF], true);
    assert_eq!(code, 1);
    assert!(out.contains("成本支出明细!E15"), "{out}");
    assert_eq!(
        with_a_closed_pipe(dir.path(), &["report", "--bogus"], true).0,
        2
    );
    assert_eq!(
        with_a_closed_pipe(dir.path(), &["check", "missing.xlsx"], true).0,
        2
    );
}

#[test]
fn a_non_xlsx_name_for_a_workbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(EN_SAMPLE);
    for name in ["out.ods", "out.csv", "out"] {
        let o = plantrack(
            dir.path(),
            &[
                "report",
                input.to_str().unwrap(),
                "--as-of",
                AS_OF,
                "-o",
                name,
            ],
        );
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("does not end in .xlsx"), "{err}");
    }
    no_leftovers(dir.path(), &[]);
}

#[test]
fn a_second_run_on_one_output_fails_with_a_message_while_the_first_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(EN_SAMPLE);
    let input = input.to_str().unwrap();
    // A live run holds the lock (this test's own process id stands for it).
    let lock = dir.path().join(".out.xlsx.plantrack-lock");
    std::fs::write(&lock, std::process::id().to_string()).unwrap();
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "out.xlsx"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("another plantrack run"), "{err}");
    assert!(!dir.path().join("out.xlsx").exists());
    // A lock left by a run that died is taken over, and removed after.
    std::fs::write(&lock, "4194999").unwrap();
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "out.xlsx"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    no_leftovers(dir.path(), &["out.xlsx"]);
}

/// Kills `costs -o` at moments spread over its run with each signal; nothing but the input
/// (and, if the kill came after the rename, the complete output) is left.
#[test]
fn signals_at_any_moment_leave_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    big_ledger(&dir.path().join("ledger.xlsx"), 30_000);
    // How long one run takes here.
    let started = std::time::Instant::now();
    let o = plantrack(
        dir.path(),
        &["costs", "ledger.xlsx", "--as-of", AS_OF, "-o", "out.xlsx"],
    );
    assert!(o.status.success());
    let full = started.elapsed();
    std::fs::remove_file(dir.path().join("out.xlsx")).unwrap();
    for (i, signal) in ["TERM", "INT", "HUP", "TERM", "INT", "HUP", "TERM", "TERM"]
        .iter()
        .enumerate()
    {
        let at = full.mul_f64(0.3 + 0.1 * i as f64);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_plantrack"))
            .current_dir(dir.path())
            .args(["costs", "ledger.xlsx", "--as-of", AS_OF, "-o", "out.xlsx"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        let _ = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status();
        child.wait().unwrap();
        no_leftovers(dir.path(), &["ledger.xlsx", "out.xlsx"]);
        let out = dir.path().join("out.xlsx");
        if out.exists() {
            // Only ever the complete workbook.
            assert!(sheet_names(&out).len() >= 3, "{signal} at {at:?}");
            std::fs::remove_file(out).unwrap();
        }
    }
}

/// 64 bytes flipped in the middle of a big ledger: the file is read whole or not at all.
#[test]
fn a_file_that_breaks_part_way_is_not_counted_in_part() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.xlsx");
    big_ledger(&ledger, 30_000);
    std::fs::copy(samples().join(EN_SAMPLE), dir.path().join(EN_SAMPLE)).unwrap();
    let whole = plantrack(dir.path(), &["costs", ".", "--json", "--as-of", AS_OF]);
    let expenses = |json: &serde_json::Value| -> u64 {
        let teams = json["teams"].as_array().unwrap();
        teams.iter().map(|t| t["expenses"].as_u64().unwrap()).sum()
    };
    let whole: serde_json::Value = serde_json::from_slice(&whole.stdout).unwrap();
    assert_eq!(expenses(&whole), 30_012);

    let mut bytes = std::fs::read(&ledger).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 64] {
        *b = !*b;
    }
    std::fs::write(&ledger, bytes).unwrap();
    let o = plantrack(dir.path(), &["costs", ".", "--json", "--as-of", AS_OF]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ledger.xlsx: the workbook is damaged"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // Only the good team's 12 expenses: none of the broken file's.
    assert_eq!(expenses(&json), 12, "{json}");
    assert_eq!(json["failed"][0]["file"], "./ledger.xlsx");
    assert!(json["teams"].as_array().unwrap().len() == 1);
    // CSV: a row marks the file not read.
    let o = plantrack(
        dir.path(),
        &["costs", ".", "--csv", "out.csv", "--as-of", AS_OF],
    );
    assert!(o.status.success());
    let csv = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    let marker = csv
        .lines()
        .find(|l| l.starts_with("./ledger.xlsx"))
        .unwrap();
    assert!(marker.contains("Not read"), "{marker}");
    // The workbook: no ledger row of the broken file, and the file on Data problems.
    let o = plantrack(
        dir.path(),
        &["costs", ".", "-o", "c.xlsx", "--as-of", AS_OF],
    );
    assert!(o.status.success());
    let names = sheet_names(&dir.path().join("c.xlsx"));
    let ledger_rows = sheet(&dir.path().join("c.xlsx"), &names[2]);
    assert_eq!(
        ledger_rows.len(),
        13,
        "header and the good team's 12 expenses"
    );
    // check: a file not read exits 2; report lists it as an error.
    let o = plantrack(dir.path(), &["check", ".", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
    let o = plantrack(
        dir.path(),
        &["report", ".", "--as-of", AS_OF, "-o", "s.xlsx"],
    );
    assert!(o.status.success());
}

/// The English sample with a 40,000-character text in every text cell of each sheet's first
/// data row, and 2,000 overdue tasks for one owner (openpyxl: it writes what Excel would not).
fn overlong_workbook(path: &Path) {
    let script = r#"
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb:
    for cell in ws[2]:
        if isinstance(cell.value, str):
            cell.value = cell.value + " @@LONG@@"
plan = wb["Plan"]
for i in range(2000):
    plan.append([f"9.{i}", None, None, f"Overdue task {i}", "Dana Brooks",
                 datetime.datetime(2026, 10, 1), datetime.datetime(2026, 11, 1), None,
                 None, None, None, None, 10, "In progress", None])
wb.save(sys.argv[2] + ".tmp")
# openpyxl cuts texts at Excel's limit: the long texts go in afterwards, as other writers
# (and hand edits) leave them.
import zipfile
src = zipfile.ZipFile(sys.argv[2] + ".tmp")
out = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    out.writestr(item, data.replace(b"@@LONG@@", b"x" * 40000))
out.close()
"#;
    let ok = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(samples().join(EN_SAMPLE))
        .arg(path)
        .status()
        .expect("python3 with openpyxl");
    assert!(ok.success());
}

/// Every cell of every sheet of a written workbook, and every row height.
fn longest_cell_and_tallest_row(path: &Path) -> (usize, f64) {
    let mut longest = 0;
    for name in sheet_names(path) {
        for row in sheet(path, &name) {
            for c in row {
                if let calamine::Data::String(t) = c {
                    longest = longest.max(t.encode_utf16().count());
                }
            }
        }
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut tallest: f64 = 0.0;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        if !part.name().is_ok_and(|n| n.starts_with("xl/worksheets/")) {
            continue;
        }
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
        for piece in xml.split(" ht=\"").skip(1) {
            let h: f64 = piece.split('"').next().unwrap().parse().unwrap();
            tallest = tallest.max(h);
        }
    }
    (longest, tallest)
}

#[test]
fn overlong_texts_and_lists_are_capped_and_the_summary_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.xlsx");
    overlong_workbook(&input);
    let o = plantrack(
        dir.path(),
        &["report", "long.xlsx", "--as-of", AS_OF, "-o", "s.xlsx"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = dir.path().join("s.xlsx");
    let (longest, tallest) = longest_cell_and_tallest_row(&summary);
    assert!(longest <= 32_767, "{longest}");
    assert!(
        longest > 30_000,
        "the long texts are kept up to the limit: {longest}"
    );
    assert!(tallest <= 409.0, "{tallest}");
    // Dana's 2,001 overdue tasks: the first 20 named, then the count of the others.
    let owners = sheet(&summary, "Owners");
    let dana = row_with(&owners, 1, "Dana Brooks");
    assert_eq!(num(&dana[4]), 2001.0);
    assert!(
        text(&dana[8]).ends_with("… and 1,981 more"),
        "{}",
        text(&dana[8])
    );
    // A cut text says so at its place.
    let tasks = sheet(&summary, "Tasks");
    assert!(
        tasks
            .iter()
            .flatten()
            .any(|c| matches!(c, calamine::Data::String(t) if t.ends_with("characters in all]"))),
        "no cut note"
    );
    let o = plantrack(
        dir.path(),
        &["costs", "long.xlsx", "--as-of", AS_OF, "-o", "c.xlsx"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (longest, tallest) = longest_cell_and_tallest_row(&dir.path().join("c.xlsx"));
    assert!(longest <= 32_767 && tallest <= 409.0, "{longest} {tallest}");
}

/// Runs plantrack under a 2 GiB address-space limit (an allocation past it aborts).
fn bounded(dir: &Path, args: &str) -> std::process::Output {
    let script = format!(
        "ulimit -v 2097152; exec \"{}\" {args}",
        env!("CARGO_BIN_EXE_plantrack")
    );
    assert_cmd::Command::new("sh")
        .current_dir(dir)
        .args(["-c", &script])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn decoys_that_parse_differently_are_refused_and_previous_is_guarded_too() {
    let dir = tempfile::tempdir().unwrap();
    let decoys = root().join("tests/fuzz-regressions");
    for f in ["guard-decoy-first-repeat.ods", "guard-decoy-end-tag.ods"] {
        let o = bounded(
            dir.path(),
            &format!("check {} --as-of {AS_OF}", decoys.join(f).display()),
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{f}: {err}");
        assert!(
            err.contains("cells, over plantrack's limit of 5,000,000"),
            "{f}: {err}"
        );
    }
    // Last week's "summary" beside the output, found by the default --previous.
    std::fs::copy(samples().join(EN_SAMPLE), dir.path().join(EN_SAMPLE)).unwrap();
    std::fs::copy(
        decoys.join("guard-decoy-previous-summary.xlsx"),
        dir.path().join("launch-team-west-summary-2026-11-19.xlsx"),
    )
    .unwrap();
    let o = bounded(dir.path(), &format!("report {EN_SAMPLE} --as-of {AS_OF}"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        dir.path()
            .join("launch-team-west-summary-2026-11-26.xlsx")
            .is_file()
    );
}

#[test]
fn odd_folder_entries_are_reported_on_one_line_and_a_linked_team_counts_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let teams = dir.path().join("teams");
    std::fs::create_dir(&teams).unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), teams.join("west.xlsx")).unwrap();
    symlink("west.xlsx", teams.join("west-again.xlsx")).unwrap();
    symlink("nowhere.xlsx", teams.join("gone.xlsx")).unwrap();
    symlink("loop-b.xlsx", teams.join("loop-a.xlsx")).unwrap();
    symlink("loop-a.xlsx", teams.join("loop-b.xlsx")).unwrap();
    std::fs::create_dir(teams.join("old.xlsx")).unwrap();
    let fifo = teams.join("pipe.xlsx");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = plantrack_with_timeout(
        dir.path(),
        &["costs", "teams", "--json", "--as-of", AS_OF],
        std::time::Duration::from_secs(30),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    let line: Vec<&str> = err.lines().filter(|l| l.contains("not files")).collect();
    assert_eq!(
        line,
        vec![
            "plantrack: teams: skipped 5 entries that are not files: \"gone.xlsx\" (a link to nothing), \"loop-a.xlsx\" (a link loop), \"loop-b.xlsx\" (a link loop), \"old.xlsx\" (a folder), \"pipe.xlsx\" (a FIFO (named pipe))"
        ],
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // One team, its 12 expenses once.
    assert_eq!(json["teams"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json["totals"]["expenses"], 12);
    // A FIFO named as input is refused at once, with why.
    let o = plantrack_with_timeout(
        dir.path(),
        &["check", "teams/pipe.xlsx", "--as-of", AS_OF],
        std::time::Duration::from_secs(30),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("this is a FIFO (named pipe), not a file"),
        "{err}"
    );
}

#[test]
fn control_characters_in_names_are_escaped_when_printed() {
    let dir = tempfile::tempdir().unwrap();
    let o = plantrack(
        dir.path(),
        &["check", "evil\u{202E}xslx.xlsx", "bell\u{7}.xlsx"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !err.contains('\u{202E}') && !err.contains('\u{7}'),
        "{err:?}"
    );
    assert!(
        err.contains("evil\\u{202e}xslx.xlsx: no such file"),
        "{err}"
    );
}

/// A ledger as a CSV file, in the encodings teams' tools save.
#[test]
fn csv_ledgers_are_read_in_utf8_and_gbk_and_a_wrong_guess_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = "日期,费用科目,事项,金额\n2026-11-02,直播推广费,坑位费,18000\n2026-11-05,物料制作,海报印刷,\"1,250.50\"\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let files: [(&str, Vec<u8>); 3] = [
        ("utf8", text.as_bytes().to_vec()),
        (
            "bom",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("gbk", gbk.into_owned()),
    ];
    for (name, bytes) in files {
        let folder = dir.path().join(name);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("华东组.csv"), bytes).unwrap();
        let o = plantrack(dir.path(), &["costs", name, "--json", "--as-of", AS_OF]);
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["teams"][0]["team"], "华东组", "{name}");
        assert_eq!(json["teams"][0]["expenses"], 2, "{name}");
        assert_eq!(json["teams"][0]["spent"], "19250.50", "{name}");
    }
    // Latin-1 decodes as GB18030 too, into nonsense: refused, not read.
    std::fs::write(
        dir.path().join("cafe.csv"),
        b"Date,Budget line,Item,Amount\n2026-11-02,Caf\xe9 cr\xe8me,Brasserie Am\xe9lie,12\n",
    )
    .unwrap();
    let o = plantrack(dir.path(), &["check", "cafe.csv", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("save it as CSV UTF-8"), "{err}");
}

/// An .ods without its mimetype entry, which LibreOffice opens.
#[test]
fn an_ods_without_its_mimetype_entry_is_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("budget.ods");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("META-INF/manifest.xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", opts).unwrap();
    let cell = |v: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    };
    let num = |v: &str| {
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
        )
    };
    let rows = [
        format!(
            "{}{}{}{}",
            cell("Date"),
            cell("Budget line"),
            cell("Item"),
            cell("Amount")
        ),
        format!(
            "{}{}{}{}",
            cell("2026-11-02"),
            cell("Ads"),
            cell("Search"),
            num("1200")
        ),
        format!(
            "{}{}{}{}",
            cell("2026-11-03"),
            cell("Ads"),
            cell("Social"),
            num("800.5")
        ),
    ];
    let body: String = rows
        .iter()
        .map(|r| format!("<table:table-row>{r}</table:table-row>"))
        .collect();
    write!(zip, r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Costs">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#).unwrap();
    zip.finish().unwrap();
    let o = plantrack(
        dir.path(),
        &["costs", "budget.ods", "--json", "--as-of", AS_OF],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["teams"][0]["expenses"], 2, "{json}");
    assert_eq!(json["teams"][0]["spent"], "2000.50");
}
