//! String interning, and the hashers it needs.

use std::collections::HashMap;

pub(super) type Map<K, V> = HashMap<K, V, Hasher>;

/// Hashes for the interners' short strings: xxh3 in one shot per string (the streaming
/// `Xxh3Default` took a tenth of [`LinkIndex::page`](super::LinkIndex::page)'s time).
#[derive(Clone, Copy, Default)]
pub(super) struct Hasher;

impl std::hash::BuildHasher for Hasher {
    type Hasher = OneShot;
    fn build_hasher(&self) -> OneShot {
        OneShot(0)
    }
}

pub(super) struct OneShot(u64);

impl std::hash::Hasher for OneShot {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(26) ^ i).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Strings by number, each stored once, end to end in one buffer.
#[derive(Default)]
pub(super) struct Interner {
    /// Number of each string by its hash. Two strings with the same 64-bit hash are
    /// possible, if unlikely: the second goes to `collided`.
    by_hash: HashMap<u64, u32, Identity>,
    collided: Map<Box<str>, u32>,
    text: String,
    /// Where each string ends in `text` (it starts where the previous one ends).
    pub(super) ends: Vec<u32>,
}

impl Interner {
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        let hash = xxhash_rust::xxh3::xxh3_64(s.as_bytes());
        let next = u32::try_from(self.ends.len()).expect("fewer than 2^32 strings");
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let id = *e.get();
                if self.get_str(id) == s {
                    return id;
                }
                if let Some(&id) = self.collided.get(s) {
                    return id;
                }
                self.collided.insert(s.into(), next);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(next);
            }
        }
        self.text.push_str(s);
        self.ends
            .push(u32::try_from(self.text.len()).expect("under 4 GB of strings"));
        next
    }

    pub(super) fn get(&self, s: &str) -> Option<u32> {
        let id = *self
            .by_hash
            .get(&xxhash_rust::xxh3::xxh3_64(s.as_bytes()))?;
        if self.get_str(id) == s {
            return Some(id);
        }
        self.collided.get(s).copied()
    }

    pub(super) fn get_str(&self, id: u32) -> &str {
        let end = self.ends[id as usize] as usize;
        let start = match id {
            0 => 0,
            id => self.ends[id as usize - 1] as usize,
        };
        &self.text[start..end]
    }

    /// The strings, indexed by their number.
    pub(super) fn strings(&self) -> Vec<&str> {
        (0..self.ends.len() as u32)
            .map(|id| self.get_str(id))
            .collect()
    }

    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        // A table slot (hash and id) and a control byte per capacity.
        self.by_hash.capacity() * (16 + 1) + self.text.capacity() + self.ends.capacity() * 4
    }
}

/// The hash of `u64` keys that are hashes already.
#[derive(Clone, Copy, Default)]
struct Identity;

impl std::hash::BuildHasher for Identity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
