//! Tokenizer. `themes/standard/static/js/search.js` implements the same rules
//! (functions `norm` and `tokenize`); `tests/js/fixtures/parity.json` checks that both agree.
//!
//! Rules, in order:
//! 1. A word is a maximal run of *word characters*: Unicode alphanumerics (`Alphabetic` or
//!    `Numeric`, i.e. JavaScript's `[\p{Alphabetic}\p{N}]`) plus the *ignorable* characters
//!    below. Everything else separates words.
//! 2. Inside a word, a combining ring above (U+030A) right after `a`/`A` makes `å`/`Å`
//!    (decomposed text from macOS); ignorable characters are then dropped: combining
//!    diacritics U+0300–U+036F, Arabic tatweel and harakat (U+0640, U+064B–U+065F, U+0670),
//!    soft hyphen, ZWNJ/ZWJ and apostrophes (`'`, `’`, `ʼ`), so `barn's` → `barns` and
//!    Ukrainian `сім'я` stays one word.
//! 3. Unicode lowercase (with the final-sigma rule, as `String::to_lowercase` and
//!    JavaScript's `toLowerCase`).
//! 4. Folding, so that ASCII spellings find Norwegian letters: `æ`/`ä` → `ae`, `ø`/`ö` → `oe`,
//!    `å` → `aa`, and common acute/grave/circumflex/diaeresis vowels lose their accent
//!    (`é` → `e`). Other letters (Sami `č`, Cyrillic, Arabic, Ethiopic …) are kept.
//! 5. Truncation to [`MAX_TOKEN_CHARS`] code points.

/// Longest token kept, in code points after folding. Longer tokens are cut, on both sides.
pub const MAX_TOKEN_CHARS: usize = 40;

/// Characters that are part of a word but dropped from the token.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0640}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{00AD}'
            | '\u{200C}'
            | '\u{200D}'
            | '\''
            | '\u{2019}'
            | '\u{02BC}'
    )
}

/// Whether `c` belongs to a word (rule 1).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_ignorable(c)
}

/// The folded spelling of one lowercase character, if it has one (rule 4).
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' | 'ä' => "ae",
        'ø' | 'ö' => "oe",
        'å' => "aa",
        'á' | 'à' | 'â' => "a",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ó' | 'ò' | 'ô' => "o",
        'ú' | 'ù' | 'û' | 'ü' => "u",
        _ => return None,
    })
}

/// Normalizes one raw word (a run of word characters) into a token (rules 2–5).
/// Returns an empty string when nothing is left (a lone apostrophe).
pub fn normalize_word(raw: &str) -> String {
    let mut composed = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c == '\u{030A}' {
            if composed.ends_with('a') {
                composed.pop();
                composed.push('å');
                continue;
            }
            if composed.ends_with('A') {
                composed.pop();
                composed.push('Å');
                continue;
            }
        }
        if !is_ignorable(c) {
            composed.push(c);
        }
    }
    let lower = composed.to_lowercase();
    let mut out = String::with_capacity(lower.len() + 4);
    let mut count = 0;
    for c in lower.chars() {
        match fold_char(c) {
            Some(folded) => {
                for f in folded.chars() {
                    if count < MAX_TOKEN_CHARS {
                        out.push(f);
                        count += 1;
                    }
                }
            }
            None if count < MAX_TOKEN_CHARS => {
                out.push(c);
                count += 1;
            }
            None => {}
        }
        if count >= MAX_TOKEN_CHARS {
            break;
        }
    }
    out
}

/// Calls `f(raw, start)` for every raw word of `text` (rule 1), not yet normalized; `start`
/// is its byte offset. [`normalize_word`] turns a raw word into its token (possibly empty).
// In line: the index calls it for every text with a closure that is then put in line too.
#[inline(always)]
pub fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str, usize)) {
    let mut at = 0;
    // One call of `f`, which the compiler then puts in line.
    while let Some((start, end)) = next_word(text, at) {
        f(&text[start..end], start);
        at = end;
    }
}

