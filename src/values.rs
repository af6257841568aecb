//! Cell-value parsers: numbers, money, quantities inside text, shares, dates. Pure functions
//! over text (no calamine types), so they can be fuzzed and property-tested alone. Teams type
//! numbers every way a spreadsheet allows: "¥1.2万", "(1,200)", "１２３", "发布笔记10篇",
//! "2026年11月26日", "11/26", "202X.."; each form the workbook contract lists is read here.
//!
//! Rules chosen where the contract is open:
//! - Thousands separators must group by three ("1,234", "1 234 567"); "1,2" is not a number.
//! - Multipliers: 万/萬 1e4, 亿/億 1e8, 千 1e3, 百 1e2, and the compounds 十万, 百万, 千万,
//!   百亿, 千亿, 万亿; k/K 1e3, w/W 1e4, M 1e6 (capital only: "m" is not a multiplier), and the
//!   words thousand, million/mn, billion/bn.
//! - A quantity inside a text is chosen in this order: (1) the first number carrying a
//!   multiplier or a currency mark, (2) the first percentage, (3) the last number followed by a
//!   measure word ("10篇", "10 posts"), (4) the first amount written after "预算"/"budget",
//!   (5) the last other number, (6) the last number at all. Numbers written after
//!   "预算"/"budget" rank only at (4) or below: they are the budget, not the target. Numbers
//!   that look like labels (Q4, W47, 双11, 第3周, 2026年, 11-26) rank only at (6).
//! - Negative numbers are read in whole cells only, never inside a text.
//! - English measure words are lower-cased and made singular ("10 Posts" -> "post"), so a
//!   plan of "10 posts" and an actual of "1 post" share a unit.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use crate::model::Quantity;

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

/// What a date cell's text held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateText {
    Date(NaiveDate),
    /// "202X..", "TBD", "待定", "--": no date given (yet).
    Placeholder,
    /// Anything else: not a date.
    Invalid,
}

// ---------------------------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------------------------

/// Full-width forms to half-width (１２３ -> 123, （ -> (, ， -> ,, ％ -> %, ．-> .,
/// ideographic space -> space), non-breaking spaces to spaces, then trimmed.
/// Zero-width spaces and byte-order marks are dropped.
pub fn normalize_width(text: &str) -> String {
    let mapped: String = text.chars().filter_map(half_width).collect();
    mapped.trim().to_string()
}

fn half_width(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => Some(' '),
        '\u{200B}' | '\u{FEFF}' => None,
        _ => Some(c),
    }
}

/// Traditional characters and their simplified forms, as consecutive pairs. Covers the
/// contract's headers, sheet names, status words and units, and common plan vocabulary.
const TRADITIONAL_PAIRS: &str = concat!(
    "萬万億亿預预負负責责階阶務务週周進进際际額额與与費费險险應应對对標标値值編编號号",
    "實实開开時时間间結结點点劃划畫画計计類类別别項项經经辦办狀状態态資资產产銷销貨货",
    "幣币單单價价數数據据達达準准關关聯联風风況况總总體体細细發发錄录響响閉闭報报決决",
    "稱称賴赖遲迟統统歷历曆历個个場场條条張张筆笔記记塊块隻只臺台組组輪轮檔档頁页則则",
    "種种雙双錢钱轉转絲丝擊击閱阅讀读評评論论讚赞熱热門门視视頻频網网紅红帶带線线書书",
    "寶宝東东廣广動动會会員员戶户訂订團团隊队長长營营運运內内設设圖图審审確确認认無无",
    "備备註注說说蹤踪測测層层級级優优檢检執执驗验問问題题損损處处續续補补償偿調调變变",
    "舊旧導导匯汇彙汇頭头欄栏碼码郵邮電电話话買买賣卖換换稅税餘余節节約约啟启籌筹參参",
    "協协溝沟輸输製制佈布後后復复複复採采購购簽签賬账帳账現现貸贷虧亏潤润淨净業业雜杂",
    "見见議议規规範范圍围質质積积極极證证覽览覺觉學学習习權权擔担當当選选擇择適适連连",
    "傳传遞递聲声勢势獎奖勵励贈赠禮礼滿满減减專专屬属區区縣县國国華华濟济錯错誤误齊齐",
    "歲岁們们麼么這这裡里裏里還还沒没讓让給给從从來来過过為为將将並并於于該该須须暫暂",
    "緩缓異异較较嚴严輕轻漲涨紙纸樣样腳脚劇剧攝摄輯辑館馆鋪铺倉仓庫库環环佔占兩两幾几",
    "圓圆歐欧鐘钟創创講讲課课師师職职倆俩戲戏藝艺術术頒颁獲获勝胜敗败訊讯鏈链構构紀纪",
    "盤盘觸触擴扩",
);

