//! Many teams at once and the weekly cycle: a folder of team workbooks (one unreadable)
//! becomes one summary with a per-team table; a second week's run says what changed.

use rust_xlsxwriter::Workbook;

use crate::common::*;

/// A plan task as a test writes it: id, name, owner, start, due, progress %, status, actual.
type Task<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    f64,
    &'a str,
    f64,
);

/// Writes a small team workbook: Plan (goal "Sales 1M", one stage), Costs and Budget.
fn team_workbook(path: &std::path::Path, tasks: &[Task], costs: &[(&str, &str, f64)]) {
    let mut wb = Workbook::new();
    let plan = wb.add_worksheet();
    plan.set_name("Plan").unwrap();
    let headers = [
        "ID", "Goal", "Stage", "Task", "Owner", "Start", "Due", "Progress", "Status", "Target",
        "Actual",
    ];
    for (c, h) in headers.iter().enumerate() {
        plan.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (id, name, owner, start, due, progress, status, actual)) in tasks.iter().enumerate() {
        let r = i as u32 + 1;
        let cells = [*id, "Sales 1M", "Online 1M", name, owner, start, due];
        for (c, v) in cells.iter().enumerate() {
            plan.write_string(r, c as u16, *v).unwrap();
        }
        plan.write_number(r, 7, *progress).unwrap();
        plan.write_string(r, 8, *status).unwrap();
        plan.write_number(r, 9, 250_000.0).unwrap();
        plan.write_number(r, 10, *actual).unwrap();
    }
    let ledger = wb.add_worksheet();
    ledger.set_name("Costs").unwrap();
    for (c, h) in ["Date", "Category", "Item", "Amount"].iter().enumerate() {
        ledger.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (date, category, amount)) in costs.iter().enumerate() {
        let r = i as u32 + 1;
        ledger.write_string(r, 0, *date).unwrap();
        ledger.write_string(r, 1, *category).unwrap();
        ledger.write_string(r, 2, "spend").unwrap();
        ledger.write_number(r, 3, *amount).unwrap();
    }
    let budget = wb.add_worksheet();
    budget.set_name("Budget").unwrap();
    for (r, (c0, c1, c2)) in [("Category", "Budget", "Owner"), ("Ads", "10000", "Ann")]
        .iter()
        .enumerate()
    {
        budget.write_string(r as u32, 0, *c0).unwrap();
        budget.write_string(r as u32, 1, *c1).unwrap();
        budget.write_string(r as u32, 2, *c2).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn a_folder_of_three_teams_with_one_unreadable_is_still_summarised() {
    let dir = tempfile::tempdir().unwrap();
    let teams = dir.path().join("teams");
    std::fs::create_dir(&teams).unwrap();
    let t: &[Task] = &[(
        "1",
        "Ads",
        "Ann",
        "2026-11-01",
        "2026-11-20",
        50.0,
        "In progress",
        100.0,
    )];
    team_workbook(
        &teams.join("north.xlsx"),
        t,
        &[("2026-11-02", "Ads", 9000.0)],
    );
    team_workbook(
        &teams.join("south.xlsx"),
        t,
        &[("2026-11-02", "Ads", 3000.0)],
    );
    std::fs::write(teams.join("west.xlsx"), b"PK\x03\x04 broken zip").unwrap();
    let o = plantrack(
        dir.path(),
        &[
            "report", "teams", "--as-of", AS_OF, "-o", "out.xlsx", "--lang", "en",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("west.xlsx: the workbook is damaged or cut short"),
        "{err}"
    );
    let overview = sheet(&dir.path().join("out.xlsx"), "Overview");
    let north = row_with(&overview, 0, "north");
    assert_eq!(num(&north[2]), 100.0, "goal actual");
    assert_eq!(
        (num(&north[4]), num(&north[5])),
        (1.0, 1.0),
        "tasks, overdue"
    );
    assert_close(num(&north[9]), 0.9);
    let south = row_with(&overview, 0, "south");
    assert_close(num(&south[9]), 0.3);
    let total = row_with(&overview, 0, "Total");
    assert_eq!(num(&total[7]), 20_000.0);
    assert_eq!(num(&total[8]), 12_000.0);
    assert_close(num(&total[9]), 0.6);
    // check exits 2: a file could not be read at all.
    let o = plantrack(dir.path(), &["check", "teams", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_second_week_lists_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("team.xlsx");
    // Week 1 (as of 2026-11-19).
    team_workbook(
        &input,
        &[
            (
                "1",
                "Brief",
                "Ann",
                "2026-11-01",
                "2026-11-18",
                80.0,
                "In progress",
                0.0,
            ),
            (
                "2",
                "Ads",
                "Bob",
                "2026-11-05",
                "2026-11-25",
                40.0,
                "In progress",
                100_000.0,
            ),
            (
                "3",
                "Video",
                "Cy",
                "2026-11-10",
                "2026-12-01",
                10.0,
                "In progress",
                0.0,
            ),
            (
                "4",
                "Flyers",
                "Di",
                "2026-11-10",
                "2026-12-05",
                0.0,
                "Not started",
                0.0,
            ),
        ],
        &[("2026-11-10", "Ads", 4000.0)],
    );
    let o = plantrack(
        dir.path(),
        &["report", "team.xlsx", "--as-of", "2026-11-19"],
    );
    assert!(o.status.success());
    assert!(dir.path().join("team-summary-2026-11-19.xlsx").exists());
    // Week 2 (as of 2026-11-26): Brief done, Ads now overdue, Video moved a week,
    // Flyers dropped, Social added, more spending.
    team_workbook(
        &input,
        &[
            (
                "1",
                "Brief",
                "Ann",
                "2026-11-01",
                "2026-11-18",
                100.0,
                "Done",
                0.0,
            ),
            (
                "2",
                "Ads",
                "Bob",
                "2026-11-05",
                "2026-11-25",
                70.0,
                "In progress",
                300_000.0,
            ),
            (
                "3",
                "Video",
                "Cy",
                "2026-11-10",
                "2026-12-08",
                30.0,
                "In progress",
                0.0,
            ),
            (
                "5",
                "Social",
                "Ed",
                "2026-11-20",
                "2026-12-10",
                10.0,
                "In progress",
                0.0,
            ),
        ],
        &[("2026-11-10", "Ads", 4000.0), ("2026-11-24", "Ads", 4500.5)],
    );
    let o = plantrack(dir.path(), &["report", "team.xlsx", "--as-of", AS_OF]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("compared with"), "{err}");
    let out = dir.path().join("team-summary-2026-11-26.xlsx");
    assert_eq!(sheet_names(&out)[1], "Changes");
    let ch = sheet(&out, "Changes");
    let section = |title: &str| -> Vec<Vec<String>> {
        let at = ch.iter().position(|r| r[0] == title).unwrap();
        ch[at + 2..]
            .iter()
            .take_while(|r| r[0] != calamine::Data::Empty)
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let names = |title: &str| {
        section(title)
            .into_iter()
            .map(|r| r[1].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names("Newly overdue"), ["Ads"]);
    assert_eq!(names("No longer overdue"), ["Brief"]);
    assert_eq!(names("Finished this week"), ["Brief"]);
    assert_eq!(names("New tasks"), ["Social"]);
    assert_eq!(names("Removed tasks"), ["Flyers"]);
    let moved = section("Due dates moved");
    assert_eq!((moved[0][1].as_str(), moved[0][4].as_str()), ("Video", "7"));
    let burn = section("Budget burn this week");
    assert_eq!(burn[0][1], "Ads");
    assert_eq!(burn[0][5], "4500.5", "spent this week");
    let goals = section("Goal completion, then and now");
    assert_eq!(
        (goals[0][3].as_str(), goals[0][4].as_str()),
        ("100000", "300000")
    );
}

#[test]
fn a_foreign_previous_summary_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(EN_SAMPLE);
    let o = plantrack(
        dir.path(),
        &[
            "report",
            input.to_str().unwrap(),
            "--previous",
            input.to_str().unwrap(),
            "-o",
            "x.xlsx",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("not a summary written by plantrack"), "{err}");
}
