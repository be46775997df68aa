//! The theme: Tera templates, CSS and UI strings, loaded once per build from the built-in
//! theme and the project's overrides ([`ThemeFiles`]).

use std::path::Path;
use std::sync::{Arc, Mutex};

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::i18n::{FallbackTexts, Strings};
use crate::source::SourceFile;
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
    /// Template contexts with a language's interface texts, by language and marking: made
    /// once per build (the texts are several hundred values) and copied, which is cheap.
    texts: Mutex<Vec<((String, bool), tera::Context)>>,
}

/// A theme with its templates compiled and its stylesheet minified: everything but the
/// interface texts, which depend on the languages built. Compiling is a good part of a
/// small build's time and needs only the theme's name, so `build` compiles it while the
/// content is loaded and checked.
pub struct CompiledTheme {
    name: String,
    files: ThemeFiles,
    tera: Tera,
    css: String,
    scripts: Vec<(String, Vec<u8>)>,
    fonts: Vec<(String, Vec<u8>)>,
    fallback_texts: FallbackTexts,
}

impl CompiledTheme {
    /// The theme `name` of the project at `root`: the built-in standard theme, overridden
    /// file by file by `themes/<name>/` (see [`ThemeFiles`]).
    pub fn compile(root: &Path, name: &str) -> Result<CompiledTheme, Diagnostic> {
        Self::compile_with(root, name, None)
    }

    /// [`CompiledTheme::compile`], with the stylesheet minified through `css_cache`.
    pub fn compile_with(
        root: &Path,
        name: &str,
        css_cache: Option<&crate::assets::CssCache>,
    ) -> Result<CompiledTheme, Diagnostic> {
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
        tera.autoescape_on([".html"]);
        tera.set_escape_fn(escape_html_into);
        tera.register_filter("striptags", striptags);
        tera.register_filter("truncate", truncate);
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(name, &files, &e))?;
        let css_path = "static/css/main.css";
        let css_source = files.text(css_path)?;
        let css = match css_cache {
            Some(cache) => cache.minify(css_source),
            None => crate::assets::minify_css(css_source),
        };
        let css = css.map_err(|e| {
            Diagnostic::error("invalid-css", format!("{}: {e}", files.display(css_path)))
                .with_help(crate::msg!("theme-template-help"))
        })?;
        let scripts = static_files(&files, "static/js/", ".js");
        let fonts = static_files(&files, "static/fonts/", ".woff2");
        let fallback_texts = FallbackTexts::read(&files);
        Ok(CompiledTheme {
            name: name.to_string(),
            files,
            tera,
            css,
            scripts,
            fonts,
            fallback_texts,
        })
    }

    /// The theme with its interface texts in `langs`, and warnings for those missing.
    pub fn with_strings(self, langs: &[String]) -> Result<(Theme, Vec<Diagnostic>), Diagnostic> {
        let (strings, warnings) = Strings::load_with(&self.files, &self.fallback_texts, langs)?;
        Ok((self.with_loaded_strings(strings), warnings))
    }

    /// The theme with interface texts read from its files before.
    pub fn with_loaded_strings(self, strings: Strings) -> Theme {
        Theme {
            name: self.name,
            files: self.files,
            tera: self.tera,
            strings,
            css: self.css,
            scripts: self.scripts,
            fonts: self.fonts,
            texts: Mutex::default(),
        }
    }
}

/// The files directly in `folder` whose names end with `extension`, by file name.
fn static_files(files: &ThemeFiles, folder: &str, extension: &str) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<(String, Vec<u8>)> = files
        .under(folder)
        .filter_map(|(rel, file)| {
            let name = &rel[folder.len()..];
            (name.ends_with(extension) && !name.contains('/'))
                .then(|| (name.to_string(), file.bytes.to_vec()))
        })
        .collect();
    found.sort();
    found
}

impl Theme {
    /// [`CompiledTheme::compile`] and [`CompiledTheme::with_strings`].
    pub fn load(
        root: &Path,
        name: &str,
        langs: &[String],
    ) -> Result<(Theme, Vec<Diagnostic>), Diagnostic> {
        CompiledTheme::compile(root, name)?.with_strings(langs)
    }

    /// A template context with the interface texts of `lang` and nothing else: `t`, and
    /// `tt` with each label marked with its language when `marked`.
    pub fn texts(&self, lang: &str, marked: bool) -> tera::Context {
        let mut made = self.texts.lock().expect("texts lock");
        if let Some((_, ctx)) = made.iter().find(|((l, m), _)| l == lang && *m == marked) {
            return ctx.clone();
        }
        let mut ctx = tera::Context::new();
        ctx.insert("t", self.strings.for_lang(lang));
        ctx.insert("tt", self.strings.marked(lang, marked));
        made.push(((lang.to_string(), marked), ctx.clone()));
        ctx
    }

    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        // Into bytes, checked as UTF-8 here: Tera's `render` checks them with std's slower
        // check, a measurable part of rendering every page.
        let mut html = Vec::with_capacity(4096);
        self.tera
            .render_to(template, context, &mut html)
            .map_err(|e| template_error(&self.name, &self.files, &e))?;
        Ok(crate::bytes::string_from_utf8(html)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }
}

