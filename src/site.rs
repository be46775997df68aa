//! The resolved model of one kommune's site: every item with its language variants,
//! after inheritance. This is what checks and rendering read.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::content::arenas::Arena;
use crate::content::contacts::ResourcePersons;
use crate::content::events::Events;
use crate::content::forms::Form;
use crate::content::glossary::Glossary;
use crate::content::guide::{GuideIntro, Level};
use crate::content::kommune::KommuneConfig;
use crate::content::pages::{FrontPage, Page};
use crate::content::print::PrintProduct;
use crate::content::services::Service;
use crate::content::training::Module;
use crate::content::Doc;
use crate::source::SourceFile;

/// All language variants of one item.
#[derive(Debug)]
pub struct Variants<T> {
    pub id: String,
    pub docs: Vec<Arc<Doc<T>>>,
}

impl<T> Variants<T> {
    pub fn new(id: String) -> Self {
        Variants {
            id,
            docs: Vec::new(),
        }
    }

    pub fn get(&self, lang: &str) -> Option<&Arc<Doc<T>>> {
        self.docs.iter().find(|d| d.lang == lang)
    }

    /// The variant to show in `lang`: its own, else the site's default language, else the
    /// original.
    /// The flag is true when the page falls back to another language.
    pub fn pick(&self, lang: &str, default_lang: &str) -> (&Arc<Doc<T>>, bool) {
        if let Some(doc) = self.get(lang) {
            return (doc, false);
        }
        (self.primary(default_lang), true)
    }

    /// The variant in the site's default language, else the original (the file without a
    /// language code: a base's text in the base's language), never a translation by chance.
    pub fn primary(&self, default_lang: &str) -> &Arc<Doc<T>> {
        self.get(default_lang).unwrap_or_else(|| {
            self.docs
                .iter()
                .find(|d| {
                    crate::parse::FileName::parse(&d.file.display)
                        .lang
                        .is_none()
                })
                .unwrap_or(&self.docs[0])
        })
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.docs.iter().map(|d| d.lang.as_str())
    }
}

/// Where a file of the kommune came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Local,
    Inherited(String),
    Overridden(String),
    Excluded(String),
}

/// One kommune's complete content after inheritance.
#[derive(Debug)]
pub struct Kommune {
    pub slug: String,
    pub config: KommuneConfig,
    pub config_file: Arc<SourceFile>,
    /// Published languages; the first is the site's default (served without prefix).
    pub languages: Vec<String>,
    pub front: Option<Variants<FrontPage>>,
    pub guide_intro: Option<Variants<GuideIntro>>,
    /// Ordered by level number.
    pub levels: Vec<Variants<Level>>,
    pub forms: BTreeMap<String, Variants<Form>>,
    pub services: BTreeMap<String, Variants<Service>>,
    pub modules: BTreeMap<String, Variants<Module>>,
    pub pages: BTreeMap<String, Variants<Page>>,
    pub arenas: BTreeMap<String, Variants<Arena>>,
    pub prints: BTreeMap<String, Variants<PrintProduct>>,
    /// The glossary as shown: every layer's terms merged, per language.
    pub glossary: Option<Variants<Glossary>>,
    /// The glossary files of the bases and the kommune (farthest base first), which
    /// [`Kommune::glossary`] is merged from; the checks read these files.
    pub glossary_layers: Vec<crate::content::glossary::Layer>,
    pub contacts: Option<Variants<ResourcePersons>>,
    pub events: Option<Variants<Events>>,
    /// Images and files by path relative to the kommune (`bilder/logo.svg`).
    pub assets: BTreeMap<String, PathBuf>,
    /// Every file path and where it came from, for the inheritance report.
    pub origins: BTreeMap<String, Origin>,
    /// Text files of the kommune or its bases that could not be read or parsed (paths
    /// relative to the folder). Their errors are reported already, so the checks do not
    /// also call a reference to one of them missing.
    pub broken: std::collections::BTreeSet<String>,
}

impl Kommune {
    pub fn default_lang(&self) -> &str {
        &self.languages[0]
    }

    /// Id of the page for parents (`for_parents: true`; the first by order if several).
    pub fn parents_page(&self) -> Option<&str> {
        let default = self.default_lang();
        self.pages_ordered()
            .into_iter()
            .find(|p| p.primary(default).data.for_parents)
            .map(|p| p.id.as_str())
    }

    pub fn level(&self, number: u8) -> Option<&Variants<Level>> {
        let default = self.default_lang();
        self.levels
            .iter()
            .find(|v| v.primary(default).data.level == number)
    }

    /// Modules sorted by `order`, then title.
    pub fn modules_ordered(&self) -> Vec<&Variants<Module>> {
        let default = self.default_lang();
        let mut modules: Vec<_> = self.modules.values().collect();
        modules.sort_by_key(|m| {
            let d = &m.primary(default).data;
            (d.order.unwrap_or(i32::MAX), d.title.clone())
        });
        modules
    }

    pub fn pages_ordered(&self) -> Vec<&Variants<Page>> {
        let default = self.default_lang();
        let mut pages: Vec<_> = self.pages.values().collect();
        pages.sort_by_key(|p| {
            let d = &p.primary(default).data;
            (d.order.unwrap_or(i32::MAX), d.title.clone())
        });
        pages
    }
}
