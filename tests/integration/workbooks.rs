//! Workbooks made in the tests: messy team workbooks from a seed (the same seed gives the same
//! workbook), small workbooks of one sheet, and hostile containers written byte by byte.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

/// A small deterministic generator (64-bit LCG), so every run makes the same workbooks.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A cell written into a generated sheet.
enum Cell {
    Text(String),
    Number(f64),
}

const GOOD_DATES: &[&str] = &[
    "2026-11-02",
    "2026/11/20",
    "11月26日",
    "2026年12月1日",
    "12/05",
];
const BAD_DATES: &[&str] = &["202X..", "待定", "TBD", "下周", "13/45", "#N/A"];
const OWNERS: &[&str] = &["张三", "李四", "王五", "Ann", "张三/李四", "市场部"];
const AMOUNTS: &[&str] = &[
    "12,000",
    "¥1.2万",
    "3k",
    "(1,200)",
    "2w",
    "待报销",
    "abc",
    "80%",
];
const QUANTITIES: &[&str] = &["发布笔记10篇", "5", "确定3名主播", "一些", "20%", "１２"];
const STATUS: &[&str] = &["进行中", "已完成", "延期", "未开始", "搁置?", "取消"];
const LEVELS: &[&str] = &["高", "中", "低", "很高", "High"];

/// A value for a column: usually well formed, sometimes messy, sometimes empty.
fn value(rng: &mut Lcg, good: &[&str], bad: &[&str]) -> Option<Cell> {
    match rng.below(10) {
        0 | 1 => None,
        2 => Some(Cell::Text(rng.pick(bad).to_string())),
        3 => Some(Cell::Number(rng.below(5000) as f64)),
        _ => Some(Cell::Text(rng.pick(good).to_string())),
    }
}

struct SheetSpec {
    name: &'static str,
    headers: &'static [&'static str],
    columns: Vec<(&'static [&'static str], &'static [&'static str])>,
}

fn specs() -> Vec<SheetSpec> {
    vec![
        SheetSpec {
            name: "目标拆解",
            headers: &[
                "编号",
                "总目标",
                "阶段目标",
                "具体任务",
                "负责人",
                "开始时间",
                "完成时间",
                "完成度",
                "状态",
            ],
            columns: vec![
                (&["1", "1.1", "2.3", "A-1"], &["?"]),
                (&["线上销售额300万", "品牌曝光1000万"], &["#REF!"]),
                (&["直播渠道100万", "小红书50万"], &["---"]),
                (&["直播带货", "发布种草笔记", "门店物料"], &[""]),
                (OWNERS, &["张三、李四"]),
                (GOOD_DATES, BAD_DATES),
                (GOOD_DATES, BAD_DATES),
                (&["80%", "50", "0.3", "100%"], &["一半", "120%"]),
                (STATUS, &["??"]),
            ],
        },
        SheetSpec {
            name: "周度进度跟踪",
            headers: &[
                "周次",
                "任务名称",
                "本周计划",
                "实际完成",
                "进度偏差",
                "偏差原因分析",
                "解决措施",
                "责任人",
            ],
            columns: vec![
                (&["第3周", "W47", "11.23-11.29", "2026-11-23"], &["下周"]),
                (&["直播带货", "发布种草笔记", "不存在的任务"], &[""]),
                (QUANTITIES, &["很多"]),
                (QUANTITIES, &["#DIV/0!"]),
                (&["-20%", "0%", "-33%"], &["差一点"]),
                (&["主播档期冲突", "预算延迟"], &[""]),
                (&["加开一场", "调整排期"], &[""]),
                (OWNERS, &[""]),
            ],
        },
        SheetSpec {
            name: "成本支出明细",
            headers: &["日期", "费用科目", "渠道", "事项", "金额", "经办人"],
            columns: vec![
                (GOOD_DATES, BAD_DATES),
                (&["直播推广费", "物料制作", "小红书投放"], &[""]),
                (&["抖音", "线下"], &[""]),
                (&["投流", "海报印刷"], &[""]),
                (AMOUNTS, &["#VALUE!", "待定"]),
                (OWNERS, &[""]),
            ],
        },
        SheetSpec {
            name: "预算",
            headers: &["费用科目", "预算", "渠道", "负责人"],
            columns: vec![
                (&["直播推广费", "物料制作", "小红书投放"], &[""]),
                (AMOUNTS, &["不限"]),
                (&["抖音", "线下"], &[""]),
                (OWNERS, &[""]),
            ],
        },
        SheetSpec {
            name: "风险预案",
            headers: &["风险", "可能性", "影响", "应对措施", "负责人", "状态"],
            columns: vec![
                (&["主播临时取消", "物流延迟"], &[""]),
                (LEVELS, &["?"]),
                (LEVELS, &["?"]),
                (&["备选主播", "提前发货"], &[""]),
                (OWNERS, &[""]),
                (&["未发生", "已发生", "已关闭"], &["不知道"]),
            ],
        },
    ]
}

