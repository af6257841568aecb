//! Every cell format of the summary, built once. A CJK-capable font is set on every format,
//! so Chinese renders in Excel, WPS and LibreOffice alike.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use super::RenderOptions;
use crate::compute::costs::CostStatus;
use crate::lang::Lang;
use crate::model::TaskStatus;

pub const DATE_FORMAT: &str = "yyyy-mm-dd";
pub const PERCENT_FORMAT: &str = "0.0%";

/// Colours of a status: (fill, font) for word cells, and the bar colour on the Gantt.
pub fn status_colors(s: TaskStatus) -> (u32, u32, u32) {
    match s {
        TaskStatus::Done => (0xC6EFCE, 0x006100, 0x70AD47),
        TaskStatus::Overdue => (0xFFC7CE, 0x9C0006, 0xE0443E),
        TaskStatus::AtRisk => (0xFFEB9C, 0x9C5700, 0xF4B183),
        TaskStatus::OnTrack => (0xDDEBF7, 0x1F4E79, 0x5B9BD5),
        TaskStatus::NotStarted => (0xEDEDED, 0x595959, 0xBFBFBF),
        TaskStatus::Cancelled => (0xF2F2F2, 0x808080, 0xD9D9D9),
    }
}

fn cost_colors(s: CostStatus) -> (u32, u32) {
    match s {
        CostStatus::Ok => (0xC6EFCE, 0x006100),
        CostStatus::Warning => (0xFFEB9C, 0x9C5700),
        CostStatus::Over => (0xFFC7CE, 0x9C0006),
        CostStatus::Unbudgeted => (0xE4DFEC, 0x5B3F86),
    }
}

pub struct Styles {
    pub lang: Lang,
    pub font: &'static str,
    pub base: Format,
    pub title: Format,
    pub subtitle: Format,
    pub section: Format,
    pub header: Format,
    pub label: Format,
    pub text: Format,
    pub wrap: Format,
    pub date: Format,
    /// A date without a border, for the ledger's many rows.
    pub date_plain: Format,
    pub money: Format,
    pub money_bold: Format,
    /// Whole amounts and counts (Excel shows "#,##0.##" with a stray point: "5,000,000.").
    pub number: Format,
    pub number_dec: Format,
    pub pct: Format,
    pub pct_bold: Format,
    pub int: Format,
    pub int_bold: Format,
    pub total_label: Format,
    pub goal: Format,
    pub stage: Format,
    pub task: Format,
    pub note: Format,
    money_format: String,
    currency: String,
}

impl Styles {
    pub fn new(opts: &RenderOptions) -> Styles {
        let font = match opts.lang {
            Lang::Zh => "Microsoft YaHei",
            Lang::En => "Calibri",
        };
        let base = Format::new().set_font_name(font).set_font_size(10);
        let money_format = money_format(&opts.currency);
        let thin = |f: Format| f.set_border(FormatBorder::Thin).set_border_color(0xD9D9D9);
        let total = |f: Format| {
            f.set_bold()
                .set_border_top(FormatBorder::Thin)
                .set_background_color(0xF2F2F2)
        };
        Styles {
            lang: opts.lang,
            font,
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_font_color(0x1F3864),
            subtitle: base.clone().set_font_color(0x595959),
            section: base
                .clone()
                .set_bold()
                .set_font_size(12)
                .set_font_color(0x1F3864)
                .set_border_bottom(FormatBorder::Medium)
                .set_border_color(0x1F3864),
            header: base
                .clone()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(0x1F3864)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_border_color(0x8EA9DB),
            label: base.clone().set_bold(),
            text: thin(base.clone()),
            wrap: thin(base.clone().set_text_wrap().set_align(FormatAlign::Top)),
            date: thin(base.clone().set_num_format(DATE_FORMAT)),
            date_plain: base.clone().set_num_format(DATE_FORMAT),
            money: thin(base.clone().set_num_format(&money_format)),
            money_bold: total(base.clone().set_num_format(&money_format)),
            number: thin(base.clone().set_num_format("#,##0")),
            number_dec: thin(base.clone().set_num_format("#,##0.00")),
            pct: thin(base.clone().set_num_format(PERCENT_FORMAT)),
            pct_bold: total(base.clone().set_num_format(PERCENT_FORMAT)),
            int: thin(base.clone().set_num_format("0")),
            int_bold: total(base.clone().set_num_format("0")),
            total_label: total(base.clone()),
            goal: thin(base.clone().set_bold().set_background_color(0xD9E1F2)),
            stage: thin(base.clone().set_bold().set_indent(1)),
            task: thin(base.clone().set_indent(2)),
            note: base.clone().set_italic().set_font_color(0x808080),
            base,
            money_format,
            currency: opts.currency.clone(),
        }
    }

    /// The status word cell format: filled in the status colour.
    pub fn status(&self, s: TaskStatus) -> Format {
        let (fill, font, _) = status_colors(s);
        self.text
            .clone()
            .set_background_color(fill)
            .set_font_color(font)
            .set_align(FormatAlign::Center)
    }

    pub fn cost_status(&self, s: CostStatus) -> Format {
        let (fill, font) = cost_colors(s);
        self.text
            .clone()
            .set_background_color(fill)
            .set_font_color(font)
            .set_align(FormatAlign::Center)
    }

    /// The amount number format, e.g. `"¥"#,##0.00;[Red]-"¥"#,##0.00`.
    pub fn money_format(&self) -> &str {
        &self.money_format
    }

    /// The currency mark of [`Styles::money`] ("" for plain numbers).
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// An amount cell in the given currency (teams may keep their books in different ones).
    pub fn money_in(&self, currency: &str) -> Format {
        self.text.clone().set_num_format(money_format(currency))
    }

    /// A totals amount cell in the given currency.
    pub fn money_bold_in(&self, currency: &str) -> Format {
        self.total_label
            .clone()
            .set_num_format(money_format(currency))
    }
}

/// The amount number format in a currency: two decimals, negatives in red.
pub fn money_format(currency: &str) -> String {
    if currency.is_empty() {
        return "#,##0.00;[Red]-#,##0.00".to_string();
    }
    let c = currency.replace('"', "");
    format!("\"{c}\"#,##0.00;[Red]-\"{c}\"#,##0.00")
}
