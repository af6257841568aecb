//! What plantrack promises about its outputs and inputs: outputs appear whole or not at all
//! (no temporary file left behind, success or failure), an output never overwrites an input
//! however the path is spelled, inputs are never written to, and the same inputs and as-of
//! date give the same bytes.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::common::*;
use crate::workbooks::messy_workbook;

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

#[test]
fn no_temporary_file_remains_after_success_or_failure() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(EN_SAMPLE);
    let input = input.to_str().unwrap();
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "out.xlsx"],
    );
    assert!(o.status.success());
    assert!(dir.path().join("out.xlsx").is_file());
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
    // The rename fails: the target is a folder that is not empty.
    std::fs::create_dir(dir.path().join("taken.xlsx")).unwrap();
    std::fs::write(dir.path().join("taken.xlsx/keep"), "x").unwrap();
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "taken.xlsx"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("taken.xlsx"), "{err}");
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
    // The folder does not exist: nothing is written anywhere.
    let o = plantrack(
        dir.path(),
        &["report", input, "--as-of", AS_OF, "-o", "no/such/out.xlsx"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn an_output_that_is_an_input_is_refused_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), dir.path().join("team.xlsx")).unwrap();
    std::os::unix::fs::symlink("team.xlsx", dir.path().join("link.xlsx")).unwrap();
    let before = std::fs::read(dir.path().join("team.xlsx")).unwrap();
    let absolute = dir.path().join("team.xlsx");
    for (input, output) in [
        ("team.xlsx", "./team.xlsx"),
        ("./team.xlsx", absolute.to_str().unwrap()),
        ("team.xlsx", "link.xlsx"),
        ("link.xlsx", "team.xlsx"),
    ] {
        let o = plantrack(
            dir.path(),
            &["report", input, "-o", output, "--as-of", AS_OF],
        );
        assert_eq!(o.status.code(), Some(2), "{input} -> {output}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("is one of the inputs"), "{err}");
        assert_eq!(std::fs::read(dir.path().join("team.xlsx")).unwrap(), before);
    }
}

/// A folder of teams as input, and the output aimed at one of its workbooks.
#[test]
fn an_output_that_is_a_workbook_inside_an_input_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let teams = dir.path().join("teams");
    std::fs::create_dir(&teams).unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), teams.join("west.xlsx")).unwrap();
    let before = std::fs::read(teams.join("west.xlsx")).unwrap();
    let o = plantrack(
        dir.path(),
        &["report", "teams", "-o", "teams/west.xlsx", "--as-of", AS_OF],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(teams.join("west.xlsx")).unwrap(), before);
}

fn fingerprint(files: &[PathBuf]) -> Vec<(Vec<u8>, SystemTime)> {
    files
        .iter()
        .map(|f| {
            let meta = std::fs::metadata(f).unwrap();
            (std::fs::read(f).unwrap(), meta.modified().unwrap())
        })
        .collect()
}

#[test]
fn inputs_are_never_written_to() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = ["sample-workbooks", "tests/fixtures"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).unwrap().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx" || e == "ods"))
        .map(|p| {
            let copy = dir.path().join(p.file_name().unwrap());
            std::fs::copy(&p, &copy).unwrap();
            copy
        })
        .collect();
    files.sort();
    let before = fingerprint(&files);
    let args: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    let mut check = vec!["check", "--as-of", AS_OF];
    check.extend(&args);
    plantrack(dir.path(), &check);
    let mut report = vec!["report", "--as-of", AS_OF, "-o", "out.xlsx"];
    report.extend(&args);
    assert!(plantrack(dir.path(), &report).status.success());
    assert_eq!(fingerprint(&files), before);
}

/// Every output of every command (report, costs as workbook, CSV and JSON, check, init), run
/// twice on the same inputs and as-of date, is the same bytes: a folder of several teams
/// read in parallel, in either language.
#[test]
fn every_output_is_byte_identical_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let teams = dir.path().join("teams");
    std::fs::create_dir(&teams).unwrap();
    for seed in 0..8 {
        messy_workbook(seed, &teams.join(format!("team-{seed}.xlsx")));
    }
    for s in [ZH_SAMPLE, EN_SAMPLE] {
        std::fs::copy(samples().join(s), teams.join(s)).unwrap();
    }
    let teams = teams.to_str().unwrap();
    let run = |args: &[&str]| {
        let o = plantrack(dir.path(), args);
        (o.status.code(), o.stdout, o.stderr)
    };
    for lang in ["zh", "en"] {
        let check = ["check", teams, "--as-of", AS_OF, "--lang", lang];
        assert_eq!(run(&check), run(&check), "check --lang {lang}");
        let mut outputs = Vec::new();
        for n in 0..2 {
            let out = format!("out-{lang}-{n}.xlsx");
            let r = run(&[
                "report", teams, "--as-of", AS_OF, "--lang", lang, "-o", &out,
            ]);
            assert_eq!(r.0, Some(0), "{}", String::from_utf8_lossy(&r.2));
            outputs.push(std::fs::read(dir.path().join(out)).unwrap());
        }
        assert!(
            outputs[0] == outputs[1],
            "report --lang {lang} differs between runs"
        );
        let json = ["costs", teams, "--as-of", AS_OF, "--lang", lang, "--json"];
        assert_eq!(run(&json), run(&json), "costs --json --lang {lang}");
        for (flag, ext) in [("-o", "xlsx"), ("--csv", "csv")] {
            let mut files = Vec::new();
            for n in 0..2 {
                let out = format!("costs-{lang}-{n}.{ext}");
                let r = run(&["costs", teams, "--as-of", AS_OF, "--lang", lang, flag, &out]);
                assert_eq!(r.0, Some(0), "{}", String::from_utf8_lossy(&r.2));
                files.push(std::fs::read(dir.path().join(out)).unwrap());
            }
            assert!(files[0] == files[1], "costs {flag} --lang {lang} differs");
        }
        // The template names its own file in its instructions: the same name, two folders.
        let mut templates = Vec::new();
        for n in 0..2 {
            let folder = dir.path().join(format!("init-{lang}-{n}"));
            std::fs::create_dir(&folder).unwrap();
            let o = plantrack(&folder, &["init", "--lang", lang, "-o", "team.xlsx"]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
            templates.push(std::fs::read(folder.join("team.xlsx")).unwrap());
        }
        assert!(templates[0] == templates[1], "init --lang {lang} differs");
    }
}
