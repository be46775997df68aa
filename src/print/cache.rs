//! PDFs from a cache: a print whose inputs are unchanged is read back instead of being
//! compiled again (Typst takes tenths of a second to seconds per PDF; reading a file, a
//! millisecond).
//!
//! The key of a print is a hash of everything its PDF is made from:
//! - the kind of print and its data as serialised for the template (`/data.json`): the
//!   content, the kommune's values it uses, its language, and the version date it prints;
//! - the extra files given to the template (the logo);
//! - the theme's files a print template can read: every file but the web's `templates/`
//!   and `static/` (so `print/*.typ`, `print/labels.yaml`, `i18n/`, `fonts/`);
//! - the fonts embedded in the binary, and the binary's version.
//!
//! Entries live in `<cache>/pdf/<key>.json` (pages, page size, warnings) beside the PDFs
//! `<key>-<n>.pdf`; the JSON is written last, so an entry without it is not used. Files
//! are written under a temporary name and renamed, so a build that stops half-way, or two
//! builds at once, never leave a half PDF behind. The cache is outside the output folder,
//! so it does not get published, and the output's atomic swap is unchanged.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::Pdf;
use crate::cache_file::{feed, touch, unused, write_atomic};
use crate::theme_files::ThemeFiles;

/// The PDF cache of one build.
pub struct PdfCache {
    dir: PathBuf,
    /// Read entries (false with `build --clean`: every PDF is made, and the cache refreshed).
    read: bool,
    /// Hash of what every print depends on: theme, fonts, binary version.
    salt: u128,
    made: AtomicUsize,
    reused: AtomicUsize,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    pdfs: Vec<EntryPdf>,
}

#[derive(Serialize, Deserialize)]
struct EntryPdf {
    pages: usize,
    page_size_pt: (f64, f64),
    warnings: Vec<String>,
}

