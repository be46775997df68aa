//! Parse stage: each unit's files become typed documents. A base is parsed once and its
//! documents are shared by every kommune that inherits it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

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
use crate::content::Doc;
use crate::diagnostics::Diagnostic;
use crate::i18n::LANGUAGES;
use crate::load::{FileEntry, Unit};
use crate::msg;
use crate::registry::{ContentKind, Format};
use crate::source::{split_front_matter, SourceFile};

/// One parsed file.
#[derive(Debug, Clone)]
pub enum Parsed {
    Front(Arc<Doc<FrontPage>>),
    GuideIntro(Arc<Doc<GuideIntro>>),
    Level(Arc<Doc<Level>>),
    Form(Arc<Doc<Form>>),
    Service(Arc<Doc<Service>>),
    Module(Arc<Doc<Module>>),
    Events(Arc<Doc<Events>>),
    Page(Arc<Doc<Page>>),
    Arena(Arc<Doc<Arena>>),
    Contacts(Arc<Doc<ResourcePersons>>),
    Glossary(Arc<Doc<Glossary>>),
    Print(Arc<Doc<PrintProduct>>),
    Asset(PathBuf),
}

impl Parsed {
    /// The text file the item was parsed from (none for images and other assets).
    pub fn source_file(&self) -> Option<&Arc<SourceFile>> {
        Some(match self {
            Parsed::Front(d) => &d.file,
            Parsed::GuideIntro(d) => &d.file,
            Parsed::Level(d) => &d.file,
            Parsed::Form(d) => &d.file,
            Parsed::Service(d) => &d.file,
            Parsed::Module(d) => &d.file,
            Parsed::Events(d) => &d.file,
            Parsed::Page(d) => &d.file,
            Parsed::Arena(d) => &d.file,
            Parsed::Contacts(d) => &d.file,
            Parsed::Glossary(d) => &d.file,
            Parsed::Print(d) => &d.file,
            Parsed::Asset(_) => return None,
        })
    }
}

/// What a file path means: its section, id and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileName {
    pub dir: String,
    pub id: String,
    pub lang: Option<String>,
    pub ext: String,
}

impl FileName {
    pub fn parse(rel: &str) -> FileName {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        let (id, lang) = match stem.rsplit_once('.') {
            Some((id, lang)) => (id.to_string(), Some(lang.to_string())),
            None => (stem.to_string(), None),
        };
        FileName {
            dir: dir.to_string(),
            id,
            lang,
            ext: ext.to_string(),
        }
    }

    /// Path of the original (untranslated) file this one belongs to.
    pub fn original_path(&self) -> String {
        let name = format!("{}.{}", self.id, self.ext);
        if self.dir.is_empty() {
            name
        } else {
            format!("{}/{name}", self.dir)
        }
    }
}

