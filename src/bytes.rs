//! Byte work done over every text of a build: searches by a simple predicate, sixteen
//! bytes at a time (a fixed-size test the compiler turns into vector instructions, where a
//! byte-by-byte `position` is one branch per byte), the words of a text, and the UTF-8
//! check of content files and rendered pages.

const CHUNK: usize = 16;

/// The position of the first byte of `bytes` that `wanted` accepts.
#[inline(always)]
pub fn position(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        let chunk: &[u8; CHUNK] = chunk.try_into().expect("exact chunks");
        if chunk.iter().fold(false, |any, &b| any | wanted(b)) {
            break;
        }
        at += CHUNK;
    }
    bytes[at..].iter().position(|&b| wanted(b)).map(|n| at + n)
}

/// `bytes` as a `String` if they are UTF-8, as [`String::from_utf8`] says, checked with
/// SIMD instructions (several times as fast on long texts; std's check gives the error).
pub fn string_from_utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: just checked to be UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes)
}

/// The words of `text`, as [`str::split_whitespace`] gives them. That one decodes every
/// character and asks Unicode whether it is whitespace, which cost a twentieth of a build
/// where every page's text is collapsed for its search entry; this one asks only for
/// characters outside ASCII.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// See [`words`].
pub struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let start = self.run_end(self.at, true);
        self.at = start;
        if start == self.text.len() {
            return None;
        }
        self.at = self.run_end(start, false);
        Some(&self.text[start..self.at])
    }
}

impl Words<'_> {
    /// Where the run of whitespace (or of anything else) that begins at `at` ends.
    #[inline(always)]
    fn run_end(&self, mut at: usize, whitespace: bool) -> usize {
        let (text, bytes) = (self.text, self.text.as_bytes());
        // A space is whitespace and printable ASCII is not: most bytes are one or the
        // other, and are passed over without asking more.
        let plain = |b: u8| {
            if whitespace {
                b == b' '
            } else {
                (0x21..0x80).contains(&b)
            }
        };
        loop {
            at += bytes[at..]
                .iter()
                .position(|&b| !plain(b))
                .unwrap_or(bytes.len() - at);
            let Some(&b) = bytes.get(at) else {
                return at;
            };
            let (is_whitespace, len) = if b.is_ascii() {
                // `char::is_whitespace` in ASCII (with vertical tab, unlike `u8`'s).
                (matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1)
            } else {
                let c = text[at..].chars().next().expect("at a character boundary");
                (c.is_whitespace(), c.len_utf8())
            };
            if is_whitespace != whitespace {
                return at;
            }
            at += len;
        }
    }
}

/// The words of `text` joined by single spaces.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{position, string_from_utf8, words};

    #[test]
    fn words_are_the_ones_split_whitespace_gives() {
        let pieces = [
            "barn",
            "Bekymring",
            "æøå",
            "ሕፃን",
            "الطفل",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\u{0b}",
            "\u{0c}",
            "\u{85}",
            "\u{a0}",
            "\u{2028}",
            "\u{3000}",
            "\u{200b}",
            "\u{feff}",
            "·",
            "-",
            "x",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..5000 {
            let text: String = (0..next(20)).map(|_| pieces[next(pieces.len())]).collect();
            let expected: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
        // Every character below U+3100, alone and between words.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let text = format!("{c}a{c}b {c}");
            let expected: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words(&text).collect::<Vec<_>>(), expected, "{c:?}");
        }
    }

    #[test]
    fn text_is_taken_as_utf8_and_anything_else_refused_where_std_refuses_it() {
        let long = "Bekymring for et barn – æøå ሕፃን الطفل ".repeat(40);
        assert_eq!(string_from_utf8(long.clone().into_bytes()).unwrap(), long);
        let mut broken = long.into_bytes();
        broken[300] = 0xFF;
        let err = string_from_utf8(broken.clone()).unwrap_err();
        assert_eq!(
            err.utf8_error(),
            String::from_utf8(broken).unwrap_err().utf8_error()
        );
        assert!(
            string_from_utf8(vec![0xE2, 0x80]).is_err(),
            "a cut character"
        );
    }

    #[test]
    fn the_first_wanted_byte_is_found_at_every_place_in_and_after_a_chunk() {
        for len in 0..50 {
            assert_eq!(position(&vec![b'x'; len], |b| b == b'7'), None);
            for at in 0..len {
                let mut text = vec![b'x'; len];
                text[at] = b'7';
                if at + 1 < len {
                    text[len - 1] = b'7';
                }
                assert_eq!(
                    position(&text, |b| b == b'7'),
                    Some(at),
                    "len {len} at {at}"
                );
            }
        }
    }
}
