//! Merged regions of an .xlsx sheet, found by scanning the sheet's XML bytes.
//!
//! Why not calamine's lookup: it parses every element of the sheet to reach the
//! `<mergeCells>` block at its end, which for a million-row ledger costs as much as reading
//! the cells themselves. The block can only be reached by inflating the part, but it need
//! not be parsed: a byte search finds the end of `<sheetData>` (text cannot contain `</`),
//! and the `<mergeCell ref="A1:B2"/>` elements after it. That is several times cheaper.
//!
//! The part of each sheet is found the way Excel does: `_rels/.rels` names the workbook
//! part, its relationships name each sheet's part. Anything unexpected returns None, and the
//! caller asks calamine instead.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::Dimensions;
use memchr::memmem;
use quick_xml::XmlVersion;
use quick_xml::events::Event;

/// The zip part of every sheet, by sheet name; None when the package does not say.
pub fn sheet_parts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Option<HashMap<String, String>> {
    let names: Vec<String> = (0..zip.len())
        .filter_map(|i| Some(zip.name_for_index(i)?.ok()?.into_owned()))
        .collect();
    let find = |want: &str| -> Option<String> {
        names
            .iter()
            .find(|n| n.replace('\\', "/").eq_ignore_ascii_case(want))
            .cloned()
    };
    let root = read_part(zip, &find("_rels/.rels")?)?;
    let workbook = relationships(&root)
        .into_iter()
        .find(|(_, (_, typ))| typ.ends_with("/officeDocument"))
        .map(|(_, (target, _))| target.trim_start_matches('/').to_string())?;
    let (dir, file) = match workbook.rsplit_once('/') {
        Some((d, f)) => (format!("{d}/"), f.to_string()),
        None => (String::new(), workbook.clone()),
    };
    let rels = relationships(&read_part(zip, &find(&format!("{dir}_rels/{file}.rels"))?)?);
    let book = read_part(zip, &find(&workbook)?)?;
    let mut parts = HashMap::new();
    let mut reader = quick_xml::Reader::from_reader(book.as_slice());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                let (mut name, mut id) = (None, None);
                for a in e.attributes().flatten() {
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .ok()?
                        .into_owned();
                    match a.key.local_name().as_ref() {
                        "name" => name = Some(value),
                        "id" => id = Some(value),
                        _ => {}
                    }
                }
                if let (Some(name), Some((target, _))) = (name, id.and_then(|i| rels.get(&i))) {
                    let path = match target.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("{dir}{target}"),
                    };
                    parts.insert(name, find(&path)?);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(parts)
}

/// The most read of a relationships or workbook part (they are a few KiB).
const MAX_SMALL_PART: u64 = 64 << 20;

/// A small part (a relationships list, the workbook part) read whole.
fn read_part<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    zip.by_name(name)
        .ok()?
        .take(MAX_SMALL_PART)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Id -> (target, type) of a relationships part.
