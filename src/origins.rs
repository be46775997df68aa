//! The inheritance report (`veiviser check --origins`): for each kommune, which files are
//! its own (local), which replace a base's file (overridden), which come from a base
//! unchanged (inherited) and which it drops (excluded), so an editor can see how far the
//! kommune is from the regional model. The glossary is merged term by term
//! (content/glossary.rs), so its terms have origins of their own.

use serde::Serialize;

use crate::content::glossary::{merge, Layer};
use crate::load::Project;
use crate::msg;
use crate::parse::FileName;
use crate::site::{Kommune, Origin};

/// One kommune's report.
#[derive(Debug, Serialize)]
pub struct KommuneOrigins {
    pub kommune: String,
    pub name: String,
    /// The bases it inherits from, nearest first (`["felles", "nasjonal"]`).
    pub inherits: Vec<String>,
    pub summary: Summary,
    /// Local first, then overridden, excluded and inherited; by path within each.
    pub files: Vec<FileOrigin>,
    /// The glossary's terms, in the same order (by id within each origin).
    pub terms: Vec<TermOrigin>,
    pub terms_summary: Summary,
}

/// Where one glossary term of the kommune comes from.
#[derive(Debug, Serialize)]
pub struct TermOrigin {
    /// The term's id (`stafettholder`), what `exclude:` and `{{ term … }}` name.
    pub id: String,
    /// The term as the glossary shows it (in the kommune's default language).
    pub term: String,
    /// `local`, `overridden`, `inherited` or `excluded`.
    pub origin: &'static str,
    /// The base the term comes from (inherited, excluded) or replaces (overridden).
    pub base: Option<String>,
}

#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub local: usize,
    pub overridden: usize,
    pub inherited: usize,
    pub excluded: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg!(
            "origins-summary",
            local = self.local,
            overridden = self.overridden,
            inherited = self.inherited,
            excluded = self.excluded
        ))
    }
}

#[derive(Debug, Serialize)]
pub struct FileOrigin {
    /// Path relative to the kommune (and base) folder.
    pub path: String,
    /// `local`, `overridden`, `inherited` or `excluded`.
    pub origin: &'static str,
    /// The base the file comes from (inherited, excluded) or replaces (overridden).
    pub base: Option<String>,
    /// Why an excluded file is excluded when it is not listed in `exclude:` itself.
    pub note: Option<String>,
}

/// Reports for every kommune, by slug.
pub fn reports(project: &Project, kommuner: &[Kommune]) -> Vec<KommuneOrigins> {
    let mut out: Vec<KommuneOrigins> = kommuner.iter().map(|k| report(project, k)).collect();
    out.sort_by(|a, b| a.kommune.cmp(&b.kommune));
    out
}

/// Build the report for one resolved kommune.
pub fn report(project: &Project, kommune: &Kommune) -> KommuneOrigins {
    let mut files: Vec<FileOrigin> = kommune
        .origins
        .iter()
        .map(|(path, origin)| {
            let (label, base) = match origin {
                Origin::Local => ("local", None),
                Origin::Overridden(b) => ("overridden", Some(b.clone())),
                Origin::Inherited(b) => ("inherited", Some(b.clone())),
                Origin::Excluded(b) => ("excluded", Some(b.clone())),
            };
            let note = matches!(origin, Origin::Excluded(_))
                .then(|| exclusion_note(kommune, path))
                .flatten();
            FileOrigin {
                path: path.clone(),
                origin: label,
                base,
                note,
            }
        })
        .collect();
    let rank = |o: &str| match o {
        "local" => 0,
        "overridden" => 1,
        "excluded" => 2,
        _ => 3,
    };
    files.sort_by(|a, b| (rank(a.origin), &a.path).cmp(&(rank(b.origin), &b.path)));
    let summary = count(files.iter().map(|f| f.origin));
    let mut terms = term_origins(
        &kommune.glossary_layers,
        &kommune.slug,
        kommune.default_lang(),
    );
    terms.sort_by(|a, b| (rank(a.origin), &a.id).cmp(&(rank(b.origin), &b.id)));
    let terms_summary = count(terms.iter().map(|t| t.origin));
    KommuneOrigins {
        kommune: kommune.slug.clone(),
        name: kommune.config.name.clone(),
        inherits: bases(project, &kommune.slug),
        summary,
        files,
        terms,
        terms_summary,
    }
}

fn count<'a>(origins: impl Iterator<Item = &'a str>) -> Summary {
    let mut summary = Summary::default();
    for origin in origins {
        match origin {
            "local" => summary.local += 1,
            "overridden" => summary.overridden += 1,
            "inherited" => summary.inherited += 1,
            _ => summary.excluded += 1,
        }
    }
    summary
}

