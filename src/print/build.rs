//! A kommune's print PDFs, from the resolved model: every poster and brochure in `trykk/`
//! (each language it is translated into), the whole guide, and every form as a blank PDF
//! (see [`crate::render::prints::print_files`] for the list and the file names).
//!
//! Each print uses the kommune's own name, contacts, emergency numbers, colours and logo,
//! a QR code to the kommune's online guide (from the site's base URL, in the print's
//! language when the site is published in it), and the *build date* as its version: a
//! poster on a wall says when it was made, whatever the content's `reviewed:` dates say.

use crate::route::Route;
use crate::shortcodes::{self, LinkTarget, Resolved, Shortcode};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::data::{self, Block, Expansion, Inline, Rich};
use super::rich::{self, Hooks, Origin};
use super::trace::{Data, Trace};
use super::{Pdf, PdfCache};
use crate::content::doc::Doc;
use crate::content::forms::{FieldKind, Width};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source::SourceFile;
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

/// What `check` (and `build`, `serve`, which run the same checks) finds in the content of
/// every print of `kommune` without compiling a PDF: the same data is prepared as for the
/// PDFs, and each character the fonts lack and each image that cannot be printed is
/// reported at its own file, line and column.
pub fn check_all(kommune: &Kommune, urls: &Urls, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    let theme = ThemeFiles::builtin();
    let logo = logo(kommune);
    print_files(kommune)
        .par_iter()
        .filter(|f| f.kind != FileKind::Booklet)
        .flat_map_iter(|f| {
            let maker = Maker::new(&theme, kommune, urls, today, logo.as_ref());
            let data = maker.data(f, &print_files(kommune));
            let mut trace = maker.trace.into_inner().expect("trace lock");
            trace.stray_glyphs(kommune, &data, f);
            trace.found
        })
        .collect()
}

/// The kommune's logo as an extra file for the templates: (name, bytes).
fn logo(k: &Kommune) -> Option<(String, Vec<u8>)> {
    k.config.branding.logo.as_ref().and_then(|rel| {
        let path = k.assets.get(rel)?;
        let ext = Path::new(rel).extension()?.to_str()?.to_ascii_lowercase();
        Some((format!("logo.{ext}"), std::fs::read(path).ok()?))
    })
}

/// A content file and its YAML's byte range: where a text of it is looked for.
type Src<'x> = (&'x Arc<SourceFile>, Range<usize>);

fn src_of<T>(doc: &Doc<T>) -> Src<'_> {
    (&doc.file, doc.yaml_start..doc.yaml_end)
}

struct Maker<'a> {
    theme: &'a ThemeFiles,
    k: &'a Kommune,
    urls: &'a Urls,
    version: String,
    logo: Option<&'a (String, Vec<u8>)>,
    cache: Option<&'a PdfCache>,
    /// The texts this print was made from, with their origins, and what will not print.
    trace: Mutex<Trace>,
}

impl<'a> Maker<'a> {
    fn new(
        theme: &'a ThemeFiles,
        k: &'a Kommune,
        urls: &'a Urls,
        today: chrono::NaiveDate,
        logo: Option<&'a (String, Vec<u8>)>,
    ) -> Self {
        Maker {
            theme,
            k,
            urls,
            version: today.format("%Y-%m-%d").to_string(),
            logo,
            cache: None,
            trace: Mutex::new(Trace::default()),
        }
    }

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

