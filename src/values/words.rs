//! Status and progress words: one vocabulary, both languages, for the status column, the
//! progress column and a weekly row's actual. Teams write 完成, 已完成, 正常-已完成, 8成, Done,
//! Published, Approved, Pending Review; each reads as what the person meant.
//!
//! Words are compared after [`fold`] (case, width, spaces, traditional characters). A cell
//! that joins words ("正常-已完成", "Done (late)") reads as its decisive word: done or cancelled
//! wins over the rest, else the last word recognised.

use crate::model::WrittenStatus;

use super::text::fold;

/// Each status and the folded words that mean it.
const STATUS_WORDS: &[(WrittenStatus, &[&str])] = &[
    (
        WrittenStatus::Done,
        &[
            "已完成",
            "完成",
            "已完结",
            "完结",
            "已结束",
            "结束",
            "已上线",
            "上线",
            "已发布",
            "发布",
            "已发",
            "已交付",
            "交付",
            "已验收",
            "验收",
            "验收通过",
            "已通过",
            "通过",
            "已关闭",
            "关闭",
            "已落地",
            "落地",
            "搞定",
            "已搞定",
            "ok",
            "done",
            "completed",
            "complete",
            "finished",
            "closed",
            "published",
            "posted",
            "approved",
            "delivered",
            "live",
            "golive",
            "launched",
            "shipped",
            "resolved",
            "signedoff",
            "accepted",
            // A "Done?" / 是否完成 column.
            "yes",
            "是",
        ],
    ),
    (
        WrittenStatus::Cancelled,
        &[
            "取消",
            "已取消",
            "作废",
            "已作废",
            "终止",
            "已终止",
            "不做",
            "cancelled",
            "canceled",
            "dropped",
            "abandoned",
            "void",
            "wontdo",
            "notneeded",
        ],
    ),
    (
        WrittenStatus::Delayed,
        &[
            "延期",
            "已延期",
            "延迟",
            "已延迟",
            "滞后",
            "逾期",
            "已逾期",
            "落后",
            "超期",
            "有风险",
            "风险",
            "delayed",
            "late",
            "behind",
            "overdue",
            "slipped",
            "atrisk",
            "offtrack",
        ],
    ),
    (
        WrittenStatus::OnHold,
        &[
            "暂停",
            "已暂停",
            "挂起",
            "搁置",
            "阻塞",
            "受阻",
            "onhold",
            "paused",
            "hold",
            "blocked",
            "waiting",
            "suspended",
        ],
    ),
    (
        WrittenStatus::InProgress,
        &[
            "进行中",
            "执行中",
            "正在进行",
            "处理中",
            "跟进中",
            "推进中",
            "制作中",
            "开发中",
            "设计中",
            "筹备中",
            "已开始",
            "正常",
            "按计划",
            "正常进行",
            "待审核",
            "审核中",
            "待审批",
            "审批中",
            "待验收",
            "待发布",
            "待上线",
            "inprogress",
            "ongoing",
            "started",
            "wip",
            "active",
            "ontrack",
            "pendingreview",
            "inreview",
            "underreview",
            "review",
            "pendingapproval",
            "awaitingapproval",
            "draft",
            "drafting",
            "scheduled",
            "inproduction",
            "doing",
        ],
    ),
    (
        WrittenStatus::NotStarted,
        &[
            "未开始",
            "待开始",
            "尚未开始",
            "没开始",
            "未启动",
            "待启动",
            "计划中",
            "待办",
            "notstarted",
            "notyetstarted",
            "todo",
            "open",
            "new",
            "planned",
            "backlog",
            "queued",
            "pending",
            "upcoming",
            "idea",
            "待定",
            "no",
            "否",
        ],
    ),
];

/// The status a word names, in either language (see the module doc). "8成" is in progress,
/// "10成" and "100%" done, "0%" not started.
pub fn status_word(text: &str) -> Option<WrittenStatus> {
    let folded = fold(text);
    // A mark before or after the word ("✅ Done", "🟡 In progress", "● 进行中") says nothing more.
    let folded = folded.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
    if let Some(s) = exact_status(folded) {
        return Some(s);
    }
    if let Some(share) = share_word(folded) {
        return Some(status_of_share(share));
    }
    let parts: Vec<WrittenStatus> = folded
        .split(|c: char| "-/()|,;:_·、，；：".contains(c))
        .filter_map(|p| exact_status(p).or_else(|| share_word(p).map(status_of_share)))
        .collect();
    [WrittenStatus::Done, WrittenStatus::Cancelled]
        .into_iter()
        .find(|s| parts.contains(s))
        .or_else(|| parts.last().copied())
}

fn exact_status(folded: &str) -> Option<WrittenStatus> {
    STATUS_WORDS
        .iter()
        .find(|(_, words)| words.contains(&folded))
        .map(|(s, _)| *s)
}

fn status_of_share(share: f64) -> WrittenStatus {
    if share >= 1.0 {
        WrittenStatus::Done
    } else if share <= 0.0 {
        WrittenStatus::NotStarted
    } else {
        WrittenStatus::InProgress
    }
}

/// A progress cell written in words: done words are 1, not-started words 0, "8成"/"八成" 0.8,
/// "一半"/"half" 0.5. None for other words (a delayed task says nothing of its progress).
pub fn progress_word(text: &str) -> Option<f64> {
    let folded = fold(text);
    if let Some(share) = share_word(&folded) {
        return Some(share);
    }
    match status_word(text)? {
        WrittenStatus::Done => Some(1.0),
        WrittenStatus::NotStarted => Some(0.0),
        _ => None,
    }
}

const CHINESE_DIGITS: &str = "零一二三四五六七八九十";

/// "8成" -> 0.8, "八成" -> 0.8, "十成" -> 1, "一半"/"half"/"过半" -> 0.5.
fn share_word(folded: &str) -> Option<f64> {
    if matches!(folded, "一半" | "half" | "过半" | "半") {
        return Some(0.5);
    }
    let count = folded.strip_suffix('成')?;
    let tenths = match count.parse::<u32>() {
        Ok(n) => n,
        Err(_) => {
            let mut chars = count.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            u32::try_from(CHINESE_DIGITS.chars().position(|d| d == c)?).ok()?
        }
    };
    (tenths <= 10).then(|| f64::from(tenths) / 10.0)
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