/// The byte range of the first word of `text` at or after `from`.
#[inline(always)]
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Sixteen ASCII bytes are classified at once (`ascii_word_mask`); a character beyond
    // ASCII, and the last bytes, one at a time.
    let mask_at = |i: usize| {
        let chunk: &[u8; CHUNK] = bytes.get(i..i + CHUNK)?.try_into().expect("a chunk");
        ascii_word_mask(chunk)
    };
    let mut i = from;
    // Where the word starts, and where its end is looked for from.
    let (start, from_end) = loop {
        if i >= bytes.len() {
            return None;
        }
        match mask_at(i) {
            Some(0) => i += CHUNK,
            Some(words) => {
                let before = words.trailing_zeros() as usize;
                let start = i + before;
                // Most words end in the sixteen bytes they start in: no second look.
                let run = (!(words >> before)).trailing_zeros() as usize;
                if before + run < CHUNK {
                    return Some((start, start + run));
                }
                break (start, i + CHUNK);
            }
            None => match word_char_at(text, i) {
                (true, _) => break (i, i),
                (false, len) => i += len,
            },
        }
    };
    i = from_end;
    while i < bytes.len() {
        match mask_at(i) {
            Some(words) => {
                let run = (!words).trailing_zeros() as usize;
                i += run;
                if run < CHUNK {
                    break;
                }
            }
            None => match word_char_at(text, i) {
                (true, len) => i += len,
                (false, _) => break,
            },
        }
    }
    Some((start, i))
}

const CHUNK: usize = 16;

/// Which of sixteen bytes belong to a word (bit `k` for byte `k`), if all are ASCII.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn ascii_word_mask(chunk: &[u8; CHUNK]) -> Option<u16> {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of every x86-64 processor; the load reads the sixteen bytes of
    // `chunk` and needs no alignment.
    unsafe {
        let bytes = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        if _mm_movemask_epi8(bytes) != 0 {
            return None;
        }
        // All below 0x80: signed comparisons compare them as numbers.
        let between = |v: __m128i, low: u8, high: u8| {
            let above = _mm_cmpgt_epi8(v, _mm_set1_epi8(low as i8 - 1));
            let below = _mm_cmplt_epi8(v, _mm_set1_epi8(high as i8 + 1));
            _mm_and_si128(above, below)
        };
        let letter = between(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), b'a', b'z');
        let digit = between(bytes, b'0', b'9');
        let apostrophe = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'\'' as i8));
        let word = _mm_or_si128(_mm_or_si128(letter, digit), apostrophe);
        Some(_mm_movemask_epi8(word) as u16)
    }
}

/// [`ascii_word_mask`] a byte at a time, where SSE2 is not at hand.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn ascii_word_mask(chunk: &[u8; CHUNK]) -> Option<u16> {
    if !chunk.is_ascii() {
        return None;
    }
    Some(chunk.iter().enumerate().fold(0u16, |words, (k, &b)| {
        words | (u16::from(is_ascii_word_byte(b)) << k)
    }))
}

/// Whether the character at byte `i` of `text` belongs to a word, and its length.
#[inline(always)]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (is_ascii_word_byte(b), 1),
        _ => decoded_word_char_at(text, i),
    }
}

/// Rule 1 for an ASCII byte: alphanumerics and the apostrophe (the one ignorable ASCII
/// character). `ascii_word_mask` asks the same of sixteen bytes at once; one byte at a time
/// (short texts, the ends of long ones), a table answers quicker than three comparisons.
#[inline(always)]
fn is_ascii_word_byte(b: u8) -> bool {
    const WORD: [bool; 128] = {
        let mut table = [false; 128];
        let mut b = 0;
        while b < 128 {
            table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'';
            b += 1;
        }
        table
    };
    WORD[usize::from(b & 0x7f)]
}

/// [`word_char_at`] of a character beyond ASCII: kept out of the loop over ASCII bytes.
#[inline(never)]
fn decoded_word_char_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().expect("at a character boundary");
    (is_word_char(c), c.len_utf8())
}

/// Calls `f(token, start, end)` for every token of `text`; `start..end` is the byte range
/// of the raw word in `text`.
pub fn for_each_token(text: &str, mut f: impl FnMut(String, usize, usize)) {
    for_each_word(text, |raw, start| {
        let token = normalize_word(raw);
        if !token.is_empty() {
            f(token, start, start + raw.len());
        }
    });
}

