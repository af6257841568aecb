//! The one-page image brief (`<summary>.png`): the headline, pace bars per goal, budget used
//! per line, the overdue and due-soon lists, what the team needs and a compact Gantt, sized
//! for a phone at full width (1200 px, no text under 14 px) and a slide.
//!
//! The page is written as SVG text from the same [`Brief`] the Overview lays out, then
//! rasterised with resvg. Chinese needs a CJK font from the machine (Microsoft YaHei,
//! PingFang, Noto Sans CJK, ...): the first one found is used and named in the log, and the
//! font must have a glyph for every character drawn; otherwise there is no image and a clear
//! error, never boxes of tofu. The PNG carries the brief's text as its iTXt "Description",
//! the alt text chat apps show and what the tests compare with the Overview.

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use resvg::usvg::{self, fontdb};
use skrifa::MetadataProvider;

use crate::compute::Summary;
use crate::compute::brief::{Brief, DueTask, Pace, Verdict, compact};
use crate::compute::costs::CostStatus;
use crate::lang::Lang;

/// Width of the image in pixels.
pub const WIDTH: u32 = 1200;
/// The smallest text drawn, in pixels.
pub const MIN_TEXT_PX: u32 = 14;
const MARGIN: f64 = 40.0;
/// Rows per list and Gantt bars drawn; the rest are counted.
const LIST_ROWS: usize = 6;
const GANTT_ROWS: usize = 14;

/// CJK families in order of preference: what Windows, macOS and Linux machines carry.
const CJK_FAMILIES: &[&str] = &[
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK JP",
    "SimHei",
    "Droid Sans Fallback",
];

/// Sans families for a brief with no Chinese in it, when there is no CJK font.
const LATIN_FAMILIES: &[&str] = &[
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
    "DejaVu Sans",
    "Noto Sans",
    "Carlito",
];

/// A drawn brief.
pub struct BriefImage {
    pub png: Vec<u8>,
    /// The font family the text is drawn in.
    pub font: String,
    pub width: u32,
    pub height: u32,
}

/// Why there is no image.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageError {
    /// No font with Chinese glyphs (or, for an all-English brief, none at all).
    NoFont {
        chinese: bool,
    },
    /// The font lacks glyphs for these characters.
    MissingGlyphs {
        font: String,
        chars: String,
    },
    Render(String),
}

impl ImageError {
    pub fn message(&self, l: Lang) -> String {
        match (self, l) {
            (ImageError::NoFont { chinese: true }, Lang::Zh) => "找不到中文字体（微软雅黑、苹方、Noto Sans CJK 等），未生成图片简报；请安装一种中文字体（Linux：apt-get install fonts-noto-cjk），或用 --no-png 不生成图片".into(),
            (ImageError::NoFont { chinese: true }, Lang::En) => "no Chinese font found (Microsoft YaHei, PingFang, Noto Sans CJK ...): no image brief written; install one (Linux: apt-get install fonts-noto-cjk) or pass --no-png".into(),
            (ImageError::NoFont { chinese: false }, Lang::Zh) => "找不到可用字体，未生成图片简报；请安装字体或用 --no-png".into(),
            (ImageError::NoFont { chinese: false }, Lang::En) => "no font found: no image brief written; install one or pass --no-png".into(),
            (ImageError::MissingGlyphs { font, chars }, Lang::Zh) => format!("字体 {font} 缺少这些字符：{chars}，未生成图片简报"),
            (ImageError::MissingGlyphs { font, chars }, Lang::En) => format!("the font {font} has no glyph for {chars}: no image brief written"),
            (ImageError::Render(e), Lang::Zh) => format!("图片简报绘制失败：{e}"),
            (ImageError::Render(e), Lang::En) => format!("the image brief could not be drawn: {e}"),
        }
    }
}

/// Where fonts come from: the machine's, or only those in one folder (the environment
/// variable `PLANTRACK_FONT_DIR`, for machines without system fonts and for tests).
pub fn font_database() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    match std::env::var_os("PLANTRACK_FONT_DIR") {
        Some(dir) => db.load_fonts_dir(dir),
        None => db.load_system_fonts(),
    }
    db
}

