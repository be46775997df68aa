//! Print PDFs of a kommune (`trykk/*.pdf`): which files there are, and the *Trykksaker*
//! page (`trykk/`) that lists them. The PDFs themselves are made by `crate::print::build`
//! (feature `print`) during `veiviser build`; this part does not need Typst, so the page and
//! the form pages' links exist in every build.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::{KommuneRenderer, OutPage};
use crate::content::print::{PaperFormat, PrintKind};
use crate::diagnostics::Diagnostic;
use crate::route::Route;
use crate::site::Kommune;
use crate::source::SourceFile;

/// What a PDF is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Poster,
    /// A parent brochure in reading order (A5).
    Brochure,
    /// The same brochure imposed on A4 landscape sheets for folding (made with it).
    Booklet,
    /// The whole guide.
    Guide,
    /// A blank form.
    Form,
}

/// One PDF of a kommune.
#[derive(Debug, Clone)]
pub struct PrintFile {
    /// File name inside `trykk/`: `plakat-a4.pdf`, `foreldrebrosjyre-ar.pdf`, …
    pub name: String,
    pub kind: FileKind,
    /// Id of the `trykk/` item or of the form.
    pub id: String,
    /// Language of the text.
    pub lang: String,
    pub title: String,
    /// Paper size: `A3`, `A4`, `A5`.
    pub paper: &'static str,
    /// The content file it is made from (for error messages).
    pub file: Arc<SourceFile>,
}

fn paper(format: PaperFormat) -> &'static str {
    match format {
        PaperFormat::A3 => "A3",
        PaperFormat::A4 => "A4",
        PaperFormat::A5 => "A5",
    }
}

/// Every PDF `veiviser build` makes for `k`, in the order the *Trykksaker* page lists them:
/// posters, brochures (each language: A5 and the booklet), the guide, blank forms.
///
/// The original of an item (its file without language code, or the site's default
/// language) is `<id>.pdf`; a translation is `<id>-<lang>.pdf`. Translations are made only
/// for the languages the kommune publishes. The guide is made in the kommune's default
/// language (or its original) only (it collects every level, form and service).
pub fn print_files(k: &Kommune) -> Vec<PrintFile> {
    let default = k.default_lang();
    let mut files = Vec::new();
    let mut by_kind: BTreeMap<u8, Vec<PrintFile>> = BTreeMap::new();
    for v in k.prints.values() {
        let primary = v.primary(default);
        let kind = primary.data.kind;
        let docs: Vec<_> = match kind {
            PrintKind::Guide => vec![primary],
            _ => {
                // Only the languages the kommune publishes (the original always).
                let mut docs: Vec<_> = v
                    .docs
                    .iter()
                    .filter(|d| Arc::ptr_eq(d, primary) || k.languages.contains(&d.lang))
                    .collect();
                // The original first, then translations by language code.
                docs.sort_by_key(|d| (!Arc::ptr_eq(d, primary), d.lang.clone()));
                docs
            }
        };
        for doc in docs {
            let stem = if Arc::ptr_eq(doc, primary) {
                v.id.clone()
            } else {
                format!("{}-{}", v.id, doc.lang)
            };
            let file = |name: String, kind: FileKind, paper: &'static str| PrintFile {
                name,
                kind,
                id: v.id.clone(),
                lang: doc.lang.clone(),
                title: doc.data.title.clone(),
                paper,
                file: doc.file.clone(),
            };
            let (order, list) = match kind {
                PrintKind::Poster => (
                    0,
                    vec![file(
                        format!("{stem}.pdf"),
                        FileKind::Poster,
                        paper(doc.data.format),
                    )],
                ),
                PrintKind::Brochure => (
                    1,
                    vec![
                        file(format!("{stem}.pdf"), FileKind::Brochure, "A5"),
                        file(format!("{stem}-hefte.pdf"), FileKind::Booklet, "A4"),
                    ],
                ),
                PrintKind::Guide => (2, vec![file(format!("{stem}.pdf"), FileKind::Guide, "A4")]),
            };
            by_kind.entry(order).or_default().extend(list);
        }
    }
    files.extend(by_kind.into_values().flatten());
    for (id, v) in &k.forms {
        let primary = v.primary(default);
        let mut docs: Vec<_> = v
            .docs
            .iter()
            .filter(|d| Arc::ptr_eq(d, primary) || k.languages.contains(&d.lang))
            .collect();
        docs.sort_by_key(|d| (!Arc::ptr_eq(d, primary), d.lang.clone()));
        for doc in docs {
            let name = if Arc::ptr_eq(doc, primary) {
                format!("skjema-{id}.pdf")
            } else {
                format!("skjema-{id}-{}.pdf", doc.lang)
            };
            files.push(PrintFile {
                name,
                kind: FileKind::Form,
                id: id.clone(),
                lang: doc.lang.clone(),
                title: doc.data.title.clone(),
                paper: "A4",
                file: doc.file.clone(),
            });
        }
    }
    files
}