/// Text escaped for HTML as the templates escape it: Tera's escaping without its
/// `/` → `&#x2F;`, since a slash ends nothing in text or in a quoted attribute and every
/// page is minified, which turned each `&#x2F;` in the many URLs back into `/`.
pub fn escape_html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    escape_html_into(text, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

fn escape_html_into(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut rest = text;
    // Bytes, not characters: the five are ASCII, and decoding each character of the many
    // texts and URLs was a measurable part of rendering.
    while let Some(at) = crate::bytes::position(rest.as_bytes(), |b| {
        matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
    }) {
        out.write_all(&rest.as_bytes()[..at])?;
        out.write_all(match rest.as_bytes()[at] {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            _ => b"&#x27;",
        })?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest.as_bytes())
}

/// `striptags`, which Tera 1 had and Tera 2 left out: the text without its tags and
/// comments (`<…>`, `<!--…-->`), as Tera 1 removed them.
fn striptags(text: &str, _: tera::Kwargs, _: &tera::State) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        // A comment ends at `-->`; one that does not, like a tag, at the first `>`.
        let comment_end = tag
            .starts_with("<!--")
            .then(|| tag.find("-->").map(|e| e + 3))
            .flatten();
        let end = comment_end.or_else(|| tag.find('>').map(|e| e + 1));
        match end {
            Some(end) => rest = &tag[end..],
            // An unclosed `<` is text, as Tera 1's pattern left it.
            None => {
                out.push_str(tag);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tera's `truncate` (at most `length` graphemes, then `end`, `…` by default) without
/// Tera's list of every grapheme of the text: a text of at most `length` bytes has at most
/// that many graphemes and stays as it is, and a longer one is read only up to the cut.
/// The theme cuts every page's `<meta name="description">` with it.
fn truncate(text: &str, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let length = kwargs.must_get::<usize>("length")?;
    let end = kwargs.get::<&str>("end")?.unwrap_or("…");
    if text.len() <= length {
        return Ok(text.to_string());
    }
    Ok(match text.grapheme_indices(true).nth(length) {
        Some((cut, _)) => text[..cut].to_string() + end,
        None => text.to_string(),
    })
}

/// A template error located in its file (the project's copy or the built-in one, so the
/// editor knows what to open), with Tera's reason.
pub fn template_error(theme: &str, files: &ThemeFiles, err: &tera::Error) -> Diagnostic {
    let error = |message: &str| {
        Diagnostic::error(
            "template",
            crate::msg!("theme-template", theme = theme, message = message),
        )
        .with_help(crate::msg!("theme-template-help"))
    };
    let (tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report)) =
        err.kind()
    else {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        return error(&message);
    };
    let rel = format!("templates/{}", report.filename());
    let span = report.span();
    let Ok(text) = files.text(&rel) else {
        return error(report.message());
    };
    // Tera says only "Unknown tag" where a block ends before an inner one is closed.
    let reason = match text.get(span.range.clone()) {
        Some(tag) if report.message() == "Unknown tag" && !tag.is_empty() => {
            crate::msg!("theme-template-misplaced-tag", tag = tag)
        }
        _ => report.message().to_string(),
    };
    let file = Arc::new(SourceFile::new(files.display(&rel), text.to_string()));
    error(&reason)
        .in_file(&file)
        .at_offset(span.range.start, span.range.len())
}

#[cfg(test)]
mod tests {
    use super::{escape_html, striptags, truncate};

    #[test]
    fn escaping_keeps_slashes_and_escapes_what_could_end_a_tag_or_attribute() {
        assert_eq!(escape_html("/a/b/?x=1"), "/a/b/?x=1");
        assert_eq!(
            escape_html(r#"<b a="1" c='2'>&</b>"#),
            "&lt;b a=&quot;1&quot; c=&#x27;2&#x27;&gt;&amp;&lt;/b&gt;"
        );
        assert_eq!(escape_html("Tromsø – «ja»"), "Tromsø – «ja»");
    }

    #[test]
    fn truncate_cuts_after_as_many_graphemes_as_teras_own_filter() {
        let ours = {
            let mut tera = tera::Tera::default();
            tera.register_filter("truncate", truncate);
            tera
        };
        let teras = tera::Tera::default();
        let texts = [
            "",
            "Ring 110",
            "Barneverntjenesten hjelper barn og familier",
            "a\u{030A}a\u{030A}a\u{030A}a\u{030A}",
            "😀😀👩‍👩‍👧😀test",
            "日本語hello",
            "الطِّفْل والأسرة",
            "ሕፃን ትምህርት",
        ];
        for text in texts {
            for length in 0..20 {
                for call in [
                    format!("{{{{ t | truncate(length={length}) }}}}"),
                    format!("{{{{ t | truncate(length={length}, end=\"...\") }}}}"),
                ] {
                    let mut ctx = tera::Context::new();
                    ctx.insert("t", text);
                    let render = |tera: &tera::Tera| tera.render_str(&call, &ctx, false).unwrap();
                    assert_eq!(render(&ours), render(&teras), "{text:?} {call}");
                }
            }
        }
    }

    #[test]
    fn striptags_removes_tags_and_comments_and_keeps_a_lone_angle_bracket() {
        let mut tera = tera::Tera::default();
        tera.register_filter("striptags", striptags);
        let strip = |t: &str| {
            let mut ctx = tera::Context::new();
            ctx.insert("t", t);
            tera.render_str("{{ t | striptags }}", &ctx, false).unwrap()
        };
        assert_eq!(strip("<p>Ring <b>110</b><!-- x --> nå</p>"), "Ring 110 nå");
        assert_eq!(strip("a < b"), "a < b");
        assert_eq!(strip("<!-- a > b"), " b");
    }
}
