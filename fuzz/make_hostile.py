#!/usr/bin/env python3
"""Writes hostile workbooks at full size, for measuring plantrack's limits (README, "What
plantrack guarantees"): time and peak memory with `/usr/bin/time -v plantrack check FILE`.
The tests make the same files at a modest size (tests/integration/limits.rs).

Usage: make_hostile.py OUT_DIR [SCALE_MB]   (SCALE_MB: size of each bomb, default 2000)
"""
import os
import sys
import zipfile

out = sys.argv[1]
scale_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
os.makedirs(out, exist_ok=True)

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WB = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="成本支出明细" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def istr(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def data_rows():
    rows = [["日期", "费用科目", "金额"], ["2026-11-01", "直播推广费", "1200"], ["2026-11-02", "物料制作", "800"]]
    out = []
    for r, cells in enumerate(rows):
        out.append(f'<row r="{r+1}">' + "".join(istr(f"{col(c)}{r+1}", v) for c, v in enumerate(cells)) + "</row>")
    return "".join(out)


def xlsx(name, sheet_chunks, sst_chunks=None, dimension=None, merges=None, workbook=WB, rows=None):
    path = os.path.join(out, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for chunk in sst_chunks or []:
                f.write(chunk)
            f.write(b"</sst>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(HEAD.encode())
            if dimension:
                f.write(f'<dimension ref="{dimension}"/>'.encode())
            f.write(b"<sheetData>")
            f.write((data_rows() if rows is None else rows).encode())
            for chunk in sheet_chunks:
                f.write(chunk)
            f.write(b"</sheetData>")
            if merges:
                f.write(f'<mergeCells count="{len(merges)}">'.encode())
                for m in merges:
                    f.write(f'<mergeCell ref="{m}"/>'.encode())
                f.write(b"</mergeCells>")
            f.write(b"</worksheet>")
    print(path, os.path.getsize(path))


MB = 1 << 20
spaces = b" " * MB

# 1. A sheet part inflating to SCALE_MB of spaces.
xlsx("bomb-sheet.xlsx", (spaces for _ in range(scale_mb)))
# 2. A shared string inflating to SCALE_MB.
xlsx("bomb-sst.xlsx", [], sst_chunks=[b"<si><t>"] + [b"a" * MB for _ in range(scale_mb)] + [b"</t></si>"])
# 3. A million empty formatted rows below the data.
xlsx("empty-rows.xlsx", (f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>'.encode() for r in range(4, 1_048_577)))
# 4. Thousands of columns: 16384 filled columns on 200 rows.
xlsx("wide.xlsx", ("".join([f'<row r="{r}">'] + [f'<c r="{col(c)}{r}"><v>{c}</v></c>' for c in range(16384)] + ["</row>"]).encode() for r in range(4, 204)))
# 5. A huge claimed dimension, a cell at the far corner and a merge over everything.
xlsx("huge-dimension.xlsx", [b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'], dimension="A1:XFD1048576", merges=["A5:XFD1048576"])
# 6. Many merged regions (one per row) over 100k rows: quadratic if each row scans all.
xlsx("many-merges.xlsx", (f'<row r="{r}">{istr(f"A{r}", "2026-11-03")}{istr(f"B{r}", "物料制作")}<c r="C{r}"><v>1</v></c></row>'.encode() for r in range(4, 100_004)), merges=[f"D{r}:E{r}" for r in range(4, 100_004)])
# 7. Rows beyond Excel's last row.
xlsx("beyond-last-row.xlsx", [f'<row r="{r}"><c r="C{r}"><v>1</v></c></row>'.encode() for r in (2_000_000, 4_000_000_000)])


def ods(name, table_body):
    path = os.path.join(out, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        with z.open("content.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Costs">')
            for chunk in table_body:
                f.write(chunk)
            f.write(b"</table:table></office:spreadsheet></office:body></office:document-content>")
    print(path, os.path.getsize(path))


def ods_cell(v):
    return f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'


ods_head = "".join("<table:table-row>" + "".join(ods_cell(v) for v in r) + "</table:table-row>" for r in [["Date", "Category", "Amount"], ["2026-11-01", "Ads", "1200"]]).encode()
# 8. An ods claiming ~94M cells: a value in column 90 on the last of a million rows.
ods("huge-dimension.ods", [ods_head, b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>', b'<table:table-row><table:table-cell table:number-columns-repeated="89"/>' + ods_cell("x").encode() + b"</table:table-row>"])
# 9. An ods whose content.xml inflates to SCALE_MB of spaces.
ods("bomb.ods", [ods_head] + [spaces for _ in range(scale_mb)])


# 10. An .xls whose Dimensions record claims 4 billion rows and 65535 columns.
def patched_xls(name, source):
    data = bytearray(open(source, "rb").read())
    i = data.find(b"\x00\x02\x0e\x00")
    assert i > 0
    body = i + 4
    data[body:body + 12] = (0).to_bytes(4, "little") + (0xFFFFFFFF).to_bytes(4, "little") + (0).to_bytes(2, "little") + (0xFFFF).to_bytes(2, "little")
    path = os.path.join(out, name)
    open(path, "wb").write(data)
    print(path, os.path.getsize(path))


corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "corpus", "calamine-tests")
if os.path.exists(os.path.join(corpus, "date.xls")):
    patched_xls("huge-dimension.xls", os.path.join(corpus, "date.xls"))


# Decoys: files that one parser reads differently from another (issue 14).
# 11. An ods whose first *:number-rows-repeated says 1 while calamine's table:number-rows-repeated
#     says a million, on a row of 90 filled cells: 94 million cells.
big_row = b'<table:table-row x:number-rows-repeated="1" table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="90" office:value-type="float" office:value="1"/></table:table-row>'
ods("decoy-first-repeat.ods", [ods_head, big_row])
# 12. An ods with a mismatched end tag before the same big row (calamine does not check end tags).
mismatched = b'<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:q></table:table-cell></table:table-row>'
ods("decoy-end-tag.ods", [ods_head, mismatched, big_row.replace(b'x:number-rows-repeated="1" ', b"")])
# 13. A last-week summary beside the output whose hidden snapshot sheet claims A1:XFD1048576,
#     picked up by report's default --previous.
snapshot_wb = WB.replace('<sheet name="成本支出明细" sheetId="1" r:id="rId1"/>', '<sheet name="_plantrack" sheetId="1" state="hidden" r:id="rId1"/>')
xlsx("plantrack-summary-2026-11-19.xlsx", [b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'], dimension="A1:XFD1048576", workbook=snapshot_wb,
     rows='<row r="1"><c r="A1" t="inlineStr"><is><t>plantrack snapshot</t></is></c><c r="B1" t="inlineStr"><is><t>1</t></is></c><c r="C1" t="inlineStr"><is><t>2026-11-19</t></is></c></row>')