/// Writes a messy team workbook for `seed`: every kind of sheet, title rows above the
/// header, empty rows, note-only rows beside the table, merged goal cells, and in each column
/// a mix of good, messy and empty cells. Returns the number of data rows written.
pub fn messy_workbook(seed: u64, path: &Path) -> usize {
    let mut rng = Lcg::new(seed);
    let mut wb = Workbook::new();
    let plain = Format::new();
    let mut data_rows = 0;
    for spec in specs() {
        let ws = wb.add_worksheet();
        ws.set_name(spec.name).unwrap();
        let mut row = 0u32;
        if rng.chance(50) {
            ws.write_string(0, 0, format!("{} 2026 双11", spec.name))
                .unwrap();
            ws.write_string(1, 0, "填写说明：每行一项").unwrap();
            row = 2 + rng.below(3) as u32;
        }
        for (c, h) in spec.headers.iter().enumerate() {
            ws.write_string(row, c as u16, *h).unwrap();
        }
        // A note column to the right, under no known header.
        let note_col = spec.headers.len() as u16 + 2;
        ws.write_string(row, note_col, "备注").unwrap();
        row += 1;
        let rows = 3 + rng.below(25);
        for _ in 0..rows {
            match rng.below(12) {
                0 => {} // an empty row
                1 => ws
                    .write_string(row, note_col, "只有备注的一行")
                    .map(|_| ())
                    .unwrap(),
                2 if spec.name == "目标拆解" => {
                    // A goal merged down over three rows, each with a task.
                    ws.merge_range(row, 1, row + 2, 1, "合并的总目标500万", &plain)
                        .unwrap();
                    for r in row..row + 3 {
                        ws.write_string(r, 3, format!("任务{r}")).unwrap();
                        ws.write_string(r, 4, "张三").unwrap();
                        ws.write_string(r, 6, "2026-12-01").unwrap();
                    }
                    row += 2;
                    data_rows += 3;
                }
                _ => {
                    let mut any = false;
                    for (c, (good, bad)) in spec.columns.iter().enumerate() {
                        match value(&mut rng, good, bad) {
                            Some(Cell::Text(t)) if !t.is_empty() => {
                                ws.write_string(row, c as u16, &t).unwrap();
                                any = true;
                            }
                            Some(Cell::Number(n)) => {
                                ws.write_number(row, c as u16, n).unwrap();
                                any = true;
                            }
                            _ => {}
                        }
                    }
                    if rng.chance(20) {
                        ws.write_string(row, note_col, "备注").unwrap();
                    }
                    data_rows += usize::from(any);
                }
            }
            row += 1;
        }
    }
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "这一页没有数据").unwrap();
    wb.save(path).unwrap();
    data_rows
}

/// Writes a one-sheet .xlsx with the given rows of text.
pub fn one_sheet(path: &Path, sheet: &str, rows: &[&[&str]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

/// The header and two data rows of a cost sheet, as XML cells for a hand-made sheet part.
pub const COSTS_ROWS_XML: &str = concat!(
    r#"<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>费用科目</t></is></c><c r="C1" t="inlineStr"><is><t>金额</t></is></c></row>"#,
    r#"<row r="2"><c r="A2" t="inlineStr"><is><t>2026-11-01</t></is></c><c r="B2" t="inlineStr"><is><t>物料制作</t></is></c><c r="C2"><v>1200</v></c></row>"#,
    r#"<row r="3"><c r="A3" t="inlineStr"><is><t>2026-11-02</t></is></c><c r="B3" t="inlineStr"><is><t>物料制作</t></is></c><c r="C3"><v>800</v></c></row>"#,
);

/// Writes a minimal .xlsx whose one sheet ("成本支出明细") is `sheet_data` streamed in
/// pieces (so a part of hundreds of megabytes never sits in memory), plus `after` (merged
/// cells) after the sheet data.
pub fn hand_made_xlsx(
    path: &Path,
    sheet_data: impl Iterator<Item = Vec<u8>>,
    after: &str,
) -> std::io::Result<()> {
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create(path)?;
    let mut zip = zip::ZipWriter::new(file);
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="成本支出明细" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts)?;
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#)?;
    for chunk in sheet_data {
        zip.write_all(&chunk)?;
    }
    zip.write_all(b"</sheetData>")?;
    zip.write_all(after.as_bytes())?;
    zip.write_all(b"</worksheet>")?;
    zip.finish()?;
    Ok(())
}

/// Writes a minimal .ods whose one table ("Costs") holds `table` (rows as XML).
pub fn hand_made_ods(path: &Path, table: &str) -> std::io::Result<()> {
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create(path)?;
    let mut zip = zip::ZipWriter::new(file);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    zip.start_file("META-INF/manifest.xml", deflated)?;
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)?;
    zip.start_file("content.xml", deflated)?;
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Costs">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )?;
    zip.finish()?;
    Ok(())
}

/// An .ods table row of text cells.
pub fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| {
            format!(
                r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#
            )
        })
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}
