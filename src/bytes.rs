//! Byte work done over every text of a build: searches by a simple predicate, sixteen
//! bytes at a time (a fixed-size test the compiler turns into vector instructions, where a
//! byte-by-byte `position` is one branch per byte), and the UTF-8 check of content files
//! and rendered pages.

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

#[cfg(test)]
mod tests {
    use super::{position, string_from_utf8};

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
