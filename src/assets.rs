//! Static assets: CSS minification and content fingerprints for cache-safe file names.

use std::path::{Path, PathBuf};

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use xxhash_rust::xxh3::Xxh3;

use crate::cache_file::{feed, feed_binary, touch, unused, write_atomic};

pub fn minify_css(source: &str) -> Result<String, String> {
    let mut sheet =
        StyleSheet::parse(source, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let out = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| e.to_string())?;
    Ok(out.code)
}

/// Minified stylesheets kept between builds, in `<cache>/css/<key>.css`: minifying the
/// theme's stylesheet was a twentieth of a one-kommune build, and it changes only when the
/// theme does. The key is a hash of the stylesheet and the binary; only stylesheets that
/// minified without an error are kept, so an error is reported on every build.
pub struct CssCache {
    dir: PathBuf,
    /// Read entries (false with `build --clean`: minified again, and the entry refreshed).
    read: bool,
}

impl CssCache {
    /// A cache in `cache_dir` (created when first written).
    pub fn new(cache_dir: &Path, read: bool) -> CssCache {
        CssCache {
            dir: cache_dir.join("css"),
            read,
        }
    }

    /// [`minify_css`] of `source`, from the cache when this binary minified it before.
    pub fn minify(&self, source: &str) -> Result<String, String> {
        let mut h = Xxh3::new();
        feed_binary(&mut h);
        feed(&mut h, source.as_bytes());
        let path = self.dir.join(format!("{:032x}.css", h.digest128()));
        if self.read {
            if let Some(css) = std::fs::read(&path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
            {
                touch(&path);
                return Ok(css);
            }
        }
        let css = minify_css(source)?;
        // A cache that cannot be written only costs time on the next build.
        if std::fs::create_dir_all(&self.dir).is_ok() && write_atomic(&path, css.as_bytes()).is_ok()
        {
            self.prune();
        }
        Ok(css)
    }

    /// Remove entries unused for a month (when another is written): the stylesheets of
    /// themes since edited.
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten().filter(unused) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `name.ext` → `name.<hash>.ext`, with a short hash of the content.
pub fn fingerprinted(name: &str, content: &[u8]) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(content);
    let short = format!("{hash:016x}");
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", &short[..10]),
        None => format!("{name}.{}", &short[..10]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_css() {
        assert_eq!(
            minify_css("a {  color : #ffffff ; }").unwrap(),
            "a{color:#fff}"
        );
    }

    #[test]
    fn a_stylesheet_minified_before_is_read_back_and_a_changed_one_minified() {
        let dir = tempfile::tempdir().unwrap();
        let source = "a {  color : #ffffff ; }";
        let first = CssCache::new(dir.path(), true).minify(source).unwrap();
        assert_eq!(first, "a{color:#fff}");
        let entries = || std::fs::read_dir(dir.path().join("css")).unwrap().count();
        assert_eq!(entries(), 1);
        // Read back: an entry changed behind the cache's back is what it gives.
        let entry = std::fs::read_dir(dir.path().join("css"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::write(&entry, "a{color:red}").unwrap();
        let cache = CssCache::new(dir.path(), true);
        assert_eq!(cache.minify(source).unwrap(), "a{color:red}");
        // Another stylesheet is another entry.
        assert_eq!(
            cache.minify("b { color: #000000 }").unwrap(),
            "b{color:#000}"
        );
        assert_eq!(entries(), 2);
        // `--clean` minifies again and refreshes the entry.
        let clean = CssCache::new(dir.path(), false);
        assert_eq!(clean.minify(source).unwrap(), "a{color:#fff}");
        assert_eq!(std::fs::read_to_string(&entry).unwrap(), "a{color:#fff}");
    }

    #[test]
    fn a_stylesheet_that_does_not_minify_is_an_error_every_time_and_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = CssCache::new(dir.path(), true);
        for _ in 0..2 {
            assert!(cache.minify("a { color: red; } }}} @media {").is_err());
        }
        assert!(!dir.path().join("css").exists());
    }

    #[test]
    fn fingerprints_change_with_content() {
        let a = fingerprinted("main.css", b"a");
        let b = fingerprinted("main.css", b"b");
        assert!(a.starts_with("main.") && a.ends_with(".css"));
        assert_ne!(a, b);
    }
}
