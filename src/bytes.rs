//! Byte work done over every text of a build: searches by a simple predicate, sixteen
//! bytes at a time (a fixed-size test the compiler turns into vector instructions, where a
//! byte-by-byte `position` is one branch per byte), the words of a text and the text with
//! its whitespace collapsed, and the UTF-8 check of content files and rendered pages.

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
        let start = run_end(self.text, self.at, true);
        self.at = start;
        if start == self.text.len() {
            return None;
        }
        self.at = run_end(self.text, start, false);
        Some(&self.text[start..self.at])
    }
}

/// Printable ASCII: no whitespace, and nothing to decode.
#[inline(always)]
fn is_printable_ascii(b: u8) -> bool {
    (0x21..0x80).contains(&b)
}

/// Where the run of whitespace (or of anything else) that begins at byte `at` of `text`
/// ends.
#[inline(always)]
fn run_end(text: &str, mut at: usize, whitespace: bool) -> usize {
    let bytes = text.as_bytes();
    // A space is whitespace and printable ASCII is not: most bytes are one or the other,
    // and are passed over without asking more.
    let plain = |b: u8| {
        if whitespace {
            b == b' '
        } else {
            is_printable_ascii(b)
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

/// The words of `text` joined by single spaces, as `split_whitespace` and `join(" ")`
/// would give them. Every page's search text is collapsed: most of it (printable ASCII with
/// single spaces) is copied sixteen bytes at a time, and only the rest is read word by word.
pub fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = run_end(text, 0, true);
    while at < bytes.len() {
        let plain_end = at + kept_len::<PrintableAscii>(&bytes[at..]);
        out.push_str(&text[at..plain_end]);
        at = plain_end;
        if at == bytes.len() {
            break;
        }
        let after_space = run_end(text, at, true);
        if after_space > at {
            // Something was copied before (leading whitespace was skipped); nothing after
            // the last word.
            if after_space < bytes.len() {
                out.push(' ');
            }
            at = after_space;
        } else {
            let word_end = run_end(text, at, false);
            out.push_str(&text[at..word_end]);
            at = word_end;
        }
    }
    out
}

/// A class of bytes that a run of text keeps as they are, with single spaces before one of
/// them (see [`kept_len`]).
pub trait Kept {
    /// Whether `b` is of the class.
    fn byte(b: u8) -> bool;

    /// Which of the sixteen bytes in `v` are of the class (bit `k` for byte `k`).
    #[cfg(target_arch = "x86_64")]
    fn mask(v: std::arch::x86_64::__m128i) -> u16;
}

/// Printable ASCII (0x21..=0x7f): no whitespace, and nothing to decode.
pub struct PrintableAscii;

impl Kept for PrintableAscii {
    #[inline(always)]
    fn byte(b: u8) -> bool {
        is_printable_ascii(b)
    }

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn mask(v: std::arch::x86_64::__m128i) -> u16 {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of every x86-64 processor.
        unsafe {
            // As signed numbers, printable ASCII is what is greater than a space.
            _mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(b' ' as i8))) as u16
        }
    }
}

/// The text of HTML that a minifier copies as it is: anything but `<`, `&` and HTML's
/// whitespace (tab, line feed, form feed, carriage return, space).
pub struct HtmlText;

impl Kept for HtmlText {
    #[inline(always)]
    fn byte(b: u8) -> bool {
        !matches!(b, b'<' | b'&' | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
    }

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn mask(v: std::arch::x86_64::__m128i) -> u16 {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of every x86-64 processor.
        unsafe {
            let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            let markup = _mm_or_si128(is(b'<'), is(b'&'));
            let space = _mm_or_si128(_mm_or_si128(is(b'\t'), is(b'\n')), is(b' '));
            let space = _mm_or_si128(space, _mm_or_si128(is(0x0c), is(b'\r')));
            !(_mm_movemask_epi8(_mm_or_si128(markup, space)) as u16)
        }
    }
}

/// How many bytes at the start of `bytes` are of the class `K`, or single spaces followed
/// by one: most of a text, copied sixteen bytes at a time where a loop over its words
/// stops at every space.
#[inline]
pub fn kept_len<K: Kept>(bytes: &[u8]) -> usize {
    let mut at = 0;
    while at + CHUNK < bytes.len() {
        let window: &[u8; CHUNK + 1] = bytes[at..=at + CHUNK].try_into().expect("in bounds");
        let kept = kept_mask::<K>(window);
        if kept != u16::MAX {
            return at + kept.trailing_ones() as usize;
        }
        at += CHUNK;
    }
    while let Some(&b) = bytes.get(at) {
        if !is_kept::<K>(b, bytes.get(at + 1).copied()) {
            break;
        }
        at += 1;
    }
    at
}

/// Whether byte `b`, followed by `next` (`None` at the end), is kept (see [`kept_len`]).
#[inline(always)]
fn is_kept<K: Kept>(b: u8, next: Option<u8>) -> bool {
    K::byte(b) || (b == b' ' && next.is_some_and(K::byte))
}

/// Which of the first sixteen bytes of `window` are kept (bit `k` for byte `k`); the
/// seventeenth is the one after the last.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn kept_mask<K: Kept>(window: &[u8; CHUNK + 1]) -> u16 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of every x86-64 processor; the two loads read bytes 0..16 and
    // 1..17 of `window` and need no alignment.
    unsafe {
        let bytes = _mm_loadu_si128(window.as_ptr().cast::<__m128i>());
        let next = _mm_loadu_si128(window.as_ptr().add(1).cast::<__m128i>());
        let space = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(b' ' as i8))) as u16;
        K::mask(bytes) | (space & K::mask(next))
    }
}