fn relationships(xml: &[u8]) -> HashMap<String, (String, String)> {
    let mut out = HashMap::new();
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let (mut id, mut target, mut typ) = (None, None, String::new());
                for a in e.attributes().flatten() {
                    let Ok(value) = a.normalized_value(XmlVersion::Implicit1_0) else {
                        continue;
                    };
                    match a.key.local_name().as_ref() {
                        "Id" => id = Some(value.into_owned()),
                        "Target" => target = Some(value.into_owned()),
                        "Type" => typ = value.into_owned(),
                        _ => {}
                    }
                }
                if let (Some(id), Some(target)) = (id, target) {
                    out.insert(id, (target, typ));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// Bytes inflated per read.
const CHUNK: usize = 256 * 1024;
/// Bytes kept from one read to the next, so a tag cut by a read boundary is found whole.
const KEEP: usize = 1024;

/// The merged regions after the sheet's data, in the order written.
///
/// Errors: the part cannot be inflated.
pub fn scan_merges(mut part: impl Read) -> std::io::Result<Vec<Dimensions>> {
    let data_end = memmem::Finder::new(b"sheetData>");
    let merge = memmem::Finder::new(b"mergeCell");
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + KEEP);
    let mut after_data = false;
    let mut found = Vec::new();
    loop {
        let kept = buf.len();
        buf.resize(kept + CHUNK, 0);
        let n = read_full(&mut part, &mut buf[kept..])?;
        buf.truncate(kept + n);
        let eof = n == 0;
        let mut pos = 0;
        if !after_data {
            let mut from = 0;
            while let Some(i) = data_end.find(&buf[from..]) {
                let at = from + i;
                if closes_element(&buf[..at]) {
                    after_data = true;
                    pos = at;
                    break;
                }
                from = at + 1;
            }
            if !after_data {
                pos = buf.len().saturating_sub(KEEP);
            }
        }
        if after_data {
            pos = merges_in(&buf, pos, eof, &merge, &mut found);
        }
        if eof {
            return Ok(found);
        }
        buf.drain(..pos);
    }
}

/// Reads until `buf` is full or the part ends; returns the bytes read.
fn read_full(part: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match part.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// True when the bytes before `sheetData>` end in `</` or `</prefix:` (a closing tag).
fn closes_element(before: &[u8]) -> bool {
    if before.ends_with(b"</") {
        return true;
    }
    let Some(prefixed) = before.strip_suffix(b":") else {
        return false;
    };
    let name = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    let start = prefixed.iter().rposition(|b| !name(b)).map_or(0, |i| i + 1);
    start < prefixed.len() && prefixed[..start].ends_with(b"</")
}

/// Collects the `mergeCell` elements of `buf` from `pos`; returns where the next read should
/// resume (an element cut by the end of `buf` is kept for it).
fn merges_in(
    buf: &[u8],
    mut pos: usize,
    eof: bool,
    merge: &memmem::Finder<'_>,
    found: &mut Vec<Dimensions>,
) -> usize {
    while let Some(i) = merge.find(&buf[pos..]) {
        let at = pos + i;
        let Some(len) = memchr::memchr(b'>', &buf[at..]) else {
            return if eof { buf.len() } else { at };
        };
        let element = &buf[at..at + len];
        let opens = at > 0 && matches!(buf[at - 1], b'<' | b':');
        let named = element
            .get("mergeCell".len())
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/');
        if opens
            && named
            && let Some(d) = ref_attr(element).and_then(parse_range)
        {
            found.push(d);
        }
        pos = at + len + 1;
    }
    pos.max(buf.len().saturating_sub(KEEP))
}

/// The value of the `ref` attribute of an element's bytes.
fn ref_attr(element: &[u8]) -> Option<&str> {
    let mut from = 0;
    while let Some(i) = memmem::find(&element[from..], b"ref=") {
        let at = from + i;
        let before_ok = at > 0 && element[at - 1].is_ascii_whitespace();
        let quote = *element.get(at + 4)?;
        if before_ok && (quote == b'"' || quote == b'\'') {
            let rest = &element[at + 5..];
            let end = memchr::memchr(quote, rest)?;
            return std::str::from_utf8(&rest[..end]).ok();
        }
        from = at + 4;
    }
    None
}

/// "B2:D5" (or one cell, "B2") as 0-based (row, column) corners.
fn parse_range(text: &str) -> Option<Dimensions> {
    let (a, b) = text.split_once(':').unwrap_or((text, text));
    let start = parse_cell(a)?;
    let end = parse_cell(b)?;
    Some(Dimensions { start, end })
}

/// "AB12" -> (11, 27).
fn parse_cell(cell: &str) -> Option<(u32, u32)> {
    let cell = cell.trim().trim_start_matches('$');
    let letters = cell.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for b in cell[..letters].bytes() {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = cell[letters..].trim_start_matches('$').parse().ok()?;
    (row >= 1).then_some((row - 1, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str) -> Vec<((u32, u32), (u32, u32))> {
        scan_merges(xml.as_bytes())
            .unwrap()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect()
    }

    #[test]
    fn finds_merges_after_the_data_only() {
        let xml = r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell ref="A1:B2"</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="$C$3:AA10" /></mergeCells></worksheet>"#;
        assert_eq!(scan(xml), vec![((0, 0), (1, 1)), ((2, 2), (9, 26))]);
    }

    #[test]
    fn prefixed_elements_and_single_quotes() {
        let xml = "<x:worksheet><x:sheetData></x:sheetData><x:mergeCells><x:mergeCell ref='B2'/></x:mergeCells></x:worksheet>";
        assert_eq!(scan(xml), vec![((1, 1), (1, 1))]);
    }

    #[test]
    fn tags_cut_by_a_read_boundary_are_found() {
        let filler = "<row><c><v>1</v></c></row>".repeat(CHUNK / 20);
        let merges: String = (1..=500)
            .map(|r| format!("<mergeCell ref=\"A{r}:C{r}\"/>"))
            .collect();
        let xml = format!(
            "<worksheet><sheetData>{filler}</sheetData><mergeCells>{merges}</mergeCells>{}</worksheet>",
            " ".repeat(CHUNK)
        );
        // Shift the boundaries through every offset of the tags' lengths.
        for pad in 0..40 {
            let padded = format!("{}{xml}", " ".repeat(pad * 97));
            let found = scan(&padded);
            assert_eq!(found.len(), 500, "pad {pad}");
            assert_eq!(found[499], ((499, 0), (499, 2)));
        }
    }

    #[test]
    fn no_merges() {
        assert!(scan("<worksheet><sheetData></sheetData></worksheet>").is_empty());
        assert!(scan("").is_empty());
        assert!(scan("<worksheet><sheetData/></worksheet>").is_empty());
    }
}
