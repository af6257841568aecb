//! The cell-value parsers on arbitrary text: numbers, money, quantities in text, dates,
//! header units, owners. None may panic, and what they return must hold together: a parsed
//! number prints and parses back to itself, and width normalisation is idempotent.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use plantrack::values::*;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let normal = normalize_width(&text);
    assert_eq!(
        normalize_width(&normal),
        normal,
        "normalize_width is not idempotent"
    );
    let _ = to_simplified(&text);
    if let Some(q) = parse_number(&text) {
        let again = parse_number(&q.value.to_string()).map(|p| p.value);
        assert_eq!(
            again,
            Some(q.value),
            "{text:?} -> {} does not parse back",
            q.value
        );
    }
    let _ = quantity_in_text(&text);
    let _ = budget_in_text(&text);
    for as_of in [
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        NaiveDate::MIN,
        NaiveDate::MAX,
    ] {
        let _ = parse_date(&text, as_of);
    }
    let _ = split_unit_hint(&text);
    let _ = split_owners(&text);
    let _ = currency_in(&text);
    if data.len() >= 8 {
        let x = f64::from_le_bytes(data[..8].try_into().unwrap());
        let _ = decimal_from_f64(x);
        let _ = serial_to_date(x);
        let _ = serial_1904_to_date(x);
    }
});
