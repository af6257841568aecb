//! Risks, where a manager looks: the key risks (open, high likelihood or impact) as a section
//! of the Overview with their owner and response, and the whole risk plan as its own sheet.
//! A missing owner is written as a red "none" rather than left blank, so the gap is seen.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{Styles, table_header, text, wrapped_row_height};
use crate::compute::Summary;
use crate::lang::Lang;
use crate::model::{Level, Risk, RiskState};

/// Column widths of the risk and response texts on the Risks sheet.
const RISK: f64 = 40.0;
const RESPONSE: f64 = 44.0;
/// On the Overview, whose columns the other sections size: the risk is in column A (28
/// wide), the response spans G:J (about 50 wide together).
const OVERVIEW_RISK: f64 = 28.0;
const OVERVIEW_RESPONSE: (u16, u16, f64) = (6, 9, 50.0);

fn level_word(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::High => lang.pick("高", "High"),
        Level::Medium => lang.pick("中", "Medium"),
        Level::Low => lang.pick("低", "Low"),
    }
}

/// The state's word, or the status as the team wrote it when it is no known word.
fn state_shown(k: &Risk, lang: Lang) -> Option<&str> {
    k.state
        .map(|v| state_word(v, lang))
        .or(k.state_text.as_deref())
}

fn state_word(s: RiskState, lang: Lang) -> &'static str {
    match s {
        RiskState::Open => lang.pick("未发生", "Open"),
        RiskState::Occurred => lang.pick("已发生", "Occurred"),
        RiskState::Closed => lang.pick("已关闭", "Closed"),
    }
}

/// Formats of a risk row: level cells, "high" in red, a missing owner in red.
struct RiskFormats {
    wrap: Format,
    level: Format,
    high: Format,
    missing: Format,
}

impl RiskFormats {
    fn new(st: &Styles) -> Self {
        let level = st.text.clone().set_align(FormatAlign::Center);
        RiskFormats {
            wrap: st.text.clone().set_text_wrap(),
            high: level
                .clone()
                .set_background_color(0xFFC7CE)
                .set_font_color(0x9C0006),
            level,
            missing: st.text.clone().set_font_color(0x9C0006).set_bold(),
        }
    }

    fn level_cell(
        &self,
        ws: &mut Worksheet,
        r: u32,
        c: u16,
        v: Option<Level>,
        lang: Lang,
    ) -> Result<(), XlsxError> {
        let f = if v == Some(Level::High) {
            &self.high
        } else {
            &self.level
        };
        text(ws, r, c, v.map(|v| level_word(v, lang)), f)
    }

    /// The text and its format, or a red "none" where a risk must have one.
    fn required<'a>(&'a self, v: Option<&'a str>, lang: Lang) -> (&'a str, &'a Format) {
        match v {
            Some(v) => (v, &self.wrap),
            None => (lang.pick("（未指定）", "(none)"), &self.missing),
        }
    }
}

/// The Overview's key-risk section from row `r`; returns the last row written.
pub fn overview_section(
    ws: &mut Worksheet,
    s: &Summary,
    st: &Styles,
    mut r: u32,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    let f = RiskFormats::new(st);
    ws.write_string_with_format(
        r,
        0,
        l.pick(
            "重点风险（未关闭，可能性或影响为高）",
            "Key risks (not closed, high likelihood or impact)",
        ),
        &st.section,
    )?;
    r += 1;
    let (first, last, response_width) = OVERVIEW_RESPONSE;
    for (c, h) in [
        l.pick("风险", "Risk"),
        l.pick("可能性", "Likelihood"),
        l.pick("影响", "Impact"),
        l.pick("负责人", "Owner"),
        l.pick("状态", "State"),
        l.pick("团队", "Team"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    ws.merge_range(
        r,
        first,
        r,
        last,
        l.pick("应对措施", "Response"),
        &st.header,
    )?;
    if s.key_risks.is_empty() {
        r += 1;
        ws.write_string_with_format(r, 0, l.pick("无重点风险", "none"), &st.note)?;
    }
    for k in s.key_risks.iter().filter_map(|&i| s.data.risks.get(i)) {
        r += 1;
        text(ws, r, 0, Some(&k.risk), &f.wrap)?;
        f.level_cell(ws, r, 1, k.likelihood, l)?;
        f.level_cell(ws, r, 2, k.impact, l)?;
        let (owner, owner_format) = f.required(k.owner.as_deref(), l);
        text(ws, r, 3, Some(owner), owner_format)?;
        text(ws, r, 4, state_shown(k, l), &st.text)?;
        text(ws, r, 5, Some(&k.team), &st.text)?;
        let (response, response_format) = f.required(k.response.as_deref(), l);
        ws.merge_range(r, first, r, last, response, response_format)?;
        if let Some(h) = wrapped_row_height(&[(&k.risk, OVERVIEW_RISK), (response, response_width)])
        {
            ws.set_row_height(r, h)?;
        }
    }
    Ok(r)
}

/// The Risks sheet: every risk as written, with its state and whether it is a key risk.
pub fn sheet(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("风险", "Risks"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("风险", "Risk"), RISK),
        (l.pick("可能性", "Likelihood"), 10.0),
        (l.pick("影响", "Impact"), 9.0),
        (l.pick("应对措施", "Response"), RESPONSE),
        (l.pick("负责人", "Owner"), 12.0),
        (l.pick("状态", "State"), 9.0),
        (l.pick("重点风险", "Key risk"), 9.0),
        (l.pick("位置", "Source"), 14.0),
    ];
    table_header(ws, 0, &headers, s.data.risks.len(), st)?;
    let f = RiskFormats::new(st);
    let key = f.missing.clone().set_align(FormatAlign::Center);
    for (i, k) in s.data.risks.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, Some(&k.team), &st.text)?;
        text(ws, r, 1, Some(&k.risk), &f.wrap)?;
        f.level_cell(ws, r, 2, k.likelihood, l)?;
        f.level_cell(ws, r, 3, k.impact, l)?;
        let closed = k.state == Some(RiskState::Closed);
        if closed {
            // A closed risk needs no owner or response: blanks are not shown as gaps.
            text(ws, r, 4, k.response.as_deref(), &f.wrap)?;
            text(ws, r, 5, k.owner.as_deref(), &st.text)?;
        } else {
            let (response, response_format) = f.required(k.response.as_deref(), l);
            text(ws, r, 4, Some(response), response_format)?;
            let (owner, owner_format) = f.required(k.owner.as_deref(), l);
            text(ws, r, 5, Some(owner), owner_format)?;
        }
        text(ws, r, 6, state_shown(k, l), &st.text)?;
        let is_key = s.key_risks.contains(&i);
        text(ws, r, 7, is_key.then_some(l.pick("是", "yes")), &key)?;
        text(ws, r, 8, Some(&k.row.to_string()), &st.text)?;
        let response = k.response.as_deref().unwrap_or_default();
        if let Some(h) = wrapped_row_height(&[(&k.risk, RISK), (response, RESPONSE)]) {
            ws.set_row_height(r, h)?;
        }
    }
    if s.data.risks.is_empty() {
        ws.write_string_with_format(
            1,
            0,
            l.pick("工作簿中没有风险预案表", "no risk sheet in the workbooks"),
            &st.note,
        )?;
    }
    Ok(())
}
