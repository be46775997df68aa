//! Template parts rendered once per build: a part whose text depends only on its own data
//! and the interface texts (a form's fields, which every kommune that inherits the form
//! shows alike) is rendered the second time it is needed and taken from there after,
//! keyed by its template, language and data. Rendering a form's fields was most of a form
//! page's template time.
//!
//! A part is rendered with `t`, `tt` and `data` only, so a partial that used a page's or a
//! kommune's own values (`page`, `site`) never shows one kommune's values in another's
//! pages: printing or testing one is a template error.

use std::sync::Arc;

use serde::Serialize;

use super::Theme;
use crate::diagnostics::Diagnostic;
use crate::reuse::{KeyWriter, Reuse};

/// Rendered parts kept in one build (the fields of every inherited form take far less).
const KEPT_BYTES: usize = 32 << 20;

pub struct RenderedParts {
    parts: Reuse<String>,
    /// Contexts with the interface texts of a language (marked or not) and nothing else,
    /// copied for each part: serializing the texts costs more than most parts.
    texts: std::sync::Mutex<Vec<((String, bool), tera::Context)>>,
}

impl Default for RenderedParts {
    fn default() -> Self {
        RenderedParts {
            parts: Reuse::new(KEPT_BYTES),
            texts: Default::default(),
        }
    }
}

impl RenderedParts {
    /// `template` rendered with `data` and the interface texts of `lang` (`tt` marked with
    /// their language when `marked`).
    pub(super) fn render(
        &self,
        theme: &Theme,
        template: &str,
        lang: &str,
        marked: bool,
        data: &impl Serialize,
    ) -> Result<Arc<String>, Diagnostic> {
        let mut key = KeyWriter::default();
        // The key is the data as JSON; ours always serializes (Tera serializes it too).
        serde_json::to_writer(&mut key, &(template, lang, marked, data))
            .expect("template data serializes");
        self.parts.get_or_try_make(
            key.key(),
            || {
                let mut ctx = self.texts(theme, lang, marked);
                ctx.insert("data", data);
                theme.render(template, &ctx)
            },
            String::len,
        )
    }

    /// A context with the interface texts of `lang` alone.
    fn texts(&self, theme: &Theme, lang: &str, marked: bool) -> tera::Context {
        let mut made = self.texts.lock().expect("texts lock");
        if let Some((_, ctx)) = made.iter().find(|((l, m), _)| l == lang && *m == marked) {
            return ctx.clone();
        }
        let mut ctx = tera::Context::new();
        ctx.insert("t", theme.strings.for_lang(lang));
        ctx.insert("tt", theme.strings.marked(lang, marked));
        made.push(((lang.to_string(), marked), ctx.clone()));
        ctx
    }

    /// How many parts were rendered, and how many taken from those kept.
    pub fn counts(&self) -> (usize, usize) {
        self.parts.counts()
    }
}
