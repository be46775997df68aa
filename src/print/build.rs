//! A kommune's print PDFs, from the resolved model: every poster and brochure in `trykk/`
//! (each language it is translated into), the whole guide, and every form as a blank PDF
//! (see [`crate::render::prints::print_files`] for the list and the file names).
//!
//! Each print uses the kommune's own name, contacts, emergency numbers, colours and logo,
//! a QR code to the kommune's online guide (from the site's base URL, in the print's
//! language when the site is published in it), and the *build date* as its version: a
//! poster on a wall says when it was made, whatever the content's `reviewed:` dates say.

use rayon::prelude::*;

use super::prepare::{logo, Maker};
use super::trace::Data;
use super::{Pdf, PdfCache};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::render::prints::{print_files, FileKind, PrintFile};
use crate::render::urls::Urls;
use crate::site::Kommune;
use crate::theme_files::ThemeFiles;

/// Memoized Typst results unused by this many prints are evicted (see [`make_all`]).
const EVICT_AFTER: usize = 8;

/// PDFs made for one kommune: file names inside `trykk/` with their bytes, and warnings
/// (glyphs missing from the fonts).
pub struct Made {
    pub files: Vec<(String, Vec<u8>)>,
    pub warnings: Vec<Diagnostic>,
}

/// Make every PDF of `kommune` in parallel. Errors name the content file a PDF is made from,
/// and the line of the text that makes it fail when one does.
/// With a `cache`, a print whose inputs are unchanged is taken from it (see [`PdfCache`]).
pub fn make_all(
    theme: &ThemeFiles,
    kommune: &Kommune,
    urls: &Urls,
    today: chrono::NaiveDate,
    cache: Option<&PdfCache>,
) -> Result<Made, Vec<Diagnostic>> {
    let logo = logo(kommune);
    let files = print_files(kommune);
    let results: Vec<Result<Vec<(String, Pdf)>, Diagnostic>> = files
        .par_iter()
        .filter(|f| f.kind != FileKind::Booklet)
        .map(|f| {
            let mut maker = Maker::new(theme, kommune, urls, today, logo.as_ref());
            maker.cache = cache;
            let made = maker.make(f, &files);
            // Typst memoizes layouts in a global cache; drop what the last prints did not
            // use, so memory stays flat however many PDFs a build makes.
            super::evict_cache(EVICT_AFTER);
            made
        })
        .collect();
    let mut made = Made {
        files: Vec::new(),
        warnings: Vec::new(),
    };
    let mut errors = Vec::new();
    for (r, f) in results
        .into_iter()
        .zip(files.iter().filter(|f| f.kind != FileKind::Booklet))
    {
        match r {
            Ok(pdfs) => {
                for (name, pdf) in pdfs {
                    made.warnings.extend(pdf.warnings.iter().map(|w| {
                        Diagnostic::warning("print-warning", format!("{name}: {w}"))
                            .in_file(&f.file)
                    }));
                    made.files.push((name, pdf.bytes));
                }
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(made)
    } else {
        Err(errors)
    }
}

impl Maker<'_> {
    /// The PDFs `names` of a print of `kind` with `data`: from the cache when their inputs
    /// are unchanged, else made by `make`.
    fn cached<T: serde::Serialize>(
        &self,
        kind: &str,
        data: &T,
        names: &[&str],
        make: impl FnOnce() -> Result<Vec<Pdf>, String>,
    ) -> Result<Vec<(String, Pdf)>, String> {
        let (pdfs, made) = match self.cache {
            Some(cache) => cache.get_or_make(kind, data, &borrowed(&self.extra()), make)?,
            None => (make()?, true),
        };
        // For tests and scripts/bench-build.sh: which PDFs were compiled in this build.
        if made && std::env::var_os("VEIVISER_TIMINGS").is_some() {
            for name in names {
                eprintln!("pdf-made: {}/{name}", self.k.slug);
            }
        }
        Ok(names.iter().map(|n| n.to_string()).zip(pdfs).collect())
    }

    /// The logo and the images of the texts, as files for the template. The images are
    /// named by a hash of their bytes, so the print's data (and its cache key) changes
    /// with them.
    fn extra(&self) -> Vec<(String, Vec<u8>)> {
        let trace = self.trace.lock().expect("trace lock");
        self.logo
            .iter()
            .map(|(n, b)| (n.clone(), b.clone()))
            .chain(trace.images.iter().map(|(n, b)| (n.clone(), b.clone())))
            .collect()
    }

    /// Make the PDF(s) of `file`: a brochure also makes its booklet (the next file in
    /// `all` with the same id and language).
    fn make(&self, file: &PrintFile, all: &[PrintFile]) -> Result<Vec<(String, Pdf)>, Diagnostic> {
        let data = self.data(file, all);
        // Known after the data: the texts' images are among the files.
        let extra = self.extra();
        let extra = borrowed(&extra);
        let made = match &data {
            Data::Poster(poster) => self.cached("poster", poster, &[&file.name], || {
                super::poster(self.theme, poster, &extra).map(|p| vec![p])
            }),
            Data::Brochure(brochure, booklet) => {
                let names = [file.name.as_str(), booklet.as_str()];
                self.cached("brochure", brochure, &names, || {
                    let (a5, booklet) = super::brochure(self.theme, brochure, &extra)?;
                    Ok(vec![a5, booklet])
                })
            }
            Data::Guide(guide) => self.cached("guide", guide, &[&file.name], || {
                super::guide(self.theme, guide, &extra).map(|p| vec![p])
            }),
            Data::Form(fp) => self.cached("form", fp, &[&file.name], || {
                super::form(self.theme, fp, &extra).map(|p| vec![p])
            }),
            Data::None => Ok(Vec::new()),
        };
        let mut made = made.map_err(|e| {
            let trace = self.trace.lock().expect("trace lock");
            trace
                .locate_failure(self.theme, &file.name, &data.json()["meta"], &extra)
                .unwrap_or_else(|| {
                    Diagnostic::error(
                        "print-failed",
                        msg!("print-failed", print = file.name.as_str(), reason = e),
                    )
                    .in_file(&file.file)
                })
        })?;
        if let Data::Poster(poster) = &data {
            let pages = made.first().map_or(1, |(_, p)| p.pages);
            if pages != 1 {
                return Err(Diagnostic::error(
                    "print-overflow",
                    msg!(
                        "print-overflow",
                        paper = file.paper,
                        title = poster.title.as_str(),
                        pages = pages
                    ),
                )
                .in_file(&file.file)
                .with_help(msg!("print-overflow-help")));
            }
        }
        // Characters the fonts lack in the content are reported by the check at their own
        // place; the PDF's warning names only those that come from elsewhere (the theme).
        let mut trace = self.trace.lock().expect("trace lock");
        trace.stray_glyphs(self.k, &data, file);
        for (_, pdf) in &mut made {
            pdf.warnings
                .retain(|w| !only_known_glyphs(w, &trace.glyphs));
        }
        Ok(made)
    }
}

/// Whether a PDF's warning lists only characters (`U+2192`) in `known`.
fn only_known_glyphs(warning: &str, known: &[char]) -> bool {
    let mut rest = warning;
    let mut any = false;
    while let Some(i) = rest.find("(U+") {
        let code = &rest[i + 3..];
        let hex: String = code.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
        if !c.is_some_and(|c| known.contains(&c)) {
            return false;
        }
        any = true;
        rest = &code[hex.len()..];
    }
    any
}

/// Extra files with borrowed names, as the templates take them.
fn borrowed(files: &[(String, Vec<u8>)]) -> Vec<(&str, Vec<u8>)> {
    files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect()
}
