//! The registry of content types: each kind of content declares once where its files live,
//! which of its fields are Markdown, which other items it names, and which page it makes.
//! The parser, the resolver, the checks and the renderer ask this module instead of
//! listing the kinds themselves. Every list here is an exhaustive `match` on
//! [`ContentKind`], so a new kind does not compile until each of them knows it.

use std::sync::Arc;

use crate::content::arenas::Arena;
use crate::content::contacts::ResourcePersons;
use crate::content::events::Events;
use crate::content::forms::Form;
use crate::content::glossary::Glossary;
use crate::content::guide::{GuideIntro, Level};
use crate::content::pages::{FrontPage, Page};
use crate::content::print::PrintProduct;
use crate::content::services::Service;
use crate::content::training::Module;
use crate::content::{Common, Doc};
use crate::parse::FileName;
use crate::route::Route;
use crate::site::{Kommune, Variants};
use crate::source::SourceFile;

/// Every kind of content file veiviser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContentKind {
    Front,
    GuideIntro,
    Level,
    Form,
    Service,
    Module,
    Events,
    Page,
    Arena,
    Contacts,
    Glossary,
    Print,
}

/// How a kind's files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Front matter and a Markdown body (`.md`).
    Markdown,
    /// A YAML file (`.yaml` or `.yml`).
    Yaml,
}

impl ContentKind {
    pub const ALL: [ContentKind; 12] = [
        ContentKind::Front,
        ContentKind::GuideIntro,
        ContentKind::Level,
        ContentKind::Form,
        ContentKind::Service,
        ContentKind::Module,
        ContentKind::Events,
        ContentKind::Page,
        ContentKind::Arena,
        ContentKind::Contacts,
        ContentKind::Glossary,
        ContentKind::Print,
    ];

    /// The folder of the kind's files inside a kommune or base (empty: the folder itself).
    pub fn folder(self) -> &'static str {
        match self {
            ContentKind::Front | ContentKind::Contacts | ContentKind::Glossary => "",
            ContentKind::GuideIntro | ContentKind::Level => "veileder",
            ContentKind::Form => "skjema",
            ContentKind::Service => "tjenester",
            ContentKind::Module | ContentKind::Events => "opplaering",
            ContentKind::Page => "sider",
            ContentKind::Arena => "arenaer",
            ContentKind::Print => "trykk",
        }
    }

    pub fn format(self) -> Format {
        match self {
            ContentKind::Front
            | ContentKind::GuideIntro
            | ContentKind::Level
            | ContentKind::Module
            | ContentKind::Page
            | ContentKind::Print => Format::Markdown,
            ContentKind::Form
            | ContentKind::Service
            | ContentKind::Events
            | ContentKind::Arena
            | ContentKind::Contacts
            | ContentKind::Glossary => Format::Yaml,
        }
    }

    /// The one file name (without extension) of a kind that has a single file per kommune.
    pub fn fixed_id(self) -> Option<&'static str> {
        match self {
            ContentKind::Front | ContentKind::GuideIntro => Some("index"),
            ContentKind::Events => Some("kurs"),
            ContentKind::Contacts => Some("kontakter"),
            ContentKind::Glossary => Some("ordliste"),
            ContentKind::Level
            | ContentKind::Form
            | ContentKind::Service
            | ContentKind::Module
            | ContentKind::Page
            | ContentKind::Arena
            | ContentKind::Print => None,
        }
    }

    /// The kind of a file, from its path inside the kommune; `None` for a file in no place
    /// veiviser reads. A fixed name wins over its folder's general kind (`veileder/index.md`
    /// is the guide's introduction, not a level).
    pub fn of_file(name: &FileName) -> Option<ContentKind> {
        let fits = |kind: ContentKind| {
            let ext_fits = match kind.format() {
                Format::Markdown => name.ext == "md",
                Format::Yaml => name.ext == "yaml" || name.ext == "yml",
            };
            ext_fits && kind.folder() == name.dir
        };
        let fixed = ContentKind::ALL
            .into_iter()
            .find(|k| k.fixed_id() == Some(name.id.as_str()) && fits(*k));
        fixed.or_else(|| {
            ContentKind::ALL
                .into_iter()
                .find(|k| k.fixed_id().is_none() && fits(*k))
        })
    }

    /// The page an item of this kind makes, if it has its own page.
    pub fn route(self, id: &str) -> Option<Route> {
        Some(match self {
            ContentKind::Front => Route::Front,
            ContentKind::GuideIntro => Route::GuideIndex,
            ContentKind::Level => Route::Level(id.to_string()),
            ContentKind::Form => Route::Form(id.to_string()),
            ContentKind::Service => Route::Service(id.to_string()),
            ContentKind::Module => Route::Module(id.to_string()),
            ContentKind::Page => Route::Page(id.to_string()),
            ContentKind::Arena => Route::Arena(id.to_string()),
            ContentKind::Contacts => Route::Contacts,
            ContentKind::Glossary => Route::Glossary,
            // Shown on another page (the training overview), or printed only.
            ContentKind::Events | ContentKind::Print => return None,
        })
    }

    /// The page on which an item's texts are shown: its own page, or the page that lists it.
    pub fn shown_on(self, id: &str) -> Option<Route> {
        match self {
            ContentKind::Events => Some(Route::TrainingIndex),
            _ => self.route(id),
        }
    }

    /// Where a file of this kind with `id` lives, for messages and scaffolding.
    pub fn path_of(self, id: &str) -> String {
        let ext = match self.format() {
            Format::Markdown => "md",
            Format::Yaml => "yaml",
        };
        match self.folder() {
            "" => format!("{id}.{ext}"),
            dir => format!("{dir}/{id}.{ext}"),
        }
    }
}

