//! `ordliste.yaml`: the words the guide relies on, explained once.
//!
//! A kommune's glossary adds up with its bases': each unit's `ordliste.yaml` adds terms,
//! replaces the terms of its bases that have the same id, and drops inherited ones with
//! `exclude:` ([`merge`]). The merge is per language, so translations keep working.

use std::sync::Arc;

use serde::Deserialize;

use crate::content::Doc;
use crate::content_struct;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::site::Variants;

content_struct! {
    /// `ordliste.yaml`: the glossary.
    pub struct Glossary {
        /// The terms, in any order (the page sorts them).
        #[serde(default)]
        pub terms: Vec<Term>,
        /// Ids of inherited terms this glossary drops (`exclude: [stafettholder]`).
        #[serde(default)]
        pub exclude: Vec<String>,
    }
}

/// One glossary term.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term's id, when it should differ from the term as a slug. A term of a kommune
    /// with the same id as a base's term replaces it.
    #[serde(default)]
    pub id: Option<String>,
    /// The term, e.g. "Stafettholder"; its id and anchor is the term as a slug.
    pub term: String,
    /// Inflected forms and synonyms that link to the term too.
    #[serde(default)]
    pub forms: Vec<String>,
    /// The explanation (Markdown).
    pub explanation: String,
}

impl Term {
    /// The term's id: `id:`, else the term as a slug. Also its anchor on the page.
    pub fn anchor(&self) -> String {
        match &self.id {
            Some(id) => crate::slug::slugify(id),
            None => crate::slug::slugify(&self.term),
        }
    }

    /// Whether `id` (a slug) names this term: its id, or one of its forms. Translations
    /// list the original's words among their forms, so an id names a term in every language.
    pub fn answers_to(&self, id: &str) -> bool {
        self.anchor() == id || self.forms.iter().any(|f| crate::slug::slugify(f) == id)
    }

    /// The slugs it answers to (see [`Term::answers_to`]), its anchor first.
    fn names(&self) -> Vec<String> {
        std::iter::once(self.anchor())
            .chain(self.forms.iter().map(|f| crate::slug::slugify(f)))
            .collect()
    }
}

/// One unit's glossary files (its `ordliste.yaml` and translations), with the unit.
#[derive(Debug)]
pub struct Layer {
    pub unit: String,
    pub files: Variants<Glossary>,
}

impl Layer {
    /// The file without a language code (`ordliste.yaml`), if the unit has it.
    pub fn original(&self) -> Option<&Arc<Doc<Glossary>>> {
        self.files.docs.iter().find(|d| {
            crate::parse::FileName::parse(&d.file.display)
                .lang
                .is_none()
        })
    }
}

/// Where a term of the merged glossary comes from, by layer index.
#[derive(Debug, Clone)]
pub struct Placed {
    pub term: Term,
    pub layer: usize,
    /// The layer of the term it replaced.
    pub replaced: Option<usize>,
}

/// The glossary of a kommune in one language after its layers are merged.
#[derive(Debug, Default)]
pub struct Merged {
    pub terms: Vec<Placed>,
    /// Terms dropped by `exclude:`: (term, the layer it came from, the layer that drops it).
    pub excluded: Vec<(Term, usize, usize)>,
    /// `exclude:` entries that named no inherited term: (layer, id).
    pub unknown: Vec<(usize, String)>,
}

/// Merge `layers` (farthest base first, the kommune last) in `lang`: each layer shows its
/// own translation, else its original (the file without a language code).
pub fn merge(layers: &[Layer], lang: &str) -> Merged {
    let mut out = Merged::default();
    // Each merged term with the slugs it answers to: slugged once per term, not again for
    // every pair of terms compared.
    let mut terms: Vec<(Placed, Vec<String>)> = Vec::new();
    for (index, layer) in layers.iter().enumerate() {
        let original = layer.original();
        // A layer with only translations in other languages adds nothing in `lang`.
        let Some(doc) = layer.files.get(lang).or(original) else {
            continue;
        };
        // `exclude:` belongs to the original; a translation drops the same terms.
        let exclude = original.map_or(&[][..], |d| &d.data.exclude[..]);
        for id in exclude {
            let wanted = crate::slug::slugify(id);
            let (dropped, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut terms)
                .into_iter()
                .partition(|(_, names)| names.contains(&wanted));
            terms = kept;
            if dropped.is_empty() {
                out.unknown.push((index, id.clone()));
            }
            out.excluded.extend(
                dropped
                    .into_iter()
                    .map(|(placed, _)| (placed.term, placed.layer, index)),
            );
        }
        for term in &doc.data.terms {
            let names = term.names();
            // The same term when either answers to the other's anchor (see `answers_to`).
            let same = terms
                .iter_mut()
                .find(|(_, n)| n.contains(&names[0]) || names.contains(&n[0]));
            match same {
                Some((placed, its_names)) => {
                    *placed = Placed {
                        term: term.clone(),
                        layer: index,
                        replaced: Some(placed.layer),
                    };
                    *its_names = names;
                }
                None => terms.push((
                    Placed {
                        term: term.clone(),
                        layer: index,
                        replaced: None,
                    },
                    names,
                )),
            }
        }
    }
    out.terms = terms.into_iter().map(|(placed, _)| placed).collect();
    out
}