/// Parse every file of a unit. `default_lang` is the language of files without a suffix.
pub fn parse_unit(unit: &Unit, default_lang: &str) -> (BTreeMap<String, Parsed>, Vec<Diagnostic>) {
    type Result1 = (String, Result<Option<Parsed>, Diagnostic>, Vec<Diagnostic>);
    let results: Vec<Result1> = unit
        .files
        .par_iter()
        .map(|(rel, entry)| {
            let mut more = Vec::new();
            let result = parse_file(rel, entry, default_lang, &mut more);
            (rel.clone(), result, more)
        })
        .collect();
    let mut parsed = BTreeMap::new();
    let mut diags = Vec::new();
    for (rel, result, more) in results {
        diags.extend(more);
        match result {
            Ok(Some(p)) => {
                parsed.insert(rel, p);
            }
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
    }
    (parsed, diags)
}

/// Parse one file of a unit. Its path inside the unit folder (`rel`, e.g. `sider/x.md`)
/// decides what kind of content it is. The first error is returned; further errors of the
/// same file (every unknown key) and its warnings go to `more`.
pub fn parse_file(
    rel: &str,
    entry: &FileEntry,
    default_lang: &str,
    more: &mut Vec<Diagnostic>,
) -> Result<Option<Parsed>, Diagnostic> {
    let file = match entry {
        FileEntry::Asset(path) => {
            return if rel.starts_with("bilder/") || rel.starts_with("filer/") {
                Ok(Some(Parsed::Asset(path.clone())))
            } else {
                Err(
                    Diagnostic::warning("unknown-file", msg!("parse-not-content", file = rel))
                        .with_help(msg!("parse-not-content-help")),
                )
            };
        }
        FileEntry::Text(file) => file,
    };
    let name = FileName::parse(rel);
    if let Some(lang) = &name.lang {
        if !LANGUAGES.iter().any(|l| l.code == lang) {
            let known: Vec<&str> = LANGUAGES.iter().map(|l| l.code).collect();
            return Err(Diagnostic::error(
                "unknown-language",
                msg!("parse-unknown-language", lang = lang),
            )
            .in_file(file)
            .at(1, 1)
            .with_help(msg!(
                "parse-unknown-language-help",
                ext = &name.ext,
                codes = known.join(", ")
            )));
        }
    }
    if !crate::slug::is_valid(&name.id) {
        return Err(
            Diagnostic::error("invalid-id", msg!("parse-invalid-id", id = &name.id))
                .in_file(file)
                .with_help(msg!(
                    "parse-invalid-id-help",
                    suggestion = crate::slug::slugify(&name.id)
                )),
        );
    }
    let lang = name
        .lang
        .clone()
        .unwrap_or_else(|| default_lang.to_string());
    let Some(kind) = ContentKind::of_file(&name) else {
        return Err(
            Diagnostic::warning("unknown-file", msg!("parse-unknown-place", file = rel))
                .in_file(file)
                .with_help(msg!("parse-unknown-place-help")),
        );
    };
    let parsed = match kind {
        ContentKind::Front => Parsed::Front(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::GuideIntro => Parsed::GuideIntro(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Level => Parsed::Level(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Form => Parsed::Form(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Service => Parsed::Service(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Module => Parsed::Module(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Events => Parsed::Events(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Page => Parsed::Page(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Arena => Parsed::Arena(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Contacts => Parsed::Contacts(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Glossary => Parsed::Glossary(doc(kind, file, &name.id, &lang, more)?),
        ContentKind::Print => Parsed::Print(doc(kind, file, &name.id, &lang, more)?),
    };
    Ok(Some(parsed))
}

/// Parse a file of `kind` as its format says.
fn doc<T: DeserializeOwned>(
    kind: ContentKind,
    file: &Arc<SourceFile>,
    id: &str,
    lang: &str,
    more: &mut Vec<Diagnostic>,
) -> Result<Arc<Doc<T>>, Diagnostic> {
    match kind.format() {
        Format::Markdown => markdown_doc(file, id, lang, more),
        Format::Yaml => yaml_doc(file, id, lang, more),
    }
}

/// The value of a YAML parse; its warnings and every error after the first go to `more`.
fn first_error<T>(
    result: Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>,
    more: &mut Vec<Diagnostic>,
) -> Result<T, Diagnostic> {
    match result {
        Ok((value, warnings)) => {
            more.extend(warnings);
            Ok(value)
        }
        Err(mut errors) => {
            let first = errors.remove(0);
            more.extend(errors);
            Err(first)
        }
    }
}

fn markdown_doc<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    id: &str,
    lang: &str,
    more: &mut Vec<Diagnostic>,
) -> Result<Arc<Doc<T>>, Diagnostic> {
    let split = split_front_matter(file)?;
    let data = first_error(
        crate::yaml::parse_all(file, split.front_matter, split.front_offset),
        more,
    )?;
    Ok(Arc::new(Doc {
        id: id.to_string(),
        lang: lang.to_string(),
        file: Arc::clone(file),
        yaml_start: split.front_offset,
        yaml_end: split.front_offset + split.front_matter.len(),
        body_offset: split.body_offset,
        data,
    }))
}

fn yaml_doc<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    id: &str,
    lang: &str,
    more: &mut Vec<Diagnostic>,
) -> Result<Arc<Doc<T>>, Diagnostic> {
    let data = first_error(crate::yaml::parse_file_all(file), more)?;
    Ok(Arc::new(Doc {
        id: id.to_string(),
        lang: lang.to_string(),
        file: Arc::clone(file),
        yaml_start: 0,
        yaml_end: file.text.len(),
        body_offset: file.text.len(),
        data,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_id_and_language() {
        let n = FileName::parse("sider/foreldre.ar.md");
        assert_eq!(
            (n.dir.as_str(), n.id.as_str(), n.lang.as_deref()),
            ("sider", "foreldre", Some("ar"))
        );
        assert_eq!(n.original_path(), "sider/foreldre.md");
        let n = FileName::parse("index.md");
        assert_eq!((n.dir.as_str(), n.id.as_str(), n.lang), ("", "index", None));
    }
}
