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
use crate::reuse::{key_of, Reuse};

/// Rendered parts kept in one build (the fields of every inherited form take far less).
const KEPT_BYTES: usize = 32 << 20;

pub struct RenderedParts {
    parts: Reuse<Rendered>,
}

/// A rendered part, and its data as the templates' value: a page that shows the part can
/// have the data too without converting it again.
pub struct Rendered {
    pub html: String,
    pub data: tera::Value,
}

impl Default for RenderedParts {
    fn default() -> Self {
        RenderedParts {
            parts: Reuse::new(KEPT_BYTES),
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
    ) -> Result<Arc<Rendered>, Diagnostic> {
        // The key is the data as JSON; ours always serializes (Tera serializes it too). It is
        // written whole and hashed in one go: hashed as written, in the many small pieces
        // JSON is written in, it cost twice as much.
        let mut json = Vec::with_capacity(4096);
        serde_json::to_writer(&mut json, &(template, lang, marked, data))
            .expect("template data serializes");
        self.parts.get_or_try_make(
            key_of(&json),
            || {
                let mut ctx = theme.texts(lang, marked);
                let data = tera::Value::from_serializable(data);
                ctx.insert_value("data", data.clone());
                let html = theme.render(template, &ctx)?;
                Ok(Rendered { html, data })
            },
            |rendered| rendered.html.len(),
        )
    }

    /// How many parts were rendered, and how many taken from those kept.
    pub fn counts(&self) -> (usize, usize) {
        self.parts.counts()
    }
}
