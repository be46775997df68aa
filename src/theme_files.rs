//! A theme's files: the standard theme built into the binary (see `build.rs`), overlaid file
//! by file by the project's own `themes/<name>/` folder when there is one.
//!
//! Everything that reads a theme (templates, CSS, scripts and UI texts in `render::theme`,
//! print templates in `print::engine`) reads it through [`ThemeFiles`], so a project needs
//! no `themes/` folder at all, and a project that changes one template holds that one file
//! and gets every other file, including later fixes to them, from the binary.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::msg;

/// The theme built into the binary; also the one `veiviser.yaml` names by default.
pub const BUILTIN_NAME: &str = "standard";

/// (path inside the theme, bytes), sorted by path; written by `build.rs`.
static BUILTIN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/theme_standard.rs"));

/// A file of the built-in theme, by its path inside the theme (`fonts/NotoSans-Regular.ttf`).
pub fn builtin_file(rel: &str) -> Option<&'static [u8]> {
    BUILTIN
        .binary_search_by(|(path, _)| (*path).cmp(rel))
        .ok()
        .map(|i| BUILTIN[i].1)
}

/// The folder of a project's theme that is never read: prints always use the built-in
/// fonts (`print::engine`), and a copy a project keeps is megabytes read for nothing.
pub const NOT_READ_FROM_PROJECT: &str = "fonts";

/// Where a theme file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the binary.
    Builtin,
    /// The project's `themes/<name>/` folder, at this path on disk.
    Project(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Cow<'static, [u8]>,
    pub origin: Origin,
}

/// The files of one theme, by path inside the theme with `/` separators.
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    name: String,
    files: BTreeMap<String, ThemeFile>,
}

impl ThemeFiles {
    /// The built-in theme alone.
    pub fn builtin() -> Self {
        let files = BUILTIN
            .iter()
            .map(|(rel, bytes)| {
                let file = ThemeFile {
                    bytes: Cow::Borrowed(*bytes),
                    origin: Origin::Builtin,
                };
                (rel.to_string(), file)
            })
            .collect();
        ThemeFiles {
            name: BUILTIN_NAME.into(),
            files,
        }
    }

    /// The theme `name` of the project at `root`: the built-in files, each replaced by the
    /// file at the same path under `root/themes/<name>/` if there is one. A theme other than
    /// the built-in one must have its folder (a misspelt `theme:` is an error, not silently
    /// the standard look).
    pub fn load(root: &Path, name: &str) -> Result<Self, Diagnostic> {
        Self::load_folders(root, name, None)
    }

    /// [`ThemeFiles::load`] with only the project's interface texts (`i18n/`) read from
    /// disk: what the check of missing texts needs, without the templates and scripts.
    pub fn load_texts(root: &Path, name: &str) -> Result<Self, Diagnostic> {
        Self::load_folders(root, name, Some("i18n"))
    }

    /// The project's files in its theme's top folder `only` (or in every one but
    /// [`NOT_READ_FROM_PROJECT`]) over the built-in ones.
    fn load_folders(root: &Path, name: &str, only: Option<&str>) -> Result<Self, Diagnostic> {
        let mut theme = Self::builtin();
        theme.name = name.to_string();
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            if name == BUILTIN_NAME {
                return Ok(theme);
            }
            return Err(
                Diagnostic::error("missing-theme", msg!("theme-missing", name = name)).with_help(
                    msg!("theme-missing-help", name = name, builtin = BUILTIN_NAME),
                ),
            );
        }
        let read = |entry: &walkdir::DirEntry| {
            let top = entry.file_name().to_str().unwrap_or_default();
            entry.depth() != 1
                || !entry.file_type().is_dir()
                || (top != NOT_READ_FROM_PROJECT && only.is_none_or(|only| top == only))
        };
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(read)
        {
            let entry = entry.map_err(|e| {
                Diagnostic::error(
                    "io",
                    msg!(
                        "theme-cannot-read-folder",
                        name = name,
                        reason = e.to_string()
                    ),
                )
            })?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !entry.file_type().is_file() || hidden {
                continue;
            }
            let path = entry.path();
            let rel: Vec<String> = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let rel = rel.join("/");
            let bytes = std::fs::read(path).map_err(|e| {
                Diagnostic::error(
                    "io",
                    msg!(
                        "source-cannot-read",
                        file = format!("themes/{name}/{rel}"),
                        reason = e.to_string()
                    ),
                )
            })?;
            let file = ThemeFile {
                bytes: Cow::Owned(bytes),
                origin: Origin::Project(path.to_path_buf()),
            };
            theme.files.insert(rel, file);
        }
        Ok(theme)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn get(&self, rel: &str) -> Option<&ThemeFile> {
        self.files.get(rel)
    }

    /// Whether `rel` is a folder: some file lies under it.
    pub fn is_dir(&self, rel: &str) -> bool {
        let prefix = format!("{}/", rel.trim_end_matches('/'));
        let found = self.under(&prefix).next().is_some();
        found
    }