/// Words whose simplified form is not the character-by-character one.
const TRADITIONAL_WORDS: &[(&str, &str)] = &[
    ("计画", "计划"),
    ("规画", "规划"),
    ("企画", "企划"),
    ("策画", "策划"),
];

fn traditional_map() -> &'static HashMap<char, char> {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    MAP.get_or_init(|| {
        let chars: Vec<char> = TRADITIONAL_PAIRS.chars().collect();
        chars
            .chunks_exact(2)
            .map(|pair| (pair[0], pair[1]))
            .collect()
    })
}

/// Text in the form names and keys are compared in: half-width, simplified, lower-case,
/// without spaces ("負 責 人" and "负责人" fold alike).
pub fn fold(text: &str) -> String {
    to_simplified(&normalize_width(text))
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Traditional Chinese characters to simplified, for the characters that occur in the
/// contract's headers, sheet names, status words and units (萬->万, 億->亿, 預->预, 算->算,
/// 負->负, 責->责, 階->阶, 務->务, 週->周, 進->进, 際->际, 額->额, 與->与, 費->费, 險->险...).
/// 計畫 becomes 计划 (not 计画).
pub fn to_simplified(text: &str) -> String {
    let map = traditional_map();
    let mut out: String = text.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect();
    for (from, to) in TRADITIONAL_WORDS {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

/// Width-normalised, simplified text, with the Unicode minus as an ASCII hyphen.
fn canonical(text: &str) -> String {
    to_simplified(&normalize_width(text)).replace('\u{2212}', "-")
}

// ---------------------------------------------------------------------------------------------
// Tokens shared by the number readers
// ---------------------------------------------------------------------------------------------

/// A multiplier word and its power of ten. Longer words come first so "千万" is not read as
/// "万" after a stray "千". `exact_case` tokens match only as written (M, not m).
struct Multiplier {
    word: &'static str,
    power: u32,
    exact_case: bool,
}

const fn mult(word: &'static str, power: u32, exact_case: bool) -> Multiplier {
    Multiplier {
        word,
        power,
        exact_case,
    }
}

const MULTIPLIERS: &[Multiplier] = &[
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
const CURRENCIES: &[(&str, &str)] = &[
    ("人民币", "¥"),
    ("美元", "$"),
    ("欧元", "€"),
    ("港元", "HK$"),
    ("港币", "HK$"),
    ("HK$", "HK$"),
    ("US$", "$"),
    ("RMB", "¥"),
    ("CNY", "¥"),
    ("USD", "$"),
    ("EUR", "€"),
    ("HKD", "HK$"),
    ("¥", "¥"),
    ("￥", "¥"),
    ("$", "$"),
    ("€", "€"),
    ("元", "¥"),
];

/// Currency words that are not written before a number (元 in "单元3" is no currency).
fn is_prefix_currency(word: &str) -> bool {
    !matches!(word, "元" | "美元" | "欧元" | "港元" | "港币")
}

fn token_eq(candidate: &str, token: &str, exact_case: bool) -> bool {
    if exact_case {
        candidate == token
    } else {
        candidate.eq_ignore_ascii_case(token)
    }
}

/// `s` without a leading `token`; ASCII letters compare case-insensitively unless `exact_case`.
fn strip_token_prefix<'a>(s: &'a str, token: &str, exact_case: bool) -> Option<&'a str> {
    let head = s.get(..token.len())?;
    if token_eq(head, token, exact_case) {
        s.get(token.len()..)
    } else {
        None
    }
}

/// `s` without a trailing `token`.
fn strip_token_suffix<'a>(s: &'a str, token: &str, exact_case: bool) -> Option<&'a str> {
    let cut = s.len().checked_sub(token.len())?;
    let tail = s.get(cut..)?;
    if token_eq(tail, token, exact_case) {
        s.get(..cut)
    } else {
        None
    }
}

fn strip_currency_prefix(s: &str) -> Option<(&str, &'static str)> {
    CURRENCIES
        .iter()
        .find_map(|(word, symbol)| Some((strip_token_prefix(s, word, false)?, *symbol)))
}

fn strip_currency_suffix(s: &str) -> Option<(&str, &'static str)> {
    CURRENCIES
        .iter()
        .find_map(|(word, symbol)| Some((strip_token_suffix(s, word, false)?, *symbol)))
}