/// [`kept_mask`] a byte at a time, where SSE2 is not at hand.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn kept_mask<K: Kept>(window: &[u8; CHUNK + 1]) -> u16 {
    (0..CHUNK).fold(0u16, |kept, k| {
        kept | (u16::from(is_kept::<K>(window[k], Some(window[k + 1]))) << k)
    })
}

#[cfg(test)]
mod tests {
    use super::{
        collapse_whitespace, is_kept, kept_len, kept_mask, position, string_from_utf8, words,
        HtmlText, Kept, PrintableAscii,
    };

    /// Whitespace of every kind, and characters that are not.
    const AROUND_WORDS: &[&str] = &[
        " ", "  ", "\t", "\n", "\r\n", "\u{0b}", "\u{0c}", "\u{85}", "\u{a0}", "\u{2028}",
        "\u{3000}", "\u{200b}", "\u{feff}", "·", "-",
    ];

    /// Numbers below `n` from a fixed pseudo-random sequence.
    fn numbers(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        }
    }

    /// 5,000 texts of up to `most` of `pieces` each.
    fn texts<'a>(
        pieces: &'a [&'a str],
        most: usize,
        seed: u64,
    ) -> impl Iterator<Item = String> + 'a {
        let mut next = numbers(seed);
        (0..5000).map(move |_| {
            (0..next(most))
                .map(|_| pieces[next(pieces.len())])
                .collect()
        })
    }

    #[test]
    fn words_are_the_ones_split_whitespace_gives() {
        let words_here = ["barn", "Bekymring", "æøå", "ሕፃን", "الطفل", "x"];
        let pieces = [&words_here[..], AROUND_WORDS].concat();
        for text in texts(&pieces, 20, 0x2545_f491_4f6c_dd1d) {
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
    fn collapsed_text_is_the_words_split_whitespace_gives_joined_by_spaces() {
        let words_here = [
            "Bekymringsmeldingen",
            "barn",
            "og",
            "a",
            "æøå",
            "Skjæringstidspunktet",
            "ሕፃን",
            "الطفل",
            "1234567890abcdefg",
            "\u{01}",
            "\u{7f}",
            // Single spaces, the most common, more often.
            " ",
            " ",
        ];
        let pieces = [&words_here[..], AROUND_WORDS].concat();
        for text in texts(&pieces, 60, 0x9e37_79b9_7f4a_7c15) {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(&text), expected, "{text:?}");
        }
        // A double space or a tab at every place in and after a chunk.
        for len in 1..60 {
            for at in 0..len {
                for odd in ["  ", "\t", " \u{a0}", "\n"] {
                    let mut text = "ab c".repeat(len).chars().take(len).collect::<String>();
                    text.insert_str(at, odd);
                    let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(collapse_whitespace(&text), expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn sixteen_bytes_at_a_time_say_what_one_at_a_time_says() {
        fn agree<K: Kept>(seed: u64) {
            let alphabet = [
                b' ', b'a', b'~', 0x7f, 0x80, 0xc3, b'\t', 0x0b, 0x0c, b'\r', b'\n', 0x21, 0x1f,
                0xff, b'<', b'&', b'>', 0,
            ];
            let mut next = numbers(seed);
            for _ in 0..20_000 {
                let mut window = [0u8; 17];
                for b in &mut window {
                    *b = alphabet[next(alphabet.len())];
                }
                let one_at_a_time = (0..16).fold(0u16, |mask, k| {
                    mask | (u16::from(is_kept::<K>(window[k], Some(window[k + 1]))) << k)
                });
                assert_eq!(kept_mask::<K>(&window), one_at_a_time, "{window:?}");
                for len in [16, 17] {
                    let kept = (0..len)
                        .position(|k| !is_kept::<K>(window[k], window[..len].get(k + 1).copied()))
                        .unwrap_or(len);
                    assert_eq!(kept_len::<K>(&window[..len]), kept, "{window:?}");
                }
            }
        }
        agree::<PrintableAscii>(7);
        agree::<HtmlText>(11);
    }

    #[test]
    fn html_text_is_what_the_minifier_copies_and_a_space_at_the_end_is_not() {
        for b in 0..=255u8 {
            let markup_or_space = matches!(b, b'<' | b'&' | b'\t' | b'\n' | 0x0c | b'\r' | b' ');
            assert_eq!(HtmlText::byte(b), !markup_or_space, "{b:#x}");
        }
        assert_eq!(kept_len::<HtmlText>(b"ord og ord "), 10);
        assert_eq!(kept_len::<HtmlText>(b"ord  og"), 3);
        assert_eq!(kept_len::<HtmlText>(b"\xc3\xa6 \x00 x<p>"), 6);
        assert_eq!(kept_len::<HtmlText>(&[b'x'; 40]), 40);
        assert_eq!(
            kept_len::<HtmlText>(b"a long line of words, then & more"),
            26
        );
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
