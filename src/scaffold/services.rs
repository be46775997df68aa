//! The services a new kommune needs because its base's text refers to them: each gets a
//! placeholder file, named like the other kommuner's service with the same id.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::files;
use crate::build::Report;
use crate::registry::ContentKind;
use crate::site::Kommune;

/// Service ids the resolved kommune refers to but does not have.
pub(super) fn missing_services(root: &Path, slug: &str) -> BTreeSet<String> {
    let mut report = Report::default();
    let Some((_, kommuner)) =
        crate::build::check(root, Some(slug), crate::build::today(), &mut report)
    else {
        return BTreeSet::new();
    };
    let Some(kommune) = kommuner.first() else {
        return BTreeSet::new();
    };
    referenced_services(kommune)
        .into_iter()
        .filter(|id| !kommune.services.contains_key(id) && crate::slug::is_valid(id))
        .collect()
}

/// Every service id named in a level's `services:` or in a service shortcode.
pub fn referenced_services(kommune: &Kommune) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut texts: Vec<&str> = Vec::new();
    macro_rules! texts {
        ($variants:expr) => {
            for v in $variants {
                for d in &v.docs {
                    texts.push(&d.file.text);
                }
            }
        };
    }
    texts!(kommune.front.iter());
    texts!(kommune.guide_intro.iter());
    texts!(kommune.levels.iter());
    texts!(kommune.forms.values());
    texts!(kommune.services.values());
    texts!(kommune.modules.values());
    texts!(kommune.pages.values());
    texts!(kommune.arenas.values());
    texts!(kommune.prints.values());
    texts!(kommune.glossary.iter());
    texts!(kommune.events.iter());
    for text in texts {
        for sc in crate::shortcodes::scan(text) {
            if matches!(sc.name.as_str(), "service" | "service_link") {
                ids.extend(sc.arg);
            }
        }
    }
    for level in &kommune.levels {
        for d in &level.docs {
            ids.extend(d.data.services.iter().cloned());
            for step in &d.data.steps {
                ids.extend(step.services.iter().cloned());
            }
        }
    }
    ids
}

/// A placeholder service. Name and category come from another kommune's service with the
/// same id when there is one (the base's text expects that service), else from the id.
pub(super) fn service_yaml(root: &Path, slug: &str, id: &str, language: &str) -> String {
    let (name, category) = sibling_service(root, slug, id).unwrap_or_else(|| {
        let mut c = id.chars();
        let name = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
            .replace('-', " ");
        (name, "Annet".to_string())
    });
    let mut context = tera::Context::new();
    context.insert("id", id);
    context.insert("slug", slug);
    context.insert("name_q", &files::quoted(&name));
    context.insert("category_q", &files::quoted(&category));
    files::render(language, "service.yaml", &mut context)
}

fn sibling_service(root: &Path, slug: &str, id: &str) -> Option<(String, String)> {
    #[derive(serde::Deserialize)]
    struct NameOnly {
        name: String,
        category: String,
    }
    let content = root.join("content");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&content)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != slug))
        .collect();
    dirs.sort();
    // The most common name wins, so one kommune in nynorsk does not name it for all.
    let mut found: Vec<((String, String), usize)> = Vec::new();
    for dir in dirs {
        let path = dir.join(ContentKind::Service.path_of(id));
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(service) = crate::yaml::from_str::<NameOnly>(&text) else {
            continue;
        };
        let key = (service.name, service.category);
        match found.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => found.push((key, 1)),
        }
    }
    let best = found.iter().map(|(_, n)| *n).max()?;
    found.into_iter().find(|(_, n)| *n == best).map(|(k, _)| k)
}
