//! Text normalisation: the one form in which names, keys and number texts are compared.
//! Full-width forms, traditional characters, spaces and invisible characters must never make
//! two names that look the same differ, so every matcher goes through [`fold`].

use std::collections::HashMap;
use std::sync::OnceLock;

/// Full-width forms to half-width (１２３ -> 123, （ -> (, ， -> ,, ％ -> %, ．-> .,
/// ideographic space -> space), non-breaking spaces to spaces, then trimmed.
/// Invisible characters (see [`is_invisible`]) are dropped.
pub fn normalize_width(text: &str) -> String {
    let mapped: String = text.chars().filter_map(half_width).collect();
    mapped.trim().to_string()
}

fn half_width(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => Some(' '),
        c if is_invisible(c) => None,
        _ => Some(c),
    }
}

/// Characters that show nothing but make two names differ: zero-width space, joiner and
/// non-joiner, word joiner (U+2060) and the other invisible operators, soft hyphen, byte-order
/// mark, bidi marks and embeddings, variation selectors, and control characters other than
/// line breaks and tabs (NUL). Teams paste them in from chat apps and web pages.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    ) || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The invisible characters of a text, as "U+200D" codes in the order found (each once), so
/// a note can say what was removed. Empty when there are none.
pub fn invisible_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| is_invisible(*c)) {
        let code = format!("U+{:04X}", c as u32);
        if !found.contains(&code) {
            found.push(code);
        }
    }
    found
}

/// The text without its invisible characters (nothing else changes).
pub fn strip_invisible(text: &str) -> String {
    text.chars().filter(|c| !is_invisible(*c)).collect()
}

/// Edit distance in characters (insertions, deletions, substitutions), capped: any distance
/// above `cap` comes back as `cap + 1`, so comparing against a long list stays cheap.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap + 1)
}

/// The one name among `candidates` that `name` was most likely meant to be: compared folded,
/// within one character for names of up to four characters and two for longer ones, and
/// never the same name. None when nothing is that close, or when two candidates are equally
/// close (a guess between two is no help). "主播坑为费" suggests "主播坑位费".
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let folded: Vec<(String, &'a str)> = candidates.into_iter().map(|c| (fold(c), c)).collect();
    closest_folded(&fold(name), folded.iter().map(|(f, c)| (f.as_str(), *c)))
}

/// [`did_you_mean`] over names already folded: `key` and each candidate's folded form, with
/// what to return for it. For callers that keep folded names (matching 40,000 weekly rows).
pub fn closest_folded<'a, T: Copy>(
    key: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
) -> Option<T> {
    let len = key.chars().count();
    if len < 2 {
        return None;
    }
    let cap = if len <= 4 { 1 } else { 2 };
    let mut best: Option<(usize, &str, T)> = None;
    let mut tie = false;
    for (folded, value) in candidates {
        if folded == key || folded.len().abs_diff(key.len()) > cap * 4 {
            continue;
        }
        let d = edit_distance(key, folded, cap);
        if d > cap || folded.chars().count() < 2 {
            continue;
        }
        match &best {
            Some((bd, bf, _)) if d == *bd && *bf != folded => tie = true,
            Some((bd, _, _)) if d >= *bd => {}
            _ => {
                best = Some((d, folded, value));
                tie = false;
            }
        }
    }
    if tie {
        return None;
    }
    best.map(|(_, _, v)| v)
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
pub(super) fn canonical(text: &str) -> String {
    to_simplified(&normalize_width(text)).replace('\u{2212}', "-")
}

// ---------------------------------------------------------------------------------------------
// Walking a text char by char (shared by the number and currency readers)
// ---------------------------------------------------------------------------------------------

pub(super) fn text_chars(text: &str) -> Vec<char> {
    canonical(text).chars().collect()
}

/// Does `token` occur in `chars` at `pos`? Returns its length in chars.
pub(super) fn token_at(chars: &[char], pos: usize, token: &str, exact_case: bool) -> Option<usize> {
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
pub(super) fn token_before(chars: &[char], end: usize, token: &str) -> Option<usize> {
    let len = token.chars().count();
    let start = end.checked_sub(len)?;
    token_at(chars, start, token, false)
}

pub(super) fn is_ascii_letter_at(chars: &[char], pos: usize) -> bool {
    chars.get(pos).is_some_and(|c| c.is_ascii_alphabetic())
}

/// Is an ASCII word token cut off from neighbouring letters at both ends?
pub(super) fn word_bounded(chars: &[char], start: usize, end: usize, token: &str) -> bool {
    let ascii_word = token.starts_with(|c: char| c.is_ascii_alphabetic());
    !ascii_word
        || ((start == 0 || !is_ascii_letter_at(chars, start - 1))
            && !is_ascii_letter_at(chars, end))
}

pub(super) fn skip_spaces(chars: &[char], mut pos: usize) -> usize {
    while chars.get(pos).is_some_and(|c| c.is_whitespace()) {
        pos += 1;
    }
    pos
}

pub(super) fn skip_spaces_back(chars: &[char], mut pos: usize) -> usize {
    while pos > 0 && chars[pos - 1].is_whitespace() {
        pos -= 1;
    }
    pos
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

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
