//! Resolve stage: inheritance (base → kommune overlays and exclusions) and grouping of
//! language variants into one model per kommune.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::load::{Project, Unit};
use crate::msg;
use crate::parse::{parse_unit, FileName, Parsed};
use crate::site::{Kommune, Origin, Variants};

/// Resolve every kommune (or only `only`). Returns the kommuner and every diagnostic.
pub fn resolve(project: &Project, only: Option<&str>) -> (Vec<Kommune>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let selected: Vec<&Unit> = match only {
        Some(slug) => match project.units.get(slug) {
            Some(unit) if unit.kommune().is_some() => vec![unit],
            _ => {
                let names: Vec<&str> = project.kommuner().map(|u| u.slug.as_str()).collect();
                let mut d = Diagnostic::error(
                    "unknown-kommune",
                    msg!("resolve-unknown-kommune", slug = slug),
                );
                d = d.with_help(
                    match crate::diagnostics::suggest(slug, names.iter().copied()) {
                        Some(near) => msg!(
                            "resolve-unknown-kommune-near",
                            near = near,
                            kommuner = names.join(", ")
                        ),
                        None => msg!("resolve-kommuner", kommuner = names.join(", ")),
                    },
                );
                return (Vec::new(), vec![d]);
            }
        },
        None => project.kommuner().collect(),
    };

    // Inheritance chains, checked for unknown bases and cycles.
    let mut chains = Vec::new();
    for unit in &selected {
        match chain(project, unit) {
            Ok(c) => chains.push(c),
            Err(d) => diags.push(d),
        }
    }

    // Parse each needed unit once, in its own default language.
    let needed: BTreeSet<&str> = chains.iter().flatten().map(|u| u.slug.as_str()).collect();
    let parsed: BTreeMap<&str, (BTreeMap<String, Parsed>, Vec<Diagnostic>)> = needed
        .par_iter()
        .map(|slug| {
            let unit = &project.units[*slug];
            let lang = unit
                .languages()
                .first()
                .cloned()
                .unwrap_or_else(|| project.config.default_language.clone());
            (*slug, parse_unit(unit, &lang))
        })
        .collect();
    for (_, unit_diags) in parsed.values() {
        diags.extend(unit_diags.iter().cloned());
    }

    let kommuner: Vec<(Kommune, Vec<Diagnostic>)> = chains
        .par_iter()
        .map(|chain| assemble(project, chain, &parsed))
        .collect();
    let mut out = Vec::new();
    for (k, mut d) in kommuner {
        diags.append(&mut d);
        out.push(k);
    }
    (out, diags)
}

/// The unit followed by the bases it inherits from, nearest first.
fn chain<'a>(project: &'a Project, unit: &'a Unit) -> Result<Vec<&'a Unit>, Diagnostic> {
    let mut chain = vec![unit];
    let mut current = unit;
    while let Some(base) = current.inherits() {
        let locate = |d: Diagnostic| {
            let offset =
                crate::yaml::locate_in_key(&current.config_file, "inherits", base).unwrap_or(0);
            d.in_file(&current.config_file)
                .at_offset(offset, base.len())
        };
        let Some(next) = project.units.get(base) else {
            let bases: Vec<&str> = project
                .units
                .values()
                .filter(|u| u.kommune().is_none())
                .map(|u| u.slug.as_str())
                .collect();
            return Err(locate(
                Diagnostic::error("unknown-base", msg!("resolve-unknown-base", base = base))
                    .with_help(if bases.is_empty() {
                        msg!("resolve-unknown-base-create", base = base)
                    } else {
                        match crate::diagnostics::suggest(base, bases.iter().copied()) {
                            Some(near) => msg!(
                                "resolve-unknown-base-near",
                                near = near,
                                bases = bases.join(", ")
                            ),
                            None => msg!("resolve-bases", bases = bases.join(", ")),
                        }
                    }),
            ));
        };
        if next.kommune().is_some() {
            return Err(locate(
                Diagnostic::error(
                    "inherits-kommune",
                    msg!("resolve-inherits-kommune", base = base),
                )
                .with_help(msg!("resolve-inherits-kommune-help")),
            ));
        }
        if let Some(start) = chain.iter().position(|u| u.slug == next.slug) {
            // Name the circle itself (not the kommune leading into it), so every kommune
            // that inherits it reports the same error once.
            let names: Vec<&str> = chain[start..]
                .iter()
                .map(|u| u.slug.as_str())
                .chain([next.slug.as_str()])
                .collect();
            return Err(locate(
                Diagnostic::error(
                    "inheritance-cycle",
                    msg!("resolve-cycle", names = names.join(" → ")),
                )
                .with_help(msg!("resolve-cycle-help")),
            ));
        }
        chain.push(next);
        current = next;
    }
    Ok(chain)
}

