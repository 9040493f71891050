//! Reading postcard's encoding by hand, for the two files the browser receives from the build
//! (the figures' digest and the maps' file): fields in their declared order, without names;
//! lengths, whole numbers and an enum's variant as variable-length integers (signed ones
//! zigzagged); an option or a flag as one byte; a float as its eight bytes. The build writes
//! both files with postcard itself, and a native test reads each back and writes it again to the
//! same bytes.
//!
//! Every length is checked against the bytes left, so no file can ask for more memory than it
//! holds. A fault is kept rather than returned: from the first one on, every reading gives an
//! empty or zero value and the file is refused at its end (`Cursor::read_whole`). A reader then
//! builds each value in one straight line, with no early return that must drop the fields read
//! before it (the early returns were most of the first reader's code).

/// A cursor over a file's bytes.
pub(crate) struct Cursor<'a> {
    /// The bytes not yet read.
    bytes: &'a [u8],
    /// Whether a reading has failed.
    failed: bool,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            failed: false,
        }
    }

    /// Whether every reading succeeded and every byte was read.
    pub(crate) fn read_whole(&self) -> bool {
        !self.failed && self.bytes.is_empty()
    }

    /// Marks the file as faulty, and gives `empty` in place of the value: the bytes left are
    /// dropped, so that every later reading gives an empty value too.
    fn fail<T>(&mut self, empty: T) -> T {
        self.failed = true;
        self.bytes = &[];
        empty
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => self.fail(0),
        }
    }

    /// An unsigned variable-length integer: seven bits a byte, low bits first.
    pub(crate) fn whole(&mut self) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte();
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        self.fail(0)
    }

    /// A whole number that must fit `T` (a year in a `u16`, a place in a `usize`).
    pub(crate) fn whole_as<T: TryFrom<u64> + Default>(&mut self) -> T {
        let whole = self.whole();
        T::try_from(whole).unwrap_or_else(|_| self.fail(T::default()))
    }

    /// A signed integer, zigzagged: 0, -1, 1, -2 … written as 0, 1, 2, 3 ….
    pub(crate) fn signed(&mut self) -> i32 {
        let zigzag: u32 = self.whole_as();
        (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32)
    }

    /// A pair of signed integers.
    pub(crate) fn point(&mut self) -> (i32, i32) {
        (self.signed(), self.signed())
    }

    /// A float: its eight bytes, little end first.
    pub(crate) fn float(&mut self) -> f64 {
        match self.bytes.split_first_chunk::<8>() {
            Some((eight, rest)) => {
                self.bytes = rest;
                f64::from_le_bytes(*eight)
            }
            None => self.fail(0.0),
        }
    }

    /// A length, no more than the bytes left (every item takes at least one).
    fn length(&mut self) -> usize {
        let n: usize = self.whole_as();
        if n <= self.bytes.len() {
            n
        } else {
            self.fail(0)
        }
    }

    /// Words: their length, then their bytes, which must be UTF-8.
    pub(crate) fn text(&mut self) -> String {
        let n = self.length();
        let Some((text, rest)) = self.bytes.split_at_checked(n) else {
            return self.fail(String::new());
        };
        self.bytes = rest;
        match std::str::from_utf8(text) {
            Ok(text) => text.to_owned(),
            Err(_) => self.fail(String::new()),
        }
    }

    /// A list: its length, then each item (no more once a reading has failed).
    pub(crate) fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.length();
        let mut out = Vec::new();
        for _ in 0..n {
            if self.failed {
                break;
            }
            out.push(item(self));
        }
        out
    }

    /// An option: a flag of one byte, 0 or 1, then the value if it is 1.
    pub(crate) fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.byte() {
            0 => None,
            1 => Some(item(self)),
            _ => self.fail(None),
        }
    }

    /// An enum without data: the variant's place in its declaration, one of `all` (`None`, and
    /// the file refused, if there is no such place).
    pub(crate) fn variant<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        let place: usize = self.whole_as();
        match all.get(place) {
            Some(&variant) => Some(variant),
            None => self.fail(None),
        }
    }
}
