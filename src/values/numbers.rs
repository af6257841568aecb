//! Whole-cell numbers and money: "1,200", "¥1.2万", "(1,200)", "-3.5k", "80%", "RMB 500",
//! and the currency a text names. Multiplier and currency tokens live here because the
//! quantity and header readers share them.
//!
//! Rules chosen where the contract is open:
//! - Thousands separators must group by three ("1,234", "1 234 567"); "1,2" is not a number.
//! - Multipliers: 万/萬 1e4, 亿/億 1e8, 千 1e3, 百 1e2, and the compounds 十万, 百万, 千万,
//!   百亿, 千亿, 万亿; k/K 1e3, w/W 1e4, M 1e6 (capital only: "m" is not a multiplier), and the
//!   words thousand, million/mn, billion/bn.
//! - Negative numbers are read in whole cells only, never inside a text.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::text::{canonical, text_chars, token_at, word_bounded};
use crate::model::Quantity;

// ---------------------------------------------------------------------------------------------
// Tokens shared by the number readers
// ---------------------------------------------------------------------------------------------

/// A multiplier word and its power of ten. Longer words come first so "千万" is not read as
/// "万" after a stray "千". `exact_case` tokens match only as written (M, not m).
pub(super) struct Multiplier {
    pub(super) word: &'static str,
    pub(super) power: u32,
    pub(super) exact_case: bool,
}

const fn mult(word: &'static str, power: u32, exact_case: bool) -> Multiplier {
    Multiplier {
        word,
        power,
        exact_case,
    }
}

pub(super) const MULTIPLIERS: &[Multiplier] = &[
    mult("thousand", 3, false),
    mult("million", 6, false),
    mult("billion", 9, false),
    mult("万亿", 12, true),
    mult("千亿", 11, true),
    mult("百亿", 10, true),
    mult("千万", 7, true),
    mult("百万", 6, true),
    mult("十万", 5, true),
    mult("mn", 6, false),
    mult("bn", 9, false),
    mult("亿", 8, true),
    mult("万", 4, true),
    mult("千", 3, true),
    mult("百", 2, true),
    mult("k", 3, true),
    mult("K", 3, true),
    mult("w", 4, true),
    mult("W", 4, true),
    mult("M", 6, true),
];

/// Currency words and marks with their canonical symbol, longer first ("美元" before "元",
/// "HK$" before "$"). ASCII words match in any case.
pub(super) const CURRENCIES: &[(&str, &str)] = &[
    ("人民币", "¥"),
    ("美元", "$"),
    ("欧元", "€"),
    ("港元", "HK$"),
    ("港币", "HK$"),
    ("新台币", "NT$"),
    ("台币", "NT$"),
    ("新加坡元", "S$"),
    ("新币", "S$"),
    ("英镑", "£"),
    ("HK$", "HK$"),
    ("NT$", "NT$"),
    ("US$", "$"),
    ("S$", "S$"),
    ("RMB", "¥"),
    ("CNY", "¥"),
    ("USD", "$"),
    ("EUR", "€"),
    ("HKD", "HK$"),
    ("NTD", "NT$"),
    ("TWD", "NT$"),
    ("SGD", "S$"),
    ("GBP", "£"),
    ("¥", "¥"),
    ("￥", "¥"),
    ("$", "$"),
    ("€", "€"),
    ("£", "£"),
    ("元", "¥"),
];

/// Currency words that are not written before a number (元 in "单元3" is no currency).
pub(super) fn is_prefix_currency(word: &str) -> bool {
    !matches!(
        word,
        "元" | "美元" | "欧元" | "港元" | "港币" | "新加坡元" | "新币" | "英镑"
    )
}

fn token_eq(candidate: &str, token: &str, exact_case: bool) -> bool {
    if exact_case {
        candidate == token
    } else {
        candidate.eq_ignore_ascii_case(token)
    }
}

/// `s` without a leading `token`; ASCII letters compare case-insensitively unless `exact_case`.
pub(super) fn strip_token_prefix<'a>(s: &'a str, token: &str, exact_case: bool) -> Option<&'a str> {
    let head = s.get(..token.len())?;
    if token_eq(head, token, exact_case) {
        s.get(token.len()..)
    } else {
        None
    }
}

/// `s` without a trailing `token`.
pub(super) fn strip_token_suffix<'a>(s: &'a str, token: &str, exact_case: bool) -> Option<&'a str> {
    let cut = s.len().checked_sub(token.len())?;
    let tail = s.get(cut..)?;
    if token_eq(tail, token, exact_case) {
        s.get(..cut)
    } else {
        None
    }
}

pub(super) fn strip_currency_prefix(s: &str) -> Option<(&str, &'static str)> {
    CURRENCIES
        .iter()
        .find_map(|(word, symbol)| Some((strip_token_prefix(s, word, false)?, *symbol)))
}

fn strip_currency_suffix(s: &str) -> Option<(&str, &'static str)> {
    CURRENCIES
        .iter()
        .find_map(|(word, symbol)| Some((strip_token_suffix(s, word, false)?, *symbol)))
}