/// The glossary a kommune shows, one document per language: the nearest layer's file
/// with every layer's terms. A language gets its own document when any layer is
/// translated into it; else it shows the default language's.
pub fn merged_variants(
    layers: &[Layer],
    languages: &[String],
    default: &str,
) -> Option<Variants<Glossary>> {
    let nearest = layers.last()?;
    let mut variants = Variants::new(nearest.files.id.clone());
    for (i, lang) in languages.iter().enumerate() {
        let translated = layers.iter().any(|l| l.files.get(lang).is_some());
        if i > 0 && !translated {
            continue;
        }
        let source = &nearest.files.pick(lang, default).0;
        let merged = merge(layers, lang);
        let mut data = source.data.clone();
        data.terms = merged.terms.into_iter().map(|p| p.term).collect();
        data.exclude.clear();
        variants.docs.push(Arc::new(Doc {
            id: source.id.clone(),
            lang: lang.clone(),
            file: Arc::clone(&source.file),
            yaml_start: source.yaml_start,
            yaml_end: source.yaml_end,
            body_offset: source.body_offset,
            data,
        }));
    }
    Some(variants)
}

/// `exclude:` entries that name no inherited term, each at its line, with a suggestion.
pub fn unknown_excludes(layers: &[Layer], default: &str) -> Vec<Diagnostic> {
    let merged = merge(layers, default);
    let mut out = Vec::new();
    for (index, id) in &merged.unknown {
        let layer = &layers[*index];
        let file = &layer
            .original()
            .unwrap_or(layer.files.primary(default))
            .file;
        // What the bases give this layer, for the suggestion.
        let inherited = merge(&layers[..*index], default);
        let ids: Vec<String> = inherited.terms.iter().map(|p| p.term.anchor()).collect();
        let own = layer
            .original()
            .unwrap_or(layer.files.primary(default))
            .data
            .terms
            .iter()
            .any(|t| t.answers_to(&crate::slug::slugify(id)));
        let help = match crate::diagnostics::suggest(id, ids.iter().map(String::as_str)) {
            _ if own => msg!("glossary-exclude-own-help"),
            Some(near) => msg!("glossary-exclude-did-you-mean", near = near),
            None if ids.is_empty() => msg!("glossary-exclude-nothing-inherited"),
            None => msg!("glossary-exclude-ids", ids = ids.join(", ")),
        };
        let offset = crate::yaml::locate_in_key(file, "exclude", id).unwrap_or(0);
        out.push(
            Diagnostic::error(
                "unknown-exclude",
                msg!("glossary-exclude-unknown", id = id.as_str()),
            )
            .in_file(file)
            .at_offset(offset, id.len())
            .with_help(help),
        );
    }
    out
}

/// The glossary file whose `exclude:` drops the term `id` (a slug) from the kommune.
pub fn excluded_by<'a>(
    layers: &'a [Layer],
    id: &str,
    default: &str,
) -> Option<&'a Arc<crate::source::SourceFile>> {
    let merged = merge(layers, default);
    merged
        .excluded
        .iter()
        .find(|(term, _, _)| term.answers_to(id))
        .map(|(_, _, by)| {
            let layer = &layers[*by];
            &layer
                .original()
                .unwrap_or(layer.files.primary(default))
                .file
        })
}

/// Translations of the glossary (`ordliste.nn.yaml`) when no unit of the chain has the
/// original (`ordliste.yaml`): they translate nothing.
pub fn translations_without_original(layers: &[Layer]) -> Vec<Diagnostic> {
    if layers.iter().any(|l| l.original().is_some()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for layer in layers {
        for doc in &layer.files.docs {
            let name = crate::parse::FileName::parse(&doc.file.display);
            out.push(
                Diagnostic::error(
                    "translation-without-original",
                    msg!(
                        "glossary-translation-without-original",
                        lang = doc.lang.as_str()
                    ),
                )
                .in_file(&doc.file)
                .at(1, 1)
                .with_help(msg!(
                    "glossary-translation-without-original-help",
                    original = name
                        .original_path()
                        .rsplit('/')
                        .next()
                        .unwrap_or("ordliste.yaml")
                )),
            );
        }
    }
    out
}