/// Draws the brief of `s` in `l`.
///
/// Errors: no usable font ([`ImageError::NoFont`]), a character the font cannot draw, or
/// a rendering failure.
pub fn brief_png(
    s: &Summary,
    b: &Brief,
    l: Lang,
    db: fontdb::Database,
) -> Result<BriefImage, ImageError> {
    let page = Page::lay_out(s, b, l);
    let all_text: String = page.texts.concat();
    let chinese = all_text.chars().any(is_cjk);
    let (family, id) = pick_font(&db, chinese).ok_or(ImageError::NoFont { chinese })?;
    let missing = missing_glyphs(&db, id, &all_text);
    if !missing.is_empty() {
        return Err(ImageError::MissingGlyphs {
            font: family,
            chars: missing,
        });
    }
    let svg = page.svg(&family);
    let mut opt = usvg::Options {
        font_family: family.clone(),
        ..usvg::Options::default()
    };
    opt.fontdb = Arc::new(db);
    let tree = usvg::Tree::from_str(&svg, &opt).map_err(|e| ImageError::Render(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ImageError::Render("empty page".into()))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let png = encode(&pixmap, &page.description).map_err(ImageError::Render)?;
    Ok(BriefImage {
        png,
        font: family,
        width: size.width(),
        height: size.height(),
    })
}

fn encode(pixmap: &resvg::tiny_skia::Pixmap, description: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.add_itxt_chunk("Description".into(), description.into())
            .map_err(|e| e.to_string())?;
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        // Opaque white background: premultiplied pixels equal straight ones.
        w.write_image_data(pixmap.data())
            .map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// The first preferred family the database holds (a CJK one when the text is Chinese).
fn pick_font(db: &fontdb::Database, chinese: bool) -> Option<(String, fontdb::ID)> {
    let find = |name: &str| {
        db.faces()
            .find(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
            .map(|f| (name.to_string(), f.id))
    };
    let cjk = CJK_FAMILIES.iter().find_map(|n| find(n));
    if chinese {
        // Any face with the common ideographs will do when no preferred one is installed.
        return cjk.or_else(|| {
            db.faces().find_map(|f| {
                let covers = missing_glyphs(db, f.id, "中文汇总").is_empty();
                let name = f.families.first()?.0.clone();
                covers.then_some((name, f.id))
            })
        });
    }
    cjk.or_else(|| LATIN_FAMILIES.iter().find_map(|n| find(n)))
        .or_else(|| {
            db.faces()
                .find_map(|f| Some((f.families.first()?.0.clone(), f.id)))
        })
}

/// The characters of `text` the face has no glyph for (spaces aside).
fn missing_glyphs(db: &fontdb::Database, id: fontdb::ID, text: &str) -> String {
    db.with_face_data(id, |data, index| {
        let Ok(font) = skrifa::FontRef::from_index(data, index) else {
            return text
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(8)
                .collect();
        };
        let map = font.charmap();
        let mut seen = String::new();
        for c in text.chars() {
            if !c.is_whitespace() && !c.is_control() && map.map(c).is_none() && !seen.contains(c) {
                seen.push(c);
            }
        }
        seen
    })
    .unwrap_or_else(|| "?".into())
}

/// Estimated advance of a text at a size (CJK one em, Latin about 0.56 em).
fn text_width(t: &str, px: f64) -> f64 {
    t.chars()
        .map(|c| if c.is_ascii() { 0.56 } else { 1.0 })
        .sum::<f64>()
        * px
}

/// Cuts `t` to fit `max` pixels, with an ellipsis.
fn fit(t: &str, px: f64, max: f64) -> String {
    if text_width(t, px) <= max {
        return t.to_string();
    }
    let mut out = String::new();
    for c in t.chars() {
        let next = format!("{out}{c}…");
        if text_width(&next, px) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn esc(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{:.1}%", x * 100.0))
}

fn md(d: NaiveDate) -> String {
    d.format("%m-%d").to_string()
}

const INK: &str = "#1F2937";
const GREY: &str = "#6B7280";
const TRACK: &str = "#E5E7EB";
const NAVY: &str = "#1F3864";

fn verdict_color(v: Verdict) -> &'static str {
    match v {
        Verdict::OnTrack => "#2E7D32",
        Verdict::Watch => "#D97706",
        Verdict::OffTrack => "#C62828",
    }
}

fn pace_color(p: Pace) -> &'static str {
    match p {
        Pace::Reached | Pace::Ahead => "#43A047",
        Pace::OnPace => "#3B82F6",
        Pace::Behind => "#E53935",
        Pace::Unknown => "#9CA3AF",
    }
}

fn cost_color(s: CostStatus) -> &'static str {
    match s {
        CostStatus::Ok => "#43A047",
        CostStatus::Warning => "#F59E0B",
        CostStatus::Over => "#E53935",
        CostStatus::Unbudgeted => "#8B5CF6",
    }
}

/// How a text is drawn: size in pixels, colour, weight, anchor.
#[derive(Clone, Copy)]
struct Look<'a>(u32, &'a str, &'static str, &'static str);

/// The page being laid out: SVG elements top to bottom, and every text drawn.
struct Page {
    body: String,
    texts: Vec<String>,
    y: f64,
    description: String,
}

impl Page {
    fn text(&mut self, x: f64, y: f64, look: Look, t: &str) {
        let Look(px, color, weight, anchor) = look;
        debug_assert!(px >= MIN_TEXT_PX);
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{px}" fill="{color}" font-weight="{weight}" text-anchor="{anchor}">{}</text>"#,
            esc(t)
        );
        self.texts.push(t.to_string());
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, radius: f64) {
        let _ = writeln!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" rx="{radius}" fill="{fill}"/>"#,
            w.max(0.0)
        );
    }

    fn section(&mut self, title: &str) {
        self.y += 18.0;
        self.text(
            MARGIN,
            self.y + 22.0,
            Look(22, NAVY, "bold", "start"),
            title,
        );
        self.rect(
            MARGIN,
            self.y + 32.0,
            WIDTH as f64 - 2.0 * MARGIN,
            2.0,
            NAVY,
            0.0,
        );
        self.y += 44.0;
    }

    fn svg(&self, family: &str) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{h}" viewBox="0 0 {WIDTH} {h}" font-family="{f}"><rect width="100%" height="100%" fill="#FFFFFF"/>
{body}</svg>"##,
            h = self.y.ceil() as u32,
            f = esc(family),
            body = self.body
        )
    }

    fn lay_out_text(b: &Brief, l: Lang) -> String {
        let mut d = String::new();
        let _ = writeln!(d, "{}", b.headline(l));
        for g in &b.goals {
            let _ = writeln!(
                d,
                "{}: {} {} / {} {}",
                g.name,
                pct(g.completion),
                l.pick("完成，时间已过", "done, time gone"),
                pct(g.elapsed),
                g.pace.word(l)
            );
        }
        for t in &b.overdue {
            let _ = writeln!(d, "{} {} {}", l.pick("逾期", "overdue"), t.name, t.days);
        }
        for t in &b.due_soon {
            let _ = writeln!(d, "{} {} {}", l.pick("到期", "due"), t.name, t.due);
        }
        // The budget bars, as drawn: each line's share used.
        let lines: Vec<_> = b.lines.iter().filter(|x| x.budget.is_some()).collect();
        let many_teams = lines.iter().any(|x| x.team != lines[0].team);
        for line in lines.iter().take(LIST_ROWS + 2) {
            let name = if many_teams {
                format!("{} · {}", line.category, line.team)
            } else {
                line.category.clone()
            };
            let _ = writeln!(
                d,
                "{} {name}: {}",
                l.pick("预算", "budget"),
                pct(line.share)
            );
        }
        d
    }

    fn lay_out(s: &Summary, b: &Brief, l: Lang) -> Page {
        let mut p = Page {
            body: String::new(),
            texts: Vec::new(),
            y: 0.0,
            description: Page::lay_out_text(b, l),
        };
        let right = WIDTH as f64 - MARGIN;
        let inner = right - MARGIN;
        // Title band.
        p.rect(0.0, 0.0, WIDTH as f64, 92.0, NAVY, 0.0);
        let title = l.pick("营销计划周度简报", "Marketing plan weekly brief");
        p.text(MARGIN, 46.0, Look(30, "#FFFFFF", "bold", "start"), title);
        let asof = format!(
            "{} {}",
            l.pick("统计日期", "As of"),
            b.as_of.format("%Y-%m-%d")
        );
        p.text(right, 46.0, Look(20, "#FFFFFF", "normal", "end"), &asof);
        let teams = fit(&s.data.teams.join(l.pick("、", ", ")), 16.0, inner);
        p.text(MARGIN, 76.0, Look(16, "#D6DEEB", "normal", "start"), &teams);
        p.y = 92.0;

        // Headline: the status word and its reason.
        p.y += 24.0;
        let word = b.verdict.word(l);
        let badge = text_width(word, 28.0) + 36.0;
        p.rect(MARGIN, p.y, badge, 52.0, verdict_color(b.verdict), 10.0);
        p.text(
            MARGIN + badge / 2.0,
            p.y + 36.0,
            Look(28, "#FFFFFF", "bold", "middle"),
            word,
        );
        let reason = fit(&b.reason.sentence(l), 22.0, inner - badge - 20.0);
        p.text(
            MARGIN + badge + 20.0,
            p.y + 35.0,
            Look(22, INK, "bold", "start"),
            &reason,
        );
        p.y += 52.0 + 30.0;
        let counts = match l {
            Lang::Zh => format!(
                "任务 {} 项：已完成 {}，逾期 {}，未来7天到期 {}",
                b.tasks,
                b.done,
                b.overdue.len(),
                b.due_soon.len()
            ),
            Lang::En => format!(
                "{} tasks: {} done, {} overdue, {} due in the next 7 days",
                b.tasks,
                b.done,
                b.overdue.len(),
                b.due_soon.len()
            ),
        };
        p.text(MARGIN, p.y, Look(18, GREY, "normal", "start"), &counts);
        p.y += 6.0;

        p.goals(b, l);
        p.budget(b, l);
        p.lists(b, l);
        p.needs(b, l);
        p.gantt(b, l);

        p.y += 30.0;
        let foot = l.pick(
            "plantrack 生成 · 明细见汇总工作簿",
            "made by plantrack · details in the summary workbook",
        );
        p.text(MARGIN, p.y, Look(14, GREY, "normal", "start"), foot);
        p.y += 20.0;
        p
    }

    /// A bar per goal: completion filled, the share of time gone marked.
    fn goals(&mut self, b: &Brief, l: Lang) {
        if b.goals.is_empty() {
            return;
        }
        self.section(l.pick("目标进度 vs 时间进度", "Goals against their time"));
        let (x0, w) = (MARGIN, WIDTH as f64 - 2.0 * MARGIN);
        for g in b.goals.iter().take(LIST_ROWS) {
            let name = fit(&g.name, 18.0, w * 0.55);
            self.text(x0, self.y + 18.0, Look(18, INK, "bold", "start"), &name);
            let figures = match (g.actual, g.target) {
                (Some(a), Some(t)) => format!("{} / {}", compact(a, l), compact(t, l)),
                _ => String::new(),
            };
            let summary = format!("{}  {}  {}", figures, pct(g.completion), g.pace.word(l));
            self.text(
                x0 + w,
                self.y + 18.0,
                Look(18, pace_color(g.pace), "bold", "end"),
                &summary,
            );
            let by = self.y + 28.0;
            self.rect(x0, by, w, 22.0, TRACK, 6.0);
            let done = g.completion.unwrap_or(0.0).clamp(0.0, 1.0);
            self.rect(x0, by, w * done, 22.0, pace_color(g.pace), 6.0);
            if let Some(e) = g.elapsed {
                let x = x0 + w * e;
                self.rect(x - 1.5, by - 5.0, 3.0, 32.0, INK, 0.0);
            }
            let mut note = match l {
                Lang::Zh => format!("时间已过 {}", pct(g.elapsed)),
                Lang::En => format!("time gone {}", pct(g.elapsed)),
            };
            if let (Some(d), Some(left)) = (g.per_day, g.days_left) {
                let _ = match l {
                    Lang::Zh => write!(note, " · 剩 {left} 天，每天还需 {}", compact(d, l)),
                    Lang::En => write!(
                        note,
                        " · {left} days left, {} needed per day",
                        compact(d, l)
                    ),
                };
            }
            self.text(x0, by + 46.0, Look(16, GREY, "normal", "start"), &note);
            self.y = by + 60.0;
        }
    }

    /// A bar per budget line: share used, coloured by its status, over budget past the mark.
    fn budget(&mut self, b: &Brief, l: Lang) {
        let lines: Vec<_> = b.lines.iter().filter(|x| x.budget.is_some()).collect();
        if lines.is_empty() {
            return;
        }
        self.section(l.pick("预算使用", "Budget used per line"));
        let label_w = 300.0;
        let x0 = MARGIN + label_w;
        let figures_w = 250.0;
        let w = WIDTH as f64 - MARGIN - x0 - figures_w;
        let many_teams = lines.iter().any(|x| x.team != lines[0].team);
        // The bar's full width is 120% of the budget, so an overrun shows past the mark.
        let scale = 1.2;
        for line in lines.iter().take(LIST_ROWS + 2) {
            let name = if many_teams {
                format!("{} · {}", line.category, line.team)
            } else {
                line.category.clone()
            };
            let name = fit(&name, 17.0, label_w - 16.0);
            self.text(
                MARGIN,
                self.y + 20.0,
                Look(17, INK, "normal", "start"),
                &name,
            );
            self.rect(x0, self.y + 5.0, w, 20.0, TRACK, 5.0);
            let used = line.share.unwrap_or(0.0).clamp(0.0, scale);
            self.rect(
                x0,
                self.y + 5.0,
                w * used / scale,
                20.0,
                cost_color(line.status),
                5.0,
            );
            self.rect(x0 + w / scale - 1.0, self.y, 2.0, 30.0, INK, 0.0);
            let budget = line.budget.map(|x| compact(x, l)).unwrap_or_default();
            let fig = format!(
                "{}  {} / {}",
                pct(line.share),
                compact(line.spent, l),
                budget
            );
            let color = if line.status == CostStatus::Ok {
                INK
            } else {
                cost_color(line.status)
            };
            self.text(
                WIDTH as f64 - MARGIN,
                self.y + 20.0,
                Look(17, color, "bold", "end"),
                &fig,
            );
            self.y += 36.0;
        }
        if lines.len() > LIST_ROWS + 2 {
            let more = match l {
                Lang::Zh => format!(
                    "另有 {} 个科目，见“成本预算”表",
                    lines.len() - LIST_ROWS - 2
                ),
                Lang::En => format!(
                    "{} more lines on the Costs sheet",
                    lines.len() - LIST_ROWS - 2
                ),
            };
            self.text(
                MARGIN,
                self.y + 14.0,
                Look(15, GREY, "normal", "start"),
                &more,
            );
            self.y += 24.0;
        }
    }

    /// Overdue (left) and due in the next seven days (right), with owners.
    fn lists(&mut self, b: &Brief, l: Lang) {
        self.section(l.pick("逾期 · 未来7天到期", "Overdue · due in the next 7 days"));
        let col_w = (WIDTH as f64 - 2.0 * MARGIN - 40.0) / 2.0;
        let top = self.y;
        let column =
            |p: &mut Page, x: f64, title: &str, color: &str, items: &[DueTask], late: bool| {
                let mut y = top;
                p.rect(x, y, col_w, 34.0, color, 6.0);
                let head = format!("{title}  {}", items.len());
                p.text(
                    x + 12.0,
                    y + 24.0,
                    Look(18, "#FFFFFF", "bold", "start"),
                    &head,
                );
                y += 34.0;
                if items.is_empty() {
                    p.text(
                        x + 12.0,
                        y + 28.0,
                        Look(16, GREY, "normal", "start"),
                        l.pick("无", "none"),
                    );
                    y += 40.0;
                }
                for t in items.iter().take(LIST_ROWS) {
                    let when = match (l, late) {
                        (Lang::Zh, true) => format!("逾期 {} 天", t.days),
                        (Lang::En, true) => format!("{} days late", t.days),
                        (Lang::Zh, false) if t.days == 0 => "今天到期".to_string(),
                        (Lang::En, false) if t.days == 0 => "due today".to_string(),
                        (Lang::Zh, false) => format!("{}（{} 天）", md(t.due), t.days),
                        (Lang::En, false) => format!("{} (in {} d)", md(t.due), t.days),
                    };
                    let when_w = text_width(&when, 16.0) + 10.0;
                    let name = fit(&t.name, 17.0, col_w - when_w - 20.0);
                    p.text(x + 12.0, y + 26.0, Look(17, INK, "bold", "start"), &name);
                    p.text(
                        x + col_w - 10.0,
                        y + 26.0,
                        Look(16, color, "bold", "end"),
                        &when,
                    );
                    let owner = t
                        .owner
                        .clone()
                        .unwrap_or_else(|| l.pick("（未指定）", "(no owner)").into());
                    let owner = fit(&format!("{owner} · {}", t.team), 15.0, col_w - 24.0);
                    p.text(
                        x + 12.0,
                        y + 48.0,
                        Look(15, GREY, "normal", "start"),
                        &owner,
                    );
                    y += 58.0;
                }
                if items.len() > LIST_ROWS {
                    let more = match l {
                        Lang::Zh => format!("另有 {} 项", items.len() - LIST_ROWS),
                        Lang::En => format!("{} more", items.len() - LIST_ROWS),
                    };
                    p.text(x + 12.0, y + 22.0, Look(15, GREY, "normal", "start"), &more);
                    y += 30.0;
                }
                y
            };
        let left = column(
            self,
            MARGIN,
            l.pick("逾期", "Overdue"),
            "#C62828",
            &b.overdue,
            true,
        );
        let right = column(
            self,
            MARGIN + col_w + 40.0,
            l.pick("未来7天到期", "Due in 7 days"),
            "#D97706",
            &b.due_soon,
            false,
        );
        self.y = left.max(right);
    }

    fn needs(&mut self, b: &Brief, l: Lang) {
        if b.needs.is_empty() {
            return;
        }
        self.section(l.pick("需要支持", "Needs support"));
        let w = WIDTH as f64 - 2.0 * MARGIN;
        for n in b.needs.iter().take(LIST_ROWS) {
            let who = n.owner.clone().unwrap_or_default();
            let head = fit(&format!("{} · {who}", n.name), 15.0, w);
            self.text(
                MARGIN,
                self.y + 18.0,
                Look(15, GREY, "normal", "start"),
                &head,
            );
            let need = fit(&n.need, 18.0, w);
            self.text(MARGIN, self.y + 42.0, Look(18, INK, "bold", "start"), &need);
            self.y += 54.0;
        }
    }

    /// Stages as bars over the campaign, milestones as diamonds, the as-of date as a line.
    fn gantt(&mut self, b: &Brief, l: Lang) {
        let Some((start, end)) = b.span else { return };
        if b.bars.is_empty() {
            return;
        }
        self.section(l.pick("进度甘特", "Timeline"));
        let label_w = 280.0;
        let x0 = MARGIN + label_w;
        let w = WIDTH as f64 - MARGIN - x0;
        let days = ((end - start).num_days() + 1).max(1) as f64;
        let x_of = |d: NaiveDate| x0 + w * ((d - start).num_days() as f64 / days).clamp(0.0, 1.0);
        // Ticks: Mondays for up to about four months, else the first of each month.
        let top = self.y;
        let mut tick = start;
        let weekly = days <= 120.0;
        if weekly {
            while tick.weekday().num_days_from_monday() != 0 {
                tick = tick + Days::new(1);
            }
        } else {
            tick = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
        }
        let rows = b.bars.len().min(GANTT_ROWS) as f64;
        let height = 30.0 + rows * 30.0;
        let mut last_label = f64::MIN;
        while tick <= end {
            if tick >= start {
                let x = x_of(tick);
                self.rect(x, top + 26.0, 1.0, height - 26.0, TRACK, 0.0);
                if x - last_label > 56.0 && x < WIDTH as f64 - MARGIN - 20.0 {
                    self.text(x, top + 18.0, Look(14, GREY, "normal", "middle"), &md(tick));
                    last_label = x;
                }
            }
            tick = if weekly {
                tick + Days::new(7)
            } else {
                tick.checked_add_months(chrono::Months::new(1))
                    .unwrap_or(end + Days::new(1))
            };
        }
        let mut y = top + 30.0;
        for bar in b.bars.iter().take(GANTT_ROWS) {
            let label = fit(&bar.label, 16.0, label_w - 14.0);
            let weight = if bar.milestone { "bold" } else { "normal" };
            let color = if bar.milestone { "#7B1FA2" } else { INK };
            self.text(MARGIN, y + 20.0, Look(16, color, weight, "start"), &label);
            if bar.milestone {
                let (cx, cy) = (x_of(bar.start) + w / days / 2.0, y + 14.0);
                let _ = writeln!(
                    self.body,
                    r##"<path d="M {cx:.1} {:.1} L {:.1} {cy:.1} L {cx:.1} {:.1} L {:.1} {cy:.1} Z" fill="{}"/>"##,
                    cy - 11.0,
                    cx + 11.0,
                    cy + 11.0,
                    cx - 11.0,
                    if bar.overdue > 0 {
                        "#E53935"
                    } else {
                        "#7B1FA2"
                    }
                );
            } else {
                let (a, z) = (x_of(bar.start), x_of(bar.end + Days::new(1)));
                let color = if bar.overdue > 0 {
                    "#E53935"
                } else if bar.done == bar.tasks {
                    "#43A047"
                } else {
                    "#5B9BD5"
                };
                self.rect(a, y + 5.0, z - a, 20.0, "#C9D7EA", 4.0);
                let share = bar.done as f64 / bar.tasks.max(1) as f64;
                self.rect(a, y + 5.0, (z - a) * share, 20.0, color, 4.0);
                if bar.overdue > 0 && share == 0.0 {
                    self.rect(a, y + 5.0, 6.0, 20.0, color, 2.0);
                }
            }
            y += 30.0;
        }
        // The as-of line.
        if b.as_of >= start && b.as_of <= end {
            let x = x_of(b.as_of);
            self.rect(x - 1.0, top + 24.0, 2.5, y - top - 24.0, "#C62828", 0.0);
            let label = format!("{} {}", l.pick("今天", "as of"), md(b.as_of));
            self.text(x, y + 18.0, Look(14, "#C62828", "bold", "middle"), &label);
            y += 22.0;
        }
        if b.bars.len() > GANTT_ROWS {
            let more = match l {
                Lang::Zh => format!("另有 {} 行，见“甘特图”表", b.bars.len() - GANTT_ROWS),
                Lang::En => format!("{} more rows on the Gantt sheet", b.bars.len() - GANTT_ROWS),
            };
            self.text(MARGIN, y + 18.0, Look(15, GREY, "normal", "start"), &more);
            y += 26.0;
        }
        self.y = y;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_to_their_space_with_an_ellipsis() {
        let t = fit("门店促销物料设计与印刷及配送", 20.0, 100.0);
        assert_eq!(t, "门店促销…");
        assert!(text_width(&t, 20.0) <= 100.0);
        assert_eq!(fit("short", 20.0, 100.0), "short");
    }

    #[test]
    fn no_font_is_a_clear_error_in_both_languages() {
        let e = ImageError::NoFont { chinese: true };
        assert!(e.message(Lang::Zh).contains("fonts-noto-cjk"));
        assert!(e.message(Lang::En).contains("--no-png"));
        let empty = fontdb::Database::new();
        assert_eq!(pick_font(&empty, true), None);
        assert_eq!(pick_font(&empty, false), None);
    }
}