fn assemble(
    project: &Project,
    chain: &[&Unit],
    parsed: &BTreeMap<&str, (BTreeMap<String, Parsed>, Vec<Diagnostic>)>,
) -> (Kommune, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let kommune_unit = chain[0];
    let config = kommune_unit
        .kommune()
        .expect("chain starts with a kommune")
        .clone();

    // Overlay from the farthest base to the kommune itself.
    let mut merged: BTreeMap<String, (Parsed, &str)> = BTreeMap::new();
    let mut origins: BTreeMap<String, Origin> = BTreeMap::new();
    let mut broken = BTreeSet::new();
    let mut glossary_layers: Vec<crate::content::glossary::Layer> = Vec::new();
    for unit in chain.iter().rev() {
        let Some((files, _)) = parsed.get(unit.slug.as_str()) else {
            continue;
        };
        broken.extend(
            unit.files
                .iter()
                .filter(|(rel, entry)| {
                    matches!(entry, crate::load::FileEntry::Text(_)) && !files.contains_key(*rel)
                })
                .map(|(rel, _)| rel.clone()),
        );
        let is_kommune = unit.slug == kommune_unit.slug;
        // Glossary files add up instead of replacing each other (content/glossary.rs).
        let glossary: Vec<_> = files
            .iter()
            .filter_map(|(rel, item)| match item {
                Parsed::Glossary(d) => Some((rel, d)),
                _ => None,
            })
            .collect();
        if let Some((_, first)) = glossary.first() {
            let mut layer = crate::content::glossary::Layer {
                unit: unit.slug.clone(),
                files: Variants::new(first.id.clone()),
            };
            for (rel, d) in glossary {
                layer.files.docs.push(Arc::clone(d));
                // The kommune's glossary adds to its bases' rather than replacing them:
                // its own file (the report lists the terms' origins).
                let origin = if is_kommune {
                    Origin::Local
                } else {
                    Origin::Inherited(unit.slug.clone())
                };
                origins.insert(rel.clone(), origin);
            }
            glossary_layers.push(layer);
        }
        let files: BTreeMap<&String, &Parsed> = files
            .iter()
            .filter(|(_, item)| !matches!(item, Parsed::Glossary(_)))
            .collect();
        // Judge every file against what the bases gave, before anything is replaced: a
        // kommune file at a path a base also has overrides it (translations included).
        let file_origins: Vec<Origin> = files
            .keys()
            .map(|rel| match merged.get(*rel) {
                Some((_, from)) if is_kommune => Origin::Overridden((*from).to_string()),
                _ if is_kommune => Origin::Local,
                _ => Origin::Inherited(unit.slug.clone()),
            })
            .collect();
        // A replaced original takes its inherited translations with it: they translate a
        // text that is no longer used. The report lists them as excluded.
        let originals: BTreeSet<&str> = files
            .keys()
            .filter(|rel| FileName::parse(rel).lang.is_none())
            .map(|rel| rel.as_str())
            .collect();
        let stale: Vec<String> = merged
            .keys()
            .filter(|r| {
                let name = FileName::parse(r);
                name.lang.is_some() && originals.contains(name.original_path().as_str())
            })
            .cloned()
            .collect();
        for r in stale {
            if let Some((_, from)) = merged.remove(&r) {
                origins.insert(r, Origin::Excluded(from.to_string()));
            }
        }
        for ((rel, item), origin) in files.iter().zip(file_origins) {
            merged.insert((*rel).clone(), ((*item).clone(), unit.slug.as_str()));
            origins.insert((*rel).clone(), origin);
        }
    }

    // Exclusions apply to inherited files (and their translations).
    for excluded in &config.exclude {
        let excluded = excluded.trim_start_matches("./");
        let matching: Vec<String> = merged
            .iter()
            .filter(|(r, (_, from))| {
                *from != kommune_unit.slug
                    && (r.as_str() == excluded || FileName::parse(r).original_path() == excluded)
            })
            .map(|(r, _)| r.clone())
            .collect();
        // `exclude: ordliste.yaml` drops the bases' glossaries whole.
        let glossary_files = crate::registry::ContentKind::Glossary.path_of("ordliste");
        let drops_glossary = excluded == glossary_files
            && glossary_layers.iter().any(|l| l.unit != kommune_unit.slug);
        if drops_glossary {
            for layer in glossary_layers
                .iter()
                .filter(|l| l.unit != kommune_unit.slug)
            {
                for d in &layer.files.docs {
                    origins.insert(
                        rel_in_unit(&layer.unit, &d.file.display),
                        Origin::Excluded(layer.unit.clone()),
                    );
                }
            }
            glossary_layers.retain(|l| l.unit == kommune_unit.slug);
            if let Some(own) = glossary_layers.first() {
                for d in &own.files.docs {
                    origins.insert(rel_in_unit(&own.unit, &d.file.display), Origin::Local);
                }
            }
        }
        if matching.is_empty() && !drops_glossary {
            let offset = crate::yaml::locate_in_key(&kommune_unit.config_file, "exclude", excluded)
                .unwrap_or(0);
            let inherited: Vec<&str> = merged
                .iter()
                .filter(|(_, (_, f))| *f != kommune_unit.slug)
                .map(|(r, _)| r.as_str())
                .collect();
            let own = merged.contains_key(excluded);
            diags.push(
                Diagnostic::error(
                    "unknown-exclude",
                    msg!("resolve-unknown-exclude", path = excluded),
                )
                .in_file(&kommune_unit.config_file)
                .at_offset(offset, excluded.len())
                .with_help(
                    match crate::diagnostics::suggest(excluded, inherited.iter().copied()) {
                        _ if own => msg!(
                            "resolve-exclude-own",
                            slug = &kommune_unit.slug,
                            path = excluded
                        ),
                        Some(near) => msg!("check-did-you-mean", near = near),
                        None => msg!("resolve-unknown-exclude-help"),
                    },
                ),
            );
        }
        for r in matching {
            if let Some((_, from)) = merged.remove(&r) {
                origins.insert(r, Origin::Excluded(from.to_string()));
            }
        }
    }

    // A translation needs its original somewhere in the chain.
    for (rel, (item, _)) in &merged {
        let name = FileName::parse(rel);
        let (Some(lang), Some(file)) = (&name.lang, item.source_file()) else {
            continue;
        };
        let original = name.original_path();
        // An original that is there but broken has its own error already.
        if merged.contains_key(&original) || broken.contains(&original) {
            continue;
        }
        let excluded = config
            .exclude
            .iter()
            .any(|e| e.trim_start_matches("./") == original);
        let default = config
            .languages
            .first()
            .unwrap_or(&project.config.default_language);
        let help = if excluded {
            msg!(
                "resolve-original-excluded",
                original = &original,
                slug = &kommune_unit.slug
            )
        } else if lang == default {
            msg!(
                "resolve-default-language-suffix",
                lang = lang,
                original = &original
            )
        } else {
            let siblings: Vec<FileName> = merged
                .keys()
                .map(|r| FileName::parse(r))
                .filter(|n| n.lang.is_none() && n.dir == name.dir && n.ext == name.ext)
                .collect();
            match crate::diagnostics::suggest(&name.id, siblings.iter().map(|n| n.id.as_str())) {
                Some(near) => {
                    let dir = if name.dir.is_empty() {
                        String::new()
                    } else {
                        format!("{}/", name.dir)
                    };
                    msg!(
                        "resolve-translate-near",
                        original = format!("{dir}{near}.{}", name.ext),
                        renamed = format!("{dir}{near}.{lang}.{}", name.ext)
                    )
                }
                None => msg!("resolve-create-original", original = &original),
            }
        };
        diags.push(
            Diagnostic::error(
                "translation-without-original",
                msg!(
                    "resolve-translation-without-original",
                    file = rel,
                    lang = lang,
                    original = &original
                ),
            )
            .in_file(file)
            .at(1, 1)
            .with_help(help),
        );
    }

    let mut languages = config.languages.clone();
    if languages.is_empty() {
        languages.push(project.config.default_language.clone());
    }
    let fallback = project.config.default_language.clone();
    for lang in languages.iter_mut() {
        if crate::i18n::language(lang).is_none() {
            let offset = crate::yaml::locate_in_key(&kommune_unit.config_file, "languages", lang)
                .unwrap_or(0);
            diags.push(
                Diagnostic::error(
                    "unknown-language",
                    msg!("resolve-unknown-language", lang = &*lang),
                )
                .in_file(&kommune_unit.config_file)
                .at_offset(offset, lang.len())
                .with_help(msg!(
                    "resolve-unknown-language-help",
                    codes = crate::i18n::LANGUAGES
                        .iter()
                        .map(|l| l.code)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            *lang = fallback.clone();
        }
    }
    languages.dedup();

    let mut kommune = Kommune {
        slug: kommune_unit.slug.clone(),
        config,
        config_file: Arc::clone(&kommune_unit.config_file),
        languages,
        front: None,
        guide_intro: None,
        levels: Vec::new(),
        forms: BTreeMap::new(),
        services: BTreeMap::new(),
        modules: BTreeMap::new(),
        pages: BTreeMap::new(),
        arenas: BTreeMap::new(),
        prints: BTreeMap::new(),
        glossary: None,
        glossary_layers: Vec::new(),
        contacts: None,
        events: None,
        assets: BTreeMap::new(),
        origins,
        broken,
    };
    let mut levels: BTreeMap<String, Variants<crate::content::guide::Level>> = BTreeMap::new();
    fn add<T>(map: &mut BTreeMap<String, Variants<T>>, doc: &Arc<crate::content::Doc<T>>) {
        map.entry(doc.id.clone())
            .or_insert_with(|| Variants::new(doc.id.clone()))
            .docs
            .push(Arc::clone(doc));
    }
    fn add_single<T>(slot: &mut Option<Variants<T>>, doc: &Arc<crate::content::Doc<T>>) {
        slot.get_or_insert_with(|| Variants::new(doc.id.clone()))
            .docs
            .push(Arc::clone(doc));
    }
    for (rel, (item, _)) in &merged {
        match item {
            Parsed::Front(d) => add_single(&mut kommune.front, d),
            Parsed::GuideIntro(d) => add_single(&mut kommune.guide_intro, d),
            Parsed::Level(d) => add(&mut levels, d),
            Parsed::Form(d) => add(&mut kommune.forms, d),
            Parsed::Service(d) => add(&mut kommune.services, d),
            Parsed::Module(d) => add(&mut kommune.modules, d),
            Parsed::Events(d) => add_single(&mut kommune.events, d),
            Parsed::Page(d) => add(&mut kommune.pages, d),
            Parsed::Arena(d) => add(&mut kommune.arenas, d),
            Parsed::Contacts(d) => add_single(&mut kommune.contacts, d),
            Parsed::Glossary(_) => {} // merged below
            Parsed::Print(d) => add(&mut kommune.prints, d),
            Parsed::Asset(path) => {
                kommune.assets.insert(rel.clone(), path.clone());
            }
        }
    }
    let default = kommune.default_lang().to_string();
    diags.extend(crate::content::glossary::unknown_excludes(
        &glossary_layers,
        &default,
    ));
    diags.extend(crate::content::glossary::translations_without_original(
        &glossary_layers,
    ));
    kommune.glossary =
        crate::content::glossary::merged_variants(&glossary_layers, &kommune.languages, &default);
    kommune.glossary_layers = glossary_layers;
    let mut levels: Vec<_> = levels.into_values().collect();
    levels.sort_by_key(|v| v.primary(&default).data.level);
    kommune.levels = levels;
    (kommune, diags)
}

/// `content/felles/ordliste.yaml` → `ordliste.yaml`.
fn rel_in_unit(unit: &str, display: &str) -> String {
    let prefix = format!("content/{unit}/");
    display.strip_prefix(&prefix).unwrap_or(display).to_string()
}