    /// Every file whose path starts with `prefix` (`templates/`), in path order.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> {
        self.files
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(move |(rel, _)| rel.starts_with(prefix))
            .map(|(rel, file)| (rel.as_str(), file))
    }

    /// How a file is named to the editor: the project's copy by its path, a built-in file
    /// as such (there is no such file on their disk to open).
    pub fn display(&self, rel: &str) -> String {
        match self.files.get(rel).map(|f| &f.origin) {
            Some(Origin::Project(_)) => format!("themes/{}/{rel}", self.name),
            _ => format!("themes/{BUILTIN_NAME}/{rel} ({})", msg!("theme-built-in")),
        }
    }

    /// A text file, or an error that names it.
    pub fn text(&self, rel: &str) -> Result<&str, Diagnostic> {
        let file = self.get(rel).ok_or_else(|| {
            Diagnostic::error(
                "missing-theme-file",
                msg!("theme-missing-file", file = self.display(rel)),
            )
        })?;
        std::str::from_utf8(&file.bytes).map_err(|_| {
            Diagnostic::error(
                "invalid-utf8",
                msg!("theme-not-utf8", file = self.display(rel)),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_theme_holds_templates_texts_print_templates_and_fonts() {
        let theme = ThemeFiles::builtin();
        for rel in [
            "templates/base.html",
            "templates/partials/acute_warning.html",
            "static/css/main.css",
            "static/js/search.js",
            "i18n/nb.yaml",
            "print/poster.typ",
            "print/labels.yaml",
            "fonts/NotoSans-Regular.ttf",
        ] {
            assert!(theme.get(rel).is_some(), "{rel} is not built in");
        }
        assert!(builtin_file("fonts/NotoSansArabic-Bold.ttf").is_some());
        assert!(builtin_file("fonts/none.ttf").is_none());
        assert!(theme.is_dir("templates") && !theme.is_dir("templates/base.html"));
    }

    #[test]
    fn a_project_file_replaces_the_builtin_one_and_keeps_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("themes/standard/templates");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("base.html"), "mine").unwrap();
        std::fs::write(dir.join(".base.html.swp"), "editor").unwrap();
        let theme = ThemeFiles::load(tmp.path(), "standard").unwrap();
        assert_eq!(&*theme.get("templates/base.html").unwrap().bytes, b"mine");
        assert_eq!(
            theme.display("templates/base.html"),
            "themes/standard/templates/base.html"
        );
        assert!(theme.get("templates/.base.html.swp").is_none());
        let css = theme.get("static/css/main.css").unwrap();
        assert_eq!(css.origin, Origin::Builtin);
        assert_eq!(
            theme.display("static/css/main.css"),
            "themes/standard/static/css/main.css (built in)"
        );
    }

    #[test]
    fn a_projects_fonts_are_not_read_and_only_its_texts_when_only_texts_are_asked_for() {
        let tmp = tempfile::tempdir().unwrap();
        let theme_dir = tmp.path().join("themes/standard");
        for (rel, text) in [
            ("fonts/NotoSans-Regular.ttf", "not a font"),
            ("fonts/Mine.ttf", "not a font"),
            ("templates/base.html", "mine"),
            ("i18n/nb.yaml", "x: y\n"),
        ] {
            std::fs::create_dir_all(theme_dir.join(rel).parent().unwrap()).unwrap();
            std::fs::write(theme_dir.join(rel), text).unwrap();
        }
        let all = ThemeFiles::load(tmp.path(), "standard").unwrap();
        let font = all.get("fonts/NotoSans-Regular.ttf").unwrap();
        assert_eq!(font.origin, Origin::Builtin);
        assert!(all.get("fonts/Mine.ttf").is_none());
        assert_eq!(&*all.get("templates/base.html").unwrap().bytes, b"mine");
        let texts = ThemeFiles::load_texts(tmp.path(), "standard").unwrap();
        assert_eq!(&*texts.get("i18n/nb.yaml").unwrap().bytes, b"x: y\n");
        let base = texts.get("templates/base.html").unwrap();
        assert_eq!(base.origin, Origin::Builtin);
    }

    #[test]
    fn a_named_theme_needs_its_folder_and_standard_does_not() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(ThemeFiles::load(tmp.path(), "standard").is_ok());
        let err = ThemeFiles::load(tmp.path(), "eget").unwrap_err();
        assert_eq!(err.code, "missing-theme");
        std::fs::create_dir_all(tmp.path().join("themes/eget/i18n")).unwrap();
        std::fs::write(tmp.path().join("themes/eget/i18n/nb.yaml"), "x: y\n").unwrap();
        let theme = ThemeFiles::load(tmp.path(), "eget").unwrap();
        assert_eq!(theme.display("i18n/nb.yaml"), "themes/eget/i18n/nb.yaml");
        assert!(theme.get("templates/base.html").is_some());
    }
}
