//! The typed model of what a kommune's site contains: every page and file the build
//! writes is a [`Route`], and its path comes from [`Route::path`] alone. Templates, shortcodes,
//! the sitemap, the search index, the checks and the print QR codes all ask a route for
//! its address (through [`crate::render::urls::Urls`]), so no stage can invent a URL the
//! build does not write.

use std::fmt;

/// URL folders (Norwegian, since they are public addresses). Content folders of the same
/// name are declared in [`crate::registry`].
pub const GUIDE: &str = "veileder";
pub const FORMS: &str = "skjema";
pub const SERVICES: &str = "tjenester";
pub const TRAINING: &str = "opplaering";
pub const ARENAS: &str = "arenaer";
pub const GLOSSARY: &str = "ordliste";
pub const CONTACTS: &str = "kontakter";
pub const PRINTS: &str = "trykk";
pub const SEARCH: &str = "sok";
pub const KEYWORDS: &str = "a-a";

/// Folders of a kommune's output that hold files, not pages.
const FILE_FOLDERS: &[&str] = &["bilder", "filer", "assets", "kalender"];

/// Whether a free page may not be called `id`: its address would be a section's or a file
/// folder's (`/skjema/`, `/bilder/`).
pub fn is_reserved_segment(id: &str) -> bool {
    FILE_FOLDERS.contains(&id)
        || Route::from_path(&format!("{id}/")) != Some(Route::Page(id.into()))
}

/// One page or file of a kommune in one language (the language is not part of the route;
/// [`crate::render::urls::Urls`] adds its prefix).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    Front,
    GuideIndex,
    /// A level page, by the level file's id (`niva-1`).
    Level(String),
    FormsIndex,
    Form(String),
    ServicesIndex,
    Service(String),
    TrainingIndex,
    Module(String),
    /// A free page from `sider/`, at the language root (`/foreldre/`).
    Page(String),
    Search,
    /// The A–Å keyword index.
    Keywords,
    Glossary,
    ArenasIndex,
    Arena(String),
    Contacts,
    /// The *Trykksaker* page listing the print PDFs.
    Prints,
    NotFound,
    /// The training calendar (`opplaering/kurs.ics`), default language only.
    Calendar,
    /// The search index script of a language (`sok/indeks.js`).
    SearchIndex,
    /// A print PDF in `trykk/`, by file name. Shared by every language: its path is not
    /// under a language prefix (see [`Route::shared`]).
    PrintFile(String),
}