    fn default_lang(&self) -> &str {
        self.k.default_lang()
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

    /// Print data for a print in `lang` whose QR code leads to `route`, in the print's
    /// language if the site has it, else in the site's default language.
    fn meta(&self, lang: &str) -> data::Meta {
        self.meta_to(lang, &Route::Front)
    }

    fn meta_to(&self, lang: &str, route: &Route) -> data::Meta {
        let c = &self.k.config;
        let site_lang = if self.k.languages.iter().any(|l| l == lang) {
            lang
        } else {
            self.default_lang()
        };
        data::Meta {
            lang: lang.into(),
            kommune: c.name.clone(),
            kommune_short: c.short().to_string(),
            version: self.version.clone(),
            url: self.urls.absolute(site_lang, route),
            primary_color: c.branding.primary().to_string(),
            text_on_primary: c.branding.text().to_string(),
            logo: self.logo.as_ref().map(|(n, _)| n.clone()),
            logo_alt: c
                .branding
                .logo_alt
                .clone()
                .or_else(|| Some(c.name.clone()))
                .filter(|_| self.logo.is_some()),
        }
    }

    fn emergency(&self) -> data::Emergency {
        let e = &self.k.config.emergency;
        data::Emergency {
            child_welfare_phone: e.child_welfare_phone.clone(),
            child_welfare_after_hours: e.child_welfare_after_hours.clone(),
            police_phone: Some(e.police_phone.clone().unwrap_or_else(|| "112".into())),
            report_url: e.report_url.clone(),
            child_helpline_phone: e.child_helpline(),
        }
    }

    /// The meeting arenas in `lang`, by name.
    fn arenas(&self, lang: &str) -> Vec<data::Arena> {
        let mut arenas: Vec<data::Arena> = self
            .k
            .arenas
            .values()
            .map(|v| {
                let doc = v.pick(lang, self.default_lang()).0;
                let (a, at) = (&doc.data, src_of(doc));
                let contact = a.contact.clone().unwrap_or_default();
                data::Arena {
                    name: a.name.clone(),
                    mandate: self.md(lang, &a.mandate, &at),
                    members: a.members.clone(),
                    frequency: a.frequency.clone(),
                    case_mode: a.case_mode.ui_key().to_string(),
                    how_to_bring: self.md(lang, &a.how_to_bring, &at),
                    contact_name: contact.name,
                    contact_phone: contact.phone,
                    contact_email: contact.email,
                }
            })
            .collect();
        arenas.sort_by(|a, b| a.name.cmp(&b.name));
        arenas
    }

    /// The glossary's terms in `lang`, alphabetically.
    fn glossary(&self, lang: &str) -> Vec<data::Term> {
        let Some(g) = self.k.glossary.as_ref() else {
            return Vec::new();
        };
        let doc = g.pick(lang, self.default_lang()).0;
        let at = src_of(doc);
        let mut terms: Vec<data::Term> = doc
            .data
            .terms
            .iter()
            .map(|t| data::Term {
                term: t.term.clone(),
                explanation: self.md(lang, &t.explanation, &at),
            })
            .collect();
        terms.sort_by_key(|t| t.term.to_lowercase());
        terms
    }

    fn contacts(&self) -> Vec<data::Contact> {
        self.k
            .config
            .contacts
            .iter()
            .map(|c| data::Contact {
                name: c.name.clone(),
                role: c.role.clone(),
                phone: c.phone.clone(),
                email: c.email.clone(),
            })
            .collect()
    }

    /// What a shortcode becomes in print, in `lang`: the words the web shows, without
    /// the link (a form's title in «»).
    fn expand(&self, lang: &str, sc: &Shortcode) -> Expansion {
        match shortcodes::resolve(self.k, lang, sc) {
            Resolved::Text(text) => Expansion::Text(text),
            Resolved::Link {
                label,
                target: LinkTarget::Form,
                ..
            } => Expansion::Text(format!("«{label}»")),
            Resolved::Link { label, .. } => Expansion::Text(label),
            Resolved::ServiceCard(id) => {
                Expansion::Block(Block::Service(Box::new(self.service(lang, &id))))
            }
            Resolved::Contacts(_) => Expansion::Block(Block::Contacts {
                items: self.contacts(),
            }),
            Resolved::Film(f) if sc.block => {
                Expansion::Block(Block::film(&f.title, Some(f.duration), &f.url))
            }
            Resolved::Film(f) => Expansion::Text(format!("{} ({})", f.title, f.url)),
            // Standing alone, the report address gets a QR code; inline it is the address.
            Resolved::External(url) if sc.block => Expansion::Block(Block::link(&url)),
            Resolved::External(url) => Expansion::Text(url),
            Resolved::Missing => Expansion::Drop,
        }
    }

    /// A Markdown text of `src` in `lang`, converted; what will not print is noted at its
    /// place in the file, and the text kept with its origin (see [`Trace`]).
    fn md(&self, lang: &str, text: &str, src: &Src) -> Rich {
        if text.trim().is_empty() {
            return Vec::new();
        }
        let hooks = Hooks {
            expand: &|sc| self.expand(lang, sc),
            film: &|dest, title| self.film(dest, title),
            image: &|dest, alt| self.image(dest, alt),
            covers: &super::engine::covers,
        };
        let out = rich::convert(text, &hooks);
        let origin = Origin::of(src.0, src.1.clone(), text);
        let mut trace = self.trace.lock().expect("trace lock");
        trace.note(&origin, &out.found);
        trace.texts.push((out.rich.clone(), out.starts, origin));
        out.rich
    }

    /// An image of the kommune standing on its own line: a block with the file's bytes
    /// among the print's files, or why it cannot be printed (empty: not the kommune's own
    /// file, which the link check reports).
    fn image(&self, dest: &str, alt: &str) -> Result<Block, String> {
        let rel = crate::film::asset_path(dest).ok_or_else(String::new)?;
        let path = self.k.assets.get(&rel).ok_or_else(String::new)?;
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let ext = match super::engine::image_format(&bytes) {
            Ok(ext) => ext,
            Err(e) if e.is_empty() => return Err(msg!("print-image-format")),
            Err(e) => return Err(msg!("print-image-unreadable", reason = e)),
        };
        let name = format!("img/{:032x}.{ext}", xxhash_rust::xxh3::xxh3_128(&bytes));
        self.trace
            .lock()
            .expect("trace lock")
            .images
            .insert(name.clone(), bytes);
        Ok(Block::Image {
            src: name,
            alt: alt.to_string(),
        })
    }

    /// A film of the kommune in print: title, duration and full address, with a QR code.
    fn film(&self, dest: &str, title: &str) -> Option<Block> {
        let rel = crate::film::asset_path(dest)?;
        self.k.assets.get(&rel)?;
        let url = self.urls.base.absolute(&self.urls.file(&rel));
        let duration = crate::film::length(&rel, &self.k.assets);
        Some(Block::film(title, duration, &url))
    }

    fn md_inline(&self, lang: &str, text: &str, src: &Src) -> Vec<Inline> {
        rich::inlines_of(self.md(lang, text, src))
    }

    fn service(&self, lang: &str, id: &str) -> data::Service {
        let doc = self.k.services[id].pick(lang, self.default_lang()).0;
        let (s, at) = (&doc.data, src_of(doc));
        data::Service {
            name: s.name.clone(),
            category: Some(s.category.clone()),
            ages: Some(format!("{}–{}", s.ages.from, s.ages.to)),
            description: self.md(lang, &s.description, &at),
            phone: s.contact.phone.clone(),
            email: s.contact.email.clone(),
            address: s.contact.address.clone(),
            opening_hours: s.contact.opening_hours.clone(),
            web: s.contact.web.clone(),
            referral: self.md(lang, &s.referral, &at),
        }
    }

    fn form_title(&self, lang: &str, id: &str) -> Option<String> {
        self.k
            .forms
            .get(id)
            .map(|v| v.pick(lang, self.default_lang()).0.data.title.clone())
    }

    fn form(&self, lang: &str, id: &str) -> data::Form {
        let doc = self.k.forms[id].pick(lang, self.default_lang()).0;
        let (f, at) = (&doc.data, src_of(doc));
        let kind = |k: FieldKind| match k {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Date => "date",
            FieldKind::Checkbox => "checkbox",
            FieldKind::Radio => "radio",
            FieldKind::Checkboxes => "checkboxes",
            FieldKind::Signature => "signature",
            FieldKind::Info => "info",
        };
        data::Form {
            id: id.into(),
            title: f.title.clone(),
            description: self.md(lang, &f.description, &at),
            intro: self.md(lang, f.intro.as_deref().unwrap_or(""), &at),
            levels: f.levels.clone(),
            sections: f
                .sections
                .iter()
                .map(|s| data::FormSection {
                    title: s.title.clone(),
                    description: self.md(lang, s.description.as_deref().unwrap_or(""), &at),
                    fields: s
                        .fields
                        .iter()
                        .map(|fl| data::FormField {
                            kind: kind(fl.kind).into(),
                            label: fl.label.clone().unwrap_or_default(),
                            hint: fl.hint.clone().unwrap_or_default(),
                            required: fl.required,
                            width: fl.width.map(|w| {
                                match w {
                                    Width::Short => "short",
                                    Width::Medium => "medium",
                                    Width::Long => "long",
                                }
                                .into()
                            }),
                            rows: fl.rows,
                            options: fl.options.clone(),
                            text: self.md(lang, fl.text.as_deref().unwrap_or(""), &at),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn level(&self, lang: &str, index: usize) -> data::Level {
        let doc = self.k.levels[index].pick(lang, self.default_lang()).0;
        let (l, at) = (&doc.data, src_of(doc));
        data::Level {
            number: l.level,
            title: l.title.clone(),
            short_title: l.short().to_string(),
            summary: l.summary.clone(),
            purpose: self.md(lang, &l.purpose, &at),
            lead: self.md_inline(lang, &l.lead, &at),
            deadline: l.deadline.clone(),
            steps: l
                .steps
                .iter()
                .map(|st| data::Step {
                    title: st.title.clone(),
                    how: self.md(lang, &st.how, &at),
                    who: self.md_inline(lang, &st.who, &at),
                    tools: self.md_inline(lang, st.tools.as_deref().unwrap_or(""), &at),
                    deadline: st.deadline.clone(),
                    forms: st
                        .forms
                        .iter()
                        .filter_map(|f| self.form_title(lang, f))
                        .collect(),
                })
                .collect(),
            decision: self.md(lang, &l.decision, &at),
            body: self.md(lang, doc.body(), &at),
            forms: l
                .forms
                .iter()
                .filter_map(|f| self.form_title(lang, f))
                .collect(),
            services: l
                .services
                .iter()
                .filter_map(|s| self.k.services.get(s))
                .map(|v| v.pick(lang, self.default_lang()).0.data.name.clone())
                .collect(),
        }
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
            pdf.warnings.retain(|w| !only_known_glyphs(w, &trace.glyphs));
        }
        Ok(made)
    }

    /// The data of the print `file` for its template.
    fn data(&self, file: &PrintFile, all: &[PrintFile]) -> Data {
        let lang = file.lang.as_str();
        let doc = || {
            self.k.prints[&file.id]
                .docs
                .iter()
                .find(|d| Arc::ptr_eq(&d.file, &file.file))
                .expect("print file from a print doc")
                .clone()
        };
        match file.kind {
            FileKind::Poster => {
                let doc = doc();
                let poster = data::Poster {
                    meta: self.meta(lang),
                    paper: file.paper.to_ascii_lowercase(),
                    title: doc.data.title.clone(),
                    body: self.md(lang, doc.body(), &src_of(&doc)),
                    levels: (0..self.k.levels.len())
                        .map(|i| {
                            let l = &self.k.levels[i].pick(lang, self.default_lang()).0.data;
                            data::LevelLine {
                                number: l.level,
                                title: l.short().to_string(),
                                summary: l.summary.clone(),
                            }
                        })
                        .collect(),
                    emergency: self.emergency(),
                    contacts: self.contacts(),
                    qr: String::new(),
                };
                Data::Poster(poster)
            }
            FileKind::Brochure => {
                let doc = doc();
                // A brochure is for parents: its QR code leads to the parents' page.
                let target = self
                    .k
                    .parents_page()
                    .map_or(Route::Front, |id| Route::Page(id.to_string()));
                let brochure = data::Brochure {
                    meta: self.meta_to(lang, &target),
                    title: doc.data.title.clone(),
                    body: self.md(lang, doc.body(), &src_of(&doc)),
                    emergency: self.emergency(),
                    contacts: self.contacts(),
                    qr: None,
                };
                let booklet_name = all
                    .iter()
                    .find(|f| {
                        f.kind == FileKind::Booklet
                            && f.id == file.id
                            && Arc::ptr_eq(&f.file, &file.file)
                    })
                    .map(|f| f.name.clone())
                    .unwrap_or_else(|| file.name.replace(".pdf", "-hefte.pdf"));
                Data::Brochure(brochure, booklet_name)
            }
            FileKind::Guide => {
                let doc = doc();
                let d = self.default_lang();
                let intro = self
                    .k
                    .guide_intro
                    .as_ref()
                    .map(|v| v.pick(lang, d).0.clone());
                let mut services: Vec<data::Service> = self
                    .k
                    .services
                    .keys()
                    .map(|id| self.service(lang, id))
                    .collect();
                services.sort_by(|a, b| (&a.category, &a.name).cmp(&(&b.category, &b.name)));
                let guide = data::Guide {
                    meta: self.meta(lang),
                    title: intro
                        .as_ref()
                        .map(|i| i.data.title.clone())
                        .unwrap_or_else(|| doc.data.title.clone()),
                    lead: intro
                        .as_ref()
                        .and_then(|i| i.data.intro.clone())
                        .unwrap_or_default(),
                    about: self.md(lang, doc.body(), &src_of(&doc)),
                    intro: intro.map(|i| self.md(lang, i.body(), &src_of(&i))).unwrap_or_default(),
                    levels: (0..self.k.levels.len())
                        .map(|i| self.level(lang, i))
                        .collect(),
                    forms: self.k.forms.keys().map(|id| self.form(lang, id)).collect(),
                    services,
                    arenas: self.arenas(lang),
                    glossary: self.glossary(lang),
                    emergency: self.emergency(),
                    contacts: self.contacts(),
                    qr: None,
                };
                Data::Guide(guide)
            }
            FileKind::Form => {
                Data::Form(data::FormPrint {
                    meta: self.meta(lang),
                    form: self.form(lang, &file.id),
                })
            }
            FileKind::Booklet => Data::None,
        }
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
