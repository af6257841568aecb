//! Units written in a header: "预算（万元）", "Budget (k)", "Amount (USD)" give a multiplier
//! and a currency for every value of the column.

use rust_decimal::Decimal;

use super::numbers::{pow10, strip_currency_prefix, strip_multiplier_prefix, strip_token_prefix};
use super::quantities::MEASURE_WORDS;
use super::text::canonical;

/// A multiplier and/or currency read from a header's trailing unit: `金额(元)`,
/// `预算（万元）`, `Budget (k)`, `Amount (USD)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitHint {
    /// Applies to every value of the column (1 when the unit names only a currency).
    pub multiplier: Decimal,
    /// The currency's symbol ("¥", "$", "€", "HK$"; see [`currency_in`]) where the unit
    /// names one: "元", "RMB" and "CNY" all give "¥", "USD" gives "$".
    pub currency: Option<String>,
}

/// Header text without its trailing unit, and the unit's meaning:
/// "目标值（万元）" -> ("目标值", multiplier 10000, "¥"); "Amount (USD)" -> ("Amount", 1, "$").
/// Brackets may be ( ) （ ） [ ] 【 】. Units read: a multiplier (万, 千, 百万, 亿, k, w, M,
/// thousand(s), million(s), '000), a currency (元, ¥, RMB, CNY, 人民币, $, USD, 美元, €...; given
/// as its symbol), both in either order ("k USD", "USD k", "万元"), an optional leading "in"
/// ("in USD"); and, as multiplier 1 with no currency, "%" and one measure word ("(篇)", "(个)").
/// Anything else in the brackets ("Status (note)") is not a unit: the header comes back
/// unchanged (trimmed) with no hint.
pub fn split_unit_hint(header: &str) -> (String, Option<UnitHint>) {
    let trimmed = header.trim();
    let split = bracketed_tail(trimmed).and_then(|(head, inner)| {
        let head = head.trim();
        let hint = unit_hint(inner)?;
        (!head.is_empty()).then(|| (head.to_string(), hint))
    });
    match split {
        Some((head, hint)) => (head, Some(hint)),
        None => (trimmed.to_string(), None),
    }
}

/// The text before a trailing bracket, and the bracket's contents.
fn bracketed_tail(s: &str) -> Option<(&str, &str)> {
    let close = s.strip_suffix([')', '）', ']', '】'])?;
    let open_at = close.rfind(['(', '（', '[', '【'])?;
    let open_len = close[open_at..].chars().next()?.len_utf8();
    Some((&close[..open_at], &close[open_at + open_len..]))
}

const HEADER_MULTIPLIERS: &[(&str, u32)] =
    &[("thousands", 3), ("millions", 6), ("'000", 3), ("000", 3)];

fn strip_header_multiplier(s: &str) -> Option<(&str, u32)> {
    HEADER_MULTIPLIERS
        .iter()
        .find_map(|(word, power)| Some((strip_token_prefix(s, word, false)?, *power)))
        .or_else(|| strip_multiplier_prefix(s))
}

fn unit_hint(inner: &str) -> Option<UnitHint> {
    let unit = canonical(inner);
    let unit = strip_token_prefix(&unit, "in ", false).unwrap_or(&unit);
    let unit: String = unit.chars().filter(|c| !c.is_whitespace()).collect();
    let mut chars = unit.chars();
    let single_measure =
        matches!((chars.next(), chars.next()), (Some(c), None) if MEASURE_WORDS.contains(c));
    if unit == "%" || single_measure {
        return Some(UnitHint {
            multiplier: Decimal::ONE,
            currency: None,
        });
    }
    multiplier_then_currency(&unit).or_else(|| currency_then_multiplier(&unit))
}

fn multiplier_then_currency(unit: &str) -> Option<UnitHint> {
    let (rest, power) = strip_header_multiplier(unit).map_or((unit, None), |(r, p)| (r, Some(p)));
    let (rest, currency) = strip_currency_prefix(rest).map_or((rest, None), |(r, c)| (r, Some(c)));
    hint_from(rest, power, currency)
}

fn currency_then_multiplier(unit: &str) -> Option<UnitHint> {
    let (rest, currency) = strip_currency_prefix(unit).map_or((unit, None), |(r, c)| (r, Some(c)));
    let (rest, power) = strip_header_multiplier(rest).map_or((rest, None), |(r, p)| (r, Some(p)));
    hint_from(rest, power, currency)
}

/// A hint when the whole unit was read and it named something.
fn hint_from(rest: &str, power: Option<u32>, currency: Option<&str>) -> Option<UnitHint> {
    if !rest.is_empty() || (power.is_none() && currency.is_none()) {
        return None;
    }
    Some(UnitHint {
        multiplier: pow10(power.unwrap_or(0))?,
        currency: currency.map(str::to_string),
    })
}

/// A unit note written above a table (or beside its title), which applies to the table's money
/// columns: "单位：万元", "金额单位：元", "（单位：万元）", "Unit: USD", "Units: $000",
/// "(£000)", "(in thousands)", "All figures in USD thousands", "RMB'000". None for any other
/// text, and for a note that names neither a multiplier nor a currency.
pub fn unit_note(text: &str) -> Option<UnitHint> {
    let s = canonical(text);
    let s = s.trim();
    if s.chars().count() > 60 {
        return None;
    }
    let lower = s.to_lowercase();
    // "单位：万元", "金额单位:元", "Unit: USD", "Units - $000".
    for word in ["单位", "units", "unit"] {
        if let Some(at) = lower.find(word) {
            let rest = lower[at + word.len()..]
                .trim_start_matches([':', '：', '-', ' ', '='])
                .trim_end_matches([')', '）', ']', '】', '。', '.']);
            let rest = rest
                .split([',', ';', '，', '；'])
                .next()
                .unwrap_or(rest)
                .trim();
            if let Some(hint) = note_hint(rest) {
                return Some(hint);
            }
        }
    }
    // "(£000)", "（万元）", "(in thousands)": a whole cell that is one bracketed unit.
    if let Some(("", inner)) = bracketed_tail(s).map(|(h, i)| (h.trim(), i)) {
        return note_hint(&inner.to_lowercase());
    }
    // "in thousands", "All figures in USD thousands", "amounts in $k".
    let at = lower.rfind("in ")?;
    let before_ok = at == 0 || lower[..at].ends_with(' ') || lower[..at].ends_with('(');
    let rest = lower[at + 3..].trim_end_matches([')', '.']).trim();
    before_ok.then(|| note_hint(rest)).flatten()
}

/// A note's unit, which must name a multiplier or a currency ("%" or "篇" is not a money note).
fn note_hint(unit: &str) -> Option<UnitHint> {
    let unit = unit.trim();
    let words: String = unit
        .replace("thousands of", "thousands")
        .replace("dollars", "usd")
        .replace("000s", "000");
    let hint = unit_hint(&words)?;
    (hint.multiplier != Decimal::ONE || hint.currency.is_some()).then_some(hint)
}

#[cfg(test)]
#[path = "headers_tests.rs"]
mod tests;