/// A Markdown text inside a YAML value: the key it sits under (for messages) and the text.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownField<'a> {
    pub key: &'static str,
    pub text: &'a str,
}

/// Something an item names by id, which must exist in the kommune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference<'a> {
    Form(&'a str),
    Service(&'a str),
    Arena(&'a str),
    Module(&'a str),
    Level(u8),
}

/// An id on an item's page that does not come from a heading.
#[derive(Debug, Clone)]
pub struct PageId<'a> {
    pub id: String,
    pub label: &'a str,
}

/// What every content type tells the stages about itself.
pub trait ContentType: Common + Send + Sync + Sized + 'static {
    const KIND: ContentKind;

    /// The Markdown texts of the item's YAML values, in the order its page shows them
    /// (the body of a `.md` file is not among them: see [`Format`]).
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        Vec::new()
    }

    /// The ids the item names outside Markdown (`forms:`, `levels:` …).
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }

    /// Ids the item's page has besides its headings (step anchors, glossary terms), each
    /// with the words it stands for (for messages).
    fn page_ids(&self) -> Vec<PageId<'_>> {
        Vec::new()
    }

    /// Whether the page shows a Markdown body after the YAML fields (a level's body comes
    /// after its steps) rather than before them.
    const BODY_LAST: bool = false;

    /// The kommune's items of this kind.
    fn items(kommune: &Kommune) -> Vec<&Variants<Self>>;
}

fn md<'a>(key: &'static str, text: &'a str) -> MarkdownField<'a> {
    MarkdownField { key, text }
}

impl ContentType for FrontPage {
    const KIND: ContentKind = ContentKind::Front;
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.front.iter().collect()
    }
}

impl ContentType for GuideIntro {
    const KIND: ContentKind = ContentKind::GuideIntro;
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.guide_intro.iter().collect()
    }
}

impl ContentType for Level {
    const KIND: ContentKind = ContentKind::Level;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        let mut out = vec![md("purpose", &self.purpose), md("lead", &self.lead)];
        for s in &self.steps {
            if let Some(summary) = &s.summary {
                out.push(md("summary", summary));
            }
            out.push(md("how", &s.how));
            out.push(md("who", &s.who));
            if let Some(tools) = &s.tools {
                out.push(md("tools", tools));
            }
        }
        out.push(md("decision", &self.decision));
        out
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let mut out = named(&self.forms, &self.services, &self.arenas);
        for s in &self.steps {
            out.extend(named(&s.forms, &s.services, &s.arenas));
        }
        out
    }
    fn page_ids(&self) -> Vec<PageId<'_>> {
        self.steps
            .iter()
            .map(|s| PageId {
                id: s.anchor(),
                label: &s.title,
            })
            .collect()
    }
    const BODY_LAST: bool = true;
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.levels.iter().collect()
    }
}

fn named<'a>(
    forms: &'a [String],
    services: &'a [String],
    arenas: &'a [String],
) -> Vec<Reference<'a>> {
    forms
        .iter()
        .map(|f| Reference::Form(f))
        .chain(services.iter().map(|s| Reference::Service(s)))
        .chain(arenas.iter().map(|a| Reference::Arena(a)))
        .collect()
}

