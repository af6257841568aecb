//! Quantities inside a text: "发布笔记10篇" -> 10 篇, "新品首月销售额500万" -> 5,000,000,
//! "主播3名、预算10万" -> budget 100,000.
//!
//! - A quantity inside a text is chosen in this order: (1) the first number carrying a
//!   multiplier or a currency mark, (2) the first percentage, (3) the last number followed by a
//!   measure word ("10篇", "10 posts"), (4) the first amount written after "预算"/"budget",
//!   (5) the last other number, (6) the last number at all. Numbers written after
//!   "预算"/"budget" rank only at (4) or below: they are the budget, not the target. Numbers
//!   that look like labels (Q4, W47, 双11, 第3周, 2026年, 11-26) rank only at (6).
//! - English measure words are lower-cased and made singular ("10 Posts" -> "post"), so a
//!   plan of "10 posts" and an actual of "1 post" share a unit.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::numbers::{CURRENCIES, MULTIPLIERS, is_prefix_currency, parse_number, pow10};
use super::text::{
    is_ascii_letter_at, skip_spaces, skip_spaces_back, text_chars, token_at, token_before,
    word_bounded,
};
use crate::model::Quantity;

/// One-character measure words that become a quantity's unit ("10篇", "3名").
pub(super) const MEASURE_WORDS: &str = "篇名个场条家人次件位款支张份单笔期集套组项轮天本部台辆块只盒瓶袋箱包批户间所座首幅段帖贴则封例票节课门届页章";

/// English words after a number that are not its unit ("10 in Q4").
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "in", "on", "at", "by", "for", "of", "to", "and", "or", "per", "from",
    "with", "before", "after", "until", "within", "vs", "each", "every", "this", "next", "last",
    "than", "into", "over", "under", "about", "around", "more", "less", "is", "are", "was",
    "budget",
];

/// Characters right after a number that make it a date or an ordinal, not a quantity.
const LABEL_AFTER: &str = "年月日号周时点";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Has a multiplier or a currency mark.
    Money,
    Percent,
    Plain,
}

/// A number found inside a text, with what surrounds it.
#[derive(Debug)]
struct Found {
    /// One past the number's last mark (multiplier, currency, unit).
    end: usize,
    value: Decimal,
    unit: Option<String>,
    mark: Mark,
    /// Looks like part of a name or date: Q4, 双11, 第3周, 2026年, 11-26.
    label: bool,
    /// Written right after "预算"/"budget".
    budget: bool,
}

/// One past the digits of the number starting at `start`: digits, groups of ",ddd", and one
/// ".ddd" fraction.
fn number_end(chars: &[char], start: usize) -> usize {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut end = start;
    while digit(end) {
        end += 1;
    }
    while chars.get(end) == Some(&',') && (1..=3).all(|k| digit(end + k)) && !digit(end + 4) {
        end += 4;
    }
    if chars.get(end) == Some(&'.') && digit(end + 1) {
        end += 1;
        while digit(end) {
            end += 1;
        }
    }
    end
}

/// The start of a currency mark written before the number at `start`, if any.
fn currency_before(chars: &[char], start: usize) -> Option<usize> {
    let end = skip_spaces_back(chars, start);
    CURRENCIES
        .iter()
        .filter(|(word, _)| is_prefix_currency(word))
        .find_map(|(word, _)| {
            let len = token_before(chars, end, word)?;
            word_bounded(chars, end - len, end, word).then(|| end - len)
        })
}

/// A currency mark written after `pos` (spaces allowed): one past its end.
fn currency_after(chars: &[char], pos: usize) -> Option<usize> {
    let at = skip_spaces(chars, pos);
    CURRENCIES.iter().find_map(|(word, _)| {
        let len = token_at(chars, at, word, false)?;
        word_bounded(chars, at, at + len, word).then_some(at + len)
    })
}

/// A multiplier after the digits ending at `pos`: its power and one past its end. Letter
/// multipliers ("5k", "2M") must touch the digits; words may follow a space ("2 million").
fn multiplier_after(chars: &[char], pos: usize) -> Option<(u32, usize)> {
    let spaced = skip_spaces(chars, pos);
    MULTIPLIERS.iter().find_map(|m| {
        let single_letter = m.word.len() == 1;
        let at = if single_letter { pos } else { spaced };
        let len = token_at(chars, at, m.word, m.exact_case)?;
        let bounded = !m.word.is_ascii() || !is_ascii_letter_at(chars, at + len);
        bounded.then_some((m.power, at + len))
    })
}