fn strip_multiplier_prefix(s: &str) -> Option<(&str, u32)> {
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
fn pow10(power: u32) -> Option<Decimal> {
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

// ---------------------------------------------------------------------------------------------
// Numbers inside text
// ---------------------------------------------------------------------------------------------

/// One-character measure words that become a quantity's unit ("10篇", "3名").
const MEASURE_WORDS: &str = "篇名个场条家人次件位款支张份单笔期集套组项轮天本部台辆块只盒瓶袋箱包批户间所座首幅段帖贴则封例票节课门届页章";

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

fn text_chars(text: &str) -> Vec<char> {
    canonical(text).chars().collect()
}

/// Does `token` occur in `chars` at `pos`? Returns its length in chars.
fn token_at(chars: &[char], pos: usize, token: &str, exact_case: bool) -> Option<usize> {
    let mut len = 0;
    for t in token.chars() {
        let c = *chars.get(pos + len)?;
        let same = if exact_case {
            c == t
        } else {
            c.eq_ignore_ascii_case(&t)
        };
        if !same {
            return None;
        }
        len += 1;
    }
    Some(len)
}

/// Does `token` end just before `end`? Returns its length in chars.
fn token_before(chars: &[char], end: usize, token: &str) -> Option<usize> {
    let len = token.chars().count();
    let start = end.checked_sub(len)?;
    token_at(chars, start, token, false)
}

fn is_ascii_letter_at(chars: &[char], pos: usize) -> bool {
    chars.get(pos).is_some_and(|c| c.is_ascii_alphabetic())
}

/// Is an ASCII word token cut off from neighbouring letters at both ends?
fn word_bounded(chars: &[char], start: usize, end: usize, token: &str) -> bool {
    let ascii_word = token.starts_with(|c: char| c.is_ascii_alphabetic());
    !ascii_word
        || ((start == 0 || !is_ascii_letter_at(chars, start - 1))
            && !is_ascii_letter_at(chars, end))
}

fn skip_spaces(chars: &[char], mut pos: usize) -> usize {
    while chars.get(pos).is_some_and(|c| c.is_whitespace()) {
        pos += 1;
    }
    pos
}

fn skip_spaces_back(chars: &[char], mut pos: usize) -> usize {
    while pos > 0 && chars[pos - 1].is_whitespace() {
        pos -= 1;
    }
    pos
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
    named || dated || chained_before || chained_after
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

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// A date typed as text: "2026-11-26", "2026/11/26", "2026.11.26", "2026年11月26日",
/// "11月26日", "11/26", "11-26", "11.26" (no year: the year among as_of's, the one before and
/// the one after that puts it nearest `as_of`), "20261126", "Nov 26, 2026", "26-Nov",
/// "11/26/2026" (day and month are told apart only when one of them is above 12; an ambiguous
/// "03/04/2026" is Invalid). A time part ("2026-11-26 00:00:00") and a weekday ("周三",
/// "(Wed)") are ignored.
///
/// Placeholders: text with "XX", or an X or ? beside a digit or date mark ("202X", "11月X日",
/// "2026-11-??"); "TBD", "TBC", "TBA", "待定", "待确认", "未定", "待安排", "暂无", "pending";
/// and whole cells "-", "--", "—", "/", "N/A", "NA", "none", "无". An empty text is a
/// placeholder too. Impossible dates ("2026-02-30") and everything else are Invalid.
pub fn parse_date(text: &str, as_of: NaiveDate) -> DateText {
    let s = canonical(text);
    if s.is_empty() {
        return DateText::Placeholder;
    }
    if let Some(date) = date_from_text(&s, as_of) {
        return DateText::Date(date);
    }
    if is_placeholder(&s) {
        DateText::Placeholder
    } else {
        DateText::Invalid
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateToken {
    /// A number and how many digits it was written with.
    Num(u32, usize),
    Sep(char),
    Month(u32),
}

fn date_from_text(s: &str, as_of: NaiveDate) -> Option<NaiveDate> {
    let tokens = date_tokens(strip_time(s))?;
    numeric_date(&tokens, as_of).or_else(|| month_name_date(&tokens, as_of))
}

/// The text without a trailing time of day: "2026-11-26 10:00:00", "2026-11-26T10:00",
/// "11月26日 下午3:00".
fn strip_time(s: &str) -> &str {
    let Some(colon) = s.find(':') else {
        return s;
    };
    let before = &s[..colon];
    let head = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let tail = &s[head.len()..];
    if !is_time(tail) {
        return s;
    }
    let mut head = head.trim_end();
    if let Some(date) = head.strip_suffix('T')
        && date.ends_with(|c: char| c.is_ascii_digit())
    {
        head = date;
    }
    for marker in ["上午", "下午", "中午", "晚上"] {
        head = head.strip_suffix(marker).unwrap_or(head).trim_end();
    }
    head
}

fn is_time(s: &str) -> bool {
    let s = s.trim();
    let s = ["am", "pm", "z"]
        .iter()
        .find_map(|m| strip_token_suffix(s, m, false))
        .unwrap_or(s)
        .trim_end();
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

const WEEKDAY_DAYS: &str = "一二三四五六日天七";
const ENGLISH_WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The text after a leading Chinese weekday (周三, 星期三, 礼拜三), if it starts with one.
fn strip_weekday(s: &str) -> Option<&str> {
    let rest = ["星期", "礼拜", "周"]
        .iter()
        .find_map(|w| s.strip_prefix(w))?;
    let day = rest.chars().next()?;
    WEEKDAY_DAYS.contains(day).then(|| &rest[day.len_utf8()..])
}

fn month_number(word: &str) -> Option<u32> {
    if word == "sept" {
        return Some(9);
    }
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(word))?;
    u32::try_from(index + 1).ok()
}

/// Numbers, separators and month names of a date text; weekdays, ordinal endings, spaces,
/// commas and brackets are dropped. None on anything else.
fn date_tokens(s: &str) -> Option<Vec<DateToken>> {
    let mut tokens = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = strip_weekday(rest) {
            rest = after;
            continue;
        }
        let run = |pred: fn(char) -> bool| rest.find(|c: char| !pred(c)).unwrap_or(rest.len());
        if c.is_ascii_digit() {
            let len = run(|c| c.is_ascii_digit());
            if len > 8 {
                return None;
            }
            tokens.push(DateToken::Num(rest[..len].parse().ok()?, len));
            rest = &rest[len..];
        } else if c.is_ascii_alphabetic() {
            let len = run(|c| c.is_ascii_alphabetic());
            let word = rest[..len].to_ascii_lowercase();
            if let Some(month) = month_number(&word) {
                tokens.push(DateToken::Month(month));
            } else if !ENGLISH_WEEKDAYS.contains(&word.as_str())
                && !["st", "nd", "rd", "th"].contains(&word.as_str())
            {
                return None;
            }
            rest = &rest[len..];
        } else {
            match c {
                '-' | '/' | '.' | '年' | '月' | '日' | '号' => tokens.push(DateToken::Sep(c)),
                ' ' | ',' | '(' | ')' => {}
                _ => return None,
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(tokens)
}

fn is_date_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.')
}

/// Nothing, or a closing 日/号.
fn day_end(rest: &[DateToken]) -> bool {
    matches!(rest, [] | [DateToken::Sep('日' | '号')])
}

fn numeric_date(tokens: &[DateToken], as_of: NaiveDate) -> Option<NaiveDate> {
    use DateToken::{Num, Sep};
    match *tokens {
        [
            Num(y, 4),
            Sep('年'),
            Num(m, 1..=2),
            Sep('月'),
            Num(d, 1..=2),
            ref rest @ ..,
        ] if day_end(rest) => ymd(y, m, d),
        [Num(m, 1..=2), Sep('月'), Num(d, 1..=2), ref rest @ ..] if day_end(rest) => {
            nearest(m, d, as_of)
        }
        [Num(y, 4), Sep(a), Num(m, 1..=2), Sep(b), Num(d, 1..=2)]
            if a == b && is_date_separator(a) =>
        {
            ymd(y, m, d)
        }
        [Num(m, 1..=2), Sep(a), Num(d, 1..=2)] if is_date_separator(a) => nearest(m, d, as_of),
        [Num(a, 1..=2), Sep(s), Num(b, 1..=2), Sep(t), Num(y, 4)]
            if s == t && is_date_separator(s) =>
        {
            day_month_or_month_day(a, b, y)
        }
        [Num(compact, 8)] if (1900..=2100).contains(&(compact / 10_000)) => {
            ymd(compact / 10_000, compact / 100 % 100, compact % 100)
        }
        _ => None,
    }
}

/// "Nov 26", "Nov 26, 2026", "26 Nov", "26-Nov-2026".
fn month_name_date(tokens: &[DateToken], as_of: NaiveDate) -> Option<NaiveDate> {
    use DateToken::{Month, Num};
    let words: Vec<DateToken> = tokens
        .iter()
        .copied()
        .filter(|t| !matches!(t, DateToken::Sep(c) if is_date_separator(*c)))
        .collect();
    match words[..] {
        [Month(m), Num(d, 1..=2)] | [Num(d, 1..=2), Month(m)] => nearest(m, d, as_of),
        [Month(m), Num(d, 1..=2), Num(y, 4)] | [Num(d, 1..=2), Month(m), Num(y, 4)] => ymd(y, m, d),
        _ => None,
    }
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The date with this month and day nearest `as_of`, among as_of's year and its neighbours.
fn nearest(month: u32, day: u32, as_of: NaiveDate) -> Option<NaiveDate> {
    let year = as_of.year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - as_of).num_days().abs())
}

/// "11/26/2026" or "26/11/2026": whichever reading is a real date; None when both are and
/// they differ.
fn day_month_or_month_day(a: u32, b: u32, year: u32) -> Option<NaiveDate> {
    match (ymd(year, a, b), ymd(year, b, a)) {
        (Some(x), Some(y)) if x == y => Some(x),
        (Some(x), None) | (None, Some(x)) => Some(x),
        _ => None,
    }
}

const PLACEHOLDER_CELLS: &[&str] = &[
    "-", "--", "---", "—", "——", "–", "/", "N/A", "NA", "NONE", "NULL", "无", "空", "?", "??",
    "...", "…", "……", "X",
];
const PLACEHOLDER_WORDS: &[&str] = &[
    "XX",
    "TBD",
    "TBC",
    "TBA",
    "待定",
    "待确认",
    "未定",
    "待安排",
    "暂无",
    "PENDING",
];

fn is_placeholder(s: &str) -> bool {
    let upper = s.to_uppercase();
    PLACEHOLDER_CELLS.contains(&upper.as_str())
        || PLACEHOLDER_WORDS.iter().any(|w| upper.contains(w))
        || has_unknown_date_part(&upper)
}

/// An X or ? standing for a digit: beside a digit or a date mark ("202X", "11月X日").
fn has_unknown_date_part(upper: &str) -> bool {
    let chars: Vec<char> = upper.chars().collect();
    let date_like = |c: char| c.is_ascii_digit() || "年月日号-/.".contains(c);
    chars.windows(2).any(|pair| {
        let unknown = |c: char| c == 'X' || c == '?';
        (unknown(pair[0]) && date_like(pair[1])) || (date_like(pair[0]) && unknown(pair[1]))
    })
}

/// The last Excel serial day: 9999-12-31.
const MAX_SERIAL: f64 = 2_958_465.0;

/// An Excel serial day number (1900 date system) as a date; None when out of range
/// (below 1, above 9999-12-31, NaN, infinite). The fraction (time of day) is ignored.
/// Serial 60 is Excel's fictitious 1900-02-29; it reads as 1900-02-28.
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..MAX_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    let day = serial.floor() as u64;
    let (epoch, days) = match day {
        61.. => (NaiveDate::from_ymd_opt(1899, 12, 30)?, day),
        60 => (NaiveDate::from_ymd_opt(1900, 2, 28)?, 0),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 31)?, day),
    };
    epoch.checked_add_days(Days::new(days))
}

/// An Excel serial day number in the 1904 date system (serial 0 = 1904-01-01) as a date;
/// None when negative, past 9999-12-31, NaN or infinite. The fraction is ignored.
pub fn serial_1904_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(0.0..MAX_SERIAL).contains(&serial) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_days(Days::new(serial as u64))?;
    (date.year() <= 9999).then_some(date)
}

// ---------------------------------------------------------------------------------------------
// Headers, owners, currencies
// ---------------------------------------------------------------------------------------------

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

const OWNER_SEPARATORS: &[char] = &[
    '/', '／', '、', ',', '，', ';', '；', '&', '＆', '|', '｜', '\n', '\r',
];

/// The names in an owner cell: "张三/李四", "张三、李四", "A, B", "A & B" give two. Splits on
/// punctuation only (/ 、 , ; & | and line breaks, half- or full-width), never on words, so a
/// team named "Sales and Marketing" stays one owner. Names are trimmed; empty parts dropped.
pub fn split_owners(text: &str) -> Vec<String> {
    text.split(OWNER_SEPARATORS)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
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

#[cfg(test)]
#[path = "values_tests.rs"]
mod tests;
