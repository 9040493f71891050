//! The maps' file read by hand, in the encoding the build writes it in (postcard's: fields in
//! order; lengths and whole numbers as variable-length integers, signed ones zigzagged; a float as
//! its eight bytes). Every length is checked against the bytes left, so no file can ask for more
//! memory than it holds, and every point must lie near its sheet; any fault reads as `None`.

use crate::atlas::{points, Atlas, Overlay, Shape, Sheet, Spot, SHEET_WIDTH};

/// A cursor over the file's bytes.
struct Cursor<'a> {
    bytes: &'a [u8],
}

impl Cursor<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    /// An unsigned variable-length integer: seven bits a byte, low bits first.
    fn whole(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i32> {
        let zigzag = u32::try_from(self.whole()?).ok()?;
        Some((zigzag >> 1) as i32 ^ -((zigzag & 1) as i32))
    }

    fn point(&mut self) -> Option<(i32, i32)> {
        Some((self.signed()?, self.signed()?))
    }

    fn float(&mut self) -> Option<f64> {
        let (eight, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(f64::from_le_bytes(*eight))
    }

    /// A length, no more than the bytes left (every item takes at least one).
    fn length(&mut self) -> Option<usize> {
        let n = usize::try_from(self.whole()?).ok()?;
        (n <= self.bytes.len()).then_some(n)
    }

    fn text(&mut self) -> Option<String> {
        let n = self.length()?;
        let (text, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.length()?;
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }

    fn runs(&mut self) -> Option<Vec<Vec<(i32, i32)>>> {
        self.list(|c| c.list(Self::point))
    }
}

/// The whole file, or `None` if it is no maps' file (or has bytes after one).
pub(super) fn atlas(bytes: &[u8]) -> Option<Atlas> {
    let mut c = Cursor { bytes };
    let sheets = c.list(|c| {
        Some(Sheet {
            chart: c.text()?,
            height: c.signed()?,
            km_per_unit: c.float()?,
            shapes: c.list(|c| {
                Some(Shape {
                    code: c.text()?,
                    rings: c.runs()?,
                    centre: c.point()?,
                    extent: c.signed()?,
                    borders: c.runs()?,
                    outline: c.runs()?,
                })
            })?,
            spots: c.list(|c| {
                Some(Spot {
                    place: c.text()?,
                    at: c.point()?,
                })
            })?,
            rings: c.list(|c| {
                Some(Overlay {
                    place: c.text()?,
                    figure: c.text()?,
                    ring: c.list(Cursor::point)?,
                })
            })?,
        })
    })?;
    (c.bytes.is_empty() && sheets.iter().all(on_its_sheet)).then_some(Atlas { sheets })
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