impl PdfCache {
    /// A cache in `dir` (created when first written) for prints made with `theme`.
    /// `read: false` makes every PDF again and writes the cache afresh.
    pub fn new(dir: &Path, theme: &ThemeFiles, read: bool) -> PdfCache {
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        // Every file but the web's; the fonts among them are the built-in ones the engine
        // uses (a project's are never read, see `engine::FONTS`).
        for (rel, file) in theme.under("") {
            if rel.starts_with("templates/") || rel.starts_with("static/") {
                continue;
            }
            feed(&mut h, rel.as_bytes());
            feed(&mut h, &file.bytes);
        }
        PdfCache {
            dir: dir.join("pdf"),
            read,
            salt: h.digest128(),
            made: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    /// PDFs made (compiled) in this build.
    pub fn made(&self) -> usize {
        self.made.load(Ordering::Relaxed)
    }

    /// PDFs read from the cache in this build.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// The PDFs of the print of `kind` with `data` and `extra` files: from the cache, or
    /// made by `make` and stored. `make` returns one PDF, or several made together (a
    /// brochure and its booklet). The flag says whether they were made now.
    pub fn get_or_make<T: Serialize>(
        &self,
        kind: &str,
        data: &T,
        extra: &[(&str, Vec<u8>)],
        make: impl FnOnce() -> Result<Vec<Pdf>, String>,
    ) -> Result<(Vec<Pdf>, bool), String> {
        let key = self.key(kind, data, extra)?;
        if self.read {
            if let Some(pdfs) = self.load(&key) {
                self.reused.fetch_add(pdfs.len(), Ordering::Relaxed);
                return Ok((pdfs, false));
            }
        }
        let pdfs = make()?;
        self.made.fetch_add(pdfs.len(), Ordering::Relaxed);
        // A cache that cannot be written only costs time on the next build.
        if let Err(e) = self.store(&key, &pdfs) {
            if std::env::var_os("VEIVISER_TIMINGS").is_some() {
                eprintln!("pdf-cache: cannot write {}: {e}", self.dir.display());
            }
        }
        Ok((pdfs, true))
    }

    fn key<T: Serialize>(
        &self,
        kind: &str,
        data: &T,
        extra: &[(&str, Vec<u8>)],
    ) -> Result<String, String> {
        let mut h = Xxh3::new();
        h.update(&self.salt.to_le_bytes());
        feed(&mut h, kind.as_bytes());
        feed(
            &mut h,
            &serde_json::to_vec(data).map_err(|e| e.to_string())?,
        );
        for (name, bytes) in extra {
            feed(&mut h, name.as_bytes());
            feed(&mut h, bytes);
        }
        Ok(format!("{:032x}", h.digest128()))
    }

    fn load(&self, key: &str) -> Option<Vec<Pdf>> {
        let json = self.dir.join(format!("{key}.json"));
        let entry: Entry = serde_json::from_slice(&std::fs::read(&json).ok()?).ok()?;
        let pdfs = entry
            .pdfs
            .into_iter()
            .enumerate()
            .map(|(n, e)| {
                let bytes = std::fs::read(self.dir.join(format!("{key}-{n}.pdf"))).ok()?;
                bytes.starts_with(b"%PDF-").then_some(Pdf {
                    bytes,
                    pages: e.pages,
                    page_size_pt: e.page_size_pt,
                    warnings: e.warnings,
                })
            })
            .collect::<Option<Vec<Pdf>>>()?;
        // Used now: keep it through the next clean-up.
        touch(&json);
        Some(pdfs)
    }

    fn store(&self, key: &str, pdfs: &[Pdf]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        for (n, pdf) in pdfs.iter().enumerate() {
            write_atomic(&self.dir.join(format!("{key}-{n}.pdf")), &pdf.bytes)?;
        }
        let entry = Entry {
            pdfs: pdfs
                .iter()
                .map(|p| EntryPdf {
                    pages: p.pages,
                    page_size_pt: p.page_size_pt,
                    warnings: p.warnings.clone(),
                })
                .collect(),
        };
        let json = serde_json::to_vec(&entry).map_err(std::io::Error::other)?;
        write_atomic(&self.dir.join(format!("{key}.json")), &json)
    }

    /// Remove entries unused for a month (their JSON's modification time), so the cache
    /// does not grow without end as content changes.
    pub fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(key) = name.strip_suffix(".json") else {
                continue;
            };
            if unused(&entry) {
                let _ = std::fs::remove_file(&path);
                for n in 0.. {
                    if std::fs::remove_file(self.dir.join(format!("{key}-{n}.pdf"))).is_err() {
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf(text: &str) -> Pdf {
        Pdf {
            bytes: format!("%PDF-1.7 {text}").into_bytes(),
            pages: 2,
            page_size_pt: (595.2756, 841.8898),
            warnings: vec!["w".into()],
        }
    }

    #[test]
    fn an_unchanged_print_is_read_back_and_a_changed_one_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let theme = ThemeFiles::builtin();
        let cache = PdfCache::new(dir.path(), &theme, true);
        let data = serde_json::json!({"phone": "10 20 30 40"});
        let (first, made) = cache
            .get_or_make("poster", &data, &[], || Ok(vec![pdf("a"), pdf("b")]))
            .unwrap();
        assert!(made);
        let again = PdfCache::new(dir.path(), &theme, true);
        let (second, made) = again
            .get_or_make("poster", &data, &[], || panic!("made again"))
            .unwrap();
        assert!(!made);
        assert_eq!(again.reused(), 2);
        assert_eq!(first.len(), second.len());
        for (a, b) in first.iter().zip(&second) {
            assert_eq!(a.bytes, b.bytes);
            assert_eq!(a.pages, b.pages);
            assert_eq!(a.page_size_pt, b.page_size_pt);
            assert_eq!(a.warnings, b.warnings);
        }
        let changed = serde_json::json!({"phone": "10 20 30 41"});
        again
            .get_or_make("poster", &changed, &[], || Ok(vec![pdf("c")]))
            .unwrap();
        // The same data as another kind, or with another logo, is another print.
        again
            .get_or_make("form", &data, &[], || Ok(vec![pdf("d")]))
            .unwrap();
        again
            .get_or_make("poster", &data, &[("logo.svg", b"<svg/>".to_vec())], || {
                Ok(vec![pdf("e")])
            })
            .unwrap();
        assert_eq!(again.made(), 3);
        let clean = PdfCache::new(dir.path(), &theme, false);
        clean
            .get_or_make("poster", &data, &[], || Ok(vec![pdf("f")]))
            .unwrap();
        assert_eq!((clean.made(), clean.reused()), (1, 0));
    }

    #[test]
    fn a_print_template_change_is_a_new_key_but_a_web_template_change_is_not() {
        let theme = ThemeFiles::builtin();
        let salt = |t: &ThemeFiles| PdfCache::new(Path::new("/nowhere"), t, true).salt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("themes/standard");
        std::fs::create_dir_all(dir.join("print")).unwrap();
        std::fs::create_dir_all(dir.join("templates")).unwrap();
        std::fs::write(dir.join("templates/page.html"), "x").unwrap();
        let web = ThemeFiles::load(tmp.path(), "standard").unwrap();
        assert_eq!(salt(&theme), salt(&web));
        std::fs::write(dir.join("print/common.typ"), "#let x = 1").unwrap();
        let print = ThemeFiles::load(tmp.path(), "standard").unwrap();
        assert_ne!(salt(&theme), salt(&print));
    }
}