#[derive(Serialize)]
struct FileCtx {
    url: String,
    title: String,
    kind: String,
    paper: &'static str,
    lang: String,
    lang_name: String,
    dir: &'static str,
    size: String,
}

/// A file size for people: `245 kB`, `1,2 MB`.
pub fn human_size(bytes: u64, lang: &str) -> String {
    let comma = !matches!(lang, "en");
    if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000))
    } else {
        let mb = format!("{:.1}", bytes as f64 / 1e6);
        format!("{} MB", if comma { mb.replace('.', ",") } else { mb })
    }
}

impl KommuneRenderer<'_> {
    /// Site-absolute href of a PDF (`/bti/fjordvik/trykk/x.pdf`).
    pub fn print_href(&self, name: &str) -> String {
        self.urls.href(
            self.kommune.default_lang(),
            &Route::PrintFile(name.to_string()),
        )
    }

    /// The blank PDF of form `id` for a page in `lang`: its own language's if there is
    /// one, else the original's. `None` when no PDFs were made (preview, no `print`).
    pub(super) fn form_pdf(&self, lang: &str, id: &str) -> Option<(String, u64)> {
        let sizes = self.print_sizes.as_ref()?;
        [
            format!("skjema-{id}-{lang}.pdf"),
            format!("skjema-{id}.pdf"),
        ]
        .into_iter()
        .find_map(|name| sizes.get(&name).map(|s| (self.print_href(&name), *s)))
    }

    pub(super) fn prints_page(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let files: Vec<FileCtx> = print_files(self.kommune)
            .into_iter()
            .map(|f| {
                let size = self
                    .print_sizes
                    .as_ref()
                    .and_then(|s| s.get(&f.name))
                    .map(|s| human_size(*s, lang))
                    .unwrap_or_default();
                let kind = match f.kind {
                    FileKind::Poster => "prints_kind_poster",
                    FileKind::Brochure => "prints_kind_brochure",
                    FileKind::Booklet => "prints_kind_booklet",
                    FileKind::Guide => "prints_kind_guide",
                    FileKind::Form => "prints_kind_form",
                };
                FileCtx {
                    url: self.print_href(&f.name),
                    title: f.title,
                    kind: self.t(lang, kind),
                    paper: f.paper,
                    lang_name: crate::i18n::language(&f.lang)
                        .map(|l| l.name.to_string())
                        .unwrap_or_else(|| f.lang.clone()),
                    dir: crate::i18n::dir(&f.lang),
                    lang: f.lang,
                    size,
                }
            })
            .collect();
        let title = self.t(lang, "prints_title");
        let page = self.page_ctx(lang, &Route::Prints, &title, &self.all_langs());
        let data = serde_json::json!({
            "files": files,
            "made": self.print_sizes.is_some(),
            "version": self.today.format("%Y-%m-%d").to_string(),
        });
        let html = self.render_page("prints.html", lang, &page, &data)?;
        Ok(self.out(lang, &Route::Prints, html, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(245_300, "nb"), "246 kB");
        assert_eq!(human_size(1_240_000, "nb"), "1,2 MB");
        assert_eq!(human_size(1_240_000, "en"), "1.2 MB");
    }
}