impl Route {
    /// Path relative to the language root: a folder ending in `/` (written as
    /// `index.html`), or a file name.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.push_path(&mut path);
        path
    }

    /// [`Route::path`] added to the end of `out`: every link of every page is made of
    /// one, and a string formatted per part cost more than the rest of the link.
    pub fn push_path(&self, out: &mut String) {
        let mut push = |parts: &[&str]| parts.iter().for_each(|part| out.push_str(part));
        match self {
            Route::Front => {}
            Route::GuideIndex => push(&[GUIDE, "/"]),
            Route::Level(id) => push(&[GUIDE, "/", id, "/"]),
            Route::FormsIndex => push(&[FORMS, "/"]),
            Route::Form(id) => push(&[FORMS, "/", id, "/"]),
            Route::ServicesIndex => push(&[SERVICES, "/"]),
            Route::Service(id) => push(&[SERVICES, "/", id, "/"]),
            Route::TrainingIndex => push(&[TRAINING, "/"]),
            Route::Module(id) => push(&[TRAINING, "/", id, "/"]),
            Route::Page(id) => push(&[id, "/"]),
            Route::Search => push(&[SEARCH, "/"]),
            Route::Keywords => push(&[KEYWORDS, "/"]),
            Route::Glossary => push(&[GLOSSARY, "/"]),
            Route::ArenasIndex => push(&[ARENAS, "/"]),
            Route::Arena(id) => push(&[ARENAS, "/", id, "/"]),
            Route::Contacts => push(&[CONTACTS, "/"]),
            Route::Prints => push(&[PRINTS, "/"]),
            Route::NotFound => push(&["404.html"]),
            Route::Calendar => push(&[TRAINING, "/kurs.ics"]),
            Route::SearchIndex => push(&[SEARCH, "/indeks.js"]),
            Route::PrintFile(name) => push(&[PRINTS, "/", name]),
        }
    }

    /// The section a page belongs to, for the navigation and breadcrumbs (empty: none).
    pub fn section(&self) -> &'static str {
        match self {
            Route::GuideIndex | Route::Level(_) => GUIDE,
            Route::FormsIndex | Route::Form(_) => FORMS,
            Route::ServicesIndex | Route::Service(_) => SERVICES,
            Route::TrainingIndex | Route::Module(_) | Route::Calendar => TRAINING,
            Route::ArenasIndex | Route::Arena(_) => ARENAS,
            Route::Glossary => GLOSSARY,
            Route::Contacts => CONTACTS,
            Route::Prints | Route::PrintFile(_) => PRINTS,
            Route::Search | Route::SearchIndex => SEARCH,
            Route::Front | Route::Page(_) | Route::Keywords | Route::NotFound => "",
        }
    }

    /// The index page of a section (what the breadcrumb links to), if the section has one.
    pub fn section_index(section: &str) -> Option<Route> {
        Some(match section {
            GUIDE => Route::GuideIndex,
            FORMS => Route::FormsIndex,
            SERVICES => Route::ServicesIndex,
            TRAINING => Route::TrainingIndex,
            ARENAS => Route::ArenasIndex,
            GLOSSARY => Route::Glossary,
            CONTACTS => Route::Contacts,
            PRINTS => Route::Prints,
            SEARCH => Route::Search,
            _ => return None,
        })
    }

    /// Whether this is an HTML page (as opposed to a file such as a PDF or a script).
    pub fn is_page(&self) -> bool {
        !matches!(
            self,
            Route::Calendar | Route::SearchIndex | Route::PrintFile(_)
        )
    }

    /// Files written once per kommune, not once per language: they live under the
    /// kommune's root whatever language links to them.
    pub fn shared(&self) -> bool {
        matches!(self, Route::PrintFile(_) | Route::NotFound)
    }

    /// The route of a page path relative to the language root (`skjema/samtykke/`), if the
    /// path has the shape of one. Links typed by editors are read back into routes with
    /// this, so the checker and the renderer share one idea of the site.
    pub fn from_path(path: &str) -> Option<Route> {
        if path.is_empty() {
            return Some(Route::Front);
        }
        if path == "404.html" {
            return Some(Route::NotFound);
        }
        if let Some(name) = path.strip_prefix(&format!("{PRINTS}/")) {
            if !name.is_empty() && !name.ends_with('/') {
                return Some(Route::PrintFile(name.to_string()));
            }
        }
        if path == format!("{TRAINING}/kurs.ics") {
            return Some(Route::Calendar);
        }
        if path == format!("{SEARCH}/indeks.js") {
            return Some(Route::SearchIndex);
        }
        let folder = path.strip_suffix('/')?;
        let (section, id) = match folder.split_once('/') {
            Some((s, id)) if !id.contains('/') && !id.is_empty() => (s, Some(id.to_string())),
            Some(_) => return None,
            None => (folder, None),
        };
        Some(match (section, id) {
            (GUIDE, Some(id)) => Route::Level(id),
            (FORMS, Some(id)) => Route::Form(id),
            (SERVICES, Some(id)) => Route::Service(id),
            (TRAINING, Some(id)) => Route::Module(id),
            (ARENAS, Some(id)) => Route::Arena(id),
            (_, Some(_)) => return None,
            (KEYWORDS, None) => Route::Keywords,
            (s, None) => match Route::section_index(s) {
                Some(r) => r,
                None => Route::Page(s.to_string()),
            },
        })
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Route> {
        vec![
            Route::Front,
            Route::GuideIndex,
            Route::Level("niva-1".into()),
            Route::FormsIndex,
            Route::Form("samtykke".into()),
            Route::ServicesIndex,
            Route::Service("helsestasjon".into()),
            Route::TrainingIndex,
            Route::Module("taushetsplikt".into()),
            Route::Page("foreldre".into()),
            Route::Search,
            Route::Keywords,
            Route::Glossary,
            Route::ArenasIndex,
            Route::Arena("drofting".into()),
            Route::Contacts,
            Route::Prints,
            Route::NotFound,
            Route::Calendar,
            Route::SearchIndex,
            Route::PrintFile("plakat-a4.pdf".into()),
        ]
    }

    #[test]
    fn every_route_reads_back_from_its_path() {
        for route in every_kind() {
            assert_eq!(
                Route::from_path(&route.path()),
                Some(route.clone()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn paths_are_distinct() {
        let paths: std::collections::HashSet<String> =
            every_kind().iter().map(Route::path).collect();
        assert_eq!(paths.len(), every_kind().len());
    }

    #[test]
    fn free_pages_may_not_take_a_section_or_file_folder() {
        for id in [
            "veileder", "skjema", "sok", "a-a", "trykk", "bilder", "assets",
        ] {
            assert!(is_reserved_segment(id), "{id}");
        }
        assert!(!is_reserved_segment("foreldre"));
    }

    #[test]
    fn unknown_shapes_are_not_routes() {
        assert_eq!(Route::from_path("skjema/a/b/"), None);
        assert_eq!(Route::from_path("foreldre/x/"), None);
        assert_eq!(Route::from_path("skjema"), None);
    }
}
