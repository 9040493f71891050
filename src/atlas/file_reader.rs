//! The maps' file read by hand, in the encoding the build writes it in (postcard's, read by
//! `postcard_cursor`): every point must lie near its sheet, and any fault reads as `None`.

use crate::atlas::{points, Atlas, Overlay, Shape, Sheet, Spot, SHEET_WIDTH};
use crate::postcard_cursor::Cursor;

/// The shapes' outlines: lists of points.
fn runs(c: &mut Cursor) -> Vec<Vec<(i32, i32)>> {
    c.list(|c| c.list(Cursor::point))
}

/// The whole file, or `None` if it is no maps' file (or has bytes after one).
pub(super) fn atlas(bytes: &[u8]) -> Option<Atlas> {
    let mut c = Cursor::new(bytes);
    let sheets = c.list(|c| Sheet {
        chart: c.text(),
        height: c.signed(),
        km_per_unit: c.float(),
        shapes: c.list(|c| Shape {
            code: c.text(),
            rings: runs(c),
            centre: c.point(),
            extent: c.signed(),
            borders: runs(c),
            outline: runs(c),
        }),
        spots: c.list(|c| Spot {
            place: c.text(),
            at: c.point(),
        }),
        rings: c.list(|c| Overlay {
            place: c.text(),
            figure: c.text(),
            ring: c.list(Cursor::point),
        }),
    });
    (c.read_whole() && sheets.iter().all(on_its_sheet)).then_some(Atlas { sheets })
}

/// Whether every point of a sheet lies on it, or within a sheet's size of it (the build cuts
/// shapes to the sheet; a range's ring may reach past it), and the sheet is no taller than four
/// times its width: a file with points far off (which no build writes) is refused, so that no
/// drawing works through billions of pixels.
fn on_its_sheet(sheet: &Sheet) -> bool {
    let (w, h) = (SHEET_WIDTH, sheet.height);
    let near = |&(x, y): &(i32, i32)| (-w..=2 * w).contains(&x) && (-h..=2 * h).contains(&y);
    let lines_near = |lines: &[Vec<(i32, i32)>]| lines.iter().all(|l| points(l).all(|p| near(&p)));
    (1..=4 * w).contains(&h)
        && sheet.shapes.iter().all(|s| {
            near(&s.centre)
                && (0..=4 * w).contains(&s.extent)
                && lines_near(&s.rings)
                && lines_near(&s.borders)
                && lines_near(&s.outline)
        })
        && sheet.spots.iter().all(|s| near(&s.at))
        && sheet
            .rings
            .iter()
            .all(|r| points(&r.ring).all(|p| near(&p)))
}
