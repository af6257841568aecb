//! Printing at a readable size. A sheet fitted to one page wide shrinks without limit (a
//! 21-column Tasks sheet printed at 34%, 3.5-point text), so each sheet is measured instead:
//! when its columns fit a landscape A4 page at [`MIN_SCALE`] percent or more it is fitted to
//! the page width; otherwise it prints at [`MIN_SCALE`] and runs on to further page widths,
//! its key columns first and repeated on each, its header rows repeated on every page.

use rust_xlsxwriter::Worksheet;

/// The smallest print scale: the 10-point cell text prints at 7 points.
pub const MIN_SCALE: f64 = 70.0;
/// A4, in the paper-size codes of the file format.
pub const A4: u8 = 9;
/// Left and right margins, in inches.
pub const SIDE_MARGIN: f64 = 0.4;
/// The printable width of a landscape A4 page with those margins, in points.
pub const LANDSCAPE_WIDTH_PT: f64 = 842.0 - 2.0 * SIDE_MARGIN * 72.0;

/// The printed width of columns of these widths (in character units) at 100%, in points:
/// a character unit is 7 pixels plus 5 of padding per column, at 0.75 point a pixel.
pub fn columns_width_pt(widths: impl IntoIterator<Item = f64>) -> f64 {
    widths
        .into_iter()
        .map(|w| (w * 7.0 + 5.0).floor() * 0.75)
        .sum()
}

/// The scale (percent) at which `width_pt` fits the page width, capped at 100.
pub fn fitting_scale(width_pt: f64) -> f64 {
    (LANDSCAPE_WIDTH_PT / width_pt.max(1.0) * 100.0).min(100.0)
}

/// Landscape A4 with the header rows `header_rows` repeated on every page, a footer with the
/// sheet's name and page number, and the scale for a sheet `width_pt` wide: fitted to the
/// page width when that keeps [`MIN_SCALE`], else [`MIN_SCALE`] with the columns
/// `key_columns` repeated on every page width. Returns whether the sheet fits one width.
pub fn setup(
    ws: &mut Worksheet,
    header_rows: Option<(u32, u32)>,
    width_pt: f64,
    key_columns: Option<(u16, u16)>,
) -> bool {
    ws.set_landscape();
    ws.set_paper_size(A4);
    ws.set_margins(SIDE_MARGIN, SIDE_MARGIN, 0.5, 0.5, 0.3, 0.3);
    if let Some((a, b)) = header_rows {
        let _ = ws.set_repeat_rows(a, b);
    }
    ws.set_footer("&L&A&R&P / &N");
    let fits = fitting_scale(width_pt) >= MIN_SCALE;
    if fits {
        ws.set_print_fit_to_pages(1, 0);
    } else {
        ws.set_print_scale(MIN_SCALE as u16);
        if let Some((a, b)) = key_columns {
            let _ = ws.set_repeat_columns(a, b);
        }
    }
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_sheet_is_fitted_and_a_wide_one_keeps_seventy_percent() {
        // Nine columns of 30 character units: about 1,450 points, as wide as Tasks.
        let wide = columns_width_pt([30.0; 9]);
        assert_eq!(wide, 1451.25);
        assert!(fitting_scale(wide) < MIN_SCALE);
        // The Changes sheet's columns fit at full size.
        let narrow = columns_width_pt([14.0, 30.0, 14.0, 14.0, 14.0, 14.0, 11.0, 11.0]);
        assert_eq!(narrow, 670.5);
        assert_eq!(fitting_scale(narrow), 100.0);
        // Nine columns of 20 (145 px, 108.75 pt, each) fit at 80%.
        let middle = columns_width_pt([20.0; 9]);
        let scale = fitting_scale(middle);
        assert!((scale - 80.1).abs() < 0.1, "{scale}");
    }
}
