//! The inheritance report (`veiviser check --origins`): for each kommune, which files are
//! its own (local), which replace a base's file (overridden), which come from a base
//! unchanged (inherited) and which it drops (excluded), so an editor can see how far the
//! kommune is from the regional model.

use serde::Serialize;

use crate::load::Project;
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
        write!(
            f,
            "{} local, {} overridden, {} inherited, {} excluded",
            self.local, self.overridden, self.inherited, self.excluded
        )
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
    let mut summary = Summary::default();
    for f in &files {
        match f.origin {
            "local" => summary.local += 1,
            "overridden" => summary.overridden += 1,
            "inherited" => summary.inherited += 1,
            _ => summary.excluded += 1,
        }
    }
    KommuneOrigins {
        kommune: kommune.slug.clone(),
        name: kommune.config.name.clone(),
        inherits: bases(project, &kommune.slug),
        summary,
        files,
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
    matches!(kommune.origins.get(&original), Some(Origin::Overridden(_)))
        .then(|| format!("translation of {original}, which the kommune replaces"))
}

/// The report as text for the terminal.
pub fn render_human(report: &KommuneOrigins) -> String {
    let mut out = format!("{} ({})", report.kommune, report.name);
    if report.inherits.is_empty() {
        out.push_str(", inherits nothing\n");
    } else {
        out.push_str(&format!(", inherits {}\n", report.inherits.join(" → ")));
    }
    let width = report
        .files
        .iter()
        .map(|f| f.path.chars().count())
        .max()
        .unwrap_or(0);
    for f in &report.files {
        let detail = match (f.origin, &f.base) {
            ("overridden", Some(b)) => format!("replaces {b}"),
            (_, Some(b)) => format!("from {b}"),
            _ => String::new(),
        };
        let detail = match &f.note {
            Some(note) => format!("{detail}; {note}"),
            None => detail,
        };
        let line = format!("  {:<10}  {:<width$}  {detail}", f.origin, f.path);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&format!("  {}\n", report.summary));
    out
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
