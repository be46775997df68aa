//! Load stage: find the site settings and every kommune and base folder under `content/`,
//! and read their files. Nothing is interpreted here beyond the folder configs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::content::kommune::{KommuneConfig, RegionConfig};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source::{relative_display, SourceFile};

/// A folder under `content/`: a kommune or a shared base.
#[derive(Debug)]
pub struct Unit {
    pub slug: String,
    pub dir: PathBuf,
    pub kind: UnitKind,
    pub config_file: Arc<SourceFile>,
    /// Files by path relative to the unit folder (with `/`), config file excluded.
    pub files: BTreeMap<String, FileEntry>,
}

#[derive(Debug)]
pub enum UnitKind {
    Kommune(Box<KommuneConfig>),
    Region(RegionConfig),
}

impl Unit {
    pub fn inherits(&self) -> Option<&str> {
        match &self.kind {
            UnitKind::Kommune(k) => k.inherits.as_deref(),
            UnitKind::Region(r) => r.inherits.as_deref(),
        }
    }

    pub fn languages(&self) -> &[String] {
        match &self.kind {
            UnitKind::Kommune(k) => &k.languages,
            UnitKind::Region(r) => &r.languages,
        }
    }

    pub fn kommune(&self) -> Option<&KommuneConfig> {
        match &self.kind {
            UnitKind::Kommune(k) => Some(k),
            UnitKind::Region(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub enum FileEntry {
    /// Markdown or YAML, read as text.
    Text(Arc<SourceFile>),
    /// Anything else (images, PDFs): copied as it is.
    Asset(PathBuf),
}

/// The whole project as read from disk.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub config_file: Arc<SourceFile>,
    pub content_dir: PathBuf,
    pub units: BTreeMap<String, Unit>,
    /// Problems found while reading that do not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// The theme's interface texts as the check read them (`check/settings.rs`), with the
    /// languages they were read for: the build takes them instead of reading them again.
    pub ui_texts: std::sync::Mutex<Option<(Vec<String>, crate::i18n::Strings)>>,
}

impl Project {
    /// Read `veiviser.yaml` and every unit. Returns every problem found, not just the first.
    pub fn load(root: &Path) -> Result<Project, Vec<Diagnostic>> {
        Project::load_units(root, None)
    }

    /// [`Project::load`], reading only the units named in `only` (the live preview's
    /// incremental update reads just the kommuner a saved file can change, and their bases).
    pub fn load_units(
        root: &Path,
        only: Option<&std::collections::BTreeSet<String>>,
    ) -> Result<Project, Vec<Diagnostic>> {
        let (config, config_file) = SiteConfig::load(root).map_err(|d| vec![d])?;
        let content_dir = root.join("content");
        if !content_dir.is_dir() {
            return Err(vec![Diagnostic::error(
                "missing-content",
                msg!("load-missing-content", root = root.display()),
            )
            .with_help(msg!("load-missing-content-help"))]);
        }
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&content_dir)
            .map_err(|e| {
                vec![Diagnostic::error(
                    "io",
                    msg!("load-cannot-read-content", reason = e.to_string()),
                )]
            })?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .filter(|p| !is_hidden(p))
            .filter(|p| {
                only.is_none_or(|only| {
                    p.file_name()
                        .is_some_and(|n| only.contains(n.to_string_lossy().as_ref()))
                })
            })
            .collect();
        dirs.sort();

        let results: Vec<_> = dirs.par_iter().map(|dir| load_unit(root, dir)).collect();
        let mut units = BTreeMap::new();
        let mut diags = Vec::new();
        let mut warnings = Vec::new();
        for result in results {
            match result {
                Ok((unit, mut w)) => {
                    warnings.append(&mut w);
                    units.insert(unit.slug.clone(), unit);
                }
                Err(mut d) => diags.append(&mut d),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        // (A build that takes every kommune over from the last one loads none of them.)
        if only.is_none() && !units.values().any(|u| u.kommune().is_some()) {
            return Err(vec![Diagnostic::error(
                "no-kommune",
                msg!("load-no-kommune"),
            )
            .with_help(msg!("load-no-kommune-help"))]);
        }
        Ok(Project {
            root: root.to_path_buf(),
            config,
            config_file,
            content_dir,
            units,
            warnings,
            ui_texts: std::sync::Mutex::default(),
        })
    }

    pub fn kommuner(&self) -> impl Iterator<Item = &Unit> {
        self.units.values().filter(|u| u.kommune().is_some())
    }
}

/// Each unit folder's slug, whether it is a kommune, and the base it inherits, read from
/// the folder configs alone (cheap: used to tell which kommuner a saved file can change).
/// Folders whose config cannot be read are left out; the full build reports them.
pub fn unit_graph(root: &Path) -> BTreeMap<String, (bool, Option<String>)> {
    #[derive(serde::Deserialize)]
    struct Inherits {
        inherits: Option<String>,
    }
    let mut graph = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return graph;
    };
    for entry in entries.filter_map(Result::ok) {
        let dir = entry.path();
        let slug = entry.file_name().to_string_lossy().into_owned();
        for (name, is_kommune) in [("kommune.yaml", true), ("region.yaml", false)] {
            let path = dir.join(name);
            let Ok(file) = SourceFile::read(&path, relative_display(&path, root)) else {
                continue;
            };
            if let Ok(config) = crate::yaml::parse_file::<Inherits>(&file) {
                graph.insert(slug.clone(), (is_kommune, config.inherits));
            }
            break;
        }
    }
    graph
}

/// `slug` and the bases it inherits in `graph` (from [`unit_graph`]), nearest first.
pub fn inheritance_chain(
    graph: &BTreeMap<String, (bool, Option<String>)>,
    slug: &str,
) -> Vec<String> {
    let mut units = vec![slug.to_string()];
    while let Some(base) = units
        .last()
        .and_then(|u| graph.get(u))
        .and_then(|(_, b)| b.clone())
    {
        if units.contains(&base) {
            break;
        }
        units.push(base);
    }
    units
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~') || n.starts_with('#'))
}

fn load_unit(root: &Path, dir: &Path) -> Result<(Unit, Vec<Diagnostic>), Vec<Diagnostic>> {
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kommune_yaml = dir.join("kommune.yaml");
    let region_yaml = dir.join("region.yaml");
    let display = |p: &Path| relative_display(p, root);
    // Like every file in content/, the folder's config is never read through a link
    // (which could point anywhere, /etc/passwd included).
    for config in [&kommune_yaml, &region_yaml] {
        if std::fs::symlink_metadata(config).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(vec![Diagnostic::error(
                "symlink-refused",
                msg!("load-symlink-refused", file = display(config)),
            )
            .with_help(msg!("load-symlink-help"))]);
        }
    }
    // Warnings of the config itself (typographic quotes); every error is returned at once.
    let config_warnings;
    let (kind, config_file) = if kommune_yaml.is_file() {
        let file = SourceFile::read(&kommune_yaml, display(&kommune_yaml)).map_err(|d| vec![d])?;
        let (config, warnings) = crate::yaml::parse_file_all(&file)?;
        config_warnings = warnings;
        (UnitKind::Kommune(Box::new(config)), file)
    } else if region_yaml.is_file() {
        let file = SourceFile::read(&region_yaml, display(&region_yaml)).map_err(|d| vec![d])?;
        let (config, warnings) = crate::yaml::parse_file_all(&file)?;
        config_warnings = warnings;
        (UnitKind::Region(config), file)
    } else {
        return Err(vec![Diagnostic::error(
            "unknown-folder",
            msg!("load-unknown-folder", slug = &slug),
        )
        .with_help(msg!("load-unknown-folder-help"))]);
    };
    let mut diags = config_warnings;
    if !crate::slug::is_valid(&slug) {
        diags.push(
            Diagnostic::error("invalid-slug", msg!("load-invalid-slug", slug = &slug))
                .in_file(&config_file)
                .with_help(msg!(
                    "load-invalid-slug-help",
                    suggestion = crate::slug::slugify(&slug)
                )),
        );
    }

    let mut files = BTreeMap::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    "io",
                    msg!(
                        "load-cannot-read",
                        file = e.path().map(display).unwrap_or_default(),
                        reason = e.to_string()
                    ),
                ));
                continue;
            }
        };
        if entry.file_type().is_symlink() {
            diags.push(
                Diagnostic::warning(
                    "symlink-ignored",
                    msg!("load-symlink-ignored", file = display(entry.path())),
                )
                .with_help(msg!("load-symlink-help")),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = relative_display(path, dir);
        if rel == "kommune.yaml" || rel == "region.yaml" {
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let entry = if matches!(ext, "md" | "yaml" | "yml") {
            match SourceFile::read(path, display(path)) {
                Ok(file) => FileEntry::Text(file),
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            }
        } else {
            FileEntry::Asset(path.to_path_buf())
        };
        files.insert(rel, entry);
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok((
        Unit {
            slug,
            dir: dir.to_path_buf(),
            kind,
            config_file,
            files,
        },
        diags,
    ))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_linked_kommune_yaml_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let unit = dir.path().join("content/testvik");
        std::fs::create_dir_all(&unit).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", unit.join("kommune.yaml")).unwrap();
        let err = load_unit(dir.path(), &unit).unwrap_err();
        assert_eq!(err[0].code, "symlink-refused");
        assert!(err[0].message.contains("content/testvik/kommune.yaml"));
        assert!(err[0].file.is_none(), "nothing of the target is read");
    }
}
