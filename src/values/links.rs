//! Predecessor links as teams write them: MS Project's "3FS", "1FS", "3SS+2", "3FF-1d", and
//! words: "after 物料设计", "物料设计之后", "在物料设计完成后", "等物料设计完成". Each piece of a
//! predecessor cell becomes a typed link: the task it names, the link type and the lag.

/// How two linked tasks' dates relate (MS Project's four link types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LinkKind {
    /// The successor starts once the predecessor finishes (the default).
    #[default]
    FinishToStart,
    /// The successor starts once the predecessor starts.
    StartToStart,
    /// The successor finishes once the predecessor finishes.
    FinishToFinish,
    /// The successor finishes once the predecessor starts.
    StartToFinish,
}

/// One predecessor piece read: the task it names (an id or a name, as written), the link
/// type, and the lag in days (negative: lead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub target: String,
    pub kind: LinkKind,
    pub lag_days: i64,
}

/// Words around a task name that mean "after it finishes", longer first.
const AFTER_PREFIXES: &[&str] = &["after ", "following ", "once ", "when ", "在", "待", "等"];
const AFTER_SUFFIXES: &[&str] = &[
    " is done",
    " is complete",
    " completes",
    " done",
    "完成之后",
    "结束之后",
    "完成以后",
    "完成后",
    "结束后",
    "完成",
    "之后",
    "以后",
    "后",
];

/// A predecessor piece as a typed link. "3FS" -> (3, finish-to-start, 0), "3SS+2" ->
/// (3, start-to-start, +2 days), "5FF-1d" -> (5, finish-to-finish, -1), "after 物料设计" /
/// "物料设计之后" / "在物料设计完成后" -> (物料设计, finish-to-start, 0). None when the piece
/// is none of these (a bare id or name is looked up as written).
pub fn parse_link(piece: &str) -> Option<Link> {
    let text = super::text::normalize_width(piece);
    project_link(&text).or_else(|| worded_link(&text))
}

/// "3FS", "3 SS+2", "T1.2FF-1d", "3FS+2天", "3fs+1w".
fn project_link(text: &str) -> Option<Link> {
    let upper = text.to_ascii_uppercase();
    let (at, kind) = [
        ("FS", LinkKind::FinishToStart),
        ("SS", LinkKind::StartToStart),
        ("FF", LinkKind::FinishToFinish),
        ("SF", LinkKind::StartToFinish),
    ]
    .into_iter()
    .filter_map(|(code, kind)| Some((upper.rfind(code)?, kind)))
    .max_by_key(|(at, _)| *at)?;
    let target = text[..at].trim();
    let lag = text[at + 2..].trim();
    // The code must follow something that looks like an id: digits, or letters and digits.
    if target.is_empty() || !target.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(Link {
        target: target.to_string(),
        kind,
        lag_days: lag_days(lag)?,
    })
}

/// "", "+2", "-1", "+2d", "+2 days", "+2天", "+1w", "+1周", "+2工作日".
fn lag_days(text: &str) -> Option<i64> {
    if text.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match text.chars().next()? {
        '+' => (1, &text[1..]),
        '-' => (-1, &text[1..]),
        _ => return None,
    };
    let rest = rest.trim();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let n: i64 = rest[..digits].parse().ok()?;
    let unit = rest[digits..].trim().to_lowercase();
    let per = match unit.as_str() {
        "" | "d" | "day" | "days" | "天" | "日" | "工作日" | "wd" | "ed" | "edays" => 1,
        "w" | "wk" | "wks" | "week" | "weeks" | "周" | "星期" => 7,
        _ => return None,
    };
    Some(sign * n * per)
}

/// "after X", "X之后", "在X完成后", "等X完成", "X is done".
fn worded_link(text: &str) -> Option<Link> {
    let lower = text.to_lowercase();
    let mut start = 0;
    for p in AFTER_PREFIXES {
        if lower.starts_with(p) {
            start = p.len();
            break;
        }
    }
    let mut end = text.len();
    if let Some(s) = AFTER_SUFFIXES.iter().find(|s| lower[start..].ends_with(*s)) {
        end = lower.len() - s.len();
    }
    if start == 0 && end == text.len() {
        return None;
    }
    let target = text.get(start..end.max(start))?.trim();
    (!target.is_empty()).then(|| Link {
        target: target.to_string(),
        kind: LinkKind::FinishToStart,
        lag_days: 0,
    })
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