fn levels(levels: &[u8]) -> Vec<Reference<'_>> {
    levels.iter().map(|n| Reference::Level(*n)).collect()
}

impl ContentType for Form {
    const KIND: ContentKind = ContentKind::Form;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        let mut out = vec![md("description", &self.description)];
        out.extend(self.intro.iter().map(|i| md("intro", i)));
        for s in &self.sections {
            out.extend(
                s.fields
                    .iter()
                    .filter_map(|f| f.text.as_deref())
                    .map(|t| md("text", t)),
            );
        }
        out
    }
    fn references(&self) -> Vec<Reference<'_>> {
        levels(&self.levels)
    }
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.forms.values().collect()
    }
}

impl ContentType for Service {
    const KIND: ContentKind = ContentKind::Service;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        vec![
            md("description", &self.description),
            md("referral", &self.referral),
        ]
    }
    fn references(&self) -> Vec<Reference<'_>> {
        levels(&self.levels)
    }
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.services.values().collect()
    }
}

impl ContentType for Module {
    const KIND: ContentKind = ContentKind::Module;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        let mut out: Vec<_> = self.case.iter().map(|c| md("case", c)).collect();
        out.extend(self.exercises.iter().map(|e| md("text", &e.text)));
        out
    }
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.modules.values().collect()
    }
}

impl ContentType for Events {
    const KIND: ContentKind = ContentKind::Events;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        self.events
            .iter()
            .filter_map(|e| e.description.as_deref())
            .map(|t| md("description", t))
            .collect()
    }
    fn references(&self) -> Vec<Reference<'_>> {
        self.events
            .iter()
            .filter_map(|e| e.module.as_deref())
            .map(Reference::Module)
            .collect()
    }
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.events.iter().collect()
    }
}

impl ContentType for Page {
    const KIND: ContentKind = ContentKind::Page;
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.pages.values().collect()
    }
}

impl ContentType for Arena {
    const KIND: ContentKind = ContentKind::Arena;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        vec![
            md("mandate", &self.mandate),
            md("how_to_bring", &self.how_to_bring),
        ]
    }
    fn references(&self) -> Vec<Reference<'_>> {
        levels(&self.levels)
    }
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.arenas.values().collect()
    }
}

impl ContentType for ResourcePersons {
    const KIND: ContentKind = ContentKind::Contacts;
    fn page_ids(&self) -> Vec<PageId<'_>> {
        crate::content::contacts::UnitKind::ALL
            .iter()
            .map(|k| PageId {
                id: k.key().to_string(),
                label: "",
            })
            .collect()
    }
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.contacts.iter().collect()
    }
}

impl ContentType for Glossary {
    const KIND: ContentKind = ContentKind::Glossary;
    fn markdown_fields(&self) -> Vec<MarkdownField<'_>> {
        self.terms
            .iter()
            .map(|t| md("explanation", &t.explanation))
            .collect()
    }
    fn page_ids(&self) -> Vec<PageId<'_>> {
        self.terms
            .iter()
            .map(|t| PageId {
                id: t.anchor(),
                label: &t.term,
            })
            .collect()
    }
    /// The files of every layer: each is checked where it is written. The page's
    /// anchors are the merged glossary's (see check/markdown.rs).
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.glossary_layers.iter().map(|l| &l.files).collect()
    }
}

impl ContentType for PrintProduct {
    const KIND: ContentKind = ContentKind::Print;
    fn items(k: &Kommune) -> Vec<&Variants<Self>> {
        k.prints.values().collect()
    }
}

/// Finds a needle in a document's YAML (see [`Doc::locate`]).
type Locate<'a> = Box<dyn Fn(&str) -> Option<usize> + 'a>;

/// One language variant of an item, seen without its type: what the checks need.
pub struct DocView<'a> {
    pub file: &'a Arc<SourceFile>,
    pub lang: &'a str,
    pub yaml: std::ops::Range<usize>,
    /// The Markdown body and its byte offset in the file (Markdown kinds only).
    pub body: Option<(&'a str, usize)>,
    pub fields: Vec<MarkdownField<'a>>,
    pub references: Vec<Reference<'a>>,
    pub page_ids: Vec<PageId<'a>>,
    /// The body comes after the fields on the page.
    pub body_last: bool,
    pub common: &'a dyn Common,
    /// Where `needle` sits in the document's YAML.
    locate: Locate<'a>,
}

impl DocView<'_> {
    pub fn locate(&self, needle: &str) -> Option<usize> {
        (self.locate)(needle)
    }
}

