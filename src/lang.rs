//! Output language. Labels follow the language of the input's headers unless `--lang` says
//! otherwise; every user-facing string is written as `lang.pick("中文", "English")` at the
//! place it is used, so the two stay side by side and neither can be forgotten.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
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

/// The language of the person at the keyboard, for what plantrack says on the console (its
/// errors, help, and the lines after a run). The summary's labels still follow the
/// workbooks' headers; this is about the messages around them.
///
/// Set once at start-up from `--lang` or the system language ([`system`]); None when
/// neither says (a C or POSIX locale), in which case each message falls back to the
/// workbooks' language.
static USER: std::sync::OnceLock<Option<Lang>> = std::sync::OnceLock::new();

/// Records the user's language (the first call wins; later ones are ignored).
pub fn set_user(lang: Option<Lang>) {
    let _ = USER.set(lang);
}

/// The user's language, if known (see [`set_user`]).
pub fn user() -> Option<Lang> {
    USER.get().copied().flatten()
}

/// The language of a console message: the user's, else `fallback` (the workbooks').
pub fn console(fallback: Lang) -> Lang {
    user().unwrap_or(fallback)
}

/// The system's language: the POSIX locale variables in their order of precedence
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first one set decides), else on Windows the user's
/// UI language. None for the C and POSIX locales, which name no language.
pub fn system() -> Option<Lang> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let locale = var("LC_ALL")
        .or_else(|| var("LC_MESSAGES"))
        .or_else(|| var("LANG"));
    match locale {
        Some(l) => of_locale(&l),
        None => windows_ui_language(),
    }
}

/// The language a locale name stands for: "zh_CN.UTF-8", "zh_TW" and "zh" are Chinese, "C",
/// "C.UTF-8" and "POSIX" none, anything else English.
pub fn of_locale(locale: &str) -> Option<Lang> {
    let name = locale.split(['.', '@']).next().unwrap_or("").trim();
    if name.is_empty() || name.eq_ignore_ascii_case("c") || name.eq_ignore_ascii_case("posix") {
        None
    } else if name.to_ascii_lowercase().starts_with("zh") {
        Some(Lang::Zh)
    } else {
        Some(Lang::En)
    }
}

/// The Windows user's UI language (GetUserDefaultUILanguage): Chinese when its primary
/// language is LANG_CHINESE (0x04), else English.
#[cfg(windows)]
fn windows_ui_language() -> Option<Lang> {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetUserDefaultUILanguage() -> u16;
    }
    // SAFETY: takes no arguments and only returns a value.
    let id = unsafe { GetUserDefaultUILanguage() };
    Some(if id & 0x3ff == 0x04 {
        Lang::Zh
    } else {
        Lang::En
    })
}

#[cfg(not(windows))]
fn windows_ui_language() -> Option<Lang> {
    None
}

/// `--lang zh`, `--lang=en` among raw arguments (read before the command line is parsed, so
/// that clap's own help and errors can be in that language).
pub fn from_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<Lang> {
    let mut args = args.iter().map(|a| a.as_ref().to_string_lossy());
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref().map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("zh") => return Some(Lang::Zh),
            Some(v) if v.eq_ignore_ascii_case("en") => return Some(Lang::En),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_languages() {
        assert_eq!(of_locale("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(of_locale("zh_TW.Big5"), Some(Lang::Zh));
        assert_eq!(of_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(of_locale("de_DE@euro"), Some(Lang::En));
        assert_eq!(of_locale("C.UTF-8"), None);
        assert_eq!(of_locale("POSIX"), None);
    }

    #[test]
    fn lang_flag_is_found_before_parsing() {
        assert_eq!(
            from_args(&["report", "a.xlsx", "--lang", "zh"]),
            Some(Lang::Zh)
        );
        assert_eq!(from_args(&["check", "--lang=en", "a.xlsx"]), Some(Lang::En));
        assert_eq!(from_args(&["check", "--lang"]), None);
        assert_eq!(from_args(&["report", "a.xlsx"]), None);
    }
}
