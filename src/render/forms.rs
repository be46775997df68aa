//! Form pages: an accessible HTML form that is filled in and printed in the browser.
//! The form has no action and no script that sends or stores anything.

use serde::Serialize;

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::content::forms::{Field, FieldKind, Width};
use crate::diagnostics::Diagnostic;
use crate::route::Route;

#[derive(Serialize)]
struct OptionCtx {
    id: String,
    label: String,
}

#[derive(Serialize)]
struct FieldCtx {
    kind: &'static str,
    id: String,
    label: String,
    hint: Option<String>,
    hint_id: Option<String>,
    required: bool,
    autocomplete: Option<String>,
    width: &'static str,
    rows: u16,
    options: Vec<OptionCtx>,
    text: Option<String>,
}

#[derive(Serialize)]
struct SectionCtx {
    title: String,
    description: Option<String>,
    fields: Vec<FieldCtx>,
}

/// What `partials/form_fields.html` shows: the form itself, the same in every kommune
/// that inherits it (the introduction is not: its links lead to the kommune's own pages).
#[derive(Serialize)]
struct FieldsCtx {
    sections: Vec<SectionCtx>,
    has_required: bool,
}

/// What form.html shows. The fields are there both rendered (`fields_html`) and as data
/// (`sections`, `has_required`, added from the rendered part's data: converted once for
/// every kommune that shows the form) for a project's own form.html made before.
#[derive(Serialize)]
struct FormCtx<'a> {
    id: &'a str,
    title: &'a str,
    description: String,
    intro: Option<String>,
    fields_html: &'a str,
    levels: Vec<super::context::Link>,
    pdf: Option<PdfCtx>,
}

#[derive(Serialize)]
struct PdfCtx {
    url: String,
    size: String,
}

#[derive(Serialize)]
struct FormSummary {
    title: String,
    url: String,
    description: String,
    levels: Vec<u8>,
}

impl KommuneRenderer<'_> {
    fn field_ctx(&self, lang: &str, form_id: &str, field: &Field) -> FieldCtx {
        let id = format!("{form_id}-{}", field.stem());
        let options = field
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionCtx {
                id: format!("{id}-{}", i + 1),
                label: o.clone(),
            })
            .collect();
        let width = match (field.kind, field.width) {
            (_, Some(Width::Short)) | (FieldKind::Date, None) => "short",
            (_, Some(Width::Medium)) => "medium",
            _ => "long",
        };
        FieldCtx {
            kind: field.kind.name(),
            hint_id: field.hint.as_ref().map(|_| format!("{id}-hint")),
            id,
            label: field.label.clone().unwrap_or_default(),
            hint: field.hint.clone(),
            required: field.required,
            autocomplete: field.autocomplete.clone(),
            width,
            rows: field.rows.unwrap_or(5),
            options,
            text: field.text.as_deref().map(|t| self.md(lang, t).html),
        }
    }

    pub(super) fn forms_index(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let mut forms: Vec<FormSummary> = self
            .kommune
            .forms
            .values()
            .map(|v| {
                let (doc, _) = v.pick(lang, default);
                FormSummary {
                    title: doc.data.title.clone(),
                    url: self.urls.href(lang, &Route::Form(v.id.clone())),
                    description: self.md_inline(lang, &doc.data.description),
                    levels: doc.data.levels.clone(),
                }
            })
            .collect();
        forms.sort_by(|a, b| a.title.cmp(&b.title));
        let title = self.t(lang, "nav_forms");
        let page = self.page_ctx(lang, &Route::FormsIndex, &title, &self.all_langs());
        let html = self.render_page(
            "forms_index.html",
            lang,
            &page,
            &serde_json::json!({ "forms": forms }),
        )?;
        Ok(self.out(lang, &Route::FormsIndex, html, None))
    }

    pub(super) fn form(&self, lang: &str, id: &str) -> Result<OutPage, Diagnostic> {
        let variants = &self.kommune.forms[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let f = &doc.data;
        let description = self.md(lang, &f.description);
        let mut text = vec![description.text];
        let intro = f.intro.as_deref().map(|i| {
            let intro = self.md(lang, i);
            text.push(intro.text);
            intro.html
        });
        let sections: Vec<SectionCtx> = f
            .sections
            .iter()
            .map(|s| {
                text.push(s.title.clone());
                text.extend(s.description.iter().cloned());
                for fl in &s.fields {
                    text.extend(fl.label.iter().chain(&fl.hint).chain(&fl.options).cloned());
                }
                SectionCtx {
                    title: s.title.clone(),
                    description: s.description.clone(),
                    fields: s
                        .fields
                        .iter()
                        .map(|fl| self.field_ctx(lang, id, fl))
                        .collect(),
                }
            })
            .collect();
        let fields = FieldsCtx {
            sections,
            has_required: f
                .sections
                .iter()
                .flat_map(|s| &s.fields)
                .any(|fl| fl.required),
        };
        // Labels in a form shown in another language restate theirs (`tt` marked), as the
        // page's own template context has them.
        let marked = doc.lang != lang;
        let fields_part = self.parts.render(
            self.theme,
            "partials/form_fields.html",
            lang,
            marked,
            &fields,
        )?;
        let data = FormCtx {
            id,
            title: &f.title,
            description: description.html,
            intro,
            fields_html: &fields_part.html,
            levels: f
                .levels
                .iter()
                .filter_map(|n| self.level_link(lang, *n))
                .collect(),
            pdf: self.form_pdf(lang, id).map(|(url, size)| PdfCtx {
                url,
                size: super::prints::human_size(size, lang),
            }),
        };
        let route = Route::Form(id.to_string());
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &f.title, &available);
        let mut page = self.with_doc(page, lang, &doc.lang, f);
        page.description = Some(f.description.clone());
        let mut data = tera::Value::from_serializable(&data)
            .into_map()
            .expect("a struct's value is a map");
        for (key, value) in fields_part.data.as_map().into_iter().flatten() {
            data.insert(key.clone(), value.clone());
        }
        let html = self.render_page_value("form.html", lang, &page, data.into())?;
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: f.title.clone(),
            kind: self.t(lang, "kind_form"),
            keywords: f.keywords.clone(),
            text: text.join(" "),
        };
        Ok(self.out(lang, &route, html, Some(search)))
    }
}