/// Each term of the merged glossary, and each term `exclude:` drops, with its origin.
fn term_origins(layers: &[Layer], kommune: &str, default: &str) -> Vec<TermOrigin> {
    let merged = merge(layers, default);
    let unit = |i: usize| layers[i].unit.clone();
    let mut out: Vec<TermOrigin> = merged
        .terms
        .iter()
        .map(|p| {
            let (origin, base) = match p.replaced {
                _ if layers[p.layer].unit != kommune => ("inherited", Some(unit(p.layer))),
                Some(r) => ("overridden", Some(unit(r))),
                None => ("local", None),
            };
            TermOrigin {
                id: p.term.anchor(),
                term: p.term.term.clone(),
                origin,
                base,
            }
        })
        .collect();
    out.extend(merged.excluded.iter().map(|(term, from, _)| TermOrigin {
        id: term.anchor(),
        term: term.term.clone(),
        origin: "excluded",
        base: Some(unit(*from)),
    }));
    out
}

/// The origin as the terminal shows it, in the run's language.
fn label(origin: &str) -> String {
    match origin {
        "local" => msg!("origins-local"),
        "overridden" => msg!("origins-overridden"),
        "inherited" => msg!("origins-inherited"),
        _ => msg!("origins-excluded"),
    }
}

/// The bases a unit inherits from, nearest first (stops at a cycle or an unknown base).
fn bases(project: &Project, slug: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = project.units.get(slug);
    while let Some(base) = current.and_then(|u| u.inherits()) {
        if base == slug || out.iter().any(|b| b == base) {
            break;
        }
        out.push(base.to_string());
        current = project.units.get(base);
    }
    out
}

/// An excluded translation that `exclude:` does not name was dropped because the kommune
/// replaced (or excluded) its original.
fn exclusion_note(kommune: &Kommune, path: &str) -> Option<String> {
    let listed = |p: &str| {
        kommune
            .config
            .exclude
            .iter()
            .any(|e| e.trim_start_matches("./") == p)
    };
    let name = FileName::parse(path);
    name.lang.as_ref()?;
    let original = name.original_path();
    if listed(path) || listed(&original) {
        return None;
    }
    matches!(kommune.origins.get(&original), Some(Origin::Overridden(_))).then(|| {
        msg!(
            "origins-note-replaced-original",
            original = original.as_str()
        )
    })
}

/// The report as text for the terminal.
pub fn render_human(report: &KommuneOrigins) -> String {
    let mut out = if report.inherits.is_empty() {
        msg!(
            "origins-heading-alone",
            kommune = report.kommune.as_str(),
            name = report.name.as_str()
        )
    } else {
        msg!(
            "origins-heading",
            kommune = report.kommune.as_str(),
            name = report.name.as_str(),
            bases = report.inherits.join(" → ")
        )
    };
    out.push('\n');
    let rows: Vec<(String, String, String)> = report
        .files
        .iter()
        .map(|f| {
            let detail = detail(f.origin, &f.base);
            let detail = match &f.note {
                Some(note) => format!("{detail}; {note}"),
                None => detail,
            };
            (label(f.origin), f.path.clone(), detail)
        })
        .collect();
    table(&mut out, &rows);
    out.push_str(&format!("  {}\n", report.summary));
    if !report.terms.is_empty() {
        out.push_str(&format!("  {}\n", msg!("origins-glossary")));
        let rows: Vec<(String, String, String)> = report
            .terms
            .iter()
            .map(|t| {
                let detail = detail(t.origin, &t.base);
                let what = if crate::slug::slugify(&t.term) == t.id {
                    t.id.clone()
                } else {
                    format!("{} ({})", t.id, t.term)
                };
                (label(t.origin), what, detail)
            })
            .collect();
        table(&mut out, &rows);
        out.push_str(&format!("  {}\n", report.terms_summary));
    }
    out
}

fn detail(origin: &str, base: &Option<String>) -> String {
    match (origin, base) {
        ("overridden", Some(b)) => msg!("origins-replaces", base = b.as_str()),
        (_, Some(b)) => msg!("origins-from", base = b.as_str()),
        _ => String::new(),
    }
}

/// Rows of (origin, what, detail) in aligned columns.
fn table(out: &mut String, rows: &[(String, String, String)]) {
    let width = |col: fn(&(String, String, String)) -> &String| {
        rows.iter()
            .map(|r| col(r).chars().count())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1) = (width(|r| &r.0), width(|r| &r.1));
    for (origin, what, detail) in rows {
        let line = format!("  {origin:<w0$}  {what:<w1$}  {detail}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_reads_as_counts() {
        let s = Summary {
            local: 12,
            overridden: 3,
            inherited: 40,
            excluded: 1,
        };
        assert_eq!(
            s.to_string(),
            "12 local, 3 overridden, 40 inherited, 1 excluded"
        );
    }
}
