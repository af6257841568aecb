//! Output language. Labels follow the language of the input's headers unless `--lang` says
//! otherwise; every user-facing string is written as `lang.pick("中文", "English")` at the
//! place it is used, so the two stay side by side and neither can be forgotten.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The language a piece of text is written in: any CJK ideograph makes it Chinese.
    pub fn of_text(text: &str) -> Option<Lang> {
        if text.chars().any(is_cjk) {
            Some(Lang::Zh)
        } else if text.chars().any(|c| c.is_ascii_alphabetic()) {
            Some(Lang::En)
        } else {
            None
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