/// A measure word after `pos`: "篇" in "10篇", "post" in "10 posts".
fn unit_after(chars: &[char], pos: usize) -> Option<(String, usize)> {
    let at = skip_spaces(chars, pos);
    let first = *chars.get(at)?;
    if MEASURE_WORDS.contains(first) {
        return Some((first.to_string(), at + 1));
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let len = chars[at..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word: String = chars[at..at + len]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let reserved = STOP_WORDS.contains(&word.as_str())
        || MULTIPLIERS
            .iter()
            .any(|m| m.word.eq_ignore_ascii_case(&word))
        || CURRENCIES
            .iter()
            .any(|(c, _)| c.eq_ignore_ascii_case(&word));
    (!reserved).then(|| (singular(&word), at + len))
}

/// A lower-case English word in the singular: posts -> post, stories -> story.
fn singular(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    for ending in ["ches", "shes", "sses", "xes"] {
        if word.len() > ending.len() + 1 && word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.len() > 2 && word.ends_with('s') && !word.ends_with("ss") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Does the number spanning `start..end` look like part of a name or a date?
fn is_label(chars: &[char], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let after = chars.get(end).copied();
    let named = before.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '第' | '双' | '#'));
    let dated = after.is_some_and(|c| LABEL_AFTER.contains(c));
    let chained_before = matches!(before, Some('-' | '/')) && start >= 2 && digit(start - 2);
    let chained_after = matches!(after, Some('-' | '/')) && digit(end + 1);
    named || dated || chained_before || chained_after || after_label_word(chars, start)
}

/// English words after which a number names something ("Project 1", "Phase 2", "No. 3").
const LABEL_WORDS: &[&str] = &[
    "project",
    "phase",
    "stage",
    "step",
    "wave",
    "part",
    "round",
    "sprint",
    "milestone",
    "no",
    "no.",
    "version",
    "batch",
    "season",
    "week",
    "wk",
    "campaign",
    "workstream",
];
/// Chinese words right before a number that name something ("项目1", "阶段2").
const LABEL_WORDS_ZH: &[&str] = &["项目", "阶段", "批次", "版本", "方案", "编号"];

/// Is the number at `start` written after a naming word ("Project 1", "项目1")?
fn after_label_word(chars: &[char], start: usize) -> bool {
    if LABEL_WORDS_ZH
        .iter()
        .any(|w| token_before(chars, start, w).is_some())
    {
        return true;
    }
    let end = skip_spaces_back(chars, start);
    let mut begin = end;
    while begin > 0 && (chars[begin - 1].is_ascii_alphabetic() || chars[begin - 1] == '.') {
        begin -= 1;
    }
    let word: String = chars[begin..end].iter().collect::<String>().to_lowercase();
    LABEL_WORDS.contains(&word.as_str())
}

/// Is the text just before `start` "预算" or "budget" (then ":", "为", "of"... and spaces)?
fn after_budget_word(chars: &[char], start: usize) -> bool {
    let mut end = start;
    loop {
        let before = end;
        while end > 0 && (chars[end - 1].is_whitespace() || ":=为是约".contains(chars[end - 1]))
        {
            end -= 1;
        }
        for word in ["of", "is"] {
            if let Some(len) = token_before(chars, end, word)
                && word_bounded(chars, end - len, end, word)
            {
                end -= len;
            }
        }
        if end == before {
            break;
        }
    }
    token_before(chars, end, "预算").is_some() || token_before(chars, end, "budget").is_some()
}

/// Is "预算" or "budget" written right after `end`?
fn before_budget_word(chars: &[char], end: usize) -> bool {
    let at = skip_spaces(chars, end);
    token_at(chars, at, "预算", true).is_some() || token_at(chars, at, "budget", false).is_some()
}

/// The number whose digits start at `start` and end at `digits_end`, with its marks.
fn found_at(chars: &[char], start: usize, digits_end: usize) -> Option<Found> {
    let digits: String = chars[start..digits_end]
        .iter()
        .filter(|c| **c != ',')
        .collect();
    let mut value = Decimal::from_str(&digits).ok()?;
    let currency_start = currency_before(chars, start);
    let mut mark = if currency_start.is_some() {
        Mark::Money
    } else {
        Mark::Plain
    };
    let mut unit = None;
    let mut end = digits_end;
    let after = skip_spaces(chars, digits_end);
    if chars.get(after) == Some(&'%') {
        value = value.checked_div(Decimal::ONE_HUNDRED)?;
        mark = Mark::Percent;
        unit = Some("%".to_string());
        end = after + 1;
    } else {
        if let Some((power, next)) = multiplier_after(chars, end) {
            value = value.checked_mul(pow10(power)?)?;
            mark = Mark::Money;
            end = next;
        }
        if let Some(next) = currency_after(chars, end) {
            mark = Mark::Money;
            end = next;
        } else if let Some((word, next)) = unit_after(chars, end) {
            unit = Some(word);
            end = next;
        }
    }
    let start_with_currency = currency_start.unwrap_or(start);
    Some(Found {
        end,
        value: value.normalize(),
        unit,
        mark,
        label: is_label(chars, start, digits_end),
        budget: after_budget_word(chars, start_with_currency),
    })
}

/// Every number in the text, left to right.
fn numbers_in(chars: &[char]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let digits_end = number_end(chars, i);
        if let Some(number) = found_at(chars, i, digits_end) {
            found.push(number);
        }
        i = digits_end;
    }
    found
}

/// The rank of a number as "the" quantity of a text: lower wins. See the module doc.
fn rank(number: &Found) -> u8 {
    let measured = number.unit.is_some();
    match (number.budget, number.mark) {
        (false, Mark::Money) => 1,
        (false, Mark::Percent) => 2,
        (false, Mark::Plain) if measured && !number.label => 3,
        (true, Mark::Money | Mark::Percent) => 4,
        (false, Mark::Plain) if !number.label => 5,
        _ => 6,
    }
}

/// Within ranks 1, 2 and 4 the first number wins; within the others, the last.
fn best_quantity(found: &[Found]) -> Option<&Found> {
    let best = found.iter().map(rank).min()?;
    let mut tied = found.iter().filter(|f| rank(f) == best);
    if matches!(best, 1 | 2 | 4) {
        tied.next()
    } else {
        tied.next_back()
    }
}

/// The quantity inside a text: "发布笔记10篇" -> 10 篇, "确定3名主播" -> 3 名,
/// "新品首月销售额500万" -> 5000000, "618大促预算10万" -> 100000 (a number with a multiplier
/// or currency mark wins; failing that, a number with a measure word, then the last number;
/// see the module doc for the full order). Whole-cell numbers parse too.
pub fn quantity_in_text(text: &str) -> Option<Quantity> {
    if let Some(quantity) = parse_number(text) {
        return Some(quantity);
    }
    let chars = text_chars(text);
    let found = numbers_in(&chars);
    best_quantity(&found).map(|f| Quantity {
        value: f.value,
        unit: f.unit.clone(),
    })
}

/// The target written in a goal or stage name: what [`quantity_in_text`] reads, except a
/// number that only labels the name ("Project 1", "Phase 2", "项目1", "2026年", "Q4"), which is
/// no target. "线上渠道300万" -> 3,000,000; "Project 1" -> None.
pub fn target_in_text(text: &str) -> Option<Quantity> {
    if let Some(quantity) = parse_number(text) {
        return Some(quantity);
    }
    let chars = text_chars(text);
    let found = numbers_in(&chars);
    best_quantity(&found)
        .filter(|f| rank(f) < 6)
        .map(|f| Quantity {
            value: f.value,
            unit: f.unit.clone(),
        })
}

/// The budget written inside a resources text: "主播3名、预算10万" -> 100000,
/// "预算：¥8,000" -> 8000, "budget 5k" -> 5000, and an amount written just before the word:
/// "10万预算", "$5k budget".
pub fn budget_in_text(text: &str) -> Option<Decimal> {
    let chars = text_chars(text);
    let found = numbers_in(&chars);
    let amount = |f: &&Found| f.mark != Mark::Percent && f.unit.is_none();
    found
        .iter()
        .filter(amount)
        .find(|f| f.budget)
        .or_else(|| {
            found
                .iter()
                .filter(amount)
                .find(|f| f.mark == Mark::Money && before_budget_word(&chars, f.end))
        })
        .map(|f| f.value)
}

#[cfg(test)]
#[path = "quantities_tests.rs"]
mod tests;
