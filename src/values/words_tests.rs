//! Tests for the status and progress vocabulary, in both languages.

use super::*;
use WrittenStatus::*;

#[test]
fn the_words_of_unseen_workbooks_read_as_meant() {
    for (text, meant) in [
        ("完成", Done),
        ("已完成", Done),
        ("正常-已完成", Done),
        ("已上线", Done),
        ("Done", Done),
        ("complete", Done),
        ("Published", Done),
        ("Approved", Done),
        ("進行中", InProgress),
        ("进行中", InProgress),
        ("Pending Review", InProgress),
        ("正常", InProgress),
        ("8成", InProgress),
        ("延期", Delayed),
        ("Delayed", Delayed),
        ("At risk", Delayed),
        ("未开始", NotStarted),
        ("Not Started", NotStarted),
        ("暂停", OnHold),
        ("Blocked", OnHold),
        ("已取消", Cancelled),
        ("Canceled", Cancelled),
        ("Done (late)", Done),
        ("延期/进行中", InProgress),
    ] {
        assert_eq!(status_word(text), Some(meant), "{text}");
    }
}

#[test]
fn unknown_words_stay_unknown() {
    for text in ["", "看情况", "see notes", "-"] {
        assert_eq!(status_word(text), None, "{text}");
    }
}

#[test]
fn progress_in_words() {
    assert_eq!(progress_word("完成"), Some(1.0));
    assert_eq!(progress_word("Done"), Some(1.0));
    assert_eq!(progress_word("8成"), Some(0.8));
    assert_eq!(progress_word("八成"), Some(0.8));
    assert_eq!(progress_word("十成"), Some(1.0));
    assert_eq!(progress_word("一半"), Some(0.5));
    assert_eq!(progress_word("未开始"), Some(0.0));
    assert_eq!(progress_word("延期"), None);
    assert_eq!(progress_word("11成"), None);
}

#[test]
fn marks_beside_the_word_and_yes_no_columns() {
    for (text, meant) in [
        ("✅ Done", Done),
        ("🟡 In progress", InProgress),
        ("⬜ Not started", NotStarted),
        ("● 进行中", InProgress),
        ("Yes", Done),
        ("是", Done),
        ("No", NotStarted),
        ("Idea", NotStarted),
    ] {
        assert_eq!(status_word(text), Some(meant), "{text}");
    }
    assert_eq!(status_word("—"), None);
}
