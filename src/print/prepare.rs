//! The data of a kommune's prints, as their templates read it (see [`super::data`]),
//! with the source map of each print ([`Trace`]): used by `build` before compiling a PDF
//! and by `check` ([`check_all`]) without compiling.

use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::data::{self, Block, Expansion, Inline, Rich};
use super::rich::{self, Hooks};
use super::trace::{Data, Origin, Trace};
use super::PdfCache;
use crate::content::doc::Doc;
use crate::content::forms::Width;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::render::prints::{print_files, FileKind, PrintFile};
use crate::render::urls::Urls;
use crate::route::Route;
use crate::shortcodes::{self, LinkTarget, Resolved, Shortcode};
use crate::site::Kommune;
use crate::source::SourceFile;
use crate::theme_files::ThemeFiles;

/// What `check` (and `build`, `serve`, which run the same checks) finds in the content of
/// every print of `kommune` without compiling a PDF: the same data is prepared as for the
/// PDFs, and each character the fonts lack and each image that cannot be printed is
/// reported at its own file, line and column.
pub fn check_all(kommune: &Kommune, urls: &Urls, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    let theme = ThemeFiles::builtin();
    let logo = logo(kommune);
    let files = print_files(kommune);
    files
        .par_iter()
        .filter(|f| f.kind != FileKind::Booklet)
        .flat_map_iter(|f| {
            let maker = Maker::new(&theme, kommune, urls, today, logo.as_ref());
            let data = maker.data(f, &files);
            let mut trace = maker.trace.into_inner().expect("trace lock");
            trace.stray_glyphs(kommune, &data, f);
            trace.found
        })
        .collect()
}

/// The kommune's logo as an extra file for the templates: (name, bytes).
pub(super) fn logo(k: &Kommune) -> Option<(String, Vec<u8>)> {
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

pub(super) struct Maker<'a> {
    pub(super) theme: &'a ThemeFiles,
    pub(super) k: &'a Kommune,
    urls: &'a Urls,
    version: String,
    pub(super) logo: Option<&'a (String, Vec<u8>)>,
    pub(super) cache: Option<&'a PdfCache>,
    /// The texts this print was made from, with their origins, and what will not print.
    pub(super) trace: Mutex<Trace>,
}

impl<'a> Maker<'a> {
    pub(super) fn new(
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

    fn default_lang(&self) -> &str {
        self.k.default_lang()
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
        let out = super::convert::convert(text, &hooks);
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
                            kind: fl.kind.name().into(),
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

    /// The data of the print `file` for its template.
    pub(super) fn data(&self, file: &PrintFile, all: &[PrintFile]) -> Data {
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
                    intro: intro
                        .map(|i| self.md(lang, i.body(), &src_of(&i)))
                        .unwrap_or_default(),
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
            FileKind::Form => Data::Form(data::FormPrint {
                meta: self.meta(lang),
                form: self.form(lang, &file.id),
            }),
            FileKind::Booklet => Data::None,
        }
    }
}
