//! Missing translations: a page that exists in some of a kommune's languages but not in
//! all of them. It is shown in the default language there (and says so), so this is a
//! warning: one per file, listing every language it lacks in every kommune that shows it,
//! so the list stays readable when a shared base is inherited by several kommuner.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::parse::FileName;
use crate::registry::ItemView;
use crate::site::Kommune;
use crate::source::SourceFile;

/// What one kommune lacks of one file.
struct Lack {
    kommune: String,
    missing: Vec<String>,
    /// The language the page is shown in instead.
    shown: String,
}

pub fn check(kommuner: &[Kommune]) -> Vec<Diagnostic> {
    let mut found: BTreeMap<String, (Arc<SourceFile>, Vec<Lack>)> = BTreeMap::new();
    for k in kommuner {
        for item in crate::registry::items(k) {
            if let Some((file, lack)) = lack(&item, k) {
                found
                    .entry(file.display.clone())
                    .or_insert_with(|| (file, Vec::new()))
                    .1
                    .push(lack);
            }
        }
    }

    let mut diags = Vec::new();
    for (_, (file, lacks)) in found {
        let own = lacks.len() == 1
            && file
                .display
                .starts_with(&format!("content/{}/", lacks[0].kommune));
        let missing = if own {
            lacks[0].missing.join(", ")
        } else {
            lacks
                .iter()
                .map(|l| {
                    msg!(
                        "translation-missing-in",
                        langs = l.missing.join(", "),
                        kommune = &l.kommune
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mut shown: Vec<&str> = lacks.iter().map(|l| l.shown.as_str()).collect();
        shown.sort_unstable();
        shown.dedup();
        let mut langs: Vec<&str> = lacks
            .iter()
            .flat_map(|l| l.missing.iter().map(String::as_str))
            .collect();
        langs.sort_unstable();
        langs.dedup();
        let name = FileName::parse(&file.display);
        let names: Vec<String> = langs
            .iter()
            .map(|lang| format!("{}.{lang}.{}", name.id, name.ext))
            .collect();
        diags.push(
            Diagnostic::warning(
                "missing-translation",
                msg!(
                    "translation-missing",
                    missing = &missing,
                    shown = shown.join("/")
                ),
            )
            .in_file(&file)
            .at(1, 1)
            .with_help(msg!(
                "translation-missing-help",
                names = names.join(", "),
                shown = shown.join("/")
            )),
        );
    }
    diags
}

/// What `kommune` lacks of `item`: the languages it is not translated into.
fn lack(item: &ItemView, kommune: &Kommune) -> Option<(Arc<SourceFile>, Lack)> {
    // A translation that is there but broken, or a broken original, has its own error
    // already: the languages it would give are not missing.
    let name = item
        .docs
        .first()
        .and_then(|d| d.file.display.splitn(3, '/').nth(2))
        .map(FileName::parse);
    if name
        .as_ref()
        .is_some_and(|n| kommune.broken.contains(&n.original_path()))
    {
        return None;
    }
    let broken = |lang: &str| {
        name.as_ref().is_some_and(|n| {
            let dir = if n.dir.is_empty() {
                String::new()
            } else {
                format!("{}/", n.dir)
            };
            kommune
                .broken
                .contains(&format!("{dir}{}.{lang}.{}", n.id, n.ext))
        })
    };
    let missing: Vec<String> = kommune
        .languages
        .iter()
        .filter(|lang| !kommune.config.partial_languages.contains(lang))
        .filter(|lang| !item.docs.iter().any(|d| d.lang == lang.as_str()))
        .filter(|lang| !broken(lang))
        .cloned()
        .collect();
    if missing.is_empty() {
        return None;
    }
    let default = kommune.default_lang();
    let primary = &item.docs[item.pick(default, default)];
    // Report on the original (the file without a language code).
    let file = item
        .docs
        .iter()
        .map(|d| d.file)
        .find(|f| FileName::parse(&f.display).lang.is_none())
        .unwrap_or(primary.file);
    Some((
        Arc::clone(file),
        Lack {
            kommune: kommune.slug.clone(),
            missing,
            shown: primary.lang.to_string(),
        },
    ))
}
