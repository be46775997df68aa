//! The theme: Tera templates, CSS and UI strings, loaded once per build.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;

pub struct Theme {
    pub name: String,
    pub dir: PathBuf,
    pub tera: Tera,
    pub strings: Strings,
    /// The theme's stylesheet, minified.
    pub css: String,
    /// Static files besides the stylesheet (scripts), by file name.
    pub scripts: Vec<(String, Vec<u8>)>,
}

impl Theme {
    pub fn load(
        root: &Path,
        name: &str,
        langs: &[String],
    ) -> Result<(Theme, Vec<Diagnostic>), Diagnostic> {
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(Diagnostic::error(
                "missing-theme",
                format!("the theme `{name}` does not exist (themes/{name}/)"),
            )
            .with_help(
                "set `theme:` in veiviser.yaml to a folder under themes/, for example `standard`",
            ));
        }
        let glob = format!("{}/templates/**/*.html", dir.display());
        let mut tera = Tera::new(&glob).map_err(|e| template_error(name, &e))?;
        tera.autoescape_on(vec![".html"]);
        let (strings, warnings) = Strings::load(&dir, langs)?;
        let css_path = dir.join("static/css/main.css");
        let css_source = std::fs::read_to_string(&css_path).map_err(|e| {
            Diagnostic::error(
                "missing-theme-file",
                format!("cannot read themes/{name}/static/css/main.css: {e}"),
            )
        })?;
        let css = crate::assets::minify_css(&css_source).map_err(|e| {
            Diagnostic::error(
                "invalid-css",
                format!("themes/{name}/static/css/main.css: {e}"),
            )
        })?;
        let mut scripts = Vec::new();
        if let Ok(entries) = std::fs::read_dir(dir.join("static/js")) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "js") {
                    if let Ok(bytes) = std::fs::read(&path) {
                        scripts.push((entry.file_name().to_string_lossy().into_owned(), bytes));
                    }
                }
            }
        }
        scripts.sort();
        Ok((
            Theme {
                name: name.to_string(),
                dir,
                tera,
                strings,
                css,
                scripts,
            },
            warnings,
        ))
    }

    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(template, context)
            .map_err(|e| template_error(&self.name, &e))
    }
}

/// A template error, with Tera's chain of causes (they carry the line and the reason).
pub fn template_error(theme: &str, err: &tera::Error) -> Diagnostic {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Diagnostic::error("template", format!("theme `{theme}`: {message}")).with_help(
        "fix the template in themes/; if you did not change the theme, restore it from git",
    )
}