pub(super) fn strip_multiplier_prefix(s: &str) -> Option<(&str, u32)> {
    MULTIPLIERS
        .iter()
        .find_map(|m| Some((strip_token_prefix(s, m.word, m.exact_case)?, m.power)))
}

fn strip_multiplier_suffix(s: &str) -> Option<(&str, u32)> {
    MULTIPLIERS
        .iter()
        .find_map(|m| Some((strip_token_suffix(s, m.word, m.exact_case)?, m.power)))
}

/// 10^power, or None past Decimal's range.
pub(super) fn pow10(power: u32) -> Option<Decimal> {
    (0..power).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(Decimal::TEN))
}

/// `value` times 10^exponent, or None on overflow.
fn scale_by_ten(value: Decimal, exponent: i32) -> Option<Decimal> {
    let factor = pow10(exponent.unsigned_abs())?;
    if exponent >= 0 {
        value.checked_mul(factor)
    } else {
        value.checked_div(factor)
    }
}

// ---------------------------------------------------------------------------------------------
// Whole-cell numbers
// ---------------------------------------------------------------------------------------------

/// The marks found around a whole-cell number.
#[derive(Default)]
struct Affixes {
    open_paren: bool,
    close_paren: bool,
    signed: bool,
    negative: bool,
    currency_before: bool,
    currency_after: bool,
    power: Option<u32>,
    percent: bool,
}

impl Affixes {
    /// Strips "(", a sign and a currency mark, in any order, each at most once.
    fn strip_prefixes<'a>(&mut self, text: &'a str) -> &'a str {
        let mut s = text.trim_start();
        loop {
            if !self.open_paren && !self.signed {
                if let Some(rest) = s.strip_prefix('(') {
                    self.open_paren = true;
                    s = rest.trim_start();
                    continue;
                }
                if let Some(rest) = s.strip_prefix(['+', '-']) {
                    self.signed = true;
                    self.negative = s.starts_with('-');
                    s = rest.trim_start();
                    continue;
                }
            }
            if !self.currency_before
                && let Some((rest, _)) = strip_currency_prefix(s)
            {
                self.currency_before = true;
                s = rest.trim_start();
                continue;
            }
            return s;
        }
    }

    /// Strips, from the end, ")", "%", a currency and a multiplier: the currency must follow
    /// the multiplier ("万元", not "元万"), and "%" stands alone.
    fn strip_suffixes<'a>(&mut self, text: &'a str) -> &'a str {
        let mut s = text.trim_end();
        loop {
            if self.open_paren
                && !self.close_paren
                && let Some(rest) = s.strip_suffix(')')
            {
                self.close_paren = true;
                s = rest.trim_end();
                continue;
            }
            let bare = self.power.is_none() && !self.percent;
            if bare && !self.currency_after {
                if let Some(rest) = s.strip_suffix('%') {
                    self.percent = true;
                    s = rest.trim_end();
                    continue;
                }
                if let Some((rest, _)) = strip_currency_suffix(s) {
                    self.currency_after = true;
                    s = rest.trim_end();
                    continue;
                }
            }
            if bare && let Some((rest, power)) = strip_multiplier_suffix(s) {
                self.power = Some(power);
                s = rest.trim_end();
                continue;
            }
            return s;
        }
    }

    /// The number's value once its marks are applied.
    fn apply(&self, value: Decimal) -> Option<Quantity> {
        let money = self.currency_before || self.currency_after;
        if self.open_paren != self.close_paren || (self.percent && money) {
            return None;
        }
        let mut value = match self.power {
            Some(power) => value.checked_mul(pow10(power)?)?,
            None => value,
        };
        if self.percent {
            value = value.checked_div(Decimal::ONE_HUNDRED)?;
        }
        if self.negative || self.open_paren {
            value = -value;
        }
        Some(Quantity {
            value: value.normalize(),
            unit: self.percent.then(|| "%".to_string()),
        })
    }
}

/// A whole cell read as a number: "1,200", "¥1.2万", "(1,200)", "-3.5k", "2w", "1.5M",
/// "80%" (0.8, unit "%"), "１２３", "RMB 500", "500元", "1亿", "1.5e3". The unit is None for
/// plain numbers and money, "%" for percentages. None when the text is not a number.
pub fn parse_number(text: &str) -> Option<Quantity> {
    let s = canonical(text);
    let mut affixes = Affixes::default();
    let rest = affixes.strip_prefixes(&s);
    let core = affixes.strip_suffixes(rest);
    let value = parse_digits(core)?;
    affixes.apply(value)
}

/// Digits with optional thousands grouping, fraction and exponent: "1,234.5", ".5", "1e3".
fn parse_digits(core: &str) -> Option<Decimal> {
    let (mantissa, exponent) = split_exponent(core)?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int = ungroup(int)?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int = if int.is_empty() { "0" } else { &int };
    let frac = if frac.is_empty() { "0" } else { frac };
    let value = Decimal::from_str(&format!("{int}.{frac}")).ok()?;
    scale_by_ten(value, exponent)
}

