//! The editor's configuration (`/admin/config.yml`), made at request time from the content
//! model: the unit folders in content/ (kommuner and the bases they inherit), the registry
//! of content types (`ContentKind`: folder, format, fixed file names) and the JSON Schema
//! of each type. Nothing of it is written by hand, so it cannot drift from what the build
//! reads.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{json, Value};

use super::fields::{Fields, Labels, Target};
use crate::registry::{ContentKind, Format};

/// A unit folder of content/: a kommune or a shared base.
#[derive(Debug, Clone)]
pub struct Unit {
    pub slug: String,
    pub is_kommune: bool,
    pub base: Option<String>,
    /// Its languages; the first is the language of files without a code.
    pub languages: Vec<String>,
}

/// Every unit the preview shows (one kommune and its bases with `--kommune`).
pub fn units(root: &Path, only: Option<&str>) -> Vec<Unit> {
    let graph = crate::load::unit_graph(root);
    let site_language = site_language(root);
    let mut shown = BTreeSet::new();
    for (slug, (is_kommune, _)) in &graph {
        if *is_kommune && only.is_none_or(|o| o == slug) {
            let mut next = Some(slug.clone());
            while let Some(unit) = next.filter(|u| shown.insert(u.clone())) {
                next = graph.get(&unit).and_then(|(_, base)| base.clone());
            }
        }
    }
    // Bases first: they hold what the kommuner inherit.
    let mut units: Vec<Unit> = graph
        .into_iter()
        .filter(|(slug, _)| only.is_none() || shown.contains(slug))
        .map(|(slug, (is_kommune, base))| {
            let mut languages = unit_languages(root, &slug, is_kommune);
            if languages.is_empty() {
                languages.push(site_language.clone());
            }
            Unit {
                slug,
                is_kommune,
                base,
                languages,
            }
        })
        .collect();
    // A base without its own list has files in the site's language and translations into
    // the languages of the kommuner that inherit it.
    for i in 0..units.len() {
        if units[i].is_kommune || !unit_languages(root, &units[i].slug, false).is_empty() {
            continue;
        }
        let mut languages = units[i].languages.clone();
        for heir in units
            .iter()
            .filter(|u| u.is_kommune && chain(u, &units).iter().any(|c| c.slug == units[i].slug))
        {
            for language in &heir.languages {
                if !languages.contains(language) {
                    languages.push(language.clone());
                }
            }
        }
        units[i].languages = languages;
    }
    units.sort_by_key(|u| (u.is_kommune, u.slug.clone()));
    units
}

fn site_language(root: &Path) -> String {
    std::fs::read_to_string(root.join("veiviser.yaml"))
        .ok()
        .and_then(|t| crate::yaml::from_str::<Value>(&t).ok())
        .and_then(|v| v["default_language"].as_str().map(String::from))
        .unwrap_or_else(|| "nb".into())
}