/// One item (all its language variants), seen without its type.
pub struct ItemView<'a> {
    pub kind: ContentKind,
    pub id: &'a str,
    pub docs: Vec<DocView<'a>>,
}

impl ItemView<'_> {
    /// Index of the variant shown in `lang` (the same choice as [`Variants::pick`]).
    pub fn pick(&self, lang: &str, default_lang: &str) -> usize {
        self.docs
            .iter()
            .position(|d| d.lang == lang)
            .or_else(|| self.docs.iter().position(|d| d.lang == default_lang))
            .or_else(|| {
                self.docs
                    .iter()
                    .position(|d| FileName::parse(&d.file.display).lang.is_none())
            })
            .unwrap_or(0)
    }
}

fn view<T: ContentType>(v: &Variants<T>) -> ItemView<'_> {
    ItemView {
        kind: T::KIND,
        id: &v.id,
        docs: v.docs.iter().map(|d| doc_view(d)).collect(),
    }
}

fn doc_view<T: ContentType>(d: &Arc<Doc<T>>) -> DocView<'_> {
    let doc: &Doc<T> = d;
    DocView {
        file: &d.file,
        lang: &d.lang,
        yaml: d.yaml_start..d.yaml_end,
        body: (T::KIND.format() == Format::Markdown).then(|| (d.body(), d.body_offset)),
        fields: d.data.markdown_fields(),
        references: d.data.references(),
        page_ids: d.data.page_ids(),
        body_last: T::BODY_LAST,
        common: &d.data,
        locate: Box::new(move |needle| doc.locate(needle)),
    }
}

/// Every item of the kommune, of every kind, in the order of [`ContentKind::ALL`].
pub fn items(k: &Kommune) -> Vec<ItemView<'_>> {
    let mut out = Vec::new();
    for kind in ContentKind::ALL {
        match kind {
            ContentKind::Front => out.extend(FrontPage::items(k).into_iter().map(view)),
            ContentKind::GuideIntro => out.extend(GuideIntro::items(k).into_iter().map(view)),
            ContentKind::Level => out.extend(Level::items(k).into_iter().map(view)),
            ContentKind::Form => out.extend(Form::items(k).into_iter().map(view)),
            ContentKind::Service => out.extend(Service::items(k).into_iter().map(view)),
            ContentKind::Module => out.extend(Module::items(k).into_iter().map(view)),
            ContentKind::Events => out.extend(Events::items(k).into_iter().map(view)),
            ContentKind::Page => out.extend(Page::items(k).into_iter().map(view)),
            ContentKind::Arena => out.extend(Arena::items(k).into_iter().map(view)),
            ContentKind::Contacts => out.extend(ResourcePersons::items(k).into_iter().map(view)),
            ContentKind::Glossary => out.extend(Glossary::items(k).into_iter().map(view)),
            ContentKind::Print => out.extend(PrintProduct::items(k).into_iter().map(view)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_place() {
        let mut places: Vec<(String, Option<&str>)> = ContentKind::ALL
            .iter()
            .map(|k| (k.folder().to_string(), k.fixed_id()))
            .collect();
        places.sort();
        let before = places.len();
        places.dedup_by(|a, b| a.0 == b.0 && a.1.is_some() && a.1 == b.1);
        assert_eq!(places.len(), before);
    }

    #[test]
    fn every_kind_reads_back_from_its_own_path() {
        for kind in ContentKind::ALL {
            let id = kind.fixed_id().unwrap_or("noe");
            let path = kind.path_of(id);
            assert_eq!(
                ContentKind::of_file(&FileName::parse(&path)),
                Some(kind),
                "{path}"
            );
            let translated = path.replacen('.', ".en.", 1);
            assert_eq!(
                ContentKind::of_file(&FileName::parse(&translated)),
                Some(kind),
                "{translated}"
            );
        }
    }

    #[test]
    fn pages_of_items_are_routes_in_their_folder() {
        for kind in ContentKind::ALL {
            if let Some(route) = kind.route("noe") {
                if kind.fixed_id().is_none() && kind != ContentKind::Page {
                    assert!(route.path().starts_with(kind.folder()), "{kind:?}");
                }
            }
        }
    }

    #[test]
    fn files_in_no_known_place_have_no_kind() {
        for path in ["noe.yaml", "skjema/x.md", "bilder/x.md", "veileder/x.yaml"] {
            assert_eq!(ContentKind::of_file(&FileName::parse(path)), None, "{path}");
        }
    }
}
