//! Searches of bytes by a simple predicate, sixteen at a time: a fixed-size test the
//! compiler turns into vector instructions, where a byte-by-byte `position` is one branch
//! per byte. For the scans over every text of a build (escaping, identity numbers).

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

#[cfg(test)]
mod tests {
    use super::position;

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
