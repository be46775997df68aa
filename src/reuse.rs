//! What a build makes again and again, made once: a part that many pages or kommuner show
//! (a minified header, a form's rendered fields) is kept the second time it is made and
//! taken from there after. What is made only once (a page's own text) is not kept, so
//! unique pages cost no memory, and what is kept is bounded.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// A hash of what a part is made from, and its length.
pub type Key = (u128, usize);

/// The key of a part made from `bytes` alone.
pub fn key_of(bytes: &[u8]) -> Key {
    (xxhash_rust::xxh3::xxh3_128(bytes), bytes.len())
}

/// Parts kept by key, for one build.
pub struct Reuse<V> {
    kept: RwLock<HashMap<Key, Arc<V>>>,
    /// Parts made once: kept when made again.
    seen: Mutex<HashSet<Key>>,
    kept_bytes: AtomicUsize,
    /// At most this many bytes are kept; past it, parts are made each time.
    limit: usize,
    made: AtomicUsize,
    reused: AtomicUsize,
}

impl<V> Reuse<V> {
    pub fn new(limit: usize) -> Self {
        Reuse {
            kept: Default::default(),
            seen: Default::default(),
            kept_bytes: AtomicUsize::new(0),
            limit,
            made: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    /// The part for `key`: the one kept, or `make`'s (kept if it was made before; `bytes`
    /// says what keeping it costs).
    pub fn get_or_make(
        &self,
        key: Key,
        make: impl FnOnce() -> V,
        bytes: impl Fn(&V) -> usize,
    ) -> Arc<V> {
        let Ok(done) =
            self.get_or_try_make(key, || Ok::<_, std::convert::Infallible>(make()), bytes);
        done
    }

    /// [`Reuse::get_or_make`] with a `make` that can fail; a failure is not kept. Threads
    /// that ask at once for a part not yet kept may each make it (and count it): waiting for
    /// one another would cost more than the rare part made twice.
    pub fn get_or_try_make<E>(
        &self,
        key: Key,
        make: impl FnOnce() -> Result<V, E>,
        bytes: impl Fn(&V) -> usize,
    ) -> Result<Arc<V>, E> {
        if let Some(done) = self.kept.read().expect("reuse lock").get(&key) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Ok(done.clone());
        }
        let done = Arc::new(make()?);
        self.made.fetch_add(1, Ordering::Relaxed);
        let first_time = self.seen.lock().expect("reuse lock").insert(key);
        let size = bytes(&done);
        if !first_time && self.kept_bytes.load(Ordering::Relaxed) + size <= self.limit {
            self.kept_bytes.fetch_add(size, Ordering::Relaxed);
            self.kept
                .write()
                .expect("reuse lock")
                .insert(key, done.clone());
        }
        Ok(done)
    }

    /// How many parts were made, and how many taken from those kept.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.made.load(Ordering::Relaxed),
            self.reused.load(Ordering::Relaxed),
        )
    }

    /// How many parts are kept.
    pub fn kept(&self) -> usize {
        self.kept.read().expect("reuse lock").len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_kept_when_made_the_second_time_and_reused_after() {
        let reuse = Reuse::new(1 << 20);
        let make = |calls: &mut usize| {
            *calls += 1;
            String::from("del")
        };
        let mut calls = 0;
        let key = key_of(b"del");
        let first = reuse.get_or_make(key, || make(&mut calls), String::len);
        assert_eq!(first.as_str(), "del");
        assert_eq!(reuse.kept(), 0, "made once: not kept");
        reuse.get_or_make(key, || make(&mut calls), String::len);
        assert_eq!(reuse.kept(), 1);
        reuse.get_or_make(key, || make(&mut calls), String::len);
        assert_eq!(calls, 2);
        assert_eq!(reuse.counts(), (2, 1));
    }

    #[test]
    fn nothing_is_kept_past_the_limit_and_errors_are_not_kept() {
        let reuse = Reuse::new(4);
        let key = key_of(b"stor del");
        for _ in 0..3 {
            reuse.get_or_make(key, || String::from("stor del"), String::len);
        }
        assert_eq!((reuse.kept(), reuse.counts()), (0, (3, 0)));
        let failed = reuse.get_or_try_make(key_of(b"x"), || Err::<String, _>("feil"), String::len);
        assert_eq!(failed, Err("feil"));
        assert_eq!(reuse.counts(), (3, 0));
    }
}
