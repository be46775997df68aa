//! Attribute values and character references as the one-pass minifier writes them, for
//! the quick minifier (`quick.rs`).

use minify_html_common::gen::codepoints::{ATTR_QUOTE, DIGIT, WHITESPACE};
use minify_html_common::gen::entities::ENTITY;
use std::borrow::Cow;

use super::quick::Written;

/// `&amp;`, which Markdown and the theme write for every `&` of text and of links.
const AMP: &[u8] = b"&amp;";

/// The character references this minifier decodes (those Markdown and Tera write), and
/// what the one-pass minifier writes for each: the character, which is shorter. Any other
/// reference is left to it.
const REFERENCES: [(&[u8], &[u8]); 9] = [
    (AMP, b"&"),
    (b"&quot;", b"\""),
    (b"&#34;", b"\""),
    (b"&#x22;", b"\""),
    (b"&#39;", b"'"),
    (b"&#x27;", b"'"),
    (b"&#47;", b"/"),
    (b"&#x2F;", b"/"),
    (b"&gt;", b">"),
];

/// The reference at `html[at..]` (at a `&`) as the one-pass minifier writes it, and its
/// length; `None` for one this minifier leaves to it. An `&amp;` is written `&` only when
/// what follows it, with that `&`, does not read as another reference (then it is written
/// `&amp`) and is not another `&` (then both are decoded together).
pub(super) fn reference(html: &[u8], at: usize) -> Option<(&'static [u8], usize)> {
    let rest = &html[at..];
    // Asked at the end of every run of text, most often at whitespace.
    if rest.first() != Some(&b'&') {
        return None;
    }
    let &(written, decoded) = REFERENCES.iter().find(|(r, _)| rest.starts_with(r))?;
    if written == AMP {
        let after = &rest[AMP.len()..];
        let (ampersand, _) = ENTITY.shortest_matching_prefix(b"&", 0);
        let (reached, read) = ampersand.shortest_matching_prefix(after, 0);
        if reached.value.is_some() || after.get(read) == Some(&b'&') {
            return None;
        }
    }
    Some((decoded, written.len()))
}

/// `raw` (an attribute value at `html[at..]`) with its references decoded as the one-pass
/// minifier decodes them; `None` if it has one this minifier leaves to it.
pub(super) fn decode_references<'h>(
    html: &'h [u8],
    raw: &'h [u8],
    at: usize,
) -> Option<Cow<'h, [u8]>> {
    if !raw.contains(&b'&') {
        return Some(raw.into());
    }
    let mut decoded = Vec::with_capacity(raw.len());
    let mut from = 0;
    for i in memchr::memchr_iter(b'&', raw) {
        if i < from {
            continue;
        }
        let (character, len) = reference(html, at + i)?;
        if i + len > raw.len() {
            return None;
        }
        decoded.extend_from_slice(&raw[from..i]);
        decoded.extend_from_slice(character);
        from = i + len;
    }
    decoded.extend_from_slice(&raw[from..]);
    Some(decoded.into())
}

/// How the one-pass minifier writes an attribute value (no character references in it):
/// with `collapse`, whitespace trimmed and collapsed to one space; then in whichever of
/// double quotes, single quotes or none is shortest once what each needs is written as a
/// reference (double quotes on a tie, then single). `None` inside for an empty value,
/// `None` for a value whose unquoted form the one-pass minifier writes with a byte it did
/// not mean (whitespace first).
#[allow(clippy::type_complexity)]
pub(super) fn value(raw: &[u8], collapse: bool) -> Option<Option<(Written, Cow<'_, [u8]>)>> {
    if !raw.is_empty() && raw.iter().all(|&c| !IN_VALUE_NEEDS_CARE[c as usize]) {
        // Most values (a link, an id, one class): written as they are, unquoted.
        return Some(Some((Written::Unquoted, raw.into())));
    }
    let minimum: Cow<[u8]> = if collapse {
        let mut out = Vec::with_capacity(raw.len());
        for word in raw.split(|&c| WHITESPACE[c]).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(word);
        }
        out.into()
    } else {
        raw.into()
    };
    if minimum.is_empty() {
        return Some(None);
    }
    let encoded = |c: u8| -> &'static [u8] {
        match c {
            b'\'' => b"&#39",
            b'"' => b"&#34",
            b'>' => b"&gt",
            b'\t' => b"&#9",
            b'\n' => b"&#10",
            0x0c => b"&#12",
            b'\r' => b"&#13",
            _ => b"&#32",
        }
    };
    // What each way of writing costs beyond the value's own length.
    let (mut double, mut single, mut unquoted) = (2isize, 2isize, 0isize);
    for (i, &c) in minimum.iter().enumerate() {
        let needs_semicolon = |digit_too: bool| {
            minimum
                .get(i + 1)
                .is_some_and(|&n| n == b';' || digit_too && DIGIT[n])
        };
        match c {
            b'"' => double += 3 + needs_semicolon(true) as isize,
            b'\'' => single += 3 + needs_semicolon(true) as isize,
            b'>' => unquoted += 2 + needs_semicolon(false) as isize,
            c if WHITESPACE[c] => {
                unquoted += encoded(c).len() as isize - 1 + needs_semicolon(true) as isize
            }
            _ => {}
        }
    }
    if ATTR_QUOTE[minimum[0]] {
        unquoted += 3 + minimum.get(1).is_some_and(|&n| n == b';' || DIGIT[n]) as isize;
    }
    let (written, quote) = if unquoted < double.min(single) {
        if WHITESPACE[minimum[0]] {
            return None;
        }
        (Written::Unquoted, None)
    } else if single < double {
        (Written::Quoted, Some(b'\''))
    } else {
        (Written::Quoted, Some(b'"'))
    };
    let encode = |i: usize| {
        let c = minimum[i];
        match quote {
            None => c == b'>' || if i == 0 { ATTR_QUOTE[c] } else { WHITESPACE[c] },
            Some(q) => c == q,
        }
    };
    let mut out = Vec::with_capacity(minimum.len() + 8);
    out.extend(quote);
    for (i, &c) in minimum.iter().enumerate() {
        if !encode(i) {
            out.push(c);
            continue;
        }
        let entity = encoded(c);
        out.extend_from_slice(entity);
        let next_written = (i + 1 < minimum.len() && !encode(i + 1)).then(|| minimum[i + 1]);
        if next_written
            .is_some_and(|n| n == b';' || DIGIT[n] && entity.last().is_some_and(u8::is_ascii_digit))
        {
            out.push(b';');
        }
    }
    out.extend(quote);
    Some(Some((written, out.into())))
}

/// What [`value`] writes other than as it is, or counts as a reason to quote: with none of
/// these, a value is written as it is, unquoted (the one-pass minifier's cheapest way).
static IN_VALUE_NEEDS_CARE: &[bool; 256] = &{
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = matches!(
            c as u8,
            b'"' | b'\'' | b'>' | b'\t' | b'\n' | 0x0c | b'\r' | b' '
        );
        c += 1;
    }
    table
};
