//! What the caches in the cache folder (`.veiviser-cache/` beside the output, or
//! `build --cache-dir`) share: keys hashed from length-prefixed fields, the binary's
//! identity in every key, and files written whole or not at all.

use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

/// Length-prefixed, so two fields can never run into each other.
pub fn feed(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The binary's version, and its size and modification time: a rebuilt veiviser may
/// write differently at the same version (another minifier, another theme built in).
pub fn feed_binary(h: &mut Xxh3) {
    feed(h, env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        feed(h, &meta.len().to_le_bytes());
        feed(h, &crate::source::mtime(&meta).to_le_bytes());
    }
}

/// `bytes` at `path`, written under a temporary name and renamed: a build that stops
/// half-way, or two builds at once, never leave half a file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!(
        "tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Mark a cache entry used now, so a clean-up by age keeps it.
pub fn touch(path: &Path) {
    let _ = std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// Entries of a cache not used for this long are removed (see [`unused`]).
pub const KEEP_UNUSED: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// Whether a cache entry was last used (modified, or [`touch`]ed) over [`KEEP_UNUSED`] ago.
pub fn unused(entry: &std::fs::DirEntry) -> bool {
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| std::time::SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > KEEP_UNUSED)
}
