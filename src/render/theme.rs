//! The theme: Tera templates, CSS and UI strings, loaded once per build from the built-in
//! theme and the project's overrides ([`ThemeFiles`]).

use std::path::Path;

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::theme_files::ThemeFiles;

pub struct Theme {
    pub name: String,
    /// Every file of the theme (print templates are read from here).
    pub files: ThemeFiles,
    pub tera: Tera,
    pub strings: Strings,
    /// The theme's stylesheet, minified.
    pub css: String,
    /// Static files besides the stylesheet (scripts), by file name.
    pub scripts: Vec<(String, Vec<u8>)>,
    /// Web fonts (`static/fonts/*.woff2`), by file name; main.css names them as
    /// `fonts/<name>` and uses them only on pages in the languages that need them.
    pub fonts: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The theme `name` of the project at `root`: the built-in standard theme, overridden
    /// file by file by `themes/<name>/` (see [`ThemeFiles`]).
    pub fn load(
        root: &Path,
        name: &str,
        langs: &[String],
    ) -> Result<(Theme, Vec<Diagnostic>), Diagnostic> {
        let files = ThemeFiles::load(root, name)?;
        // Added together, so a template may extend or include any other, wherever each
        // came from; names are paths under templates/, as Tera's glob loader gives them.
        let mut templates = Vec::new();
        for (rel, _) in files.under("templates/") {
            if rel.ends_with(".html") {
                templates.push((&rel["templates/".len()..], files.text(rel)?));
            }
        }
        let mut tera = Tera::default();
        tera.add_raw_templates(templates)
            .map_err(|e| name_template_file(template_error(name, &e), &files))?;
        tera.autoescape_on(vec![".html"]);
        let (strings, warnings) = Strings::load(&files, langs)?;
        let css_path = "static/css/main.css";
        let css = crate::assets::minify_css(files.text(css_path)?).map_err(|e| {
            Diagnostic::error("invalid-css", format!("{}: {e}", files.display(css_path)))
                .with_help(crate::msg!("theme-template-help"))
        })?;
        let mut scripts: Vec<(String, Vec<u8>)> = files
            .under("static/js/")
            .filter_map(|(rel, file)| {
                let name = &rel["static/js/".len()..];
                (name.ends_with(".js") && !name.contains('/'))
                    .then(|| (name.to_string(), file.bytes.to_vec()))
            })
            .collect();
        scripts.sort();
        let mut fonts: Vec<(String, Vec<u8>)> = files
            .under("static/fonts/")
            .filter_map(|(rel, file)| {
                let name = &rel["static/fonts/".len()..];
                (name.ends_with(".woff2") && !name.contains('/'))
                    .then(|| (name.to_string(), file.bytes.to_vec()))
            })
            .collect();
        fonts.sort();
        Ok((
            Theme {
                name: name.to_string(),
                files,
                tera,
                strings,
                css,
                scripts,
                fonts,
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

/// Tera names a template that does not parse by its name (`'page.html'`); add which file
/// that is, the project's copy or the built-in one, so the editor knows what to open.
fn name_template_file(mut diagnostic: Diagnostic, files: &ThemeFiles) -> Diagnostic {
    let named = files.under("templates/").find(|(rel, _)| {
        let quoted = format!("'{}'", &rel["templates/".len()..]);
        diagnostic.message.contains(&quoted)
    });
    if let Some((rel, _)) = named {
        diagnostic.message = format!("{}: {}", files.display(rel), diagnostic.message);
    }
    diagnostic
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
    Diagnostic::error(
        "template",
        crate::msg!("theme-template", theme = theme, message = &message),
    )
    .with_help(crate::msg!("theme-template-help"))
}