/// Splits `text` into normalized tokens (lowercased and folded, not stemmed, stop words kept).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t, _, _| out.push(t));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_by_the_same_rule_in_ascii_and_beyond() {
        // Each character between two letters: one word when it is a word character
        // (rule 1, as `is_word_char` says), else two.
        for c in (0..0x250u32).chain(0x600..0x680).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let mut words = Vec::new();
            for_each_word(&text, |raw, start| words.push((raw.to_string(), start)));
            let expected = if is_word_char(c) {
                vec![(text.clone(), 0)]
            } else {
                vec![("a".to_string(), 0), ("b".to_string(), 1 + c.len_utf8())]
            };
            assert_eq!(words, expected, "{c:?}");
            // Alone, and at the ends of a text.
            let mut alone = Vec::new();
            for_each_word(&format!("{c}"), |raw, start| {
                alone.push((raw.to_string(), start))
            });
            let expected = if is_word_char(c) {
                vec![(c.to_string(), 0)]
            } else {
                vec![]
            };
            assert_eq!(alone, expected, "{c:?} alone");
        }
    }

    /// Words as rule 1 says, character by character.
    fn words_one_by_one(text: &str) -> Vec<(String, usize)> {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (i < text.len() && is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((text[s..i].to_string(), s));
                    start = None;
                }
                _ => {}
            }
        }
        words
    }

    #[test]
    fn long_texts_are_split_as_one_character_at_a_time() {
        let pieces = [
            "a",
            "Barn",
            "z",
            "Z",
            "0",
            "9",
            "'",
            " ",
            "  ",
            ".",
            "@",
            "[",
            "`",
            "{",
            "-",
            "\n",
            "æ",
            "Ø",
            "å",
            "a\u{030A}",
            "\u{00AD}",
            "’",
            "сім'я",
            "الطفل",
            "ሕፃን",
            "«",
            "»",
            "abcdefghijklmnopqrstuvwxyz",
            "0123456789",
            "/:;<=>?",
        ];
        let mut seed = 12345u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 59) * 4 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let mut words = Vec::new();
            for_each_word(&text, |raw, start| words.push((raw.to_string(), start)));
            assert_eq!(words, words_one_by_one(&text), "{text:?}");
        }
    }

    #[test]
    fn splits_on_non_letters_and_lowercases() {
        assert_eq!(
            tokenize("Nivå 1: Tiltak i egen tjeneste (PP-tjenesten)!"),
            [
                "nivaa",
                "1",
                "tiltak",
                "i",
                "egen",
                "tjeneste",
                "pp",
                "tjenesten"
            ]
        );
    }

    #[test]
    fn folds_norwegian_letters_to_ascii_spellings() {
        assert_eq!(
            tokenize("Kjære ØYVIND på Ærø"),
            ["kjaere", "oeyvind", "paa", "aeroe"]
        );
        assert_eq!(tokenize("kjaere oeyvind paa"), ["kjaere", "oeyvind", "paa"]);
        assert_eq!(
            tokenize("idé kafé Müller Skärgård"),
            ["ide", "kafe", "muller", "skaergaard"]
        );
    }

    #[test]
    fn composes_decomposed_a_ring_and_drops_marks() {
        assert_eq!(tokenize("pa\u{030A} ide\u{0301}"), ["paa", "ide"]);
        assert_eq!(tokenize("PA\u{030A}"), ["paa"]);
    }

    #[test]
    fn apostrophes_and_soft_hyphens_join() {
        assert_eq!(
            tokenize("barn's barne\u{00AD}vern 'sitat'"),
            ["barns", "barnevern", "sitat"]
        );
        assert_eq!(tokenize("сім'я"), ["сімя"]);
        assert_eq!(tokenize(" ' "), Vec::<String>::new());
    }

    #[test]
    fn other_scripts() {
        // Arabic with harakat and tatweel, Arabic-Indic digits.
        assert_eq!(tokenize("الطِّفْل، الطفـل ١٢"), ["الطفل", "الطفل", "١٢"]);
        // Ethiopic word separator (U+1361) and full stop (U+1362).
        assert_eq!(tokenize("ሕፃን፡ትምህርት።"), ["ሕፃን", "ትምህርት"]);
        // Cyrillic case folding, Greek final sigma.
        assert_eq!(tokenize("ДИТИНА Дитина ΟΔΟΣ"), ["дитина", "дитина", "οδος"]);
    }

    #[test]
    fn truncates_long_tokens() {
        let long = "å".repeat(30);
        let t = tokenize(&long);
        assert_eq!(t[0].chars().count(), MAX_TOKEN_CHARS);
        assert_eq!(t[0], "a".repeat(40));
    }

    #[test]
    fn reports_byte_ranges() {
        let text = "Hei, kjære barn";
        let mut seen = Vec::new();
        for_each_token(text, |t, a, b| seen.push((t, &text[a..b])));
        assert_eq!(seen[1], ("kjaere".to_string(), "kjære"));
        assert_eq!(seen[2], ("barn".to_string(), "barn"));
    }
}