/// The mantissa and the power of ten of "1.5e3" / "2E-2"; exponents beyond ±28 are refused.
fn split_exponent(core: &str) -> Option<(&str, i32)> {
    let Some(at) = core.find(['e', 'E']) else {
        return Some((core, 0));
    };
    let (mantissa, exp) = (&core[..at], &core[at + 1..]);
    let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let exponent: i32 = exp.parse().ok()?;
    (exponent.abs() <= 28).then_some((mantissa, exponent))
}

/// The integer digits without thousands separators ("," or " "), which must group by three.
fn ungroup(int: &str) -> Option<String> {
    let separator = match (int.contains(','), int.contains(' ')) {
        (false, false) => {
            return int
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| int.to_string());
        }
        (true, false) => ',',
        (false, true) => ' ',
        (true, true) => return None,
    };
    let mut digits = String::with_capacity(int.len());
    for (i, group) in int.split(separator).enumerate() {
        let size_ok = if i == 0 {
            (1..=3).contains(&group.len())
        } else {
            group.len() == 3
        };
        if !size_ok || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

/// Exact decimal for a float read from a cell, using its shortest round-trip form
/// (0.1 -> 0.1, not 0.1000000000000000055...). None for NaN or infinities, and beyond
/// Decimal's range (about ±7.9e28). Values below 1e-28 round to 0.
pub fn decimal_from_f64(value: f64) -> Option<Decimal> {
    if !value.is_finite() || value.abs() >= 7.9e28 {
        return None;
    }
    if value.abs() < 1e-28 {
        return Some(Decimal::ZERO);
    }
    Decimal::from_str(&format!("{value}"))
        .ok()
        .map(|d| d.normalize())
}

/// The currency named in a text, if any, as its symbol: "¥"/"￥"/"元"/"RMB"/"CNY"/"人民币" ->
/// "¥", "$"/"USD"/"US$"/"美元" -> "$", "€"/"EUR"/"欧元" -> "€", "HK$"/"HKD"/"港元"/"港币" ->
/// "HK$". The first one written wins. Letter codes count only as whole words, and 元 in
/// 单元/公元/纪元/次元 is no currency.
pub fn currency_in(text: &str) -> Option<String> {
    let chars = text_chars(text);
    (0..chars.len()).find_map(|at| {
        CURRENCIES.iter().find_map(|(word, symbol)| {
            let len = token_at(&chars, at, word, false)?;
            let bounded = word_bounded(&chars, at, at + len, word);
            let not_yuan = *word == "元" && at > 0 && "单公纪次".contains(chars[at - 1]);
            (bounded && !not_yuan).then(|| symbol.to_string())
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Amounts as people write them: approximate, free
// ---------------------------------------------------------------------------------------------

/// Words that make an amount approximate, written before it ("约2000", "~2k", "approx. 2,000")
/// or after it ("2000左右"). Longer words first.
const APPROX_BEFORE: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "around",
    "about",
    "circa",
    "roughly",
    "est.",
    "ca.",
    "大约",
    "大概",
    "约合",
    "预计",
    "预估",
    "估计",
    "约",
    "~",
    "≈",
    "〜",
    "～",
];
const APPROX_AFTER: &[&str] = &["左右", "上下", "ish", "多"];

/// An amount written as approximate: "约2000" -> 2000, "~2k" -> 2000, "2000左右" -> 2000,
/// "approx. $1,200" -> 1200. None when the text has no such word or the rest is not a number
/// (a plain "2000" is None here: it is exact, and [`parse_number`] reads it).
pub fn approximate_number(text: &str) -> Option<Quantity> {
    let s = canonical(text);
    let s = s.trim();
    let before = APPROX_BEFORE
        .iter()
        .find_map(|w| strip_token_prefix(s, w, false));
    let rest = match before {
        Some(rest) => rest.trim(),
        None => APPROX_AFTER
            .iter()
            .find_map(|w| strip_token_suffix(s, w, false))?
            .trim(),
    };
    let rest = APPROX_AFTER
        .iter()
        .find_map(|w| strip_token_suffix(rest, w, false))
        .map_or(rest, str::trim);
    parse_number(rest)
}

/// A cell that says the thing cost nothing: "Free", "免费", "FOC", "free of charge", "赠送".
pub fn is_free(text: &str) -> bool {
    let s = canonical(text).to_lowercase();
    let s = s.trim().trim_end_matches(['!', '.', '！', '。']);
    matches!(
        s,
        "free"
            | "free of charge"
            | "foc"
            | "f.o.c."
            | "n/c"
            | "no charge"
            | "免费"
            | "赠送"
            | "免费赠送"
    )
}

/// Money to the cent: a formula's 1128.666666666667 is 1128.67 (halves away from zero, as
/// a spreadsheet's ROUND does).
pub fn to_cents(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

#[cfg(test)]
#[path = "numbers_tests.rs"]
mod tests;