fn unit_languages(root: &Path, slug: &str, is_kommune: bool) -> Vec<String> {
    let file = if is_kommune {
        "kommune.yaml"
    } else {
        "region.yaml"
    };
    std::fs::read_to_string(root.join("content").join(slug).join(file))
        .ok()
        .and_then(|t| crate::yaml::from_str::<Value>(&t).ok())
        .and_then(|v| {
            v["languages"].as_array().map(|langs| {
                langs
                    .iter()
                    .filter_map(|l| l.as_str().map(String::from))
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// The configuration as YAML. `api_url` is where the editor sends its requests.
pub fn yaml(root: &Path, only: Option<&str>, api_url: &str) -> String {
    let value = generate(root, only, api_url);
    crate::yaml::to_string(&value)
}

pub fn generate(root: &Path, only: Option<&str>, api_url: &str) -> Value {
    let labels = Labels::load();
    let units = units(root, only);
    let site_language = site_language(root);
    let mut locales: Vec<String> = vec![site_language.clone()];
    for unit in &units {
        for language in &unit.languages {
            if !locales.contains(language) {
                locales.push(language.clone());
            }
        }
    }
    let mut collections = Vec::new();
    for unit in &units {
        collections.extend(unit_collections(root, unit, &units, &labels));
    }
    let media = units
        .first()
        .map(|u| format!("content/{}/bilder", u.slug))
        .unwrap_or_else(|| "content/bilder".into());
    json!({
        "backend": {"name": "proxy", "proxy_url": api_url, "branch": "main"},
        "locale": "nb_no",
        "media_folder": media,
        "public_folder": "bilder",
        "show_preview_links": false,
        "i18n": {
            "structure": "multiple_files",
            "locales": locales,
            "default_locale": site_language,
        },
        "collections": collections,
    })
}

fn title_case(slug: &str) -> String {
    let mut chars = slug.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The name of the folder collection of a kind in a unit.
pub fn collection_name(unit: &str, kind: ContentKind) -> String {
    format!("{unit}-{}", kind.folder())
}

/// The kinds that have a folder of items (not one fixed file).
fn folder_kinds() -> impl Iterator<Item = ContentKind> {
    ContentKind::ALL
        .into_iter()
        .filter(|k| k.fixed_id().is_none())
}

/// The unit itself, then the bases it inherits, nearest first.
fn chain<'a>(unit: &'a Unit, units: &'a [Unit]) -> Vec<&'a Unit> {
    let mut chain = vec![unit];
    while let Some(base) = chain
        .last()
        .and_then(|u| u.base.as_deref())
        .and_then(|b| units.iter().find(|u| u.slug == b))
    {
        if chain.iter().any(|u| u.slug == base.slug) {
            break;
        }
        chain.push(base);
    }
    chain
}

fn has_folder(root: &Path, unit: &Unit, kind: ContentKind) -> bool {
    root.join("content")
        .join(&unit.slug)
        .join(kind.folder())
        .is_dir()
}

/// The field an item of a kind is named and listed by.
fn identifier(fields: &[Value]) -> &'static str {
    ["title", "name", "term"]
        .into_iter()
        .find(|k| fields.iter().any(|f| f["name"] == *k))
        .unwrap_or("title")
}

fn schema_of(kind: ContentKind) -> Value {
    serde_json::from_str(&crate::schemas::content_schema(kind).json).expect("schemas are JSON")
}

fn settings_schema(name: &str) -> Value {
    let file = crate::schemas::all()
        .into_iter()
        .find(|s| s.name == name)
        .expect("kommune and region schemas exist");
    serde_json::from_str(&file.json).expect("schemas are JSON")
}

/// The form fields of a file of `kind` (or of a settings file), with the Markdown body.
fn fields_of(
    schema: &Value,
    markdown: bool,
    labels: &Labels,
    targets: &BTreeMap<String, Target>,
    levels: &[Value],
) -> Vec<Value> {
    let maker = Fields {
        labels,
        schema,
        targets: targets.clone(),
        levels: levels.to_vec(),
    };
    let mut fields = maker.of_object(schema);
    if markdown {
        fields.push(
            json!({"name": "body", "label": "Tekst", "widget": "markdown", "required": false}),
        );
    }
    fields
}

/// The collections each reference key of a unit's files offers: the nearest unit in its
/// chain that has a folder of the named kind.
fn targets(root: &Path, unit: &Unit, units: &[Unit], labels: &Labels) -> BTreeMap<String, Target> {
    let mut targets = BTreeMap::new();
    for (key, kind_name) in &labels.references {
        let Some(kind) = folder_kinds().find(|k| format!("{k:?}") == *kind_name) else {
            continue;
        };
        let Some(holder) = chain(unit, units)
            .into_iter()
            .find(|u| has_folder(root, u, kind))
        else {
            continue;
        };
        let display = identifier(
            &Fields {
                labels,
                schema: &schema_of(kind),
                targets: BTreeMap::new(),
                levels: Vec::new(),
            }
            .of_object(&schema_of(kind)),
        )
        .to_string();
        targets.insert(
            key.clone(),
            Target {
                collection: collection_name(&holder.slug, kind),
                display,
            },
        );
    }
    targets
}

/// The levels a unit's pages have (its own level files and those it inherits, the nearest
/// winning), as select options: the level's title ("Nivå 1: Tiltak i egen tjeneste") with
/// its number as the value.
fn level_options(root: &Path, unit: &Unit, units: &[Unit]) -> Vec<Value> {
    let mut levels: BTreeMap<i64, String> = BTreeMap::new();
    for holder in chain(unit, units).into_iter().rev() {
        let dir = root
            .join("content")
            .join(&holder.slug)
            .join(ContentKind::Level.folder());
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = crate::parse::FileName::parse(&entry.file_name().to_string_lossy());
            if name.lang.is_some() || name.ext != "md" || name.id == "index" {
                continue;
            }
            let Some(front) = std::fs::read_to_string(entry.path())
                .ok()
                .and_then(|t| Some(t.strip_prefix("---")?.split_once("\n---")?.0.to_string()))
                .and_then(|f| crate::yaml::from_str::<Value>(&f).ok())
            else {
                continue;
            };
            if let Some(n) = front["level"].as_i64() {
                let label = match front["title"].as_str() {
                    Some(title) if !title.is_empty() => title.to_string(),
                    _ => format!("Nivå {n}"),
                };
                levels.insert(n, label);
            }
        }
    }
    levels
        .into_iter()
        .map(|(n, label)| json!({"label": label, "value": n}))
        .collect()
}

fn unit_collections(root: &Path, unit: &Unit, units: &[Unit], labels: &Labels) -> Vec<Value> {
    let targets = targets(root, unit, units, labels);
    let levels = level_options(root, unit, units);
    let name = title_case(&unit.slug);
    let heirs: Vec<&str> = units
        .iter()
        .filter(|u| u.is_kommune && chain(u, units).iter().any(|c| c.slug == unit.slug))
        .map(|u| u.slug.as_str())
        .collect();
    let (prefix, description) = if unit.is_kommune {
        (
            name.clone(),
            format!(
                "Filer som bare gjelder {name}. En fil med samme navn som i det felles \
                 grunnlaget erstatter fellesfilen for {name}."
            ),
        )
    } else {
        (
            format!("{name} (grunnlag)"),
            format!(
                "Felles grunnlag. En endring her gjelder alle kommunene som arver det: {}. \
                 Skal bare én kommune ha en annen tekst, lag filen med samme navn i \
                 kommunens egen samling.",
                heirs.join(", ")
            ),
        )
    };
    let i18n = (unit.languages.len() > 1).then(|| {
        json!({
            "structure": "multiple_files",
            "locales": unit.languages,
            "default_locale": unit.languages[0],
        })
    });
    let mut collections = Vec::new();
    for kind in folder_kinds() {
        let present = chain(unit, units).iter().any(|u| has_folder(root, u, kind));
        if !present || (!unit.is_kommune && !has_folder(root, unit, kind)) {
            continue;
        }
        let markdown = kind.format() == Format::Markdown;
        let mut fields = fields_of(&schema_of(kind), markdown, labels, &targets, &levels);
        if i18n.is_some() {
            for field in &mut fields {
                field["i18n"] = true.into();
            }
        }
        let mut collection = json!({
            "name": collection_name(&unit.slug, kind),
            "label": format!("{prefix}: {}", labels.kinds[&format!("{kind:?}")]),
            "description": description,
            "folder": format!("content/{}/{}", unit.slug, kind.folder()),
            "extension": if markdown { "md" } else { "yaml" },
            "format": if markdown { "frontmatter" } else { "yaml" },
            "create": true,
            "delete": false,
            "identifier_field": identifier(&fields),
            "slug": "{{slug}}",
            "editor": {"preview": false},
            "fields": fields,
        });
        if let Some(i18n) = &i18n {
            collection["i18n"] = i18n.clone();
        }
        collections.push(collection);
    }
    let files = settings_files(root, unit, labels, &targets, &levels);
    if !files.is_empty() {
        collections.push(json!({
            "name": format!("{}-filer", unit.slug),
            "label": format!("{prefix}: {}", if unit.is_kommune { "innstillinger og lister" } else { "innstillinger og lister (felles)" }),
            "description": description,
            "delete": false,
            "editor": {"preview": false},
            "files": files,
        }));
    }
    collections
}

/// The unit's single files: its settings and every kind with a fixed file name.
fn settings_files(
    root: &Path,
    unit: &Unit,
    labels: &Labels,
    targets: &BTreeMap<String, Target>,
    levels: &[Value],
) -> Vec<Value> {
    let dir = root.join("content").join(&unit.slug);
    let mut files = Vec::new();
    let (settings, kind_name) = if unit.is_kommune {
        ("kommune", "Kommune")
    } else {
        ("region", "Region")
    };
    files.push(json!({
        "name": settings,
        "label": labels.kinds[kind_name],
        "file": format!("content/{}/{settings}.yaml", unit.slug),
        "fields": fields_of(&settings_schema(settings), false, labels, targets, levels),
    }));
    for kind in ContentKind::ALL {
        let Some(id) = kind.fixed_id() else { continue };
        let path = kind.path_of(id);
        if !dir.join(&path).is_file() {
            continue;
        }
        let markdown = kind.format() == Format::Markdown;
        files.push(json!({
            "name": format!("{kind:?}").to_lowercase(),
            "label": labels.kinds[&format!("{kind:?}")],
            "file": format!("content/{}/{path}", unit.slug),
            "fields": fields_of(&schema_of(kind), markdown, labels, targets, levels),
        }));
    }
    files
}
